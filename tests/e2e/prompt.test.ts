// The column prompt, as an administrator meets it: the built CLI in a real terminal (util-linux's
// `script` gives it a pseudo-terminal), a file whose email column has a name no preset knows, and
// keys typed at the prompt. Choosing the column imports the file; choosing to stop imports nothing
// and names the --map to add.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, listFiles, makeWorkspace } from '../helpers/cli.js';

const CSV = 'Contact address,Full name,programme,sectors\r\nann.lee@lse.ac.uk,Ann Lee,MSc Public Policy and Administration,Consulting\r\n';
const DOWN = '\u001b[B';

/** Run `mentorship ARGS` in a terminal; when the screen shows `prompt`, type `keys`. */
function inTerminal(args: string[], cwd: string, prompt: string, keys: string): Promise<{ code: number; screen: string }> {
  const command = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', TERM: 'xterm', MENTORSHIP_TODAY: '2025-11-25' };
  // A run under CI never asks: the prompt is for a person at a terminal.
  delete env.CI;
  delete env.FORCE_COLOR;
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-q', '-e', '-c', command, '/dev/null'], { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let screen = '';
    let typed = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no answer in time; the screen showed:\n${screen}`));
    }, 60_000);
    const look = (chunk: Buffer) => {
      screen += chunk.toString('utf8');
      if (!typed && screen.includes(prompt)) {
        typed = true;
        // One key at a time, as typed: the prompt reads keypresses, not lines.
        const presses = keys.match(/\u001b\[[A-D]|[\s\S]/g) ?? [];
        presses.forEach((k, i) => setTimeout(() => child.stdin.write(k), 100 * (i + 1)));
      }
    };
    child.stdout.on('data', look);
    child.stderr.on('data', look);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, screen });
    });
  });
}

describe('the column prompt in a terminal', () => {
  it('asks which column holds the email, and imports the file with the answer', async () => {
    const ws = makeWorkspace({ 'forms.csv': CSV });
    const r = await inTerminal(['import', 'students', 'forms.csv', '--map', 'Full name=name'], ws, 'which column holds "email"?', '\r');
    expect(r.screen).toContain('Contact address');
    expect(r.screen).toContain('(none of them: stop)');
    expect(r.code, r.screen).toBe(0);
    expect(r.screen).toContain('1 imported');
    const stored = fs.readFileSync(path.join(ws, 'data/students.csv'), 'utf8');
    expect(stored).toContain('ann.lee@lse.ac.uk,"Ann Lee"');
  }, 90_000);

  it('stops with the --map to add when the administrator says none of them', async () => {
    const ws = makeWorkspace({ 'forms.csv': CSV });
    const before = listFiles(ws);
    const r = await inTerminal(['import', 'students', 'forms.csv', '--map', 'Full name=name'], ws, 'which column holds "email"?', `${DOWN}\r`);
    expect(r.screen).toContain('which column holds "email"?');
    expect(r.code, r.screen).toBe(1);
    expect(r.screen).toContain('add --map "Contact address=email"');
    expect(listFiles(ws)).toEqual(before);
  }, 90_000);
});

describe('a prompt that cannot mislead', () => {
  it('offers no default when no column fits: Enter stops instead of mapping a wrong column', async () => {
    const csv = 'Email,Full name,What should we call you?,Which sectors interest you?\r\nann.lee@lse.ac.uk,Ann Lee,Annie,Consulting\r\n';
    const ws = makeWorkspace({ 'forms.csv': csv });
    const before = listFiles(ws);
    const r = await inTerminal(['import', 'students', 'forms.csv'], ws, 'which column holds "programme"?', '\r');
    expect(r.screen).toContain('What should we call you?');
    expect(r.code, r.screen).toBe(1);
    expect(r.screen).toContain('no column looks like programme');
    expect(listFiles(ws)).toEqual(before);
  }, 90_000);

  it('proposes the column whose answers fit, so Enter maps the right one', async () => {
    const csv = 'Contact,Full name,programme,sectors\r\nann.lee@lse.ac.uk,Ann Lee,MSc Public Policy and Administration,Consulting\r\n';
    const ws = makeWorkspace({ 'forms.csv': csv });
    const r = await inTerminal(['import', 'students', 'forms.csv'], ws, 'which column holds "email"?', '\r');
    expect(r.screen).toContain('Contact  (looks like email)');
    expect(r.code, r.screen).toBe(0);
    // The answer is remembered: the next download imports with no prompt.
    expect(fs.readFileSync(path.join(ws, 'scheme.json'), 'utf8')).toContain('"header": "Contact"');
  }, 90_000);

  it('asks which of several bio columns is the bio, never offers the consent question, and Enter leaves the bio empty', async () => {
    const csv = [
      'Email,Full name,programme,sectors,Do you consent to your bio being shared?,Your bio for your mentor,Your bio for our website',
      'ann.lee@lse.ac.uk,Ann Lee,MSc Public Policy and Administration,Consulting,Yes,Mentor bio,Website bio',
    ].join('\r\n') + '\r\n';
    const ws = makeWorkspace({ 'forms.csv': csv });
    const r = await inTerminal(['import', 'students', 'forms.csv'], ws, 'several columns could hold "bio"', '\r');
    const question = r.screen.slice(r.screen.indexOf('several columns could hold "bio"'));
    expect(question).toContain('Your bio for your mentor');
    expect(question).toContain('Your bio for our website');
    expect(question).not.toContain('Do you consent');
    expect(r.code, r.screen).toBe(0);
    // One warning lists the optional fields no column holds, with the --map for each.
    expect(r.screen).toMatch(/no column holds the optional fields [^\n]*bio \(--map "HEADER=bio"\)/);
    const stored = fs.readFileSync(path.join(ws, 'data/students.csv'), 'utf8');
    expect(stored).toMatch(/ann\.lee@lse\.ac\.uk,"Ann Lee",Ann,[^\n]*,no,,yes,/);
  }, 90_000);
});

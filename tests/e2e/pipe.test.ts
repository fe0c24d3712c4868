// A reader that stops early (`mentorship ... | head`) must not turn into a crash on the terminal.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';

/** Runs the CLI with a stdout pipe that is closed after the first bytes arrive, as `head -c` does. */
function runClosingEarly(args: string[]): Promise<{ code: number | null; stderr: string; got: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let got = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', (d: Buffer) => {
      got = d.toString().slice(0, 10);
      child.stdout.destroy();
    });
    child.on('close', (code) => resolve({ code, stderr, got }));
  });
}

describe('output into a pipe that closes early', () => {
  it.each([[['--help']], [['demo', '--help']], [['import', 'students', '--help']]])('%j stops quietly with exit 0', async (args) => {
    const r = await runClosingEarly(args);
    expect(r.got).toMatch(/^Usage: /);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});

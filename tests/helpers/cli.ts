// End-to-end helpers: a temporary workspace and the real CLI (the committed dist/; `npm run compile` after changing src/) run as a
// child process, exactly as an administrator runs it.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = path.join(REPO, 'bin', 'mentorship.js');
export const FIXTURES = path.join(REPO, 'fixtures');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: readonly string[], opts: { cwd: string; env?: NodeJS.ProcessEnv; input?: string; timeoutMs?: number }): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, MENTORSHIP_TODAY: '2025-11-25', ...opts.env },
    input: opts.input ?? '',
    encoding: 'utf8',
    timeout: opts.timeoutMs ?? 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

export function tempDir(prefix = 'mentorship-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A fresh workspace (mentorship init) with optional extra files written into it. */
export function makeWorkspace(files: Record<string, string | Buffer> = {}): string {
  const dir = tempDir();
  const r = runCli(['init', '.'], { cwd: dir });
  if (r.code !== 0) throw new Error(`init failed: ${r.stderr}`);
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(dir, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
  }
  return dir;
}

/** Every file under dir (relative paths), for "nothing half-written" checks. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const abs = path.join(d, e.name);
      if (e.isDirectory()) walk(abs);
      else out.push(path.relative(dir, abs));
    }
  };
  walk(dir);
  return out.sort();
}

/** Snapshot of file contents, to prove a failed command changed nothing. */
export function snapshot(dir: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const f of listFiles(dir)) {
    if (f.startsWith('.mentorship/lock')) continue;
    m.set(f, fs.readFileSync(path.join(dir, f)).toString('base64'));
  }
  return m;
}

/** Replace the placeholder survey links init writes (emails feedback refuses them) with real-looking ones. */
export function setSurveyLinks(dir: string): void {
  const file = path.join(dir, 'scheme.json');
  const scheme = JSON.parse(fs.readFileSync(file, 'utf8')) as { surveys: Record<string, { link: string }> };
  for (const [key, s] of Object.entries(scheme.surveys)) s.link = `https://forms.office.com/r/ei-mentoring-${key}`;
  fs.writeFileSync(file, `${JSON.stringify(scheme, null, 2)}\n`);
}

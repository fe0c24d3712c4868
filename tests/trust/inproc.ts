// In-process runs of the CLI for the trust tests: main() from src/main.ts with buffers for stdout
// and stderr, a pinned clock and no TTY, so thousands of cases fit in a few seconds. Also the
// workspace template (init once, copy per case) and the outcome rules every hostile case must meet.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { expect } from 'vitest';
import type { FsPort } from '../../src/io/fs-port.js';
import { main } from '../../src/main.js';
import { Sink } from '../helpers/context.js';
import { listFiles, snapshot } from '../helpers/cli.js';
import { xlsxContent } from './zip.js';
import { setSurveyLinks } from '../helpers/cli.js';

export const TRUST_ENV: NodeJS.ProcessEnv = { NO_COLOR: '1', MENTORSHIP_TODAY: '2025-11-25', CI: 'true', PATH: process.env.PATH };

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Run `mentorship ARGS` in this process. Never throws: main() owns every error. `fs` is the
 * file-system port of the workspace's transaction and lock, for fault injection.
 */
export async function runIn(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}, fs?: FsPort): Promise<RunResult> {
  const stdout = new Sink();
  const stderr = new Sink();
  const stdin = Object.assign(Readable.from([]), { isTTY: false });
  const code = await main([...args], { cwd, env: { ...TRUST_ENV, ...env }, stdout, stderr, stdin, ...(fs ? { fs } : {}) });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

export function tempRoot(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

let template: string | undefined;

/** A fresh, empty workspace: `init` runs once per test file, then the folder is copied. */
export async function freshWorkspace(parent?: string): Promise<string> {
  if (!template) {
    const dir = tempRoot('trust-template-');
    const r = await runIn(['init', dir], dir);
    if (r.code !== 0) throw new Error(`init failed: ${r.stderr}`);
    // The cycle mails the feedback survey, which refuses init's placeholder links.
    setSurveyLinks(dir);
    template = dir;
  }
  const dir = parent ? fs.mkdtempSync(path.join(parent, 'ws-')) : tempRoot('trust-ws-');
  fs.cpSync(template, dir, { recursive: true });
  return dir;
}

export { listFiles, snapshot };

/** Every file of the workspace, with its bytes, for "exactly as before" (the lock file aside). */
export function sameFiles(before: Map<string, string>, after: Map<string, string>): { added: string[]; removed: string[]; changed: string[] } {
  const added = [...after.keys()].filter((k) => !before.has(k));
  const removed = [...before.keys()].filter((k) => !after.has(k));
  const changed = [...before.keys()].filter((k) => after.has(k) && after.get(k) !== before.get(k));
  return { added, removed, changed };
}

export function expectUnchanged(before: Map<string, string>, dir: string, what: string): void {
  const diff = sameFiles(before, snapshot(dir));
  expect(diff, `${what}: the workspace must be exactly as before`).toEqual({ added: [], removed: [], changed: [] });
}

const STACK_LINE = /^\s+at .+(:\d+:\d+\)?|\(native\)|<anonymous>)$/m;

/**
 * A failure must be one clear message: exit 1 (data) or 2 (usage), one line starting `error:` or
 * `usage error:`, at most indented `fix:`/hint lines after it, no stack trace, never `internal error`.
 * Returns a description of what is wrong, or null when the outcome is acceptable.
 */
export function judgeFailure(r: RunResult): string | null {
  if (r.code !== 1 && r.code !== 2) return `exit code ${r.code} (expected 0, 1 or 2)`;
  if (/internal error/.test(r.stderr)) return `internal error: ${r.stderr.slice(0, 300)}`;
  if (STACK_LINE.test(r.stderr)) return `stack trace on stderr: ${r.stderr.slice(0, 300)}`;
  const lines = r.stderr.split('\n').filter((l) => l.length > 0);
  const at = lines.findIndex((l) => l.startsWith('error:') || l.startsWith('usage error:'));
  if (at < 0) return `no "error:" line on stderr: ${JSON.stringify(r.stderr.slice(0, 300))}`;
  // commander's own usage errors end with its "(run with --help for usage)" reminder.
  const rest = lines.slice(at + 1).filter((l) => l !== '(run with --help for usage)');
  const stray = rest.find((l) => !l.startsWith('  '));
  if (stray !== undefined) return `the error message runs over several lines: ${JSON.stringify(lines.slice(at, at + 3))}`;
  return null;
}

export function expectCleanFailure(r: RunResult, what: string): void {
  expect(judgeFailure(r), `${what}\nstderr: ${r.stderr.slice(0, 500)}`).toBeNull();
}

/** Resolve with 'hung' when a promise has not settled after `ms`: a hang is a bug, not a slow case. */
export async function settles<T>(p: Promise<T>, ms: number): Promise<T | 'hung'> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<'hung'>((resolve) => {
    timer = setTimeout(() => resolve('hung'), ms);
  });
  try {
    return await Promise.race([p, hung]);
  } finally {
    clearTimeout(timer);
  }
}

/** Files anywhere under `root`, relative, for "nothing was written outside out/ and data/". */
export function filesUnder(root: string): string[] {
  return listFiles(root);
}

/**
 * A snapshot compared by content: a workbook by its unzipped parts (zip entries carry the time they
 * were written), and the manifest of generated files by the names it lists (its values are hashes
 * of those very workbooks). For "the same command gives the same files", not for rollback checks,
 * which compare bytes.
 */
export function byContent(snap: Map<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [file, b64] of snap) {
    if (file.toLowerCase().endsWith('.xlsx')) out.set(file, xlsxContent(Buffer.from(b64, 'base64')));
    else if (file === path.join('.mentorship', 'generated.json')) out.set(file, Object.keys(JSON.parse(Buffer.from(b64, 'base64').toString('utf8')) as object).sort().join('\n'));
    else out.set(file, b64);
  }
  return out;
}

/** Like snapshot(), with a hash per file: for workspaces holding tens of megabytes. */
export function hashSnapshot(dir: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const f of listFiles(dir)) {
    if (f.startsWith(path.join('.mentorship', 'lock'))) continue;
    m.set(f, createHash('sha256').update(fs.readFileSync(path.join(dir, f))).digest('hex'));
  }
  return m;
}

/** What an interrupted commit leaves behind: temporaries, backups, the journal. */
export function leftovers(dir: string): string[] {
  return listFiles(dir).filter((f) => f.endsWith('.mentorship-tmp') || f.endsWith('.mentorship-bak') || f === path.join('.mentorship', 'journal.json'));
}

/** Remove the test's temporary folders and this file's workspace template. */
export function cleanup(...dirs: string[]): void {
  for (const d of [...dirs, ...(template ? [template] : [])]) if (d) fs.rmSync(d, { recursive: true, force: true });
  template = undefined;
}

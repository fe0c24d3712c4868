// Run the built CLI as a child process and measure wall time and peak memory (max RSS), the way
// an administrator would experience it. No assertions: benchmarks print figures.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = path.join(REPO, 'bin', 'mentorship.js');

export interface Measured {
  seconds: number;
  /** User plus system CPU time of all the command's threads: steadier than wall time on a shared machine. */
  cpuSeconds: number;
  maxRssMb: number;
  code: number;
  stderr: string;
}

/**
 * Flush what earlier steps wrote (setting up a workspace, deleting the last one's 30,000 drafts):
 * otherwise the disk's catching up is charged to whichever command runs next, which is how an
 * administrator's quiet machine never behaves. The command's own writes still count.
 */
export function settleDisk(): void {
  spawnSync('sync', [], { stdio: 'ignore' });
}

/** GNU time's %M is the child's peak resident set in KiB; %U and %S its CPU seconds. */
export function measureCli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Measured {
  settleDisk();
  const started = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', 'MAXRSS_KB=%M CPU_S=%U+%S', process.execPath, BIN, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', ...env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const m = /MAXRSS_KB=(\d+) CPU_S=([\d.]+)\+([\d.]+)/.exec(r.stderr ?? '');
  return {
    seconds,
    cpuSeconds: m ? Number(m[2]) + Number(m[3]) : NaN,
    maxRssMb: m ? Number(m[1]) / 1024 : NaN,
    code: r.status ?? -1,
    stderr: r.stderr ?? '',
  };
}

export function timeCommand(cmd: string, args: string[], cwd: string): number {
  const started = process.hrtime.bigint();
  spawnSync(cmd, args, { cwd, stdio: 'ignore' });
  return Number(process.hrtime.bigint() - started) / 1e9;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export function printTable(title: string, rows: Record<string, string | number>[]): void {
  console.log(`\n## ${title}`);
  const cell = (v: string | number | undefined) => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(3)) : String(v ?? ''));
  // Rows with other columns (the solver's comparisons with the reference and scipy) get a header of
  // their own: one header for all would leave their own figures unprinted.
  for (let start = 0; start < rows.length; ) {
    const keys = Object.keys(rows[start]!);
    const same = (r: Record<string, string | number>) => Object.keys(r).join('\0') === keys.join('\0');
    let end = start + 1;
    while (end < rows.length && same(rows[end]!)) end++;
    const block = rows.slice(start, end);
    const widths = keys.map((k) => Math.max(k.length, ...block.map((r) => cell(r[k]).length)));
    if (start > 0) console.log('');
    console.log(keys.map((k, i) => k.padEnd(widths[i]!)).join('  '));
    for (const r of block) console.log(keys.map((k, i) => cell(r[k]).padEnd(widths[i]!)).join('  '));
    start = end;
  }
}

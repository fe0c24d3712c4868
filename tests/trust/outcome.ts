// The rule every hostile import must obey, as a checker that collects violations by kind, so one run
// reports every kind of failure it met (with an example) instead of stopping at the first.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { judgeFailure, runIn, sameFiles, settles, snapshot } from './inproc.js';

export class Violations {
  private readonly byKind = new Map<string, { count: number; example: string }>();
  add(kind: string, example: string): void {
    const v = this.byKind.get(kind);
    if (v) v.count++;
    else this.byKind.set(kind, { count: 1, example: example.slice(0, 1500) });
  }
  get size(): number {
    return this.byKind.size;
  }
  /** One line per kind of violation, for the assertion message. */
  report(): string[] {
    return [...this.byKind.entries()].map(([k, v]) => `${k} (${v.count}x), e.g. ${v.example}`);
  }
}

export interface ImportCase {
  ws: string;
  input: string;
  kind: 'students' | 'mentors';
  extraArgs: string[];
  /** Printed with a violation so it can be reproduced. */
  describe: string;
}

export interface ImportTally {
  imported: number;
  refused: number;
}

/** A hang (a promise that never settles: exit 13 with no message in the real CLI) is a bug. */
export const HANG_MS = 15_000;

/**
 * Run one import in-process and check: a clean import (exit 0) that `status` reloads and that
 * re-imports as unchanged, or one clear error with the workspace byte-identical; the input never
 * modified; never a hang, a stack trace or an internal error.
 */
export async function checkImport(c: ImportCase, v: Violations, tally: ImportTally, opts: { reimport?: boolean } = {}): Promise<void> {
  const inputBefore = fs.readFileSync(c.input);
  const before = snapshot(c.ws);
  const args = ['import', c.kind, c.input, '--workspace', c.ws, '--yes', '--json', ...c.extraArgs];
  const r = await settles(runIn(args, c.ws), HANG_MS);
  if (r === 'hung') {
    v.add('the import never finished (the real CLI exits 13 with no message)', c.describe);
    return;
  }
  if (!fs.readFileSync(c.input).equals(inputBefore)) v.add('the input file was modified', c.describe);
  const dryRun = c.extraArgs.includes('--dry-run');
  if (r.code !== 0 || dryRun) {
    if (r.code !== 0) {
      tally.refused++;
      const bad = judgeFailure(r);
      if (bad) v.add(bad.replace(/:.*$/s, ''), `${bad.slice(0, 600)}\n  case: ${c.describe}`);
    }
    const diff = sameFiles(before, snapshot(c.ws));
    if (r.code === 1 && /nothing was imported: all \d+ rows? (was|were) rejected/.test(r.stderr)) {
      // Issue 16: an import whose every row was rejected exits 1 after writing its rejects (and the
      // audit entry saying so). Nothing else may change, and no person may be stored.
      const allowed = (f: string) => f.startsWith(path.join('out', 'rejects') + path.sep) || f === path.join('data', 'audit.jsonl') || f === path.join('.mentorship', 'generated.json') || f === path.join('data', `${c.kind}.csv`);
      const other = [...diff.added, ...diff.removed, ...diff.changed].filter((f) => !allowed(f));
      if (other.length) v.add('an all-rejected import changed more than its rejects', `${JSON.stringify(other)} ${c.describe}`);
      const stored = path.join(c.ws, 'data', `${c.kind}.csv`);
      if ([...diff.added, ...diff.changed].includes(path.join('data', `${c.kind}.csv`)) && before.get(path.join('data', `${c.kind}.csv`)) !== undefined) {
        v.add('an all-rejected import changed the stored people', c.describe);
      } else if (fs.existsSync(stored) && fs.readFileSync(stored, 'utf8').trim().split(/\r?\n/).length > 1 && !before.has(path.join('data', `${c.kind}.csv`))) {
        v.add('an all-rejected import stored a person', c.describe);
      }
      return;
    }
    if (diff.added.length + diff.removed.length + diff.changed.length) {
      v.add(`a ${dryRun ? 'dry run' : 'failed import'} changed the workspace`, `${JSON.stringify(diff)} ${c.describe}`);
    }
    return;
  }
  tally.imported++;
  let summary: { imported: number };
  try {
    summary = (JSON.parse(r.stdout) as { result: { imported: number } }).result;
  } catch {
    v.add('--json printed something that is not JSON', r.stdout.slice(0, 200));
    return;
  }
  // What the tool wrote, it reads back.
  const status = await runIn(['status', '--workspace', c.ws, '--json'], c.ws);
  if (status.code !== 0) {
    v.add('status fails on the data a clean import wrote', `${status.stderr.slice(0, 400)} ${c.describe}`);
    return;
  }
  const counts = (JSON.parse(status.stdout) as { result: { students: number; mentors: number } }).result;
  const stored = c.kind === 'students' ? counts.students : counts.mentors;
  if (stored !== summary.imported) v.add('status counts differ from what the import reported', `${stored} vs ${summary.imported} ${c.describe}`);
  if (opts.reimport === false) return;
  // Re-importing the same file changes nothing (SPEC section 4).
  const args2 = args.filter((a) => a !== '--strict');
  const again = await runIn(args2, c.ws);
  if (again.code !== 0) {
    v.add('re-importing a file that imported cleanly fails', `${again.stderr.slice(0, 300)} ${c.describe}`);
    return;
  }
  const s2 = (JSON.parse(again.stdout) as { result: { imported: number; updated: number } }).result;
  if (s2.imported !== 0 || s2.updated !== 0) v.add('re-importing the same file changes the data', `imported ${s2.imported}, updated ${s2.updated}: ${c.describe}`);
}

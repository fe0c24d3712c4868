// The rule every hostile import must obey, as a checker that collects violations by kind, so one run
// reports every kind of failure it met (with an example) instead of stopping at the first.
// The first example of each kind is kept whole: written with its input file to a folder under the
// system's temporary folder, and printed in full with the seed and run that replay it (a CI finding
// once could not be replayed: its case was cut at 1,500 characters and its seed never printed).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { expect } from 'vitest';
import { judgeFailure, runIn, sameFiles, settles, snapshot } from './inproc.js';

/** How much of an example the assertion message shows; the whole one is printed and saved. */
const SHOWN = 1500;

let casesDir: string | undefined;

/** The folder for this process's cases, made on the first violation. */
function caseFolder(): string {
  casesDir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'mentorship-fuzz-cases-'));
  return casesDir;
}

interface Example {
  count: number;
  example: string;
  /** The file holding the whole case and how to replay it. */
  saved?: string;
  replay: string;
}

/** The command that replays run `run` of the property being checked now. */
function replayCommand(run: number): string {
  const seed = fc.readConfigureGlobal().seed;
  const state = expect.getState();
  const file = state.testPath ? path.relative(process.cwd(), state.testPath) : '(this test file)';
  const test = (state.currentTestName ?? '').split(' > ').pop() ?? '';
  const scale = process.env.TRUST_FUZZ_SCALE ? ` TRUST_FUZZ_SCALE=${process.env.TRUST_FUZZ_SCALE}` : '';
  // In a replay the run is the one replayed, whatever number it has among this replay's runs.
  const replayed = process.env.FUZZ_PATH;
  const at = replayed ? ` FUZZ_PATH=${replayed}` : run >= 0 ? ` FUZZ_PATH=${run}` : '';
  // -t takes a pattern: the name's own brackets and dots are escaped, and the whole is shell-quoted.
  const pattern = test.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return `FUZZ_SEED=${seed}${at}${scale} npx vitest run ${file} -t '${pattern.replaceAll("'", `'\\''`)}'`;
}

export class Violations {
  private readonly byKind = new Map<string, Example>();
  private run = -1;
  /** Call first in each run of the property: a violation then names its run (FUZZ_PATH replays it alone). */
  begin(): void {
    this.run++;
  }
  /** `inputs`: files the case read (copied beside the saved case, since the test deletes them). */
  add(kind: string, example: string, inputs: readonly string[] = []): void {
    const v = this.byKind.get(kind);
    if (v) {
      v.count++;
      return;
    }
    const replay = replayCommand(this.run);
    this.byKind.set(kind, { count: 1, example, replay, saved: save(kind, example, replay, inputs, this.byKind.size) });
  }
  get size(): number {
    return this.byKind.size;
  }
  /**
   * One line per kind of violation, for the assertion message: the example up to SHOWN characters,
   * where the whole case is, and how to replay it. Each whole example is printed to stderr too, for
   * a CI log whose machine (and temporary folder) is gone.
   */
  report(): string[] {
    return [...this.byKind.entries()].map(([k, v]) => {
      const cut = v.example.length > SHOWN;
      if (cut) console.error(`[fuzz] ${k}: the whole example (${v.example.length} characters):\n${v.example}\n[fuzz] replay: ${v.replay}`);
      const shown = cut ? `${v.example.slice(0, SHOWN)} ... (${v.example.length - SHOWN} more characters: printed above in full)` : v.example;
      return `${k} (${v.count}x), e.g. ${shown}\n  replay: ${v.replay}${v.saved ? `\n  saved: ${v.saved}` : ''}`;
    });
  }
}

/** Write the whole case and copies of its input files; returns where, or undefined if that failed. */
function save(kind: string, example: string, replay: string, inputs: readonly string[], n: number): string | undefined {
  try {
    const dir = caseFolder();
    const stem = `${String(n + 1).padStart(2, '0')}-${kind.replace(/[^a-z0-9]+/gi, '-').slice(0, 60).replace(/-+$/, '')}`;
    const copies: string[] = [];
    inputs.forEach((input, i) => {
      if (!fs.existsSync(input)) return;
      const copy = path.join(dir, `${stem}.input${i || ''}${path.extname(input)}`);
      fs.copyFileSync(input, copy);
      copies.push(copy);
    });
    const file = path.join(dir, `${stem}.txt`);
    const text = [
      `violation: ${kind}`,
      `replay: ${replay}`,
      ...copies.map((c) => `input file: ${c}`),
      '(if the replay passes, the violation depends on timing, as exceljs\'s streaming race once did: try the input file itself)',
      '',
      example,
      '',
    ].join('\n');
    fs.writeFileSync(file, text);
    return file;
  } catch {
    return undefined;
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
    v.add('the import never finished (the real CLI exits 13 with no message)', c.describe, [c.input]);
    return;
  }
  if (!fs.readFileSync(c.input).equals(inputBefore)) v.add('the input file was modified', c.describe, [c.input]);
  const dryRun = c.extraArgs.includes('--dry-run');
  if (r.code !== 0 || dryRun) {
    if (r.code !== 0) {
      tally.refused++;
      const bad = judgeFailure(r);
      if (bad) v.add(bad.replace(/:.*$/s, ''), `${bad.slice(0, 600)}\n  case: ${c.describe}`, [c.input]);
    }
    const diff = sameFiles(before, snapshot(c.ws));
    if (r.code === 1 && /nothing was imported: all \d+ rows? (was|were) rejected/.test(r.stderr)) {
      // Issue 16: an import whose every row was rejected exits 1 after writing its rejects (and the
      // audit entry saying so). Nothing else may change, and no person may be stored.
      const allowed = (f: string) => f.startsWith(path.join('out', 'rejects') + path.sep) || f === path.join('data', 'audit.jsonl') || f === path.join('.mentorship', 'generated.json') || f === path.join('data', `${c.kind}.csv`);
      const other = [...diff.added, ...diff.removed, ...diff.changed].filter((f) => !allowed(f));
      if (other.length) v.add('an all-rejected import changed more than its rejects', `${JSON.stringify(other)} ${c.describe}`, [c.input]);
      const stored = path.join(c.ws, 'data', `${c.kind}.csv`);
      if ([...diff.added, ...diff.changed].includes(path.join('data', `${c.kind}.csv`)) && before.get(path.join('data', `${c.kind}.csv`)) !== undefined) {
        v.add('an all-rejected import changed the stored people', c.describe, [c.input]);
      } else if (fs.existsSync(stored) && fs.readFileSync(stored, 'utf8').trim().split(/\r?\n/).length > 1 && !before.has(path.join('data', `${c.kind}.csv`))) {
        v.add('an all-rejected import stored a person', c.describe, [c.input]);
      }
      return;
    }
    if (diff.added.length + diff.removed.length + diff.changed.length) {
      v.add(`a ${dryRun ? 'dry run' : 'failed import'} changed the workspace`, `${JSON.stringify(diff)} ${c.describe}`, [c.input]);
    }
    return;
  }
  tally.imported++;
  let summary: { imported: number };
  try {
    summary = (JSON.parse(r.stdout) as { result: { imported: number } }).result;
  } catch {
    v.add('--json printed something that is not JSON', `${r.stdout.slice(0, 200)} ${c.describe}`, [c.input]);
    return;
  }
  // What the tool wrote, it reads back.
  const status = await runIn(['status', '--workspace', c.ws, '--json'], c.ws);
  if (status.code !== 0) {
    v.add('status fails on the data a clean import wrote', `${status.stderr.slice(0, 400)} ${c.describe}`, [c.input]);
    return;
  }
  const counts = (JSON.parse(status.stdout) as { result: { students: number; mentors: number } }).result;
  const stored = c.kind === 'students' ? counts.students : counts.mentors;
  if (stored !== summary.imported) v.add('status counts differ from what the import reported', `${stored} vs ${summary.imported} ${c.describe}`, [c.input]);
  if (opts.reimport === false) return;
  // Re-importing the same file changes nothing (SPEC section 4).
  const args2 = args.filter((a) => a !== '--strict');
  const dataFile = path.join(c.ws, 'data', `${c.kind}.csv`);
  const storedBefore = fs.existsSync(dataFile) ? fs.readFileSync(dataFile, 'utf8') : '';
  const again = await runIn(args2, c.ws);
  if (again.code !== 0) {
    v.add('re-importing a file that imported cleanly fails', `${again.stderr.slice(0, 300)} ${c.describe}`, [c.input]);
    return;
  }
  const s2 = (JSON.parse(again.stdout) as { result: { imported: number; updated: number } }).result;
  if (s2.imported !== 0 || s2.updated !== 0) {
    const storedAfter = fs.existsSync(dataFile) ? fs.readFileSync(dataFile, 'utf8') : '';
    v.add('re-importing the same file changes the data', `imported ${s2.imported}, updated ${s2.updated}: ${changedLines(storedBefore, storedAfter)}\n  case: ${c.describe}`, [c.input]);
  }
}

/** The lines of a data file that a second import changed, for the report of that violation. */
function changedLines(before: string, after: string): string {
  const a = before.split('\r\n');
  const b = after.split('\r\n');
  const gone = a.filter((l) => !b.includes(l));
  const came = b.filter((l) => !a.includes(l));
  if (!gone.length && !came.length) return 'the data file is byte-identical (a stored line reads back as a different person than the file gives)';
  return `data file lines before ${JSON.stringify(gone)}, after ${JSON.stringify(came)}`;
}

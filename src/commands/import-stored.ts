// The people already stored, as lines by email, for an import to merge with. A big data file is
// read in threads, like the file being imported (see import-read.ts); the rules are those of
// loadPeopleLines: a row that breaks one, or a person stored twice, is a hand edit and stops the
// command at the first such row.
import * as fs from 'node:fs';
import type { Context } from '../context.js';
import { DataError } from '../errors.js';
import type { PeopleTarget } from '../core/import/people.js';
import type { Workspace } from '../workspace/workspace.js';
import { FILES, handEditError, loadPeopleLines } from '../workspace/store.js';
import { partPeople } from './import-part.js';
import { readPeopleFile } from './import-read.js';
import { threadsAvailable, WORTH_THREADS_BYTES } from './import-threads.js';

export type StoredLines = Map<string, { line: Uint8Array; submitted_at: string }>;

function isBig(abs: string): boolean {
  try {
    return fs.statSync(abs).size >= WORTH_THREADS_BYTES;
  } catch {
    return false;
  }
}

export async function storedLines(ctx: Context, ws: Workspace, target: PeopleTarget, now: Date): Promise<StoredLines> {
  const rel = FILES[target];
  const abs = ws.abs(rel);
  if (!threadsAvailable(ctx.env) || !isBig(abs)) return loadPeopleLines(ws, target, now);
  const { parts } = await readPeopleFile(ctx, { abs, shown: rel }, {
    kind: target, scheme: ws.scheme, opts: { preset: 'canonical' }, maps: new Map(), maxYear: now.getUTCFullYear() + 1,
    ask: async () => {},
    unmapped: (plan) =>
      new DataError(`the column "${plan.missing[0]}" is missing`, { file: rel, row: 1 }, `restore the header "${plan.missing[0]}" (the data files use the canonical field names)`),
    tick: () => {},
  });
  const out: StoredLines = new Map();
  let twice: { email: string; row: number } | null = null;
  for (const part of parts) {
    for (const p of partPeople(part)) {
      if (out.has(p.email)) twice ??= { email: p.email, row: p.row };
      else out.set(p.email, { line: p.line, submitted_at: p.submitted_at });
    }
  }
  // Whichever comes first in the file, as reading it row by row would find it.
  const broken = parts.flatMap((p) => p.rejects)[0];
  if (broken && (!twice || broken.row < twice.row)) throw handEditError(broken.problems[0]!, broken.problems.length - 1);
  if (twice) throw new DataError(`${twice.email} appears twice`, { file: rel, row: twice.row, column: 'email' }, 'delete one of the two rows');
  return out;
}

// The people already stored, as lines by email, for an import to merge with. The data file is read
// the way the file being imported is (import-read.ts: in threads when it is big), with the rules of
// a data file: a row that breaks one, or a person stored twice, is a hand edit and stops the
// command at the first such row.
import * as fs from 'node:fs';
import type { Context } from '../context.js';
import { DataError } from '../errors.js';
import type { PeopleTarget } from '../core/import/people.js';
import type { Workspace } from '../workspace/workspace.js';
import { FILES, handEditError, missingColumnError } from '../workspace/store.js';
import { type LineBook, spoolDirs } from './import-lines.js';
import { partPeople } from './import-part.js';
import { readPeopleFile } from './import-read.js';

/** Each stored person's line, by its number in `book`. */
export type StoredLines = Map<string, { line: number; submitted_at: string }>;

export async function storedLines(ctx: Context, ws: Workspace, target: PeopleTarget, now: Date, book: LineBook): Promise<StoredLines> {
  const rel = FILES[target];
  const abs = ws.abs(rel);
  const out: StoredLines = new Map();
  if (!fs.existsSync(abs) || fs.statSync(abs).size === 0) return out;
  const { parts } = await readPeopleFile(ctx, { abs, shown: rel }, {
    kind: target, scheme: ws.scheme, opts: { preset: 'canonical' }, maps: new Map(), maxYear: now.getUTCFullYear() + 1,
    ask: async () => {},
    unmapped: (plan) => missingColumnError(rel, plan.missing[0]!),
    tick: () => {},
    spoolDirs: spoolDirs(ws),
  });
  let twice: { email: string; row: number } | null = null;
  for (const part of parts) {
    for (const p of partPeople(part, book.add(part))) {
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

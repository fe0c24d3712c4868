// Reading one input file of an import of students or mentors: its rows, and the column plan
// decided from its first rows (asking at the terminal, or stopping, when a required field has no
// column). The rows are then planned with the other files' (core/import/incoming.ts).
import * as path from 'node:path';
import type { Context } from '../context.js';
import { DataError } from '../errors.js';
import type { ImportFile } from '../core/import/incoming.js';
import type { PresetOption } from '../core/import/layout.js';
import type { PeopleTarget } from '../core/import/people.js';
import { type ColumnPlan, planColumns } from '../core/import/pipeline.js';
import type { Scheme } from '../core/scheme/schema.js';
import { openRows, type RowOptions } from '../io/rows.js';

export interface ReadSettings {
  kind: PeopleTarget;
  scheme: Scheme;
  opts: RowOptions & { preset?: PresetOption };
  maps: Map<string, string | null>;
  /** Asks at the terminal which column holds a missing field (interactive runs only). */
  ask(ctx: Context, plan: ColumnPlan, file: string): Promise<void>;
  unmapped(plan: ColumnPlan, file: string, answers: readonly (readonly string[])[]): DataError;
  /** Rows read so far in this file, for the progress bar. */
  tick(rows: number): void;
}

/** `file` as the administrator named it (messages show it). `answers`: the rows below the header. */
export async function readPeopleFile(ctx: Context, file: string, s: ReadSettings): Promise<ImportFile & { answers: number; notes: string[] }> {
  const source = await openRows(path.resolve(ctx.cwd, file), file, s.opts);
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  for await (const batch of source.batches) {
    for (const r of batch) {
      rows.push(r.cells);
      rowNumbers.push(r.row);
    }
    s.tick(rows.length);
  }
  // Nothing at all (a BOM alone, blank lines).
  if (rows.length === 0) throw new DataError('the file has no rows', { file }, 'export the form responses again');
  const table = { file, rows, rowNumbers };
  // Up to Qualtrics' three header rows decide the layout.
  const plan = planColumns({ file, rows: rows.slice(0, 3), rowNumbers: rowNumbers.slice(0, 3) }, s.kind, s.scheme, s.opts.preset ?? 'auto', s.maps);
  ctx.debug(`${file}: ${plan.layout.preset} layout${source.encoding ? `, ${source.encoding}` : ''}${source.delimiter ? `, delimiter ${JSON.stringify(source.delimiter)}` : ''}`);
  if (plan.missing.length && ctx.interactive) await s.ask(ctx, plan, file);
  if (plan.missing.length) throw s.unmapped(plan, file, rows.slice(plan.layout.firstDataIndex, plan.layout.firstDataIndex + 200));
  const answers = rows.length - plan.layout.firstDataIndex;
  if (answers <= 0) throw new DataError('the file has a header but no responses', { file }, 'export the form responses again (were any submitted?)');
  return { table, plan, answers, notes: plan.columns.notes.map((n) => `${file}: ${n}`) };
}

// Reading one input file of an import of students or mentors: its rows, and the column plan
// decided from its first rows (asking at the terminal, or stopping, when a required field has no
// column). The rows are then planned with the other files' (core/import/incoming.ts).
import * as path from 'node:path';
import type { Context } from '../../context.js';
import { DataError } from '../../errors.js';
import type { ImportFile } from '../../core/import/incoming.js';
import type { PresetOption } from '../../core/import/layout.js';
import { optionalFieldsWarning } from '../../core/import/column-fit.js';
import type { ChosenColumn } from '../../core/import/columns.js';
import { fieldsOf, type PeopleTarget, REQUIRED } from '../../core/import/people.js';
import type { MappingRule } from '../../core/scheme/schema.js';
import { fitInput } from './column-prompt.js';
import { type ColumnPlan, planColumns } from '../../core/import/pipeline.js';
import type { Scheme } from '../../core/scheme/schema.js';
import { openRows, type RowOptions } from '../../io/rows.js';

export interface ReadSettings {
  kind: PeopleTarget;
  scheme: Scheme;
  opts: RowOptions & { preset?: PresetOption };
  maps: Map<string, string | null>;
  /** Asks at the terminal which column holds a field (interactive runs only); returns the answers. */
  ask(ctx: Context, plan: ColumnPlan, file: string): Promise<ChosenColumn[]>;
  unmapped(plan: ColumnPlan, file: string, answers: readonly (readonly string[])[]): DataError;
  /** Rows read so far in this file, for the progress bar. */
  tick(rows: number): void;
}

/** `file` as the administrator named it (messages show it). `answers`: the rows below the header. */
export interface ReadFile extends ImportFile {
  answers: number;
  notes: string[];
  /** The columns mapped by hand (--map, the prompt), to remember; the scheme's exact rules no column matched. */
  chosen: ChosenColumn[];
  stale: MappingRule[];
}

/** Rows the column rules and the prompt look at, below up to three header rows. */
const PLAN_ROWS = 3 + 50;

export async function readPeopleFile(ctx: Context, file: string, s: ReadSettings): Promise<ReadFile> {
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
  // Up to Qualtrics' three header rows decide the layout; the first answers tell a consent from a bio.
  const plan = planColumns({ file, rows: rows.slice(0, PLAN_ROWS), rowNumbers: rowNumbers.slice(0, PLAN_ROWS) }, s.kind, s.scheme, s.opts.preset ?? 'auto', s.maps);
  ctx.debug(`${file}: ${plan.layout.preset} layout${source.encoding ? `, ${source.encoding}` : ''}${source.delimiter ? `, delimiter ${JSON.stringify(source.delimiter)}` : ''}`);
  const unsettled = () => plan.missing.length > 0 || plan.columns.ambiguous.length > 0;
  const prompted = unsettled() && ctx.interactive ? await s.ask(ctx, plan, file) : [];
  if (unsettled()) throw s.unmapped(plan, file, rows.slice(plan.layout.firstDataIndex, plan.layout.firstDataIndex + 200));
  const answers = rows.length - plan.layout.firstDataIndex;
  if (answers <= 0) throw new DataError('the file has a header but no responses', { file }, 'export the form responses again (were any submitted?)');
  const optional = fieldsOf(s.kind).filter((f) => !REQUIRED[s.kind].includes(f) && f !== 'first_name');
  const unheld = optionalFieldsWarning(fitInput(plan, s.kind, s.scheme), plan.columns.fieldAt, optional);
  const notes = [...plan.columns.notes, ...(unheld ? [unheld] : [])];
  return {
    table, plan, answers, notes: notes.map((n) => `${file}: ${n}`),
    chosen: [...plan.columns.mapped, ...prompted], stale: plan.columns.unmatchedRules,
  };
}

// Reading one input file of an import of students or mentors: its rows, and the column plan
// decided from its first rows (asking at the terminal, or stopping, when a required field has no
// column). The rows are then planned with the other files' (core/import/incoming.ts).
import * as path from 'node:path';
import { DataError } from '../../errors.js';
import { optionalFieldsWarning } from '../../core/import/column-fit.js';
import { fieldsOf, REQUIRED } from '../../core/import/people.js';
import { fitInput } from './column-prompt.js';
import { planColumns } from '../../core/import/pipeline.js';
import { openRows } from '../../io/rows.js';
/** Rows the column rules and the prompt look at, below up to three header rows. */
const PLAN_ROWS = 3 + 50;
export async function readPeopleFile(ctx, file, s) {
    const source = await openRows(path.resolve(ctx.cwd, file), file, s.opts);
    const rows = [];
    const rowNumbers = [];
    for await (const batch of source.batches) {
        for (const r of batch) {
            rows.push(r.cells);
            rowNumbers.push(r.row);
        }
        s.tick(rows.length);
    }
    // Nothing at all (a BOM alone, blank lines).
    if (rows.length === 0)
        throw new DataError('the file has no rows', { file }, 'export the form responses again');
    const table = { file, rows, rowNumbers };
    // Up to Qualtrics' three header rows decide the layout; the first answers tell a consent from a bio.
    const plan = planColumns({ file, rows: rows.slice(0, PLAN_ROWS), rowNumbers: rowNumbers.slice(0, PLAN_ROWS) }, s.kind, s.scheme, s.opts.preset ?? 'auto', s.maps);
    ctx.debug(`${file}: ${plan.layout.preset} layout${source.encoding ? `, ${source.encoding}` : ''}${source.delimiter ? `, delimiter ${JSON.stringify(source.delimiter)}` : ''}`);
    const unsettled = () => plan.missing.length > 0 || plan.columns.ambiguous.length > 0;
    const prompted = unsettled() && ctx.interactive ? await s.ask(ctx, plan, file) : [];
    if (unsettled())
        throw s.unmapped(plan, file, rows.slice(plan.layout.firstDataIndex, plan.layout.firstDataIndex + 200));
    const answers = rows.length - plan.layout.firstDataIndex;
    if (answers <= 0)
        throw new DataError('the file has a header but no responses', { file }, 'export the form responses again (were any submitted?)');
    const optional = fieldsOf(s.kind).filter((f) => !REQUIRED[s.kind].includes(f) && f !== 'first_name');
    const unheld = optionalFieldsWarning(fitInput(plan, s.kind, s.scheme), plan.columns.fieldAt, optional);
    const notes = [...plan.columns.notes, ...(unheld ? [unheld] : [])];
    return {
        table, plan, answers, notes: notes.map((n) => `${file}: ${n}`),
        chosen: [...plan.columns.mapped, ...prompted], stale: plan.columns.unmatchedRules,
    };
}

import { toExcelCsv } from '../../io/csv-write.js';
import { changedOutcome, info } from '../../outcome.js';
import { reportFile } from '../../workspace/layout.js';
/** The CSV holds the first sheet (the main table); the workbook holds every sheet. */
export async function stageReport(ctx, tx, name, sheets) {
    const { toXlsx } = await import('../../io/xlsx-write.js');
    const main = sheets[0];
    tx.write(reportFile(name, 'csv'), toExcelCsv(main.columns, main.rows));
    tx.write(reportFile(name, 'xlsx'), await toXlsx(sheets, ctx.now()));
    return [reportFile(name, 'csv'), reportFile(name, 'xlsx')];
}
/** A report's Outcome: its table, what it says, then the files it wrote (`also`: a hint after them). */
export function reportOutcome(changed, show) {
    const written = changed.dryRun || !changed.result.files.length ? [] : [info(`Written: ${changed.result.files.join(', ')}${show.also ?? ''}`)];
    return changedOutcome(changed, { text: show.text, messages: [...(show.messages ?? []), ...written] });
}

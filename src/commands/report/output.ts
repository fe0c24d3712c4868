// Reports go to the terminal and to out/reports/NAME.csv and .xlsx.
import type { Context } from '../../context.js';
import type { SheetData } from '../../io/cells.js';
import { toExcelCsv } from '../../io/csv-write.js';
import type { Transaction } from '../../io/transaction.js';
import { reportFile } from '../../workspace/layout.js';

/** The CSV holds the first sheet (the main table); the workbook holds every sheet. */
export async function stageReport(ctx: Context, tx: Transaction, name: string, sheets: SheetData[]): Promise<string[]> {
  const { toXlsx } = await import('../../io/xlsx-write.js');
  const main = sheets[0]!;
  tx.write(reportFile(name, 'csv'), toExcelCsv(main.columns, main.rows));
  tx.write(reportFile(name, 'xlsx'), await toXlsx(sheets, ctx.now()));
  return [reportFile(name, 'csv'), reportFile(name, 'xlsx')];
}

// CSV for people: UTF-8 with BOM (so Excel reads diacritics), CRLF, and formula-looking cells
// escaped so a name like "=HYPERLINK(...)" stays text in Excel and LibreOffice.
import { stringify } from 'csv-stringify/sync';
import { type CellValue, type Column, cellText, escapeFormula } from './cells.js';

export function toExcelCsv(columns: readonly Column[], rows: readonly Record<string, CellValue>[]): Buffer {
  const records: string[][] = [columns.map((c) => escapeFormula(c.header))];
  for (const row of rows) {
    records.push(
      columns.map((c) => {
        const value = row[c.key];
        // Numbers are data, not text: "-3" must stay a number Excel can sum.
        if (typeof value === 'number') return cellText(value);
        return escapeFormula(cellText(value));
      }),
    );
  }
  const body = stringify(records, { record_delimiter: '\r\n', quoted_match: /[\s"',;]/ });
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body, 'utf8')]);
}

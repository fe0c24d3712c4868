// CSV for people: UTF-8 with BOM (so Excel reads diacritics), CRLF, and formula-looking cells
// escaped so a name like "=HYPERLINK(...)" stays text in Excel and LibreOffice.
import { stringify } from 'csv-stringify/sync';
import { type CellValue, type Column, cellText, escapeFormula } from './cells.js';

const OPTIONS = { record_delimiter: '\r\n', quoted_match: /[\s"',;]/ } as const;

export const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

function cells(columns: readonly Column[], row: Record<string, CellValue>): string[] {
  return columns.map((c) => {
    const value = row[c.key];
    // Numbers are data, not text: "-3" must stay a number Excel can sum.
    if (typeof value === 'number') return cellText(value);
    return escapeFormula(cellText(value));
  });
}

export function csvHeaderLine(columns: readonly Column[]): string {
  return stringify([columns.map((c) => escapeFormula(c.header))], OPTIONS);
}

/** One record, CRLF-terminated: the same bytes toExcelCsv writes for that row. */
export function csvLine(columns: readonly Column[], row: Record<string, CellValue>): string {
  return stringify([cells(columns, row)], OPTIONS);
}

export function toExcelCsv(columns: readonly Column[], rows: readonly Record<string, CellValue>[]): Buffer {
  const records: string[][] = [columns.map((c) => escapeFormula(c.header))];
  for (const row of rows) records.push(cells(columns, row));
  return Buffer.concat([BOM, Buffer.from(stringify(records, OPTIONS), 'utf8')]);
}

/** A big CSV as chunks (BOM, header, encoded lines), so it is never one giant string. */
export function excelCsvChunks(columns: readonly Column[], lines: Iterable<Uint8Array>): Buffer[] {
  // The lines are handed over as they are (no copy); the writer coalesces them.
  const chunks: Buffer[] = [BOM, Buffer.from(csvHeaderLine(columns), 'utf8')];
  for (const line of lines) chunks.push(line as Buffer);
  return chunks;
}

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

// Ends each record in csvLines: no cell is left unquoted with these control characters in it.
const END = '\u0000\u0001';

/**
 * Many records, one CRLF-terminated string each (the bytes csvLine gives). csv-stringify's set-up
 * for each call costs as much as a short record, so the records go through it in one call, each
 * with an extra last cell, END, that marks where it ends. A cell holding the mark itself could
 * only add cuts, never remove one, so the count of pieces proves the cut; were it ever wrong,
 * the records are stringified one by one.
 */
export function csvLines(columns: readonly Column[], rows: readonly Record<string, CellValue>[]): string[] {
  if (rows.length < 2) return rows.map((r) => csvLine(columns, r));
  const pieces = stringify(rows.map((r) => [...cells(columns, r), END]), OPTIONS).split(`,${END}\r\n`);
  if (pieces.length !== rows.length + 1 || pieces[rows.length] !== '') return rows.map((r) => csvLine(columns, r));
  pieces.pop();
  return pieces.map((p) => `${p}\r\n`);
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

// XLSX for people: text stays text (no formulas or numbers conjured from data), header frozen and
// filtered, widths that fit, dates as real dates. exceljs's streaming writer is used (it writes a
// 5,000-row sheet in a fraction of the time of the in-memory one), and exceljs is loaded lazily:
// it is the slowest module to import.
import { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { CellValue, SheetData } from './cells.js';
import { cellText } from './cells.js';
import { xmlSafe } from '../core/text.js';

const MAX_WIDTH = 60;

function isoToDate(value: string, withTime: boolean): Date | string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(value);
  if (!m) return value;
  const [, y, mo, d, h, mi, s] = m;
  // exceljs writes a Date as its UTC wall-clock time, which is what a spreadsheet shows.
  return new Date(Date.UTC(+y!, +mo! - 1, +d!, withTime && h ? +h : 0, withTime && mi ? +mi : 0, withTime && s ? +s : 0));
}

function excelValue(value: CellValue, type: string | undefined): string | number | Date | null {
  if (value === null || value === undefined || value === '') return null;
  if (type === 'number' || type === 'integer') {
    if (typeof value === 'number') return Number.isFinite(value) ? value : null;
    const n = Number(value);
    return typeof value === 'string' && value.trim() !== '' && Number.isFinite(n) ? n : xmlSafe(cellText(value));
  }
  if (type === 'date' || type === 'datetime') {
    if (value instanceof Date) return value;
    if (typeof value === 'string') {
      const date = isoToDate(value, type === 'datetime');
      return typeof date === 'string' ? xmlSafe(date) : date;
    }
  }
  // Everything else is a string cell: exceljs only writes a formula for {formula: ...} values.
  // One character XML forbids (U+FFFF in a name) would make the whole workbook unreadable.
  const text = xmlSafe(cellText(value));
  return text === '' ? null : text;
}

function numFmt(type: string | undefined): string {
  switch (type) {
    case 'date':
      return 'yyyy-mm-dd';
    case 'datetime':
      return 'yyyy-mm-dd hh:mm';
    case 'number':
      return '0.##';
    case 'integer':
      return '0';
    default:
      return '@'; // text: what a person types into the cell later stays text too
  }
}

function columnWidth(sheet: SheetData, key: string, header: string, type: string | undefined): number {
  let width = Math.max(8, header.length + 2);
  for (const row of sheet.rows.slice(0, 2000)) {
    for (const line of cellText(row[key]).split('\n')) width = Math.max(width, line.length + 2);
  }
  if (type === 'date') width = Math.max(width, 12);
  if (type === 'datetime') width = Math.max(width, 18);
  return Math.min(MAX_WIDTH, width);
}

function colName(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * Only exceljs's streaming writer: the package's entry point also loads its readers, unzipper and
 * CSV support, a fifth of the time of a command that writes one workbook.
 */
async function loadWorkbookWriter(): Promise<typeof ExcelJS.stream.xlsx.WorkbookWriter> {
  const writer = 'exceljs/lib/stream/xlsx/workbook-writer.js';
  return ((await import(writer)) as { default: typeof ExcelJS.stream.xlsx.WorkbookWriter }).default;
}

export async function toXlsx(sheets: readonly SheetData[], created: Date): Promise<Buffer> {
  const WorkbookWriter = await loadWorkbookWriter();
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });
  const wb = new WorkbookWriter({ stream: sink, useSharedStrings: true, useStyles: true });
  wb.creator = 'mentorship';
  wb.created = created;
  wb.modified = created;
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(xmlSafe(sheet.name).slice(0, 31), { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
    ws.columns = sheet.columns.map((c) => ({
      header: xmlSafe(c.header),
      key: c.key,
      width: c.width ?? columnWidth(sheet, c.key, c.header, c.type),
      style: { numFmt: numFmt(c.type) },
    }));
    ws.getRow(1).font = { bold: true };
    if (sheet.columns.length > 0) {
      ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, sheet.rows.length + 1), column: sheet.columns.length } };
    }
    if (sheet.listValidation && sheet.rows.length > 0) {
      const idx = sheet.columns.findIndex((c) => c.key === sheet.listValidation!.key);
      if (idx >= 0) {
        const list = sheet.listValidation;
        const col = colName(idx);
        // One validation over the whole column range, not one per cell.
        (ws as unknown as { dataValidations: { add(range: string, v: object): void } }).dataValidations.add(`${col}2:${col}${sheet.rows.length + 1}`, {
          type: 'list',
          allowBlank: true,
          formulae: [`"${list.values.map(xmlSafe).join(',')}"`],
          // Off, so a mentor's email can be typed to reassign; the list is a convenience.
          showErrorMessage: false,
          showInputMessage: Boolean(list.prompt),
          promptTitle: 'decision',
          prompt: xmlSafe(list.prompt ?? ''),
        });
      }
    }
    ws.getRow(1).commit();
    // One style object per column, shared by its cells: exceljs gives each cell a copy of the
    // column's, then renders every copy to find its index; a shared one it looks up.
    const styles = sheet.columns.map((c) => ({ numFmt: numFmt(c.type) }));
    for (const row of sheet.rows) {
      const values: Record<string, string | number | Date | null> = {};
      for (const c of sheet.columns) values[c.key] = excelValue(row[c.key], c.type);
      const added = ws.addRow(values);
      styles.forEach((style, i) => {
        added.getCell(i + 1).style = style;
      });
      added.commit();
    }
    ws.commit();
  }
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}

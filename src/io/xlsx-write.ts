// XLSX for people: text stays text (no formulas or numbers conjured from data), header frozen and
// filtered, widths that fit, dates as real dates. exceljs is loaded lazily: it is the slowest import.
import type { CellValue, SheetData } from './cells.js';
import { cellText } from './cells.js';

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
    return typeof value === 'string' && value.trim() !== '' && Number.isFinite(n) ? n : cellText(value);
  }
  if (type === 'date' || type === 'datetime') {
    if (value instanceof Date) return value;
    if (typeof value === 'string') return isoToDate(value, type === 'datetime');
  }
  // Everything else is a string cell: exceljs only writes a formula for {formula: ...} values.
  return cellText(value);
}

export async function toXlsx(sheets: readonly SheetData[], created: Date): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'mentorship';
  wb.created = created;
  wb.modified = created;
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name.slice(0, 31), { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
    ws.columns = sheet.columns.map((c) => {
      let width = Math.max(8, c.header.length + 2);
      for (const row of sheet.rows.slice(0, 2000)) {
        const text = cellText(row[c.key]);
        const longest = text.split(/\r?\n/).reduce((m, l) => Math.max(m, l.length), 0);
        width = Math.max(width, longest + 2);
      }
      if (c.type === 'date') width = Math.max(width, 12);
      if (c.type === 'datetime') width = Math.max(width, 18);
      return {
        header: c.header,
        key: c.key,
        width: c.width ?? Math.min(MAX_WIDTH, width),
        style: {
          numFmt:
            c.type === 'date' ? 'yyyy-mm-dd' : c.type === 'datetime' ? 'yyyy-mm-dd hh:mm' : c.type === 'number' ? '0.##' : c.type === 'integer' ? '0' : '@',
        },
      };
    });
    ws.getRow(1).font = { bold: true };
    for (const row of sheet.rows) {
      const values: Record<string, string | number | Date | null> = {};
      for (const c of sheet.columns) values[c.key] = excelValue(row[c.key], c.type);
      ws.addRow(values);
    }
    if (sheet.columns.length > 0) {
      ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, sheet.rows.length + 1), column: sheet.columns.length } };
    }
    if (sheet.listValidation) {
      const idx = sheet.columns.findIndex((c) => c.key === sheet.listValidation!.key);
      if (idx >= 0) {
        const list = sheet.listValidation;
        for (let r = 2; r <= sheet.rows.length + 1; r++) {
          ws.getCell(r, idx + 1).dataValidation = {
            type: 'list',
            allowBlank: true,
            formulae: [`"${list.values.join(',')}"`],
            // Off so a mentor's email can be typed to reassign; the list is a convenience.
            showErrorMessage: false,
            showInputMessage: Boolean(list.prompt),
            promptTitle: 'decision',
            prompt: list.prompt ?? '',
          };
        }
      }
    }
  }
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}

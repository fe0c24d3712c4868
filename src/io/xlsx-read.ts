// Reading XLSX exports with exceljs's streaming reader (fast and small for 20,000+ rows).
// `sharedStrings: 'cache'` is required: without it the reader hands back string indexes.
import { Readable } from 'node:stream';
import { DataError } from '../errors.js';
import type { RawTable } from './csv-read.js';

function two(n: number): string {
  return String(n).padStart(2, '0');
}

/** Excel dates arrive as Dates holding the sheet's wall-clock time in UTC. */
export function excelDateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const date = `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`;
  if (d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0) return date;
  return `${date}T${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}

export function excelCellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return excelDateText(value);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return (v.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
    // A formula: its cached result is what the administrator saw; the formula itself is never data.
    if ('formula' in v || 'sharedFormula' in v) return 'result' in v ? excelCellText(v.result) : '';
    if ('error' in v) return '';
    if ('text' in v) return excelCellText(v.text);
    if ('hyperlink' in v) return String(v.hyperlink);
  }
  return String(value);
}

export async function readXlsxBytes(bytes: Uint8Array, file: string, sheetName?: string): Promise<RawTable> {
  const { default: ExcelJS } = await import('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const seen: string[] = [];
  let result: RawTable | undefined;
  try {
    for await (const worksheet of reader) {
      const ws = worksheet as unknown as AsyncIterable<{ number: number; values: unknown[] }> & { name: string };
      seen.push(ws.name);
      const wanted = result === undefined && (sheetName === undefined || ws.name.toLowerCase() === sheetName.toLowerCase());
      const rows: string[][] = [];
      const rowNumbers: number[] = [];
      for await (const row of ws) {
        if (!wanted) continue;
        const values = row.values;
        const cells: string[] = [];
        for (let c = 1; c < values.length; c++) cells.push(excelCellText(values[c]).replace(/\r\n/g, '\n'));
        if (cells.some((x) => x.trim() !== '')) {
          rows.push(cells);
          rowNumbers.push(row.number);
        }
      }
      if (wanted) result = { file, rows, rowNumbers, format: 'xlsx', sheet: ws.name };
    }
  } catch (err) {
    if (err instanceof DataError) throw err;
    throw new DataError(
      `the workbook cannot be read (${(err as Error).message})`,
      { file },
      'the file may be truncated or not really an .xlsx: open it in Excel and save it again as .xlsx',
    );
  }
  if (!result) {
    if (sheetName !== undefined) {
      throw new DataError(`there is no sheet called "${sheetName}"`, { file }, `use --sheet with one of: ${seen.join(', ') || '(no sheets)'}`);
    }
    throw new DataError('the workbook has no sheets', { file }, 'export the responses again');
  }
  return result;
}

// Reading XLSX exports with exceljs's streaming reader (fast and small for 20,000+ rows).
// `sharedStrings: 'cache'` is required: without it the reader hands back string indexes.
import { Readable } from 'node:stream';
import * as zlib from 'node:zlib';
import { DataError } from '../errors.js';
import type { RawTable } from './csv-read.js';
import { checkInflation, checkSheetXml } from './limits.js';

function two(n: number): string {
  return String(n).padStart(2, '0');
}

/** Excel dates arrive as Dates holding the sheet's wall-clock time in UTC. */
function excelDateText(d: Date): string {
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

/**
 * exceljs's streaming reader never settles on some damaged workbooks (a worksheet that fails its
 * checksum is piped to a temporary file with no error handler): the process would exit 13 with no
 * message. Every entry is unpacked and checked first, which turns that into one clear error.
 */
function checkZip(b: Buffer, file: string): void {
  const bad = (why: string) =>
    new DataError(`the workbook is damaged: ${why}`, { file }, 'download or copy it again, or open it in Excel and save it again as .xlsx');
  let end = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 65_557); i--) {
    if (b.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw bad('it is cut short');
  let p = b.readUInt32LE(end + 16);
  let total = 0;
  for (let n = b.readUInt16LE(end + 10); n > 0; n--) {
    if (p + 46 > b.length || b.readUInt32LE(p) !== 0x02014b50) throw bad('its table of contents is broken');
    const method = b.readUInt16LE(p + 10);
    const crc = b.readUInt32LE(p + 16);
    const packed = b.readUInt32LE(p + 20);
    const size = b.readUInt32LE(p + 24);
    const nameLength = b.readUInt16LE(p + 28);
    const name = b.toString('utf8', p + 46, p + 46 + nameLength);
    const at = b.readUInt32LE(p + 42);
    if (at + 30 > b.length || b.readUInt32LE(at) !== 0x04034b50) throw bad(`${name} is missing`);
    // exceljs reads the local headers in order: a damaged local name would hide an entry from it.
    const localName = b.toString('utf8', at + 30, at + 30 + b.readUInt16LE(at + 26));
    if (localName !== name) throw bad(`${name} has a damaged header`);
    const start = at + 30 + b.readUInt16LE(at + 26) + b.readUInt16LE(at + 28);
    if (start + packed > b.length) throw bad(`${name} is cut short`);
    if (method !== 0 && method !== 8) throw bad(`${name} is packed in a way Excel does not use`);
    // Limits first, on the declared sizes; unpacking never goes past the declared size.
    total += size;
    checkInflation(name, packed, size, total, file);
    let data: Buffer;
    try {
      data = method === 0 ? b.subarray(start, start + packed) : zlib.inflateRawSync(b.subarray(start, start + packed), { maxOutputLength: Math.max(1, size) });
    } catch {
      throw bad(`${name} cannot be unpacked`);
    }
    if (data.length !== size || zlib.crc32(data) !== crc) throw bad(`${name} fails its checksum`);
    if (/^xl\/worksheets\/[^/]+\.xml$/i.test(name)) checkSheetXml(data.toString('utf8'), file);
    p += 46 + nameLength + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32);
  }
}

type Found = { table: RawTable | undefined; seen: string[] };

// Both readers must give the same table for the same workbook: the fallback runs when exceljs's
// streaming reader trips over its race (about 1 read in 1,500), so which reader reads a file varies
// from one import to the next, and a difference between them made a second import of the same file
// "update" a person. collect() ends a row at its last non-empty cell (the readers disagree about
// trailing empty cells); where one reader sees more than the other, asWhole and asStreamed settle
// which: the whole-file reader's dates, the streaming reader's merges and numbers.
function collect(values: unknown[], adjust: (value: unknown, c: number) => unknown): string[] {
  const cells: string[] = [];
  for (let c = 1; c < values.length; c++) cells.push(excelCellText(adjust(values[c], c)).replace(/\r\n/g, '\n'));
  while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
  return cells;
}

type StreamedRow = { number: number; values: unknown[]; getCell(c: number): { numFmt?: string } };

const isFormula = (v: unknown): v is { result?: unknown } => typeof v === 'object' && v !== null && ('formula' in v || 'sharedFormula' in v);

/** exceljs's own test of a date format (utils.isDateFmt): what is in brackets or quotes aside, a date or time letter. */
function isDateFormat(numFmt: string | undefined): boolean {
  return !!numFmt && /[ymdhMsb]/.test(numFmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/**
 * A streamed cell as the whole-file reader gives it: a formula's cached number in a date format is
 * that date (the streaming reader converts plain numbers so, not formula results), as exceljs's
 * utils.excelToDate converts it.
 */
function asWhole(value: { result?: unknown }, numFmt: string | undefined, date1904: boolean): unknown {
  if (typeof value.result !== 'number' || !isDateFormat(numFmt)) return value;
  return { ...value, result: new Date(Math.round((value.result - 25569 + (date1904 ? 1462 : 0)) * 86_400_000)) };
}

export async function readStreaming(ExcelJS: typeof import('exceljs'), bytes: Uint8Array, file: string, sheetName?: string): Promise<Found> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const seen: string[] = [];
  let table: RawTable | undefined;
  for await (const worksheet of reader) {
    const ws = worksheet as unknown as AsyncIterable<StreamedRow> & { name: string };
    seen.push(ws.name);
    const wanted = table === undefined && (sheetName === undefined || ws.name.toLowerCase() === sheetName.toLowerCase());
    const rows: string[][] = [];
    const rowNumbers: number[] = [];
    const date1904 = (reader as unknown as { properties?: { model?: { date1904?: boolean } } }).properties?.model?.date1904 === true;
    for await (const row of ws) {
      if (!wanted) continue;
      const cells = collect(row.values, (v, c) => (isFormula(v) ? asWhole(v, row.getCell(c).numFmt, date1904) : v));
      if (cells.some((x) => x.trim() !== '')) {
        rows.push(cells);
        rowNumbers.push(row.number);
      }
    }
    if (wanted) table = { file, rows, rowNumbers, format: 'xlsx', sheet: ws.name };
  }
  return { table, seen };
}

/**
 * A whole-file reader's cell as the streaming reader gives it: a cell covered by a merge is empty
 * (only its first cell holds the value), and a formula's TRUE or FALSE result is 1 or 0 (the
 * streaming reader reads every cached formula result as a number). A formula's text result in a
 * date format is lost by this reader (exceljs makes it an invalid date): it stops rather than
 * read the answer as empty.
 */
function asStreamed(value: unknown, coveredByMerge: boolean, file: string, row: number, address: string): unknown {
  if (coveredByMerge) return null;
  if (value && typeof value === 'object' && 'result' in value) {
    if (typeof value.result === 'boolean') return { ...value, result: value.result ? 1 : 0 };
    if (value.result instanceof Date && Number.isNaN(value.result.getTime())) {
      throw new DataError(`cell ${address} holds a formula whose text result cannot be read`, { file, row }, 'import the file again (it is usually read the other way), or in Excel replace the formula by its value (Paste Special, Values) and save');
    }
  }
  return value;
}

/** The in-memory reader: slower, but immune to the streaming reader's race (exceljs#3064). */
export async function readWhole(ExcelJS: typeof import('exceljs'), bytes: Uint8Array, file: string, sheetName?: string): Promise<Found> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const seen = wb.worksheets.map((w) => w.name);
  const ws = sheetName === undefined ? wb.worksheets[0] : wb.worksheets.find((w) => w.name.toLowerCase() === sheetName.toLowerCase());
  if (!ws) return { table: undefined, seen };
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  ws.eachRow({ includeEmpty: false }, (row, number) => {
    const cells = collect(row.values as unknown[], (v, c) => {
      if (v === undefined || v === null) return v;
      const cell = row.getCell(c);
      return asStreamed(v, cell.type === ExcelJS.ValueType.Merge, file, number, cell.address);
    });
    if (cells.some((x) => x.trim() !== '')) {
      rows.push(cells);
      rowNumbers.push(number);
    }
  });
  return { table: { file, rows, rowNumbers, format: 'xlsx', sheet: ws.name }, seen };
}

/**
 * If the streaming reader stops without settling (it has been seen on damaged files), Node would
 * exit silently with code 13 once nothing else is pending. 'beforeExit' fires exactly then, so the
 * read is failed with a TypeError and the whole-file reader takes over.
 */
function untilStalled<T>(work: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const stalled = () => reject(new TypeError('the streaming reader stopped'));
    process.once('beforeExit', stalled);
    work.then(
      (v) => {
        process.off('beforeExit', stalled);
        resolve(v);
      },
      (e: unknown) => {
        process.off('beforeExit', stalled);
        reject(e);
      },
    );
  });
}

export async function readXlsxBytes(bytes: Uint8Array, file: string, sheetName?: string): Promise<RawTable> {
  checkZip(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), file);
  const { default: ExcelJS } = await import('exceljs');
  let found: Found | undefined;
  try {
    // The streaming reader now and then trips over its own ordering ("reading 'sheets'") on a
    // sound workbook, about 1 read in 1,500, a matter of timing: it is tried again before the
    // whole-file reader, which does not trip but reads a little less (see asStreamed).
    for (let attempt = 1; !found; attempt++) {
      try {
        found = await untilStalled(readStreaming(ExcelJS, bytes, file, sheetName));
      } catch (err) {
        if (!(err instanceof TypeError)) throw err;
        if (attempt === 3) found = await readWhole(ExcelJS, bytes, file, sheetName);
      }
    }
  } catch (err) {
    if (err instanceof DataError) throw err;
    throw new DataError(
      `the workbook cannot be read (${(err as Error).message})`,
      { file },
      'the file may be truncated or not really an .xlsx: open it in Excel and save it again as .xlsx',
    );
  }
  if (!found.table) {
    if (sheetName !== undefined) {
      throw new DataError(`there is no sheet called "${sheetName}"`, { file }, `use --sheet with one of: ${found.seen.join(', ') || '(no sheets)'}`);
    }
    throw new DataError('the workbook has no sheets', { file }, 'export the responses again');
  }
  return found.table;
}

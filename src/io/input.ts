// Reading one input file, CSV or XLSX, into raw rows. Inputs are only ever read, never modified.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DataError } from '../errors.js';
import { type RawTable, readCsvBytes } from './csv-read.js';
import { unescapeFormula } from './cells.js';

export interface InputOptions {
  sheet?: string;
  encoding?: string;
  delimiter?: string;
}

export async function readInput(absPath: string, shown: string, opts: InputOptions = {}): Promise<RawTable> {
  let bytes: Buffer;
  try {
    const stat = fs.statSync(absPath);
    if (stat.isDirectory()) throw new DataError('is a folder, not a file', { file: shown }, 'give the path of a .csv or .xlsx file');
    bytes = fs.readFileSync(absPath);
  } catch (err) {
    if (err instanceof DataError) throw err;
    const e = err as NodeJS.ErrnoException;
    throw new DataError(
      e.code === 'ENOENT' ? 'no such file' : e.code === 'EACCES' ? 'permission denied' : `cannot read it: ${e.message}`,
      { file: shown },
      e.code === 'ENOENT' ? 'check the path (quote names with spaces)' : undefined,
    );
  }
  if (bytes.length === 0) throw new DataError('the file is empty', { file: shown }, 'export the form responses again');
  const ext = path.extname(absPath).toLowerCase();
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  let table: RawTable;
  if (ext === '.xlsx' || ext === '.xlsm' || (isZip && ext !== '.csv')) {
    if (!isZip) {
      throw new DataError('is not a real .xlsx workbook', { file: shown }, 'open it in Excel and save it as .xlsx, or export it as CSV');
    }
    const { readXlsxBytes } = await import('./xlsx-read.js');
    table = await readXlsxBytes(bytes, shown, opts.sheet);
  } else if (ext === '.xls') {
    throw new DataError('old .xls workbooks are not supported', { file: shown }, 'open it in Excel and save it as .xlsx or CSV');
  } else {
    table = readCsvBytes(bytes, shown, opts);
    table = { ...table, rows: table.rows.map((r) => r.map(unescapeFormula)) };
  }
  if (table.rows.length === 0) throw new DataError('the file has no rows', { file: shown }, 'export the form responses again');
  return table;
}

// Reading one small input file (a review sheet, a check-in or survey export) whole, as rows.
// Big participant imports stream through io/rows.ts instead; both read the same way.
import { DataError } from '../errors.js';
import { openRows } from './rows.js';
export async function readInput(absPath, shown, opts = {}) {
    const source = await openRows(absPath, shown, opts);
    const rows = [];
    const rowNumbers = [];
    for await (const r of source.rows) {
        rows.push(r.cells);
        rowNumbers.push(r.row);
    }
    if (rows.length === 0)
        throw new DataError('the file has no rows', { file: shown }, 'export the form responses again');
    return { file: shown, rows, rowNumbers, format: source.format, encoding: source.encoding, delimiter: source.delimiter };
}

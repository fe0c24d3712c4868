// Resource limits on input files: far beyond any real form export (a large scheme's export is a
// few megabytes: 2,000 rows, 50-200 columns), and low enough that a hostile or broken file is
// refused in seconds with little memory instead of running the machine out of it. Documented in
// docs/LIMITS.md; each is tested in tests/trust/limits.test.ts.
import { DataError } from '../errors.js';
const MiB = 1024 * 1024;
export const LIMITS = {
    /** An input file (CSV or XLSX) on disk. */
    fileBytes: 256 * MiB,
    /** All the parts of an XLSX workbook, unpacked. */
    inflatedBytes: 512 * MiB,
    /** How much one part of a workbook may grow when unpacked (a zip bomb grows about 1,000 times). */
    inflateRatio: 200,
    /** Rows of data in one file. */
    rows: 200_000,
    /** Columns in one file (an XLSX cell at column XFD makes every row 16,384 cells wide). */
    columns: 2_000,
    /** One CSV record (row), in characters: a stray quote or a 120 MB name stops here. */
    recordChars: 4 * MiB,
};
function mib(n) {
    return `${Math.round(n / MiB).toLocaleString('en-GB')} MiB`;
}
const FIX = 'this is far beyond any form export: check that it is the right file (docs/LIMITS.md lists the limits)';
export function checkFileSize(bytes, file) {
    if (bytes > LIMITS.fileBytes)
        throw new DataError(`the file is ${mib(bytes)}, over the limit of ${mib(LIMITS.fileBytes)}`, { file }, FIX);
}
/** A workbook part's declared sizes, checked before anything is unpacked. */
export function checkInflation(part, packed, size, total, file) {
    if (total > LIMITS.inflatedBytes) {
        throw new DataError(`the workbook unpacks to more than ${mib(LIMITS.inflatedBytes)}`, { file }, FIX);
    }
    if (size > MiB && size > packed * LIMITS.inflateRatio) {
        throw new DataError(`the workbook part ${part} unpacks to ${Math.round(size / Math.max(1, packed)).toLocaleString('en-GB')} times its packed size (a zip bomb?)`, { file }, FIX);
    }
}
export function tooManyRows(file) {
    return new DataError(`the file has more than ${LIMITS.rows.toLocaleString('en-GB')} rows`, { file }, FIX);
}
export function tooManyColumns(count, file, row) {
    return new DataError(`${row === undefined ? 'the sheet reaches' : 'the row has'} ${count.toLocaleString('en-GB')} columns, over the limit of ${LIMITS.columns.toLocaleString('en-GB')}`, row === undefined ? { file } : { file, row }, FIX);
}
/** Columns and rows of a worksheet's XML, from the cell references, before exceljs builds any row. */
export function checkSheetXml(xml, file) {
    let rows = 0;
    let lastRow = -1;
    for (const m of xml.matchAll(/<c\b[^>]*?\br="([A-Z]{1,3})(\d+)"/g)) {
        const letters = m[1];
        let col = 0;
        for (let i = 0; i < letters.length; i++)
            col = col * 26 + (letters.charCodeAt(i) - 64);
        if (col > LIMITS.columns)
            throw tooManyColumns(col, file);
        const row = Number(m[2]);
        if (row !== lastRow) {
            lastRow = row;
            if (++rows > LIMITS.rows + 1)
                throw tooManyRows(file);
        }
    }
}
export function recordTooLong(file, row) {
    return new DataError(`a row is longer than ${mib(LIMITS.recordChars)}${row === undefined ? '' : ' (it starts at or after this row)'}`, row === undefined ? { file } : { file, row }, 'a stray double quote can make the rest of the file one cell: check near that row, or save the file again from Excel as CSV');
}

// Reading CSV exports: decode, detect the delimiter, parse with csv-parse into raw rows.
// Headers are NOT handed to csv-parse (`columns: true` silently keeps only the last of two
// same-named columns); the import core sees every header and decides.
import { parse } from 'csv-parse/sync';
import { DataError } from '../errors.js';
import { LIMITS, recordTooLong } from './limits.js';
import { decodeText } from './decode.js';
const DELIMITERS = [',', ';', '\t'];
/**
 * Count delimiters outside quotes, line by line, up to the first line that has any (a title row
 * above the header has none); the most frequent wins.
 */
export function detectDelimiter(text) {
    let counts = new Map(DELIMITERS.map((d) => [d, 0]));
    let inQuotes = false;
    let lines = 0;
    const best = () => {
        let pick = null;
        let n = 0;
        for (const [d, c] of counts) {
            if (c > n) {
                pick = d;
                n = c;
            }
        }
        return pick;
    };
    for (let i = 0; i < text.length && i < 65536; i++) {
        const ch = text[i];
        if (ch === '"')
            inQuotes = !inQuotes;
        else if (!inQuotes && ch === '\n') {
            const pick = best();
            if (pick || ++lines >= 20)
                return pick ?? ',';
            counts = new Map(DELIMITERS.map((d) => [d, 0]));
        }
        else if (!inQuotes && counts.has(ch))
            counts.set(ch, counts.get(ch) + 1);
    }
    return best() ?? ',';
}
/** csv-parse's options for every CSV we read: headers stay rows, ragged rows are allowed. */
export function csvParseOptions(delimiter) {
    // Excel for Mac writes lone CRs; a file edited on two machines can mix all three.
    return { delimiter, relax_column_count: true, bom: true, record_delimiter: ['\r\n', '\n', '\r'], max_record_size: LIMITS.recordChars };
}
/** Excel's "sep=;" first line names the delimiter; it is not a row. */
export function sepLine(text) {
    const sep = /^sep=(.)\r?\n/.exec(text);
    return sep ? { delimiter: sep[1], length: sep[0].length } : null;
}
/** `offset`: rows above the first record (Excel's "sep=" line). */
export function csvReadError(err, file, offset = 0) {
    if (err instanceof DataError)
        return err;
    const e = err;
    if (e.code === 'CSV_MAX_RECORD_SIZE')
        return recordTooLong(file, typeof e.records === 'number' ? e.records + 1 + offset : undefined);
    // The row Excel shows is the record's number; csv-parse's "line" counts the lines inside
    // quoted multi-line answers too, so both are given.
    const row = typeof e.records === 'number' ? e.records + 1 + offset : e.lines;
    return new DataError(`the CSV cannot be read: ${(e.message ?? String(err)).replace(/^Invalid Record Length: /, '')}`, typeof row === 'number' ? { file, row } : { file }, 'check for a stray double quote near that line, or save the file again from Excel as CSV');
}
/** Whether a parsed record holds anything: Excel saves cleared rows as bare delimiters. */
export function hasContent(record) {
    return record.some((c) => c.trim() !== '');
}
export function parseCsvText(text, file, delimiter) {
    const sep = sepLine(text);
    const body = sep ? text.slice(sep.length) : text;
    const delim = delimiter ?? sep?.delimiter ?? detectDelimiter(body);
    let rows;
    try {
        rows = parse(body, csvParseOptions(delim));
    }
    catch (err) {
        throw csvReadError(err, file, sep ? 1 : 0);
    }
    // Empty rows are skipped but still counted, so row numbers match what Excel shows.
    const kept = [];
    const rowNumbers = [];
    const offset = sep ? 2 : 1;
    rows.forEach((r, i) => {
        if (hasContent(r)) {
            kept.push(r);
            rowNumbers.push(i + offset);
        }
    });
    return { rows: kept, rowNumbers, delimiter: delim };
}
export function readCsvBytes(bytes, file, opts = {}) {
    const { text, encoding } = decodeText(bytes, file, opts.encoding);
    const { rows, rowNumbers, delimiter } = parseCsvText(text, file, opts.delimiter);
    return { file, rows, rowNumbers, format: 'csv', encoding, delimiter };
}

// Input files as a stream of rows, so a 100,000-row export never sits in memory as one string
// or one array: the bytes are decoded chunk by chunk and fed to csv-parse's streaming parser.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { DataError, errnoReason } from '../errors.js';
import { unescapeFormula } from './cells.js';
import { csvParseOptions, csvReadError, detectDelimiter, hasContent, sepLine } from './csv-read.js';
import { chooseEncoding, utf8Stream } from './decode.js';
import { checkFileSize, LIMITS, tooManyColumns, tooManyRows } from './limits.js';
/** Rows and columns of a CSV counted as they stream past (docs/LIMITS.md). */
async function* withinLimits(batches, file) {
    let rows = 0;
    for await (const batch of batches) {
        rows += batch.length;
        if (rows > LIMITS.rows + 1)
            throw tooManyRows(file);
        for (const r of batch)
            if (r.cells.length > LIMITS.columns)
                throw tooManyColumns(r.cells.length, file, r.row);
        yield batch;
    }
}
// Small chunks keep an import's memory down: csv-parse turns a whole chunk into records at once,
// and everything alive when the young generation is collected is copied, then promoted to the old
// generation, which V8 lets grow far before collecting it. On 100,000 rows, 32 KiB chunks instead
// of 1 MiB took the peak from about 250 MB to 200 MB in one thread, at the same speed.
const CHUNK = 32 * 1024;
/**
 * The file's bytes from `start`, a chunk at a time: a big export is never read whole. The one
 * buffer is reused, so each chunk must be consumed (decoded) before the next is asked for.
 */
function* byteChunks(abs, start, fresh = false, size = CHUNK) {
    const fd = fs.openSync(abs, 'r');
    let buf = Buffer.allocUnsafe(size);
    try {
        let pos = start;
        for (;;) {
            // A consumer that keeps chunks (csv-parse holds a record's unfinished tail) gets new ones.
            if (fresh)
                buf = Buffer.allocUnsafe(size);
            const n = fs.readSync(fd, buf, 0, size, pos);
            if (n <= 0)
                return;
            pos += n;
            yield buf.subarray(0, n);
        }
    }
    finally {
        fs.closeSync(fd);
    }
}
function* decodedChunks(chunks, encoding) {
    if (encoding === 'utf-8') {
        const decoder = new TextDecoder('utf-8');
        for (const c of chunks)
            yield decoder.decode(c, { stream: true });
        yield decoder.decode();
        return;
    }
    const decoder = iconv.getDecoder(encoding);
    for (const c of chunks)
        yield decoder.write(c);
    const rest = decoder.end();
    if (rest)
        yield rest;
}
/**
 * Strict UTF-8 over the whole file, streamed (utf8Stream carries a character cut at a chunk's
 * end). Nothing is kept from a chunk, so it reads a megabyte at a time: fewer reads, before the
 * import can start.
 */
function isUtf8File(abs, start) {
    const check = utf8Stream();
    for (const c of byteChunks(abs, start, false, 1 << 20))
        if (!check.push(c))
            return false;
    return check.end();
}
/**
 * Records in batches (all csv-parse has ready at each wake-up) rather than one await per record:
 * on a 100,000-row export the per-record promise is a real share of the time.
 */
async function* csvBatches(abs, start, shown, encoding, delimiter, offset) {
    const parser = parse(csvParseOptions(delimiter));
    // UTF-8 goes to csv-parse as bytes (it parses bytes; handing it strings makes it encode them
    // back); other encodings are decoded to text first.
    const source = encoding === 'utf-8'
        ? Readable.from(byteChunks(abs, start, true), { objectMode: false })
        : Readable.from(decodedChunks(byteChunks(abs, start), encoding), { objectMode: false });
    let ended = false;
    let failure = null;
    let wake = () => { };
    parser.on('end', () => {
        ended = true;
        wake();
    });
    parser.on('error', (err) => {
        failure = err;
        wake();
    });
    source.on('error', (err) => {
        failure = err;
        wake();
    });
    source.pipe(parser);
    let index = 0;
    try {
        for (;;) {
            if (failure)
                throw failure;
            const batch = [];
            for (let record = parser.read(); record !== null; record = parser.read()) {
                index++;
                if (hasContent(record))
                    batch.push({ cells: record.map(unescapeFormula), row: index + offset });
            }
            if (batch.length)
                yield batch;
            if (failure)
                throw failure;
            if (ended)
                return;
            await new Promise((resolve) => {
                wake = resolve;
                parser.once('readable', resolve);
            });
        }
    }
    catch (err) {
        throw csvReadError(err, shown, offset);
    }
    finally {
        source.destroy();
    }
}
async function* unbatch(batches) {
    for await (const batch of batches)
        yield* batch;
}
export async function openRows(absPath, shown, opts = {}) {
    let buf;
    let size;
    try {
        const stat = fs.statSync(absPath);
        if (stat.isDirectory())
            throw new DataError('is a folder, not a file', { file: shown }, 'give the path of a .csv or .xlsx file');
        size = stat.size;
        // The first 64 KiB decide the format, encoding and delimiter; a CSV is then streamed.
        const fd = fs.openSync(absPath, 'r');
        try {
            buf = Buffer.alloc(Math.min(size, 65536));
            fs.readSync(fd, buf, 0, buf.length, 0);
        }
        finally {
            fs.closeSync(fd);
        }
    }
    catch (err) {
        if (err instanceof DataError)
            throw err;
        const e = err;
        throw new DataError(e.code === 'ENOENT' ? 'no such file' : `cannot read it: ${errnoReason(e)}`, { file: shown }, e.code === 'ENOENT' ? 'check the path (quote names with spaces)' : undefined);
    }
    if (size === 0)
        throw new DataError('the file is empty', { file: shown }, 'export the form responses again');
    checkFileSize(size, shown);
    const ext = path.extname(absPath).toLowerCase();
    const isZip = buf[0] === 0x50 && buf[1] === 0x4b;
    if (ext === '.xls')
        throw new DataError('old .xls workbooks are not supported', { file: shown }, 'open it in Excel and save it as .xlsx or CSV');
    if (ext === '.xlsx' || ext === '.xlsm' || (isZip && ext !== '.csv')) {
        if (!isZip)
            throw new DataError('is not a real .xlsx workbook', { file: shown }, 'open it in Excel and save it as .xlsx, or export it as CSV');
        const { readXlsxBytes } = await import('./xlsx-read.js');
        const table = await readXlsxBytes(fs.readFileSync(absPath), shown, opts.sheet);
        const batches = (async function* () {
            yield table.rows.map((cells, i) => ({ cells, row: table.rowNumbers[i] }));
        })();
        return { format: 'xlsx', batches, rows: unbatch(batches) };
    }
    const { encoding, skip, label } = chooseEncoding(buf, shown, (from) => isUtf8File(absPath, from), opts.encoding);
    let start = skip;
    // The delimiter (and Excel's "sep=;" line) are decided on the first chunk of text.
    const head = [...decodedChunks([buf.subarray(skip)], encoding)].join('');
    const sep = sepLine(head);
    if (sep)
        start += iconv.encode(head.slice(0, sep.length), encoding === 'utf-8' ? 'utf8' : encoding).length;
    const offset = sep ? 1 : 0;
    const delimiter = opts.delimiter ?? sep?.delimiter ?? detectDelimiter(sep ? head.slice(sep.length) : head);
    const batches = withinLimits(csvBatches(absPath, start, shown, encoding, delimiter, offset), shown);
    return { format: 'csv', encoding: label, delimiter, batches, rows: unbatch(batches) };
}

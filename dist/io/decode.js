// Turning the bytes of a form export into text. Excel and the form tools write UTF-8 (with or
// without BOM), UTF-16 with BOM ("Unicode text") or Windows-1252 ("CSV" on a Western Windows).
// chardet mistakes Windows-1252 for Windows-1250, so we decide ourselves: BOM, then strict UTF-8,
// then Windows-1252, which can decode any byte.
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { DataError } from '../errors.js';
/**
 * Decide a file's encoding from its first bytes. `isUtf8(skip)` says whether the whole file from
 * `skip` on is valid UTF-8: a buffer check for a small file, a streamed one for a big import.
 */
export function chooseEncoding(head, file, isUtf8, forced) {
    if (forced) {
        if (!iconv.encodingExists(forced))
            throw new DataError(`unknown encoding "${forced}"`, { file }, 'use one of utf-8, utf-16le, windows-1252');
        const bom = /^utf-?8$/i.test(forced) && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
        return { encoding: /^utf-?8$/i.test(forced) ? 'utf-8' : forced, skip: bom, label: forced };
    }
    if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
        if (!isUtf8(3)) {
            throw new DataError('the file starts with a UTF-8 marker but is not valid UTF-8', { file }, 'save it again from Excel as "CSV UTF-8", or pass --encoding windows-1252');
        }
        return { encoding: 'utf-8', skip: 3, label: 'utf-8-bom' };
    }
    if (head[0] === 0xff && head[1] === 0xfe)
        return { encoding: 'utf-16le', skip: 2, label: 'utf-16le' };
    if (head[0] === 0xfe && head[1] === 0xff)
        return { encoding: 'utf-16be', skip: 2, label: 'utf-16be' };
    looksLikeText(head, file);
    return isUtf8(0) ? { encoding: 'utf-8', skip: 0, label: 'utf-8' } : { encoding: 'windows-1252', skip: 0, label: 'windows-1252' };
}
export function decodeText(bytes, file, forced) {
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const choice = chooseEncoding(buf, file, (skip) => isUtf8(buf.subarray(skip)), forced);
    const body = buf.subarray(choice.skip);
    const text = choice.encoding === 'utf-8' ? body.toString('utf8') : iconv.decode(body, choice.encoding);
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, encoding: choice.label };
}
/** Binary junk (an .xlsx renamed .csv, a zip, an image) must not be imported as garbage rows. */
function looksLikeText(buf, file) {
    if (buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04) {
        throw new DataError('this is an Excel workbook (or another zip file), not a CSV', { file }, 'give the file an .xlsx extension, or save it from Excel as CSV');
    }
    const sample = buf.subarray(0, 4096);
    let control = 0;
    for (const b of sample) {
        if (b === 0 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c))
            control++;
    }
    if (sample.length > 0 && control / sample.length > 0.02) {
        throw new DataError('this does not look like a text (CSV) file: it holds binary data', { file }, 'export the form responses again as CSV or XLSX');
    }
}
/**
 * Whether bytes given chunk by chunk are valid UTF-8, without decoding them: decoding a big export
 * only to throw the text away left tens of megabytes of strings for the collector. Node's isUtf8
 * checks a whole buffer; a character cut by a chunk's end is carried into the next chunk.
 */
export function utf8Stream() {
    let carry = new Uint8Array(0);
    return {
        push(chunk) {
            const bytes = carry.length ? Buffer.concat([carry, chunk]) : chunk;
            const cut = completeUpTo(bytes);
            // A copy: the caller may reuse the chunk's memory for the next read.
            carry = Uint8Array.prototype.slice.call(bytes, cut);
            return isUtf8(bytes.subarray(0, cut));
        },
        end: () => carry.length === 0,
    };
}
/** Where the last whole character ends: a lead byte near the end still waiting for its rest. */
export function completeUpTo(b) {
    for (let i = b.length - 1; i >= Math.max(0, b.length - 4); i--) {
        const x = b[i];
        if (x < 0x80)
            return b.length;
        if (x >= 0xc0) {
            const need = x >= 0xf0 ? 4 : x >= 0xe0 ? 3 : 2;
            return i + need > b.length ? i : b.length;
        }
    }
    // Only continuation bytes at the end: invalid, and the check of the whole chunk says so.
    return b.length;
}

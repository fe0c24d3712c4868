// Turning the bytes of a form export into text. Excel and the form tools write UTF-8 (with or
// without BOM), UTF-16 with BOM ("Unicode text") or Windows-1252 ("CSV" on a Western Windows).
// chardet mistakes Windows-1252 for Windows-1250, so we decide ourselves: BOM, then strict UTF-8,
// then Windows-1252, which can decode any byte.
import iconv from 'iconv-lite';
import { DataError } from '../errors.js';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export function decodeText(bytes: Uint8Array, file: string, forced?: string): { text: string; encoding: TextEncoding | string } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (forced) {
    if (!iconv.encodingExists(forced)) {
      throw new DataError(`unknown encoding "${forced}"`, { file }, 'use one of utf-8, utf-16le, windows-1252');
    }
    return { text: stripBom(iconv.decode(buf, forced)), encoding: forced };
  }
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return { text: strictUtf8(buf.subarray(3), file), encoding: 'utf-8-bom' };
  }
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) {
    return { text: iconv.decode(buf.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  }
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) {
    return { text: iconv.decode(buf.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  }
  looksLikeText(buf, file);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(buf, 'windows-1252'), encoding: 'windows-1252' };
  }
}

function strictUtf8(buf: Buffer, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw new DataError('the file starts with a UTF-8 marker but is not valid UTF-8', { file }, 'save it again from Excel as "CSV UTF-8", or pass --encoding windows-1252');
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Binary junk (an .xlsx renamed .csv, a zip, an image) must not be imported as garbage rows. */
export function assertText(buf: Buffer, file: string): void {
  looksLikeText(buf, file);
}

function looksLikeText(buf: Buffer, file: string): void {
  if (buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04) {
    throw new DataError('this is an Excel workbook (or another zip file), not a CSV', { file }, 'give the file an .xlsx extension, or save it from Excel as CSV');
  }
  const sample = buf.subarray(0, 4096);
  let control = 0;
  for (const b of sample) {
    if (b === 0 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c)) control++;
  }
  if (sample.length > 0 && control / sample.length > 0.02) {
    throw new DataError('this does not look like a text (CSV) file: it holds binary data', { file }, 'export the form responses again as CSV or XLSX');
  }
}

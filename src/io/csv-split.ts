// Cutting a big UTF-8 CSV into parts that threads can parse on their own. A part must start at
// the start of a record, and a newline inside a quoted bio is not one. With RFC 4180 quoting a
// byte is inside quotes exactly when an odd number of double quotes precede it ("" inside a field
// keeps the count even), so one pass counting quote bytes finds safe cuts. A file whose quotes
// are broken makes csv-parse fail on the part holding the stray quote, and the import then
// reads the whole file in one thread, which reports the error where it really is.
// No CSV library offers this; it is a byte scan with Buffer.indexOf.
import * as fs from 'node:fs';
import type { CsvRange } from './rows.js';

const QUOTE = 0x22;
const LF = 0x0a;
const CHUNK = 1 << 20;

/**
 * Cut `range` into at most `parts` ranges of about equal size, each starting just after a line
 * feed that is outside quotes. Fewer parts come back when no such line feed is found (a file
 * using lone CRs, or one long record).
 */
export function splitCsvRange(range: CsvRange, parts: number): CsvRange[] {
  const size = range.to - range.from;
  if (parts < 2 || size <= 0) return [range];
  const wanted = Array.from({ length: parts - 1 }, (_, k) => range.from + Math.floor((size * (k + 1)) / parts));
  const cuts: number[] = [];
  const fd = fs.openSync(range.abs, 'r');
  const buf = Buffer.allocUnsafe(CHUNK);
  try {
    let quotes = 0;
    let pos = range.from;
    while (pos < range.to && cuts.length < wanted.length) {
      const n = fs.readSync(fd, buf, 0, Math.min(CHUNK, range.to - pos), pos);
      if (n <= 0) break;
      const view = buf.subarray(0, n);
      const target = wanted[cuts.length]!;
      // Before the wanted cut only the parity matters; from it on, the first free line feed.
      let i = 0;
      if (pos + n <= target) {
        for (let q = view.indexOf(QUOTE); q !== -1; q = view.indexOf(QUOTE, q + 1)) quotes++;
        i = n;
      } else {
        const skip = Math.max(0, target - pos);
        for (let q = view.indexOf(QUOTE); q !== -1 && q < skip; q = view.indexOf(QUOTE, q + 1)) quotes++;
        for (i = skip; i < n; i++) {
          const b = view[i]!;
          if (b === QUOTE) quotes++;
          else if (b === LF && quotes % 2 === 0) {
            cuts.push(pos + i + 1);
            break;
          }
        }
        if (i < n) {
          // Count the rest of this chunk's quotes from the cut on, then look for the next cut.
          pos = pos + i + 1;
          continue;
        }
      }
      pos += n;
    }
  } finally {
    fs.closeSync(fd);
  }
  const bounds = [range.from, ...cuts.filter((c) => c < range.to), range.to];
  const out: CsvRange[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) out.push({ ...range, from: bounds[k]!, to: bounds[k + 1]! });
  return out;
}

// The streamed UTF-8 check must agree with a check of the whole file, wherever the chunks are
// cut: a character split across two reads is still one valid character, and a bad byte anywhere
// (including a character left unfinished at the very end) makes the file not UTF-8.
import { isUtf8 } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { completeUpTo, utf8Stream } from '../../src/io/decode.js';

function streamed(bytes: Uint8Array, cuts: number[]): boolean {
  const check = utf8Stream();
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  let from = 0;
  for (const to of [...at, bytes.length]) {
    // The same buffer is reused for every read, as the file reader does.
    const chunk = Buffer.from(bytes.subarray(from, to));
    const ok = check.push(chunk);
    chunk.fill(0xff);
    if (!ok) return false;
    from = to;
  }
  return check.end();
}

describe('utf8Stream', () => {
  it('accepts any valid text, however it is cut', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.array(fc.nat(), { maxLength: 8 }), (text, cuts) => {
        expect(streamed(Buffer.from(text, 'utf8'), cuts)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('agrees with a check of the whole bytes, valid or not', () => {
    const nearlyText = fc.array(fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0x80, max: 0xff })), { maxLength: 40 });
    fc.assert(
      fc.property(nearlyText, fc.array(fc.nat(), { maxLength: 8 }), (bytes, cuts) => {
        const b = Uint8Array.from(bytes);
        expect(streamed(b, cuts)).toBe(isUtf8(b));
      }),
      { numRuns: 2000 },
    );
  });

  it('rejects a character cut off by the end of the file', () => {
    const euro = Buffer.from('€', 'utf8');
    expect(streamed(Buffer.concat([Buffer.from('a,b\n'), euro.subarray(0, 2)]), [5])).toBe(false);
    expect(streamed(Buffer.from('a,€\n'), [3, 4])).toBe(true);
  });

  it('carries only an unfinished character', () => {
    expect(completeUpTo(Buffer.from('abc'))).toBe(3);
    expect(completeUpTo(Buffer.from([0x61, 0xe2, 0x82]))).toBe(1);
    expect(completeUpTo(Buffer.from([0x61, 0xe2, 0x82, 0xac]))).toBe(4);
    expect(completeUpTo(Buffer.from([0xf0, 0x9f, 0x98]))).toBe(0);
  });
});

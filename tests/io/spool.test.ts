// Lines spooled to an anonymous scratch file and read back: single lines (in order, or jumping
// about), and runs of lines as the chunks a stored file is written from.
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { closeSpool, openSpool, SpoolReader, type SpoolRange, spoolChunks, SpoolWriter } from '../../src/io/spool.js';
import { tempDir } from '../helpers/cli.js';

const dir = tempDir('spool-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Spool these lines; their ranges, and the descriptor (the caller closes it). */
function spooled(lines: readonly string[]): { fd: number; ranges: SpoolRange[] } {
  const fd = openSpool([dir]);
  const w = new SpoolWriter(fd);
  const ranges = lines.map((text) => {
    const start = w.end;
    w.put(text);
    return { fd, start, length: w.end - start };
  });
  w.finish();
  return { fd, ranges };
}

/** A chunk lasts until the next is asked for: each is copied as it comes. */
const joined = (chunks: Iterable<Buffer>) => {
  const copies: Buffer[] = [];
  for (const c of chunks) copies.push(Buffer.from(c));
  return Buffer.concat(copies).toString('utf8');
};

describe('spool', () => {
  it('leaves no file behind, even while it is open', () => {
    const { fd } = spooled(['a\r\n', 'b\r\n']);
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(fs.fstatSync(fd).size).toBe(6);
    closeSpool(fd);
  });

  it('uses the next folder when the first cannot take a file', () => {
    const missing = path.join(dir, 'no-such-folder');
    const fd = openSpool([missing, dir]);
    new SpoolWriter(fd).finish();
    expect(fs.existsSync(missing)).toBe(false);
    closeSpool(fd);
    expect(() => openSpool([missing])).toThrow(/cannot write a scratch file \(.*no-such-folder.*\): ENOENT/);
  });

  it('gives back every line, read in order, in any order, or as runs of chunks', () => {
    // Lines of any text (multi-byte, and some longer than the reader's window and the 1 MiB buffer).
    const line = fc.oneof(
      { weight: 20, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom('é', 'x', '字'), fc.integer({ min: 60_000, max: 400_000 })).map(([c, n]) => c.repeat(n)) },
    );
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 60 }), fc.array(fc.nat(), { maxLength: 60 }), (lines, picks) => {
        const { fd, ranges } = spooled(lines);
        try {
          const reader = new SpoolReader(fd);
          ranges.forEach((r, i) => expect(reader.read(r.start, r.length).toString('utf8')).toBe(lines[i]));
          const jumping = new SpoolReader(fd);
          for (const p of picks) {
            const i = p % lines.length;
            expect(jumping.read(ranges[i]!.start, ranges[i]!.length).toString('utf8')).toBe(lines[i]);
          }
          // In file order (one run), and in picked order (runs broken wherever lines are not adjacent).
          expect(joined(spoolChunks(ranges))).toBe(lines.join(''));
          const order = picks.map((p) => p % lines.length);
          expect(joined(spoolChunks(order.map((i) => ranges[i]!)))).toBe(order.map((i) => lines[i]).join(''));
        } finally {
          closeSpool(fd);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('reads adjacent lines as one run, in chunks of at most 1 MiB', () => {
    const lines = Array.from({ length: 3000 }, (_, i) => `${i},${'y'.repeat(1000)}\r\n`);
    const { fd, ranges } = spooled(lines);
    const sizes = [...spoolChunks(ranges)].map((c) => c.length);
    closeSpool(fd);
    const total = lines.reduce((n, l) => n + l.length, 0);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(total);
    expect(sizes).toEqual([1 << 20, 1 << 20, total - 2 * (1 << 20)]);
  });

  it('says the disk is full, with the fix, when the lines do not fit', () => {
    // /dev/full refuses every write as a full disk does (Linux).
    const fd = fs.openSync('/dev/full', 'w');
    const w = new SpoolWriter(fd);
    try {
      expect(() => {
        for (let i = 0; i < 3000; i++) w.put(`${'z'.repeat(1000)}\r\n`);
        w.finish();
      }).toThrow(/cannot write a scratch file: the disk is full/);
    } finally {
      fs.closeSync(fd);
    }
  });

  it('says so when a scratch file is shorter than what was written to it', () => {
    const { fd, ranges } = spooled(['abc\r\n', 'def\r\n']);
    fs.ftruncateSync(fd, 7);
    expect(() => [...spoolChunks(ranges)]).toThrow(/shorter than written \(7 of 10 bytes\)/);
    closeSpool(fd);
  });
});

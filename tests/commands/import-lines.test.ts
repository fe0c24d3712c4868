// The book of an import's spooled lines: numbering across parts, comparing two lines, and the bytes
// of a stored file in the merged order.
import * as fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { LineBook } from '../../src/commands/import-lines.js';
import type { PartResult } from '../../src/commands/import-part.js';
import { openSpool, SpoolWriter } from '../../src/io/spool.js';
import { tempDir } from '../helpers/cli.js';

const dir = tempDir('lines-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A part as a thread returns it, holding these lines. */
function part(lines: string[]): PartResult {
  const fd = openSpool([dir]);
  const w = new SpoolWriter(fd);
  const start: number[] = [];
  for (const l of lines) {
    start.push(w.end);
    w.put(l);
  }
  w.finish();
  const none = lines.map(() => '');
  return {
    records: lines.length, answers: lines.length, spool: fd, spoolEnd: w.end, rejects: [], warnings: [], dropped: [],
    people: { email: none, submitted: none, row: lines.map((_, i) => i + 2), start },
  };
}

function text(book: LineBook, ids: number[]): string {
  const source = book.source(ids);
  const copies: Buffer[] = [];
  for (const c of source.chunks()) copies.push(Buffer.from(c));
  const all = Buffer.concat(copies);
  expect(all.length).toBe(source.size);
  return all.toString('utf8');
}

describe('LineBook', () => {
  it('numbers the lines of each part after the last, and writes them in any order', () => {
    const book = new LineBook();
    expect(book.add(part(['a\r\n', 'b\r\n']))).toBe(0);
    expect(book.add(part([]))).toBe(2);
    expect(book.add(part(['c\r\n', 'Zoë\r\n']))).toBe(2);
    expect(text(book, [0, 1, 2, 3])).toBe('a\r\nb\r\nc\r\nZoë\r\n');
    expect(text(book, [3, 0, 2])).toBe('Zoë\r\na\r\nc\r\n');
    expect(text(book, [])).toBe('');
    book.close();
  });

  it('compares lines within a part and across parts, in any order', () => {
    const book = new LineBook();
    book.add(part(['same\r\n', 'other\r\n', 'same\r\n']));
    book.add(part(['other\r\n', 'same\r\n', 'samE\r\n']));
    const pairs: [number, number, boolean][] = [
      [0, 2, true], [2, 0, true], [0, 4, true], [4, 0, true], [1, 3, true],
      [0, 1, false], [4, 5, false], [5, 0, false], [3, 4, false],
    ];
    for (const [a, b, same] of pairs) expect([a, b, book.same(a, b)]).toEqual([a, b, same]);
    book.close();
  });

  it('closes the spools it took', () => {
    const book = new LineBook();
    const p = part(['x\r\n']);
    book.add(p);
    book.close();
    expect(() => fs.fstatSync(p.spool)).toThrow(/EBADF/);
  });
});

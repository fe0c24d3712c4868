// Cutting a CSV for threads: every cut must fall between records, so that the parts parsed on
// their own give exactly the records of the whole file, whatever the quotes and line breaks.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { csvParseOptions } from '../../src/io/csv-read.js';
import { splitCsvRange } from '../../src/io/csv-split.js';
import type { CsvRange } from '../../src/io/rows.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mentorship-split-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

function fileOf(rows: string[][], eol: string, name: string): CsvRange {
  const abs = path.join(dir, name);
  fs.writeFileSync(abs, rows.map((r) => r.map(quote).join(',')).join(eol) + eol);
  return { abs, shown: name, from: 0, to: fs.statSync(abs).size, delimiter: ',', offset: 0 };
}

function records(range: CsvRange): string[][] {
  const bytes = fs.readFileSync(range.abs).subarray(range.from, range.to);
  return parse(bytes, { ...csvParseOptions(','), bom: false }) as string[][];
}

const cell = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('', '"', '""', 'a "quoted" word', 'line one\nline two', 'crlf\r\ninside', 'comma, inside', 'Zoë'),
);

describe('splitCsvRange', () => {
  it('cuts only between records: the parts give back the whole file, for any cells', () => {
    let n = 0;
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 40 }), fc.constantFrom('\n', '\r\n'), fc.integer({ min: 2, max: 5 }), (rows, eol, k) => {
        const range = fileOf(rows, eol, `p${n++}.csv`);
        const parts = splitCsvRange(range, k);
        expect(parts.length).toBeGreaterThanOrEqual(1);
        expect(parts.length).toBeLessThanOrEqual(k);
        expect(parts[0]!.from).toBe(range.from);
        expect(parts.at(-1)!.to).toBe(range.to);
        for (let i = 1; i < parts.length; i++) expect(parts[i]!.from).toBe(parts[i - 1]!.to);
        expect(parts.flatMap(records)).toEqual(records(range));
      }),
      { numRuns: 150 },
    );
  });

  it('cuts near the middle of a big file, after a line feed outside quotes', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => [`p${i}@lse.ac.uk`, `bio ${i}\nwith "a quote" and, a comma\n`, String(i)]);
    const range = fileOf(rows, '\r\n', 'big.csv');
    const parts = splitCsvRange(range, 2);
    expect(parts).toHaveLength(2);
    const cut = parts[1]!.from;
    expect(Math.abs(cut - range.to / 2)).toBeLessThan(200);
    expect(fs.readFileSync(range.abs).subarray(cut - 2, cut).toString()).toBe('\r\n');
    expect(records(parts[1]!)[0]![0]).toMatch(/^p\d+@lse\.ac\.uk$/);
    expect(parts.flatMap(records)).toEqual(records(range));
  });

  it('does not cut a file with lone CR line ends (old Excel for Mac)', () => {
    const range = fileOf(Array.from({ length: 200 }, (_, i) => [`r${i}`, 'x']), '\r', 'mac.csv');
    expect(splitCsvRange(range, 2)).toEqual([range]);
  });

  it('cuts only the given range (after a BOM and a sep= line)', () => {
    const abs = path.join(dir, 'sep.csv');
    const body = Array.from({ length: 300 }, (_, i) => `a${i};"b\n${i}"`).join('\n') + '\n';
    fs.writeFileSync(abs, `\ufeffsep=;\n${body}`);
    const from = Buffer.byteLength('\ufeffsep=;\n');
    const range = { abs, shown: 'sep.csv', from, to: fs.statSync(abs).size, delimiter: ';', offset: 1 };
    const parts = splitCsvRange(range, 3);
    expect(parts).toHaveLength(3);
    expect(parts[0]!.from).toBe(from);
    const parseAll = (r: CsvRange) => parse(fs.readFileSync(r.abs).subarray(r.from, r.to), { delimiter: ';', bom: false }) as string[][];
    expect(parts.flatMap(parseAll)).toEqual(parseAll(range));
    expect(parts.flatMap(parseAll)).toHaveLength(300);
  });
});

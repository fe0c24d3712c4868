import iconv from 'iconv-lite';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeFormula, unescapeFormula } from '../../src/io/cells.js';
import { detectDelimiter, readCsvBytes } from '../../src/io/csv-read.js';
import { BOM, csvHeaderLine, csvLine, toExcelCsv } from '../../src/io/csv-write.js';
import { decodeText } from '../../src/io/decode.js';
import { DataError } from '../../src/errors.js';

const cols = [
  { key: 'name', header: 'name' },
  { key: 'bio', header: 'bio' },
  { key: 'n', header: 'n', type: 'number' as const },
];

describe('Excel-ready CSV', () => {
  it('starts with a BOM, ends records with CRLF and escapes formula-looking cells', () => {
    const buf = toExcelCsv(cols, [
      { name: '=Sam Taylor', bio: '=HYPERLINK("http://x","y")', n: -3 },
      { name: '+Priya', bio: '@Jordan', n: 2 },
      { name: '-dash', bio: '\tTabbed', n: 0 },
    ]);
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = buf.subarray(3).toString('utf8');
    expect(text.split('\r\n')).toEqual([
      'name,bio,n',
      `"'=Sam Taylor","'=HYPERLINK(""http://x"",""y"")",-3`,
      `"'+Priya","'@Jordan",2`,
      `"'-dash","'\tTabbed",0`,
      '',
    ]);
  });

  it('round-trips any text through write and read back', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string(), fc.string()), { minLength: 1, maxLength: 8 }), (pairs) => {
        const rows = pairs.map(([name, bio]) => ({ name: name.replace(/\r/g, ''), bio: bio.replace(/\r/g, '') }));
        const buf = toExcelCsv(cols.slice(0, 2), rows);
        const back = readCsvBytes(buf, 'x.csv');
        const data = back.rows.slice(1).map((r) => r.map(unescapeFormula));
        const expected = rows.filter((r) => r.name.trim() !== '' || r.bio.trim() !== '').map((r) => [r.name, r.bio]);
        expect(data).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('escapes exactly the dangerous first characters', () => {
    for (const c of ['=', '+', '-', '@', '\t', '\r']) expect(escapeFormula(`${c}x`)).toBe(`'${c}x`);
    expect(escapeFormula("Zoë O'Brien")).toBe("Zoë O'Brien");
    expect(unescapeFormula("'=x")).toBe('=x');
    expect(unescapeFormula("'quoted")).toBe("'quoted");
  });

  it('escapes as the rule says for any text (the first-character shortcut changes nothing)', () => {
    const rule = /^'*[=+\-@\t\r]/;
    // After a separator a spreadsheet may split on (, ; tab CR LF), the same rule (tests/trust/separators.test.ts).
    const inside = (s: string) => s.replace(/([,;\t\r\n])('*[=+\-@])/g, "$1'$2");
    const cell = fc.oneof(fc.string({ maxLength: 6 }), fc.array(fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', '\n', ',', ';', 'a', ' '), { maxLength: 7 }).map((a) => a.join('')));
    fc.assert(
      fc.property(cell, (s) => {
        const t = inside(s);
        expect(escapeFormula(s)).toBe(rule.test(t) ? `'${t}` : t);
        expect(unescapeFormula(escapeFormula(s))).toBe(s);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('reading CSV as Excel and form tools write it', () => {
  it('detects ; and tab delimiters', () => {
    expect(detectDelimiter('a;b;c\n1;2;3')).toBe(';');
    expect(detectDelimiter('a\tb\n1\t2')).toBe('\t');
    expect(detectDelimiter('"x;y",b,c\n')).toBe(',');
  });

  it('decodes Windows-1252, UTF-8 with BOM and UTF-16 with BOM', () => {
    const text = 'name;city\r\nZoë;Liège\r\n';
    const cp1252 = iconv.encode(text, 'windows-1252');
    expect(decodeText(cp1252, 'f').encoding).toBe('windows-1252');
    expect(readCsvBytes(cp1252, 'f').rows).toEqual([['name', 'city'], ['Zoë', 'Liège']]);
    const utf8bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    expect(readCsvBytes(utf8bom, 'f').rows[1]).toEqual(['Zoë', 'Liège']);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text.replace(/;/g, '\t'), 'utf-16le')]);
    expect(readCsvBytes(utf16, 'f').rows[1]).toEqual(['Zoë', 'Liège']);
  });

  it('keeps row numbers as Excel shows them when blank rows are skipped', () => {
    const t = readCsvBytes(Buffer.from('a,b\n1,2\n,\n\n3,4\n'), 'f');
    expect(t.rows).toEqual([['a', 'b'], ['1', '2'], ['3', '4']]);
    expect(t.rowNumbers).toEqual([1, 2, 5]);
  });

  it('refuses binary junk and workbooks disguised as CSV with a clear error', () => {
    const junk = Buffer.from(Array.from({ length: 500 }, (_, i) => (i * 37) % 256));
    expect(() => readCsvBytes(junk, 'junk.csv')).toThrow(DataError);
    expect(() => readCsvBytes(Buffer.from('PK\x03\x04rest'), 'x.csv')).toThrow(/Excel workbook/);
  });

  it('names the line of a stray quote', () => {
    try {
      readCsvBytes(Buffer.from('a,b\n1,2\n3,"4\n'), 'q.csv');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(DataError);
      expect((err as DataError).where.file).toBe('q.csv');
    }
  });
});

describe('delimiter detection past a title row', () => {
  it('looks at the first line that has a delimiter', () => {
    expect(detectDelimiter('Review sheet\r\ndecision;student_email\r\napprove;a@b.org\r\n')).toBe(';');
    expect(detectDelimiter('just one column\nand another\n')).toBe(',');
  });
});

describe('csvLine (written by hand for speed)', () => {
  const columns = [
    { key: 'a', header: 'a' },
    { key: 'b', header: 'b' },
    { key: 'n', header: 'n', type: 'integer' as const },
  ];
  const text = fc.oneof(
    fc.string({ maxLength: 10 }),
    fc.string({ maxLength: 6, unit: 'binary' }),
    fc.constantFrom('', '=SUM(A1)', "'=x", 'say "hi"', 'two\r\nlines', 'ends in CR\r', 'a;b', "O'Brien", ' lead', 'tab\t', 'nbsp\u00a0', 'sep\u2028', 'Zoë'),
  );
  const row = fc.record({ a: text, b: text, n: fc.oneof(fc.integer(), fc.constant(null)) });

  it('writes exactly the bytes csv-stringify writes, whatever the cells hold', () => {
    // csv-stringify with our quoting rule is the reference: the cells as csvLine sees them
    // (formula-escaped text, numbers as they are), quoted and joined by the library.
    const reference = (rows: { a: string; b: string; n: number | null }[]) =>
      stringify(
        [['a', 'b', 'n'], ...rows.map((r) => [escapeFormula(r.a), escapeFormula(r.b), r.n === null ? '' : String(r.n)])],
        { record_delimiter: '\r\n', quoted_match: /[\s"',;]/ },
      );
    fc.assert(
      fc.property(fc.array(row, { maxLength: 20 }), (rows) => {
        const byHand = csvHeaderLine(columns) + rows.map((r) => csvLine(columns, r)).join('');
        expect(byHand).toBe(reference(rows));
        expect(toExcelCsv(columns, rows).equals(Buffer.concat([BOM, Buffer.from(byHand, 'utf8')]))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('quotes what needs quoting and doubles quotes', () => {
    expect(csvLine(columns, { a: 'say "hi", then go', b: 'plain', n: -3 })).toBe('"say ""hi"", then go",plain,-3\r\n');
    expect(csvLine(columns, { a: '=1+1', b: 'two\nlines', n: null })).toBe('"\'=1+1","two\nlines",\r\n');
  });
});

// Hostile form exports for the fuzzers: CSV text in every shape a person or a tool produces (ragged
// rows, stray quotes, NUL bytes, mixed line endings, BOMs, three delimiters, four encodings, a
// 1 MB field) and XLSX workbooks with every kind of cell exceljs can write.
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { MENTOR_FIELDS, STUDENT_FIELDS } from '../../src/core/types.js';

export const MSFORMS = ['ID', 'Start time', 'Completion time', 'Email', 'Name', 'Last modified time', 'Preferred first name', 'Programme', 'Sectors', 'Support'];
export const GOOGLE = ['Timestamp', 'Email Address', 'Full name', 'Which sectors?', 'Capacity', 'Your job title'];
export const QUALTRICS_IDS = ['StartDate', 'EndDate', 'Status', 'DistributionChannel', 'ResponseId', 'Q1', 'Q2', 'Q3', 'Q4'];

/** Values that have broken importers somewhere: quoting, encodings, formulas, numbers, dates. */
export const NASTY: readonly string[] = [
  '', ' ', '"', '""', '"a"b', 'a"b"', '\r', '\n', '\r\n', '\n\r', '\0', 'a\0b', '\uFEFF', '\uFEFFemail', ',', ';', '\t', ', ',
  '=HYPERLINK("http://x","y")', '=1+1', '+1', '-1', '@SUM(A1)', "'=x", " '=x", "''=x", "'+44 20 7946 0000", '\t=1', '\r=1',
  'Zoë', 'Łukasz', 'Ngọc Trâm Nguyễn', 'José Álvarez-Núñez', '\u202Eevil', 'a\u200Bb', '\uFFFE', '\uD800', '😀', '{{scheme.contact_email}}',
  '<script>alert(1)</script>', '../../x', '..\\..\\x', '/etc/passwd', 'C:\\x', '007', '00441234567890', '1e5', '1E+21', '2019',
  '2019.0', '2.0', 'two', '9', '0', '-3', 'NaN', 'Infinity', 'yes', 'No', 'TRUE', 'maybe', 'Online', 'In person', 'either', 'carrier pigeon',
  '05/11/2025 10:23', '2025-11-05T10:23:45Z', '31/02/2025', '45000', '45000.5', '99999', '13/13/2025', 'Nov 5, 2025', '5 Nov 2025',
  '01/02/2026 - 28/02/2026; 2026-03-01 to 2026-03-15', '2026-03-15 to 2026-03-01', 'none', 'sep=;',
  'Consulting', 'consultancy', 'Think Tanks, Research & Policy Analysis', 'NGOs, Charities & Civil Society', 'Consulting;Law;',
  'Government & Public Policy; EU Institutions', 'Managment Consulting', 'MSc Conflict Studies', '__proto__', 'constructor',
  'zoe.obrien@lse.ac.uk', 'Zoe.OBrien@LSE.ac.uk', 'mailto:a@b.co', 'not-an-email', 'a@b', 'a b@c.de', '=1+1@x.com', '\u0001@x.co',
  'https://www.linkedin.com/in/x', 'Survey Preview', 'Survey Test', 'preview', '{"ImportId":"QID1"}', '{"a":1}', '[1,2]', 'extra',
];

const EMAILS = fc
  .tuple(fc.stringMatching(/^[a-z][a-z0-9.]{0,6}$/), fc.constantFrom('lse.ac.uk', 'example.com', 'EXAMPLE.org'))
  .map(([a, b]) => `${a}@${b}`);

export const cellArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 3, arbitrary: EMAILS },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 16 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('"', ',', ';', '\t', '\r', '\n', 'a', ' ', "'", '='), maxLength: 8 }) },
);

export const headerArb: fc.Arbitrary<string[]> = fc.oneof(
  fc.shuffledSubarray<string>([...STUDENT_FIELDS, 'extra'], { minLength: 1 }),
  fc.shuffledSubarray<string>([...MENTOR_FIELDS, 'extra'], { minLength: 1 }),
  fc.constant<string[]>([...STUDENT_FIELDS]),
  fc.constant<string[]>([...MENTOR_FIELDS]),
  fc.constant(MSFORMS),
  fc.constant(GOOGLE),
  fc.constant(QUALTRICS_IDS),
  fc.array(cellArb, { minLength: 0, maxLength: 12 }),
  fc.tuple(fc.shuffledSubarray<string>([...STUDENT_FIELDS], { minLength: 3 }), fc.array(cellArb, { maxLength: 3 })).map(([a, b]) => [...a, ...b, 'email']),
);

export type Encoding = 'utf8' | 'utf8bom' | 'utf16le' | 'utf16be' | 'cp1252' | 'utf8bom-then-junk';
export type QuoteMode = 'rfc' | 'always' | 'never' | 'broken';

export interface CsvCase {
  rows: string[][];
  delimiter: ',' | ';' | '\t';
  eols: ('\r\n' | '\n' | '\r')[];
  quote: QuoteMode;
  encoding: Encoding;
  sepLine: boolean;
  huge: boolean;
  trailingEol: boolean;
}

export const csvCaseArb: fc.Arbitrary<CsvCase> = fc
  .record({
    header: headerArb,
    body: fc.array(fc.array(cellArb, { minLength: 0, maxLength: 24 }), { minLength: 0, maxLength: 8 }),
    fillTo: fc.boolean(),
    delimiter: fc.constantFrom(',', ';', '\t'),
    eols: fc.array(fc.constantFrom('\r\n', '\n', '\r'), { minLength: 1, maxLength: 4 }),
    quote: fc.constantFrom('rfc', 'rfc', 'rfc', 'always', 'never', 'broken'),
    encoding: fc.constantFrom('utf8', 'utf8', 'utf8bom', 'utf16le', 'utf16be', 'cp1252', 'utf8bom-then-junk'),
    sepLine: fc.boolean(),
    huge: fc.integer({ min: 0, max: 59 }).map((n) => n === 0),
    trailingEol: fc.boolean(),
  })
  .map((c) => {
    // Mostly rectangular rows (as real exports are), some ragged.
    const body = c.fillTo ? c.body.map((r) => [...r, ...Array(Math.max(0, c.header.length - r.length)).fill('')].slice(0, Math.max(c.header.length, 1))) : c.body;
    return {
      rows: [c.header, ...body],
      delimiter: c.delimiter,
      eols: c.eols,
      quote: c.quote as QuoteMode,
      encoding: c.encoding as Encoding,
      sepLine: c.sepLine && c.delimiter !== ',',
      huge: c.huge,
      trailingEol: c.trailingEol,
    };
  });

/** A valid answer for each canonical field (so most rows import), or now and then a nasty one. */
const FIELD_VALUES: Record<string, fc.Arbitrary<string>> = {
  email: EMAILS,
  name: fc.constantFrom('Zoë O\'Brien', 'Łukasz Wróbel', 'Ngọc Trâm Nguyễn', '=Sam Taylor', '+Priya Patel', '@Jordan Lee', '-Dash', '007', 'Ana-Maria Popescu', ' spaced  name '),
  first_name: fc.constantFrom('', 'Zoë', 'Sam', '=x', '0042'),
  programme: fc.constantFrom('MSc Conflict Studies', 'MSc European Political Economy', 'MSc Something Else', 'msc conflict studies'),
  sectors: fc.constantFrom('Consulting', 'consultancy; NGO', 'Think Tanks, Research & Policy Analysis;Law', 'Technology;', 'Managment Consulting;Law', '=cmd|calc'),
  support_areas: fc.constantFrom('', 'Networking', 'CV writing; Interviews', 'Career path & decision making;Job search'),
  country: fc.constantFrom('', 'United Kingdom', 'Belgium', 'Côte d’Ivoire'),
  city: fc.constantFrom('', 'London', 'Brussels', 'Zürich'),
  meeting_preference: fc.constantFrom('', 'online', 'In person', 'Either', 'no preference'),
  linkedin: fc.constantFrom('', 'https://www.linkedin.com/in/x', 'linkedin.com/in/y'),
  share_linkedin: fc.constantFrom('', 'yes', 'No', 'TRUE', 'y'),
  bio: fc.constantFrom('', 'I like policy.', 'Line one\nline two, "quoted"', '=HYPERLINK("http://x","y")', '- a list\n- item', "'=x", " '-x", '{{scheme.name}}', '<b>bold</b>'),
  share_bio: fc.constantFrom('', 'yes', 'no', '1', '0'),
  submitted_at: fc.constantFrom('', '2025-11-05T10:23:45Z', '05/11/2025 10:23', '2025-11-05 10:23:45', '45966.43', '6 Nov 2025'),
  courses: fc.constantFrom('', 'MSc Conflict Studies', 'MSc Conflict Studies; MSc European Political Economy', 'BSc Nothing'),
  graduation_year: fc.constantFrom('', '2019', '2019.0', '2001'),
  job_role: fc.constantFrom('', 'Policy Officer', 'Head of =Things'),
  employer: fc.constantFrom('', 'Foreign, Commonwealth & Development Office', 'OECD'),
  capacity: fc.constantFrom('', '1', '2', '2.0', 'two', '5'),
  unavailable: fc.constantFrom('', 'none', '01/02/2026 - 28/02/2026', '2026-03-01 to 2026-03-15; 2026-04-01..2026-04-02'),
  extra: fc.constantFrom('', '{"Phone":"00441234567890"}'),
};

export const validishCsvArb: fc.Arbitrary<CsvCase> = fc
  .record({
    target: fc.constantFrom(STUDENT_FIELDS, MENTOR_FIELDS),
    extraColumns: fc.array(fc.constantFrom('Phone', 'Notes', 'ID', '', 'Phone'), { maxLength: 2 }),
    seed: fc.array(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 24 }), cellArb), { maxLength: 32 }), { minLength: 1, maxLength: 10 }),
    delimiter: fc.constantFrom(',', ';', '\t'),
    eols: fc.array(fc.constantFrom('\r\n', '\n', '\r'), { minLength: 1, maxLength: 3 }),
    encoding: fc.constantFrom('utf8', 'utf8bom', 'utf16le', 'cp1252'),
    sepLine: fc.boolean(),
    huge: fc.integer({ min: 0, max: 39 }).map((n) => n === 0),
  })
  .chain((c) => {
    const header = [...c.target, ...c.extraColumns];
    const row = fc.tuple(...header.map((h) => FIELD_VALUES[h] ?? fc.constantFrom('', '00441234567890', '007', '=1+1', 'note, with comma')));
    return fc.tuple(fc.constant(c), fc.constant(header), fc.array(row, { minLength: c.seed.length, maxLength: c.seed.length }));
  })
  .map(([c, header, rows]) => {
    // Splice a nasty value into a cell now and then.
    const body = rows.map((r, i) => {
      const out = [...r];
      for (const [k, when, v] of c.seed[i] ?? []) if (when === 0) out[k % out.length] = v;
      return out;
    });
    return { rows: [header, ...body], delimiter: c.delimiter, eols: c.eols, quote: 'rfc' as const, encoding: c.encoding, sepLine: c.sepLine && c.delimiter !== ',', huge: c.huge, trailingEol: true };
  });

export const HUGE_FIELD = 'A hostile bio; "quoted", with commas, and a line\nbreak. '.repeat(18_500); // about 1 MB

export function csvText(c: CsvCase): string {
  const rows = c.rows.map((r) => [...r]);
  if (c.huge) {
    const target = rows[1] ?? rows[0]!;
    target[Math.min(target.length, 3)] = HUGE_FIELD;
  }
  const quoteCell = (v: string, i: number): string => {
    const needs = v.includes('"') || v.includes(c.delimiter) || /[\r\n]/.test(v);
    switch (c.quote) {
      case 'always':
        return `"${v.replace(/"/g, '""')}"`;
      case 'never':
        return v;
      case 'broken':
        // Forgetting to double inner quotes, or to close the quote: what hand-made files do.
        return needs ? (i % 2 ? `"${v}` : `"${v}"`) : v;
      default:
        return needs ? `"${v.replace(/"/g, '""')}"` : v;
    }
  };
  let text = c.sepLine ? `sep=${c.delimiter}\r\n` : '';
  rows.forEach((r, i) => {
    text += r.map(quoteCell).join(c.delimiter);
    if (i < rows.length - 1 || c.trailingEol) text += c.eols[i % c.eols.length];
  });
  return text;
}

export function encodeCsv(text: string, encoding: Encoding): Buffer {
  switch (encoding) {
    case 'utf8bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf8bom-then-junk':
      // A UTF-8 marker on bytes that are not UTF-8 (a file re-saved by a confused editor).
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), iconv.encode(text, 'windows-1252'), Buffer.from([0xff, 0xfe, 0x80])]);
    case 'utf16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]);
    case 'utf16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]);
    case 'cp1252':
      return iconv.encode(text, 'windows-1252');
    default:
      return Buffer.from(text, 'utf8');
  }
}

export function csvBytes(c: CsvCase): Buffer {
  return encodeCsv(csvText(c), c.encoding);
}

/** Raw bytes: random, or a text file with random bytes spliced in. */
export const randomBytesArb: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ minLength: 0, maxLength: 600 }),
  fc.tuple(csvCaseArb, fc.uint8Array({ minLength: 1, maxLength: 40 }), fc.nat()).map(([c, junk, at]) => {
    const b = csvBytes({ ...c, huge: false });
    const i = b.length ? at % b.length : 0;
    return Buffer.concat([b.subarray(0, i), junk, b.subarray(i)]);
  }),
);

/** TRUST_FUZZ_SCALE=10 runs ten times as many cases (a longer campaign than the default run). */
export function runs(n: number): number {
  // Replaying one case (tests/helpers/fc-seed.ts): that run alone.
  if (process.env.FUZZ_PATH) return 1;
  const scale = Number(process.env.TRUST_FUZZ_SCALE ?? '1');
  return Math.max(1, Math.round(n * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}

// ---- XLSX ----

export type XCell =
  | { t: 'string'; v: string }
  | { t: 'number'; v: number }
  | { t: 'date'; v: Date }
  | { t: 'bool'; v: boolean }
  | { t: 'rich'; parts: string[] }
  | { t: 'formula'; f: string; result?: string | number | boolean | { error: string } }
  | { t: 'shared'; ref: string; result?: number }
  | { t: 'error'; v: string }
  | { t: 'link'; text: string; href: string }
  | { t: 'empty' };

/** Formula texts (exceljs stores them without the "="): none of them may ever come back as data. */
export const FORMULAS = ['A1&"x"', 'HYPERLINK("http://x","y")', 'NOW()', '1/0', 'NA()', 'SUM(B2:B3)', 'CONCAT("=",A1)'];

const xcellArb: fc.Arbitrary<XCell> = fc.oneof(
  { weight: 6, arbitrary: cellArb.map((v) => ({ t: 'string' as const, v })) },
  { weight: 2, arbitrary: fc.oneof(fc.integer(), fc.double({ noNaN: false }), fc.constantFrom(7, 2019, 2.0, 441234567890, 1e21, -0, 45000.25)).map((v) => ({ t: 'number' as const, v })) },
  { weight: 2, arbitrary: fc.date({ min: new Date(Date.UTC(1899, 11, 31)), max: new Date(Date.UTC(2200, 0, 1)), noInvalidDate: true }).map((v) => ({ t: 'date' as const, v })) },
  { weight: 1, arbitrary: fc.boolean().map((v) => ({ t: 'bool' as const, v })) },
  { weight: 1, arbitrary: fc.array(cellArb, { minLength: 1, maxLength: 3 }).map((parts) => ({ t: 'rich' as const, parts })) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.constantFrom(...FORMULAS),
        fc.option(fc.oneof(cellArb, fc.integer(), fc.boolean(), fc.constantFrom({ error: '#N/A' }, { error: '#DIV/0!' }, { error: '#REF!' })), { nil: undefined }),
      )
      .map(([f, result]) => ({ t: 'formula' as const, f, result })),
  },
  { weight: 1, arbitrary: fc.constantFrom('#N/A', '#VALUE!', '#REF!', '#DIV/0!', '#NUM!', '#NAME?', '#NULL!').map((v) => ({ t: 'error' as const, v })) },
  { weight: 1, arbitrary: fc.tuple(cellArb, fc.constantFrom('http://x.example', 'mailto:a@b.co', 'https://www.linkedin.com/in/x')).map(([text, href]) => ({ t: 'link' as const, text, href })) },
  { weight: 2, arbitrary: fc.constant({ t: 'empty' as const }) },
);

export interface XlsxCase {
  sheets: { name: string; header: string[]; rows: XCell[][]; gaps: number[]; merges: [number, number, number, number][] }[];
  sheetOption?: string;
}

export const xlsxCaseArb: fc.Arbitrary<XlsxCase> = fc
  .record({
    header: headerArb,
    rows: fc.array(fc.array(xcellArb, { maxLength: 22 }), { maxLength: 6 }),
    gaps: fc.array(fc.nat({ max: 3 }), { maxLength: 6 }),
    merges: fc.array(fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 8 }), fc.nat({ max: 2 }), fc.nat({ max: 2 })), { maxLength: 2 }),
    second: fc.boolean(),
    sheetOption: fc.option(fc.constantFrom('Sheet1', 'Responses', 'sheet1', 'Nope'), { nil: undefined }),
    firstName: fc.constantFrom('Sheet1', 'Form1', 'Responses'),
  })
  .map((c) => ({
    sheets: [
      { name: c.firstName, header: c.header, rows: c.rows, gaps: c.gaps, merges: c.merges.map(([r, col, h, w]) => [r, col, r + h, col + w] as [number, number, number, number]) },
      ...(c.second ? [{ name: c.firstName === 'Responses' ? 'Other' : 'Responses', header: [...STUDENT_FIELDS], rows: c.rows.slice(0, 2), gaps: [], merges: [] }] : []),
    ],
    sheetOption: c.sheetOption,
  }));

/** Mostly importable workbooks: canonical answers, each cell in the form a form tool or Excel may give it. */
export const validishXlsxArb: fc.Arbitrary<XlsxCase> = fc
  .tuple(validishCsvArb, fc.array(fc.nat({ max: 9 }), { minLength: 40, maxLength: 40 }), fc.array(xcellArb, { minLength: 8, maxLength: 8 }), fc.array(fc.nat({ max: 2 }), { maxLength: 8 }))
  .map(([c, dice, wild, gaps]) => {
    const [header, ...body] = c.rows;
    let k = 0;
    const typed = (h: string, v: string): XCell => {
      const d = dice[k++ % dice.length]!;
      if (v === '') return d < 2 ? { t: 'empty' } : { t: 'string', v };
      if ((h === 'capacity' || h === 'graduation_year') && /^\d+(\.0)?$/.test(v) && d < 6) return { t: 'number', v: Number(v) };
      if (h === 'submitted_at' && d < 5) return { t: 'date', v: new Date(Date.UTC(2025, 10, 1 + d, 10, 23, d * 7)) };
      if (h === 'name' && d === 0) return { t: 'rich', parts: [v.slice(0, 3), v.slice(3)] };
      if (h === 'name' && d === 1) return { t: 'formula', f: 'CONCAT(A1,"")', result: v };
      if ((h === 'linkedin' || h === 'email') && d === 2) return { t: 'link', text: v, href: `mailto:${v}` };
      if (h === 'share_bio' && d === 3) return { t: 'bool', v: true };
      if (d === 9 && k % 3 === 0) return wild[k % wild.length]!;
      return { t: 'string', v };
    };
    return {
      sheets: [{ name: 'Sheet1', header: header!, rows: body.map((r) => r.map((v, j) => typed(header![j] ?? '', v))), gaps, merges: [] }],
    };
  });

function xlsxValue(c: XCell): unknown {
  switch (c.t) {
    case 'string':
      return c.v;
    case 'number':
      return c.v;
    case 'date':
      return c.v;
    case 'bool':
      return c.v;
    case 'rich':
      return { richText: c.parts.map((text, i) => ({ text, font: i % 2 ? { bold: true } : { italic: true } })) };
    case 'formula':
      return c.result === undefined ? { formula: c.f } : { formula: c.f, result: c.result };
    case 'shared':
      return { sharedFormula: c.ref, result: c.result };
    case 'error':
      return { error: c.v };
    case 'link':
      return { text: c.text, hyperlink: c.href };
    default:
      return null;
  }
}

/** XML 1.0 cannot hold these: exceljs would write a corrupt part, which is not the case under test. */
function xmlSafe(v: unknown): unknown {
  if (typeof v === 'string') return v.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udfff]/g, '?');
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    const o = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(o)) out[k] = Array.isArray(x) ? x.map(xmlSafe) : xmlSafe(x);
    return out;
  }
  return v;
}

export async function xlsxBytes(c: XlsxCase): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  for (const s of c.sheets) {
    const ws = wb.addWorksheet(s.name);
    let r = 1;
    ws.getRow(r).values = s.header.map((h) => xmlSafe(h)) as never;
    s.rows.forEach((cells, i) => {
      r += 1 + (s.gaps[i] ?? 0); // empty rows in between
      const row = ws.getRow(r);
      cells.forEach((cell, j) => {
        if (cell.t === 'empty') return;
        row.getCell(j + 1).value = xmlSafe(xlsxValue(cell)) as never;
      });
      row.commit();
    });
    for (const [top, left, bottom, right] of s.merges) {
      try {
        ws.mergeCells(top, left, bottom, right);
      } catch {
        /* overlapping merges: exceljs refuses, and so would Excel */
      }
    }
  }
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Damage a workbook the ways downloads and copies do: truncation and flipped bytes. */
export const damageArb = fc.record({
  mode: fc.constantFrom('truncate', 'flip', 'flip', 'zero-run'),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  count: fc.integer({ min: 1, max: 6 }),
  seed: fc.nat(),
});

export function damage(bytes: Buffer, d: { mode: string; at: number; count: number; seed: number }): Buffer {
  const b = Buffer.from(bytes);
  const at = Math.floor(d.at * b.length);
  if (d.mode === 'truncate') return b.subarray(0, at);
  let s = d.seed || 1;
  const next = () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s;
  };
  if (d.mode === 'zero-run') {
    b.fill(0, at, Math.min(b.length, at + d.count * 37));
    return b;
  }
  for (let i = 0; i < d.count; i++) b[(at + next()) % b.length] = next() & 0xff;
  return b;
}

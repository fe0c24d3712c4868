// Issue 18 item 3: one character XML 1.0 forbids (U+FFFF in a name, valid UTF-8 in a CSV export)
// made sharedStrings.xml malformed, so `confirm` could not read the tool's own review sheet. The
// class: C0 controls other than tab/LF/CR, U+FFFE, U+FFFF and lone surrogates, in any field, must
// never reach a workbook, an HTML file or a draft. Every XML part of every workbook the tool writes
// is parsed with a strict XML parser (saxes, the parser exceljs itself reads with).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { simpleParser } from 'mailparser';
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xmlSafe } from '../../src/core/text.js';
import { MENTOR_FIELDS, STUDENT_FIELDS } from '../../src/core/types.js';
import { toXlsx } from '../../src/io/xlsx-write.js';
import { cleanup, freshWorkspace, listFiles, runIn, tempRoot } from './inproc.js';
import { zipEntries } from './zip.js';

/** The forbidden characters, each in a name, a bio, a job role... */
export const XML_FORBIDDEN_SAMPLES = ['\uffff', '\ufffe', '\u0000', '\u0001', '\u0008', '\u000b', '\u000c', '\u000e', '\u001f'];

const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Parse one XML document strictly; the error message, or null when it is well-formed. */
export function xmlError(xml: string): string | null {
  const parser = new SaxesParser({ xmlns: false });
  let error: string | null = null;
  parser.on('error', (e) => {
    error ??= e.message;
  });
  try {
    parser.write(xml).close();
  } catch (e) {
    error ??= (e as Error).message;
  }
  return error;
}

/** Every XML part of a workbook that is not well-formed, as "part: error". */
export function badXlsxParts(bytes: Buffer): { parts: number; bad: string[] } {
  const bad: string[] = [];
  let parts = 0;
  for (const [name, data] of zipEntries(bytes)) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    parts++;
    const err = xmlError(data.toString('utf8'));
    if (err) bad.push(`${name}: ${err}`);
  }
  return { parts, bad };
}

let root = '';
let ws = '';
const steps: { name: string; code: number; stderr: string }[] = [];

const STUDENT_SECTORS = 'Government & Public Policy; Consulting';
const MENTOR_SECTORS = 'Government & Public Policy; Consulting; Law';

function writeInputs(dir: string): { students: string; mentors: string } {
  const sHeader = [...STUDENT_FIELDS];
  const mHeader = [...MENTOR_FIELDS];
  const students = XML_FORBIDDEN_SAMPLES.map((c, i) => ({
    email: `xml.s${i}@lse.ac.uk`, name: `Zo${c}ë Student${i}`, first_name: `Zo${c}ë`, programme: 'MSc Conflict Studies', sectors: STUDENT_SECTORS,
    support_areas: 'Networking', country: `Bel${c}gium`, city: 'Brussels', meeting_preference: 'online', linkedin: `https://linkedin.com/in/s${i}${c}`,
    share_linkedin: 'yes', bio: `A bio with${c}a forbidden character ${i}.`, share_bio: 'yes', submitted_at: '2025-11-10T09:00:00',
  }));
  const mentors = XML_FORBIDDEN_SAMPLES.map((c, i) => ({
    email: `xml.m${i}@example.com`, name: `Men${c}tor ${i}`, sectors: MENTOR_SECTORS, support_areas: 'Networking', courses: 'MSc Conflict Studies',
    graduation_year: '2015', capacity: '2', country: `Fra${c}nce`, job_role: `Ana${c}lyst`, employer: `Emp${c}loyer`, meeting_preference: 'either',
    share_bio: 'yes', share_linkedin: 'yes', bio: `Mentor bio${c} ${i}`, linkedin: 'https://linkedin.com/in/m', submitted_at: '2025-11-10T09:00:00',
  }));
  const write = (file: string, header: string[], rows: Record<string, string>[]) =>
    fs.writeFileSync(file, `\uFEFF${stringify([header, ...rows.map((r) => header.map((h) => r[h] ?? ''))], { record_delimiter: '\r\n' })}`);
  const s = path.join(dir, 'xml-students.csv');
  const m = path.join(dir, 'xml-mentors.csv');
  write(s, sHeader, students);
  write(m, mHeader, mentors);
  return { students: s, mentors: m };
}

beforeAll(async () => {
  root = tempRoot('trust-xml-');
  const inputs = writeInputs(root);
  ws = await freshWorkspace(root);
  const run = async (name: string, args: string[], today?: string) => {
    const r = await runIn([...args, '--workspace', ws, '--yes'], ws, today ? { MENTORSHIP_TODAY: today } : {});
    steps.push({ name, code: r.code, stderr: r.stderr });
  };
  await run('import students', ['import', 'students', inputs.students]);
  await run('import mentors', ['import', 'mentors', inputs.mentors]);
  await run('report supply', ['report', 'supply']);
  await run('match', ['match']);
  // The tool reads back its own review sheet: this is what U+FFFF broke.
  await run('confirm review sheet', ['confirm', path.join(ws, 'out', 'match-review.xlsx')]);
  await run('confirm', ['confirm', '--all']);
  await run('export', ['export']);
  await run('emails intro', ['emails', 'intro']);
  await run('report programme', ['report', 'programme'], '2026-05-20');
}, 300_000);

afterAll(() => cleanup(root));

describe('characters XML forbids never reach a workbook, an HTML file or a draft', () => {
  it('every command of the cycle succeeds, including confirm reading the review sheet back', () => {
    expect(steps.filter((s) => s.code !== 0).map((s) => `${s.name}: exit ${s.code}: ${s.stderr.slice(0, 300)}`)).toEqual([]);
    expect(steps.length).toBe(9);
  });

  it('every XML part of every workbook the tool wrote parses as XML', () => {
    const books = listFiles(ws).filter((f) => f.endsWith('.xlsx'));
    // The review sheet and the two exports at least.
    expect(books.length).toBeGreaterThanOrEqual(3);
    let parts = 0;
    const bad: string[] = [];
    for (const f of books) {
      const r = badXlsxParts(fs.readFileSync(path.join(ws, f)));
      parts += r.parts;
      bad.push(...r.bad.map((b) => `${f} ${b}`));
    }
    expect(parts).toBeGreaterThan(books.length * 3);
    expect(bad).toEqual([]);
  });

  it('the people are in the workbooks, without the forbidden characters', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(path.join(ws, 'out', 'export', 'for-mentors.xlsx')) as unknown as ArrayBuffer);
    const texts: string[] = [];
    wb.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => void texts.push(String(cell.value)))));
    expect(texts).toContain('Zoë Student0');
    expect(texts.filter((t) => /^Zoë Student\d$/.test(t)).length).toBe(XML_FORBIDDEN_SAMPLES.length);
    expect(texts.filter((t) => FORBIDDEN.test(t))).toEqual([]);
  });

  it('no data file, HTML file or draft holds one (drafts read as mail readers read them)', async () => {
    const files = listFiles(ws).filter((f) => /\.(csv|html|txt|eml)$/.test(f) && !f.startsWith('.mentorship'));
    const emls = files.filter((f) => f.endsWith('.eml'));
    expect(emls.length).toBeGreaterThan(0);
    expect(files.filter((f) => f.endsWith('.html')).length).toBeGreaterThan(0);
    const bad: string[] = [];
    for (const f of files) {
      const text = fs.readFileSync(path.join(ws, f), 'utf8');
      if (FORBIDDEN.test(text)) bad.push(f);
    }
    for (const f of emls) {
      const mail = await simpleParser(fs.readFileSync(path.join(ws, f)));
      const decoded = [mail.subject ?? '', mail.text ?? '', String(mail.html), JSON.stringify(mail.to)].join('\n');
      if (FORBIDDEN.test(decoded)) bad.push(`${f} (decoded)`);
    }
    expect(bad).toEqual([]);
  });
});

// Text mixing the forbidden characters (and lone surrogates) with ordinary and astral ones.
const hostileText = fc
  .array(fc.oneof(fc.constantFrom(...XML_FORBIDDEN_SAMPLES, '\ud800', '\udfff', 'a', ' ', '\t', '\n', '&', '<'), fc.string({ unit: 'binary', maxLength: 2 })), { maxLength: 10 })
  .map((a) => a.join(''));

describe('the XLSX writer, for any text', () => {
  it('writes well-formed XML whatever a cell, a header or a sheet name holds (property, lone surrogates included)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(hostileText, { minLength: 1, maxLength: 6 }),
        hostileText,
        async (cells, header) => {
          const bytes = await toXlsx(
            [{ name: `S${header}`, columns: [{ key: 'a', header: `H${header}` }, { key: 'd', header: 'd', type: 'date' }], rows: cells.map((c) => ({ a: c, d: c })) }],
            new Date(0),
          );
          const r = badXlsxParts(bytes);
          expect(r.parts).toBeGreaterThan(3);
          expect(r.bad).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('removes exactly the forbidden characters and keeps everything else', () => {
    expect(xmlSafe('a\uffffb\ufffec\u0000d\te\nf\rg')).toBe('abcd\te\nf\rg');
    expect(xmlSafe('x\ud800y')).toBe('xy');
    expect(xmlSafe('x\udc00y')).toBe('xy');
    expect(xmlSafe('emoji \ud83d\ude00 kept')).toBe('emoji \ud83d\ude00 kept');
    fc.assert(
      fc.property(fc.oneof(hostileText, fc.string({ unit: 'binary', maxLength: 40 })), (s) => {
        const out = xmlSafe(s);
        expect(FORBIDDEN.test(out)).toBe(false);
        // Nothing else is touched: removing the forbidden ones from the input gives the same text.
        expect(out).toBe([...s].filter((ch) => !FORBIDDEN.test(ch)).join(''));
      }),
      { numRuns: 500 },
    );
  });
});

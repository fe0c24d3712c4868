// Issue 18 item 8: resource limits. A 200 KB XLSX (40,000 rows, one cell each at column XFD) ran
// the import out of memory; a 106 MB zip bomb ran for minutes at 6 GB; a 120 MB name crashed
// `emails intro`; 8,000 nested {{#if}} took a minute to refuse. Each limit of docs/LIMITS.md is
// tried just past it: one clear message naming the file, nothing written, no internal error.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkTemplateSize, TEMPLATE_LIMITS } from '../../src/core/email/template.js';
import { STUDENT_FIELDS } from '../../src/core/types.js';
import { LIMITS } from '../../src/io/limits.js';
import { cleanup, expectCleanFailure, expectUnchanged, freshWorkspace, runIn, snapshot, tempRoot } from './inproc.js';

interface Entry {
  name: string;
  data: Buffer;
  /** Write this as the unpacked size instead of the real one (a lying header). */
  declared?: number;
}

/** A zip written by hand, so sizes and contents can be anything a hostile file holds. */
function zip(entries: readonly Entry[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const packed = zlib.deflateRawSync(e.data);
    const name = Buffer.from(e.name, 'utf8');
    const size = e.declared ?? e.data.length;
    const crc = zlib.crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(packed.length, 20);
    dir.writeUInt32LE(size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    central.push(dir, name);
    offset += 30 + name.length + packed.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dirBytes, end]);
}

/** A minimal workbook around one worksheet's XML. */
function workbook(sheetXml: string | Buffer, declared?: number): Buffer {
  const x = (s: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${s}`);
  return zip([
    {
      name: '[Content_Types].xml',
      data: x(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      ),
    },
    { name: '_rels/.rels', data: x('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>') },
    {
      name: 'xl/workbook.xml',
      data: x('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    },
    { name: 'xl/_rels/workbook.xml.rels', data: x('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>') },
    { name: 'xl/worksheets/sheet1.xml', data: typeof sheetXml === 'string' ? x(sheetXml) : sheetXml, ...(declared === undefined ? {} : { declared }) },
  ]);
}

const SHEET_OPEN = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_CLOSE = '</sheetData></worksheet>';
const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

let root = '';
let ws = '';
beforeAll(async () => {
  root = tempRoot('trust-limits-');
  ws = await freshWorkspace(root);
}, 60_000);
afterAll(() => cleanup(root));

/** Import a file that breaks a limit: one clear error naming the file and the limit, nothing written. */
async function refused(file: string, expected: RegExp): Promise<string> {
  const before = snapshot(ws);
  const r = await runIn(['import', 'students', file, '--workspace', ws, '--yes'], ws);
  expect(r.code, r.stderr).toBe(1);
  expectCleanFailure(r, path.basename(file));
  expect(r.stderr).toContain(path.basename(file));
  expect(r.stderr).toMatch(expected);
  expectUnchanged(before, ws, `importing ${path.basename(file)}`);
  return r.stderr;
}

function write(name: string, data: Buffer | string): string {
  const file = path.join(root, name);
  fs.writeFileSync(file, data);
  return file;
}

describe('XLSX limits', () => {
  it('40,000 rows of one cell at column XFD (the 200 KB file that ran out of memory)', async () => {
    const rows = [`<row r="1">${cell('A1', 'email')}${cell('B1', 'name')}</row>`];
    for (let r = 2; r <= 40_001; r++) rows.push(`<row r="${r}">${cell(`XFD${r}`, 'x')}</row>`);
    const file = write('xfd.xlsx', workbook(`${SHEET_OPEN}${rows.join('')}${SHEET_CLOSE}`));
    expect(fs.statSync(file).size).toBeLessThan(400_000);
    await refused(file, /16,384 columns, over the limit of 2,000/);
  });

  it('one cell past the column limit, and one at it (the family)', async () => {
    const col = (n: number) => {
      let s = '';
      for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
      return s;
    };
    const past = write('cols-past.xlsx', workbook(`${SHEET_OPEN}<row r="1">${cell('A1', 'email')}${cell(`${col(LIMITS.columns + 1)}1`, 'x')}</row>${SHEET_CLOSE}`));
    await refused(past, /2,001 columns/);
    // At the limit the workbook is read (and refused for what it holds, not for its size).
    const at = write('cols-at.xlsx', workbook(`${SHEET_OPEN}<row r="1">${cell('A1', 'email')}${cell(`${col(LIMITS.columns)}1`, 'x')}</row>${SHEET_CLOSE}`));
    const r = await runIn(['import', 'students', at, '--workspace', ws, '--yes'], ws);
    expect(r.stderr).not.toMatch(/columns, over the limit/);
  });

  it('more rows than the limit', async () => {
    const rows = [`<row r="1">${cell('A1', 'email')}</row>`];
    for (let r = 2; r <= LIMITS.rows + 3; r++) rows.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`);
    await refused(write('rows.xlsx', workbook(`${SHEET_OPEN}${rows.join('')}${SHEET_CLOSE}`)), /more than 200,000 rows/);
  });

  it('a zip bomb: a part that unpacks to a thousand times its size', async () => {
    const bomb = Buffer.concat([Buffer.from(SHEET_OPEN), Buffer.alloc(30 * 1024 * 1024, 0x20), Buffer.from(SHEET_CLOSE)]);
    await refused(write('bomb.xlsx', workbook(bomb)), /unpacks to [\d,]+ times its packed size/);
  });

  it('a workbook whose parts declare more than the unpacked limit in all', async () => {
    await refused(write('huge-declared.xlsx', workbook(`${SHEET_OPEN}${SHEET_CLOSE}`, LIMITS.inflatedBytes + 1)), /unpacks to more than 512 MiB/);
  });

  it('a lying header: a part that unpacks to far more than it declares is stopped at what it declared', async () => {
    const big = Buffer.concat([Buffer.from(SHEET_OPEN), Buffer.alloc(64 * 1024 * 1024, 0x20), Buffer.from(SHEET_CLOSE)]);
    await refused(write('liar.xlsx', workbook(big, 1000)), /workbook is damaged: xl\/worksheets\/sheet1\.xml cannot be unpacked/);
  });
});

describe('CSV limits', () => {
  it('a file over the size limit is refused before it is read', async () => {
    const file = path.join(root, 'huge.csv');
    fs.writeFileSync(file, 'email,name\n');
    fs.truncateSync(file, LIMITS.fileBytes + 1); // sparse: no disk, no time
    await refused(file, /over the limit of 256 MiB/);
  });

  it('more rows than the limit', async () => {
    const lines = ['email,name'];
    for (let i = 0; i <= LIMITS.rows + 1; i++) lines.push(`p${i}@lse.ac.uk,P`);
    await refused(write('rows.csv', lines.join('\n')), /more than 200,000 rows/);
  });

  it('more columns than the limit', async () => {
    const header = Array.from({ length: LIMITS.columns + 1 }, (_, i) => `c${i}`).join(',');
    await refused(write('cols.csv', `email,name,${header}\na@lse.ac.uk,A\n`), /columns, over the limit of 2,000/);
  });

  it('a row longer than the record limit (a huge name, or a stray quote that swallows the file)', async () => {
    await refused(write('long-name.csv', `email,name\na@lse.ac.uk,${'N'.repeat(LIMITS.recordChars + 10)}\n`), /a row is longer than 4 MiB/);
    await refused(write('stray-quote.csv', `email,name\na@lse.ac.uk,"Open quote\n${'b@lse.ac.uk,B\n'.repeat(400_000)}`), /a row is longer than 4 MiB/);
  });
});

describe('field limits: the row is rejected with the reason, the others are imported', () => {
  it.each([
    ['name', 501, /the name is longer than 500 characters/],
    ['first_name', 501, /the first name is longer than 500 characters/],
    ['city', 600, /the city is longer than 500 characters/],
    ['country', 600, /the country is longer than 500 characters/],
    ['programme', 501, /the programme is longer than 500 characters/],
    ['linkedin', 2_001, /the LinkedIn profile is longer than 2,000 characters/],
    ['name', 2_000_000, /the name is longer than 500 characters/],
  ])('%s of %i characters', async (field, length, reason) => {
    const dir = fs.mkdtempSync(path.join(root, 'field-'));
    const w = await freshWorkspace(dir);
    const header = [...STUDENT_FIELDS];
    const good: Record<string, string> = { email: 'ok@lse.ac.uk', name: 'Ok Person', programme: 'MSc Conflict Studies', sectors: 'Consulting' };
    const bad = { ...good, email: 'long@lse.ac.uk', [field]: 'x'.repeat(length) };
    const csv = [header, header.map((h) => good[h] ?? ''), header.map((h) => bad[h] ?? '')].map((r) => r.join(',')).join('\n');
    const file = path.join(dir, `${field}.csv`);
    fs.writeFileSync(file, csv);
    const r = await runIn(['import', 'students', file, '--workspace', w, '--yes', '--json'], w);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { result: { imported: number } }).result.imported).toBe(1);
    const rejects = fs.readdirSync(path.join(w, 'out', 'rejects'));
    expect(rejects.length).toBe(1);
    const text = fs.readFileSync(path.join(w, 'out', 'rejects', rejects[0]!), 'utf8');
    expect(text).toMatch(reason);
    // Kept whole, so nothing is lost.
    expect(text).toContain('x'.repeat(length));
    expect(fs.readFileSync(path.join(w, 'data', 'students.csv'), 'utf8')).not.toContain('x'.repeat(200));
  });
});

describe('template limits', () => {
  const nested = (n: number) => `---\nto: {{recipient.email}}\nsubject: Hi\n---\n${'{{#if recipient.name}}'.repeat(n)}x${'{{/if}}'.repeat(n)}\n`;

  it('8,000 nested {{#if}} blocks are refused by the scan, before Handlebars parses them', () => {
    expect(() => checkTemplateSize(nested(8_000), 'templates/intro-student.hbs')).toThrow(/nests blocks more than 30 deep/);
    expect(() => checkTemplateSize(nested(TEMPLATE_LIMITS.depth + 1), 't.hbs')).toThrow(/more than 30 deep/);
    expect(() => checkTemplateSize(nested(TEMPLATE_LIMITS.depth), 't.hbs')).not.toThrow();
    // Inverse sections ({{^x}}) open blocks too; {{else}} and {{^}} do not.
    expect(() => checkTemplateSize(`${'{{^recipient.name}}'.repeat(31)}${'{{/recipient.name}}'.repeat(31)}`, 't.hbs')).toThrow(/deep/);
    expect(() => checkTemplateSize(`{{#if a}}${'{{else}}{{^}}'.repeat(100)}{{/if}}`, 't.hbs')).not.toThrow();
  });

  it('a template over the size limit is refused', () => {
    expect(() => checkTemplateSize(`---\nto: a@b.co\nsubject: s\n---\n${'x'.repeat(TEMPLATE_LIMITS.chars)}`, 't.hbs')).toThrow(/over the limit of 100,000/);
  });

  it('emails intro with such a workspace template: one clear error naming the file', async () => {
    const dir = fs.mkdtempSync(path.join(root, 'tpl-'));
    const w = await freshWorkspace(dir);
    // One confirmed pair, so the command gets as far as its templates.
    fs.writeFileSync(path.join(dir, 's.csv'), 'email,name,programme,sectors\ns@lse.ac.uk,S One,MSc Conflict Studies,Consulting\n');
    fs.writeFileSync(path.join(dir, 'm.csv'), 'email,name,sectors\nm@example.com,M One,Consulting\n');
    for (const args of [['import', 'students', path.join(dir, 's.csv')], ['import', 'mentors', path.join(dir, 'm.csv')], ['match'], ['confirm', '--all']]) {
      const step = await runIn([...args, '--workspace', w, '--yes'], w);
      expect(step.code, step.stderr).toBe(0);
    }
    fs.writeFileSync(path.join(w, 'templates', 'intro-student.hbs'), nested(8_000));
    const before = snapshot(w);
    const r = await runIn(['emails', 'intro', '--workspace', w, '--yes'], w);
    expect(r.code).toBe(1);
    expectCleanFailure(r, 'nested template');
    expect(r.stderr).toMatch(/intro-student\.hbs.*nests blocks more than 30 deep|nests blocks more than 30 deep.*intro-student/s);
    expectUnchanged(before, w, 'a refused template');
  });
});

// The exports the form tools really write (../shared/real-exports, see its SOURCES.md), read as an
// administrator's import reads them: layout, columns, then every row. Not copied into the project.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseMapOptions } from '../../../src/core/import/columns.js';
import { fieldsOf, type PeopleTarget } from '../../../src/core/import/people.js';
import { parseWithPlan, planColumns } from '../../../src/core/import/pipeline.js';
import { defaultScheme } from '../../../src/core/scheme/defaults.js';
import { parseScheme } from '../../../src/core/scheme/schema.js';
import type { Mentor, Student } from '../../../src/core/types.js';
import { readInput } from '../../../src/io/input.js';

const REAL = path.resolve(__dirname, '../../../../shared/real-exports');
const EDITED = path.join(REAL, 'edited');
const YHORIUCHI = 'yhoriuchi_CHKKK Housing developments W1 (Prolific - June 2021)_June 15, 2023_11.20.csv';
const GOOGLE_NL = 'TomMoeras_Top 10 Eurovision 2025_ (Responses) - Form responses 1';

function scheme() {
  const r = parseScheme(defaultScheme());
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.scheme;
}

async function load<T extends Student | Mentor>(file: string, target: PeopleTarget, maps: string[] = []) {
  const s = scheme();
  const t = await readInput(file, path.basename(file));
  const plan = planColumns({ file: t.file, rows: t.rows.slice(0, 3), rowNumbers: t.rowNumbers.slice(0, 3) }, target, s, 'auto', parseMapOptions(maps, [...fieldsOf(target)]));
  const parsed = plan.missing.length ? null : parseWithPlan<T>(t, target, s, plan, 2027);
  return { plan, parsed: parsed!, byEmail: new Map(parsed?.people.map((p) => [p.person.email, p.person]) ?? []) };
}

/** The raw file as csv-parse reads it (BOM removed), for comparing stored fields against it. */
function raw(file: string): string[][] {
  return parse(fs.readFileSync(file), { bom: true, relax_column_count: true }) as string[][];
}

describe('Qualtrics, current three-row layout with German labels (ropensci_sample)', () => {
  it('finds the submission time and the recipient by ImportId; the untouched file has no email, so its one row is rejected', async () => {
    const { plan, parsed } = await load(path.join(REAL, 'ropensci_sample.csv'), 'students', ['Q1=programme', 'Q2=sectors']);
    expect([plan.layout.preset, plan.layout.variant, plan.layout.firstDataIndex]).toEqual(['qualtrics', 'three header rows', 3]);
    expect(plan.layout.headers[plan.columns.fieldAt.indexOf('submitted_at')]).toBe('Erfassungsdatum');
    expect(parsed.people).toEqual([]);
    expect(parsed.dropped).toEqual([]);
    expect(parsed.rejects.map((r) => [r.row, r.problems.map((p) => p.reason)])).toEqual([[4, ['the email address is missing', 'a name is required']]]);
  });

  it('stores the edited response with every field as the file has it', async () => {
    const file = path.join(EDITED, 'ropensci_sample.edited.csv');
    const { parsed } = await load<Student>(file, 'students', ['Q1=programme', 'Q2=sectors']);
    const r = raw(file);
    const at = (name: string) => r[3]![r[0]!.indexOf(name)]!;
    expect(parsed.rejects).toEqual([]);
    const p = parsed.people[0]!;
    expect(p.row).toBe(4);
    expect(p.person).toMatchObject({
      email: at('RecipientEmail').toLowerCase(), name: `${at('RecipientFirstName')} ${at('RecipientLastName')}`, first_name: 'Anna',
      programme: at('Q1'), sectors: [at('Q2')], support_areas: [], submitted_at: at('RecordedDate').replace(' ', 'T'),
    });
    expect(p.person.name).toBe('Anna Müller');
    expect(p.person.extra['Antwort-ID']).toBe('R_2YPOQ602ER1jkf1');
    expect(p.person.extra['Verteilungskanal']).toBe('anonymous');
  });
});

describe('Qualtrics legacy two-row layout (ropensci_sample_legacy)', () => {
  it('is recognised, and its "Name" (Qualtrics\' own panel field, "Anonym") is never taken as the name', async () => {
    const { plan } = await load(path.join(EDITED, 'ropensci_sample_legacy.edited.csv'), 'mentors', ['Q1=sectors']);
    expect([plan.layout.preset, plan.layout.variant, plan.layout.firstDataIndex]).toEqual(['qualtrics', 'legacy V1..V10 layout', 2]);
    expect(plan.missing).toEqual(['name']);
  });

  it('untouched: its one response has no email and is rejected; edited: stored with EmailAddress (V5) and EndDate (V9)', async () => {
    const untouched = await load(path.join(REAL, 'ropensci_sample_legacy.csv'), 'mentors', ['Q1=sectors', 'Q2=name']);
    expect(untouched.parsed.rejects.map((r) => [r.row, r.problems[0]!.column, r.problems[0]!.reason])).toEqual([[3, 'EmailAddress', 'the email address is missing']]);
    const file = path.join(EDITED, 'ropensci_sample_legacy.edited.csv');
    const { parsed } = await load<Mentor>(file, 'mentors', ['V5=email', 'Q1=sectors', 'Q2=name']);
    const r = raw(file);
    expect(parsed.people.map((p) => p.row)).toEqual([3]);
    expect(parsed.people[0]!.person).toMatchObject({
      email: r[2]![4], name: r[2]![11], sectors: [r[2]![10]], submitted_at: `${r[2]![8]!.replace(' ', 'T')}`, capacity: 1, courses: [],
    });
    expect(parsed.people[0]!.person.extra).toMatchObject({ ResponseID: 'R_2YPOQ602ER1jkf1', Status: '0' });
  });
});

describe('Qualtrics test responses (ctesta01): dropped wherever the status column is', () => {
  it('2016 layout with a single-quoted ImportId row: the row is a header, and the 5 test responses are dropped', async () => {
    const { plan, parsed } = await load(path.join(REAL, 'ctesta01_Multiple_Answer_MC_Questions (Insights).csv'), 'students', ['Q2_1=programme', 'Q2_2=sectors']);
    expect([plan.layout.preset, plan.layout.variant, plan.layout.firstDataIndex]).toEqual(['qualtrics', 'three header rows, 2016 style', 3]);
    expect(parsed.rejects).toEqual([]);
    expect(parsed.people).toEqual([]);
    expect(parsed.dropped).toEqual([4, 5, 6, 7, 8].map((row) => ({ file: 'ctesta01_Multiple_Answer_MC_Questions (Insights).csv', row, reason: 'a Qualtrics test response' })));
  });

  it('legacy layout, Status in V7: the 5 test responses are dropped, with or without their emails', async () => {
    for (const file of [path.join(REAL, 'ctesta01_Multiple_Answer_MC_Questions.csv'), path.join(EDITED, 'ctesta01_Multiple_Answer_MC_Questions.edited.csv')]) {
      const { plan, parsed } = await load(file, 'mentors', ['Q2_1=sectors', 'mc_question_five_2_TEXT=name']);
      expect(plan.layout.variant).toBe('legacy V1..V10 layout');
      expect(plan.layout.headers[plan.columns.fieldAt.indexOf('email')]).toBe('EmailAddress');
      expect(parsed.rejects).toEqual([]);
      expect(parsed.people).toEqual([]);
      expect(parsed.dropped.map((d) => [d.row, d.reason])).toEqual([3, 4, 5, 6, 7].map((row) => [row, 'a Qualtrics test response']));
    }
  });

  it('2016 layout with duplicate question texts: columns told apart by export name, 15 test responses dropped', async () => {
    const { plan, parsed } = await load(path.join(REAL, 'ctesta01_Questions_with_Text_Entry_Components.csv'), 'students', ['MCSA_single_text=programme', 'MCMA_text_1_TEXT=sectors']);
    expect(plan.layout.variant).toBe('three header rows, 2016 style');
    expect(new Set(plan.layout.headers).size).toBe(plan.layout.headers.length);
    expect(plan.layout.headers[plan.columns.fieldAt.indexOf('sectors')]).toMatch(/\[MCMA_text_1_TEXT\]$/);
    expect(parsed.people).toEqual([]);
    expect(parsed.rejects).toEqual([]);
    expect(parsed.dropped).toHaveLength(15);
    expect(new Set(parsed.dropped.map((d) => d.reason))).toEqual(new Set(['a Qualtrics test response']));
  });
});

describe('Qualtrics current layout, 1,038 responses, multi-line shared question texts (yhoriuchi)', () => {
  let file = '';
  beforeAll(() => {
    // As edited/make_edited.py does: a RecipientEmail column after ResponseId, in all three header rows.
    const rows = raw(path.join(REAL, YHORIUCHI));
    const i = rows[0]!.indexOf('ResponseId') + 1;
    rows[0]!.splice(i, 0, 'RecipientEmail');
    rows[1]!.splice(i, 0, 'Recipient Email');
    rows[2]!.splice(i, 0, '{"ImportId":"recipientEmail"}');
    rows.slice(3).forEach((r, k) => r.splice(i, 0, `participant${String(k + 1).padStart(4, '0')}@example.org`));
    file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'yhoriuchi-')), 'yhoriuchi_CHKKK_Housing_W1.with-recipient-email.csv');
    // Quoted as Python's csv module quotes: any field with a line break in it.
    fs.writeFileSync(file, stringify(rows, { record_delimiter: '\r\n', quoted_match: /[\r\n]/ }));
  });

  it('maps columns sharing one question text by export name and stores every answered row', async () => {
    const { plan, parsed, byEmail } = await load<Mentor>(file, 'mentors', ['PROLIFIC_PID=name', 'Q2.2=sectors', 'Q5.1=support_areas']);
    expect([plan.layout.preset, plan.layout.firstDataIndex]).toEqual(['qualtrics', 3]);
    const shared = plan.layout.headers.filter((h) => h.startsWith('Which of these buildings would you prefer'));
    expect(shared.length).toBeGreaterThanOrEqual(20);
    expect(new Set(shared).size).toBe(shared.length);
    expect(plan.layout.headers[plan.columns.fieldAt.indexOf('support_areas')]).toMatch(/\[Q5\.1\]$/);
    const rows = raw(path.join(REAL, YHORIUCHI));
    const q51 = rows[0]!.indexOf('Q5.1');
    const q22 = rows[0]!.indexOf('Q2.2');
    const answered = rows.slice(3).filter((r) => r[q22]!.trim() !== '').length;
    expect(answered).toBe(1037);
    expect(parsed.people).toHaveLength(answered);
    expect(parsed.rejects).toHaveLength(1038 - answered);
    expect(new Set(parsed.rejects.map((r) => r.problems[0]!.reason))).toEqual(new Set(['at least one sector is required']));
    expect(parsed.dropped).toEqual([]);
    const h = rows[0]!;
    const k = rows.findIndex((r, i) => i >= 3 && r[q51]!.trim() !== '');
    const first = byEmail.get(`participant${String(k - 2).padStart(4, '0')}@example.org`)!;
    expect(first).toMatchObject({
      name: rows[k]![h.indexOf('PROLIFIC_PID')], sectors: [rows[k]![q22]], support_areas: [rows[k]![q51]],
      submitted_at: rows[k]![h.indexOf('RecordedDate')]!.replace(' ', 'T'),
    });
    expect(parsed.people.find((p) => p.person === first)!.row).toBe(k + 1);
    // Messages name a multi-line question by its first line and export name.
    const named = parsed.warnings.find((w) => w.column.includes('[Q5.1]'))!.column;
    expect(named).toBe('Which of these buildings would you prefer to see built in your city or town? [Q5.1]');
    // Japanese free text is kept as written, under its question.
    const jp = rows.findIndex((r) => r[h.indexOf('Q36.3')] === 'よろしくお願いします');
    const person = byEmail.get(`participant${String(jp - 2).padStart(4, '0')}@example.org`);
    expect(Object.values(person?.extra ?? {})).toContain('よろしくお願いします');
  });
});

describe('Google Forms', () => {
  it('US account (mauriciobranda): month-first timestamps import with no setting; 490 stored', async () => {
    const file = path.join(EDITED, 'mauriciobranda_favorites.edited.csv');
    const { plan, parsed } = await load<Mentor>(file, 'mentors', ['title=name', 'genres=sectors']);
    expect(plan.layout.preset).toBe('googleforms');
    expect(parsed.rejects).toEqual([]);
    expect(parsed.notes).toEqual([]);
    expect(parsed.people).toHaveLength(490);
    const r = raw(file);
    for (const k of [1, 3, 489]) {
      const p = parsed.people[k - 1]!;
      const [m, d, y, time] = r[k]![0]!.split(/[/ ]/);
      expect(p.person).toMatchObject({
        email: r[k]![1], name: r[k]![2], submitted_at: `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}T${time!.padStart(8, '0')}`,
        sectors: r[k]![3]!.split(', '),
      });
    }
    expect(parsed.people[2]!.person.sectors).toEqual(['Action', 'Crime', 'Drama']);
  });

  it('the untouched export has no email column: the error suggests no arbitrary column', async () => {
    const { plan } = await load(path.join(REAL, 'mauriciobranda_favorites.csv'), 'mentors', ['title=name', 'genres=sectors']);
    expect(plan.missing).toEqual(['email']);
  });

  it('European account, Dutch questions (TomMoeras): day-first timestamps; 3 stored', async () => {
    const file = path.join(EDITED, `${GOOGLE_NL}.edited.csv`);
    const { plan, parsed } = await load<Student>(file, 'students', ['Naam?=name', '1ste plaats?=programme', '2de plaats?=sectors']);
    expect(plan.layout.preset).toBe('googleforms');
    expect(parsed.rejects).toEqual([]);
    const r = raw(file);
    expect(parsed.people.map((p) => [p.person.email, p.person.name, p.person.programme, p.person.sectors, p.person.submitted_at])).toEqual(
      r.slice(1).map((x) => [x[1], x[2], x[3], [x[4]], `2025-05-16T${x[0]!.slice(11)}`]),
    );
    expect(parsed.people[0]!.person.extra['10de plaats?']).toBe('Ukraine');
    const untouched = await load(path.join(REAL, `${GOOGLE_NL}.csv`), 'students', ['Naam?=name', '1ste plaats?=programme', '2de plaats?=sectors']);
    expect(untouched.plan.missing).toEqual(['email']);
  });
});

describe('Microsoft Forms', () => {
  it('quiz exports (skoofer): 7 stored each, numeric date cells read as dates, names differing by file', async () => {
    const names: string[][] = [];
    for (const n of [1, 2, 3]) {
      const { plan, parsed } = await load<Student>(path.join(REAL, `skoofer_Category-${n}.xlsx`), 'students', ['Q2=programme', 'Q4=sectors']);
      expect(plan.layout.preset).toBe('msforms');
      expect(parsed.rejects).toEqual([]);
      expect(parsed.people.map((p) => p.person.email)).toEqual([1, 2, 3, 4, 5, 6, 7].map((k) => `test${k}@test.com`));
      expect(parsed.people[0]!.person).toMatchObject({ submitted_at: '2020-05-22T18:03:46', programme: 'a', sectors: ['a'] });
      expect(parsed.people[0]!.person.extra['Start time']).toBe('2020-05-22T17:58:08');
      names.push(parsed.people.map((p) => p.person.name));
    }
    expect(names[0]![0]).toBe('Person 1');
    expect(names[1]![0]).toBe('Person 7');
    expect(new Set(names.map((n) => n.join())).size).toBe(3);
  });

  it('form with Last modified time and long free text (t0mrg): 3 stored, text kept whole', async () => {
    const { plan, parsed } = await load<Mentor>(path.join(REAL, 't0mrg_exampleformoutput.xlsx'), 'mentors', ['What is your subject?=sectors', 'What is your content?=bio']);
    expect(plan.layout.preset).toBe('msforms');
    expect(parsed.rejects).toEqual([]);
    expect(parsed.people.map((p) => [p.person.email, p.person.name, p.person.submitted_at])).toEqual([
      ['j.a.smith@smith.fake', 'John Smith', '2024-01-02T12:00:00'],
      ['j.i.smith@smith.fake', 'Jane Smith', '2024-01-02T12:01:00'],
      [expect.stringMatching(/@smith\.fake$/), expect.any(String), expect.stringMatching(/^2024-/)],
    ]);
    expect(parsed.people[0]!.person.bio.length).toBeGreaterThan(400);
    expect(parsed.people.some((p) => p.person.bio.includes('’'))).toBe(true);
    expect(parsed.people[0]!.person.extra['Last modified time']).toBe('2024-01-02T12:00:00');
  });
});

describe('our own exports for the cases the corpus lacks (fixtures/real-like)', () => {
  const OWN = path.resolve(__dirname, '../../../fixtures/real-like');

  it('Qualtrics with a Survey Preview and a Spam response: both dropped, the two real answers stored', async () => {
    const { plan, parsed } = await load<Student>(path.join(OWN, 'qualtrics-preview-spam.csv'), 'students');
    expect([plan.layout.preset, plan.layout.variant]).toEqual(['qualtrics', 'three header rows']);
    expect(parsed.dropped.map((d) => [d.row, d.reason])).toEqual([[5, 'a Qualtrics survey preview'], [6, 'marked as spam by Qualtrics']]);
    expect(parsed.rejects).toEqual([]);
    expect(parsed.people.map((p) => [p.row, p.person.email, p.person.name, p.person.programme, p.person.sectors, p.person.submitted_at])).toEqual([
      [4, 'mariam.haddad@example.ac.uk', 'Mariam Haddad', 'MSc European Political Economy', ['Think Tanks, Research & Policy Analysis', 'Consulting'], '2025-11-03T09:15:42'],
      [7, 'jonas.weber@example.ac.uk', 'Jonas Weber', 'MSc European Studies (Research)', ['EU Institutions'], '2025-11-04T17:02:09'],
    ]);
  });

  it('Microsoft Forms multi-select: split on ";" (trailing one ignored), date cells as dates', async () => {
    const { plan, parsed } = await load<Student>(path.join(OWN, 'msforms-multiselect.xlsx'), 'students');
    expect(plan.layout.preset).toBe('msforms');
    expect(parsed.rejects).toEqual([]);
    expect(parsed.people.map((p) => [p.person.email, p.person.sectors, p.person.support_areas, p.person.submitted_at])).toEqual([
      ['eva.novak@example.ac.uk', ['Consulting', 'EU Institutions', 'Think Tanks, Research & Policy Analysis'], ['Interviews', 'CVs & applications'], '2025-11-03T09:15:42'],
      ['tom.ross@example.ac.uk', ['Law'], ['Networking'], '2025-11-13T08:04:05'],
    ]);
    expect(parsed.warnings).toEqual([]);
  });

  it('US Google Forms with an unknown option holding a comma: month first with no setting, one warning naming the whole option', async () => {
    const { plan, parsed } = await load<Student>(path.join(OWN, 'googleforms-us-comma-option.csv'), 'students');
    expect(plan.layout.preset).toBe('googleforms');
    expect(parsed.notes).toEqual([]);
    expect(parsed.people.map((p) => [p.person.submitted_at, p.person.sectors])).toEqual([
      ['2025-11-03T09:15:42', ['Arts, culture & heritage', 'Consulting']],
      ['2025-11-03T14:02:10', ['Consulting']],
      ['2025-11-14T08:00:01', ['Law', 'Arts, culture & heritage']],
    ]);
    expect([...new Set(parsed.warnings.map((w) => w.value))]).toEqual(['Arts, culture & heritage']);
    expect(parsed.warnings[0]!.reason).toMatch(/unknown sector "Arts, culture & heritage".*vocabularies\.sectors/);
  });

  it('Windows-1252 Google Sheets download: accents, curly apostrophe and pound sign read right', async () => {
    const file = path.join(OWN, 'googlesheets-windows-1252.csv');
    expect(fs.readFileSync(file).includes(0x92)).toBe(true);
    const { parsed } = await load<Student>(file, 'students');
    expect(parsed.rejects).toEqual([]);
    expect(parsed.people.map((p) => [p.person.name, p.person.submitted_at, p.person.sectors])).toEqual([
      ['Chloé Lefèvre', '2025-11-03T09:15:42', ['Consulting', 'Finance & Banking']],
      ['Seán O’Brien', '2025-11-14T16:40:05', ['EU Institutions']],
    ]);
    expect(parsed.people[0]!.person.extra['Anything else?']).toBe('I’d like a mentor in Zürich; budget £0');
  });
});

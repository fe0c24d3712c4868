// Large seeded cohorts for the benchmarks: canonical students.csv / mentors.csv (the columns
// `import` accepts with no mapping) and, on request, students.xlsx in the Microsoft Forms layout.
//   npx tsx bench/cohort.ts DIR STUDENTS MENTORS [XLSX_ROWS]
// Rows are built and written in chunks, so 100,000 students take about a second and little memory.

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { PROGRAMMES } from '../src/core/scheme/defaults.js';
import { MENTOR_FIELDS, STUDENT_FIELDS } from '../src/core/types.js';
import {
  DIACRITIC_MENTOR_NAMES,
  DIACRITIC_STUDENT_NAMES,
  emailPart,
  FIRST_NAMES,
  LAST_NAMES,
  MENTOR_SECTOR_WEIGHTS,
  Rng,
  SECTOR_AS_TYPED,
  STUDENT_SECTOR_WEIGHTS,
  SUPPORT_WEIGHTS,
} from '../fixtures/people.js';
import { MSFORMS_HEADERS } from '../fixtures/generate.js';

export interface CohortOptions {
  students: number;
  mentors: number;
  seed?: number;
  /** When given, also write students.xlsx holding the first xlsxRows students (MS Forms layout). */
  xlsxRows?: number;
}

export interface CohortFiles {
  students: string;
  mentors: string;
  xlsx?: string;
}

const CHUNK = 2000;
const OPEN = Date.UTC(2025, 10, 3, 8, 0, 0);
const WINDOW_SECONDS = 19 * 24 * 3600;

const LOCATIONS: [[string, string], number][] = [
  [['United Kingdom', 'London'], 60],
  [['Belgium', 'Brussels'], 15],
  [['France', 'Paris'], 6],
  [['Germany', 'Berlin'], 6],
  [['Switzerland', 'Geneva'], 4],
  [['Netherlands', 'The Hague'], 3],
  [['Ireland', 'Dublin'], 3],
  [['United States', 'Washington DC'], 3],
];
const MEETING: [string, number][] = [
  ['online', 45],
  ['either', 40],
  ['in-person', 15],
];
const ROLES = [
  ['Policy Officer', 'European Commission'],
  ['Senior Consultant', 'Deloitte'],
  ['Research Fellow', 'Chatham House'],
  ['Economist', 'OECD'],
  ['Advocacy Manager', 'Oxfam'],
  ['Second Secretary', 'Foreign, Commonwealth & Development Office'],
  ['Analyst', 'Bank of England'],
  ['Public Affairs Manager', 'Kreab'],
  ['Programme Officer', 'UNDP'],
  ['Lecturer', "King's College London"],
] as const;
// Places per mentor: about 2.75 on average, so 800 alumni offer about 2,200 places and every one of
// 2,000 students can be paired (the 4,000 introduction drafts issue 13 measures).
const CAPACITY: [number, number][] = [[1, 15], [2, 30], [3, 30], [4, 15], [5, 10]];
const UNAVAILABLE = ['2026-02-01 to 2026-02-28', '2026-03-01 to 2026-03-15', '2025-12-15 to 2026-01-05'];
const PROGRAMME_WEIGHTS = PROGRAMMES.map((p, k) => [p, k < 3 ? 3 : 1.5] as const);

function csvCell(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
function csvLine(cells: string[]): string {
  return cells.map(csvCell).join(',') + '\n';
}

function iso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19) + 'Z';
}

interface Named {
  first: string;
  last: string;
  email: string;
}

function person(rng: Rng, i: number, domain: string, special: readonly [string, string][]): Named {
  // Every 97th person has a name that tests the encodings.
  const [first, last] = i % 97 === 13 ? rng.pick(special) : [rng.pick(FIRST_NAMES), rng.pick(LAST_NAMES)];
  return { first, last, email: `${emailPart(first)}.${emailPart(last)}.${i + 1}@${domain}` };
}

function sectors(rng: Rng, weights: [string, number][], min: number, max: number): string[] {
  return rng.sampleWeighted(weights, rng.int(min, max)).map((s) => {
    const typed = SECTOR_AS_TYPED[s];
    return typed && rng.chance(0.04) ? rng.pick(typed) : s;
  });
}

function consent(rng: Rng, yes: number): string {
  const r = rng.float();
  return r < yes ? 'yes' : r < yes + 0.1 ? '' : 'no';
}

interface StudentRow {
  person: Named;
  programme: string;
  sectors: string[];
  support: string[];
  country: string;
  city: string;
  meeting: string;
  linkedin: string;
  shareLinkedin: string;
  bio: string;
  shareBio: string;
  submitted: number;
}

function student(rng: Rng, i: number): StudentRow {
  const p = person(rng, i, 'lse.ac.uk', DIACRITIC_STUDENT_NAMES);
  const programme = rng.weighted(PROGRAMME_WEIGHTS);
  const [country, city] = rng.chance(0.9) ? ['United Kingdom', 'London'] : rng.weighted(LOCATIONS);
  const s = sectors(rng, STUDENT_SECTOR_WEIGHTS, 1, 4);
  const hasLinkedin = rng.chance(0.7);
  return {
    person: p,
    programme,
    sectors: s,
    support: rng.sampleWeighted(SUPPORT_WEIGHTS, rng.int(1, 4)),
    country,
    city,
    meeting: rng.weighted(MEETING),
    linkedin: hasLinkedin ? `https://www.linkedin.com/in/${emailPart(p.first)}-${emailPart(p.last)}-${i.toString(36)}` : '',
    shareLinkedin: hasLinkedin ? consent(rng, 0.75) : '',
    bio: rng.chance(0.9)
      ? `I am studying the ${programme}. I would like to work in ${s[0] ?? 'policy'}, and would value "honest" advice on applications.`
      : '',
    shareBio: consent(rng, 0.7),
    submitted: OPEN + rng.int(0, WINDOW_SECONDS) * 1000,
  };
}

function studentCsvRow(s: StudentRow): string[] {
  return [
    s.person.email,
    `${s.person.first} ${s.person.last}`,
    s.person.first,
    s.programme,
    s.sectors.join(';'),
    s.support.join(';'),
    s.country,
    s.city,
    s.meeting,
    s.linkedin,
    s.shareLinkedin,
    s.bio,
    s.shareBio,
    iso(s.submitted),
  ];
}

function mentorCsvRow(rng: Rng, i: number): string[] {
  const p = person(rng, i, 'alumni.example.org', DIACRITIC_MENTOR_NAMES);
  const [role, employer] = rng.pick(ROLES);
  const [country, city] = rng.weighted(LOCATIONS);
  const courses = rng.chance(0.08)
    ? rng.sampleWeighted(PROGRAMME_WEIGHTS, 2)
    : [rng.weighted(PROGRAMME_WEIGHTS)];
  const year = rng.int(2000, 2024);
  const hasLinkedin = rng.chance(0.85);
  return [
    p.email,
    `${p.first} ${p.last}`,
    rng.chance(0.9) ? p.first : '',
    courses.join(';'),
    String(year),
    sectors(rng, MENTOR_SECTOR_WEIGHTS, 1, 3).join(';'),
    rng.sampleWeighted(SUPPORT_WEIGHTS, rng.int(2, 5)).join(';'),
    country,
    city,
    rng.weighted(MEETING),
    role,
    employer,
    String(rng.weighted(CAPACITY)),
    rng.chance(0.04) ? rng.pick(UNAVAILABLE) : '',
    hasLinkedin ? `https://www.linkedin.com/in/${emailPart(p.first)}-${emailPart(p.last)}-m${i.toString(36)}` : '',
    hasLinkedin ? consent(rng, 0.85) : '',
    `I graduated in ${year} and work as ${role} at ${employer}.`,
    consent(rng, 0.8),
    iso(OPEN + rng.int(0, WINDOW_SECONDS) * 1000),
  ];
}

async function writeChunked(file: string, header: readonly string[], count: number, row: (i: number) => string[]): Promise<void> {
  const out = createWriteStream(file);
  const done = once(out, 'finish');
  out.write(csvLine([...header]));
  for (let start = 0; start < count; start += CHUNK) {
    let chunk = '';
    const end = Math.min(count, start + CHUNK);
    for (let i = start; i < end; i++) chunk += csvLine(row(i));
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await done;
}

async function writeMsFormsXlsx(file: string, count: number, row: (i: number) => StudentRow): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  wb.created = new Date(OPEN);
  wb.modified = new Date(OPEN);
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(MSFORMS_HEADERS).commit();
  const list = (items: string[]) => (items.length ? `${items.join(';')};` : null);
  const yesNo = (v: string) => (v === 'yes' ? 'Yes' : v === 'no' ? 'No' : null);
  const meet: Record<string, string> = { online: 'Online', 'in-person': 'In person', either: 'Either' };
  for (let i = 0; i < count; i++) {
    const s = row(i);
    const r = ws.addRow([
      i + 1,
      new Date(s.submitted - 300_000),
      new Date(s.submitted),
      s.person.email,
      `${s.person.first} ${s.person.last}`,
      null,
      s.person.first,
      s.programme,
      list(s.sectors),
      list(s.support),
      s.country,
      s.city,
      meet[s.meeting] ?? 'Either',
      s.linkedin || null,
      yesNo(s.shareLinkedin),
      s.bio || null,
      yesNo(s.shareBio),
    ]);
    r.getCell(2).numFmt = 'm/d/yy h:mm:ss';
    r.getCell(3).numFmt = 'm/d/yy h:mm:ss';
    r.commit();
  }
  ws.commit();
  await wb.commit();
}

export async function writeCohort(dir: string, opts: CohortOptions): Promise<CohortFiles> {
  const seed = opts.seed ?? 42;
  await mkdir(dir, { recursive: true });
  const files: CohortFiles = { students: path.join(dir, 'students.csv'), mentors: path.join(dir, 'mentors.csv') };

  // One generator per side so the mentors do not change when the student count does.
  const studentRng = new Rng(seed);
  await writeChunked(files.students, STUDENT_FIELDS, opts.students, (i) => studentCsvRow(student(studentRng, i)));
  const mentorRng = new Rng(seed ^ 0x9e3779b9);
  await writeChunked(files.mentors, MENTOR_FIELDS, opts.mentors, (i) => mentorCsvRow(mentorRng, i));

  if (opts.xlsxRows !== undefined) {
    // Same seed as the CSV, so the workbook holds the first xlsxRows students of students.csv.
    const xlsxRng = new Rng(seed);
    files.xlsx = path.join(dir, 'students.xlsx');
    await writeMsFormsXlsx(files.xlsx, opts.xlsxRows, (i) => student(xlsxRng, i));
  }
  return files;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const [dir, students, mentors, xlsxRows] = process.argv.slice(2);
  const n = (v: string | undefined) => (v !== undefined && /^\d+$/.test(v) ? Number(v) : NaN);
  if (!dir || Number.isNaN(n(students)) || Number.isNaN(n(mentors)) || (xlsxRows !== undefined && Number.isNaN(n(xlsxRows)))) {
    console.error('usage: npx tsx bench/cohort.ts DIR STUDENTS MENTORS [XLSX_ROWS]');
    process.exit(2);
  }
  const started = performance.now();
  const opts: CohortOptions = { students: n(students), mentors: n(mentors) };
  if (xlsxRows !== undefined) opts.xlsxRows = n(xlsxRows);
  const files = await writeCohort(path.resolve(dir), opts);
  console.error(`wrote ${Object.values(files).join(', ')} in ${Math.round(performance.now() - started)} ms`);
}

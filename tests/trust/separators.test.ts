// Issue 18 item 7: Excel opens a CSV with the system's list separator, ";" in much of Europe, or
// tab. Split on the wrong character, our quotes stop counting, so a job role "Analyst;=1+1;x" put a
// formula in for-students.csv and data/mentors.csv (23 formula cells in one run), and a tab in a
// bio did the same in tab mode. Every CSV the tool writes is opened in LibreOffice with ",", ";"
// and tab as the separator, formulas evaluated, and no cell may hold a formula. A canary file with
// the old fault proves each check can fail.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MENTOR_FIELDS, STUDENT_FIELDS } from '../../src/core/types.js';
import { cleanup, freshWorkspace, listFiles, runIn, tempRoot } from './inproc.js';
import { type Converted, convertToFods, CSV_IMPORT_FILTER, csvFilterWith, readFods, sofficePath } from './libreoffice.js';

/** Formula starts after every character a wrong split or a broken quote can start a cell at. */
const INSIDE = [';=1+1;x', '\t=2+2\t', ',=3+3,', '\n=4+4', ';+5+5', ';-6-x', ';@SUM(7)', "; '=8", ";'=9+9", '\r\n=10+10', ';;=11', '\t\t@12'];

let root = '';
let ws = '';
const steps: { name: string; code: number; stderr: string }[] = [];
let canary = '';
const results = new Map<string, Converted[]>();

function writeInputs(dir: string): { students: string; mentors: string } {
  const sh = [...STUDENT_FIELDS];
  const mh = [...MENTOR_FIELDS];
  const students = INSIDE.map((t, i) => ({
    email: `sep.s${i}@lse.ac.uk`, name: `Student${t}${i}`, first_name: `First${t}`, programme: `MSc Conflict Studies`, sectors: `Consulting; Made up${t}`,
    support_areas: 'Networking', country: `Belgium${t}`, city: `City${t}`, meeting_preference: 'online', linkedin: `https://x.example/${i}${t}`,
    share_linkedin: 'yes', bio: `A bio${t} end`, share_bio: 'yes', submitted_at: '2025-11-10T09:00:00',
  }));
  const mentors = INSIDE.map((t, i) => ({
    email: `sep.m${i}@example.com`, name: `Mentor${t}${i}`, sectors: 'Consulting', support_areas: 'Networking', courses: 'MSc Conflict Studies',
    graduation_year: '2015', capacity: '1', country: `France${t}`, city: `Paris${t}`, job_role: `Analyst${t}`, employer: `Employer${t}`, meeting_preference: 'either',
    share_bio: 'yes', share_linkedin: 'yes', bio: `Mentor bio${t}`, linkedin: 'https://x.example/m', submitted_at: '2025-11-10T09:00:00',
  }));
  const write = (file: string, header: string[], rows: Record<string, string>[]) =>
    fs.writeFileSync(file, `\uFEFF${stringify([header, ...rows.map((r) => header.map((h) => r[h] ?? ''))], { record_delimiter: '\r\n' })}`);
  const s = path.join(dir, 'sep-students.csv');
  const m = path.join(dir, 'sep-mentors.csv');
  write(s, sh, students);
  write(m, mh, mentors);
  return { students: s, mentors: m };
}

const SEPARATORS = [
  ['comma', CSV_IMPORT_FILTER],
  ['semicolon', csvFilterWith(59)],
  ['tab', csvFilterWith(9)],
] as const;

beforeAll(async () => {
  sofficePath();
  root = tempRoot('trust-sep-');
  const inputs = writeInputs(root);
  ws = await freshWorkspace(root);
  const run = async (name: string, args: string[]) => {
    const r = await runIn([...args, '--workspace', ws, '--yes'], ws);
    steps.push({ name, code: r.code, stderr: r.stderr });
  };
  await run('import students', ['import', 'students', inputs.students]);
  await run('import mentors', ['import', 'mentors', inputs.mentors]);
  await run('report supply', ['report', 'supply']);
  await run('match', ['match']);
  await run('confirm', ['confirm', '--all']);
  await run('export', ['export']);
  await run('emails intro', ['emails', 'intro']);
  await run('withdraw', ['withdraw', 'sep.s0@lse.ac.uk', '--reason', 'Moved;=1+1;away\t=2']);
  // The old fault, written by hand: each separator's check must catch it.
  canary = path.join(root, 'canary.csv');
  fs.writeFileSync(canary, '\uFEFFname,role\r\nSam,"Analyst;=1+1;x"\r\nAl,"a\t=2+2"\r\n');
  const files = [...listFiles(ws).filter((f) => f.endsWith('.csv')).map((f) => path.join(ws, f)), canary];
  for (const [name, filter] of SEPARATORS) results.set(name, convertToFods(files, filter));
}, 600_000);

afterAll(() => cleanup(root));

describe('every CSV the tool writes is safe under , ; and tab splitting', () => {
  it('the cycle ran and wrote the people, export, index and rejects files', () => {
    expect(steps.filter((s) => s.code !== 0).map((s) => `${s.name}: ${s.stderr.slice(0, 300)}`)).toEqual([]);
    const csvs = listFiles(ws).filter((f) => f.endsWith('.csv'));
    for (const f of ['data/students.csv', 'data/mentors.csv', 'data/matches.csv', 'out/export/for-students.csv', 'out/export/for-mentors.csv']) {
      expect(csvs).toContain(path.normalize(f));
    }
    expect(csvs.some((f) => f.endsWith('index.csv'))).toBe(true);
  });

  it.each(SEPARATORS.map(([name]) => name))('opened with %s as the separator, LibreOffice finds no formula (and finds the canary\'s)', (name) => {
    const converted = results.get(name)!;
    expect(converted.length).toBeGreaterThan(6);
    const formulas: string[] = [];
    let cells = 0;
    let canaryFormulas = 0;
    for (const c of converted) {
      for (const sheet of readFods(c.fods)) {
        for (const row of sheet.rows) {
          for (const cell of row) {
            cells++;
            if (!cell.formula) continue;
            if (c.source === canary) canaryFormulas++;
            else formulas.push(`${path.relative(ws, c.source)}: ${cell.formula}`);
          }
        }
      }
    }
    expect(cells).toBeGreaterThan(100);
    if (name !== 'comma') expect(canaryFormulas, 'the canary holds a formula when split this way').toBeGreaterThan(0);
    else expect(canaryFormulas, 'quotes hold in comma mode').toBe(0);
    expect(formulas.slice(0, 20)).toEqual([]);
  });

  it('as Excel splits it, ignoring quotes: no piece of any line starts a formula (+, -, @ as well as =)', () => {
    const bad: string[] = [];
    let pieces = 0;
    for (const f of listFiles(ws).filter((x) => x.endsWith('.csv'))) {
      const text = fs.readFileSync(path.join(ws, f), 'utf8').replace(/^\uFEFF/, '');
      for (const sep of [',', ';', '\t']) {
        for (const line of text.split(/\r\n|\n|\r/)) {
          for (const raw of line.split(sep)) {
            pieces++;
            const piece = raw.replace(/^"/, '');
            if (/^[=+\-@]/.test(piece) && !Number.isFinite(Number(piece.replace(/"$/, '')))) bad.push(`${f} split on ${JSON.stringify(sep)}: ${JSON.stringify(piece.slice(0, 40))}`);
          }
        }
      }
    }
    expect(pieces).toBeGreaterThan(1000);
    expect(bad.slice(0, 20)).toEqual([]);
  });

  it('what the tool reads back from its own files is exactly what came in (re-importing changes nothing)', async () => {
    const students = fs.readFileSync(path.join(ws, 'data', 'students.csv'), 'utf8');
    expect(students).toContain("A bio;'=1+1;x end");
    const again = await runIn(['import', 'students', path.join(root, 'sep-students.csv'), '--workspace', ws, '--yes', '--json'], ws);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout).result).toMatchObject({ imported: 0, updated: 0 });
  });
});

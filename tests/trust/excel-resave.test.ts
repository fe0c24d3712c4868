// Every data file opened and saved again the way Excel does it (continental locale: Windows-1252,
// ";" between cells, no BOM, dates re-displayed as dd/mm/yyyy hh:mm, numbers re-written: "2.0",
// decimal commas, leading zeros lost, long digit strings as 1.23457E+19, "4/5" taken for a date;
// the apostrophes the tool put before formula-like text kept) still loads with the same counts; a
// hand edit that breaks a rule is reported with the file, the row as Excel shows it and the column.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsvBytes } from '../../src/io/csv-read.js';
import { cycleSteps, describeCycle, runCycle, type StepOutcome, writeHostileInputs } from './cycle.js';
import { cleanup, expectCleanFailure, expectUnchanged, freshWorkspace, listFiles, runIn, snapshot, tempRoot } from './inproc.js';

const root = tempRoot('trust-excel-');
let ws = '';
let outcomes: StepOutcome[] = [];
let baseline: Record<string, unknown> = {};
const figures = { files: [] as string[], cellsChanged: 0, handEdits: 0 };

afterAll(() => {
  console.log(
    `[trust] Excel re-save: ${figures.files.length} data files re-saved (${figures.files.join(', ')}), ${figures.cellsChanged} cells re-written the Excel way; ` +
      `${figures.handEdits} hand edits reported with file, row and column; cycle: ${describeCycle(outcomes)}`,
  );
  cleanup(root);
  // Removing the cycle's workspace took 80 s on a machine shared by seven test runs.
}, 300_000);

const two = (s: string) => s.padStart(2, '0');

/** What Excel displays, and so saves, for a cell it opened from a CSV. */
function excelCell(v: string, header: string): string {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(:\d{2})?Z?$/.exec(v))) return `${m[3]}/${m[2]}/${m[1]} ${m[4]}:${m[5]}`;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v))) return `${m[3]}/${m[2]}/${m[1]}`;
  if (/^\d{1,2}\/\d{1,2}$/.test(v)) {
    const [d, mo] = v.split('/');
    if (Number(mo) >= 1 && Number(mo) <= 12 && Number(d) >= 1 && Number(d) <= 28) return `${two(d!)}/${two(mo!)}/2026`;
  }
  if (/^\d{16,}$/.test(v)) return Number(v).toPrecision(6).toUpperCase();
  if (/^\d{1,15}$/.test(v)) return header === 'capacity' ? `${Number(v)}.0` : String(Number(v));
  if (/^-?\d+\.\d+$/.test(v)) return v.replace('.', ',');
  return v;
}

/** Open a data file in "Excel" and save it again as "CSV (semicolon delimited)". */
function resave(file: string, edit?: (rows: string[][]) => void): void {
  const t = readCsvBytes(fs.readFileSync(file), path.basename(file));
  const header = t.rows[0]!;
  const rows = t.rows.map((row, r) =>
    r === 0
      ? [...row]
      : row.map((cell, c) => {
          const out = excelCell(cell, header[c] ?? '');
          if (out !== cell) figures.cellsChanged++;
          return out;
        }),
  );
  edit?.(rows);
  // Excel quotes a cell holding a line break (csv-stringify would not, with CRLF between records).
  const text = stringify(rows, { delimiter: ';', record_delimiter: '\r\n', quoted_match: /[\r\n]/ });
  fs.writeFileSync(file, iconv.encode(text, 'windows-1252'));
}

function dataFiles(dir: string): string[] {
  return listFiles(path.join(dir, 'data')).filter((f) => f.endsWith('.csv'));
}

function copyWs(): string {
  const to = fs.mkdtempSync(path.join(root, 'edit-'));
  fs.cpSync(ws, to, { recursive: true });
  return to;
}

async function statusJson(dir: string): Promise<Record<string, unknown>> {
  const r = await runIn(['status', '--json', '--workspace', dir], dir);
  expect(r.code, r.stderr).toBe(0);
  const { workspace: _ignored, ...rest } = (JSON.parse(r.stdout) as { result: Record<string, unknown> }).result;
  return rest;
}

beforeAll(async () => {
  ws = await freshWorkspace(root);
  outcomes = await runCycle(ws, cycleSteps(writeHostileInputs(root)));
  baseline = await statusJson(ws);
}, 300_000);

describe('data files re-saved by Excel', () => {
  it('every data file, re-saved the Excel way, still loads with the same counts, and the next commands run', async () => {
    const dir = copyWs();
    for (const f of dataFiles(dir)) {
      resave(path.join(dir, 'data', f));
      figures.files.push(f);
    }
    expect(figures.files).toEqual(expect.arrayContaining(['students.csv', 'mentors.csv']));
    const bytes = fs.readFileSync(path.join(dir, 'data', 'students.csv'));
    expect(bytes[0], 'no BOM, as Excel saves "CSV"').not.toBe(0xef);
    expect(bytes.toString('latin1')).toContain(';');
    expect(bytes.toString('latin1'), 'the apostrophe before a formula-like name is kept').toContain("'=HYPERLINK(");
    expect(await statusJson(dir)).toEqual(baseline);
    const ran = new Set(outcomes.filter((o) => o.status === 'ran').map((o) => o.step.name));
    const next: string[][] = [['report', 'supply']];
    if (ran.has('report chase')) next.push(['report', 'chase', '--as-of', '2026-03-20']);
    if (ran.has('export')) next.push(['export']);
    for (const args of next) {
      const r = await runIn([...args, '--workspace', dir, '--yes', '--force'], dir, { MENTORSHIP_TODAY: '2026-05-20' });
      expect(r.code, `${args.join(' ')} on re-saved data: ${r.stderr}`).toBe(0);
    }
  });
});

interface HandEdit {
  file: string;
  what: string;
  /** Change the rows (row 0 is the header); returns the row (as Excel numbers it) and column expected in the message. */
  edit: (rows: string[][]) => { row: number; column: string };
}

function col(rows: string[][], name: string): number {
  const i = rows[0]!.indexOf(name);
  if (i < 0) throw new Error(`no column ${name}`);
  return i;
}

function setCell(rows: string[][], r: number, name: string, value: string): { row: number; column: string } {
  rows[r]![col(rows, name)] = value;
  return { row: r + 1, column: name };
}

const WRITER: Record<string, string> = {
  'students.csv': 'import students',
  'mentors.csv': 'import mentors',
  'matches.csv': 'match',
  'meetings.csv': 'import meetings',
  'chases.csv': 'emails chase',
  'feedback.csv': 'import feedback',
};

const EDITS: HandEdit[] = [
  { file: 'students.csv', what: 'an invalid email', edit: (rows) => setCell(rows, 5, 'email', 'zoe.obrien(at)lse.ac.uk') },
  { file: 'students.csv', what: 'a blank name', edit: (rows) => setCell(rows, 7, 'name', '') },
  { file: 'students.csv', what: 'a bad date', edit: (rows) => setCell(rows, 9, 'submitted_at', '31/02/2025 10:00') },
  { file: 'students.csv', what: 'a meeting preference nobody offers', edit: (rows) => setCell(rows, 3, 'meeting_preference', 'carrier pigeon') },
  {
    file: 'students.csv',
    what: 'a missing column header',
    edit: (rows) => {
      rows[0]![col(rows, 'programme')] = '';
      return { row: 1, column: '' };
    },
  },
  { file: 'mentors.csv', what: 'capacity 9', edit: (rows) => setCell(rows, 4, 'capacity', '9') },
  { file: 'mentors.csv', what: 'a graduation year in the future', edit: (rows) => setCell(rows, 6, 'graduation_year', '2099') },
  { file: 'mentors.csv', what: 'unavailable dates back to front', edit: (rows) => setCell(rows, 2, 'unavailable', '28/02/2026 - 01/02/2026') },
  {
    file: 'mentors.csv',
    what: 'a deleted sectors column',
    edit: (rows) => {
      const i = col(rows, 'sectors');
      for (const r of rows) r.splice(i, 1);
      return { row: 1, column: '' };
    },
  },
  { file: 'matches.csv', what: 'an unknown status', edit: (rows) => setCell(rows, 3, 'status', 'maybe') },
  { file: 'matches.csv', what: 'an invalid mentor email', edit: (rows) => setCell(rows, 8, 'mentor_email', 'nobody') },
  { file: 'matches.csv', what: 'a score that is not a number', edit: (rows) => setCell(rows, 2, 'score', 'high') },
  { file: 'meetings.csv', what: 'a meeting number that is not a number', edit: (rows) => setCell(rows, 2, 'meeting', 'first') },
  { file: 'meetings.csv', what: 'a bad meeting date', edit: (rows) => setCell(rows, 3, 'date', '32/01/2026') },
  { file: 'chases.csv', what: 'an unknown role', edit: (rows) => setCell(rows, 1, 'role', 'teacher') },
  { file: 'feedback.csv', what: 'a respondent that is not an email', edit: (rows) => setCell(rows, 4, 'respondent', 'anonymous') },
];

describe('a hand edit that breaks a rule', () => {
  for (const e of EDITS) {
    it(`${e.file}: ${e.what} is reported with the file, row and column, and changes nothing`, async () => {
      if (!fs.existsSync(path.join(ws, 'data', e.file))) {
        // The command that writes this file is not there yet: nothing to edit (the lead makes sure it is, in the end).
        const writer = WRITER[e.file]!;
        expect(outcomes.find((o) => o.step.name === writer)?.status, `${writer} ran but wrote no data/${e.file}`).not.toBe('ran');
        return;
      }
      const dir = copyWs();
      let expected = { row: 0, column: '' };
      resave(path.join(dir, 'data', e.file), (rows) => {
        expected = e.edit(rows);
      });
      const before = snapshot(dir);
      const r = await runIn(['status', '--workspace', dir], dir);
      expectCleanFailure(r, `${e.file}: ${e.what}`);
      expect(r.code).toBe(1);
      const where = `error: data/${e.file}, row ${expected.row}${expected.column ? `, column "${expected.column}"` : ''}`;
      expect(r.stderr.split('\n')[0], `${e.what}`).toContain(where);
      if (!expected.column) expect(r.stderr).toMatch(e.what.includes('sectors') ? /sectors/ : /programme/);
      // A changing command refuses the same way, and nothing is written.
      const r2 = await runIn(['report', 'supply', '--workspace', dir, '--yes'], dir);
      if (['students.csv', 'mentors.csv'].includes(e.file)) {
        expect(r2.code, r2.stderr).toBe(1);
        expect(r2.stderr.split('\n')[0]).toContain(where);
      }
      if (r2.code !== 0) expectUnchanged(before, dir, `${e.file}: ${e.what}`);
      figures.handEdits++;
    });
  }
});

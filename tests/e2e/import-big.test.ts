// A big CSV import, in the one thread the importer has: the stored file, the rejects, the row
// numbers in every message, duplicates far apart in the file, a big stored data file read back
// on a re-import (hand edits found at their row), and errors reported where they really are.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { spawnSync } from 'node:child_process';
import { BIN, FIXTURES, makeWorkspace, runCli, tempDir } from '../helpers/cli.js';

const HEADER = 'email,name,first_name,programme,sectors,support_areas,country,city,meeting_preference,linkedin,share_linkedin,bio,share_bio,submitted_at';
const ROWS = 24_000;
const dir = tempDir('mentorship-big-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** About 9 MB: quoted multi-line bios, duplicates 12,000 rows apart, rejects, warnings. */
/** `brokenAfter`: the answer after which a line with a stray quote follows. */
function bigCsv(name: string, brokenAfter?: number): string {
  const abs = path.join(dir, name);
  if (brokenAfter === undefined && fs.existsSync(abs)) return abs;
  const lines = [HEADER];
  for (let i = 0; i < ROWS; i++) {
    // The same student answers again 12,000 rows later.
    const who = i >= ROWS / 2 && i % 1000 === 7 ? i - ROWS / 2 : i;
    const email = i % 5000 === 11 ? 'not-an-email' : `student.${who}@lse.ac.uk`;
    const sector = i % 3000 === 5 ? `Space Piracy ${i}` : 'Consulting';
    const bio = `"I study policy, row ${i}.\nI would value ""honest"" advice.${i % 2 ? '\r\nAnd more.' : ''} ${'x'.repeat(250)}"`;
    const day = String(1 + (i % 28)).padStart(2, '0');
    lines.push(`${email},Student ${who},Student,MSc Public Policy and Administration,${sector},Networking;Interviews,United Kingdom,London,online,,no,${bio},yes,2025-11-${day}T10:00:00Z`);
    if (i === brokenAfter) lines.push('stray,quote "here",x');
  }
  fs.writeFileSync(abs, `${lines.join('\r\n')}\r\n`);
  return abs;
}

function run(file: string) {
  const ws = makeWorkspace();
  const text = runCli(['import', 'students', file, '-v'], { cwd: ws });
  const data = (rel: string) => (fs.existsSync(path.join(ws, rel)) ? fs.readFileSync(path.join(ws, rel)) : null);
  return { ws, text, students: data('data/students.csv'), rejects: data(`out/rejects/${path.basename(file, '.csv')}.rejects.csv`) };
}

describe('importing a big CSV', () => {
  it('stores, rejects and reports every row at its row number', () => {
    const file = bigCsv('students-big.csv');
    const one = run(file);
    expect(one.text.code).toBe(0);
    expect(one.text.stderr).toContain(`students: ${ROWS - 5 - 12} imported, 0 updated, 0 unchanged, 5 rejected, 12 duplicates`);
    expect(one.text.stderr).toMatch(/duplicate: student\.7@lse\.ac\.uk submitted 2 times; kept .*row 12009/);
    expect(one.text.stderr).toMatch(/students-big\.csv, row 20013, column "email": is not an email address/);
    expect(one.text.stderr).toMatch(/students-big\.csv, row 21007, column "sectors": unknown sector "Space Piracy 21005"/);
    // One line per person stored (and the header), the rejects file one line per rejected row.
    const stored = parse(one.students!, { bom: true }) as string[][];
    expect(stored).toHaveLength(ROWS - 5 - 12 + 1);
    expect(stored.find((r) => r[0] === 'student.7@lse.ac.uk')![stored[0]!.indexOf('bio')]).toContain('row 12007.');
    expect(parse(one.rejects!, { bom: true })).toHaveLength(6);
  }, 120_000);

  it('reads a big stored data file back: a re-import changes nothing; a hand edit and a person stored twice stop it at their row', () => {
    const file = bigCsv('students-again.csv');
    const one = run(file);
    const again = () => runCli(['import', 'students', file, '-v'], { cwd: one.ws });
    const a1 = again();
    expect(a1.stderr).toContain(`students: 0 imported, 0 updated, ${ROWS - 5 - 12} unchanged, 5 rejected, 12 duplicates`);
    expect(fs.readFileSync(path.join(one.ws, 'data/students.csv')).equals(one.students!)).toBe(true);
    // A hand edit far down the stored file, then the same person stored twice further down still.
    const stored = path.join(one.ws, 'data/students.csv');
    const lines = fs.readFileSync(stored, 'utf8').split('\r\n');
    const at = lines.findIndex((l) => l.startsWith('student.20000@'));
    const dup = lines.findIndex((l) => l.startsWith('student.22000@'));
    lines[at] = lines[at]!.replace('student.20000@lse.ac.uk', 'student.20000-at-lse');
    lines[dup] = lines[dup]!.replace('student.22000@', 'student.1000@');
    fs.writeFileSync(stored, lines.join('\r\n'));
    const e1 = again();
    expect(e1.code).toBe(1);
    expect(e1.stderr).toMatch(/data\/students\.csv, row \d+, column "email": is not an email address \(value "student\.20000-at-lse"\)/);
    // With the first edit undone, the person stored twice is what stops it.
    fs.writeFileSync(stored, fs.readFileSync(stored, 'utf8').replace('student.20000-at-lse', 'student.20000@lse.ac.uk'));
    const d1 = again();
    expect(d1.code).toBe(1);
    expect(d1.stderr).toMatch(/data\/students\.csv, row \d+, column "email": student\.1000@lse\.ac\.uk appears twice/);
  }, 180_000);

  it('a big Qualtrics export (three header rows, previews and tests throughout)', () => {
    // The fixture's answers repeated to over 8 MiB, each copy with its own email addresses.
    const rows = parse(fs.readFileSync(path.join(FIXTURES, 'students-qualtrics.csv')), { bom: true, relax_column_count: true }) as string[][];
    const at = rows[1]!.indexOf('Your email address');
    const out = rows.slice(0, 3);
    let copies = 0;
    for (let copy = 0; out.length * 600 < 9_000_000; copy++, copies++) {
      for (const r of rows.slice(3)) out.push(r.map((c, i) => (i === at ? c.replace('@', `.${copy}@`) : c)));
    }
    const file = path.join(dir, 'qualtrics-big.csv');
    fs.writeFileSync(file, stringify(out, { record_delimiter: '\r\n' }));
    const one = run(file);
    expect(one.text.code, one.text.stderr).toBe(0);
    expect(one.text.stderr).toMatch(/qualtrics-big\.csv, row 4: skipped, a Qualtrics survey preview/);
    const skipped = Number(/(\d+) preview\/test skipped/.exec(one.text.stderr)?.[1]);
    // Each copy's previews and tests are skipped, not only the first copy's.
    expect(skipped % copies).toBe(0);
    expect(skipped / copies).toBeGreaterThanOrEqual(1);
    const imported = Number(/students: (\d+) imported/.exec(one.text.stderr)?.[1]);
    expect(imported % copies).toBe(0);
    expect(parse(one.students!, { bom: true })).toHaveLength(imported + 1);
  }, 120_000);

  // The row Excel shows: row i + 2 for answer i, so the stray line after answer n is row n + 3
  // (bios span three lines of text, so csv-parse's own line number is larger).
  it.each([{ after: ROWS - 500 }, { after: 500 }])('reports a broken quote after answer $after at its real row, and imports nothing', ({ after }) => {
    const name = `students-broken-${after}.csv`;
    const one = run(bigCsv(name, after));
    expect(one.text.code).toBe(1);
    expect(one.text.stderr).toMatch(new RegExp(`${name.replace('.', '\\.')}, row ${after + 3}: the CSV cannot be read: .*quote`, 'i'));
    expect(one.students).toBeNull();
  }, 120_000);

  it('shows the rows read so far on a terminal', () => {
    const file = bigCsv('students-big.csv');
    const ws = makeWorkspace();
    // util-linux's script gives the CLI a terminal, as an administrator's would be.
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', TERM: 'xterm' };
    delete env.CI;
    delete env.FORCE_COLOR;
    const r = spawnSync('script', ['-q', '-e', '-c', `'${process.execPath}' '${BIN}' import students '${file}'`, '/dev/null'], { cwd: ws, env, encoding: 'utf8' });
    expect(r.status, r.stdout).toBe(0);
    const counts = [...r.stdout.matchAll(/importing students (\d+) rows/g)].map((m) => Number(m[1]));
    // Counts while the file is read, not one jump to the whole file at the end.
    expect(counts.filter((n) => n > 0 && n < ROWS).length, r.stdout).toBeGreaterThanOrEqual(2);
    expect(r.stdout).toMatch(/students: \d+ imported/);
  }, 120_000);
});

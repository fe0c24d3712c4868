// A big UTF-8 CSV is read in two threads, the main one and a worker (the built CLI, files of
// 16 MiB or more; these tests lower that to 8 MiB). The outcome must be exactly what one thread
// gives: the stored file, the rejects, the row numbers in every message, duplicates resolved
// across the cut, and errors reported where they really are.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { spawnSync } from 'node:child_process';
import { BIN, FIXTURES, makeWorkspace, runCli, tempDir } from '../helpers/cli.js';

const HEADER = 'email,name,first_name,programme,sectors,support_areas,country,city,meeting_preference,linkedin,share_linkedin,bio,share_bio,submitted_at';
const ROWS = 24_000;
// The product reads a CSV in threads from 16 MiB; these files are about 9 MB, to keep the suite
// quick, so the threaded runs lower the size (the code that runs is the same at any size).
const THREADS = { MENTORSHIP_TEST_THREADS_FROM_BYTES: String(8 * 1024 * 1024) };
const dir = tempDir('mentorship-threads-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** About 9 MB: quoted multi-line bios, duplicates on both sides of the middle, rejects, warnings. */
/** `brokenAfter`: the answer after which a line with a stray quote follows. */
function bigCsv(name: string, brokenAfter?: number): string {
  const lines = [HEADER];
  for (let i = 0; i < ROWS; i++) {
    // The same student answers again 12,000 rows later, so the pair straddles the cut.
    const who = i >= ROWS / 2 && i % 1000 === 7 ? i - ROWS / 2 : i;
    const email = i % 5000 === 11 ? 'not-an-email' : `student.${who}@lse.ac.uk`;
    const sector = i % 3000 === 5 ? `Space Piracy ${i}` : 'Consulting';
    const bio = `"I study policy, row ${i}.\nI would value ""honest"" advice.${i % 2 ? '\r\nAnd more.' : ''} ${'x'.repeat(250)}"`;
    const day = String(1 + (i % 28)).padStart(2, '0');
    lines.push(`${email},Student ${who},Student,MSc Public Policy and Administration,${sector},Networking;Interviews,United Kingdom,London,online,,no,${bio},yes,2025-11-${day}T10:00:00Z`);
    if (i === brokenAfter) lines.push('stray,quote "here",x');
  }
  const abs = path.join(dir, name);
  fs.writeFileSync(abs, `${lines.join('\r\n')}\r\n`);
  return abs;
}

function run(file: string, threads: boolean, extraEnv: Record<string, string> = {}) {
  const ws = makeWorkspace();
  const env = { ...(threads ? THREADS : { MENTORSHIP_THREADS: '1' }), ...extraEnv };
  const text = runCli(['import', 'students', file, '-v'], { cwd: ws, env });
  const data = (rel: string) => (fs.existsSync(path.join(ws, rel)) ? fs.readFileSync(path.join(ws, rel)) : null);
  return { ws, text, students: data('data/students.csv'), rejects: data(`out/rejects/${path.basename(file, '.csv')}.rejects.csv`) };
}

// Timing and memory lines differ from run to run, and only the threads say how they read the stored
// file; everything else must match.
const steady = (stderr: string) =>
  stderr.split('\n').filter((l) => !/ in \d+ ms|rss \d+ MB|read in \d+ parts, one thread each|read in one thread instead|^data\/\w+\.csv: canonical layout|workspace: |^\s+at /.test(l)).join('\n');

describe('reading a big CSV in threads', () => {
  it('stores, rejects and reports exactly what one thread does', () => {
    const file = bigCsv('students-big.csv');
    expect(fs.statSync(file).size).toBeGreaterThan(8 * 1024 * 1024);
    const one = run(file, false);
    const two = run(file, true);
    expect(one.text.code).toBe(0);
    expect(two.text.code).toBe(0);
    expect(two.text.stderr).toContain('read in 2 parts, one thread each');
    expect(one.text.stderr).not.toContain('one thread each');
    expect(two.students!.equals(one.students!)).toBe(true);
    expect(two.rejects!.equals(one.rejects!)).toBe(true);
    expect(steady(two.text.stderr)).toBe(steady(one.text.stderr));
    // The figures themselves, so that two equally wrong runs cannot pass.
    expect(two.text.stderr).toContain(`students: ${ROWS - 5 - 12} imported, 0 updated, 0 unchanged, 5 rejected, 12 duplicates`);
    expect(two.text.stderr).toMatch(/duplicate: student\.7@lse\.ac\.uk submitted 2 times; kept .*row 12009/);
    expect(two.text.stderr).toMatch(/students-big\.csv, row 20013, column "email": is not an email address/);
    expect(two.text.stderr).toMatch(/students-big\.csv, row 21007, column "sectors": unknown sector "Space Piracy 21005"/);
  }, 120_000);

  it('reads a file under 16 MiB in one thread: a worker would cost more than it saves', () => {
    const file = fs.existsSync(path.join(dir, 'students-big.csv')) ? path.join(dir, 'students-big.csv') : bigCsv('students-big.csv');
    expect(fs.statSync(file).size).toBeLessThan(16 * 1024 * 1024);
    const plain = run(file, true, { MENTORSHIP_TEST_THREADS_FROM_BYTES: '' });
    expect(plain.text.code).toBe(0);
    expect(plain.text.stderr).not.toContain('one thread each');
    expect(plain.text.stderr).toContain(`students: ${ROWS - 5 - 12} imported`);
  }, 120_000);

  it('reads a big stored data file in threads too: a re-import, a hand edit and a person stored twice as one thread does', () => {
    const file = bigCsv('students-again.csv');
    const one = run(file, false);
    const two = run(file, true);
    const again = (ws: string, threads: boolean) => runCli(['import', 'students', file, '-v'], { cwd: ws, env: threads ? THREADS : { MENTORSHIP_THREADS: '1' } });
    const a1 = again(one.ws, false);
    const a2 = again(two.ws, true);
    expect(a2.stderr).toContain('data/students.csv: read in 2 parts, one thread each');
    expect(a2.stderr).toContain(`students: 0 imported, 0 updated, ${ROWS - 5 - 12} unchanged, 5 rejected, 12 duplicates`);
    expect(steady(a2.stderr)).toBe(steady(a1.stderr));
    expect(fs.readFileSync(path.join(two.ws, 'data/students.csv')).equals(one.students!)).toBe(true);
    // A hand edit far down the stored file, then the same person stored twice further down still.
    for (const ws of [one.ws, two.ws]) {
      const stored = path.join(ws, 'data/students.csv');
      const lines = fs.readFileSync(stored, 'utf8').split('\r\n');
      const at = lines.findIndex((l) => l.startsWith('student.20000@'));
      const dup = lines.findIndex((l) => l.startsWith('student.22000@'));
      lines[at] = lines[at]!.replace('student.20000@lse.ac.uk', 'student.20000-at-lse');
      lines[dup] = lines[dup]!.replace('student.22000@', 'student.1000@');
      fs.writeFileSync(stored, lines.join('\r\n'));
    }
    const e1 = again(one.ws, false);
    const e2 = again(two.ws, true);
    expect(e1.code).toBe(1);
    expect(e2.code).toBe(1);
    expect(e2.stderr).toMatch(/data\/students\.csv, row \d+, column "email": is not an email address \(value "student\.20000-at-lse"\)/);
    expect(steady(e2.stderr)).toBe(steady(e1.stderr));
    // With the first edit undone, the person stored twice is what stops it.
    for (const ws of [one.ws, two.ws]) {
      const stored = path.join(ws, 'data/students.csv');
      fs.writeFileSync(stored, fs.readFileSync(stored, 'utf8').replace('student.20000-at-lse', 'student.20000@lse.ac.uk'));
    }
    const d1 = again(one.ws, false);
    const d2 = again(two.ws, true);
    expect(d2.code).toBe(1);
    expect(d2.stderr).toMatch(/data\/students\.csv, row \d+, column "email": student\.1000@lse\.ac\.uk appears twice/);
    expect(steady(d2.stderr)).toBe(steady(d1.stderr));
  }, 180_000);

  it('a big Qualtrics export (three header rows, previews and tests on both sides of the cut) as one thread does', () => {
    // The fixture's answers repeated to over 8 MiB, each copy with its own email addresses.
    const rows = parse(fs.readFileSync(path.join(FIXTURES, 'students-qualtrics.csv')), { bom: true, relax_column_count: true }) as string[][];
    const at = rows[1]!.indexOf('Your email address');
    const out = rows.slice(0, 3);
    for (let copy = 0; out.length * 600 < 9_000_000; copy++) {
      for (const r of rows.slice(3)) out.push(r.map((c, i) => (i === at ? c.replace('@', `.${copy}@`) : c)));
    }
    const file = path.join(dir, 'qualtrics-big.csv');
    fs.writeFileSync(file, stringify(out, { record_delimiter: '\r\n' }));
    expect(fs.statSync(file).size).toBeGreaterThan(8 * 1024 * 1024);
    const one = run(file, false);
    const two = run(file, true);
    expect(two.text.code, two.text.stderr).toBe(0);
    expect(two.text.stderr).toContain('read in 2 parts, one thread each');
    expect(two.text.stderr).toMatch(/qualtrics-big\.csv, row 4: skipped, a Qualtrics survey preview/);
    expect(two.text.stderr).toMatch(/\d+ preview\/test skipped/);
    expect(steady(two.text.stderr)).toBe(steady(one.text.stderr));
    expect(two.students!.equals(one.students!)).toBe(true);
    expect(two.rejects!.equals(one.rejects!)).toBe(true);
  }, 120_000);

  it('a worker that runs out of memory leaves the file to one thread, with the same outcome', () => {
    const file = fs.existsSync(path.join(dir, 'students-big.csv')) ? path.join(dir, 'students-big.csv') : bigCsv('students-big.csv');
    const one = run(file, false);
    const starved = run(file, true, { MENTORSHIP_TEST_WORKER_HEAP_MB: '4' });
    expect(starved.text.code).toBe(0);
    expect(starved.text.stderr).toMatch(/read in one thread instead: .*memory/);
    expect(starved.students!.equals(one.students!)).toBe(true);
    expect(starved.rejects!.equals(one.rejects!)).toBe(true);
    expect(steady(starved.text.stderr)).toBe(steady(one.text.stderr));
  }, 120_000);

  // The row Excel shows: row i + 2 for answer i, so the stray line after answer n is row n + 3
  // (bios span three lines of text, so csv-parse's own line number is larger).
  it.each([
    { half: "the second half (the worker's part)", after: ROWS - 500 },
    { half: "the first half (this thread's part)", after: 500 },
  ])('reports a broken quote in $half at its real row, and imports nothing', ({ after }) => {
    const name = `students-broken-${after}.csv`;
    const file = bigCsv(name, after);
    const one = run(file, false);
    const two = run(file, true);
    expect(one.text.code).toBe(1);
    expect(two.text.code).toBe(1);
    expect(two.text.stderr).toContain('read in one thread instead');
    expect(steady(two.text.stderr)).toBe(steady(one.text.stderr));
    expect(two.text.stderr).toMatch(new RegExp(`${name.replace('.', '\\.')}, row ${after + 3}: the CSV cannot be read: .*quote`, 'i'));
    expect(two.students).toBeNull();
  }, 120_000);

  it('shows the rows read so far on a terminal while the threads read', () => {
    const file = fs.existsSync(path.join(dir, 'students-big.csv')) ? path.join(dir, 'students-big.csv') : bigCsv('students-big.csv');
    const ws = makeWorkspace();
    // util-linux's script gives the CLI a terminal, as an administrator's would be.
    const env: NodeJS.ProcessEnv = { ...process.env, ...THREADS, NO_COLOR: '1', TERM: 'xterm' };
    delete env.CI;
    delete env.FORCE_COLOR;
    const r = spawnSync('script', ['-q', '-e', '-c', `'${process.execPath}' '${BIN}' import students '${file}'`, '/dev/null'], { cwd: ws, env, encoding: 'utf8' });
    expect(r.status, r.stdout).toBe(0);
    const counts = [...r.stdout.matchAll(/importing students (\d+) rows/g)].map((m) => Number(m[1]));
    // Counts while the file is read (estimates: this thread's rows times the parts), not one jump
    // to the whole file at the end.
    expect(counts.filter((n) => n > 0 && n < ROWS).length, r.stdout).toBeGreaterThanOrEqual(2);
    expect(r.stdout).toMatch(/students: \d+ imported/);
  }, 120_000);
});

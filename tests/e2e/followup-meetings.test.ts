// Meetings, chasing and the chase emails through the real CLI, on a workspace whose pairs are
// written directly (tests/core/followup/builders.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeWorkspace, runCli, snapshot } from '../helpers/cli.js';
import { keyCount, nonCamelKeys } from '../helpers/json-keys.js';
import { smallCohort } from '../core/followup/builders.js';

const ZOE = 'zoe.obrien@lse.ac.uk';
const JOSE = 'jose.alvarez@lse.ac.uk';
const SAM = 'sam.taylor@lse.ac.uk';
const BJORN = 'bjorn.akesson@example.net';
const HELENE = 'helene.lheritier@example.org';

function workspace(extra: Record<string, string> = {}): string {
  return makeWorkspace({ ...smallCohort().files, ...extra });
}

const at = (today: string) => ({ env: { MENTORSHIP_TODAY: today } });
const read = (dir: string, rel: string) => fs.readFileSync(path.join(dir, rel), 'utf8');

const CHECKIN = [
  'Timestamp,Email Address,Which meeting are you reporting?,Date of the meeting',
  `20/01/2026 10:00:00,${ZOE},Meeting 1,19/01/2026`,
  `21/01/2026 10:00:00,${ZOE.toUpperCase()},Meeting 1,19/01/2026`,
  `22/01/2026 10:00:00,${HELENE},Meeting 1,2026-01-21`,
  '23/01/2026 10:00:00,stranger@example.com,Meeting 1,22/01/2026',
  `24/01/2026 10:00:00,wanda.withdrawn@lse.ac.uk,Meeting 1,22/01/2026`,
  `25/01/2026 10:00:00,${ZOE},Meeting 2,35/01/2026`,
].join('\r\n');

describe('import meetings', () => {
  it('records meetings by either participant, counts a duplicate once and rejects what it cannot place', () => {
    const dir = workspace({ 'checkin.csv': CHECKIN });
    const r = runCli(['import', 'meetings', 'checkin.csv'], { cwd: dir, ...at('2026-02-01') });
    expect(r.stderr).toContain('meetings: 2 new');
    expect(r.stderr).toMatch(/duplicate: meeting 1 of zoe.obrien@lse.ac.uk reported again \(checkin.csv row 3\)/);
    expect(r.stderr).toMatch(/checkin.csv, row 5, column "Email Address": is not a student or mentor/);
    expect(r.stderr).toMatch(/row 6, column "Email Address": has no active pair \(their pair is withdrawn/);
    expect(r.stderr).toMatch(/row 7, column "Date of the meeting": is not a date/);
    expect(r.code).toBe(0);
    const rows = read(dir, 'data/meetings.csv').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(rows).toEqual([
      'student_email,mentor_email,meeting,date,source',
      `${ZOE},${BJORN},1,2026-01-19,checkin.csv`,
      `${JOSE},${HELENE},1,2026-01-21,checkin.csv`,
    ]);
    const rejects = read(dir, 'out/rejects/meetings-checkin.rejects.csv');
    expect(rejects).toContain('stranger@example.com');
    expect(rejects).toMatch(/checkin\.csv,5,"?Email Address"?,stranger@example\.com/);
    // The same file again changes nothing.
    const before = read(dir, 'data/meetings.csv');
    const again = runCli(['import', 'meetings', 'checkin.csv', '--json'], { cwd: dir, ...at('2026-02-01') });
    const envelope = JSON.parse(again.stdout);
    expect(envelope).toMatchObject({ command: 'import meetings', dryRun: false, result: { added: 0, unchanged: 3, rejected: 3 } });
    expect(keyCount(envelope.result)).toBeGreaterThan(10);
    expect(nonCamelKeys(envelope)).toEqual([]);
    expect(read(dir, 'data/meetings.csv')).toBe(before);
  });

  it('--strict writes nothing when a row is rejected; a file without the needed columns names the --map fix', () => {
    const dir = workspace({ 'checkin.csv': CHECKIN, 'odd.csv': 'Who,Which,When\r\nzoe.obrien@lse.ac.uk,1,2026-01-19\r\n' });
    const before = snapshot(dir);
    const strict = runCli(['import', 'meetings', 'checkin.csv', '--strict'], { cwd: dir, ...at('2026-02-01') });
    expect(strict.code).toBe(1);
    expect(snapshot(dir)).toEqual(before);
    const odd = runCli(['import', 'meetings', 'odd.csv'], { cwd: dir, ...at('2026-02-01') });
    expect(odd.code).toBe(1);
    expect(odd.stderr).toMatch(/no column holds the email, meeting, date.*\n\s+fix: add --map "Who=email"/);
    const mapped = runCli(['import', 'meetings', 'odd.csv', '--map', 'Who=email', '--map', 'Which=meeting', '--map', 'When=date'], { cwd: dir, ...at('2026-02-01') });
    expect(mapped.code).toBe(0);
    expect(read(dir, 'data/meetings.csv')).toContain(`${ZOE},${BJORN},1,2026-01-19`);
  });
});

describe('log meeting', () => {
  it('records one meeting, keeps the earliest date of a duplicate, and refuses someone without an active pair', () => {
    const dir = workspace();
    const r = runCli(['log', 'meeting', SAM, '1', '28/01/2026'], { cwd: dir, ...at('2026-02-01') });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`Recorded meeting 1 of ${SAM} and ${BJORN} on 2026-01-28`);
    expect(read(dir, 'data/meetings.csv')).toContain(`${SAM},${BJORN},1,2026-01-28,log`);
    const dup = runCli(['log', 'meeting', SAM, '1', '2026-01-30'], { cwd: dir, ...at('2026-02-01') });
    expect(dup.stderr).toMatch(/already recorded on 2026-01-28; not counted twice/);
    const earlier = runCli(['log', 'meeting', SAM, '1', '2026-01-25', '--json'], { cwd: dir, ...at('2026-02-01') });
    const logged = JSON.parse(earlier.stdout);
    expect(logged).toMatchObject({ command: 'log meeting', result: { outcome: 'earlier', kept: '2026-01-25', studentEmail: SAM, mentorEmail: BJORN } });
    expect(logged.changes.map((c: { path: string }) => c.path)).toContain('data/meetings.csv');
    expect(keyCount(logged)).toBeGreaterThan(5);
    expect(nonCamelKeys(logged)).toEqual([]);
    const noResponse = JSON.parse(runCli(['log', 'no-response', SAM, '2', '2026-01-31', '--json'], { cwd: dir, ...at('2026-02-01') }).stdout);
    expect(noResponse).toMatchObject({ command: 'log no-response', result: { what: 'no-response', outcome: 'recorded', studentEmail: SAM, mentorEmail: BJORN } });
    expect(noResponse.changes.map((c: { path: string }) => c.path)).toContain('data/no-response.csv');
    expect(keyCount(noResponse)).toBeGreaterThan(5);
    expect(nonCamelKeys(noResponse)).toEqual([]);
    expect(read(dir, 'data/meetings.csv').match(/sam.taylor/g)).toHaveLength(1);

    const before = snapshot(dir);
    const none = runCli(['log', 'meeting', 'wanda.withdrawn@lse.ac.uk', '1', '2026-01-25'], { cwd: dir, ...at('2026-02-01') });
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/wanda.withdrawn@lse.ac.uk has no active pair/);
    const future = runCli(['log', 'meeting', SAM, '2', '2026-03-01'], { cwd: dir, ...at('2026-02-01') });
    expect(future.code).toBe(1);
    const badN = runCli(['log', 'meeting', SAM, '4', '2026-01-25'], { cwd: dir, ...at('2026-02-01') });
    expect(badN.code).toBe(2);
    const badDate = runCli(['log', 'meeting', SAM, '1', '13/13/2026'], { cwd: dir, ...at('2026-02-01') });
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toMatch(/DATE "13\/13\/2026" is not a date/);
    expect(badDate.stderr).toContain('dd/mm/yyyy');
    const badWhat = runCli(['log', 'lunch', SAM, '1', '2026-01-25'], { cwd: dir, ...at('2026-02-01') });
    expect(badWhat.code).toBe(2);
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('report chase', () => {
  it('lists who is overdue as of a date, and writes CSV, XLSX and JSON', () => {
    const dir = workspace();
    runCli(['log', 'meeting', ZOE, '1', '2026-01-19'], { cwd: dir, ...at('2026-02-01') });
    const onLastGraceDay = runCli(['report', 'chase', '--as-of', '2026-02-07', '--json'], { cwd: dir });
    expect(JSON.parse(onLastGraceDay.stdout).result.toChase).toEqual([]);
    const r = runCli(['report', 'chase', '--as-of', '2026-02-08'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/chase\s+sam\.taylor@lse\.ac\.uk\s+bjorn\.akesson@example\.net\s+0\/2\s+chase student: meeting 1 not recorded \(due 2026-01-31/);
    // Héléne is away all February, but that does not touch meeting 1: José is overdue too.
    expect(r.stdout).toContain(JOSE);
    expect(r.stdout).not.toContain(ZOE);
    expect(r.stdout).not.toContain('wanda');
    expect(r.stderr).toMatch(/3 active pairs; 1 on track, 2 overdue; chase 2 students and 0 mentors/);
    const csv = read(dir, 'out/reports/chase.csv');
    expect(csv.startsWith('\uFEFFaction,student_email')).toBe(true);
    expect(csv).toContain("Zoë O'Brien");
    expect(fs.existsSync(path.join(dir, 'out/reports/chase.xlsx'))).toBe(true);
    // Meeting 2: Héléne's absence moves José's due date by the 28 days she is away.
    const march = JSON.parse(runCli(['report', 'chase', '--as-of', '2026-03-10', '--json'], { cwd: dir }).stdout);
    expect(march).toMatchObject({ command: 'report chase', dryRun: false, result: { asOf: '2026-03-10', files: ['out/reports/chase.csv', 'out/reports/chase.xlsx'] } });
    expect(keyCount(march.result.pairs)).toBeGreaterThan(20);
    expect(nonCamelKeys(march)).toEqual([]);
    const jose = march.result.pairs.find((p: { studentEmail: string }) => p.studentEmail === JOSE);
    expect(jose.due.map((d: { due: string }) => d.due)).toEqual(['2026-01-31', '2026-03-28', '2026-04-30']);
    const bad = runCli(['report', 'chase', '--as-of', 'soon'], { cwd: dir });
    expect(bad.code).toBe(2);
  });

  it('chases the mentor once the student reports no response (mentorship log no-response)', () => {
    const dir = workspace();
    const logged = runCli(['log', 'no-response', SAM, '1', '2026-01-26'], { cwd: dir, ...at('2026-01-26') });
    expect(logged.code).toBe(0);
    const r = JSON.parse(runCli(['report', 'chase', '--as-of', '2026-02-10', '--json'], { cwd: dir }).stdout);
    expect(r.result.toChase.filter((t: { studentEmail: string }) => t.studentEmail === SAM).map((t: { role: string; email: string }) => [t.role, t.email])).toEqual([['mentor', BJORN]]);
  });
});

describe('emails chase', () => {
  it('drafts without counting; --record appends to data/chases.csv; the third chase becomes a withdrawal', () => {
    const dir = workspace();
    runCli(['log', 'meeting', ZOE, '1', '2026-01-19'], { cwd: dir, ...at('2026-02-01') });
    runCli(['log', 'meeting', JOSE, '1', '2026-01-20'], { cwd: dir, ...at('2026-02-01') });
    const preview = runCli(['emails', 'chase', '--as-of', '2026-02-08'], { cwd: dir });
    expect(preview.code).toBe(0);
    expect(preview.stdout).toMatch(/student Samuel Taylorson <sam\.taylor@lse\.ac\.uk>/);
    expect(fs.existsSync(path.join(dir, 'data/chases.csv'))).toBe(false);
    const drafts = fs.readdirSync(path.join(dir, 'out/emails/chase'));
    expect(drafts.filter((f) => f.endsWith('.eml'))).toHaveLength(1);
    const txt = read(dir, `out/emails/chase/${drafts.find((f) => f.endsWith('.txt'))}`);
    expect(txt).toContain('Bjørn Åkesson');
    expect(txt).toContain('bjorn.akesson@example.net');
    expect(preview.stderr).toMatch(/Not recorded/);
    // Previewing again still counts nothing.
    runCli(['emails', 'chase', '--as-of', '2026-02-08'], { cwd: dir });
    expect(fs.existsSync(path.join(dir, 'data/chases.csv'))).toBe(false);

    const first = runCli(['emails', 'chase', '--as-of', '2026-02-08', '--record', '--json'], { cwd: dir });
    const firstOut = JSON.parse(first.stdout);
    expect(firstOut).toMatchObject({ command: 'emails chase', result: { asOf: '2026-02-08', recorded: 1, toChase: [{ email: SAM, studentEmail: SAM, mentorEmail: BJORN, previous: 0 }] } });
    expect(firstOut.changes.map((c: { path: string }) => c.path)).toContain('data/chases.csv');
    expect(keyCount(firstOut)).toBeGreaterThan(20);
    expect(nonCamelKeys(firstOut)).toEqual([]);
    expect(read(dir, 'data/chases.csv')).toContain(`${SAM},student,2026-02-08,1,`);
    // The same week: nobody is due, nothing is drafted or recorded, the drafts stay.
    const sameWeek = runCli(['emails', 'chase', '--as-of', '2026-02-12', '--record'], { cwd: dir });
    expect(sameWeek.stderr).toMatch(/nobody is due a chase/);
    expect(read(dir, 'data/chases.csv').match(/sam\.taylor/g)).toHaveLength(1);
    expect(fs.readdirSync(path.join(dir, 'out/emails/chase')).filter((f) => f.endsWith('.eml'))).toHaveLength(1);
    const second = runCli(['emails', 'chase', '--as-of', '2026-02-15', '--record'], { cwd: dir });
    expect(second.code).toBe(0);
    const eml = fs.readdirSync(path.join(dir, 'out/emails/chase')).find((f) => f.endsWith('.txt'))!;
    expect(read(dir, `out/emails/chase/${eml}`)).toMatch(/this is the last reminder/);
    const third = JSON.parse(runCli(['report', 'chase', '--as-of', '2026-02-22', '--json'], { cwd: dir }).stdout);
    expect(third.result.withdraw.map((p: { studentEmail: string; rematchMentor: string }) => [p.studentEmail, p.rematchMentor])).toEqual([[SAM, BJORN]]);
    const human = runCli(['report', 'chase', '--as-of', '2026-02-22'], { cwd: dir });
    expect(human.stdout).toMatch(/withdraw\s+sam\.taylor@lse\.ac\.uk/);
    expect(human.stderr).toContain(`mentorship withdraw ${SAM}`);
    const noMore = runCli(['emails', 'chase', '--as-of', '2026-02-22', '--record'], { cwd: dir });
    expect(noMore.stderr).toMatch(/not chased, to withdraw: sam\.taylor@lse\.ac\.uk/);
    expect(read(dir, 'data/chases.csv').match(/sam\.taylor/g)).toHaveLength(2);
  });
});

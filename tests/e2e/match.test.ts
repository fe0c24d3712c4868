// The matching cycle with the real CLI: match, review, confirm, match again, withdraw, re-match.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { FIXTURES, makeWorkspace, runCli, snapshot } from '../helpers/cli.js';
import { keyCount, nonCamelKeys } from '../helpers/json-keys.js';

const STUDENTS = `email,name,first_name,programme,sectors,support_areas,country,city,meeting_preference,linkedin,share_linkedin,bio,share_bio,submitted_at
ann@uni.ac.uk,Ann Archer,,MSc Conflict Studies,Law,Interviews,United Kingdom,London,either,,,,,2025-11-03T10:00:00
ben@uni.ac.uk,Ben Brook,,MSc Conflict Studies,Consulting,Interviews,United Kingdom,London,either,,,,,2025-11-03T11:00:00
cat@uni.ac.uk,Cat Cole,,MSc Conflict Studies,Law,Networking,United Kingdom,London,either,,,,,2025-11-03T12:00:00
dan@uni.ac.uk,Dan Dale,,MSc Conflict Studies,Technology,Interviews,United Kingdom,London,either,,,,,2025-11-03T13:00:00
eve@uni.ac.uk,Eve East,,MSc Conflict Studies,Law,Job search,United Kingdom,London,either,,,,,2025-11-03T14:00:00
`;
const MENTORS = `email,name,first_name,courses,graduation_year,sectors,support_areas,country,city,meeting_preference,job_role,employer,capacity,unavailable,linkedin,share_linkedin,bio,share_bio,submitted_at
maria@alumni.org,Maria Moss,,MSc Conflict Studies,2010,Law,Interviews;Networking,United Kingdom,London,either,Barrister,Chambers,2,,,,,,2025-11-04T10:00:00
nick@alumni.org,Nick North,,MSc Conflict Studies,2012,Consulting,Interviews,United Kingdom,London,either,Consultant,Firm,1,,,,,,2025-11-04T10:00:00
olga@alumni.org,Olga Orr,,MSc Conflict Studies,2014,Technology,Interviews,United Kingdom,London,either,Engineer,Tech,1,,,,,,2025-11-04T10:00:00
away@alumni.org,Al Away,,MSc Conflict Studies,2009,Law,Interviews,United Kingdom,London,either,Judge,Court,3,2025-11-01 to 2026-06-30,,,,,2025-11-04T10:00:00
`;

interface Row {
  student_email: string;
  mentor_email: string;
  status: string;
  score: string;
  reason: string;
  decided_at: string;
}

function matches(ws: string): Row[] {
  return parse(fs.readFileSync(path.join(ws, 'data/matches.csv')), { columns: true, bom: true }) as Row[];
}

function active(ws: string, status = 'proposed'): Map<string, string> {
  return new Map(matches(ws).filter((r) => r.status === status).map((r) => [r.student_email, r.mentor_email]));
}

/** The workspace's files, leaving out the review sheet a test writes by hand. */
function state(ws: string): Map<string, string> {
  const m = snapshot(ws);
  m.delete('reviewed.csv');
  return m;
}

function workspace(): string {
  const ws = makeWorkspace({ 'in/students.csv': STUDENTS, 'in/mentors.csv': MENTORS });
  expect(runCli(['import', 'students', 'in/students.csv'], { cwd: ws }).code).toBe(0);
  expect(runCli(['import', 'mentors', 'in/mentors.csv'], { cwd: ws }).code).toBe(0);
  return ws;
}

const ALL = ['ann@uni.ac.uk', 'ben@uni.ac.uk', 'cat@uni.ac.uk', 'dan@uni.ac.uk', 'eve@uni.ac.uk'];

describe('mentorship match, confirm, withdraw', () => {
  it('runs the whole cycle: propose, confirm all, keep confirmed, withdraw, re-match the freed place', () => {
    const ws = workspace();
    const first = runCli(['match'], { cwd: ws });
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('4 of 5 student(s) proposed a mentor');
    expect(first.stderr).toContain('1 unmatched: 1 whose eligible mentors are all full (reasons in the Unmatched sheet)');
    expect(first.stderr).toMatch(/Against first come, first served on the same data: .* mean score/);
    const proposed = active(ws);
    expect(proposed.size).toBe(4);
    expect([...proposed.values()]).not.toContain('away@alumni.org');
    const unmatched = ALL.find((s) => !proposed.has(s))!;
    expect(fs.existsSync(path.join(ws, 'out/match-review.xlsx'))).toBe(true);

    const confirm = runCli(['confirm', '--all'], { cwd: ws });
    expect(confirm.code).toBe(0);
    expect(confirm.stderr).toContain('4 approved, 0 rejected, 0 reassigned');
    expect(active(ws, 'confirmed')).toEqual(proposed);
    expect(matches(ws).every((r) => r.decided_at === '2025-11-25T09:00:00')).toBe(true);

    const again = runCli(['match', '--json'], { cwd: ws });
    expect(again.code).toBe(0);
    const envelope = JSON.parse(again.stdout);
    expect(envelope).toMatchObject({ command: 'match', dryRun: false });
    expect(envelope.changes.map((c: { path: string }) => c.path)).toEqual(expect.arrayContaining(['out/match-review.xlsx', 'data/matches.csv', 'data/audit.jsonl']));
    expect(keyCount(envelope)).toBeGreaterThan(20);
    expect(nonCamelKeys(envelope)).toEqual([]);
    const summary = envelope.result;
    expect(summary).toMatchObject({ pool: 1, fixed: 4, matched: 0, unmatched: 1 });
    expect(summary.unmatchedBy).toContainEqual({ reason: 'mentors-full', students: 1 });
    expect(summary.unmatchedStudents[0]).toMatchObject({ email: unmatched, reason: 'mentors-full' });
    expect(active(ws, 'confirmed')).toEqual(proposed);

    // Whoever holds the place the unmatched student scores best with leaves; the place goes to them.
    const leaver = [...proposed].find(([, m]) => m === 'maria@alumni.org')![0];
    const withdraw = runCli(['withdraw', leaver.toUpperCase(), '--reason', 'chased three times'], { cwd: ws });
    expect(withdraw.code).toBe(0);
    expect(withdraw.stderr).toContain(`withdrawn: ${leaver} and maria@alumni.org (was confirmed); reason: student left: chased three times`);
    const after = runCli(['match'], { cwd: ws });
    expect(after.code).toBe(0);
    expect(active(ws)).toEqual(new Map([[unmatched, 'maria@alumni.org']]));
    const history = matches(ws);
    expect(history.find((r) => r.student_email === leaver)).toMatchObject({ status: 'withdrawn', reason: 'student left: chased three times' });
    expect(history).toHaveLength(5);

    const explained = runCli(['match', '--explain', unmatched], { cwd: ws });
    expect(explained.code).toBe(0);
    expect(explained.stdout).toContain(`<${unmatched}>: proposed with Maria Moss <maria@alumni.org>`);
    expect(explained.stdout).toContain('Next best options:');
    expect(explained.stdout).toContain('unavailable for the whole programme');
    const audit = fs.readFileSync(path.join(ws, 'data/audit.jsonl'), 'utf8');
    expect(audit).toContain('"command":"withdraw"');
    expect(audit.match(/"command":"match"/g)).toHaveLength(3);
  });

  it('applies an edited review sheet in place: approve, reject, reassign; then match replaces it without --force', async () => {
    const ws = workspace();
    expect(runCli(['match'], { cwd: ws }).code).toBe(0);
    const proposed = active(ws);
    const file = path.join(ws, 'out/match-review.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sheet = wb.getWorksheet('Review')!;
    const byStudent = new Map<string, number>();
    sheet.eachRow((row, n) => {
      if (n > 1) byStudent.set(String(row.getCell(3).value), n);
    });
    const [approveS, rejectS, reassignS] = [...proposed.keys()].filter((s) => proposed.get(s) !== 'olga@alumni.org');
    const olgaS = [...proposed].find(([, m]) => m === 'olga@alumni.org')![0];
    sheet.getCell(`A${byStudent.get(approveS!)}`).value = 'Approve';
    sheet.getCell(`A${byStudent.get(rejectS!)}`).value = 'reject';
    // Olga's only place is proposed to someone else but not yet approved: a reassignment may take it.
    sheet.getCell(`A${byStudent.get(reassignS!)}`).value = 'olga@alumni.org';
    await wb.xlsx.writeFile(file);

    const blocked = runCli(['match'], { cwd: ws });
    expect(blocked.code).toBe(1);
    expect(blocked.stderr).toContain('out/match-review.xlsx has been changed since mentorship wrote it');

    const preview = runCli(['confirm', '--dry-run', '--json'], { cwd: ws });
    expect(preview.code, preview.stderr).toBe(0);
    const envelope = JSON.parse(preview.stdout);
    expect(envelope).toMatchObject({
      command: 'confirm', dryRun: true,
      result: { source: 'out/match-review.xlsx', approved: 1, rejected: 1, reassigned: [{ student: reassignS, from: proposed.get(reassignS!), to: 'olga@alumni.org' }] },
    });
    expect(envelope.changes.map((c: { path: string }) => c.path)).toEqual(expect.arrayContaining(['data/matches.csv', 'data/exclusions.csv']));
    expect(envelope.messages[0].text).toBe('out/match-review.xlsx: 1 approved, 1 rejected, 1 reassigned; 1 proposal(s) still waiting for a decision.');
    expect(keyCount(envelope)).toBeGreaterThan(15);
    expect(nonCamelKeys(envelope)).toEqual([]);

    const r = runCli(['confirm'], { cwd: ws });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('out/match-review.xlsx: 1 approved, 1 rejected, 1 reassigned');
    const rows = matches(ws);
    expect(rows.find((x) => x.student_email === approveS)).toMatchObject({ status: 'confirmed', mentor_email: proposed.get(approveS!) });
    expect(rows.find((x) => x.student_email === reassignS)).toMatchObject({ status: 'confirmed', mentor_email: 'olga@alumni.org' });
    expect(rows.find((x) => x.student_email === olgaS)).toMatchObject({ status: 'proposed' });
    expect(rows.some((x) => x.student_email === rejectS)).toBe(false);
    expect(fs.readFileSync(path.join(ws, 'data/exclusions.csv'), 'utf8')).toContain(`${rejectS},${proposed.get(rejectS!)},"rejected in review"`);

    const rematch = runCli(['match', '--json'], { cwd: ws });
    expect(rematch.code).toBe(0);
    const again = active(ws);
    expect(again.get(rejectS!)).not.toBe(proposed.get(rejectS!));
    expect(again.has(approveS!)).toBe(false);
  });

  it('stops at a bad decision with exit 1, naming the row and the fix, and writes nothing', () => {
    const ws = workspace();
    expect(runCli(['match'], { cwd: ws }).code).toBe(0);
    const [s1, s2] = [...active(ws)];
    const csv = (decision1: string, decision2: string) =>
      `Matching review;;\r\ndecision;student_email;mentor_email\r\n${decision1};${s1![0]};${s1![1]}\r\n${decision2};${s2![0]};${s2![1]}\r\n`;
    fs.writeFileSync(path.join(ws, 'reviewed.csv'), csv('approve', 'maybe later'));
    const before = state(ws);
    const bad = runCli(['confirm', 'reviewed.csv'], { cwd: ws });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('error: reviewed.csv, row 4, column "decision": "maybe later" is not a decision');
    expect(bad.stderr).toContain("fix: write approve or reject, a mentor's email to reassign the student, or leave it blank");
    expect(bad.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(state(ws)).toEqual(before);

    fs.writeFileSync(path.join(ws, 'reviewed.csv'), csv('approve', 'away@alumni.org'));
    const away = runCli(['confirm', 'reviewed.csv'], { cwd: ws });
    expect(away.code).toBe(1);
    expect(away.stderr).toContain('reviewed.csv, row 4, column "decision": away@alumni.org cannot take a student: the mentor is unavailable for the whole programme');
    fs.writeFileSync(path.join(ws, 'reviewed.csv'), `decision,student_email,mentor_email\r\nnobody@alumni.org,${s1![0]},${s1![1]}\r\n`);
    expect(runCli(['confirm', 'reviewed.csv'], { cwd: ws }).stderr).toContain('row 2, column "decision": nobody@alumni.org is not a mentor in data/mentors.csv');
    expect(state(ws)).toEqual(before);
  });

  it('refuses to reassign to a mentor whose places are taken, counting approvals in the same sheet', () => {
    const ws = workspace();
    expect(runCli(['match'], { cwd: ws }).code).toBe(0);
    const proposed = [...active(ws)];
    const maria = proposed.filter(([, m]) => m === 'maria@alumni.org');
    expect(maria).toHaveLength(2);
    const other = proposed.find(([, m]) => m !== 'maria@alumni.org')!;
    const lines = ['decision,student_email,mentor_email', ...maria.map(([s, m]) => `approve,${s},${m}`), `maria@alumni.org,${other[0]},${other[1]}`];
    fs.writeFileSync(path.join(ws, 'r.csv'), `${lines.join('\r\n')}\r\n`);
    const r = runCli(['confirm', 'r.csv'], { cwd: ws });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('r.csv, row 4, column "decision": Maria Moss <maria@alumni.org> has no free place: capacity 2, 2 already confirmed or approved in this sheet');
  });

  it('withdraws every pair of a mentor who leaves, and never proposes them again', () => {
    const ws = workspace();
    runCli(['match'], { cwd: ws });
    expect(runCli(['confirm', '--all'], { cwd: ws }).code).toBe(0);
    const r = runCli(['withdraw', 'maria@alumni.org', '--json'], { cwd: ws });
    expect(r.code).toBe(0);
    const envelope = JSON.parse(r.stdout);
    expect(envelope).toMatchObject({ command: 'withdraw', dryRun: false, result: { email: 'maria@alumni.org', side: 'mentor', reason: 'mentor left the scheme' } });
    expect(envelope.result.pairs).toEqual([expect.objectContaining({ mentorEmail: 'maria@alumni.org', was: 'confirmed' }), expect.objectContaining({ mentorEmail: 'maria@alumni.org', was: 'confirmed' })]);
    expect(envelope.changes.map((c: { path: string }) => c.path)).toEqual(expect.arrayContaining(['data/matches.csv', 'data/audit.jsonl']));
    expect(envelope.messages.at(-1).text).toMatch(/^mentorship emails intro drafts the withdrawal notices/);
    expect(keyCount(envelope)).toBeGreaterThan(15);
    expect(nonCamelKeys(envelope)).toEqual([]);
    expect(runCli(['match'], { cwd: ws }).code).toBe(0);
    expect([...active(ws).values()]).not.toContain('maria@alumni.org');
    expect(matches(ws).filter((x) => x.status === 'withdrawn')).toHaveLength(2);
  });

  it('explains mistakes: unknown emails, no pair to withdraw, both a file and --all, no review sheet yet', () => {
    const ws = workspace();
    expect(runCli(['withdraw', 'ghost@uni.ac.uk'], { cwd: ws }).stderr).toContain('no student or mentor has the email ghost@uni.ac.uk');
    expect(runCli(['withdraw', 'ann@uni.ac.uk'], { cwd: ws }).stderr).toContain('the student ann@uni.ac.uk has no proposed or confirmed pair to withdraw');
    const none = runCli(['confirm'], { cwd: ws });
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('out/match-review.xlsx: there is no review sheet');
    expect(runCli(['confirm', 'x.xlsx', '--all'], { cwd: ws }).code).toBe(2);
    expect(runCli(['match', '--explain', 'maria@alumni.org'], { cwd: ws }).stderr).toContain("maria@alumni.org is a mentor; --explain takes a student's email");
  });

  it('--dry-run changes nothing and --fair still matches everyone it can', () => {
    const ws = workspace();
    const before = snapshot(ws);
    const dry = runCli(['match', '--dry-run', '--fair'], { cwd: ws });
    expect(dry.code).toBe(0);
    expect(dry.stderr).toContain('(--fair)');
    expect(dry.stderr).toContain('dry run: nothing was written');
    expect(snapshot(ws)).toEqual(before);
  });

  it('matches the bundled form exports', () => {
    const ws = makeWorkspace();
    runCli(['import', 'students', path.join(FIXTURES, 'students-msforms.xlsx')], { cwd: ws });
    runCli(['import', 'mentors', path.join(FIXTURES, 'mentors-googleforms.csv')], { cwd: ws });
    const r = runCli(['match', '--json'], { cwd: ws });
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout).result;
    expect(s.matched + s.unmatched).toBe(149);
    // The optimum is lexicographic: never fewer students than greedy, and if as many, no lower mean.
    expect(s.gain.matched).toBeGreaterThanOrEqual(0);
    if (s.gain.matched === 0) expect(s.meanScore).toBeGreaterThanOrEqual(s.greedy.meanScore);
    expect([...active(ws).values()]).not.toContain('margaret.ashworth@example.org');
  });
});

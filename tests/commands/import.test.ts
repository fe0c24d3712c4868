// The import handlers in this process: what they return (result, changes, messages), not what
// they print. Students and mentors, check-ins, survey answers, pairs and exclusions.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/commands/import/index.js';
import { DataError } from '../../src/errors.js';
import { snapshot } from '../helpers/cli.js';
import { testContext } from '../helpers/context.js';
import { runIn } from '../trust/inproc.js';
import { keyCount, nonCamelKeys } from '../helpers/json-keys.js';
import { writeWorkspace } from '../core/policy/builders.js';
import { smallCohort } from '../core/followup/builders.js';

const OPTS = { preset: 'auto' as const, map: [] as string[] };
const STUDENTS = [
  'email,name,programme,sectors,submitted_at',
  'ann@lse.ac.uk,Ann Lee,MSc Conflict Studies,Consulting,2025-11-03T09:00:00',
  'bob@lse.ac.uk,Bob Stone,MSc Conflict Studies,Law,2025-11-03T10:00:00',
  'ann@lse.ac.uk,Ann Lee,MSc Conflict Studies,Law,2025-11-04T09:00:00',
  'not-an-email,Cy Bad,MSc Conflict Studies,Law,2025-11-04T10:00:00',
].join('\r\n');
const CHECKIN = (rows: string[]) => ['Timestamp,Email Address,Which meeting are you reporting?,Date of the meeting', ...rows].join('\r\n');

const paths = (o: { changes?: readonly { path: string }[] }) => (o.changes ?? []).map((c) => c.path);

describe('import students and mentors handler', () => {
  it('returns the counts, the duplicates and rejects in camelCase, the files it wrote, and prints nothing', async () => {
    const dir = writeWorkspace({ 'in.csv': STUDENTS });
    const t = testContext(dir);
    const o = await run(t.ctx, 'students', ['in.csv'], OPTS);
    expect(o.result).toMatchObject({ kind: 'students', imported: 2, rejected: 1, rejectFiles: ['out/rejects/in.rejects.csv'] });
    expect(o.dryRun).toBe(false);
    expect(paths(o)).toEqual(expect.arrayContaining(['data/students.csv', 'out/rejects/in.rejects.csv', 'data/audit.jsonl']));
    expect('duplicates' in o.result && o.result.duplicates[0]).toMatchObject({ email: 'ann@lse.ac.uk', kept: { row: 4, submittedAt: '2025-11-04T09:00:00' } });
    expect(keyCount(o.result)).toBeGreaterThan(20);
    expect(nonCamelKeys(o.result)).toEqual([]);
    const texts = o.messages?.map((m) => m.text) ?? [];
    expect(texts).toContain('students: 2 imported, 0 updated, 0 unchanged, 1 rejected, 1 duplicate');
    expect(texts.some((x) => x.startsWith('rejected: in.csv, row 5, column "email"'))).toBe(true);
    expect(o.text).toBeUndefined();
    expect(fs.readFileSync(path.join(dir, 'data/students.csv'), 'utf8')).toContain('bob@lse.ac.uk');
    // The handler printed nothing itself: the renderer does.
    expect(t.stdout()).toBe('');
    expect(t.stderr()).toBe('');
  });

  it('a dry run returns the same plan and leaves every byte as it was', async () => {
    const dir = writeWorkspace({ 'in.csv': STUDENTS });
    const before = snapshot(dir);
    const o = await run(testContext(dir, { opts: { dryRun: true } }).ctx, 'students', ['in.csv'], OPTS);
    expect(o.dryRun).toBe(true);
    expect(o.result).toMatchObject({ imported: 2, rejected: 1 });
    expect(o.changes?.find((c) => c.path === 'data/students.csv')?.action).toBe('create');
    expect(snapshot(dir)).toEqual(before);
  });

  it('every row rejected: an error, after writing the rejects and saying what was found', async () => {
    const dir = writeWorkspace({ 'bad.csv': 'email,name,programme,sectors\r\nnot-an-email,Cy Bad,MSc Conflict Studies,Law\r\n' });
    const t = testContext(dir);
    const err = await run(t.ctx, 'students', ['bad.csv'], OPTS).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataError);
    expect((err as DataError).message).toBe('nothing was imported: all 1 row was rejected');
    expect(fs.existsSync(path.join(dir, 'out/rejects/bad.rejects.csv'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'data/students.csv'))).toBe(false);
    // What the import found travels with the error, for the renderer to show before it.
    const found = (err as DataError).outcome!;
    expect(found.result).toMatchObject({ imported: 0, rejected: 1 });
    expect(found.changes?.map((c) => c.path)).toContain('out/rejects/bad.rejects.csv');
    expect(found.messages?.map((m) => m.text).join('\n')).toMatch(/rejected: bad\.csv, row 2[^]*students: 0 imported, 0 updated, 0 unchanged, 1 rejected/);
    expect(t.stdout()).toBe('');
  });

  it('every row rejected, as the administrator runs it: what was found, then the error; with --json, the envelope, then the error', async () => {
    const files = { 'bad.csv': 'email,name,programme,sectors\r\nnot-an-email,Cy Bad,MSc Conflict Studies,Law\r\n' };
    const text = await runIn(['import', 'students', 'bad.csv'], writeWorkspace(files));
    expect(text.code).toBe(1);
    expect(text.stderr).toMatch(/rejected: bad\.csv, row 2[^]*students: 0 imported, 0 updated, 0 unchanged, 1 rejected[^]*error: .*nothing was imported: all 1 row was rejected/);
    const json = await runIn(['import', 'students', 'bad.csv', '--json'], writeWorkspace(files));
    expect(json.code).toBe(1);
    const env = JSON.parse(json.stdout) as { command: string; result: { rejected: number }; changes: { path: string }[] };
    expect(env.command).toBe('import students');
    expect(env.result.rejected).toBe(1);
    expect(env.changes.map((c) => c.path)).toContain('out/rejects/bad.rejects.csv');
    expect(json.stderr).toMatch(/error: .*nothing was imported/);
  });

  it('every row rejected in a dry run: the same error, whose fix says the rejects file is not written yet', async () => {
    const dir = writeWorkspace({ 'bad.csv': 'email,name,programme,sectors\r\nnot-an-email,Cy Bad,MSc Conflict Studies,Law\r\n' });
    const before = snapshot(dir);
    const t = testContext(dir, { opts: { dryRun: true } });
    const err = await run(t.ctx, 'students', ['bad.csv'], OPTS).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataError);
    expect((err as DataError).fix).toMatch(/^run it without --dry-run to write the rows to out\/rejects\/bad\.rejects\.csv/);
    expect((err as DataError).outcome?.dryRun).toBe(true);
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('import meetings and feedback handler', () => {
  it('meetings from two files: one loop, counts over both, each file its own rejects file', async () => {
    const dir = writeWorkspace({
      ...smallCohort().files,
      'a/x.csv': CHECKIN(['20/01/2026 10:00:00,zoe.obrien@lse.ac.uk,Meeting 1,19/01/2026', '20/01/2026 11:00:00,stranger@example.com,Meeting 1,19/01/2026']),
      'b/x.csv': CHECKIN(['25/01/2026 10:00:00,zoe.obrien@lse.ac.uk,Meeting 1,19/01/2026', '26/01/2026 10:00:00,jose.alvarez@lse.ac.uk,Meeting 1,24/01/2026']),
    });
    const t = testContext(dir, { today: '2026-02-01' });
    const o = await run(t.ctx, 'meetings', ['a/x.csv', 'b/x.csv'], OPTS);
    expect(o.result).toMatchObject({ kind: 'meetings', rows: 4, added: 2, rejected: 1, rejectFiles: ['out/rejects/meetings-x.rejects.csv'] });
    expect('duplicates' in o.result && o.result.duplicates).toHaveLength(1);
    expect(paths(o)).toEqual(expect.arrayContaining(['data/meetings.csv', 'out/rejects/meetings-x.rejects.csv', 'data/audit.jsonl']));
    expect(o.messages?.at(-2)?.text).toBe('meetings: 2 new, 0 moved to an earlier date, 0 unchanged, 1 rejected, 1 duplicate (from 4 rows)');
    expect(nonCamelKeys(o.result)).toEqual([]);
    expect(t.stdout()).toBe('');
  });

  it('a --map given for check-ins is remembered once, whichever file has the column', async () => {
    const odd = (rows: string[]) => ['When,Who,Which meeting are you reporting?,Date of the meeting', ...rows].join('\r\n');
    const dir = writeWorkspace({
      ...smallCohort().files,
      'one.csv': odd(['20/01/2026 10:00:00,zoe.obrien@lse.ac.uk,Meeting 1,19/01/2026']),
      'two.csv': odd(['21/01/2026 10:00:00,jose.alvarez@lse.ac.uk,Meeting 1,20/01/2026']),
    });
    const o = await run(testContext(dir, { today: '2026-02-01' }).ctx, 'meetings', ['one.csv', 'two.csv'], { ...OPTS, map: ['Who=email'] });
    expect(o.result).toMatchObject({ added: 2, rejected: 0 });
    expect(paths(o)).toContain('scheme.json');
    const scheme = JSON.parse(fs.readFileSync(path.join(dir, 'scheme.json'), 'utf8')) as { mappings: { meetings: { header?: string }[] } };
    expect(scheme.mappings.meetings.filter((r) => r.header !== undefined)).toEqual([{ header: 'Who', field: 'email' }]);
    expect(o.messages?.map((m) => m.text)).toContain('remembered in scheme.json (mappings.meetings) for the next import of this form: "Who" = email');
  });

  it('feedback: the survey, the respondents and the changes', async () => {
    const survey = ['Timestamp,Email Address,How useful were the meetings? (1-5)', '11/05/2026 08:43:57,zoe.obrien@lse.ac.uk,5', '11/05/2026 09:00:00,bjorn.akesson@example.net,4'].join('\r\n');
    const dir = writeWorkspace({ ...smallCohort().files, 'survey.csv': survey });
    const t = testContext(dir, { today: '2026-05-20' });
    const o = await run(t.ctx, 'feedback', ['survey.csv'], { ...OPTS, survey: 'final' });
    expect(o.result).toMatchObject({ kind: 'feedback', survey: 'final', added: 2, rejected: 0 });
    expect(paths(o)).toEqual(expect.arrayContaining(['data/feedback.csv', 'data/audit.jsonl']));
    expect(o.messages?.at(-1)?.text).toBe('feedback (final): respondents: 2 new, 0 replaced by a later submission, 0 unchanged, 0 rejected, 0 duplicates (from 2 rows)');
    expect(t.stdout()).toBe('');
  });

  it('a dry run of check-ins leaves every byte as it was', async () => {
    const dir = writeWorkspace({ ...smallCohort().files, 'c.csv': CHECKIN(['20/01/2026 10:00:00,zoe.obrien@lse.ac.uk,Meeting 1,19/01/2026']) });
    const before = snapshot(dir);
    const o = await run(testContext(dir, { today: '2026-02-01', opts: { dryRun: true } }).ctx, 'meetings', ['c.csv'], OPTS);
    expect(o).toMatchObject({ dryRun: true, result: { added: 1 } });
    expect(paths(o)).toContain('data/meetings.csv');
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('import pairs and exclusions handler', () => {
  it('pairs: the counts, the refused rows as warnings, the next step', async () => {
    const pairs = 'student_email,mentor_email,note\r\nsam.taylor@lse.ac.uk,helene.lheritier@example.org,met at dinner\r\nnobody@lse.ac.uk,bjorn.akesson@example.net,\r\n';
    const cohort = smallCohort().files;
    // Sam without a pair, so the arranged one can be confirmed.
    const matches = cohort['data/matches.csv']!.split('\r\n').filter((l) => !l.startsWith('sam.taylor')).join('\r\n');
    const dir = writeWorkspace({ ...cohort, 'data/matches.csv': matches, 'pre.csv': pairs });
    const t = testContext(dir, { today: '2025-12-01' });
    const o = await run(t.ctx, 'pairs', ['pre.csv'], { map: [] } as never);
    expect(o.result).toMatchObject({ kind: 'pairs', added: 1, refused: 1, rejectFiles: ['out/rejects/pairs-pre.rejects.csv'] });
    expect(paths(o)).toEqual(expect.arrayContaining(['data/matches.csv', 'out/rejects/pairs-pre.rejects.csv', 'data/audit.jsonl']));
    expect(o.messages).toContainEqual({ level: 'warning', text: 'pre.csv, row 3, column "student_email": no student has this email: import the student first (value "nobody@lse.ac.uk")' });
    expect(o.messages?.at(-1)).toEqual({ level: 'info', text: 'Next: mentorship match proposes for the other students; these pairs are fixed.' });
    expect(nonCamelKeys(o.result)).toEqual([]);
    expect(t.stdout()).toBe('');
  });

  it('exclusions, dry run: the plan, no next step, and every byte as it was', async () => {
    const dir = writeWorkspace({ ...smallCohort().files, 'x.csv': 'student_email,mentor_email,reason\r\nzoe.obrien@lse.ac.uk,helene.lheritier@example.org,line manager\r\n' });
    const before = snapshot(dir);
    const o = await run(testContext(dir, { opts: { dryRun: true } }).ctx, 'exclusions', ['x.csv'], { map: [] } as never);
    expect(o).toMatchObject({ dryRun: true, result: { kind: 'exclusions', added: 1, refused: 0 } });
    expect(paths(o)).toContain('data/exclusions.csv');
    expect(o.messages?.map((m) => m.text)).toEqual(['exclusions: 1 new exclusion(s), 0 already there, 0 row(s) refused.']);
    expect(snapshot(dir)).toEqual(before);
  });
});

// purge: after it, no address or name of a participant is left anywhere in the workspace (every
// file's bytes, every file's path, .mentorship/ included), and `report programme` still works.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFiles, makeWorkspace, runCli, setSurveyLinks, snapshot, tempDir } from '../helpers/cli.js';
import { smallCohort } from '../core/followup/builders.js';
import { keyCount, nonCamelKeys } from '../helpers/json-keys.js';

const SURVEY = [
  'Timestamp,Email Address,How satisfied were you with the programme overall? (1-5),Any other comments?',
  "11/05/2026 08:43:57,zoe.obrien@lse.ac.uk,5,Thank you Bjørn Åkesson!",
  '11/05/2026 09:10:00,bjorn.akesson@example.net,4,Zoë was great',
  '11/05/2026 09:20:00,nobody.known@example.com,4,',
].join('\r\n');
const CHECKIN = ['email,meeting,date', 'zoe.obrien@lse.ac.uk,1,20/01/2026', 'helene.lheritier@example.org,1,22/01/2026', 'ghost.person@example.com,1,22/01/2026'].join('\r\n');

function slug(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/ø/g, 'o').replace(/ł/g, 'l').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** Every way a participant could still be found: address, name as typed, name as a file-name slug. */
function needles(): string[] {
  const { students, mentors } = smallCohort();
  const people = [...students, ...mentors, { email: 'nobody.known@example.com', name: 'Nobody Known' }, { email: 'ghost.person@example.com', name: 'Ghost Person' }];
  return people.flatMap((p) => [p.email, p.email.split('@')[0]!, p.name, slug(p.name), p.name.split(' ')[0]!.length > 3 ? p.name.split(' ')[0]! : p.name]);
}

function setUp(): { dir: string; inputs: string } {
  const dir = makeWorkspace(smallCohort().files);
  setSurveyLinks(dir);
  const inputs = tempDir('mentorship-inputs-');
  fs.writeFileSync(path.join(inputs, 'survey.csv'), SURVEY);
  fs.writeFileSync(path.join(inputs, 'checkin.csv'), CHECKIN);
  const steps: [string[], string][] = [
    [['export'], '2025-12-08'],
    [['emails', 'intro'], '2025-12-08'],
    [['import', 'meetings', path.join(inputs, 'checkin.csv')], '2026-02-01'],
    [['log', 'no-response', 'jose.alvarez@lse.ac.uk', '2', '2026-02-20'], '2026-02-20'],
    [['emails', 'chase', '--as-of', '2026-03-10', '--record'], '2026-03-10'],
    [['report', 'chase', '--as-of', '2026-03-10'], '2026-03-10'],
    [['emails', 'feedback', '--survey', 'final'], '2026-05-11'],
    [['import', 'feedback', '--survey', 'final', path.join(inputs, 'survey.csv')], '2026-05-20'],
    [['report', 'feedback'], '2026-05-20'],
    [['report', 'supply'], '2026-05-20'],
    [['report', 'programme'], '2026-05-20'],
  ];
  for (const [args, today] of steps) {
    const r = runCli(args, { cwd: dir, env: { MENTORSHIP_TODAY: today } });
    if (r.code !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  }
  return { dir, inputs };
}

function leftovers(dir: string): string[] {
  const found: string[] = [];
  const lower = needles().map((n) => n.toLowerCase());
  for (const rel of listFiles(dir)) {
    const bytes = fs.readFileSync(path.join(dir, rel));
    const texts = [bytes.toString('utf8'), bytes.toString('latin1'), bytes.toString('utf16le')].map((t) => t.toLowerCase());
    for (const n of lower) {
      if (rel.toLowerCase().includes(n)) found.push(`${rel}: path holds "${n}"`);
      if (texts.some((t) => t.includes(n))) found.push(`${rel}: holds "${n}"`);
    }
  }
  return found;
}

describe('purge', () => {
  it('removes every trace of the participants and keeps the programme figures', () => {
    const { dir } = setUp();
    // The set-up really did spread personal data around (else this test proves nothing).
    const spread = leftovers(dir);
    for (const where of ['data/students.csv', 'data/feedback.csv', 'data/chases.csv', 'data/no-response.csv', 'out/emails/intro/', 'out/rejects/', 'out/reports/chase.csv', '.mentorship/generated.json']) {
      expect(spread.some((s) => s.startsWith(where)), `${where} in ${spread.join("\n")}`).toBe(true);
    }
    const before = runCli(['report', 'programme', '--json'], { cwd: dir, env: { MENTORSHIP_TODAY: '2026-05-20' } });
    const figures = JSON.parse(before.stdout).result.figures;

    const r = runCli(['purge', '--before', '2026-06-01', '--yes'], { cwd: dir, env: { MENTORSHIP_TODAY: '2026-06-02' } });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Deleted \d+ file\(s\) holding the personal data of 6 people/);
    expect(leftovers(dir)).toEqual([]);
    expect(listFiles(dir).filter((f) => f.startsWith('data/')).sort()).toEqual(['data/aggregates.json', 'data/audit.jsonl']);
    expect(listFiles(dir).filter((f) => f.startsWith('out/'))).toEqual([]);

    const after = runCli(['report', 'programme'], { cwd: dir, env: { MENTORSHIP_TODAY: '2026-06-03' } });
    expect(after.code).toBe(0);
    expect(after.stdout).toMatch(/personal data purged on 2026-06-02; kept figures/);
    expect(after.stdout).toMatch(/applicants\s+4 students, 2 mentors/);
    expect(after.stdout).toMatch(/matched\s+3 students \(75%\), 3 pairs/);
    expect(after.stdout).toMatch(/meetings\s+2 held/);
    const json = JSON.parse(runCli(['report', 'programme', '--json'], { cwd: dir, env: { MENTORSHIP_TODAY: '2026-06-03' } }).stdout);
    expect({ ...json.result.figures, computedOn: '' }).toEqual({ ...figures, computedOn: '' });
    expect(json.result).toMatchObject({ purgedOn: '2026-06-02', figures: { computedOn: '2026-06-02', matching: { matchedStudents: 3 } } });
    expect(keyCount(json.result.figures)).toBeGreaterThan(30);
    expect(nonCamelKeys(json)).toEqual([]);
    expect(fs.readFileSync(path.join(dir, 'out/reports/programme.html'), 'utf8')).toContain('Personal data was deleted on 2026-06-02');
    // The figures file holds no personal data itself.
    expect(leftovers(dir)).toEqual([]);
    // The audit log still says what happened, in counts.
    const audit = fs.readFileSync(path.join(dir, 'data/audit.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(audit.map((a) => a.command)).toContain('emails intro');
    expect(audit.find((a) => a.command === 'purge')).toMatchObject({ people: 6, aggregates_kept: true });
  });

  it('asks for --yes without a terminal, previews with --dry-run, and does nothing before the retention date', () => {
    const dir = makeWorkspace(smallCohort().files);
    runCli(['report', 'programme'], { cwd: dir, env: { MENTORSHIP_TODAY: '2026-05-20' } });
    const before = snapshot(dir);
    const noYes = runCli(['purge', '--before', '2026-06-01'], { cwd: dir, env: { MENTORSHIP_TODAY: '2026-06-02' } });
    expect(noYes.code).toBe(2);
    expect(noYes.stderr).toMatch(/--yes/);
    const dry = runCli(['purge', '--before', '2026-06-01', '--dry-run'], { cwd: dir, env: { MENTORSHIP_TODAY: '2026-06-02' } });
    expect(dry.code).toBe(0);
    expect(dry.stderr).toMatch(/Would delete 6 file\(s\) holding the personal data of 6 people/);
    expect(dry.stderr).toMatch(/would delete data\/students\.csv/);
    expect(dry.stderr).not.toMatch(/It would write|^ {2}delete {2}/m);
    const early = runCli(['purge', '--yes'], { cwd: dir, env: { MENTORSHIP_TODAY: '2027-04-30' } });
    expect(early.code).toBe(0);
    expect(early.stderr).toMatch(/Nothing to purge: personal data is kept until 2027-04-30/);
    expect(snapshot(dir)).toEqual(before);
    // The day after the retention date, a plain purge deletes.
    const due = runCli(['purge', '--yes', '--json'], { cwd: dir, env: { MENTORSHIP_TODAY: '2027-05-01' } });
    const envelope = JSON.parse(due.stdout);
    expect(envelope).toMatchObject({ command: 'purge', dryRun: false, result: { due: true, aggregatesKept: true } });
    expect(envelope.changes).toContainEqual({ path: 'data/students.csv', action: 'delete', bytes: 0 });
    expect(envelope.messages[0].text).toMatch(/^Deleted 6 file\(s\)/);
    expect(keyCount(envelope)).toBeGreaterThan(10);
    expect(nonCamelKeys(envelope)).toEqual([]);
    expect(fs.existsSync(path.join(dir, 'data/students.csv'))).toBe(false);
  });

  it('warns about files it did not make that still name participants, and leaves them alone', () => {
    const dir = makeWorkspace({ ...smallCohort().files, 'notes/my list.txt': 'call zoe.obrien@lse.ac.uk' });
    const r = runCli(['purge', '--before', '2026-06-01', '--yes'], { cwd: dir, env: { MENTORSHIP_TODAY: '2026-06-02' } });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/notes\/my list\.txt mentions participants but was not made by mentorship/);
    expect(fs.existsSync(path.join(dir, 'notes/my list.txt'))).toBe(true);
  });
});

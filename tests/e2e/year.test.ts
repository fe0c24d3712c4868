// The scheme year through the real CLI: init on any day, stale timelines said out loud, next year
// from this one, pairs and exclusions made outside the tool, and the end of the programme.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataFiles } from '../core/followup/builders.js';
import { makeWorkspace, runCli, snapshot, tempDir } from '../helpers/cli.js';

const read = (dir: string, rel: string) => fs.readFileSync(path.join(dir, rel), 'utf8');
const json = (dir: string, rel: string) => JSON.parse(read(dir, rel)) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function initOn(today: string, args: string[] = []): { dir: string; code: number; stderr: string } {
  const parent = tempDir('mentorship-year-');
  const r = runCli(['init', 'ws', ...args], { cwd: parent, env: { MENTORSHIP_TODAY: today } });
  return { dir: path.join(parent, 'ws'), code: r.code, stderr: r.stderr };
}

describe('init writes the year that is running or next to start', () => {
  it.each([
    ['2026-06-01', '2026-27'], ['2026-11-30', '2026-27'], ['2026-12-04', '2026-27'], ['2027-01-15', '2026-27'], ['2027-05-31', '2026-27'], ['2026-05-31', '2025-26'],
  ])('on %s: %s', (today, year) => {
    const { dir, code } = initOn(today);
    expect(code).toBe(0);
    const s = json(dir, 'scheme.json');
    const end = Number(year.slice(0, 4)) + 1;
    expect(s.name).toBe(`EI Alumni Mentorship Programme ${year}`);
    expect(s.timeline.applications_open.slice(0, 7)).toBe(`${year.slice(0, 4)}-11`);
    expect(s.timeline).toMatchObject({ meeting_1_due: `${end}-01-31`, meeting_3_due: `${end}-04-30`, programme_end: `${end}-04-30` });
    expect(s.timeline.feedback.slice(0, 7)).toBe(`${end}-05`);
    expect(s.surveys.final.date).toBe(s.timeline.feedback);
    expect(s.surveys.midway.date.slice(0, 7)).toBe(`${end}-02`);
    expect(read(dir, 'README.txt')).toContain(`workspace for ${year}`);
  });

  it('takes --year, or the year --name gives; a bad year is a usage error', () => {
    const { dir } = initOn('2026-12-04', ['--year', '2027-28']);
    expect(json(dir, 'scheme.json')).toMatchObject({ name: 'EI Alumni Mentorship Programme 2027-28', timeline: { meeting_1_due: '2028-01-31' } });
    expect(json(initOn('2026-12-04', ['--name', 'EI Mentoring 2027-28']).dir, 'scheme.json').timeline.programme_end).toBe('2028-04-30');
    for (const bad of [['--year', '2026-28'], ['--year', '2026'], ['--year', 'next'], ['--year', '2026-27', '--name', 'EI 2025-26']]) {
      const r = initOn('2026-12-04', bad);
      expect(r.code, bad.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/usage error: .*\n\s+(write it as the academic year|make them agree)/);
      expect(fs.existsSync(r.dir)).toBe(false);
    }
  });

  it("the introduction draft names the new year's meeting dates", () => {
    const parent = tempDir('mentorship-year-');
    const at = { cwd: parent, env: { MENTORSHIP_TODAY: '2026-12-04' } };
    expect(runCli(['init', 'ws'], at).code).toBe(0);
    const dir = path.join(parent, 'ws');
    for (const [rel, text] of Object.entries(dataFiles([{ email: 'zoe@lse.ac.uk', name: 'Zoe Ng' }], [{ email: 'ann@example.org', name: 'Ann Lee' }], [{ student: 'zoe@lse.ac.uk', mentor: 'ann@example.org' }]))) {
      fs.writeFileSync(path.join(dir, rel), text);
    }
    const r = runCli(['emails', 'intro'], { cwd: dir, env: { MENTORSHIP_TODAY: '2026-12-07' } });
    expect(r.code).toBe(0);
    const txt = fs.readdirSync(path.join(dir, 'out/emails/intro')).filter((f) => f.endsWith('.txt'));
    expect(txt.length).toBe(2);
    for (const f of txt) {
      const body = read(dir, `out/emails/intro/${f}`);
      expect(body).toContain('Meeting one: by 31 January 2027');
      expect(body).toContain('Meeting three: by 30 April 2027');
      expect(body).not.toMatch(/January 2026|April 2026/);
    }
  });
});

describe('a timeline that does not fit today is said out loud, with the fix', () => {
  const cohort = () => dataFiles(
    [{ email: 'zoe@lse.ac.uk', name: 'Zoe Ng' }, { email: 'max@lse.ac.uk', name: 'Max Ito' }],
    [{ email: 'ann@example.org', name: 'Ann Lee' }],
    [{ student: 'zoe@lse.ac.uk', mentor: 'ann@example.org' }],
  );

  it('a 2025-26 workspace used on 4 December 2026: status, match, confirm, emails and report chase', () => {
    const dir = makeWorkspace(cohort());
    const late = { cwd: dir, env: { MENTORSHIP_TODAY: '2026-12-04' } };
    for (const args of [['status'], ['match', '--dry-run'], ['confirm', '--all', '--dry-run'], ['emails', 'intro', '--dry-run'], ['emails', 'chase', '--dry-run'], ['report', 'chase', '--dry-run']]) {
      const r = runCli(args, late);
      expect(r.stderr, args.join(' ')).toContain('warning: this workspace is for 2025-26: its programme ended on 30 Apr 2026, and today (4 Dec 2026) is in 2026-27.');
      expect(r.stderr, args.join(' ')).toContain('Fix: start 2026-27 from this workspace: mentorship init ../2026-27 --from .');
    }
    // On the right days, nothing is said.
    expect(runCli(['status'], { cwd: dir, env: { MENTORSHIP_TODAY: '2026-02-10' } }).stderr).not.toMatch(/warning/);
  });

  it('a programme that ended, and introductions long past with no pair', () => {
    const dir = makeWorkspace(cohort());
    const r = runCli(['match', '--dry-run'], { cwd: dir, env: { MENTORSHIP_TODAY: '2026-05-05' } });
    expect(r.stderr).toMatch(/warning: the programme ended on 30 Apr 2026: a new pair would have no meetings left in it\.\n\s+Fix: .*timeline\.programme_end/);
    const empty = makeWorkspace();
    const s = runCli(['status'], { cwd: empty, env: { MENTORSHIP_TODAY: '2026-02-10' } });
    expect(s.stderr).toMatch(/warning: the introductions were planned for 8 Dec 2025, 64 days ago, and no pair is confirmed yet.*\n\s+Fix: .*put its dates in scheme\.json/);
  });

  it('a pair confirmed after a due date has that date moved, said in plain words', () => {
    const dir = makeWorkspace(dataFiles([{ email: 'zoe@lse.ac.uk', name: 'Zoe Ng' }], [{ email: 'ann@example.org', name: 'Ann Lee' }], []));
    expect(runCli(['match'], { cwd: dir, env: { MENTORSHIP_TODAY: '2026-02-04' } }).code).toBe(0);
    expect(runCli(['confirm', '--all'], { cwd: dir, env: { MENTORSHIP_TODAY: '2026-02-04' } }).code).toBe(0);
    const r = runCli(['report', 'chase', '--json'], { cwd: dir, env: { MENTORSHIP_TODAY: '2026-02-20' } });
    const pair = JSON.parse(r.stdout).result.pairs[0];
    expect(pair.due[0]).toMatchObject({ scheduled: '2026-01-31', due: '2026-03-30' });
    expect(pair.due[0].why).toMatch(/^confirmed on 4 Feb 2026, 58 days after the programme started \(8 Dec 2025\), so each meeting is due 58 days later than the timeline/);
    expect(pair.action).toBe('ok');
  });
});

describe('the end of the programme', () => {
  it('confirm --completed marks the confirmed pairs completed after the end, not before; status follows', () => {
    const dir = makeWorkspace(dataFiles(
      [{ email: 'zoe@lse.ac.uk', name: 'Zoe Ng' }, { email: 'max@lse.ac.uk', name: 'Max Ito' }],
      [{ email: 'ann@example.org', name: 'Ann Lee' }],
      [{ student: 'zoe@lse.ac.uk', mentor: 'ann@example.org' }, { student: 'max@lse.ac.uk', mentor: 'ann@example.org', status: 'withdrawn' }],
    ));
    const early = runCli(['confirm', '--completed'], { cwd: dir, env: { MENTORSHIP_TODAY: '2026-04-30' } });
    expect(early.code).toBe(2);
    expect(early.stderr).toMatch(/the programme runs until 30 Apr 2026; its pairs complete after that\n\s+run it after the end date/);
    const before = JSON.parse(runCli(['status', '--json'], { cwd: dir, env: { MENTORSHIP_TODAY: '2026-05-02' } }).stdout).result;
    expect(before.stage).toBe('ended');
    expect(before.next[0]).toBe('the programme ended on 30 Apr 2026: mark its 1 pair(s) completed: mentorship confirm --completed');
    expect(before.next.join('\n')).not.toMatch(/mentorship match|report chase/);
    const r = runCli(['confirm', '--completed', '--json'], { cwd: dir, env: { MENTORSHIP_TODAY: '2026-05-02' } });
    const completed = JSON.parse(r.stdout);
    expect(completed).toMatchObject({ command: 'confirm', dryRun: false, result: { completed: 1 } });
    expect(completed.changes.map((c: { path: string }) => c.path)).toEqual(expect.arrayContaining(['data/matches.csv', 'data/audit.jsonl']));
    const matches = read(dir, 'data/matches.csv');
    expect(matches).toMatch(/zoe@lse\.ac\.uk,ann@example\.org,completed,/);
    expect(matches).toMatch(/max@lse\.ac\.uk,ann@example\.org,withdrawn,/);
    const after = JSON.parse(runCli(['status', '--json'], { cwd: dir, env: { MENTORSHIP_TODAY: '2026-05-02' } }).stdout).result;
    expect(after.pairs).toMatchObject({ confirmed: 0, completed: 1, withdrawn: 1 });
    expect(after.next[0]).toMatch(/^ask for feedback/);
    // Run again: nothing left to complete, nothing changed.
    const snap = snapshot(dir);
    expect(JSON.parse(runCli(['confirm', '--completed', '--json'], { cwd: dir, env: { MENTORSHIP_TODAY: '2026-05-03' } }).stdout)).toMatchObject({ result: { completed: 0 } });
    expect(snapshot(dir)).toEqual(snap);
  });
});

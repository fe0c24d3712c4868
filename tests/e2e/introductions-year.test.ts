// Introductions across a year, as an administrator runs them: intro, record, re-match, withdraw,
// intro again. Only the new pair's two drafts appear, every other draft keeps its bytes, the unsent
// drafts of a withdrawn pair are gone, both sides of the ended pairs get a withdrawal notice, an
// edited draft survives, and a recorded pair is never drafted again.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeWorkspace, runCli, snapshot } from '../helpers/cli.js';
import { dataFiles } from '../core/followup/builders.js';

const ZOE = 'zoe.obrien@lse.ac.uk';
const SAM = 'sam.taylor@lse.ac.uk';
const OMAR = 'omar.haddad@lse.ac.uk';
const ANN = 'ann.lee@alumni.example.org';
const BOB = 'bob.stone@alumni.example.org';
const INTRO = 'out/emails/intro';
const at = (today: string) => ({ env: { MENTORSHIP_TODAY: today } });

function run(dir: string, args: string[], today: string) {
  const r = runCli(args, { cwd: dir, ...at(today) });
  expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(0);
  return r;
}

const drafts = (dir: string, folder = INTRO) => new Map([...snapshot(dir)].filter(([f]) => f.startsWith(`${folder}/`) && !f.endsWith('index.csv')));

describe('introductions across a year', () => {
  it('drafts each pair once, records them, and after a withdrawal and a re-match drafts only the new pair', () => {
    const students = [{ email: ZOE, name: "Zoë O'Brien" }, { email: SAM, name: 'Sam Taylor' }, { email: OMAR, name: 'Dr Omar Haddad' }];
    const mentors = [{ email: ANN, name: 'Ann Lee' }, { email: BOB, name: 'Bob Stone' }];
    const dir = makeWorkspace(dataFiles(students, mentors, [{ student: ZOE, mentor: ANN }, { student: SAM, mentor: BOB }]));

    // January: the first introductions, sent and recorded.
    const first = run(dir, ['emails', 'intro'], '2026-01-05');
    expect(first.stderr).toContain('Wrote 4 new introduction drafts');
    const january = drafts(dir);
    expect(january.size).toBe(12);
    const recorded = run(dir, ['emails', 'intro', '--record'], '2026-01-06');
    expect(recorded.stderr).toContain('Wrote 0 new introduction drafts');
    expect(recorded.stderr).toContain('Recorded 2 introductions');
    const log = fs.readFileSync(path.join(dir, 'data/introductions.csv'), 'utf8');
    expect(log).toContain(`${ZOE},${ANN},2026-01-06,intro`);
    expect(log).toContain(`${SAM},${BOB},2026-01-06,intro`);
    expect(drafts(dir)).toEqual(january);

    // February: Omar is matched late and drafted, but the drafts are never sent: he leaves.
    run(dir, ['match'], '2026-02-01');
    run(dir, ['confirm', '--all'], '2026-02-01');
    const feb = run(dir, ['emails', 'intro'], '2026-02-02');
    expect(feb.stderr).toContain('Wrote 2 new introduction drafts');
    expect(feb.stdout).toMatch(/student Dr Omar Haddad <omar\.haddad@lse\.ac\.uk>/);
    // The student's own introduction greets him by name, not by title.
    const omarTxt = [...drafts(dir).keys()].find((f) => f.includes('student-dr-omar-haddad') && f.endsWith('.txt'))!;
    expect(fs.readFileSync(path.join(dir, omarTxt), 'utf8')).toMatch(/^Dear Omar,/);
    run(dir, ['withdraw', OMAR, '--reason', 'took a job abroad'], '2026-02-10');
    // Sam leaves too, after his introduction was sent.
    run(dir, ['withdraw', SAM, '--reason', 'chased more than twice'], '2026-03-02');

    // An administrator personalised Zoë's draft: it is never touched again.
    const zoeTxt = [...january.keys()].find((f) => f.includes('student-zoe') && f.endsWith('.txt'))!;
    fs.appendFileSync(path.join(dir, zoeTxt), 'PS: see you at the reception!\r\n');
    const before = drafts(dir);

    // April: a re-match gives Bob a new student; intro again.
    fs.writeFileSync(path.join(dir, 'data/students.csv'), fs.readFileSync(path.join(dir, 'data/students.csv'), 'utf8').replace(/\r\n$/, `\r\npia.new@lse.ac.uk,"Pia New",Pia,"MSc Conflict Studies",Consulting,,,,,,no,,no,,\r\n`));
    run(dir, ['match'], '2026-04-01');
    run(dir, ['confirm', '--all'], '2026-04-01');
    const april = run(dir, ['emails', 'intro'], '2026-04-02');
    expect(april.stderr).toContain('Wrote 2 new introduction drafts');
    expect(april.stderr).toContain('Removed the unsent drafts of 1 withdrawn pair');
    expect(april.stderr).toContain('Wrote 4 withdrawal notices in out/emails/withdrawal/');
    const after = drafts(dir);
    const added = [...after.keys()].filter((f) => !before.has(f));
    const gone = [...before.keys()].filter((f) => !after.has(f));
    // Only the new pair's two drafts (three files each) appear.
    expect(added).toHaveLength(6);
    expect(added.every((f) => /\/(student-pia-new|mentor-(ann-lee|bob-stone))-/.test(f))).toBe(true);
    // Omar's unsent drafts are gone; every other draft, the edited one included, keeps its bytes.
    expect(gone).toHaveLength(6);
    expect(gone.filter((f) => f.includes('omar')).length).toBe(3);
    for (const [f, bytes] of after) if (before.has(f)) expect(bytes, f).toBe(before.get(f));
    expect(fs.readFileSync(path.join(dir, zoeTxt), 'utf8')).toContain('PS: see you at the reception!');
    // Sam's introductions were sent: they stay.
    expect([...after.keys()].some((f) => f.includes('student-sam-taylor'))).toBe(true);
    const index = fs.readFileSync(path.join(dir, INTRO, 'index.csv'), 'utf8');
    expect(index.split('\r\n').filter((l) => /,yes,/.test(l))).toHaveLength(2);
    expect(index).toContain('2026-01-06');

    // Both sides of both ended pairs get a notice, in the words for who left.
    const notices = [...drafts(dir, 'out/emails/withdrawal').keys()].filter((f) => f.endsWith('.txt'));
    expect(notices).toHaveLength(4);
    const text = (who: string) => fs.readFileSync(path.join(dir, notices.find((f) => f.includes(who))!), 'utf8');
    expect(text('student-sam-taylor')).toContain('students who have to be chased more than twice');
    expect(text('mentor-bob-stone')).toContain('a new one may be introduced to you shortly');
    expect(text('student-dr-omar-haddad')).toContain('your place on the EI Alumni Mentorship Programme 2025-26 has ended (took a job abroad)');

    // Recorded pairs are never drafted again, even with their drafts deleted; notices are recorded too.
    run(dir, ['emails', 'intro', '--record'], '2026-04-03');
    for (const f of after.keys()) if (f.includes('student-zoe')) fs.unlinkSync(path.join(dir, f));
    const may = run(dir, ['emails', 'intro'], '2026-05-01');
    expect(may.stderr).toContain('Wrote 0 new introduction drafts');
    expect(may.stderr).not.toContain('withdrawal notice');
    expect([...drafts(dir).keys()].some((f) => f.includes('student-zoe'))).toBe(false);
  });
});

// A mentor whom a student reports unresponsive, through to the rematch flag and the next match:
// chased at most max_chases times (first reminder, last reminder), then flagged, then replaced.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeWorkspace, runCli } from '../helpers/cli.js';
import { nonCamelKeys } from '../helpers/json-keys.js';
import { dataFiles } from '../core/followup/builders.js';

const ZOE = 'zoe.obrien@lse.ac.uk';
const SAM = 'sam.taylor@lse.ac.uk';
const NINA = 'nina.new@lse.ac.uk';
const BJORN = 'bjorn.akesson@example.net';
const HELENE = 'helene.lheritier@example.org';

const at = (today: string) => ({ env: { MENTORSHIP_TODAY: today } });
const read = (dir: string, rel: string) => fs.readFileSync(path.join(dir, rel), 'utf8');

function workspace(): string {
  const students = [{ email: ZOE, name: "Zoë O'Brien" }, { email: SAM, name: 'Dr Samuel Taylorson' }, { email: NINA, name: 'Nina New' }];
  const mentors = [{ email: BJORN, name: 'Bjørn Åkesson' }, { email: HELENE, name: "Hélène L'Héritier" }];
  const pairs = [{ student: ZOE, mentor: BJORN }, { student: SAM, mentor: BJORN }];
  return makeWorkspace(dataFiles(students, mentors, pairs));
}

function subjects(dir: string): string[] {
  const index = read(dir, 'out/emails/chase/index.csv');
  return [...index.matchAll(/(First|Second|Last) reminder[^,"]*/g)].map((m) => m[0]);
}

describe('a mentor who does not answer', () => {
  it('is chased twice with escalating wording, then the pair is flagged rematch and the next match replaces the mentor', () => {
    const dir = workspace();
    expect(runCli(['log', 'meeting', ZOE, '1', '2026-01-20'], { cwd: dir, ...at('2026-01-21') }).code).toBe(0);
    expect(runCli(['log', 'meeting', ZOE, '2', '2026-02-20'], { cwd: dir, ...at('2026-02-21') }).code).toBe(0);
    expect(runCli(['log', 'no-response', SAM, '1', '2026-02-03'], { cwd: dir, ...at('2026-02-03') }).code).toBe(0);

    const first = runCli(['emails', 'chase', '--record'], { cwd: dir, ...at('2026-02-10') });
    expect(first.code).toBe(0);
    expect(subjects(dir)).toEqual(['First reminder: your first meeting with Dr Samuel Taylorson (EI Alumni Mentorship Programme 2025-26)']);
    const second = runCli(['emails', 'chase', '--record'], { cwd: dir, ...at('2026-03-10') });
    expect(second.code).toBe(0);
    expect(subjects(dir)).toEqual(['Last reminder: your first meeting with Dr Samuel Taylorson (EI Alumni Mentorship Programme 2025-26)']);
    const lastTxt = fs.readdirSync(path.join(dir, 'out/emails/chase')).find((f) => f.endsWith('.txt'))!;
    expect(read(dir, `out/emails/chase/${lastTxt}`)).toContain('this is our last reminder');

    // A third chase is never sent: the pair is flagged rematch, and status says so.
    const third = runCli(['emails', 'chase', '--record', '--json'], { cwd: dir, ...at('2026-04-07') });
    expect(third.code).toBe(0);
    expect(nonCamelKeys(JSON.parse(third.stdout))).toEqual([]);
    const out = JSON.parse(third.stdout).result;
    expect(out.toChase).toEqual([]);
    expect(out.rematch.map((p: { studentEmail: string; action: string }) => [p.studentEmail, p.action])).toEqual([[SAM, 'rematch']]);
    expect(read(dir, 'data/chases.csv').match(new RegExp(BJORN.replace(/\./g, '\\.'), 'g'))).toHaveLength(2);
    const report = runCli(['report', 'chase'], { cwd: dir, ...at('2026-04-07') });
    expect(report.stdout).toMatch(/rematch\s+sam\.taylor@lse\.ac\.uk/);
    const status = runCli(['status'], { cwd: dir, ...at('2026-04-07') });
    expect(status.stdout).toContain(`rematch           ${SAM} (mentor ${BJORN} did not answer)`);
    expect(status.stdout).toMatch(/1 pair\(s\) flagged rematch/);

    // The next match ends the pair, keeps the student and gives both free students to Hélène:
    // Bjørn still has places but takes no new student.
    const matched = runCli(['match', '--json'], { cwd: dir, ...at('2026-04-08') });
    expect(matched.code).toBe(0);
    expect(JSON.parse(matched.stdout).result.endedUnresponsive).toEqual([{ studentEmail: SAM, mentorEmail: BJORN, reason: 'mentor unresponsive after 2 chases (2026-02-10, 2026-03-10)' }]);
    const rows = read(dir, 'data/matches.csv').split('\r\n');
    expect(rows.find((r) => r.startsWith(`${SAM},${BJORN},`))).toMatch(/,withdrawn,.*mentor unresponsive after 2 chases/);
    expect(rows.find((r) => r.startsWith(`${SAM},${HELENE},proposed`))).toBeTruthy();
    expect(rows.find((r) => r.startsWith(`${NINA},${HELENE},proposed`))).toBeTruthy();
    expect(rows.find((r) => r.startsWith(`${ZOE},${BJORN},confirmed`))).toBeTruthy();
    expect(runCli(['status'], { cwd: dir, ...at('2026-04-08') }).stdout).not.toContain('rematch');

    // Unless the administrator says otherwise.
    const why = (extra: string[]) => {
      const envelope = JSON.parse(runCli(['match', '--explain', NINA, '--json', ...extra], { cwd: dir, ...at('2026-04-08') }).stdout);
      // --explain writes nothing: no changes.
      expect(envelope).toMatchObject({ command: 'match', dryRun: false, changes: [] });
      expect(nonCamelKeys(envelope)).toEqual([]);
      const e = envelope.result;
      expect(e.studentEmail).toBe(NINA);
      // Bjørn appears either as Nina's proposed mentor or among her options, with why not.
      return JSON.stringify([e.mentor, ...e.options].filter((o?: { email?: string; mentorEmail?: string }) => o && (o.email ?? o.mentorEmail) === BJORN));
    };
    expect(why([])).toContain('did not answer a student after the last chase');
    expect(why(['--allow-mentor', BJORN])).not.toContain('did not answer');
    expect(why(['--allow-mentor', BJORN])).toContain(BJORN);
  });
});

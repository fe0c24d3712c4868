// Feedback: the survey emails, importing the answers and the feedback report, through the real CLI.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeWorkspace, runCli, setSurveyLinks, snapshot } from '../helpers/cli.js';
import { keyCount, nonCamelKeys } from '../helpers/json-keys.js';
import { smallCohort } from '../core/followup/builders.js';

const HEAD = 'Timestamp,Email Address,How satisfied were you with the programme overall? (1-5),How useful were the meetings? (1-5),Would you recommend the scheme to others?,Any other comments?';
const SURVEY = [
  HEAD,
  '11/05/2026 08:43:57,zoe.obrien@lse.ac.uk,5,4/5,Yes,"Great scheme, my mentor was ""brilliant"".\nThank you!"',
  '11/05/2026 09:10:00,jose.alvarez@lse.ac.uk,3,N/A,Yes,',
  '11/05/2026 10:00:00,bjorn.akesson@example.net,4,,Maybe,Busy year for me.',
  '11/05/2026 11:00:00,stranger@example.com,1,1,No,Who am I?',
  '12/05/2026 09:00:00,sam.taylor@lse.ac.uk,2 - poor,3,Yes,',
].join('\r\n');

const read = (dir: string, rel: string) => fs.readFileSync(path.join(dir, rel), 'utf8');
const at = { env: { MENTORSHIP_TODAY: '2026-05-20' } };

describe('feedback', () => {
  it('imports a Google Forms survey one row per question, rejects unknown respondents, and re-imports to no change', () => {
    const dir = makeWorkspace({ ...smallCohort().files, 'survey.csv': SURVEY });
    const r = runCli(['import', 'feedback', '--survey', 'final', 'survey.csv'], { cwd: dir, ...at });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/feedback \(final\): respondents: 4 new/);
    expect(r.stderr).toMatch(/survey\.csv, row 5, column "Email Address": is not a student or mentor/);
    const data = read(dir, 'data/feedback.csv');
    expect(data.startsWith('\uFEFFrespondent,role,survey,question,answer,submitted_at')).toBe(true);
    expect(data.split('\r\n').filter((l) => l.startsWith('zoe.obrien'))).toHaveLength(4);
    expect(data).toContain('bjorn.akesson@example.net,mentor,final');
    expect(data).not.toContain('stranger');
    expect(read(dir, 'out/rejects/feedback-survey.rejects.csv')).toContain('stranger@example.com');

    const before = snapshot(dir);
    const again = runCli(['import', 'feedback', '--survey', 'final', 'survey.csv', '--json'], { cwd: dir, ...at });
    const envelope = JSON.parse(again.stdout);
    expect(envelope).toMatchObject({ command: 'import feedback', result: { survey: 'final', added: 0, updated: 0, unchanged: 4, rejected: 1 } });
    expect(keyCount(envelope.result)).toBeGreaterThan(10);
    expect(nonCamelKeys(envelope)).toEqual([]);
    const after = snapshot(dir);
    expect(after.get('data/feedback.csv')).toBe(before.get('data/feedback.csv'));

    // A later submission replaces the earlier one of the same person and survey.
    fs.writeFileSync(path.join(dir, 'later.csv'), [HEAD, '15/05/2026 08:00:00,jose.alvarez@lse.ac.uk,4,4,Yes,Changed my mind.'].join('\r\n'));
    const later = runCli(['import', 'feedback', '--survey', 'final', 'later.csv', '--json'], { cwd: dir, ...at });
    expect(JSON.parse(later.stdout).result).toMatchObject({ added: 0, updated: 1 });
    const rows = read(dir, 'data/feedback.csv').split('\r\n').filter((l) => l.startsWith('jose.alvarez'));
    expect(rows).toHaveLength(4);
    expect(rows.join('\n')).toContain('Changed my mind.');
    expect(rows.join('\n')).not.toContain('N/A');
  });

  it('needs a known --survey', () => {
    const dir = makeWorkspace({ ...smallCohort().files, 'survey.csv': SURVEY });
    expect(runCli(['import', 'feedback', 'survey.csv'], { cwd: dir, ...at }).code).toBe(2);
    const unknown = runCli(['import', 'feedback', '--survey', 'nope', 'survey.csv'], { cwd: dir, ...at });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/use one of: midway, final/);
  });

  it('reports response rates by side, rating distributions with non-numeric answers not rated, and comments', () => {
    const dir = makeWorkspace({ ...smallCohort().files, 'survey.csv': SURVEY });
    runCli(['import', 'feedback', '--survey', 'final', 'survey.csv'], { cwd: dir, ...at });
    const r = runCli(['report', 'feedback'], { cwd: dir, ...at });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/students 3\/3 \(100%\), mentors 1\/2 \(50%\)/);
    expect(r.stdout).toMatch(/How satisfied were you with the programme overall\? \(1-5\)\s+4\s+3\.5\s+0\s+1\s+1\s+1\s+1\s+0/);
    expect(r.stdout).toMatch(/How useful were the meetings\? \(1-5\)\s+2\s+3\.5\s+0\s+0\s+1\s+1\s+0\s+1/);
    expect(r.stdout).toMatch(/\[student\] Great scheme, my mentor was "brilliant"\. Thank you!/);
    const json = JSON.parse(runCli(['report', 'feedback', '--survey', 'final', '--json'], { cwd: dir, ...at }).stdout);
    expect(json).toMatchObject({ command: 'report feedback', dryRun: false, result: { files: ['out/reports/feedback.csv', 'out/reports/feedback.xlsx'] } });
    expect(keyCount(json.result.surveys)).toBeGreaterThan(20);
    expect(nonCamelKeys(json)).toEqual([]);
    const q = json.result.surveys[0].questions;
    expect(q.map((x: { kind: string }) => x.kind)).toEqual(['rating', 'rating', 'choice', 'text']);
    expect(q[1]).toMatchObject({ rated: 2, notRated: 1, blank: 1 });
    expect(read(dir, 'out/reports/feedback.csv')).toContain('How useful were the meetings? (1-5)');
    expect(fs.existsSync(path.join(dir, 'out/reports/feedback.xlsx'))).toBe(true);
    expect(runCli(['report', 'feedback', '--survey', 'midway'], { cwd: dir, ...at }).code).toBe(2);
  });

  it('emails feedback drafts one request per participant of an active pair, with the survey link', () => {
    const dir = makeWorkspace(smallCohort().files);
    // init's placeholder link is refused, with the fix, and nothing is drafted.
    const refused = runCli(['emails', 'feedback', '--survey', 'final'], { cwd: dir, ...at });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/surveys\.final\.link is still the placeholder \(https:\/\/forms\.example\.ac\.uk\/ei-mentoring-final\)/);
    expect(refused.stderr).toMatch(/surveys\.final\.link/);
    expect(fs.existsSync(path.join(dir, 'out/emails/feedback'))).toBe(false);
    setSurveyLinks(dir);
    const r = runCli(['emails', 'feedback', '--survey', 'final', '--json'], { cwd: dir, ...at });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ command: 'emails feedback', dryRun: false, result: { survey: 'final', defaulted: false, folder: 'out/emails/feedback' } });
    expect(keyCount(out)).toBeGreaterThan(20);
    expect(nonCamelKeys(out)).toEqual([]);
    // Three students in confirmed pairs and two mentors; the withdrawn student is not asked.
    expect(out.result.drafts.map((d: { recipientEmail: string }) => d.recipientEmail).sort()).toEqual([
      'bjorn.akesson@example.net', 'helene.lheritier@example.org', 'jose.alvarez@lse.ac.uk', 'sam.taylor@lse.ac.uk', 'zoe.obrien@lse.ac.uk',
    ]);
    const txt = fs.readdirSync(path.join(dir, 'out/emails/feedback')).filter((f) => f.endsWith('.txt'));
    expect(txt).toHaveLength(5);
    expect(read(dir, `out/emails/feedback/${txt[0]}`)).toContain('https://forms.office.com/r/ei-mentoring-final');
    // Without --survey, the survey dated nearest to today is used, and said so.
    const dflt = runCli(['emails', 'feedback'], { cwd: dir, env: { MENTORSHIP_TODAY: '2026-02-10' } });
    expect(dflt.stderr).toMatch(/using "midway"/);
  });
});

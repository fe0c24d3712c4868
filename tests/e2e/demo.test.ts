// The demo runs the whole year end to end on the bundled fixtures, through the real CLI.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readCsvBytes } from '../../src/io/csv-read.js';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runCli, tempDir } from '../helpers/cli.js';
import { keyCount, nonCamelKeys } from '../helpers/json-keys.js';

describe('mentorship demo', () => {
  it('runs every step of the year and says which files to open', () => {
    const parent = tempDir('mentorship-demo-');
    const r = runCli(['demo', 'year'], { cwd: parent, timeoutMs: 180_000 });
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.code).toBe(0);
    const dir = path.join(parent, 'year');
    const steps = r.stdout.split('\n').filter((l) => /^\s*\d+\. \d{4}-\d{2}-\d{2}/.test(l));
    // In date order, the year's whole story.
    const days = steps.map((l) => /(\d{4}-\d{2}-\d{2})/.exec(l)![1]!);
    expect(days).toEqual([...days].sort());
    expect(steps.length).toBeGreaterThan(20);
    // Every step ran for real: none is reported as missing, and every figure was found in its step's --json result.
    expect(r.stdout).not.toMatch(/not available yet/);
    expect(steps.filter((l) => /\?|\bdone$/.test(l))).toEqual([]);
    expect(r.stdout).toMatch(/export the permitted profiles\s+149 pairs, each side's permitted fields/);
    expect(r.stdout).toMatch(/check supply against demand\s+149 students, \d+ mentor places/);
    expect(r.stdout).toMatch(/149 students imported, 1 rejected, 1 duplicate/);
    expect(r.stdout).toMatch(/\d+ students matched/);
    expect(r.stdout).toMatch(/meetings recorded, 1 duplicate/);
    expect(r.stdout).toMatch(/2025-11-03  create the workspace\s+2025-26 workspace/);
    expect(r.stdout).toMatch(/first round of chases, in February\s+[1-9]\d* chase drafts, [1-9]\d* chases recorded/);
    const flagged = Number(/who has been chased too often\s+(\d+) students to withdraw/.exec(r.stdout)![1]);
    expect(flagged).toBeGreaterThan(0);
    // The seeds' rule to its end: each flagged student withdrawn, then their mentors matched again.
    expect(steps.filter((l) => /withdraw a student chased more than twice .* withdrawn; mentor \S+@\S+ freed/.test(l))).toHaveLength(flagged);
    expect(r.stdout).toMatch(/import the waiting list \(late applications\)\s+6 students waiting for a mentor/);
    const rematched = /re-match: free places to the waiting list\s+(\d+) new pair\(s\) proposed, (\d+) of them with a mentor freed by a withdrawal/.exec(r.stdout);
    expect(Number(rematched![1])).toBe(6);
    expect(Number(rematched![2])).toBeGreaterThan(0);
    expect(r.stdout).toMatch(/introduce the new pairs\s+12 new drafts for the new pairs/);
    expect(r.stdout).toMatch(/close the programme \(pairs completed\)\s+\d+ pairs completed/);
    // Every response in the survey fixture is from a participant of a pair.
    const responses = readCsvBytes(fs.readFileSync(path.join(FIXTURES, 'feedback-final.csv')), 'f').rows.length - 1;
    expect(r.stdout).toContain(`${responses} respondents, 0 rejected`);
    expect(r.stdout).toMatch(/match rate \d+%, \d+ meetings held, \d+ chases/);
    expect(r.stdout).toContain(path.join(dir, 'out/reports/programme.html'));
    for (const f of ['scheme.json', 'data/students.csv', 'data/matches.csv', 'data/meetings.csv', 'data/chases.csv', 'data/feedback.csv', 'data/aggregates.json', 'out/reports/programme.html', 'out/reports/chase.xlsx', 'out/reports/feedback.xlsx']) {
      expect(fs.existsSync(path.join(dir, f)), f).toBe(true);
    }
    const status = runCli(['status', '--json'], { cwd: dir, env: { MENTORSHIP_TODAY: '2026-05-25' } });
    // 149 from the forms and 6 from the waiting list.
    expect(JSON.parse(status.stdout)).toMatchObject({ command: 'status', result: { students: 155, stage: 'ended' }, changes: [] });

    // A folder that is not empty is refused unless --force, which starts the year again.
    const refused = runCli(['demo', 'year'], { cwd: parent });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/exists and is not empty.*\n.*--force/);
    const again = runCli(['demo', 'year', '--force', '--json'], { cwd: parent, timeoutMs: 180_000 });
    expect(again.code).toBe(0);
    const envelope = JSON.parse(again.stdout);
    // One envelope for the whole year, whatever its steps printed.
    expect(envelope).toMatchObject({ command: 'demo', dryRun: false, result: { workspace: dir, open: expect.arrayContaining([path.join(dir, 'out/reports/programme.html')]) } });
    expect(envelope.changes).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'scheme.json' }), expect.objectContaining({ path: 'out/reports/programme.html', action: 'create' })]));
    expect(keyCount(envelope)).toBeGreaterThan(100);
    expect(nonCamelKeys(envelope)).toEqual([]);
    const json = envelope.result;
    expect(json.steps).toHaveLength(steps.length);
    expect(json.steps.every((s: { status: string }) => s.status === 'done')).toBe(true);
    // --force started from scratch: the chases were recorded once, not twice.
    const first = json.steps.find((s: { step: string }) => s.step === 'first round of chases, in February');
    expect(first.figure).toBe(r.stdout.split('\n').find((l) => l.includes('first round of chases'))!.split(/\s{2,}/).at(-1));
  }, 240_000);
});

// The demo runs the whole year end to end on the bundled fixtures, through the real CLI.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readCsvBytes } from '../../src/io/csv-read.js';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runCli, tempDir } from '../helpers/cli.js';

describe('mentorship demo', () => {
  it('runs every step of the year and says which files to open', () => {
    const parent = tempDir('mentorship-demo-');
    const r = runCli(['demo', 'year'], { cwd: parent, timeoutMs: 180_000 });
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.code).toBe(0);
    const dir = path.join(parent, 'year');
    const steps = r.stdout.split('\n').filter((l) => /^\s*\d+\. \d{4}-\d{2}-\d{2}/.test(l));
    expect(steps).toHaveLength(17);
    // Every step ran for real: none is reported as missing.
    expect(r.stdout).not.toMatch(/not available yet/);
    expect(r.stdout).toMatch(/149 students imported, 1 rejected, 1 duplicate/);
    expect(r.stdout).toMatch(/\d+ students matched/);
    expect(r.stdout).toMatch(/meetings recorded, 1 duplicate/);
    expect(r.stdout).toMatch(/who to chase in February\s+[1-9]\d* to chase/);
    expect(r.stdout).toMatch(/who has been chased too often\s+[1-9]\d* students to withdraw/);
    // Every response in the survey fixture is from a participant of a pair.
    const responses = readCsvBytes(fs.readFileSync(path.join(FIXTURES, 'feedback-final.csv')), 'f').rows.length - 1;
    expect(r.stdout).toContain(`${responses} respondents, 0 rejected`);
    expect(r.stdout).toMatch(/match rate \d+%, \d+ meetings held, \d+ chases/);
    expect(r.stdout).toContain(path.join(dir, 'out/reports/programme.html'));
    for (const f of ['scheme.json', 'data/students.csv', 'data/matches.csv', 'data/meetings.csv', 'data/chases.csv', 'data/feedback.csv', 'data/aggregates.json', 'out/reports/programme.html', 'out/reports/chase.xlsx', 'out/reports/feedback.xlsx']) {
      expect(fs.existsSync(path.join(dir, f)), f).toBe(true);
    }
    const status = runCli(['status', '--json'], { cwd: dir, env: { MENTORSHIP_TODAY: '2026-05-25' } });
    expect(JSON.parse(status.stdout)).toMatchObject({ students: 149 });

    // A folder that is not empty is refused unless --force, which starts the year again.
    const refused = runCli(['demo', 'year'], { cwd: parent });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/exists and is not empty.*\n.*--force/);
    const again = runCli(['demo', 'year', '--force', '--json'], { cwd: parent, timeoutMs: 180_000 });
    expect(again.code).toBe(0);
    const json = JSON.parse(again.stdout);
    expect(json.steps).toHaveLength(17);
    expect(json.steps.every((s: { status: string }) => s.status === 'done')).toBe(true);
    // --force started from scratch: the chases were recorded once, not twice.
    expect(json.steps[10].figure).toBe(r.stdout.split('\n').find((l) => l.includes('draft and record the chases'))!.split(/\s{2,}/).at(-1));
  }, 240_000);
});

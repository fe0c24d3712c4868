// A weekly cycle, as an administrator runs it: the form is downloaded again every week until
// applications close. Week 1 needs --map; week 2 (the same form, more answers) needs no flags; a
// renamed question is reported, and mapping it again replaces the remembered rule.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeWorkspace, runCli } from '../helpers/cli.js';

const HEADER = [
  'Timestamp', 'Email Address', 'What is your full name?', 'What should we call you?', 'Which MSc are you studying?', 'Where would you like to work?',
  'Do you consent to your bio being shared?', 'Private note to the organisers about your bio (not shared)', 'Short bio for your mentor',
].join(',');
const ROWS = [
  '05/11/2025 10:00:00,ann@lse.ac.uk,Ann Lee,Annie,MSc Conflict Studies,Consulting;Law,Yes,please pair me with someone kind,Ann studies conflict.',
  '06/11/2025 10:00:00,bob@lse.ac.uk,Dr Bob Stone,,MSc Conflict Studies,Law,No,private,Bob bio',
  '07/11/2025 10:00:00,cy@lse.ac.uk,Cy Young,,MSc Conflict Studies,Consulting,Yes,,Cy bio',
];
const csv = (header: string, rows: string[]) => [header, ...rows].join('\r\n') + '\r\n';
const MAPS = ['--map', 'What is your full name?=name', '--map', 'Which MSc are you studying?=programme', '--map', 'Where would you like to work?=sectors', '--map', 'What should we call you?=first_name'];
const read = (dir: string, rel: string) => fs.readFileSync(path.join(dir, rel), 'utf8');

describe('remembered mappings', () => {
  it('week 1 with --map, week 2 with no flags, a renamed question reported and replaced', () => {
    const dir = makeWorkspace({ 'week1.csv': csv(HEADER, ROWS.slice(0, 2)), 'week2.csv': csv(HEADER, ROWS) });
    const bare = runCli(['import', 'students', 'week1.csv'], { cwd: dir });
    expect(bare.code).toBe(1);
    expect(bare.stderr).toContain('--map "What is your full name?=name" --map "Which MSc are you studying?=programme" --map "Where would you like to work?=sectors"');

    // A dry run remembers nothing.
    const dry = runCli(['import', 'students', 'week1.csv', '--dry-run', ...MAPS], { cwd: dir });
    expect(dry.code).toBe(0);
    expect(dry.stderr).toContain('would remember in scheme.json');
    expect(read(dir, 'scheme.json')).not.toContain('What is your full name?');

    const week1 = runCli(['import', 'students', 'week1.csv', ...MAPS], { cwd: dir });
    expect(week1.code, week1.stderr).toBe(0);
    expect(week1.stderr).toContain('remembered in scheme.json (mappings.students) for the next import of this form: "What is your full name?" = name');
    const rules = JSON.parse(read(dir, 'scheme.json')).mappings.students as { header?: string; pattern?: string; field: string }[];
    expect(rules.slice(0, 4)).toEqual([
      { header: 'What is your full name?', field: 'name' },
      { header: 'Which MSc are you studying?', field: 'programme' },
      { header: 'Where would you like to work?', field: 'sectors' },
      { header: 'What should we call you?', field: 'first_name' },
    ]);
    // Exact rules come before every pattern rule.
    const lastExact = rules.map((r) => r.header !== undefined).lastIndexOf(true);
    const firstPattern = rules.findIndex((r) => r.pattern !== undefined);
    expect(lastExact).toBeLessThan(firstPattern);
    // The consent question is the consent; the private note stays out of the bio.
    const stored = read(dir, 'data/students.csv');
    expect(stored).toMatch(/ann@lse\.ac\.uk,"Ann Lee",Annie,.*"Ann studies conflict\.",yes,/);
    expect(stored).toMatch(/bob@lse\.ac\.uk,"Dr Bob Stone",Bob,.*"Bob bio",no,/);
    expect(stored).not.toMatch(/,"?please pair me with someone kind"?,/);

    const week2 = runCli(['import', 'students', 'week2.csv', '--json'], { cwd: dir });
    expect(week2.code, week2.stderr).toBe(0);
    expect(JSON.parse(week2.stdout).result).toMatchObject({ imported: 1, rejected: 0, remembered: [] });
    expect(week2.stderr).not.toContain('remembered');

    const renamed = HEADER.replace('Where would you like to work?', 'Your dream industry?');
    fs.writeFileSync(path.join(dir, 'week3.csv'), csv(renamed, ROWS));
    const week3 = runCli(['import', 'students', 'week3.csv'], { cwd: dir });
    expect(week3.code).toBe(1);
    expect(week3.stderr).toContain('The column remembered for sectors, "Where would you like to work?", is not in this file: was the question renamed?');
    expect(week3.stderr).toContain('--map "Your dream industry?=sectors"');
    const fixed = runCli(['import', 'students', 'week3.csv', '--map', 'Your dream industry?=sectors'], { cwd: dir });
    expect(fixed.code, fixed.stderr).toBe(0);
    expect(fixed.stderr).toContain('replaced the remembered column "Where would you like to work?" (sectors)');
    expect(read(dir, 'scheme.json')).not.toContain('Where would you like to work?');
    expect(runCli(['import', 'students', 'week3.csv'], { cwd: dir }).code).toBe(0);

    // A remembered question that is gone while the field is still held is reported, not ignored.
    fs.writeFileSync(path.join(dir, 'week4.csv'), csv(renamed.replace('What should we call you?', 'Nickname'), ROWS));
    const week4 = runCli(['import', 'students', 'week4.csv'], { cwd: dir });
    expect(week4.code, week4.stderr).toBe(0);
    expect(week4.stderr).toContain('no column is headed "What should we call you?" (remembered for first_name) any more');
  });
});

describe('remembered mappings for check-in exports', () => {
  it('a meetings --map is remembered for the next check-in download', () => {
    const students = 'email,name,programme,sectors\r\nzoe@lse.ac.uk,Zoe,MSc Conflict Studies,Law\r\n';
    const mentors = 'email,name,sectors\r\nmona@example.com,Mona,Law\r\n';
    const matches = 'student_email,mentor_email,status,score\r\nzoe@lse.ac.uk,mona@example.com,confirmed,80\r\n';
    const checkin = 'Who are you?,Which one,When did you meet\r\nzoe@lse.ac.uk,1,20/01/2026\r\n';
    const dir = makeWorkspace({ 'data/students.csv': students, 'data/mentors.csv': mentors, 'data/matches.csv': matches, 'checkin.csv': checkin });
    const env = { env: { MENTORSHIP_TODAY: '2026-02-01' } };
    expect(runCli(['import', 'meetings', 'checkin.csv'], { cwd: dir, ...env }).code).toBe(1);
    const first = runCli(['import', 'meetings', 'checkin.csv', '--map', 'Who are you?=email', '--map', 'Which one=meeting', '--map', 'When did you meet=date'], { cwd: dir, ...env });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain('remembered in scheme.json (mappings.meetings)');
    fs.writeFileSync(path.join(dir, 'checkin.csv'), `${checkin}zoe@lse.ac.uk,2,20/01/2026\r\n`);
    const again = runCli(['import', 'meetings', 'checkin.csv'], { cwd: dir, ...env });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('1 new');
  });
});

// Next year from this one: `init --from` on a workspace after a whole demo year.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultScheme } from '../../src/core/scheme/defaults.js';
import { readCsvBytes } from '../../src/io/csv-read.js';
import { FIXTURES, listFiles, runCli, snapshot, tempDir } from '../helpers/cli.js';
import { keyCount, nonCamelKeys } from '../helpers/json-keys.js';

const TEMPLATES = path.resolve(FIXTURES, '../templates');

function table(file: string): Record<string, string>[] {
  const { rows } = readCsvBytes(fs.readFileSync(file), path.basename(file));
  const [head, ...body] = rows;
  return body.map((r) => Object.fromEntries(head!.map((h, i) => [h, r[i] ?? ''])));
}

describe('init --from: next year from this one', () => {
  it('carries settings, mappings and edited templates, writes the new dates, turns every pair into an exclusion, and copies no other personal data', () => {
    const parent = tempDir('mentorship-next-');
    expect(runCli(['demo', 'old'], { cwd: parent, timeoutMs: 180_000 }).code).toBe(0);
    const old = path.join(parent, 'old');
    // The administrator's own settings and edits during the year.
    const scheme = JSON.parse(fs.readFileSync(path.join(old, 'scheme.json'), 'utf8'));
    scheme.matching.weights = { sector: 40, support: 30, programme: 20, location: 10 };
    scheme.mappings.students.unshift({ header: 'Your LSE email', field: 'email' });
    scheme.surveys.final.title = 'How was your year?';
    fs.writeFileSync(path.join(old, 'scheme.json'), JSON.stringify(scheme, null, 2));
    fs.appendFileSync(path.join(old, 'templates/intro-student.hbs'), '\nP.S. Our alumni evening is in March.\n');
    const before = snapshot(old);

    const r = runCli(['init', 'new', '--from', 'old', '--json'], { cwd: parent, env: { MENTORSHIP_TODAY: '2026-06-15' } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const envelope = JSON.parse(r.stdout);
    expect(envelope).toMatchObject({ command: 'init', dryRun: false, result: { year: '2026-27', from: { year: '2025-26', editedTemplates: ['intro-student.hbs'] } } });
    expect(envelope.changes.map((c: { path: string }) => c.path)).toEqual(expect.arrayContaining(['scheme.json', 'data/exclusions.csv', 'templates/intro-student.hbs']));
    expect(keyCount(envelope)).toBeGreaterThan(10);
    expect(nonCamelKeys(envelope)).toEqual([]);
    expect(snapshot(old)).toEqual(before);

    const dir = path.join(parent, 'new');
    const next = JSON.parse(fs.readFileSync(path.join(dir, 'scheme.json'), 'utf8'));
    expect(next.name).toBe('EI Alumni Mentorship Programme 2026-27');
    expect(next.matching.weights).toEqual({ sector: 40, support: 30, programme: 20, location: 10 });
    expect(next.mappings.students[0]).toEqual({ header: 'Your LSE email', field: 'email' });
    expect(next.vocabularies).toEqual(scheme.vocabularies);
    expect(next.sharing).toEqual(scheme.sharing);
    expect(next.surveys.final).toMatchObject({ title: 'How was your year?', date: '2027-05-10', link: 'https://forms.example.ac.uk/ei-mentoring-final' });
    expect(next.timeline).toMatchObject({ applications_open: '2026-11-02', introductions: '2026-12-07', meeting_1_due: '2027-01-31', programme_end: '2027-04-30', grace_days: scheme.timeline.grace_days });
    expect(fs.readFileSync(path.join(dir, 'templates/intro-student.hbs'), 'utf8')).toContain('P.S. Our alumni evening is in March.');
    expect(fs.readFileSync(path.join(dir, 'templates/intro-mentor.hbs'))).toEqual(fs.readFileSync(path.join(TEMPLATES, 'intro-mentor.hbs')));

    // Every pair of the old year, confirmed, completed or withdrawn, is an exclusion.
    const pairs = table(path.join(old, 'data/matches.csv')).filter((m) => m.status !== 'proposed');
    expect(pairs.some((p) => p.status === 'withdrawn')).toBe(true);
    expect(pairs.some((p) => p.status === 'completed')).toBe(true);
    const exclusions = table(path.join(dir, 'data/exclusions.csv'));
    const key = (x: Record<string, string>) => `${x.student_email}|${x.mentor_email}`;
    expect(new Set(exclusions.map(key))).toEqual(new Set(pairs.map(key)));
    expect(exclusions.every((e) => e.reason === 'paired in 2025-26')).toBe(true);

    // No other personal data: search every byte of the new workspace for every value the old one
    // holds about a person (defaults the tool ships are not theirs).
    const files = listFiles(dir);
    expect(files).toEqual(expect.arrayContaining(['scheme.json', 'data/exclusions.csv', 'templates/intro-student.hbs']));
    expect(files.filter((f) => f.startsWith('data/'))).toEqual(['data/exclusions.csv']);
    const shipped = JSON.stringify(defaultScheme()) + fs.readdirSync(TEMPLATES).map((f) => fs.readFileSync(path.join(TEMPLATES, f), 'utf8')).join('');
    const people = [...table(path.join(old, 'data/students.csv')), ...table(path.join(old, 'data/mentors.csv'))];
    const personal = ['name', 'first_name', 'linkedin', 'bio', 'job_role', 'employer', 'city'];
    const needles = [...new Set(people.flatMap((p) => personal.map((f) => p[f] ?? '')))].filter((v) => v.length >= 4 && !shipped.includes(v));
    expect(needles.length).toBeGreaterThan(300);
    const emails = new Set(people.map((p) => p.email ?? '').filter(Boolean));
    const paired = new Set(pairs.flatMap((p) => [p.student_email ?? '', p.mentor_email ?? '']));
    let scanned = 0;
    for (const f of files) {
      const text = fs.readFileSync(path.join(dir, f)).toString('utf8');
      scanned += text.length;
      for (const n of needles) expect(text.includes(n), `${f} holds "${n}"`).toBe(false);
      for (const e of emails) if (text.includes(e)) expect(f === 'data/exclusions.csv' && paired.has(e), `${f} holds ${e}`).toBe(true);
    }
    expect(scanned).toBeGreaterThan(10_000);

    // Matching next year never gives anybody last year's mentor.
    const at = { cwd: dir, env: { MENTORSHIP_TODAY: '2026-11-28' } };
    expect(runCli(['import', 'students', path.join(FIXTURES, 'students-msforms.xlsx')], at).code).toBe(0);
    expect(runCli(['import', 'mentors', path.join(FIXTURES, 'mentors-googleforms.csv')], at).code).toBe(0);
    expect(runCli(['match'], at).code).toBe(0);
    const proposed = table(path.join(dir, 'data/matches.csv'));
    expect(proposed.length).toBeGreaterThan(100);
    const excluded = new Set(exclusions.map(key));
    expect(proposed.filter((m) => excluded.has(key(m)))).toEqual([]);

    // A second year from the same workspace is refused for the same or an earlier year.
    const again = runCli(['init', 'other', '--from', 'old', '--year', '2025-26'], { cwd: parent, env: { MENTORSHIP_TODAY: '2026-06-15' } });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/the new one must be a later year\n\s+use --year 2026-27/);
  }, 240_000);
});

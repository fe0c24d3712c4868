import { describe, expect, it } from 'vitest';
import { defaultScheme } from '../../../src/core/scheme/defaults.js';
import { carriedExclusions, nextYearScheme } from '../../../src/core/scheme/next-year.js';
import { parseScheme } from '../../../src/core/scheme/schema.js';
import { makeExclusion, makeMatch, makeMentor, makeStudent } from '../match/builders.js';

describe('next year from this one', () => {
  it("keeps the settings, writes the new year's dates and placeholder links, and renames the year", () => {
    const old = defaultScheme(undefined, 2025) as unknown as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    old.matching.weights.sector = 70;
    old.timeline.grace_days = 10;
    old.surveys.final.link = 'https://forms.office.com/r/final-2025';
    old.surveys.pulse = { title: 'Pulse', link: 'https://forms.office.com/r/pulse', date: '2026-03-02' };
    const next = nextYearScheme(old, 2025, 2026) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(parseScheme(next).ok).toBe(true);
    expect(next.name).toBe('EI Alumni Mentorship Programme 2026-27');
    expect(next.matching.weights.sector).toBe(70);
    expect(next.timeline).toMatchObject({ applications_open: '2026-11-02', programme_end: '2027-04-30', grace_days: 10 });
    expect(next.surveys.final).toEqual({ title: 'End of programme feedback', link: 'https://forms.example.ac.uk/ei-mentoring-final', date: '2027-05-10' });
    expect(next.surveys.pulse.date).toBe('2027-03-02');
    expect(old.surveys.final.link).toBe('https://forms.office.com/r/final-2025');
    expect(nextYearScheme({ ...old, name: 'Our scheme' }, 2025, 2026).name).toBe('Our scheme');
  });

  it('every pair made becomes "paired in", every exclusion "excluded in", earlier years kept', () => {
    const [s1, s2, s3] = ['a@x', 'b@x', 'c@x'].map((email) => makeStudent({ email }));
    const m = makeMentor({ email: 'm@x' });
    const got = carriedExclusions(
      [makeMatch(s1!, m, { status: 'completed' }), makeMatch(s2!, m, { status: 'withdrawn', reason: 'student left: ill' }), makeMatch(s3!, m, { status: 'proposed' })],
      [makeExclusion(s3!, m, 'her uncle'), makeExclusion(makeStudent({ email: 'd@x' }), m, 'paired in 2024-25')],
      2025, '2026-06-15T10:00:00',
    );
    expect(got.map((e) => [e.student_email, e.reason])).toEqual([
      ['a@x', 'paired in 2025-26'], ['b@x', 'paired in 2025-26'], ['c@x', 'excluded in 2025-26'], ['d@x', 'paired in 2024-25'],
    ]);
    expect(JSON.stringify(got)).not.toMatch(/uncle|ill/);
  });
});

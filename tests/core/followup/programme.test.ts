import { describe, expect, it } from 'vitest';
import { bandOf, programmeFigures, type ProgrammeInput } from '../../../src/core/followup/programme.js';
import { PROGRAMME_CSP, renderProgrammeHtml } from '../../../src/core/report/programme-html.js';
import { escapeHtml } from '../../../src/core/report/charts.js';
import type { FeedbackAnswer } from '../../../src/core/types.js';
import { chase, meeting, mentor, pair, scheme, student } from './builders.js';

const fb = (respondent: string, role: 'student' | 'mentor', question: string, answer: string): FeedbackAnswer => ({ respondent, role, survey: 'final', question, answer, submitted_at: '' });
const SAT = 'How satisfied were you overall? (1-5)';

function input(): ProgrammeInput {
  return {
    scheme: scheme(),
    today: '2026-05-25',
    students: ['a', 'b', 'c', 'd', 'e'].map((x) => student(`${x}@lse.ac.uk`, `Student ${x.toUpperCase()}`)),
    mentors: [mentor('m1@example.com', 'Mentor One'), mentor('m2@example.com', 'Mentor Two')],
    matches: [
      pair('a@lse.ac.uk', 'm1@example.com', { score: 90 }),
      pair('b@lse.ac.uk', 'm1@example.com', { score: 80 }),
      pair('c@lse.ac.uk', 'm2@example.com', { score: 40, shared_sectors: [] }),
      pair('d@lse.ac.uk', 'm2@example.com', { score: 60, status: 'withdrawn' }),
    ],
    meetings: [
      meeting('a@lse.ac.uk', 'm1@example.com', 1, '2026-01-10'), meeting('a@lse.ac.uk', 'm1@example.com', 2, '2026-02-10'),
      meeting('a@lse.ac.uk', 'm1@example.com', 3, '2026-04-10'), meeting('b@lse.ac.uk', 'm1@example.com', 1, '2026-01-20'),
      meeting('d@lse.ac.uk', 'm2@example.com', 1, '2026-01-05'),
    ],
    chases: [chase('c@lse.ac.uk', '2026-02-08'), chase('c@lse.ac.uk', '2026-02-15'), chase('m2@example.com', '2026-02-15', 'mentor')],
    feedback: [
      fb('a@lse.ac.uk', 'student', SAT, '5'), fb('a@lse.ac.uk', 'student', 'Comments', 'Thanks <b>Mentor One</b>!'),
      fb('b@lse.ac.uk', 'student', SAT, '4/5'), fb('c@lse.ac.uk', 'student', SAT, '2'),
      fb('m1@example.com', 'mentor', SAT, '3'), fb('m2@example.com', 'mentor', SAT, 'N/A'),
      ...['a', 'b', 'c'].map((x) => fb(`${x}@lse.ac.uk`, 'student', 'Recommend?', 'Yes')),
      fb('m1@example.com', 'mentor', 'Recommend?', 'Ask Student E'),
    ],
  };
}

describe('programme figures', () => {
  const f = programmeFigures(input());

  it('applicants, match rate and shared sectors count active pairs only', () => {
    expect(f.applicants).toEqual({ students: 5, mentors: 2, places: 4 });
    expect(f.matching).toMatchObject({ matched_students: 3, match_rate: 0.6, pairs: 3, withdrawn: 1, mentors_used: 2, shared_sector_pairs: 2, shared_sector_rate: 0.6667, mean_score: 70 });
  });

  it('meetings per pair and by month, for active pairs', () => {
    expect(f.meetings).toMatchObject({ total: 4, per_pair: [1, 1, 0, 1], mean_per_pair: 1.33, all_three_rate: 0.3333 });
    expect(f.meetings.by_month).toEqual([{ month: '2026-01', count: 2 }, { month: '2026-02', count: 1 }, { month: '2026-04', count: 1 }]);
    expect(f.chases).toMatchObject({ total: 3, students_chased: 1, mentors_chased: 1, withdrawals: 1 });
  });

  it('satisfaction by match-score band: students by their pair, mentors by the mean of their pairs', () => {
    expect([0, 49.99, 50, 69.9, 70, 84.99, 85, 100].map(bandOf)).toEqual(['under 50', 'under 50', '50-70', '50-70', '70-85', '70-85', '85+', '85+']);
    expect(f.satisfaction!.question).toBe(SAT);
    // a: 90 -> 85+ (5); b: 80 -> 70-85 (4); c: 40 -> under 50 (2); m1: mean 85 -> 85+ (3); m2 "N/A" is not a rating.
    expect(f.satisfaction!.bands).toEqual([
      { band: 'under 50', pairs: 1, ratings: 1, mean: 2 },
      { band: '50-70', pairs: 0, ratings: 0, mean: null },
      { band: '70-85', pairs: 1, ratings: 1, mean: 4 },
      { band: '85+', pairs: 1, ratings: 2, mean: 4 },
    ]);
  });

  it('keep no address, no name and no comment: rare answers become "(other)"', () => {
    const json = JSON.stringify(f);
    expect(json).not.toMatch(/@/);
    expect(json).not.toMatch(/Student [A-E]|Mentor (One|Two)|Thanks/);
    const rec = f.feedback[0]!.questions.find((q) => q.question === 'Recommend?')!;
    expect(rec.choices).toEqual([{ value: 'Yes', count: 3 }, { value: '(other)', count: 1 }]);
    expect(f.feedback[0]!.questions.find((q) => q.question === 'Comments')!.kind).toBe('text');
  });
});

describe('programme HTML', () => {
  const f = programmeFigures(input());

  it('is self-contained: a CSP that forbids fetching, no scripts, links or external resources', () => {
    const html = renderProgrammeHtml(f);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${PROGRAMME_CSP}">`);
    expect(PROGRAMME_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|\bsrc=|\bhref=/i);
    // The only URL is the SVG namespace, which is a name, not something fetched.
    const urls = html.match(/https?:\/\/[^\s"'<>]+/g) ?? [];
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.every((u) => u === 'http://www.w3.org/2000/svg')).toBe(true);
  });

  it('draws the five charts as inline SVG', () => {
    const html = renderProgrammeHtml(f);
    expect((html.match(/<svg /g) ?? []).length).toBeGreaterThanOrEqual(6);
    for (const title of ['Match rate', 'Meetings held by month', 'Response rates (%)', 'Ratings by question (mean, 1-5)', 'Mean satisfaction by match-score band']) {
      expect(html).toContain(`<title>${escapeHtml(title)}</title>`);
    }
  });

  it('escapes every text it shows', () => {
    const hostile = programmeFigures({ ...input(), scheme: scheme((raw) => (raw.name = 'EI <script>alert("x")</script> & Co')) });
    hostile.feedback[0]!.questions[0]!.question = '<img src=x onerror=alert(1)>';
    const html = renderProgrammeHtml(hostile);
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('EI &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
  });

  it('says when the figures outlived a purge, and copes with no data at all', () => {
    expect(renderProgrammeHtml(f, { purged: '2027-05-02' })).toContain('Personal data was deleted on 2027-05-02');
    const empty = programmeFigures({ ...input(), students: [], mentors: [], matches: [], meetings: [], chases: [], feedback: [] });
    expect(empty.matching.match_rate).toBeNull();
    expect(empty.satisfaction).toBeNull();
    expect(renderProgrammeHtml(empty)).toContain('no data yet');
  });
});

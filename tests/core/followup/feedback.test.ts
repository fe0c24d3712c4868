import { describe, expect, it } from 'vitest';
import { defaultSurvey, mergeFeedback, parseFeedbackRows, parseRating, planFeedbackColumns, type Submission } from '../../../src/core/followup/feedback.js';
import { classify, summariseSurvey } from '../../../src/core/followup/feedback-report.js';
import { detectLayout } from '../../../src/core/import/layout.js';
import type { FeedbackAnswer, Role } from '../../../src/core/types.js';
import { pair, scheme } from './builders.js';

const s = scheme();

describe('ratings', () => {
  it.each([['4', 4], [' 5 ', 5], ['4/5', 4], ['4 / 5', 4], ['3 out of 5', 3], ['4 - Good', 4], ['5 (Excellent)', 5], ['1: poor', 1], ['4.0', 4], ['2 stars', 2]])(
    '%s is %s',
    (text, n) => expect(parseRating(text)).toBe(n),
  );
  it.each(['', 'N/A', 'n/a', 'Very good', '10', '0', '6', '3.5', '1-5', '-', 'four'])('%s is not a rating', (text) => {
    expect(parseRating(text)).toBeNull();
  });

  it('a question is a rating question when most answers are ratings; text and choices are told apart', () => {
    expect(classify(['4', '5', 'N/A', '', '4/5'])).toBe('rating');
    expect(classify(['N/A', 'N/A', 'N/A', '4'])).toBe('choice');
    expect(classify(['N/A', 'N/A', '4'])).toBe('text');
    expect(classify(['Yes', 'No', 'Yes', 'Maybe', 'Yes'])).toBe('choice');
    expect(classify(['Great scheme, thank you!', 'More structure would help.', ''])).toBe('text');
    expect(classify(['', ''])).toBe('text');
  });
});

const HEADERS = ['Timestamp', 'Email Address', 'How satisfied were you overall? (1-5)', 'How useful were the meetings? (1-5)', 'Would you recommend it?', 'Any other comments?'];
const roles: Record<string, Role> = { 'ann@lse.ac.uk': 'student', 'bob@lse.ac.uk': 'student', 'mo@example.com': 'mentor' };

function parse(lines: string[][]) {
  const table = [HEADERS, ...lines];
  const layout = detectLayout(table, 'auto', s);
  const columns = planFeedbackColumns(layout, s, new Map());
  return { columns, ...parseFeedbackRows({ file: 'f.csv', rows: table, rowNumbers: table.map((_, i) => i + 1), layout, columns, roleOf: (e) => roles[e] ?? null, dateOrder: 'DMY' }) };
}

describe('survey rows', () => {
  it('every non-metadata column but the email is a question; missing answers are kept blank', () => {
    const r = parse([['11/05/2026 08:43:57', 'Ann@LSE.ac.uk', '4', '', 'Yes', '']]);
    expect(r.columns.questions.map((q) => q.question)).toEqual(HEADERS.slice(2));
    expect(r.rejects).toEqual([]);
    expect(r.submissions[0]).toMatchObject({ respondent: 'ann@lse.ac.uk', role: 'student', submitted_at: '2026-05-11T08:43:57', row: 2 });
    expect(r.submissions[0]!.answers.map((a) => a.answer)).toEqual(['4', '', 'Yes', '']);
  });

  it('an unknown respondent is a rejected row naming the email column', () => {
    const r = parse([['11/05/2026 08:43:57', 'stranger@example.com', '4', '4', 'Yes', ''], ['11/05/2026 09:00:00', '', '4', '4', 'Yes', '']]);
    expect(r.submissions).toEqual([]);
    expect(r.rejects.map((x) => [x.row, x.problems[0]!.column, x.problems[0]!.reason.slice(0, 30)])).toEqual([
      [2, 'Email Address', 'is not a student or mentor in '],
      [3, 'Email Address', 'the email is missing'],
    ]);
  });
});

const sub = (respondent: string, submitted_at: string, answers: string[], row = 2): Submission => ({
  respondent, role: roles[respondent]!, submitted_at, file: 'f.csv', row, answers: answers.map((answer, i) => ({ question: `Q${i + 1}`, answer })),
});

describe('merging feedback', () => {
  it('stores one row per question; the same file again changes nothing', () => {
    const first = mergeFeedback([], [sub('ann@lse.ac.uk', '2026-05-11T08:00:00', ['4', 'ok'])], 'final');
    expect(first.answers).toEqual([
      { respondent: 'ann@lse.ac.uk', role: 'student', survey: 'final', question: 'Q1', answer: '4', submitted_at: '2026-05-11T08:00:00' },
      { respondent: 'ann@lse.ac.uk', role: 'student', survey: 'final', question: 'Q2', answer: 'ok', submitted_at: '2026-05-11T08:00:00' },
    ]);
    const again = mergeFeedback(first.answers, [sub('ann@lse.ac.uk', '2026-05-11T08:00:00', ['4', 'ok'])], 'final');
    expect(again).toMatchObject({ added: 0, replaced: 0, unchanged: 1 });
    expect(again.answers).toEqual(first.answers);
  });

  it('a later submission replaces an earlier one in place; an older one is ignored; other surveys are untouched', () => {
    const base = mergeFeedback([], [sub('ann@lse.ac.uk', '2026-05-11T08:00:00', ['4']), sub('bob@lse.ac.uk', '2026-05-11T09:00:00', ['3'])], 'final').answers;
    const midway = mergeFeedback(base, [sub('ann@lse.ac.uk', '2026-02-16T08:00:00', ['2'])], 'midway').answers;
    const later = mergeFeedback(midway, [sub('ann@lse.ac.uk', '2026-05-12T08:00:00', ['5'])], 'final');
    expect(later).toMatchObject({ replaced: 1, added: 0 });
    expect(later.answers.map((a) => [a.survey, a.respondent, a.answer])).toEqual([['final', 'ann@lse.ac.uk', '5'], ['final', 'bob@lse.ac.uk', '3'], ['midway', 'ann@lse.ac.uk', '2']]);
    const older = mergeFeedback(later.answers, [sub('ann@lse.ac.uk', '2026-05-10T08:00:00', ['1'])], 'final');
    expect(older).toMatchObject({ older: 1, replaced: 0 });
    expect(older.answers).toEqual(later.answers);
  });

  it('two submissions in one file: the later wins and the duplicate is reported', () => {
    const r = mergeFeedback([], [sub('ann@lse.ac.uk', '2026-05-12T08:00:00', ['5'], 3), sub('ann@lse.ac.uk', '2026-05-11T08:00:00', ['2'], 2)], 'final');
    expect(r.answers.map((a) => a.answer)).toEqual(['5']);
    expect(r.duplicates).toEqual([{ respondent: 'ann@lse.ac.uk', kept: 'f.csv row 3', dropped: 'f.csv row 2' }]);
  });
});

describe('feedback summary', () => {
  const answer = (respondent: string, role: Role, question: string, a: string): FeedbackAnswer => ({ respondent, role, survey: 'final', question, answer: a, submitted_at: '' });
  it('response rates by side, distributions, means, not-rated answers and comments', () => {
    const answers = [
      answer('ann@lse.ac.uk', 'student', 'Satisfied?', '4/5'), answer('ann@lse.ac.uk', 'student', 'Comments', 'Great "scheme"'),
      answer('bob@lse.ac.uk', 'student', 'Satisfied?', 'N/A'), answer('bob@lse.ac.uk', 'student', 'Comments', ''),
      answer('mo@example.com', 'mentor', 'Satisfied?', '2 - poor'), answer('mo@example.com', 'mentor', 'Comments', 'Busy year'),
      answer('old@lse.ac.uk', 'student', 'Satisfied?', '5'), answer('old@lse.ac.uk', 'student', 'Comments', ''),
    ];
    const matches = [pair('ann@lse.ac.uk', 'mo@example.com'), pair('bob@lse.ac.uk', 'mo@example.com'), pair('cy@lse.ac.uk', 'zed@example.com'), pair('old@lse.ac.uk', 'mo@example.com', { status: 'withdrawn' })];
    const r = summariseSurvey('final', 'Final', answers, matches);
    expect(r.students).toEqual({ participants: 3, responded: 2, rate: 0.6667, others: 1 });
    expect(r.mentors).toEqual({ participants: 2, responded: 1, rate: 0.5, others: 0 });
    const q = r.questions[0]!;
    expect(q).toMatchObject({ kind: 'rating', answered: 4, rated: 3, notRated: 1, distribution: [0, 1, 0, 1, 1], mean: 3.67, meanStudents: 4.5, meanMentors: 2 });
    expect(r.comments).toEqual([{ role: 'student', question: 'Comments', comment: 'Great "scheme"' }, { role: 'mentor', question: 'Comments', comment: 'Busy year' }]);
  });
});

describe('default survey', () => {
  it('is the survey dated nearest to today, the later on a tie, else final', () => {
    expect(defaultSurvey(s, '2026-01-01')).toBe('midway');
    expect(defaultSurvey(s, '2026-03-29')).toBe('midway');
    // 30 March is 42 days from both: the later survey.
    expect(defaultSurvey(s, '2026-03-30')).toBe('final');
    expect(defaultSurvey(s, '2027-01-01')).toBe('final');
    const tie = scheme((raw) => (raw.surveys = { a: { title: 'A', link: 'x', date: '2026-01-01' }, b: { title: 'B', link: 'x', date: '2026-01-11' } }));
    expect(defaultSurvey(tie, '2026-01-06')).toBe('b');
    expect(defaultSurvey(scheme((raw) => (raw.surveys = {})), '2026-01-06')).toBe('final');
  });
});

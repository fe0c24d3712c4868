import { describe, expect, it } from 'vitest';
import { DataError } from '../../../src/errors.js';
import { applyDecisions, type ApplyInput, parseDecision, readReview, type ReviewLine } from '../../../src/core/match/review.js';
import { withdrawalReason } from '../../../src/core/match/rules.js';
import { makeExclusion, makeMatch, makeMentor, makeScheme, makeStudent } from './builders.js';

const HEADER = ['decision', 'student_name', 'student_email', 'mentor_name', 'mentor_email'];

function table(rows: string[][], first = 1) {
  return { file: 'review.csv', rows, rowNumbers: rows.map((_, i) => i + first) };
}

function dataError(fn: () => unknown): DataError {
  try {
    fn();
  } catch (err) {
    if (err instanceof DataError) return err;
    throw err;
  }
  throw new Error('expected a DataError');
}

describe('reading decisions', () => {
  it('understands approve, reject, an email, and blank, in any case', () => {
    expect(parseDecision(' Approve ', 'm@x.org')).toEqual({ kind: 'approve' });
    expect(parseDecision('REJECTED', 'm@x.org')).toEqual({ kind: 'reject' });
    expect(parseDecision('Other@X.org', 'm@x.org')).toEqual({ kind: 'reassign', mentor: 'other@x.org' });
    expect(parseDecision('mailto:m@x.org', 'm@x.org')).toEqual({ kind: 'approve' });
    expect(parseDecision('', 'm@x.org')).toEqual({ kind: 'none' });
    expect(parseDecision('maybe', 'm@x.org')).toBeNull();
  });

  it('finds the header row below a title and reads each line with its spreadsheet row', () => {
    const lines = readReview(
      table([
        ['Matching review, November'],
        ['Decision', 'Student name', 'Student email', 'Mentor name', 'Mentor_Email'],
        ['approve', 'A', 'A@uni.example', 'M', 'm@alumni.example'],
        ['', 'B', 'b@uni.example', 'M', 'm@alumni.example'],
      ]),
    );
    expect(lines).toEqual([
      { row: 3, student_email: 'a@uni.example', mentor_email: 'm@alumni.example', decision: { kind: 'approve' } },
      { row: 4, student_email: 'b@uni.example', mentor_email: 'm@alumni.example', decision: { kind: 'none' } },
    ]);
  });

  it('names the row, the column and the fix for a decision it does not understand', () => {
    const e = dataError(() => readReview(table([HEADER, ['aprove', 'A', 'a@uni.example', 'M', 'm@alumni.example']])));
    expect(e.where).toEqual({ file: 'review.csv', row: 2, column: 'decision' });
    expect(e.message).toBe('"aprove" is not a decision');
    expect(e.fix).toMatch(/approve or reject, a mentor's email/);
  });

  it('rejects a sheet without the machine-readable columns, and two decisions for one student', () => {
    expect(dataError(() => readReview(table([['name', 'email'], ['A', 'a@x.org']]))).message).toMatch(/no header row with the columns decision, student_email and mentor_email/);
    const twice = dataError(() =>
      readReview(table([HEADER, ['approve', 'A', 'a@uni.example', 'M', 'm@alumni.example'], ['reject', 'A', 'a@uni.example', 'M', 'm@alumni.example']])),
    );
    expect(twice.message).toBe('a second decision for a@uni.example (the first is on row 2)');
    expect(twice.where.row).toBe(3);
  });
});

describe('applying decisions', () => {
  const scheme = makeScheme();
  const [a, b, c, d] = [makeStudent(), makeStudent(), makeStudent(), makeStudent()];
  const m1 = makeMentor({ capacity: 2 });
  const m2 = makeMentor({ capacity: 1, sectors: ['Law'] });
  const m3 = makeMentor({ capacity: 1 });
  const proposed = (s: typeof a, m: typeof m1) => makeMatch(s, m, { status: 'proposed', decided_at: '' });
  const base: Omit<ApplyInput, 'lines'> = {
    file: 'review.xlsx',
    matches: [proposed(a, m1), proposed(b, m1), proposed(c, m2), makeMatch(d, m3)],
    exclusions: [],
    students: [a, b, c, d],
    mentors: [m1, m2, m3],
    scheme,
    at: '2025-11-26T09:00:00',
  };
  const line = (row: number, s: typeof a, m: typeof m1, decision: ReviewLine['decision']): ReviewLine => ({ row, student_email: s.email, mentor_email: m.email, decision });

  it('confirms approvals, drops rejections into exclusions, and leaves blanks proposed', () => {
    const r = applyDecisions({ ...base, lines: [line(2, a, m1, { kind: 'approve' }), line(3, b, m1, { kind: 'reject' }), line(4, c, m2, { kind: 'none' })] });
    expect(r).toMatchObject({ approved: 1, rejected: 1, undecided: 1, reassigned: [] });
    expect(r.matches.map((m) => [m.student_email, m.status])).toEqual([[a.email, 'confirmed'], [c.email, 'proposed'], [d.email, 'confirmed']]);
    expect(r.matches[0]!.decided_at).toBe('2025-11-26T09:00:00');
    expect(r.exclusions).toEqual([{ student_email: b.email, mentor_email: m1.email, reason: 'rejected in review', added_at: '2025-11-26T09:00:00' }]);
  });

  it('reassigns to a mentor with a free place, rescoring the pair', () => {
    const r = applyDecisions({ ...base, lines: [line(4, c, m2, { kind: 'reassign', mentor: m1.email })] });
    const moved = r.matches.find((m) => m.student_email === c.email)!;
    expect(moved).toMatchObject({ mentor_email: m1.email, status: 'confirmed', score: 100, reason: `reassigned in review from ${m2.email}` });
    expect(r.reassigned).toEqual([{ student: c.email, from: m2.email, to: m1.email }]);
  });

  it('refuses a reassignment to a full mentor, counting approvals in the same sheet, naming the row', () => {
    const e = dataError(() =>
      applyDecisions({ ...base, lines: [line(2, a, m1, { kind: 'approve' }), line(3, b, m1, { kind: 'approve' }), line(4, c, m2, { kind: 'reassign', mentor: m1.email })] }),
    );
    expect(e.where).toEqual({ file: 'review.xlsx', row: 4, column: 'decision' });
    expect(e.message).toContain('has no free place: capacity 2, 2 already confirmed or approved in this sheet');
    expect(dataError(() => applyDecisions({ ...base, lines: [line(4, c, m2, { kind: 'reassign', mentor: m3.email })] })).message).toContain('has no free place');
  });

  it('refuses a reassignment to an unknown, excluded, withdrawn or departed mentor', () => {
    expect(dataError(() => applyDecisions({ ...base, lines: [line(4, c, m2, { kind: 'reassign', mentor: 'who@x.org' })] })).message).toBe('who@x.org is not a mentor in data/mentors.csv');
    const excluded = dataError(() => applyDecisions({ ...base, exclusions: [makeExclusion(c, m1)], lines: [line(4, c, m2, { kind: 'reassign', mentor: m1.email })] }));
    expect(excluded.message).toBe(`${c.email} and ${m1.email} may not be paired: excluded: conflict of interest`);
    const left = makeMentor({ capacity: 3 });
    const gone = applyDecisions.bind(null, {
      ...base,
      mentors: [...base.mentors, left],
      matches: [...base.matches, makeMatch(makeStudent(), left, { status: 'withdrawn', reason: withdrawalReason('mentor', '') })],
      lines: [line(4, c, m2, { kind: 'reassign', mentor: left.email })],
    });
    expect(dataError(gone).message).toBe(`${left.email} cannot take a student: the mentor has left the scheme`);
  });

  it('says the sheet is out of date when a pair is no longer proposed, and tolerates a second confirm', () => {
    const stale = dataError(() => applyDecisions({ ...base, lines: [line(7, d, m1, { kind: 'approve' })] }));
    expect(stale.message).toContain(`${d.email} is now confirmed with ${m3.email}`);
    expect(stale.fix).toMatch(/run mentorship match/);
    const again = applyDecisions({ ...base, lines: [line(7, d, m3, { kind: 'approve' })] });
    expect(again).toMatchObject({ approved: 0, already: 1 });
  });

  it('--all confirms every proposal', () => {
    const r = applyDecisions({ ...base, lines: 'all' });
    expect(r).toMatchObject({ approved: 3, undecided: 0 });
    expect(r.matches.every((m) => m.status === 'confirmed')).toBe(true);
  });
});

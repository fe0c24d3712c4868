import { describe, expect, it } from 'vitest';
import { type ChaseInput, chaseReport, chasesToRecord, RECHASE_DAYS } from '../../../src/core/followup/chase.js';
import type { Chase, Match, Meeting } from '../../../src/core/types.js';
import { chase, meeting, mentor, pair, scheme, student } from './builders.js';

const S = 'zoe@lse.ac.uk';
const M = 'mona@example.com';

function input(patch: Partial<ChaseInput> = {}): ChaseInput {
  return {
    scheme: scheme(),
    asOf: '2026-02-10',
    matches: [pair(S, M)],
    students: [student(S, 'Zoë O’Brien')],
    mentors: [mentor(M)],
    meetings: [],
    chases: [],
    noResponse: [],
    ...patch,
  };
}

describe('report chase', () => {
  it('chases the student the day after due + grace, not on the last grace day', () => {
    expect(chaseReport(input({ asOf: '2026-02-07' })).toChase).toEqual([]);
    const r = chaseReport(input({ asOf: '2026-02-08' }));
    expect(r.toChase).toHaveLength(1);
    expect(r.toChase[0]).toMatchObject({ email: S, role: 'student', meeting: 1, due: '2026-01-31', previous: 0 });
    expect(r.pairs[0]!.action).toBe('chase');
  });

  it('a late meeting recorded after the due date stops the chase', () => {
    const late = [meeting(S, M, 1, '2026-02-20')];
    expect(chaseReport(input({ asOf: '2026-02-25', meetings: late })).toChase).toEqual([]);
    // ...but only from the day it happened: a report of the past is judged on what was known then.
    expect(chaseReport(input({ asOf: '2026-02-15', meetings: late })).toChase).toHaveLength(1);
  });

  it('a meeting of another pair (the same student with a former mentor) does not count', () => {
    const r = chaseReport(input({ meetings: [meeting(S, 'old@example.com', 1, '2026-01-10')] }));
    expect(r.toChase).toHaveLength(1);
  });

  it('a later meeting on record covers an earlier check-in that was skipped', () => {
    const r = chaseReport(input({ asOf: '2026-03-20', meetings: [meeting(S, M, 2, '2026-02-20')] }));
    expect(r.pairs[0]!.overdue).toEqual([]);
    expect(r.toChase).toEqual([]);
  });

  it('never chases a withdrawn, proposed or completed pair', () => {
    for (const status of ['withdrawn', 'proposed', 'completed'] as const) {
      const r = chaseReport(input({ asOf: '2026-04-20', matches: [pair(S, M, { status })] }));
      expect(r.pairs).toEqual([]);
      expect(r.toChase).toEqual([]);
    }
  });

  it('moves the due date of a pair whose mentor is away', () => {
    const away = mentor(M, 'Mona Mentor', [{ from: '2026-01-20', to: '2026-02-05' }]);
    const r = chaseReport(input({ asOf: '2026-02-10', mentors: [away] }));
    expect(r.toChase).toEqual([]);
    expect(r.pairs[0]!.due[0]!.due).toBe('2026-02-17');
    expect(chaseReport(input({ asOf: '2026-02-25', mentors: [away] })).toChase).toHaveLength(1);
  });

  it('counts chases across the year and flags the student whose next chase would be the third', () => {
    const chases: Chase[] = [];
    const meetings: Meeting[] = [meeting(S, M, 1, '2026-01-20')];
    const step = (asOf: string) => {
      const r = chaseReport(input({ asOf, chases, meetings }));
      chases.push(...chasesToRecord(r.toChase, asOf));
      return r;
    };
    // Meeting 1 held; meeting 2 is overdue from 8 March.
    expect(step('2026-03-07').toChase).toEqual([]);
    const first = step('2026-03-08');
    expect(first.toChase.map((t) => [t.role, t.meeting, t.previous])).toEqual([['student', 2, 0]]);
    // Within the week after a chase: wait.
    const waiting = step(`2026-03-${String(8 + RECHASE_DAYS - 1).padStart(2, '0')}`);
    expect(waiting.pairs[0]!.action).toBe('wait');
    expect(waiting.pairs[0]!.reason).toMatch(/next chase from 2026-03-15/);
    const second = step('2026-03-15');
    expect(second.toChase.map((t) => t.previous)).toEqual([1]);
    expect(chases.map((c) => c.date)).toEqual(['2026-03-08', '2026-03-15']);
    expect(step('2026-03-21').pairs[0]!.action).toBe('wait');
    const third = step('2026-03-22');
    expect(third.toChase).toEqual([]);
    expect(third.pairs[0]!.action).toBe('withdraw');
    expect(third.pairs[0]!.rematch_mentor).toBe(M);
    expect(third.pairs[0]!.reason).toMatch(/chased 2 times \(2026-03-08, 2026-03-15\).*re-match mona@example.com/);
    expect(third.withdraw.map((p) => p.student_email)).toEqual([S]);
    expect(third.counts).toMatchObject({ pairs: 1, withdraw: 1, chase: 0 });
  });

  it('a meeting recorded after two chases takes the student off the withdrawal path', () => {
    const chases = [chase(S, '2026-02-08'), chase(S, '2026-02-15')];
    expect(chaseReport(input({ asOf: '2026-02-22', chases })).pairs[0]!.action).toBe('withdraw');
    const r = chaseReport(input({ asOf: '2026-02-22', chases, meetings: [meeting(S, M, 1, '2026-02-18')] }));
    expect(r.pairs[0]!.action).toBe('ok');
  });

  it('ignores chases dated after the as-of date', () => {
    const chases = [chase(S, '2026-02-08'), chase(S, '2026-02-15')];
    const r = chaseReport(input({ asOf: '2026-02-09', chases }));
    expect(r.pairs[0]!.student_chases).toEqual(['2026-02-08']);
    expect(r.pairs[0]!.action).toBe('wait');
  });

  it('with max_chases 0 the first overdue meeting means withdrawal', () => {
    const r = chaseReport(input({ scheme: scheme((raw) => (raw.chasing.max_chases = 0)) }));
    expect(r.pairs[0]!.action).toBe('withdraw');
  });

  it('chases the mentor, not the student, when the student reported the mentor is not responding', () => {
    const noResponse = [{ student_email: S, mentor_email: M, meeting: 1, date: '2026-02-03' }];
    const r = chaseReport(input({ asOf: '2026-02-10', noResponse }));
    expect(r.toChase.map((t) => [t.role, t.email, t.meeting, t.due])).toEqual([['mentor', M, 1, '2026-01-31']]);
    // The report counts before the meeting is even overdue: the student did their part.
    expect(chaseReport(input({ asOf: '2026-02-04', noResponse })).toChase.map((t) => t.role)).toEqual(['mentor']);
    // Chased on the 10th: not again within the week, again after it.
    const chases = [chase(M, '2026-02-10', 'mentor')];
    expect(chaseReport(input({ asOf: '2026-02-12', noResponse, chases })).pairs[0]!.action).toBe('wait');
    expect(chaseReport(input({ asOf: '2026-02-17', noResponse, chases })).toChase.map((t) => [t.role, t.previous])).toEqual([['mentor', 1]]);
    // Once the meeting is recorded the report is closed.
    const met = [meeting(S, M, 1, '2026-02-12')];
    expect(chaseReport(input({ asOf: '2026-02-17', noResponse, chases, meetings: met })).toChase).toEqual([]);
  });

  it('chases an unresponsive mentor at most max_chases times, then flags the pair rematch', () => {
    const noResponse = [{ student_email: S, mentor_email: M, meeting: 1, date: '2026-02-03' }];
    const two = [chase(M, '2026-02-10', 'mentor'), chase(M, '2026-03-10', 'mentor')];
    expect(chaseReport(input({ asOf: '2026-03-09', noResponse, chases: two.slice(0, 1) })).toChase.map((t) => [t.role, t.previous])).toEqual([['mentor', 1]]);
    const r = chaseReport(input({ asOf: '2026-04-07', noResponse, chases: two }));
    const p = r.pairs[0]!;
    expect(p.action).toBe('rematch');
    expect(p.rematch_mentor).toBe(M);
    expect(p.reason).toContain('mentor already chased 2 times (2026-02-10, 2026-03-10)');
    // Nobody is chased a third time, and the student is not blamed for it.
    expect(r.toChase).toEqual([]);
    expect(r.rematch).toEqual([p]);
    expect(r.withdraw).toEqual([]);
    expect(r.counts).toMatchObject({ rematch: 1, withdraw: 0, chase: 0 });
    // Within a week of the last chase the mentor still has time to answer.
    expect(chaseReport(input({ asOf: '2026-03-12', noResponse, chases: two })).pairs[0]!.action).toBe('wait');
    // A meeting recorded at last closes the report: no rematch.
    const met = [meeting(S, M, 1, '2026-03-20')];
    expect(chaseReport(input({ asOf: '2026-04-07', noResponse, chases: two, meetings: met })).pairs[0]!.action).not.toBe('rematch');
  });

  it('a report about an earlier meeting does not shield the student from a later one', () => {
    const noResponse = [{ student_email: S, mentor_email: M, meeting: 1, date: '2026-01-20' }];
    const meetings = [meeting(S, M, 1, '2026-01-25')];
    const r = chaseReport(input({ asOf: '2026-03-09', noResponse, meetings }));
    expect(r.toChase.map((t) => [t.role, t.meeting])).toEqual([['student', 2]]);
  });

  it('reports every confirmed pair, with names, and counts the overdue ones', () => {
    const matches: Match[] = [pair(S, M), pair('sam@lse.ac.uk', M)];
    const r = chaseReport(input({ matches, students: [student(S, 'Zoë O’Brien'), student('sam@lse.ac.uk', 'Sam')], meetings: [meeting(S, M, 1, '2026-01-05')] }));
    expect(r.pairs.map((p) => [p.student_name, p.action, p.held])).toEqual([['Zoë O’Brien', 'ok', [1]], ['Sam', 'chase', []]]);
    expect(r.counts).toMatchObject({ pairs: 2, ok: 1, overdue: 1, chase: 1 });
  });
});

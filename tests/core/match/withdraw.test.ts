import { describe, expect, it } from 'vitest';
import { leaverOf } from '../../../src/core/match/rules.js';
import { planWithdrawal } from '../../../src/core/match/withdraw.js';
import { makeMatch, makeMentor, makeStudent } from './builders.js';

const AT = '2026-03-01T09:00:00.000Z';

describe('planWithdrawal', () => {
  const mentor = makeMentor();
  const [sam, zoe, old] = [makeStudent(), makeStudent(), makeStudent()];
  const matches = [
    makeMatch(sam, mentor, { status: 'confirmed' }),
    makeMatch(zoe, mentor, { status: 'proposed' }),
    makeMatch(old, mentor, { status: 'completed' }),
  ];

  it("a student's active pair ends; the others are untouched", () => {
    const plan = planWithdrawal(matches, sam.email, 'moved abroad', AT);
    if (!plan.ok) throw new Error('expected a plan');
    expect(plan.side).toBe('student');
    expect(plan.ending.map((m) => m.student_email)).toEqual([sam.email]);
    expect(plan.matches[0]).toMatchObject({ status: 'withdrawn', decided_at: AT, reason: 'student left: moved abroad' });
    expect(plan.matches.slice(1)).toEqual(matches.slice(1));
    expect(leaverOf(plan.reason)).toBe('student');
  });

  it("a mentor's active pairs all end (not the completed one), with who left in the reason", () => {
    const plan = planWithdrawal(matches, mentor.email, '', AT);
    if (!plan.ok) throw new Error('expected a plan');
    expect(plan.side).toBe('mentor');
    expect(plan.matches.map((m) => m.status)).toEqual(['withdrawn', 'withdrawn', 'completed']);
    expect(plan.reason).toBe('mentor left the scheme');
    expect(leaverOf(plan.matches[1]!.reason)).toBe('mentor');
  });

  it('someone with no proposed or confirmed pair has nothing to withdraw, and nothing changes', () => {
    expect(planWithdrawal(matches, old.email, '', AT)).toEqual({ ok: false, why: 'no-pair' });
    expect(planWithdrawal(matches, 'nobody@uni.example', '', AT)).toEqual({ ok: false, why: 'no-pair' });
    expect(matches[0]!.status).toBe('confirmed');
  });
});

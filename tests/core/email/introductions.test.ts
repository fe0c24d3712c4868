import { describe, expect, it } from 'vitest';
import { type Introduction, introKey, leaverFrom, planIntroductions } from '../../../src/core/email/introductions.js';

const pair = (s: string, m: string, reason = '') => ({ student_email: s, mentor_email: m, reason });
const sent = (s: string, m: string, kind: Introduction['kind'] = 'intro'): Introduction => ({ student_email: s, mentor_email: m, date: '2026-01-10', kind });

describe('incremental introductions', () => {
  const base = { confirmed: [pair('a', 'x'), pair('b', 'x'), pair('c', 'y')], withdrawn: [], recorded: [], drafted: new Set<string>(), noticed: new Set<string>(), redraft: false };

  it('drafts every confirmed pair the first time', () => {
    expect(planIntroductions(base)).toMatchObject({ draft: ['a|x', 'b|x', 'c|y'], kept: [], sent: [], remove: [], notify: [] });
  });

  it('drafts only pairs neither drafted nor recorded; keeps the others as they are; --force redrafts the unsent ones', () => {
    const input = { ...base, drafted: new Set(['a|x', 'b|x']), recorded: [sent('b', 'x')] };
    expect(planIntroductions(input)).toMatchObject({ draft: ['c|y'], kept: ['a|x'], sent: ['b|x'] });
    expect(planIntroductions({ ...input, redraft: true })).toMatchObject({ draft: ['a|x', 'c|y'], kept: [], sent: ['b|x'] });
    // A recorded pair is never drafted again, even with its drafts gone.
    expect(planIntroductions({ ...base, recorded: [sent('a', 'x'), sent('b', 'x'), sent('c', 'y')], redraft: true }).draft).toEqual([]);
  });

  it('removes the unsent drafts of a withdrawn pair and notifies both sides of a pair that was introduced', () => {
    const input = {
      ...base,
      confirmed: [pair('a', 'x'), pair('b', 'z')],
      withdrawn: [pair('b', 'x', 'student left: moved'), pair('c', 'y', 'mentor left the scheme'), pair('d', 'y', 'mentor unresponsive after 2 chases (…)'), pair('e', 'y')],
      drafted: new Set(['a|x', 'b|x', 'c|y']),
      recorded: [sent('a', 'x'), sent('c', 'y'), sent('d', 'y')],
    };
    const plan = planIntroductions(input);
    expect(plan.remove).toEqual(['b|x']); // c|y was sent: its drafts stay
    expect(plan.notify.map((n) => [n.key, n.leaver])).toEqual([['b|x', 'student'], ['c|y', 'mentor'], ['d|y', 'unresponsive']]);
    // e|y was never introduced: nobody to tell. b|z, the re-match, gets the normal introduction.
    expect(plan.draft).toEqual(['b|z']);
    // Notices drafted or recorded once are not drafted again.
    const later = planIntroductions({ ...input, noticed: new Set(['b|x']), recorded: [...input.recorded, sent('c', 'y', 'withdrawal')] });
    expect(later.notify.map((n) => n.key)).toEqual(['d|y']);
  });

  it('a pair confirmed again after a withdrawal is in force, not ended', () => {
    const plan = planIntroductions({ ...base, confirmed: [pair('a', 'x')], withdrawn: [pair('a', 'x', 'student left')], drafted: new Set(['a|x']) });
    expect(plan).toMatchObject({ kept: ['a|x'], remove: [], notify: [] });
  });

  it('reads who left from the reason the tool wrote', () => {
    expect([leaverFrom('student left: x'), leaverFrom('Mentor left the scheme'), leaverFrom('mentor unresponsive after 2 chases'), leaverFrom('')]).toEqual(['student', 'mentor', 'unresponsive', 'student']);
    expect(introKey('s@x', 'm@y')).toBe('s@x|m@y');
  });
});

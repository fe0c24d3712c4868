import { describe, expect, it } from 'vitest';
import { leaverOf, mentorRules, pairBlock, pairKey, readHistory, withdrawalReason } from '../../../src/core/match/rules.js';
import { makeExclusion, makeMatch, makeMentor, makeScheme, makeStudent } from './builders.js';

const scheme = makeScheme();

describe('history', () => {
  const [a, b, c, d] = [makeStudent(), makeStudent(), makeStudent(), makeStudent()];
  const [m1, m2] = [makeMentor({ capacity: 3 }), makeMentor()];
  const matches = [
    makeMatch(a, m1, { status: 'confirmed' }),
    makeMatch(b, m1, { status: 'proposed', decided_at: '' }),
    makeMatch(c, m2, { status: 'withdrawn', reason: withdrawalReason('student', 'chased three times') }),
    makeMatch(d, m1, { status: 'completed' }),
  ];
  const h = readHistory(matches, [makeExclusion(b, m2)]);

  it('keeps confirmed, completed and withdrawn rows and drops old proposals', () => {
    expect(h.kept.map((m) => m.student_email)).toEqual([a.email, c.email, d.email]);
  });

  it('fixes confirmed and completed pairs, which use up the mentor\'s places', () => {
    expect([...h.fixedPair.keys()]).toEqual([a.email, d.email]);
    expect(h.fixedLoad.get(m1.email)).toBe(2);
    const rule = mentorRules([m1, m2], h, scheme);
    expect([...rule.free]).toEqual([1, 1]);
    expect([...rule.fixed]).toEqual([2, 0]);
  });

  it('excludes exclusions.csv pairs and every withdrawn pair', () => {
    expect(h.excluded.get(pairKey(b.email, m2.email))).toBe('excluded: conflict of interest');
    expect(h.excluded.get(pairKey(c.email, m2.email))).toMatch(/^withdrawn/);
    expect(h.excluded.has(pairKey(a.email, m1.email))).toBe(false);
  });

  it('records who left from the withdrawal reason', () => {
    expect([...h.studentsLeft]).toEqual([c.email]);
    expect(h.mentorsLeft.size).toBe(0);
  });
});

describe('mentor rules', () => {
  it('rules out a mentor unavailable for the whole programme, and one who left', () => {
    const away = makeMentor({ capacity: 2, unavailable: [{ from: '2025-11-01', to: '2026-06-30' }] });
    const partly = makeMentor({ capacity: 2, unavailable: [{ from: '2026-02-01', to: '2026-02-28' }] });
    const gone = makeMentor({ capacity: 2 });
    const h = readHistory([makeMatch(makeStudent(), gone, { status: 'withdrawn', reason: withdrawalReason('mentor', '') })], []);
    const rule = mentorRules([away, partly, gone], h, scheme);
    expect(rule.block).toEqual(['unavailable', null, 'withdrew']);
    expect([...rule.free]).toEqual([0, 2, 0]);
  });

  it('never gives a negative number of places when hand edits over-fill a mentor', () => {
    const m = makeMentor({ capacity: 1 });
    const h = readHistory([makeMatch(makeStudent(), m), makeMatch(makeStudent(), m)], []);
    expect([...mentorRules([m], h, scheme).free]).toEqual([0]);
  });
});

describe('pair rules', () => {
  const rules = { requireSharedSector: true, minScore: 40 };
  it('checks exclusion, then a shared sector, then min_score', () => {
    expect(pairBlock(rules, true, 0, 10)).toBe('excluded');
    expect(pairBlock(rules, false, 0, 90)).toBe('no-shared-sector');
    expect(pairBlock(rules, false, 1, 39.99)).toBe('below-min-score');
    expect(pairBlock(rules, false, 1, 40)).toBeNull();
    expect(pairBlock({ requireSharedSector: false, minScore: 0 }, false, 0, 0)).toBeNull();
  });
});

describe('withdrawal reasons', () => {
  it('say who left, with or without a reason, and read back', () => {
    expect(withdrawalReason('student', ' chased three times ')).toBe('student left: chased three times');
    expect(withdrawalReason('mentor', '')).toBe('mentor left the scheme');
    expect(leaverOf('Student left: moved abroad')).toBe('student');
    expect(leaverOf('mentor left the scheme')).toBe('mentor');
    expect(leaverOf('did not get on')).toBeNull();
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planExclusions, planPairs, type PairRow, type PairsInput } from '../../../src/core/import/pairs.js';
import { makeExclusion, makeMatch, makeMentor, makeScheme, makeStudent } from '../match/builders.js';

const scheme = makeScheme();
const zoe = makeStudent({ email: 'zoe@x.org', sectors: ['Law'] });
const max = makeStudent({ email: 'max@x.org' });
const ann = makeMentor({ email: 'ann@x.org', capacity: 1, sectors: ['Law'] });
const bob = makeMentor({ email: 'bob@x.org', capacity: 2 });
const row = (n: number, s: string, m: string, text = ''): PairRow => ({ row: n, student_email: s, mentor_email: m, text });
const base = (over: Partial<PairsInput>): PairsInput => ({
  rows: [], students: [zoe, max], mentors: [ann, bob], matches: [], exclusions: [], scheme, at: '2025-11-26T09:00:00', force: false, ...over,
});

describe('planPairs', () => {
  it('makes a confirmed, scored pair that uses a place, and the next row for that mentor is refused', () => {
    const p = planPairs(base({ rows: [row(2, 'ZOE@X.org', 'ann@x.org', 'dinner'), row(3, 'max@x.org', 'ann@x.org')] }));
    expect(p.added).toBe(1);
    const made = p.rows.find((m) => m.student_email === 'zoe@x.org')!;
    expect(made).toMatchObject({ mentor_email: 'ann@x.org', status: 'confirmed', reason: 'pre-arranged: dinner', decided_at: '2025-11-26T09:00:00' });
    expect(made.score).toBeGreaterThan(0);
    expect(made.shared_sectors).toEqual(['Law']);
    expect(p.refused).toEqual([expect.objectContaining({ row: 3, column: 'mentor_email', forceable: true, reason: expect.stringMatching(/no place left \(capacity 1, 1 pair/) })]);
  });

  it('with --force takes what a rule advises against, and never an unknown person', () => {
    const p = planPairs(base({ rows: [row(2, 'zoe@x.org', 'ann@x.org'), row(3, 'max@x.org', 'ann@x.org'), row(4, 'eve@x.org', 'bob@x.org')], force: true }));
    expect(p.added).toBe(2);
    expect(p.forced.map((f) => f.row)).toEqual([3]);
    expect(p.refused.map((f) => [f.row, f.forceable])).toEqual([[4, false]]);
  });

  it('an excluded or withdrawn pair is refused; proposals give way; the same pair again is unchanged', () => {
    const excluded = planPairs(base({ rows: [row(2, 'zoe@x.org', 'bob@x.org')], exclusions: [makeExclusion(zoe, bob)] }));
    expect(excluded.refused[0]!.reason).toMatch(/excluded \(excluded: conflict of interest\)/);
    const withdrawn = planPairs(base({ rows: [row(2, 'zoe@x.org', 'bob@x.org')], matches: [makeMatch(zoe, bob, { status: 'withdrawn' })] }));
    expect(withdrawn.refused[0]!.reason).toMatch(/excluded \(withdrawn/);
    const proposal = planPairs(base({ rows: [row(2, 'zoe@x.org', 'bob@x.org')], matches: [makeMatch(zoe, ann, { status: 'proposed' })] }));
    expect(proposal.rows.filter((m) => m.student_email === 'zoe@x.org').map((m) => [m.mentor_email, m.status])).toEqual([['bob@x.org', 'confirmed']]);
    const again = planPairs(base({ rows: [row(2, 'zoe@x.org', 'bob@x.org')], matches: proposal.rows }));
    expect(again).toMatchObject({ added: 0, unchanged: 1, refused: [] });
    expect(again.rows).toEqual(proposal.rows);
  });

  it('property: never more confirmed pairs for a mentor than their places without --force, one pair per student', () => {
    let took = 0;
    const emails = ['zoe@x.org', 'max@x.org', 'eve@x.org', 'bad', 'ann@x.org'];
    const mentors = ['ann@x.org', 'bob@x.org', 'cy@x.org', 'zoe@x.org'];
    fc.assert(fc.property(fc.array(fc.tuple(fc.constantFrom(...emails), fc.constantFrom(...mentors)), { maxLength: 12 }), (pairs) => {
      const p = planPairs(base({ rows: pairs.map(([s, m], i) => row(i + 2, s, m)) }));
      const confirmed = p.rows.filter((m) => m.status === 'confirmed');
      for (const m of [ann, bob]) expect(confirmed.filter((c) => c.mentor_email === m.email).length).toBeLessThanOrEqual(m.capacity);
      expect(new Set(confirmed.map((c) => c.student_email)).size).toBe(confirmed.length);
      expect(p.added + p.unchanged + new Set(p.refused.map((r) => r.row)).size).toBe(pairs.length);
      took += p.added;
    }));
    expect(took).toBeGreaterThan(0);
  });
});

describe('planExclusions', () => {
  it('adds new pairs with their reason or a default, keeps known ones, refuses a confirmed pair unless forced', () => {
    const input = { matches: [makeMatch(max, bob, { status: 'confirmed' })], exclusions: [makeExclusion(zoe, ann)], at: '2025-11-26T09:00:00', defaultReason: 'from c.csv' };
    const rows = [row(2, 'zoe@x.org', 'ann@x.org', 'other'), row(3, 'old@y.org', 'ann@x.org', 'paired in 2024-25'), row(4, 'zoe@x.org', 'bob@x.org'), row(5, 'max@x.org', 'bob@x.org'), row(6, 'x', 'ann@x.org')];
    const p = planExclusions({ ...input, rows, force: false });
    expect(p).toMatchObject({ added: 2, unchanged: 1 });
    expect(p.rows.slice(1).map((e) => [e.student_email, e.mentor_email, e.reason])).toEqual([['old@y.org', 'ann@x.org', 'paired in 2024-25'], ['zoe@x.org', 'bob@x.org', 'from c.csv']]);
    expect(p.refused.map((r) => [r.row, r.forceable])).toEqual([[5, true], [6, false]]);
    expect(planExclusions({ ...input, rows, force: true })).toMatchObject({ added: 3, forced: [expect.objectContaining({ row: 5 })] });
  });
});

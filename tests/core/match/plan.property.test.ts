// Invariants of the whole pipeline (history -> rules -> scores -> exact solve -> rows), on random
// small workspaces, including hand-edited histories.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildProblem, type MatchInput, matchesAfter, solve } from '../../../src/core/match/plan.js';
import { isActive, isFixed, leaverOf, pairKey } from '../../../src/core/match/rules.js';
import { unavailableThroughout } from '../../../src/core/timeline.js';
import type { Match, MatchStatus } from '../../../src/core/types.js';
import { bruteForce } from './solver-builders.js';
import { makeExclusion, makeMatch, makeMentor, makeScheme, makeStudent } from './builders.js';

const SECTORS = ['Law', 'Consulting', 'Technology', 'EU Institutions'];
const SUPPORT = ['Interviews', 'Networking', 'Job search'];
const PROGRAMMES = ['MSc Conflict Studies', 'MSc European Political Economy', 'MSc European Studies (Research)'];
const PLACES = [['United Kingdom', 'London'], ['United Kingdom', 'Leeds'], ['Belgium', 'Brussels']] as const;
const WHOLE_YEAR = [{ from: '2025-01-01', to: '2027-01-01' }];

const workspace = fc
  .record({
    students: fc.array(
      fc.record({
        sectors: fc.subarray(SECTORS, { minLength: 1 }),
        support_areas: fc.subarray(SUPPORT),
        programme: fc.constantFrom(...PROGRAMMES),
        place: fc.constantFrom(...PLACES),
        meeting_preference: fc.constantFrom('online' as const, 'in-person' as const, 'either' as const),
      }),
      { minLength: 1, maxLength: 6 },
    ),
    mentors: fc.array(
      fc.record({
        sectors: fc.subarray(SECTORS, { minLength: 1 }),
        support_areas: fc.subarray(SUPPORT),
        courses: fc.subarray(PROGRAMMES),
        place: fc.constantFrom(...PLACES),
        capacity: fc.integer({ min: 1, max: 3 }),
        away: fc.boolean(),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    history: fc.array(
      fc.record({
        s: fc.nat(),
        m: fc.nat(),
        status: fc.constantFrom<MatchStatus>('proposed', 'confirmed', 'withdrawn', 'completed'),
        leaver: fc.constantFrom('', 'student left: chased', 'mentor left the scheme'),
      }),
      { maxLength: 5 },
    ),
    exclusions: fc.array(fc.record({ s: fc.nat(), m: fc.nat() }), { maxLength: 4 }),
    minScore: fc.constantFrom(0, 0, 40, 70),
    requireShared: fc.boolean(),
    fair: fc.boolean(),
  })
  .map((w): MatchInput & { fair: boolean } => {
    const students = w.students.map(({ place, ...o }) => makeStudent({ ...o, country: place[0], city: place[1] }));
    const mentors = w.mentors.map(({ place, away, ...o }) => makeMentor({ ...o, country: place[0], city: place[1], unavailable: away ? WHOLE_YEAR : [] }));
    const matches: Match[] = [];
    const active = new Set<string>();
    for (const h of w.history) {
      const s = students[h.s % students.length]!;
      const m = mentors[h.m % mentors.length]!;
      // A student holds one active pair at a time, as confirm and withdraw guarantee.
      if (h.status !== 'withdrawn' && active.has(s.email)) continue;
      if (h.status !== 'withdrawn') active.add(s.email);
      matches.push(makeMatch(s, m, { status: h.status, reason: h.status === 'withdrawn' ? h.leaver : '' }));
    }
    const exclusions = w.exclusions.map((e) => makeExclusion(students[e.s % students.length]!, mentors[e.m % mentors.length]!));
    const scheme = makeScheme({ min_score: w.minScore, require_shared_sector: w.requireShared });
    return { students, mentors, matches, exclusions, scheme, fair: w.fair };
  });

function runPipeline(input: MatchInput & { fair: boolean }) {
  const solved = solve(buildProblem(input), { fair: input.fair, alternatives: 3 });
  return { solved, rows: matchesAfter(solved, '2025-11-25T09:00:00') };
}

describe('plan + solve', () => {
  it('respects every hard rule', () => {
    fc.assert(
      fc.property(workspace, (input) => {
        const { rows } = runPipeline(input);
        const fresh = rows.filter((r) => r.status === 'proposed');
        const fixedBefore = input.matches.filter(isFixed);
        // No mentor goes over capacity through this run, counting confirmed and completed pairs.
        for (const m of input.mentors) {
          const fixed = fixedBefore.filter((r) => r.mentor_email === m.email).length;
          const proposed = fresh.filter((r) => r.mentor_email === m.email).length;
          expect(proposed).toBeLessThanOrEqual(Math.max(0, m.capacity - fixed));
          if (unavailableThroughout(m, input.scheme)) expect(proposed).toBe(0);
        }
        const forbidden = new Set([
          ...input.exclusions.map((e) => pairKey(e.student_email, e.mentor_email)),
          ...input.matches.filter((r) => r.status === 'withdrawn').map((r) => pairKey(r.student_email, r.mentor_email)),
        ]);
        const studentsLeft = new Set(input.matches.filter((r) => r.status === 'withdrawn' && leaverOf(r.reason) === 'student').map((r) => r.student_email));
        const mentorsLeft = new Set(input.matches.filter((r) => r.status === 'withdrawn' && leaverOf(r.reason) === 'mentor').map((r) => r.mentor_email));
        const fixedStudents = new Set(fixedBefore.map((r) => r.student_email));
        for (const p of fresh) {
          expect(forbidden.has(pairKey(p.student_email, p.mentor_email))).toBe(false);
          expect(fixedStudents.has(p.student_email)).toBe(false);
          if (!fixedStudents.has(p.student_email)) expect(studentsLeft.has(p.student_email)).toBe(false);
          if (!fixedBefore.some((r) => r.mentor_email === p.mentor_email)) expect(mentorsLeft.has(p.mentor_email)).toBe(false);
          expect(p.score).toBeGreaterThanOrEqual(input.scheme.matching.min_score);
          if (input.scheme.matching.require_shared_sector) expect(p.shared_sectors.length).toBeGreaterThan(0);
        }
        // Each student is in at most one active pair; decided rows all survive, old proposals do not.
        const activeStudents = rows.filter(isActive).map((r) => r.student_email);
        expect(new Set(activeStudents).size).toBe(activeStudents.length);
        expect(rows.filter((r) => r.status !== 'proposed')).toEqual(input.matches.filter((r) => r.status !== 'proposed'));
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic: the same input gives the same output', () => {
    fc.assert(
      fc.property(workspace, (input) => {
        const a = runPipeline(input);
        const b = runPipeline(input);
        expect(b.rows).toEqual(a.rows);
        expect(b.solved.proposals).toEqual(a.solved.proposals);
      }),
      { numRuns: 100 },
    );
  });

  it('reaches the brute-force optimum of the problem it builds', () => {
    fc.assert(
      fc.property(workspace, (input) => {
        const { solved } = runPipeline(input);
        const p = solved.problem;
        const best = bruteForce({ students: p.pool.length, mentors: p.mentors.length, capacity: p.mentorRule.free, scores: p.scores });
        const want = input.fair ? best.fair : best.plain;
        const got = solved.proposals.map((pr) => pr.pair.score);
        expect(got.length).toBe(want.matched);
        expect(got.reduce((x, y) => x + y, 0)).toBeCloseTo(want.totalScore, 6);
        if (input.fair && got.length) expect(Math.min(...got)).toBe(want.minScore);
      }),
      { numRuns: 200 },
    );
  });
});

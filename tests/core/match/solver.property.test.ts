import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  solveAssignment,
  solveWithCertificate,
  verifyOptimality,
  type AssignmentInput,
} from '../../../src/core/match/solver.js';
import { referenceMinCost } from '../../../bench/reference-mincost.js';
import { bruteForce, minMatchedScore } from './solver-builders.js';

/** Integer scores 0-5 force many ties; two-decimal and arbitrary doubles cover the rest. */
const score = fc.oneof(
  { weight: 2, arbitrary: fc.constant(-Infinity) },
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 5 }) },
  { weight: 2, arbitrary: fc.integer({ min: -500, max: 10000 }).map((x) => x / 100) },
  { weight: 1, arbitrary: fc.double({ min: -50, max: 50, noNaN: true }) },
);

function instance(maxStudents: number, maxMentors: number, maxCapacity: number): fc.Arbitrary<AssignmentInput> {
  return fc
    .record({
      students: fc.integer({ min: 0, max: maxStudents }),
      mentors: fc.integer({ min: 0, max: maxMentors }),
    })
    .chain(({ students, mentors }) =>
      fc.record({
        students: fc.constant(students),
        mentors: fc.constant(mentors),
        capacity: fc.array(fc.integer({ min: 0, max: maxCapacity }), { minLength: mentors, maxLength: mentors }),
        scores: fc
          .array(score, { minLength: students * mentors, maxLength: students * mentors })
          .map((xs) => Float64Array.from(xs)),
      }),
    );
}

/** Candidate-list sizes: 1 and 2 force many pricing passes and warm re-insertions. */
const candidateOptions = fc.constantFrom(
  { candidates: 1, violatorsPerStudent: 1 },
  { candidates: 2, violatorsPerStudent: 2 },
  {},
);

describe('solver against exhaustive brute force', () => {
  it('finds the lexicographic optimum, plain and fair', () => {
    fc.assert(
      fc.property(instance(6, 4, 3), candidateOptions, (input, options) => {
        const bf = bruteForce(input);
        const plain = solveWithCertificate({ ...input, fair: false }, options);
        expect(plain.matched).toBe(bf.plain.matched);
        expect(Math.abs(plain.totalScore - bf.plain.totalScore)).toBeLessThanOrEqual(1e-9);
        expect(verifyOptimality({ ...input, fair: false }, plain).ok).toBe(true);

        const fair = solveWithCertificate({ ...input, fair: true }, options);
        expect(fair.matched).toBe(bf.fair.matched);
        // `+ 0` makes -0 (a score the generator can draw) equal to 0, as it is: toBe tells them apart,
        // and either pair is an optimum when the two tie.
        expect(minMatchedScore(input, fair.mentorOf) + 0).toBe(bf.fair.minScore + 0);
        expect(Math.abs(fair.totalScore - bf.fair.totalScore)).toBeLessThanOrEqual(1e-9);
        expect(verifyOptimality({ ...input, fair: true }, fair).ok).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('solver properties', () => {
  it('returns a feasible, consistent, certified and repeatable assignment', () => {
    fc.assert(
      fc.property(instance(40, 12, 4), fc.boolean(), candidateOptions, (base, fairMode, options) => {
        const input = { ...base, fair: fairMode };
        const r = solveWithCertificate(input, options);
        const { students: S, mentors: M, scores } = input;
        expect(r.mentorOf).toBeInstanceOf(Int32Array);
        expect(r.mentorOf.length).toBe(S);
        const load = new Array<number>(M).fill(0);
        let matched = 0;
        let total = 0;
        for (let i = 0; i < S; i++) {
          const j = r.mentorOf[i]!;
          expect(Number.isInteger(j) && j >= -1 && j < M).toBe(true);
          if (j < 0) continue;
          const s = scores[i * M + j]!;
          expect(s).not.toBe(-Infinity);
          load[j]!++;
          matched++;
          total += s;
        }
        for (let j = 0; j < M; j++) expect(load[j]).toBeLessThanOrEqual(Number(input.capacity[j]));
        expect(r.matched).toBe(matched);
        expect(Math.abs(r.totalScore - total)).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(total)));
        const verdict = verifyOptimality(input, r);
        expect(verdict.reason).toBeUndefined();

        // Same input, same output, bit for bit, whatever ran in between.
        const again = solveAssignment(input);
        const third = solveAssignment({ ...input, scores: Float64Array.from(input.scores) });
        expect(Array.from(again.mentorOf)).toEqual(Array.from(solveAssignment(input).mentorOf));
        expect(Array.from(third.mentorOf)).toEqual(Array.from(again.mentorOf));
        expect(third.totalScore).toBe(again.totalScore);
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with the textbook slot-expanded Hungarian reference', () => {
    fc.assert(
      fc.property(instance(60, 20, 3), candidateOptions, (input, options) => {
        const ours = solveWithCertificate(input, options);
        const ref = referenceMinCost(input);
        expect(ours.matched).toBe(ref.matched);
        expect(Math.abs(ours.totalScore - ref.totalScore)).toBeLessThanOrEqual(1e-7 * (1 + Math.abs(ref.totalScore)));
      }),
      { numRuns: 200 },
    );
  });
});

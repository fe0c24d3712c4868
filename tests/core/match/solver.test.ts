import { describe, expect, it } from 'vitest';
import {
  solveAssignment,
  solveWithCertificate,
  verifyOptimality,
  type AssignmentInput,
} from '../../../src/core/match/solver.js';
import { makeBenchInstance } from '../../../bench/instances.js';
import { referenceMinCost } from '../../../bench/reference-mincost.js';
import { bruteForce, fromRows, greedyAssign, minMatchedScore } from './solver-builders.js';

const X = null; // forbidden pair

describe('solveAssignment edge cases', () => {
  it('handles zero students', () => {
    const r = solveAssignment({ students: 0, mentors: 3, capacity: [1, 2, 0], scores: new Float64Array(0) });
    expect(r.mentorOf).toBeInstanceOf(Int32Array);
    expect(r.mentorOf.length).toBe(0);
    expect(r.matched).toBe(0);
    expect(r.totalScore).toBe(0);
  });

  it('handles zero mentors', () => {
    for (const fair of [false, true]) {
      const input: AssignmentInput = { students: 3, mentors: 0, capacity: [], scores: new Float64Array(0), fair };
      const r = solveWithCertificate(input);
      expect(Array.from(r.mentorOf)).toEqual([-1, -1, -1]);
      expect(r.matched).toBe(0);
      expect(verifyOptimality(input, r).ok).toBe(true);
    }
  });

  it('matches nobody when every pair is forbidden', () => {
    const input = fromRows([[X, X], [X, X]], [2, 2]);
    const r = solveWithCertificate(input);
    expect(Array.from(r.mentorOf)).toEqual([-1, -1]);
    expect(verifyOptimality(input, r).ok).toBe(true);
  });

  it('never uses a mentor with capacity 0', () => {
    for (const fair of [false, true]) {
      const input = fromRows([[100, 1], [100, 2]], [0, 1], fair);
      const r = solveWithCertificate(input);
      expect(r.matched).toBe(1);
      expect(Array.from(r.mentorOf)).toEqual([-1, 1]);
      expect(r.totalScore).toBe(2);
      expect(verifyOptimality(input, r).ok).toBe(true);
    }
  });

  it('with more students than places, gives the place to the better pair', () => {
    // A can only take X (score 1), B only X (score 100): B gets X.
    for (const fair of [false, true]) {
      const r = solveAssignment(fromRows([[1], [100]], [1], fair));
      expect(Array.from(r.mentorOf)).toEqual([-1, 0]);
      expect(r.totalScore).toBe(100);
    }
  });

  it('puts the number matched before total score', () => {
    // A's favourite is X, but only A can use Y, so A must take Y for B to be matched at all.
    const input = fromRows([[100, 1], [1, X]], [1, 1]);
    const r = solveAssignment(input);
    expect(Array.from(r.mentorOf)).toEqual([1, 0]);
    expect(r.matched).toBe(2);
    expect(r.totalScore).toBe(2);
  });

  it('fair mode raises the lowest score before the total', () => {
    // Plain: A-X + B-Y = 10 + 0. Fair: A-Y + B-X = 4 + 5, lower total but lowest score 4 > 0.
    const plain = solveAssignment(fromRows([[10, 4], [5, 0]], [1, 1]));
    expect(Array.from(plain.mentorOf)).toEqual([0, 1]);
    expect(plain.totalScore).toBe(10);
    const fairInput = fromRows([[10, 4], [5, 0]], [1, 1], true);
    const fair = solveWithCertificate(fairInput);
    expect(Array.from(fair.mentorOf)).toEqual([1, 0]);
    expect(fair.totalScore).toBe(9);
    expect(fair.certificate.threshold).toBe(4);
    expect(verifyOptimality(fairInput, fair).ok).toBe(true);
  });

  it('fair mode still maximises the number matched first', () => {
    // Matching both forces the low pair B-Y (score 1); matching only A or B would have min 9.
    const r = solveAssignment(fromRows([[9, X], [9, 1]], [1, 1], true));
    expect(r.matched).toBe(2);
    expect(r.totalScore).toBe(10);
  });

  it('accepts capacities far above the number of students', () => {
    const r = solveAssignment(fromRows([[1, 2], [3, 4]], [1e9, 0]));
    expect(Array.from(r.mentorOf)).toEqual([0, 0]);
  });

  it('breaks a plain tie by the lower mentor index', () => {
    const r = solveAssignment(fromRows([[5, 5, 5]], [1, 1, 1]));
    expect(Array.from(r.mentorOf)).toEqual([0]);
  });

  it('handles negative and fractional scores', () => {
    const input = fromRows([[-3.25, -1.5], [-0.75, -10]], [1, 1]);
    const r = solveWithCertificate(input);
    expect(r.matched).toBe(2);
    expect(r.totalScore).toBeCloseTo(-2.25, 12);
    expect(verifyOptimality(input, r).ok).toBe(true);
  });
});

describe('input validation', () => {
  const ok = (): AssignmentInput => ({ students: 2, mentors: 2, capacity: [1, 1], scores: new Float64Array(4) });
  const cases: [string, (i: AssignmentInput) => AssignmentInput, RegExp][] = [
    ['negative students', (i) => ({ ...i, students: -1 }), /students/],
    ['fractional mentors', (i) => ({ ...i, mentors: 1.5 }), /mentors/],
    ['short scores', (i) => ({ ...i, scores: new Float64Array(3) }), /scores must have/],
    ['scores not a Float64Array', (i) => ({ ...i, scores: [0, 0, 0, 0] as unknown as Float64Array }), /Float64Array/],
    ['capacity length', (i) => ({ ...i, capacity: [1] }), /capacity must have 2/],
    ['negative capacity', (i) => ({ ...i, capacity: [1, -1] }), /capacity\[1\]/],
    ['fractional capacity', (i) => ({ ...i, capacity: [1.5, 1] }), /capacity\[0\]/],
    ['NaN capacity', (i) => ({ ...i, capacity: [NaN, 1] }), /capacity\[0\]/],
    ['NaN score', (i) => ({ ...i, scores: Float64Array.from([0, 0, NaN, 0]) }), /student 1, mentor 0/],
    ['+Infinity score', (i) => ({ ...i, scores: Float64Array.from([Infinity, 0, 0, 0]) }), /scores\[0\]/],
  ];
  for (const [name, mutate, message] of cases) {
    it(`throws RangeError for ${name}`, () => {
      expect(() => solveAssignment(mutate(ok()))).toThrow(RangeError);
      expect(() => solveAssignment(mutate(ok()))).toThrow(message);
    });
  }
});

describe('optimality certificate', () => {
  for (const students of [200, 1000, 2000]) {
    for (const fair of [false, true]) {
      it(`proves optimality over all pairs on a ${students}-student bench instance${fair ? ' (fair)' : ''}`, () => {
        const input: AssignmentInput = { ...makeBenchInstance(students, 3), fair };
        const r = solveWithCertificate(input);
        const verdict = verifyOptimality(input, r);
        expect(verdict.reason).toBeUndefined();
        expect(verdict.ok).toBe(true);
        // The proof is tight enough to pin the total to well under one score step (0.01).
        expect(verdict.gapBound!).toBeLessThan(1e-3);
      });
    }
  }

  it('agrees with the textbook min-cost reference on bench instances', () => {
    for (const [students, ratio] of [[300, 1.2], [300, 0.9], [150, 0.5]] as const) {
      const input = makeBenchInstance(students, 11, ratio);
      const ours = solveAssignment(input);
      const ref = referenceMinCost(input);
      expect(ours.matched).toBe(ref.matched);
      expect(ours.totalScore).toBeCloseTo(ref.totalScore, 6);
    }
  });

  // Greedy gives A its favourite X, leaving B (who can only use X) out; optimal is A-Y, B-X.
  const crafted = fromRows([[10, 9], [10, X]], [1, 1]);

  it('rejects a greedy assignment that is worse than optimal', () => {
    const greedy = greedyAssign(crafted);
    const optimal = solveWithCertificate(crafted);
    expect(greedy.matched).toBe(1);
    expect(optimal.matched).toBe(2);
    // The greedy result, whether carrying the optimal duals or duals fitted to it, must fail.
    expect(verifyOptimality(crafted, { ...greedy, certificate: optimal.certificate }).ok).toBe(false);
    // Best fit to greedy's slackness conditions: B unmatched so u_B = 0, Y has room so v_Y = 0,
    // B-X feasible forces v_X >= w_BX, A-X tight forces u_A = 0; then A-Y is violated.
    const { bigM, shift } = optimal.certificate;
    const fitted = {
      ...greedy,
      certificate: { ...optimal.certificate, u: new Float64Array(2), v: Float64Array.from([bigM + 10 - shift, 0]) },
    };
    const verdict = verifyOptimality(crafted, fitted);
    expect(verdict.ok).toBe(false);
    expect(verdict.reason).toMatch(/student 0, mentor 1\) violates/);
  });

  it('rejects tampered duals, figures and missing certificates', () => {
    const r = solveWithCertificate(crafted);
    expect(verifyOptimality(crafted, r).ok).toBe(true);
    const u = Float64Array.from(r.certificate.u);
    u[0]! -= 1;
    expect(verifyOptimality(crafted, { ...r, certificate: { ...r.certificate, u } }).ok).toBe(false);
    expect(verifyOptimality(crafted, { ...r, totalScore: r.totalScore + 1 }).ok).toBe(false);
    expect(verifyOptimality(crafted, { ...r, matched: 1 }).ok).toBe(false);
    expect(verifyOptimality(crafted, { ...r, certificate: { ...r.certificate, bigM: 1 } }).ok).toBe(false);
    expect(verifyOptimality(crafted, { mentorOf: r.mentorOf, matched: 2, totalScore: r.totalScore }).ok).toBe(false);
  });

  it('rejects a fair answer whose bottleneck could be higher', () => {
    const input = fromRows([[10, 4], [5, 0]], [1, 1], true);
    // The plain optimum is a valid weighted solution on all pairs, but its lowest score (0) is beaten.
    const plain = solveWithCertificate({ ...input, fair: false });
    const claimed = { ...plain, certificate: { ...plain.certificate, threshold: 0 } };
    const verdict = verifyOptimality(input, claimed);
    expect(verdict.ok).toBe(false);
    expect(verdict.reason).toMatch(/bottleneck/);
  });

  it('matches brute force on a hand-made tie-heavy instance', () => {
    const input = fromRows([[3, 3, X], [3, 3, 3], [X, 3, 3], [1, 1, 1]], [1, 2, 0]);
    const bf = bruteForce(input);
    const r = solveAssignment(input);
    expect(r.matched).toBe(bf.plain.matched);
    expect(r.totalScore).toBe(bf.plain.totalScore);
    const fair = solveAssignment({ ...input, fair: true });
    expect(minMatchedScore(input, fair.mentorOf)).toBe(bf.fair.minScore);
  });
});

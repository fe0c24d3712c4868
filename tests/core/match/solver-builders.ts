/**
 * Test helpers for the solver: small instance builders, an exhaustive brute force that defines
 * the expected optimum independently of the solver, and the greedy baseline it must beat.
 */
import type { AssignmentInput, AssignmentResult } from '../../../src/core/match/solver.js';

export interface Optimum {
  matched: number;
  totalScore: number;
  /** Lowest matched score, or Infinity when nobody is matched. */
  minScore: number;
}

/**
 * Every assignment (each student: a mentor or nobody) within capacity, scored lexicographically:
 * plain = (matched, total), fair = (matched, lowest score, total). Exponential; tiny inputs only.
 */
export function bruteForce(input: AssignmentInput): { plain: Optimum; fair: Optimum } {
  const { students: S, mentors: M, scores } = input;
  const cap = Array.from(input.capacity);
  const load = new Array<number>(M).fill(0);
  let plain: Optimum = { matched: 0, totalScore: 0, minScore: Infinity };
  let fair: Optimum = { matched: 0, totalScore: 0, minScore: Infinity };
  // Totals are compared with a tolerance because summation order changes the last bits.
  const better = (a: number, b: number): number => (Math.abs(a - b) <= 1e-9 ? 0 : a > b ? 1 : -1);
  const walk = (i: number, matched: number, total: number, min: number): void => {
    if (i === S) {
      const cur = { matched, totalScore: total, minScore: min };
      if (matched > plain.matched || (matched === plain.matched && better(total, plain.totalScore) > 0)) plain = cur;
      if (
        matched > fair.matched ||
        (matched === fair.matched &&
          (min > fair.minScore || (min === fair.minScore && better(total, fair.totalScore) > 0)))
      ) {
        fair = cur;
      }
      return;
    }
    walk(i + 1, matched, total, min);
    for (let j = 0; j < M; j++) {
      const s = scores[i * M + j]!;
      if (s === -Infinity || load[j]! >= cap[j]!) continue;
      load[j]!++;
      walk(i + 1, matched + 1, total + s, Math.min(min, s));
      load[j]!--;
    }
  };
  walk(0, 0, 0, Infinity);
  return { plain, fair };
}

export { greedyAssignment as greedyAssign } from '../../../src/core/match/greedy.js';

export function minMatchedScore(input: AssignmentInput, mentorOf: Int32Array): number {
  let min = Infinity;
  for (let i = 0; i < input.students; i++) {
    const j = mentorOf[i]!;
    if (j >= 0) min = Math.min(min, input.scores[i * input.mentors + j]!);
  }
  return min;
}

/** Builds an input from a row-per-student matrix; null marks a forbidden pair. */
export function fromRows(rows: (number | null)[][], capacity: number[], fair = false): AssignmentInput {
  const S = rows.length;
  const M = capacity.length;
  const scores = new Float64Array(S * M);
  rows.forEach((row, i) => {
    if (row.length !== M) throw new Error(`row ${i} has ${row.length} entries, expected ${M}`);
    row.forEach((s, j) => {
      scores[i * M + j] = s === null ? -Infinity : s;
    });
  });
  return { students: S, mentors: M, capacity, scores, fair };
}

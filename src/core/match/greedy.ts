// The yardstick: first come, first served, the way a spreadsheet gets filled by hand. Each student,
// in import order, takes the best-scoring allowed mentor who still has a place. The summary of a
// run says how much better the exact optimum did on the same data.
import type { Problem, Solved } from './plan.js';
import type { AssignmentInput, AssignmentResult } from './solver.js';
import type { UnmatchedReason } from './explain.js';

export function greedyAssign(scores: Float64Array, students: number, mentors: number, capacity: ArrayLike<number>): Int32Array {
  const left = Int32Array.from(capacity as ArrayLike<number>);
  const mentorOf = new Int32Array(students).fill(-1);
  for (let i = 0; i < students; i++) {
    const base = i * mentors;
    let best = -1;
    let bestScore = -Infinity;
    for (let j = 0; j < mentors; j++) {
      const s = scores[base + j]!;
      if (s > bestScore && left[j]! > 0) {
        best = j;
        bestScore = s;
      }
    }
    if (best >= 0) {
      mentorOf[i] = best;
      left[best]!--;
    }
  }
  return mentorOf;
}

/** The same yardstick on a solver input, with the solver's result shape (benchmarks, tests). */
export function greedyAssignment(input: AssignmentInput): AssignmentResult {
  const mentorOf = greedyAssign(input.scores, input.students, input.mentors, input.capacity);
  let matched = 0;
  let totalScore = 0;
  mentorOf.forEach((j, i) => {
    if (j < 0) return;
    matched++;
    totalScore += input.scores[i * input.mentors + j]!;
  });
  return { mentorOf, matched, totalScore };
}

export interface ScoreFigures {
  matched: number;
  meanScore: number;
  lowestScore: number;
}

function figures(p: Problem, mentorOf: Int32Array): ScoreFigures {
  const M = p.mentors.length;
  let matched = 0;
  let total = 0;
  let lowest = Infinity;
  mentorOf.forEach((j, r) => {
    if (j < 0) return;
    const s = p.scores[r * M + j]!;
    matched++;
    total += s;
    if (s < lowest) lowest = s;
  });
  return { matched, meanScore: matched ? round2(total / matched) : 0, lowestScore: matched ? lowest : 0 };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

export interface MatchSummary extends ScoreFigures {
  fair: boolean;
  /** Students this run tried to match (everyone without a fixed pair who has not left). */
  pool: number;
  /** Students already in a confirmed or completed pair, kept as they are. */
  fixed: number;
  unmatched: number;
  unmatchedBy: Record<UnmatchedReason, number>;
  /** Share (0-1) of this run's proposals where the pair shares at least one sector. */
  sharedSectorShare: number;
  greedy: ScoreFigures;
  /** Optimum minus greedy: more matched students, and mean score. */
  gain: { matched: number; meanScore: number };
}

export function summarise(s: Solved, unmatchedBy: Record<UnmatchedReason, number>): MatchSummary {
  const p = s.problem;
  const mine = figures(p, s.mentorOf);
  const greedy = figures(p, greedyAssign(p.scores, p.pool.length, p.mentors.length, p.mentorRule.free));
  const sharing = s.proposals.filter((pr) => pr.pair.shared_sectors.length > 0).length;
  return {
    fair: s.fair,
    pool: p.pool.length,
    fixed: p.history.fixedPair.size,
    ...mine,
    unmatched: p.pool.length - mine.matched,
    unmatchedBy,
    sharedSectorShare: s.proposals.length ? sharing / s.proposals.length : 0,
    greedy,
    gain: { matched: mine.matched - greedy.matched, meanScore: round2(mine.meanScore - greedy.meanScore) },
  };
}

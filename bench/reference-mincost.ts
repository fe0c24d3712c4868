/**
 * Textbook reference for checking the solver in benches: the dense O(n^2 m) Hungarian algorithm
 * (the classic potentials + "way" array formulation) on the slot-expanded problem. Every mentor
 * becomes capacity[j] identical columns and every student gets a private "unmatched" column of
 * cost 0, so it is a plain rectangular assignment problem. Deliberately shares no code with
 * src/core/match: it exists only so the two can be compared, and is far too slow for real use.
 *
 * Cost of student i on a slot of mentor j is -(BIG + score - min), forbidden pairs are Infinity;
 * BIG > (S + 1) * (score range) makes "more students matched" dominate "more total score".
 */
import type { AssignmentInput, AssignmentResult } from '../src/core/match/solver.js';

export function referenceMinCost(input: AssignmentInput): AssignmentResult {
  const { students: n, mentors: M, scores } = input;
  const slotMentor: number[] = [];
  for (let j = 0; j < M; j++) {
    for (let c = 0; c < Math.min(Number(input.capacity[j]), n); c++) slotMentor.push(j);
  }
  const slots = slotMentor.length;
  const m = slots + n;
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of scores) {
    if (s === -Infinity) continue;
    lo = Math.min(lo, s);
    hi = Math.max(hi, s);
  }
  const big = lo === Infinity ? 1 : (n + 1) * (hi - lo) + 2;
  const cost = (row: number, col: number): number => {
    if (col >= slots) return col - slots === row ? 0 : Infinity;
    const s = scores[row * M + slotMentor[col]!]!;
    return s === -Infinity ? Infinity : -(big + s - lo);
  };

  // 1-indexed as in the textbook; column 0 is the virtual start of each search.
  const u = new Float64Array(n + 1);
  const v = new Float64Array(m + 1);
  const p = new Int32Array(m + 1); // p[col] = row holding col, 0 = free
  const way = new Int32Array(m + 1);
  const minv = new Float64Array(m + 1);
  const used = new Uint8Array(m + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    minv.fill(Infinity);
    used.fill(0);
    do {
      used[j0] = 1;
      const i0 = p[j0]!;
      let delta = Infinity;
      let j1 = 0;
      const ui = u[i0]!;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const cur = cost(i0 - 1, j - 1) - ui - v[j]!;
        if (cur < minv[j]!) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          u[p[j]!]! += delta;
          v[j]! -= delta;
        } else {
          minv[j]! -= delta;
        }
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0]!;
      p[j0] = p[j1]!;
      j0 = j1;
    } while (j0 !== 0);
  }

  const mentorOf = new Int32Array(n).fill(-1);
  let matched = 0;
  let totalScore = 0;
  for (let col = 1; col <= slots; col++) {
    const row = p[col]!;
    if (row === 0) continue;
    const j = slotMentor[col - 1]!;
    mentorOf[row - 1] = j;
    matched++;
    totalScore += scores[(row - 1) * M + j]!;
  }
  return { mentorOf, matched, totalScore };
}

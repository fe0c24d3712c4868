/**
 * Maximum-cardinality b-matching (students x mentors with capacities) restricted to pairs whose
 * score is >= a threshold, and the bottleneck threshold search that fair mode is built on.
 *
 * Adjacency is read straight from the dense score matrix, so no S*M-sized structure is built.
 * Augmentation uses passes of depth-first searches that share one visited-mentor mark per pass
 * (as in Hopcroft-Karp phases): a pass in which every search fails proves the matching maximum,
 * since a mentor visited by a failed search stays useless while the matching does not change.
 */

export interface CardinalityState {
  mentorOf: Int32Array;
  size: number;
}

/**
 * Size of a maximum matching using only pairs with score >= lo. `start` (optional) is a valid
 * matching to begin from; pairs below lo are dropped from it first. Stops early at `target`.
 */
export function maxCardinality(
  students: number,
  mentors: number,
  cap: Int32Array,
  scores: Float64Array,
  lo: number,
  start?: Int32Array,
  target = Infinity,
): CardinalityState {
  const S = students;
  const M = mentors;
  const mentorOf = new Int32Array(S).fill(-1);
  const load = new Int32Array(M);
  const head = new Int32Array(M).fill(-1);
  const next = new Int32Array(S).fill(-1);
  const prev = new Int32Array(S).fill(-1);
  let size = 0;
  const assign = (i: number, j: number): void => {
    const h = head[j]!;
    next[i] = h;
    prev[i] = -1;
    if (h !== -1) prev[h] = i;
    head[j] = i;
    mentorOf[i] = j;
    load[j]!++;
  };
  const unassign = (i: number): void => {
    const j = mentorOf[i]!;
    const p = prev[i]!;
    const n = next[i]!;
    if (p !== -1) next[p] = n;
    else head[j] = n;
    if (n !== -1) prev[n] = p;
    mentorOf[i] = -1;
    load[j]!--;
  };
  if (start) {
    for (let i = 0; i < S; i++) {
      const j = start[i]!;
      if (j >= 0 && scores[i * M + j]! >= lo) {
        assign(i, j);
        size++;
      }
    }
  }
  // Greedy start: most students find a free mentor directly, leaving few searches.
  for (let i = 0; i < S && size < target; i++) {
    if (mentorOf[i]! >= 0) continue;
    const base = i * M;
    for (let j = 0; j < M; j++) {
      if (load[j]! < cap[j]! && scores[base + j]! >= lo) {
        assign(i, j);
        size++;
        break;
      }
    }
  }
  const visited = new Int32Array(M);
  const cursor = new Int32Array(S);
  const stackS = new Int32Array(S + 1);
  const stackM = new Int32Array(S + 1);
  let stamp = 0;

  // Iterative, because an alternating path can be as long as the number of students.
  const search = (root: number): boolean => {
    let d = 0;
    stackS[0] = root;
    stackM[0] = -1;
    cursor[root] = 0;
    while (d >= 0) {
      const k = stackS[d]!;
      const base = k * M;
      const own = mentorOf[k]!;
      if (cursor[k] === 0) {
        // Look-ahead: a mentor with room ends the path at once, which keeps paths short.
        for (let j = 0; j < M; j++) {
          if (j !== own && load[j]! < cap[j]! && scores[base + j]! >= lo) {
            augment(d, j);
            return true;
          }
        }
      }
      let j = cursor[k]!;
      while (j < M && (j === own || visited[j] === stamp || !(scores[base + j]! >= lo))) j++;
      cursor[k] = j + 1;
      if (j < M) {
        visited[j] = stamp;
        const first = head[j]!;
        if (first !== -1) {
          d++;
          stackS[d] = first;
          stackM[d] = j;
          cursor[first] = 0;
        }
        continue;
      }
      // k is exhausted: try the next student of the same mentor, else back up.
      if (d === 0) return false;
      const sib = next[k]!;
      if (sib !== -1) {
        stackS[d] = sib;
        cursor[sib] = 0;
      } else {
        d--;
      }
    }
    return false;
  };
  const augment = (d: number, last: number): void => {
    let to = last;
    for (let t = d; t >= 0; t--) {
      const k = stackS[t]!;
      const from = mentorOf[k]!;
      if (from >= 0) unassign(k);
      assign(k, to);
      to = from;
    }
    size++;
  };

  for (;;) {
    if (size >= target) break;
    stamp++;
    let found = 0;
    for (let i = 0; i < S && size < target; i++) {
      if (mentorOf[i]! < 0 && search(i)) found++;
    }
    if (found === 0) break;
  }
  return { mentorOf, size };
}

/** The smallest double strictly greater than x, for "strictly above the threshold" tests. */
export function nextUp(x: number): number {
  if (Number.isNaN(x) || x === Infinity) return x;
  if (x === 0) return Number.MIN_VALUE;
  const f = new Float64Array([x]);
  const b = new BigInt64Array(f.buffer);
  b[0] = x > 0 ? b[0]! + 1n : b[0]! - 1n;
  return f[0]!;
}

/** Candidate thresholds are collected and sorted outright once at most this many remain. */
const COLLECT_LIMIT = 1 << 18;

/**
 * The greatest finite score t such that a maximum matching using only pairs with score >= t is
 * as large as the unrestricted maximum (`full`, with its matching `fullMatch`). Bisection over the
 * distinct score values; when there are too many to collect, a pivot is taken from a strided
 * sample of them so memory stays small and each probe still removes a large share.
 */
export function bottleneckThreshold(
  students: number,
  mentors: number,
  cap: Int32Array,
  scores: Float64Array,
  minFinite: number,
  full: CardinalityState,
): { threshold: number; probes: number } {
  let lo = minFinite; // feasible
  let loMatch = full.mentorOf;
  let hi = Infinity; // infeasible (or beyond every score)
  let probes = 0;
  const feasible = (t: number): boolean => {
    probes++;
    const r = maxCardinality(students, mentors, cap, scores, t, loMatch, full.size);
    if (r.size === full.size) {
      loMatch = r.mentorOf;
      return true;
    }
    return false;
  };
  const n = scores.length;
  for (;;) {
    let count = 0;
    for (let x = 0; x < n; x++) {
      const s = scores[x]!;
      if (s > lo && s < hi) count++;
    }
    if (count === 0) return { threshold: lo, probes };
    if (count <= COLLECT_LIMIT) {
      const vals = new Float64Array(count);
      let c = 0;
      for (let x = 0; x < n; x++) {
        const s = scores[x]!;
        if (s > lo && s < hi) vals[c++] = s;
      }
      vals.sort();
      let m = 0;
      for (let x = 0; x < count; x++) if (x === 0 || vals[x] !== vals[m - 1]) vals[m++] = vals[x]!;
      // Invariant: index l is feasible (-1 stands for lo), index h infeasible (m stands for hi).
      let l = -1;
      let h = m;
      while (h - l > 1) {
        const mid = (l + h) >> 1;
        if (feasible(vals[mid]!)) l = mid;
        else h = mid;
      }
      return { threshold: l >= 0 ? vals[l]! : lo, probes };
    }
    const stride = Math.ceil(count / 4096);
    const sample: number[] = [];
    let seen = 0;
    for (let x = 0; x < n; x++) {
      const s = scores[x]!;
      if (s > lo && s < hi && seen++ % stride === 0) sample.push(s);
    }
    sample.sort((a, b) => a - b);
    const pivot = sample[sample.length >> 1]!;
    if (feasible(pivot)) lo = pivot;
    else hi = pivot;
  }
}

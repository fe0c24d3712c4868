/** Public shapes of the solver and the input checks shared by the solver and the verifier. */

export interface AssignmentInput {
  students: number;
  mentors: number;
  /** Length `mentors`, integers >= 0. */
  capacity: ArrayLike<number>;
  /** Length students*mentors, row-major (student i, mentor j at i*mentors+j); -Infinity = forbidden. */
  scores: Float64Array;
  fair?: boolean;
}

export interface AssignmentResult {
  /** Length `students`; the mentor index, or -1 when unmatched. */
  mentorOf: Int32Array;
  matched: number;
  /** Sum of the scores of matched pairs. */
  totalScore: number;
}

/**
 * LP duals of the weighted problem. Pair (i, j) has weight bigM + score - shift when allowed
 * (finite and, in fair mode, score >= threshold). See verifyOptimality for the conditions.
 */
export interface OptimalityCertificate {
  u: Float64Array;
  v: Float64Array;
  bigM: number;
  shift: number;
  threshold?: number;
}

export interface CertifiedResult extends AssignmentResult {
  certificate: OptimalityCertificate;
  /** Pricing passes over all pairs (the last one found no violation). */
  iterations: number;
  /** Size of the candidate graph the flow finally ran on. */
  candidatePairs: number;
  /** Dijkstra searches run (fast-path insertions excluded). */
  searches: number;
  /** Max-cardinality probes of the fair threshold search (0 when not fair). */
  thresholdProbes: number;
}

/** Throws RangeError naming the first problem found; returns the checked numbers. */
export function validateInput(input: AssignmentInput): { students: number; mentors: number; scores: Float64Array } {
  const { students, mentors, capacity, scores } = input;
  if (!Number.isSafeInteger(students) || students < 0) {
    throw new RangeError(`students must be an integer >= 0, got ${String(students)}`);
  }
  if (!Number.isSafeInteger(mentors) || mentors < 0) {
    throw new RangeError(`mentors must be an integer >= 0, got ${String(mentors)}`);
  }
  if (!(scores instanceof Float64Array)) throw new RangeError('scores must be a Float64Array');
  if (scores.length !== students * mentors) {
    throw new RangeError(
      `scores must have students*mentors = ${students * mentors} entries, got ${scores.length}`,
    );
  }
  if (capacity == null || capacity.length !== mentors) {
    throw new RangeError(`capacity must have ${mentors} entries (one per mentor), got ${capacity?.length}`);
  }
  for (let j = 0; j < mentors; j++) {
    const c = capacity[j]!;
    if (!Number.isInteger(c) || c < 0) {
      throw new RangeError(`capacity[${j}] must be an integer >= 0, got ${String(c)}`);
    }
  }
  for (let x = 0; x < scores.length; x++) {
    const s = scores[x]!;
    // -Infinity means forbidden; NaN or +Infinity would make "best" meaningless.
    if (Number.isNaN(s) || s === Infinity) {
      const i = Math.floor(x / mentors);
      throw new RangeError(`scores[${x}] (student ${i}, mentor ${x - i * mentors}) must be finite or -Infinity, got ${s}`);
    }
  }
  return { students, mentors, scores };
}

/** A capacity above the number of students can never bind, so it is clamped to fit an Int32Array. */
export function clampCapacity(capacity: ArrayLike<number>, students: number): Int32Array {
  const cap = new Int32Array(capacity.length);
  for (let j = 0; j < capacity.length; j++) cap[j] = Math.min(capacity[j]!, students);
  return cap;
}

/**
 * Exact student-mentor assignment. Pure: no I/O, no clock, no randomness; the same input always
 * gives the same output.
 *
 * Objective, lexicographic: (1) as many students matched as possible; (2) the greatest total
 * score. With `fair`, (2) becomes "the greatest lowest matched score" and the total comes third.
 *
 * Method: max-weight b-matching with w_ij = BIG + (s_ij - min score), BIG larger than any possible
 * difference in summed scores, so weight order is exactly the lexicographic order. It is solved by
 * successive shortest augmenting paths on short candidate lists (each student's best mentors),
 * then a pricing pass over all S*M pairs adds any pair the duals say could help, until none can.
 * The final pricing pass is the proof: the returned duals satisfy the LP optimality conditions
 * over every pair, which `verifyOptimality` re-checks independently.
 */
import { mergeCandidates, priceViolations, topKCandidates, } from './solver-candidates.js';
import { bottleneckThreshold, maxCardinality } from './solver-cardinality.js';
import { FlowEngine } from './solver-flow.js';
import { clampCapacity, validateInput, } from './solver-input.js';
export { verifyOptimality } from './solver-certificate.js';
export { validateInput } from './solver-input.js';
const DEFAULT_CANDIDATES = 10;
const DEFAULT_VIOLATORS = 8;
/**
 * Pricing tolerance relative to BIG. Potentials have magnitude ~BIG, so rounding noise is a few
 * ulps of BIG (~1e-16 relative); 1e-12 sits far above that noise yet far below any real score
 * difference, so no genuine improvement is ignored and noise never loops the pricing.
 */
const PRICE_EPS = 1e-12;
export function solveAssignment(input) {
    const r = solveWithCertificate(input);
    return { mentorOf: r.mentorOf, matched: r.matched, totalScore: r.totalScore };
}
export function solveWithCertificate(input, options = {}) {
    const { students: S, mentors: M, scores } = validateInput(input);
    const cap = clampCapacity(input.capacity, S);
    let minFinite = Infinity;
    for (let x = 0; x < scores.length; x++) {
        const s = scores[x];
        if (s !== -Infinity && s < minFinite)
            minFinite = s;
    }
    const empty = () => ({
        mentorOf: new Int32Array(S).fill(-1),
        matched: 0,
        totalScore: 0,
        certificate: { u: new Float64Array(S), v: new Float64Array(M), bigM: 1, shift: 0 },
        iterations: 0,
        candidatePairs: 0,
        searches: 0,
        thresholdProbes: 0,
    });
    if (minFinite === Infinity)
        return empty(); // no allowed pair at all (also S = 0 or M = 0)
    let lo = minFinite;
    let threshold;
    let thresholdProbes = 0;
    if (input.fair === true) {
        const full = maxCardinality(S, M, cap, scores, minFinite);
        // Nobody can be matched: there is no bottleneck to raise, and the plain solve proves it.
        if (full.size > 0) {
            const found = bottleneckThreshold(S, M, cap, scores, minFinite, full);
            threshold = found.threshold;
            thresholdProbes = found.probes;
            lo = threshold;
        }
    }
    let shift = Infinity;
    let maxAllowed = -Infinity;
    for (let x = 0; x < scores.length; x++) {
        const s = scores[x];
        if (s >= lo) {
            if (s < shift)
                shift = s;
            if (s > maxAllowed)
                maxAllowed = s;
        }
    }
    const big = (S + 1) * (maxAllowed - shift) + 2;
    if (!Number.isFinite(big) || big > 2 ** 40) {
        // Beyond ~1e12 an ulp of BIG nears 1e-4, the size of real score differences, so BIG + score
        // could no longer tell near-equal totals apart.
        throw new RangeError(`score range ${shift}..${maxAllowed} is too wide for ${S} students`);
    }
    const p = { students: S, mentors: M, cap, scores, lo, shift, big };
    const engine = new FlowEngine(S, M, cap);
    let cand = topKCandidates(p, options.candidates ?? DEFAULT_CANDIDATES);
    engine.setCandidates(cand);
    for (let i = 0; i < S; i++)
        engine.insert(i);
    let iterations = 0;
    for (;;) {
        iterations++;
        const viol = priceViolations(p, cand, engine.u, engine.v, PRICE_EPS * big, options.violatorsPerStudent ?? DEFAULT_VIOLATORS);
        if (viol.students.length === 0)
            break;
        cand = mergeCandidates(p, cand, viol);
        engine.setCandidates(cand);
        engine.reinsert(viol.students);
    }
    // The engine's invariants already give u = 0 for unmatched students and v = 0 for mentors with
    // room; pinning them removes rounding residue, and lowering those to 0 keeps every pair feasible.
    const mentorOf = Int32Array.from(engine.mentorOf);
    const u = Float64Array.from(engine.u);
    const v = Float64Array.from(engine.v);
    let matched = 0;
    let totalScore = 0;
    for (let i = 0; i < S; i++) {
        const j = mentorOf[i];
        if (j < 0) {
            u[i] = 0;
            continue;
        }
        matched++;
        totalScore += scores[i * M + j];
    }
    for (let j = 0; j < M; j++)
        if (engine.load[j] < cap[j])
            v[j] = 0;
    const certificate = { u, v, bigM: big, shift };
    if (threshold !== undefined)
        certificate.threshold = threshold;
    return {
        mentorOf,
        matched,
        totalScore,
        certificate,
        iterations,
        candidatePairs: cand.adj.length,
        searches: engine.searches,
        thresholdProbes,
    };
}

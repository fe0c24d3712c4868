/**
 * Independent check of an assignment against its optimality certificate, over ALL S*M pairs.
 *
 * Bipartite b-matching LP (integral, so LP optimum = integer optimum), with w_ij = bigM + s_ij -
 * shift on allowed pairs:
 *   max sum w_ij x_ij  s.t.  sum_j x_ij <= 1,  sum_i x_ij <= cap_j,  x >= 0
 *   dual: min sum u_i + sum cap_j v_j  s.t.  u_i + v_j >= w_ij,  u, v >= 0.
 * A feasible primal and dual meeting complementary slackness (matched pairs tight, unmatched
 * students u = 0, mentors below capacity v = 0) are both optimal. Because bigM exceeds S times
 * the score range, weight order equals (matched, total score) order, so this proves objective 1
 * and 2. In fair mode the weighted proof runs on pairs >= threshold, and two max-cardinality runs
 * prove the threshold is the best bottleneck: all pairs give no more students than we matched,
 * and pairs strictly above the threshold give fewer.
 */
import { maxCardinality, nextUp } from './solver-cardinality.js';
import { clampCapacity, validateInput, } from './solver-input.js';
export function verifyOptimality(input, result, options = {}) {
    try {
        validateInput(input);
    }
    catch (e) {
        return { ok: false, reason: `invalid input: ${e.message}` };
    }
    const { students: S, mentors: M, scores } = input;
    const cap = clampCapacity(input.capacity, S);
    const { mentorOf, certificate: cert } = result;
    if (!(mentorOf instanceof Int32Array) || mentorOf.length !== S) {
        return { ok: false, reason: `mentorOf must be an Int32Array of length ${S}` };
    }
    if (!cert)
        return { ok: false, reason: 'no certificate' };
    const { u, v, bigM, shift, threshold } = cert;
    if (u.length !== S || v.length !== M)
        return { ok: false, reason: 'certificate u/v have the wrong length' };
    if (!Number.isFinite(bigM) || !Number.isFinite(shift) || bigM <= 0) {
        return { ok: false, reason: 'certificate bigM/shift must be finite, bigM > 0' };
    }
    if (input.fair !== true && threshold !== undefined) {
        return { ok: false, reason: 'a threshold is only meaningful in fair mode' };
    }
    let minFinite = Infinity;
    for (let x = 0; x < scores.length; x++) {
        const s = scores[x];
        if (s !== -Infinity && s < minFinite)
            minFinite = s;
    }
    const lo = threshold ?? minFinite;
    if (threshold !== undefined && !Number.isFinite(threshold))
        return { ok: false, reason: 'threshold must be finite' };
    // Primal feasibility and the reported figures.
    const load = new Int32Array(M);
    let matched = 0;
    let total = 0;
    let magnitude = 1;
    for (let i = 0; i < S; i++) {
        const j = mentorOf[i];
        if (j === -1)
            continue;
        if (!(j >= 0 && j < M))
            return { ok: false, reason: `student ${i} has invalid mentor ${j}` };
        const s = scores[i * M + j];
        if (!(s >= lo)) {
            return { ok: false, reason: `student ${i} uses pair with mentor ${j} that is forbidden or below the threshold` };
        }
        if (++load[j] > cap[j])
            return { ok: false, reason: `mentor ${j} is over capacity ${cap[j]}` };
        matched++;
        total += s;
        magnitude += Math.abs(s);
    }
    if (matched !== result.matched)
        return { ok: false, reason: `matched is ${result.matched}, assignment has ${matched}` };
    if (Math.abs(total - result.totalScore) > 1e-9 * magnitude) {
        return { ok: false, reason: `totalScore is ${result.totalScore}, assignment sums to ${total}` };
    }
    const eps = (options.relativeEps ?? 1e-9) * bigM;
    let minAllowed = Infinity;
    let maxAllowed = -Infinity;
    for (let x = 0; x < scores.length; x++) {
        const s = scores[x];
        if (s >= lo) {
            if (s < minAllowed)
                minAllowed = s;
            if (s > maxAllowed)
                maxAllowed = s;
        }
    }
    if (maxAllowed >= minAllowed) {
        if (shift > minAllowed)
            return { ok: false, reason: `shift ${shift} exceeds the lowest allowed score ${minAllowed}` };
        const needed = S * (maxAllowed - shift) + (2 * S + M) * eps;
        if (!(bigM > needed))
            return { ok: false, reason: `bigM ${bigM} is too small to make cardinality dominate (needs > ${needed})` };
    }
    // Dual feasibility and complementary slackness; track the worst violation for the report.
    let worst = 0;
    const fail = (reason) => ({ ok: false, reason, maxViolation: worst });
    for (let i = 0; i < S; i++) {
        const ui = u[i];
        if (!(ui >= -eps))
            return fail(`u[${i}] = ${ui} is negative`);
        worst = Math.max(worst, -ui);
        if (mentorOf[i] === -1) {
            if (!(Math.abs(ui) <= eps))
                return fail(`student ${i} is unmatched but u = ${ui} (must be 0)`);
            worst = Math.max(worst, Math.abs(ui));
        }
    }
    for (let j = 0; j < M; j++) {
        const vj = v[j];
        if (!(vj >= -eps))
            return fail(`v[${j}] = ${vj} is negative`);
        worst = Math.max(worst, -vj);
        if (load[j] < cap[j]) {
            if (!(Math.abs(vj) <= eps))
                return fail(`mentor ${j} has room but v = ${vj} (must be 0)`);
            worst = Math.max(worst, Math.abs(vj));
        }
    }
    for (let i = 0; i < S; i++) {
        const base = i * M;
        const ui = u[i] - bigM + shift;
        const own = mentorOf[i];
        for (let j = 0; j < M; j++) {
            const s = scores[base + j];
            if (!(s >= lo))
                continue;
            const r = ui + v[j] - s; // u_i + v_j - w_ij
            if (r < -eps)
                return fail(`pair (student ${i}, mentor ${j}) violates u + v >= w by ${-r}`);
            if (-r > worst)
                worst = -r;
            if (j === own) {
                if (r > eps)
                    return fail(`matched pair (student ${i}, mentor ${j}) is not tight: slack ${r}`);
                if (r > worst)
                    worst = r;
            }
        }
    }
    if (input.fair === true) {
        const full = maxCardinality(S, M, cap, scores, minFinite);
        if (full.size !== matched) {
            return fail(`fair mode must match the maximum ${full.size} students, matched ${matched}`);
        }
        if (matched > 0) {
            if (threshold === undefined)
                return fail('fair mode needs the bottleneck threshold in the certificate');
            const above = maxCardinality(S, M, cap, scores, nextUp(threshold), undefined, matched);
            if (above.size >= matched) {
                return fail(`threshold ${threshold} is not the best bottleneck: pairs above it still match ${above.size}`);
            }
        }
    }
    return { ok: true, maxViolation: worst, gapBound: (2 * S + M) * worst };
}

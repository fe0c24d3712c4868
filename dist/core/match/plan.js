import { mentorRules, pairBlock, pairRules, readHistory, splitPairKey } from './rules.js';
import { Scorer } from './score.js';
import { solveAssignment } from './solver.js';
export function buildProblem(input) {
    const history = readHistory(input.matches, input.exclusions);
    for (const email of input.allowMentors ?? [])
        history.mentorsUnresponsive.delete(email);
    const pool = input.students.filter((s) => !history.fixedPair.has(s.email) && !history.studentsLeft.has(s.email));
    const mentors = input.mentors;
    const scorer = new Scorer(pool, mentors, input.scheme);
    const mentorRule = mentorRules(mentors, history, input.scheme);
    const rules = pairRules(input.scheme);
    const S = pool.length;
    const M = mentors.length;
    const rowOf = new Map(pool.map((s, r) => [s.email, r]));
    const colOf = new Map(mentors.map((m, j) => [m.email, j]));
    const excludedOf = new Map();
    for (const key of history.excluded.keys()) {
        const { student, mentor } = splitPairKey(key);
        const r = rowOf.get(student);
        const j = colOf.get(mentor);
        if (r === undefined || j === undefined)
            continue;
        let set = excludedOf.get(r);
        if (!set)
            excludedOf.set(r, (set = new Set()));
        set.add(j);
    }
    // A mentor ruled out as a whole, or already full, is -Infinity for everyone: skip scoring it.
    const open = [];
    for (let j = 0; j < M; j++)
        if (mentorRule.free[j] > 0)
            open.push(j);
    const cols = Int32Array.from(open);
    const scores = new Float64Array(S * M).fill(-Infinity);
    for (let r = 0; r < S; r++) {
        scorer.scoreRow(r, cols, scores, r * M, rules.minScore, rules.requireSharedSector);
        const ex = excludedOf.get(r);
        if (ex)
            for (const j of ex)
                scores[r * M + j] = -Infinity;
    }
    return { pool, mentors, scorer, history, mentorRule, rules, scores, excludedOf };
}
/** Why pool row r and mentor j cannot be paired at all (capacity aside), or null. */
export function blockOf(p, r, j) {
    const whole = p.mentorRule.block[j];
    if (whole)
        return whole;
    return pairBlock(p.rules, p.excludedOf.get(r)?.has(j) ?? false, p.scorer.sharedSectorCount(r, j), p.scorer.score(r, j));
}
/** The best `count` mentors for row r with a place still free after the run, best first. */
export function alternativesFor(p, r, own, count, freeMentors) {
    const best = [];
    if (count <= 0)
        return best;
    const base = r * p.mentors.length;
    for (const j of freeMentors) {
        if (j === own)
            continue;
        const s = p.scores[base + j];
        if (s === -Infinity)
            continue;
        if (best.length === count && s <= best[count - 1].score)
            continue;
        let k = best.length;
        // Ties keep mentor order: a later mentor never passes an equal earlier one.
        while (k > 0 && best[k - 1].score < s)
            k--;
        best.splice(k, 0, { mentor: j, score: s });
        if (best.length > count)
            best.pop();
    }
    return best;
}
export function solve(p, opts) {
    const M = p.mentors.length;
    const result = solveAssignment({ students: p.pool.length, mentors: M, capacity: p.mentorRule.free, scores: p.scores, fair: opts.fair });
    const taken = new Int32Array(M);
    for (const j of result.mentorOf)
        if (j >= 0)
            taken[j]++;
    const freeMentors = [];
    for (let j = 0; j < M; j++)
        if (taken[j] < p.mentorRule.free[j])
            freeMentors.push(j);
    const proposals = [];
    result.mentorOf.forEach((j, r) => {
        if (j < 0)
            return;
        proposals.push({ row: r, mentor: j, pair: p.scorer.explain(r, j), alternatives: alternativesFor(p, r, j, opts.alternatives, freeMentors) });
    });
    return { problem: p, fair: opts.fair, mentorOf: result.mentorOf, taken, proposals };
}
/** data/matches.csv after the run: every row that persists, then the new proposals. */
export function matchesAfter(s, proposedAt) {
    const fresh = s.proposals.map((pr) => ({
        student_email: s.problem.pool[pr.row].email,
        mentor_email: s.problem.mentors[pr.mentor].email,
        status: 'proposed',
        score: pr.pair.score,
        breakdown: pr.pair.breakdown,
        shared_sectors: pr.pair.shared_sectors,
        shared_support: pr.pair.shared_support,
        proposed_at: proposedAt,
        decided_at: '',
        reason: '',
    }));
    return [...s.problem.history.kept, ...fresh];
}
/** Mentor places: capacity, filled by fixed pairs and by this run, and still free. */
export function placesOf(s, j) {
    const m = s.problem.mentors[j];
    const fixed = s.problem.mentorRule.fixed[j];
    const proposed = s.taken[j];
    return { capacity: m.capacity, fixed, proposed, free: Math.max(0, s.problem.mentorRule.free[j] - proposed) };
}

import { blockOf } from './plan.js';
import { BLOCK_TEXT, pairKey } from './rules.js';
import { Scorer } from './score.js';
export const UNMATCHED_TEXT = {
    'no-eligible-mentor': 'no eligible mentor',
    'mentors-full': 'eligible mentors all full',
    'below-min-score': 'below min_score',
};
const NAMED = 5;
function mentorLabel(m) {
    return `${m.name} <${m.email}>`;
}
const COUNT_TEXT = {
    unavailable: 'unavailable for the whole programme',
    withdrew: 'left the scheme',
    unresponsive: 'did not answer a student after the last chase',
    excluded: 'excluded for this student',
    'no-shared-sector': 'share no sector (require_shared_sector)',
    'below-min-score': 'below min_score',
};
export function whyUnmatched(p, r) {
    const M = p.mentors.length;
    const counts = new Map();
    const eligible = [];
    let bestBelow = null;
    for (let j = 0; j < M; j++) {
        const score = p.scores[r * M + j];
        const block = score !== -Infinity ? null : blockOf(p, r, j);
        // Finite score, or no rule against the pair: the mentor is only held back by places.
        if (block === null) {
            eligible.push({ mentor: j, score: score !== -Infinity ? score : p.scorer.score(r, j) });
            continue;
        }
        counts.set(block, (counts.get(block) ?? 0) + 1);
        if (block === 'below-min-score') {
            const score = p.scorer.score(r, j);
            if (!bestBelow || score > bestBelow.score)
                bestBelow = { mentor: j, score };
        }
    }
    if (eligible.length) {
        eligible.sort((a, b) => b.score - a.score || a.mentor - b.mentor);
        const named = eligible.slice(0, NAMED).map((e) => `${mentorLabel(p.mentors[e.mentor])} (${e.score})`);
        const more = eligible.length > NAMED ? ` and ${eligible.length - NAMED} more` : '';
        return { row: r, reason: 'mentors-full', detail: `every eligible mentor is full: ${named.join(', ')}${more}`, full: eligible };
    }
    if (bestBelow) {
        const min = p.rules.minScore;
        return {
            row: r,
            reason: 'below-min-score',
            detail: `every otherwise eligible mentor scores below min_score ${min} (best: ${bestBelow.score} with ${mentorLabel(p.mentors[bestBelow.mentor])})`,
            full: [],
        };
    }
    if (M === 0)
        return { row: r, reason: 'no-eligible-mentor', detail: 'there are no mentors in the workspace', full: [] };
    const parts = [...counts].map(([b, n]) => `${n} ${COUNT_TEXT[b]}`);
    const only = counts.size === 1 ? [...counts.keys()][0] : undefined;
    const detail = only === 'excluded' ? `all ${M} mentor(s) are excluded for this student`
        : only === 'no-shared-sector' ? 'no mentor shares a sector with this student (require_shared_sector is on)'
            : only === 'unavailable' ? 'every mentor is unavailable for the whole programme'
                : `no eligible mentor: ${parts.join(', ')}`;
    return { row: r, reason: 'no-eligible-mentor', detail, full: [] };
}
export function unmatchedOf(s) {
    const out = [];
    s.mentorOf.forEach((j, r) => {
        if (j < 0)
            out.push(whyUnmatched(s.problem, r));
    });
    return out;
}
function topByScore(scorer, r, mentors, skip, count) {
    const order = [];
    for (let j = 0; j < mentors; j++)
        if (j !== skip)
            order.push({ j, s: scorer.score(r, j) });
    order.sort((a, b) => b.s - a.s || a.j - b.j);
    return order.slice(0, count).map((o) => o.j);
}
function optionWhy(s, r, j, own) {
    const p = s.problem;
    const block = blockOf(p, r, j);
    if (block === 'excluded') {
        const why = p.history.excluded.get(pairKey(p.pool[r].email, p.mentors[j].email)) ?? BLOCK_TEXT.excluded;
        return { kind: block, why };
    }
    if (block)
        return { kind: block, why: BLOCK_TEXT[block] };
    if (p.mentorRule.free[j] === 0)
        return { kind: 'full', why: `full: all ${p.mentors[j].capacity} place(s) are in confirmed pairs` };
    const score = p.scorer.score(r, j);
    if (s.taken[j] < p.mentorRule.free[j]) {
        if (own < 0)
            return { kind: 'not-needed', why: 'has a free place' };
        const mine = p.scorer.score(r, own);
        return score < mine
            ? { kind: 'lower-score', why: `lower score (${score} against ${mine}); a place is still free` }
            : { kind: 'same-score', why: `the same score as the proposed mentor (${score}); either is optimal` };
    }
    // Full with this run's proposals: name the student who would lose the place most cheaply.
    let displaced = -1;
    s.mentorOf.forEach((m, other) => {
        if (m === j && (displaced < 0 || p.scorer.score(other, j) < p.scorer.score(displaced, j)))
            displaced = other;
    });
    const d = p.pool[displaced];
    const dScore = p.scorer.score(displaced, j);
    return {
        kind: 'taken',
        why: `chosen for someone else: would have displaced ${d.name} <${d.email}> (${dScore} with this mentor)`,
        displaced: { email: d.email, name: d.name, score: dScore },
    };
}
/** Why the student got their mentor (or none), and what the next best options were worth. */
export function explainStudent(input, s, email, count) {
    const student = input.students.find((x) => x.email === email);
    if (!student)
        return null;
    const p = s.problem;
    const M = p.mentors.length;
    const r = p.pool.indexOf(student);
    const base = { student_email: student.email, student_name: student.name };
    if (r < 0) {
        const fixed = p.history.fixedPair.get(student.email);
        if (!fixed)
            return { ...base, status: 'left', note: 'left the scheme (withdrawn): matching does not propose for them', options: [] };
        const scorer = new Scorer([student], p.mentors, input.scheme);
        const own = p.mentors.findIndex((m) => m.email === fixed.mentor_email);
        const mentor = own >= 0 ? { ...scorer.explain(0, own), email: p.mentors[own].email, name: p.mentors[own].name } : undefined;
        const options = topByScore(scorer, 0, M, own, count).map((j) => ({
            ...scorer.explain(0, j),
            mentor_email: p.mentors[j].email,
            mentor_name: p.mentors[j].name,
            kind: 'not-needed',
            why: 'not considered: the pair is fixed',
        }));
        const status = fixed.status === 'completed' ? 'completed' : 'confirmed';
        const note = `the pair was ${status}${fixed.decided_at ? ` on ${fixed.decided_at.slice(0, 10)}` : ''}; matching never moves a ${status} pair`;
        return { ...base, status, ...(mentor ? { mentor } : {}), note, options };
    }
    const own = s.mentorOf[r];
    const options = topByScore(p.scorer, r, M, own, count).map((j) => ({
        ...p.scorer.explain(r, j),
        mentor_email: p.mentors[j].email,
        mentor_name: p.mentors[j].name,
        ...optionWhy(s, r, j, own),
    }));
    if (own < 0) {
        const u = whyUnmatched(p, r);
        return { ...base, status: 'unmatched', note: `${UNMATCHED_TEXT[u.reason]}: ${u.detail}`, options };
    }
    const m = p.mentors[own];
    const objective = s.fair ? 'the most students matched, then the highest lowest score, then the highest total' : 'the most students matched, then the highest total score';
    return {
        ...base,
        status: 'proposed',
        mentor: { ...p.scorer.explain(r, own), email: m.email, name: m.name },
        note: `proposed as part of the exact optimum (${objective})`,
        options,
    };
}

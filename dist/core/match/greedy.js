export function greedyAssign(scores, students, mentors, capacity) {
    const left = Int32Array.from(capacity);
    const mentorOf = new Int32Array(students).fill(-1);
    for (let i = 0; i < students; i++) {
        const base = i * mentors;
        let best = -1;
        let bestScore = -Infinity;
        for (let j = 0; j < mentors; j++) {
            const s = scores[base + j];
            if (s > bestScore && left[j] > 0) {
                best = j;
                bestScore = s;
            }
        }
        if (best >= 0) {
            mentorOf[i] = best;
            left[best]--;
        }
    }
    return mentorOf;
}
/** The same yardstick on a solver input, with the solver's result shape (benchmarks, tests). */
export function greedyAssignment(input) {
    const mentorOf = greedyAssign(input.scores, input.students, input.mentors, input.capacity);
    let matched = 0;
    let totalScore = 0;
    mentorOf.forEach((j, i) => {
        if (j < 0)
            return;
        matched++;
        totalScore += input.scores[i * input.mentors + j];
    });
    return { mentorOf, matched, totalScore };
}
function figures(p, mentorOf) {
    const M = p.mentors.length;
    let matched = 0;
    let total = 0;
    let lowest = Infinity;
    mentorOf.forEach((j, r) => {
        if (j < 0)
            return;
        const s = p.scores[r * M + j];
        matched++;
        total += s;
        if (s < lowest)
            lowest = s;
    });
    return { matched, meanScore: matched ? round2(total / matched) : 0, lowestScore: matched ? lowest : 0 };
}
function round2(x) {
    return Math.round(x * 100) / 100;
}
export function summarise(s, unmatchedBy) {
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

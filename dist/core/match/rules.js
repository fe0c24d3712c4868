// The hard rules, applied before any score counts: which students still need a mentor, how many
// places each mentor has left, and which pairs may never be proposed. Everything is derived from
// data/matches.csv and data/exclusions.csv, so it survives any number of runs and hand edits.
import { UNRESPONSIVE } from '../followup/chase.js';
import { unavailableThroughout } from '../timeline.js';
export const BLOCK_TEXT = {
    unavailable: 'the mentor is unavailable for the whole programme',
    withdrew: 'the mentor has left the scheme',
    unresponsive: 'the mentor did not answer a student after the last chase (mentorship match --allow-mentor EMAIL proposes them again)',
    excluded: 'the pair is excluded',
    'no-shared-sector': 'they share no sector (require_shared_sector)',
    'below-min-score': 'the score is below min_score',
};
export function pairKey(student, mentor) {
    return `${student}\u0000${mentor}`;
}
export function splitPairKey(key) {
    const at = key.indexOf('\u0000');
    return { student: key.slice(0, at), mentor: key.slice(at + 1) };
}
/** A pair that is still in force: it holds the student and one of the mentor's places. */
export function isActive(m) {
    return m.status === 'proposed' || m.status === 'confirmed';
}
/** Confirmed and completed pairs are fixed: matching never moves them. */
export function isFixed(m) {
    return m.status === 'confirmed' || m.status === 'completed';
}
/**
 * `withdraw EMAIL` ends a pair on behalf of the person named, who leaves the scheme; the reason
 * column records who it was, so the next `match` re-matches the other side and not them.
 */
export function withdrawalReason(side, text) {
    const t = text.trim();
    return t ? `${side} left: ${t}` : `${side} left the scheme`;
}
export function leaverOf(reason) {
    const m = /^\s*(student|mentor) left\b/i.exec(reason);
    return m ? m[1].toLowerCase() : null;
}
export function readHistory(matches, exclusions) {
    const h = {
        kept: [],
        fixedPair: new Map(),
        fixedLoad: new Map(),
        studentsLeft: new Set(),
        mentorsLeft: new Set(),
        mentorsUnresponsive: new Set(),
        excluded: new Map(),
    };
    for (const e of exclusions) {
        h.excluded.set(pairKey(e.student_email, e.mentor_email), e.reason ? `excluded: ${e.reason}` : 'excluded in data/exclusions.csv');
    }
    for (const m of matches) {
        if (m.status !== 'proposed')
            h.kept.push(m);
        if (isFixed(m)) {
            h.fixedPair.set(m.student_email, m);
            h.fixedLoad.set(m.mentor_email, (h.fixedLoad.get(m.mentor_email) ?? 0) + 1);
        }
        if (m.status === 'withdrawn') {
            const key = pairKey(m.student_email, m.mentor_email);
            if (!h.excluded.has(key))
                h.excluded.set(key, `withdrawn${m.decided_at ? ` on ${m.decided_at.slice(0, 10)}` : ''}${m.reason ? ` (${m.reason})` : ''}`);
            const who = leaverOf(m.reason);
            if (who === 'student')
                h.studentsLeft.add(m.student_email);
            if (who === 'mentor')
                h.mentorsLeft.add(m.mentor_email);
            if (m.reason.trim().toLowerCase().startsWith(UNRESPONSIVE))
                h.mentorsUnresponsive.add(m.mentor_email);
        }
    }
    // Someone who left and was later paired again by hand is back in the scheme.
    for (const s of h.fixedPair.keys())
        h.studentsLeft.delete(s);
    return h;
}
export function mentorRules(mentors, history, scheme) {
    const free = new Int32Array(mentors.length);
    const fixed = new Int32Array(mentors.length);
    const block = [];
    mentors.forEach((m, j) => {
        fixed[j] = history.fixedLoad.get(m.email) ?? 0;
        const b = history.mentorsLeft.has(m.email) && fixed[j] === 0
            ? 'withdrew'
            : history.mentorsUnresponsive.has(m.email) ? 'unresponsive' : unavailableThroughout(m, scheme) ? 'unavailable' : null;
        block.push(b);
        free[j] = b ? 0 : Math.max(0, m.capacity - fixed[j]);
    });
    return { free, fixed, block };
}
export function pairRules(scheme) {
    return { requireSharedSector: scheme.matching.require_shared_sector, minScore: scheme.matching.min_score };
}
/** The per-pair rules, given what the scorer says about the pair. */
export function pairBlock(rules, excluded, sharedSectors, score) {
    if (excluded)
        return 'excluded';
    if (rules.requireSharedSector && sharedSectors === 0)
        return 'no-shared-sector';
    if (score < rules.minScore)
        return 'below-min-score';
    return null;
}

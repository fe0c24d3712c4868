// Which introductions `emails intro` drafts on a given run, and what happens to the drafts of
// pairs that ended. Drafts are incremental: a pair is drafted once, and its drafts stay exactly
// as written (same bytes, date and Message-ID) until it is recorded as sent or withdrawn. Pure:
// the command says which pairs have drafts on disk and which were recorded.
import { leaverOf } from '../match/rules.js';
import { UNRESPONSIVE } from '../followup/chase.js';
/** The key of a pair's drafts; file names carry a hash of it, so drafts are found by pair. */
export function introKey(student, mentor) {
    return `${student}|${mentor}`;
}
/** Who ended a withdrawn pair, from the reason `withdraw` or `match` wrote. */
export function leaverFrom(reason) {
    if (reason.trim().toLowerCase().startsWith(UNRESPONSIVE))
        return 'unresponsive';
    return leaverOf(reason) ?? 'student';
}
export function planIntroductions(input) {
    const sentIntro = new Set(input.recorded.filter((r) => r.kind === 'intro').map((r) => introKey(r.student_email, r.mentor_email)));
    const sentNotice = new Set(input.recorded.filter((r) => r.kind === 'withdrawal').map((r) => introKey(r.student_email, r.mentor_email)));
    const plan = { draft: [], kept: [], sent: [], remove: [], notify: [] };
    const live = new Set();
    for (const m of input.confirmed) {
        const key = introKey(m.student_email, m.mentor_email);
        if (live.has(key))
            continue;
        live.add(key);
        if (sentIntro.has(key))
            plan.sent.push(key);
        else if (input.drafted.has(key) && !input.redraft)
            plan.kept.push(key);
        else
            plan.draft.push(key);
    }
    const ended = new Set();
    for (const m of input.withdrawn) {
        const key = introKey(m.student_email, m.mentor_email);
        // A pair withdrawn and later confirmed again is in force; one withdrawn twice is one pair.
        if (live.has(key) || ended.has(key))
            continue;
        ended.add(key);
        const drafted = input.drafted.has(key);
        if (drafted && !sentIntro.has(key))
            plan.remove.push(key);
        // Only people who were introduced need telling that the pair has ended.
        if ((sentIntro.has(key) || drafted) && !sentNotice.has(key) && !input.noticed.has(key)) {
            plan.notify.push({ key, student_email: m.student_email, mentor_email: m.mentor_email, leaver: leaverFrom(m.reason) });
        }
    }
    return plan;
}
/** The rows `emails intro --record` appends: every introduction and notice drafted and not yet recorded. */
export function introductionsToRecord(pairs, date) {
    return pairs.map((p) => ({ student_email: p.student_email, mentor_email: p.mentor_email, date, kind: p.kind }));
}

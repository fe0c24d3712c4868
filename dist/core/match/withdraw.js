import { isActive, withdrawalReason } from './rules.js';
/** The pairs after `email` withdraws at `at`; `ok: false` when they have no proposed or confirmed pair. */
export function planWithdrawal(matches, email, text, at) {
    const asStudent = matches.filter((m) => isActive(m) && m.student_email === email);
    const asMentor = matches.filter((m) => isActive(m) && m.mentor_email === email);
    // Someone both (a data error elsewhere) leaves as the student: their own place is the one they give up.
    const side = asStudent.length ? 'student' : asMentor.length ? 'mentor' : null;
    if (!side)
        return { ok: false, why: 'no-pair' };
    const ending = side === 'student' ? asStudent : asMentor;
    const reason = withdrawalReason(side, text);
    const updated = matches.map((m) => (ending.includes(m) ? { ...m, status: 'withdrawn', decided_at: at, reason } : m));
    return { ok: true, side, ending, matches: updated, reason };
}

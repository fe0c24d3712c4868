import { addDays, daysBetween } from '../timeline.js';
import { dueDates, isOverdue } from './schedule.js';
/** A person is not chased again within this many days of their last chase. */
export const RECHASE_DAYS = 7;
function datesOf(chases, email, role, asOf) {
    return chases.filter((c) => c.email === email && c.role === role && c.date <= asOf).map((c) => c.date).sort();
}
/** The first day a person chased on `last` may be chased again. */
export function nextChaseDay(last) {
    return last ? addDays(last, RECHASE_DAYS) : '';
}
export function chaseReport(input) {
    const { scheme, asOf } = input;
    const grace = scheme.timeline.grace_days;
    const maxChases = scheme.chasing.max_chases;
    const studentBy = new Map(input.students.map((s) => [s.email, s]));
    const mentorBy = new Map(input.mentors.map((m) => [m.email, m]));
    const pairs = [];
    for (const m of input.matches) {
        if (m.status !== 'confirmed')
            continue;
        const student = studentBy.get(m.student_email);
        const mentor = mentorBy.get(m.mentor_email);
        const held = [...new Set(input.meetings.filter((x) => x.student_email === m.student_email && x.mentor_email === m.mentor_email && x.date <= asOf).map((x) => x.meeting))].sort((a, b) => a - b);
        // A later meeting on record means the pair is in contact: an earlier check-in was just skipped.
        const covered = (n) => held.some((h) => h >= n);
        const due = dueDates(scheme, m.decided_at, mentor?.unavailable ?? []);
        const overdue = due
            .filter((d) => !covered(d.meeting) && isOverdue(d.due, grace, asOf))
            .map((d) => ({ meeting: d.meeting, due: d.due, days: daysBetween(d.due, asOf) }));
        const studentChases = datesOf(input.chases, m.student_email, 'student', asOf);
        const mentorChases = datesOf(input.chases, m.mentor_email, 'mentor', asOf);
        const report = input.noResponse
            .filter((r) => r.student_email === m.student_email && (r.mentor_email === '' || r.mentor_email === m.mentor_email) && r.date <= asOf && !covered(r.meeting))
            .sort((a, b) => a.date.localeCompare(b.date))
            .at(-1);
        const pair = {
            student_email: m.student_email,
            student_name: student?.name ?? '',
            mentor_email: m.mentor_email,
            mentor_name: mentor?.name ?? '',
            held,
            due,
            overdue,
            action: 'ok',
            meeting: null,
            reason: held.length === 3 ? 'all three meetings recorded' : 'on schedule',
            chase: [],
            student_chases: studentChases,
            mentor_chases: mentorChases,
            rematch_mentor: '',
        };
        const waits = [];
        const first = overdue[0];
        // The student drives contact, so is chased first; not when they told us the mentor is silent.
        if (first && !(report && report.meeting <= first.meeting)) {
            const last = studentChases.at(-1);
            const dueMsg = `meeting ${first.meeting} not recorded (due ${first.due}, ${first.days} day${first.days === 1 ? '' : 's'} ago)`;
            pair.meeting = first.meeting;
            if (last && asOf < nextChaseDay(last)) {
                waits.push(`${dueMsg}; student chased on ${last}, next chase from ${nextChaseDay(last)}`);
            }
            else if (studentChases.length >= maxChases) {
                pair.action = 'withdraw';
                pair.rematch_mentor = m.mentor_email;
                pair.reason = `${dueMsg}; student already chased ${studentChases.length} time${studentChases.length === 1 ? '' : 's'}${studentChases.length ? ` (${studentChases.join(', ')})` : ''}, more than ${maxChases} is not allowed: withdraw the student and re-match ${m.mentor_email}`;
            }
            else {
                pair.chase.push({
                    email: m.student_email, name: pair.student_name, role: 'student', meeting: first.meeting, due: first.due, previous: studentChases.length,
                    reason: dueMsg, student_email: m.student_email, mentor_email: m.mentor_email,
                });
            }
        }
        if (report) {
            const last = mentorChases.at(-1);
            const msg = `student reported on ${report.date} that the mentor has not responded about meeting ${report.meeting}`;
            pair.meeting ??= report.meeting;
            if (last && asOf < nextChaseDay(last)) {
                waits.push(`${msg}; mentor chased on ${last}, next chase from ${nextChaseDay(last)}`);
            }
            else if (mentorChases.length >= maxChases) {
                // A student who is chased too often leaves; a mentor who is, is replaced: the student stays.
                if (pair.action !== 'withdraw') {
                    pair.action = 'rematch';
                    pair.rematch_mentor = m.mentor_email;
                    pair.reason = `${msg}; mentor already chased ${mentorChases.length} time${mentorChases.length === 1 ? '' : 's'} (${mentorChases.join(', ')}), no more than ${maxChases} are sent: the next mentorship match offers the student another mentor`;
                }
            }
            else {
                pair.chase.push({
                    email: m.mentor_email, name: pair.mentor_name, role: 'mentor', meeting: report.meeting, due: due[report.meeting - 1]?.due ?? '', previous: mentorChases.length,
                    reason: msg, student_email: m.student_email, mentor_email: m.mentor_email,
                });
            }
        }
        if (pair.action === 'rematch')
            pair.chase = []; // neither side is chased: the pair is ending
        if (pair.action !== 'withdraw' && pair.action !== 'rematch') {
            if (pair.chase.length) {
                pair.action = 'chase';
                pair.reason = [...pair.chase.map((c) => `chase ${c.role}: ${c.reason}`), ...waits].join('; ');
            }
            else if (waits.length) {
                pair.action = 'wait';
                pair.reason = waits.join('; ');
            }
        }
        pairs.push(pair);
    }
    const count = (a) => pairs.filter((p) => p.action === a).length;
    return {
        asOf,
        graceDays: grace,
        maxChases,
        pairs,
        toChase: pairs.flatMap((p) => p.chase),
        withdraw: pairs.filter((p) => p.action === 'withdraw'),
        rematch: pairs.filter((p) => p.action === 'rematch'),
        counts: {
            pairs: pairs.length,
            ok: count('ok'),
            overdue: pairs.filter((p) => p.overdue.length > 0).length,
            chase: count('chase'),
            wait: count('wait'),
            withdraw: count('withdraw'),
            rematch: count('rematch'),
        },
    };
}
/** The reason `match` gives a pair it ends because the mentor did not answer: see rules.ts. */
export function unresponsiveReason(p) {
    return `${UNRESPONSIVE} after ${p.mentor_chases.length} chase${p.mentor_chases.length === 1 ? '' : 's'} (${p.mentor_chases.join(', ')})`;
}
export const UNRESPONSIVE = 'mentor unresponsive';
/** The rows `emails chase --record` appends to data/chases.csv. */
export function chasesToRecord(targets, date) {
    return targets.map((t) => ({ email: t.email, role: t.role, date, meeting: t.meeting, reason: t.reason }));
}

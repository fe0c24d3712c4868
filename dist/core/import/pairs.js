// `import pairs` and `import exclusions`: pairs an administrator arranged outside the tool, and
// pairs never to propose (conflicts, previous years). Pure: the rows, the workspace's people and
// pairs come in; the new matches.csv / exclusions.csv rows and the refusals go out.
import { isFixed, pairKey, readHistory } from '../match/rules.js';
import { scorePair } from '../match/score.js';
import { unavailableThroughout } from '../timeline.js';
import { normaliseEmail } from './values.js';
export const PAIR_FIELDS = ['student_email', 'mentor_email', 'note'];
export const EXCLUSION_FIELDS = ['student_email', 'mentor_email', 'reason'];
function emails(r) {
    const student = normaliseEmail(r.student_email);
    const mentor = normaliseEmail(r.mentor_email);
    const problems = [];
    if (!student)
        problems.push({ row: r.row, column: 'student_email', value: r.student_email, reason: 'is not an email address', forceable: false });
    if (!mentor)
        problems.push({ row: r.row, column: 'mentor_email', value: r.mentor_email, reason: 'is not an email address', forceable: false });
    if (student && student === mentor)
        problems.push({ row: r.row, column: 'mentor_email', value: r.mentor_email, reason: 'is the student\'s own address', forceable: false });
    return { student, mentor, problems };
}
/**
 * Each row becomes a confirmed pair, scored and explained like a matched one, using one of the
 * mentor's places. Refused: an unknown person, a student already in another confirmed pair, the
 * same student twice in the file (never forceable); a mentor with no place left, an excluded pair,
 * a mentor unavailable for the whole programme (taken with --force). A pair already confirmed is
 * unchanged, so importing the file again changes nothing. The student's open proposals give way.
 */
export function planPairs(i) {
    const students = new Map(i.students.map((s) => [s.email, s]));
    const mentors = new Map(i.mentors.map((m) => [m.email, m]));
    const history = readHistory(i.matches, i.exclusions);
    const load = new Map();
    for (const m of i.matches)
        if (isFixed(m))
            load.set(m.mentor_email, (load.get(m.mentor_email) ?? 0) + 1);
    const fixedOf = new Map(i.matches.filter(isFixed).map((m) => [m.student_email, m]));
    const seen = new Set();
    const added = [];
    const plan = { rows: [], added: 0, unchanged: 0, refused: [], forced: [] };
    for (const r of i.rows) {
        const { student: se, mentor: me, problems } = emails(r);
        if (problems.length || !se || !me) {
            plan.refused.push(...problems);
            continue;
        }
        const refuse = (column, value, reason, forceable = false) => ({ row: r.row, column, value, reason, forceable });
        const student = students.get(se);
        const mentor = mentors.get(me);
        const hard = [];
        if (!student)
            hard.push(refuse('student_email', r.student_email, 'no student has this email: import the student first'));
        if (!mentor)
            hard.push(refuse('mentor_email', r.mentor_email, 'no mentor has this email: import the mentor first'));
        if (seen.has(se)) {
            plan.refused.push(refuse('student_email', r.student_email, 'the student is in an earlier row of this file'));
            continue;
        }
        const current = fixedOf.get(se);
        if (current && current.mentor_email === me) {
            seen.add(se);
            plan.unchanged++;
            continue;
        }
        if (current)
            hard.push(refuse('student_email', r.student_email, `the student is already in a ${current.status} pair with ${current.mentor_email}: withdraw that pair first (mentorship withdraw)`));
        if (hard.length || !student || !mentor) {
            plan.refused.push(...hard);
            continue;
        }
        const soft = [];
        const excluded = history.excluded.get(pairKey(se, me));
        if (excluded)
            soft.push(refuse('mentor_email', r.mentor_email, `the pair is excluded (${excluded})`, true));
        const used = load.get(me) ?? 0;
        if (used >= mentor.capacity)
            soft.push(refuse('mentor_email', r.mentor_email, `the mentor has no place left (capacity ${mentor.capacity}, ${used} pair(s) confirmed)`, true));
        if (history.mentorsLeft.has(me))
            soft.push(refuse('mentor_email', r.mentor_email, 'the mentor left the scheme (a withdrawn pair says so)', true));
        if (history.studentsLeft.has(se))
            soft.push(refuse('student_email', r.student_email, 'the student left the scheme (a withdrawn pair says so)', true));
        if (unavailableThroughout(mentor, i.scheme))
            soft.push(refuse('mentor_email', r.mentor_email, 'the mentor is unavailable for the whole programme', true));
        if (soft.length && !i.force) {
            plan.refused.push(...soft);
            continue;
        }
        plan.forced.push(...soft);
        seen.add(se);
        load.set(me, used + 1);
        const s = scorePair(student, mentor, i.scheme);
        const note = r.text.trim();
        added.push({
            student_email: se, mentor_email: me, status: 'confirmed', score: s.score, breakdown: s.breakdown, shared_sectors: s.shared_sectors,
            shared_support: s.shared_support, proposed_at: i.at, decided_at: i.at, reason: note ? `pre-arranged: ${note}` : 'pre-arranged',
        });
    }
    const paired = new Set(added.map((m) => m.student_email));
    // The student's proposals give way to the pair arranged for them.
    plan.rows = [...i.matches.filter((m) => !(m.status === 'proposed' && paired.has(m.student_email))), ...added];
    plan.added = added.length;
    return plan;
}
/**
 * Each row becomes an exclusion; the people need not be in the workspace (last year's pairs, a
 * conflict known before applications). Refused: a bad address (never forceable), and a pair that
 * is confirmed now (withdraw it first; --force records the exclusion and leaves the pair). A pair
 * already excluded is unchanged, whatever reason it was given.
 */
export function planExclusions(i) {
    const have = new Set(i.exclusions.map((e) => pairKey(e.student_email, e.mentor_email)));
    const confirmed = new Set(i.matches.filter(isFixed).map((m) => pairKey(m.student_email, m.mentor_email)));
    const plan = { rows: [...i.exclusions], added: 0, unchanged: 0, refused: [], forced: [] };
    for (const r of i.rows) {
        const { student, mentor, problems } = emails(r);
        if (problems.length || !student || !mentor) {
            plan.refused.push(...problems);
            continue;
        }
        const key = pairKey(student, mentor);
        if (have.has(key)) {
            plan.unchanged++;
            continue;
        }
        if (confirmed.has(key)) {
            const refusal = { row: r.row, column: 'mentor_email', value: r.mentor_email, reason: 'the two are in a confirmed pair now: withdraw it first (mentorship withdraw), or --force to exclude them from future matching only', forceable: true };
            if (!i.force) {
                plan.refused.push(refusal);
                continue;
            }
            plan.forced.push(refusal);
        }
        have.add(key);
        plan.rows.push({ student_email: student, mentor_email: mentor, reason: r.text.trim() || i.defaultReason, added_at: i.at });
        plan.added++;
    }
    return plan;
}
/** Refusals as the row problems every import reports (file, row, column, value, reason). */
export function asProblems(file, refused) {
    return refused.map((r) => ({ file, row: r.row, column: r.column, value: r.value, reason: r.forceable ? `${r.reason} (--force takes it anyway)` : r.reason }));
}

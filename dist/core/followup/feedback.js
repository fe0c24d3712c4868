// Survey answers as form tools export them: one row per respondent, one column per question.
// Stored one row per question (data/feedback.csv). Pure: rows in, answers and row problems out.
import { isMetadataHeader, REJECT_PREFIX, resolveColumns } from '../import/columns.js';
import { cleanText, normaliseEmail, parseDateTime } from '../import/values.js';
import { cleanField } from '../text.js';
import { daysBetween } from '../timeline.js';
export const FEEDBACK_FIELDS = ['email', 'submitted_at', 'name'];
// Who answered is not a question: names and the respondent's own addresses are identity columns.
const IDENTITY = /^(your )?(full )?name$|^e-?mail( address)?$|^recipient email$/i;
export function planFeedbackColumns(layout, scheme, maps) {
    const { fieldAt } = resolveColumns(layout.headers, 'feedback', FEEDBACK_FIELDS, layout.preset, scheme, maps, layout);
    let email = fieldAt.indexOf('email');
    // A survey sent by email from Qualtrics may only carry the recipient's address.
    if (email < 0)
        email = layout.headers.findIndex((h) => /^recipient ?email$/i.test(h.trim()));
    const questions = [];
    const seen = new Set();
    layout.headers.forEach((h, i) => {
        const header = cleanText(cleanField(h)).replace(/\s+/g, ' ');
        const lower = header.toLowerCase();
        if (i === email || fieldAt[i] !== null || header === '' || isMetadataHeader(header) || IDENTITY.test(header))
            return;
        if (lower.startsWith(REJECT_PREFIX) || maps.get(lower) === null || seen.has(lower))
            return;
        seen.add(lower);
        questions.push({ index: i, question: header });
    });
    return { email, submittedAt: fieldAt.indexOf('submitted_at'), questions };
}
export function parseFeedbackRows(input) {
    const { file, layout, columns } = input;
    const submissions = [];
    const rejects = [];
    const dropped = [];
    for (let i = layout.firstDataIndex; i < input.rows.length; i++) {
        const cells = input.rows[i];
        const row = input.rowNumbers[i];
        const drop = layout.dropReason(cells);
        if (drop) {
            dropped.push({ file, row, reason: drop });
            continue;
        }
        const raw = (cells[columns.email] ?? '').trim();
        const email = normaliseEmail(raw);
        const role = email ? input.roleOf(email) : null;
        if (!email || !role) {
            const reason = !raw ? 'the email is missing' : !email ? 'is not an email address' : 'is not a student or mentor in this workspace (check the address, or import the person first)';
            rejects.push({ file, row, headers: layout.headers, cells, problems: [{ file, row, column: layout.headers[columns.email] ?? 'email', value: raw, reason }] });
            continue;
        }
        const stamp = columns.submittedAt >= 0 ? parseDateTime(cells[columns.submittedAt] ?? '', input.dateOrder) ?? '' : '';
        const answers = columns.questions.map((q) => ({ question: q.question, answer: cleanText(cleanField(cells[q.index] ?? '')) }));
        submissions.push({ respondent: email, role, submitted_at: stamp, answers, file, row });
    }
    return { submissions, rejects, dropped };
}
const where = (s) => `${s.file} row ${s.row}`;
/**
 * A respondent's latest submission to a survey replaces any earlier one; a re-import of the same
 * answers changes nothing. Respondents keep their place in the file, new ones go at the end.
 */
export function mergeFeedback(existing, incoming, survey) {
    const latest = new Map();
    const duplicates = [];
    for (const s of incoming) {
        const prev = latest.get(s.respondent);
        if (!prev) {
            latest.set(s.respondent, s);
            continue;
        }
        // Equal or missing stamps: the later row is the later submission.
        const newer = !(s.submitted_at && prev.submitted_at && s.submitted_at < prev.submitted_at);
        duplicates.push({ respondent: s.respondent, kept: where(newer ? s : prev), dropped: where(newer ? prev : s) });
        if (newer)
            latest.set(s.respondent, s);
    }
    const groups = new Map();
    const order = [];
    for (const a of existing) {
        const key = `${a.survey}\u0000${a.respondent}`;
        if (!groups.has(key)) {
            groups.set(key, []);
            order.push(key);
        }
        groups.get(key).push(a);
    }
    const result = { answers: [], added: 0, replaced: 0, unchanged: 0, older: 0, duplicates };
    for (const s of latest.values()) {
        const key = `${survey}\u0000${s.respondent}`;
        const rows = s.answers.map((a) => ({ respondent: s.respondent, role: s.role, survey, question: a.question, answer: a.answer, submitted_at: s.submitted_at }));
        const old = groups.get(key);
        if (!old) {
            groups.set(key, rows);
            order.push(key);
            result.added++;
        }
        else if (sameAnswers(old, rows)) {
            result.unchanged++;
        }
        else if (s.submitted_at && old[0].submitted_at && s.submitted_at < old[0].submitted_at) {
            result.older++;
        }
        else {
            groups.set(key, rows);
            result.replaced++;
        }
    }
    result.answers = order.flatMap((k) => groups.get(k));
    return result;
}
function sameAnswers(a, b) {
    if (a.length !== b.length)
        return false;
    return a.every((x, i) => x.question === b[i].question && x.answer === b[i].answer && x.submitted_at === b[i].submitted_at && x.role === b[i].role);
}
/**
 * A 1-5 rating as people type it: "4", "4/5", "4 out of 5", "4 - Good", "5 (Excellent)", "4.0".
 * Anything else ("N/A", "Very", "10", "3.5") is not a rating.
 */
export function parseRating(input) {
    // The words after the number must not start with a digit: "1-5" and "3.5" are not ratings.
    const m = /^\s*([1-5])(?:\.0+)?\s*(?:(?:\/|out of)\s*5\b)?\s*(?:(?:[-–—:,.(]\s*)?[^\d\s./\-–—:,(].*)?$/is.exec(input);
    return m ? Number(m[1]) : null;
}
/**
 * The survey meant when none is named: the one whose date is nearest to today, before or after
 * (the later one on a tie); 'final' when the scheme lists no survey dates.
 */
export function defaultSurvey(scheme, today) {
    const entries = Object.entries(scheme.surveys);
    if (entries.length === 0)
        return 'final';
    let best = entries[0];
    for (const e of entries.slice(1)) {
        const d = Math.abs(daysBetween(today, e[1].date));
        const b = Math.abs(daysBetween(today, best[1].date));
        if (d < b || (d === b && e[1].date > best[1].date))
            best = e;
    }
    return best[0];
}

// Which columns could hold a field that no rule mapped: a suggestion must fit, by its header or by
// its answers, or there is none. An arbitrary column ("--map "ID=sectors"") misleads.
import { isMetadataHeader } from './columns.js';
import { normaliseEmail, parseDateTime } from './values.js';
const HEADER_FITS = {
    email: /e-?mail/i,
    name: /\b(full name|your name|name|naam|nom|nombre)\b/i,
    first_name: /\b(first|given|preferred) name\b|vorname|prénom/i,
    programme: /programme|program\b|degree|\bmsc\b|course|studiengang/i,
    courses: /course|programme|program\b|degree|\bmsc\b/i,
    sectors: /sector|industr|field of work|career area/i,
    support_areas: /support|help with|areas? of/i,
    submitted_at: /timestamp|submitted|recorded|completion time|end ?date/i,
    graduation_year: /graduat|year/i,
    job_role: /job|role|position|title/i,
    employer: /employer|organi[sz]ation|company/i,
    country: /country/i,
    city: /city|town/i,
    meeting: /meeting/i,
    date: /\bdate\b|\bwhen\b|\bday\b/i,
};
const NOT_NAME = /\b(first|last|family|sur|given|middle|user|file|company|employer|recipient)\b/i;
function answersFit(field, answers) {
    const filled = answers.map((a) => a.trim()).filter(Boolean);
    if (filled.length === 0)
        return false;
    const share = (ok) => filled.filter(ok).length / filled.length >= 0.8;
    if (field === 'email')
        return share((v) => normaliseEmail(v) !== null);
    if (field === 'submitted_at' || field === 'date')
        return share((v) => parseDateTime(v) !== null || parseDateTime(v, 'MDY') !== null);
    return false;
}
/**
 * The columns (indices, best first) whose header or answers fit `field`, among those not holding
 * a field yet. `answers`: some answer rows of the file.
 */
export function fittingColumns(field, headers, fieldAt, answers) {
    const header = HEADER_FITS[field];
    const scored = [];
    headers.forEach((h, i) => {
        if (fieldAt[i] !== null || h.trim() === '' || h.toLowerCase().startsWith('reject: '))
            return;
        const byAnswers = answersFit(field, answers.map((r) => r[i] ?? ''));
        let byHeader = header ? header.test(h) : false;
        if (field === 'name' && NOT_NAME.test(h))
            byHeader = false;
        // A form tool's own columns (ID, Start time) fit only by what they hold.
        if (isMetadataHeader(h) && !byAnswers)
            return;
        const score = (byHeader ? 1 : 0) + (byAnswers ? 2 : 0);
        if (score > 0)
            scored.push({ i, score });
    });
    return scored.sort((a, b) => b.score - a.score || a.i - b.i).map((s) => s.i);
}
/**
 * The --map that would add each missing field: the first column that fits it (by this file's
 * judge, then by `others`, e.g. the column-fit rules), named by its export name where the form tool
 * has one. Never an arbitrary column.
 */
export function mapSuggestions(missing, columns, answers, others = () => []) {
    const nameOf = (i) => columns.exportNames?.[i] || columns.headers[i];
    return missing.map((field) => {
        const at = [...fittingColumns(field, columns.headers, columns.fieldAt, answers), ...others(field)][0];
        if (at === undefined)
            return { field, map: null };
        const name = nameOf(at);
        return { field, map: name.length > 200 || /[\r\n"]/.test(name) ? null : `--map "${name}=${field}"` };
    });
}

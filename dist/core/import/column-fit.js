import { isConsentHeader, isMetadataHeader, isPrivateHeader, looksYesNo, REJECT_PREFIX } from './columns.js';
import { parseDateTime } from './values.js';
import { vocabulariesOf } from './people.js';
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
function answerKind(values) {
    const given = values.map((v) => v.trim()).filter((v) => v !== '');
    if (!given.length)
        return 'none';
    if (given.every((v) => EMAIL.test(v)))
        return 'email';
    if (looksYesNo(given))
        return 'yesno';
    if (given.every((v) => /linkedin\.com/i.test(v)))
        return 'linkedin';
    if (given.every((v) => /\d/.test(v) && /[-/.:]/.test(v) && parseDateTime(v) !== null))
        return 'date';
    return 'text';
}
/** The fields only a column with these answers can hold. */
const ANSWER_FIELDS = {
    email: ['email'],
    yesno: ['share_bio', 'share_linkedin'],
    date: ['submitted_at'],
    linkedin: ['linkedin'],
};
const TYPED = new Set(Object.values(ANSWER_FIELDS).flat());
/** Words in a question that say which field it asks for, beyond scheme.json's patterns. */
const HEADER_WORDS = {
    email: /e-?mail/i,
    name: /\bname\b/i,
    first_name: /first name|preferred name|call you/i,
    programme: /programme|program\b|\bmsc\b|degree/i,
    courses: /course|programme|\bmsc\b|degree/i,
    graduation_year: /graduat/i,
    sectors: /sector|industr/i,
    support_areas: /support|help/i,
    country: /country/i,
    city: /\bcity\b|\btown\b/i,
    meeting_preference: /\bmeet/i,
    job_role: /\bjob\b|\brole\b|position|title/i,
    employer: /employer|company|organi[sz]ation|firm/i,
    capacity: /how many|capacity/i,
    unavailable: /unavailab|\baway\b|absen/i,
    linkedin: /linkedin/i,
    bio: /\bbio\b|about (you|yourself)/i,
    share_bio: /\bbio\b/i,
    share_linkedin: /linkedin/i,
    submitted_at: /timestamp|submitted|completion time|date/i,
};
function headerFits(field, header, target, scheme) {
    if (field === 'share_bio' || field === 'share_linkedin')
        return isConsentHeader(header) && HEADER_WORDS[field].test(header);
    if ((field === 'bio' || field === 'linkedin') && isConsentHeader(header))
        return false;
    const patterns = scheme.mappings[target].filter((r) => r.field === field && r.pattern !== undefined);
    return patterns.some((r) => new RegExp(r.pattern, 'i').test(header.trim())) || (HEADER_WORDS[field]?.test(header) ?? false);
}
/** Most answers name something the vocabulary knows. */
function vocabularyFits(vocab, values, separator) {
    if (vocab.size === 0)
        return false;
    const given = values.filter((v) => v.trim() !== '');
    const known = given.filter((v) => {
        const { values: all, unknown } = vocab.parse(v, separator);
        return all.length > unknown.length;
    }).length;
    return given.length > 0 && known * 2 >= given.length;
}
/** Whether column i could hold `field`, by its question or its answers. */
export function columnFits(input, i, field) {
    const header = input.headers[i] ?? '';
    const values = input.samples[i] ?? [];
    if (header.trim() === '' || isMetadataHeader(header) || header.toLowerCase().startsWith(REJECT_PREFIX))
        return false;
    // A private question is offered for nothing that could reach the other side; --map still can.
    if (isPrivateHeader(header) && field !== 'first_name' && field !== 'submitted_at')
        return false;
    const kind = answerKind(values);
    if (kind !== 'none' && kind !== 'text')
        return ANSWER_FIELDS[kind].includes(field);
    // Free-text answers cannot be an email, a consent, a date or a profile link.
    if (kind === 'text' && TYPED.has(field))
        return false;
    if (headerFits(field, header, input.target, input.scheme))
        return true;
    if (kind !== 'text')
        return false;
    const vocab = vocabulariesOf(input.scheme);
    if (field === 'sectors')
        return vocabularyFits(vocab.sectors, values, input.listSeparator);
    if (field === 'support_areas')
        return vocabularyFits(vocab.support_areas, values, input.listSeparator);
    if (field === 'programme' || field === 'courses')
        return vocabularyFits(vocab.programmes, values, input.listSeparator);
    return false;
}
/** The columns not yet holding a field that could hold `field`, in file order. */
export function candidatesFor(input, fieldAt, field) {
    return input.headers.map((_, i) => i).filter((i) => fieldAt[i] === null && columnFits(input, i, field));
}
/** A --map option, quoted for the shell as far as a header allows. */
export function mapOption(header, field) {
    const shown = header.length > 200 || header.includes('"') ? 'HEADER' : header.trim();
    return `--map "${shown}=${field}"`;
}
/**
 * One warning for the optional fields no column holds, each with the --map that would add it (the
 * one column that fits, else HEADER); null when every field is held or no column is left over.
 */
export function optionalFieldsWarning(input, fieldAt, optional) {
    const left = input.headers.some((h, i) => fieldAt[i] === null && h.trim() !== '' && !isMetadataHeader(h) && !h.toLowerCase().startsWith(REJECT_PREFIX));
    const missing = optional.filter((f) => !fieldAt.includes(f));
    if (!left || !missing.length)
        return null;
    const hints = missing.map((f) => {
        const c = candidatesFor(input, fieldAt, f);
        return `${f} (${mapOption(c.length === 1 ? input.headers[c[0]] : 'HEADER', f)})`;
    });
    return `no column holds the optional field${missing.length === 1 ? '' : 's'} ${hints.join(', ')}; they are left empty. Columns that hold no field are kept as extra data and never shared`;
}

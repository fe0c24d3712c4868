import { isMetadataHeader } from './columns.js';
import { normaliseEmail } from './values.js';
const NAME_QUESTION = /\bname\b/i;
const NOT_FULL_NAME = /\b(first|last|family|sur|given|middle|nick|preferred|company|employer|organi[sz]ation|programme|course)\b/i;
/**
 * When Email is "anonymous" (or blank) and Name blank in every row, use the form's own email and
 * name questions (by the scheme's rules, or answers that look like email addresses). Returns the
 * new column map and a note, or null when there is nothing to change.
 */
export function outsideRespondents(layout, columns, answers, target, scheme) {
    if (layout.preset !== 'msforms' || answers.length === 0)
        return null;
    const headers = layout.headers;
    const emailAt = headers.findIndex((h) => h.trim().toLowerCase() === 'email');
    const nameAt = headers.findIndex((h) => h.trim().toLowerCase() === 'name');
    if (emailAt < 0)
        return null;
    const cell = (r, i) => (i >= 0 ? (r[i] ?? '').trim() : '');
    const anonymous = answers.every((r) => /^(anonymous|)$/i.test(cell(r, emailAt)) && cell(r, nameAt) === '');
    if (!anonymous)
        return null;
    const free = (i) => i !== emailAt && i !== nameAt && !isMetadataHeader(headers[i]) && headers[i].trim() !== '';
    const rules = scheme.mappings[target];
    const byRule = (field) => headers.findIndex((h, i) => free(i) && rules.some((r) => r.field === field && (r.header !== undefined ? r.header.trim().toLowerCase() === h.trim().toLowerCase() : new RegExp(r.pattern, 'i').test(h.trim()))));
    let email = columns.fieldAt.findIndex((f, i) => f === 'email' && free(i));
    if (email < 0)
        email = byRule('email');
    if (email < 0) {
        email = headers.findIndex((_, i) => {
            if (!free(i))
                return false;
            const filled = answers.map((r) => cell(r, i)).filter(Boolean);
            return filled.length > 0 && filled.every((v) => normaliseEmail(v) !== null);
        });
    }
    let name = columns.fieldAt.findIndex((f, i) => f === 'name' && free(i));
    if (name < 0)
        name = byRule('name');
    if (name < 0)
        name = headers.findIndex((h, i) => free(i) && NAME_QUESTION.test(h) && !NOT_FULL_NAME.test(h));
    const fieldAt = [...columns.fieldAt];
    const used = [];
    if (email >= 0) {
        fieldAt[fieldAt.indexOf('email')] = null;
        fieldAt[email] = 'email';
        used.push(`"${headers[email]}" for email`);
    }
    if (name >= 0) {
        if (fieldAt.includes('name'))
            fieldAt[fieldAt.indexOf('name')] = null;
        fieldAt[name] = 'name';
        used.push(`"${headers[name]}" for name`);
    }
    const why = 'Microsoft Forms wrote "anonymous" in Email and left Name blank in every row (a form open to people outside the organisation)';
    if (!used.length) {
        return { columns, note: `${why}, and no question of the form looks like an email address: add --map "QUESTION=email" and --map "QUESTION=name"` };
    }
    return { columns: { ...columns, fieldAt }, note: `${why}: using the form's own question${used.length > 1 ? 's' : ''} ${used.join(' and ')}` };
}

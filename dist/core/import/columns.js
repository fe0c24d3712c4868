// Which column holds which field: --map first, then the form tool's own columns, then the
// canonical field names, then the scheme's rules for its questions (exact text or pattern).
import { UsageError } from '../../errors.js';
// A question asking for consent is the consent, never the thing consented to: "Do you consent to
// your bio being shared?" answered "Yes" must not become the bio.
const CONSENT_HEADER = /\bmay we share\b|\bconsent\b|\bhappy for\b.*\bshared?\b|\bagree (to|that)\b.*\bshar|\bpermission\b|\bcan we share\b/i;
const CONSENT_OF = { bio: 'share_bio', linkedin: 'share_linkedin' };
const YES_NO = /^(yes|no|y|n|true|false|oui|non|ja|nein|s[ií])\b/i;
// A question the form itself marks as private is never shared by a pattern's guess; only an exact
// rule or --map (the administrator's own decision) can map it onto a shared field.
const PRIVATE_HEADER = /\bnot (be )?shared\b|\bnot for sharing\b|\bprivate\b|\bconfidential\b|\bfor the organi[sz]ers\b|\borgani[sz]ers only\b|\binternal only\b/i;
// Fields that ever reach the other side under some policy, plus the two consent-gated ones.
const SHAREABLE = new Set(['name', 'email', 'programme', 'sectors', 'support_areas', 'courses', 'graduation_year', 'country', 'city', 'job_role', 'employer', 'meeting_preference', 'linkedin', 'bio']);
export function isConsentHeader(header) {
    return CONSENT_HEADER.test(header);
}
export function isPrivateHeader(header) {
    return PRIVATE_HEADER.test(header);
}
/** Answers that are all yes or no (at least one given): a consent question, whatever its wording. */
export function looksYesNo(values) {
    const given = values.map((v) => v.trim()).filter((v) => v !== '');
    return given.length > 0 && given.every((v) => YES_NO.test(v) && v.length <= 40);
}
/**
 * The field a pattern rule may give a column, or null: a consent question (by its wording or its
 * yes/no answers) goes to the consent field instead of bio or linkedin; a private question never
 * goes to a field that can be shared.
 */
function patternField(field, header, values) {
    if (CONSENT_OF[field] && (isConsentHeader(header) || (values !== undefined && looksYesNo(values))))
        return CONSENT_OF[field];
    if (isPrivateHeader(header) && (SHAREABLE.has(field) || CONSENT_OF[field]))
        return null;
    return field;
}
/**
 * Form-tool bookkeeping columns. They are kept as extra data but never matched by a question
 * pattern: Qualtrics' "Recipient First Name" is not the applicant's preferred first name.
 */
const METADATA = new Set([
    'start date', 'end date', 'response type', 'ip address', 'progress', 'duration (in seconds)', 'finished',
    'recorded date', 'response id', 'recipient last name', 'recipient first name', 'recipient email',
    'external data reference', 'location latitude', 'location longitude', 'distribution channel', 'user language',
    'startdate', 'enddate', 'status', 'ipaddress', 'recordeddate', 'responseid', 'recipientlastname',
    'recipientfirstname', 'recipientemail', 'externalreference', 'locationlatitude', 'locationlongitude',
    'distributionchannel', 'userlanguage', 'id', 'start time', 'completion time', 'last modified time', 'timestamp',
]);
export function isMetadataHeader(header) {
    return METADATA.has(header.trim().toLowerCase());
}
/** The field of a remembered "ignore this column" rule (--map "HEADER=ignore"). */
export const IGNORE = 'ignore';
/** Columns we wrote into a rejects file: ignored when that file is imported again. */
export const REJECT_PREFIX = 'reject: ';
export function parseMapOptions(maps, fields) {
    const out = new Map();
    for (const m of maps) {
        const at = m.lastIndexOf('=');
        if (at <= 0)
            throw new UsageError(`--map "${m}" is not HEADER=field`, 'write it like --map "Your job title=job_role"');
        const header = m.slice(0, at).trim();
        const field = m.slice(at + 1).trim();
        if (field === '' || field === '-' || field === 'ignore') {
            out.set(header.toLowerCase(), null);
            continue;
        }
        if (!fields.includes(field)) {
            throw new UsageError(`--map "${m}": "${field}" is not a field here`, `fields: ${fields.join(', ')} (or "ignore")`);
        }
        out.set(header.toLowerCase(), field);
    }
    return out;
}
function ruleMatches(rule, header) {
    if (rule.header !== undefined)
        return rule.header.trim().toLowerCase() === header.trim().toLowerCase();
    return new RegExp(rule.pattern, 'i').test(header.trim());
}
/** A list of columns short enough to read in a terminal: clipped, at most `max`, and how many more. */
export function compactColumns(names, max = 12) {
    const shown = names.filter((n) => n.trim() !== '').map((n) => {
        const one = n.replace(/\s+/g, ' ').trim();
        return `"${one.length > 40 ? `${one.slice(0, 37)}...` : one}"`;
    });
    return shown.length > max ? `${shown.slice(0, max).join(', ')} and ${shown.length - max} more` : shown.join(', ');
}
/**
 * Which column each --map key names: its header, its export name (Qualtrics' row 1: `Q4.1`), or
 * its question text when only one column has it.
 */
function mapTargets(headers, maps, hints) {
    const out = new Map();
    const names = hints.exportNames ?? [];
    const text = (h) => h.replace(/ \[[^\]]*\]$/, '').trim().toLowerCase();
    for (const [key, field] of maps) {
        let at = headers.map((h, i) => (h.trim().toLowerCase() === key ? i : -1)).filter((i) => i >= 0);
        if (!at.length)
            at = names.map((n, i) => (n.trim().toLowerCase() === key ? i : -1)).filter((i) => i >= 0);
        if (!at.length)
            at = headers.map((h, i) => (text(h) === key ? i : -1)).filter((i) => i >= 0);
        if (!at.length) {
            const listed = names.length ? names.filter((n, i) => n.trim() && !hints.metadataAt?.[i]) : headers.filter((h) => !isMetadataHeader(h));
            throw new UsageError(`--map names a column "${key}" that is not in the file`, `name a column by its header${names.length ? ' or its export name' : ''}; the columns include ${compactColumns(listed)}`);
        }
        if (at.length > 1) {
            const by = at.map((i) => names[i] ?? '').filter(Boolean);
            throw new UsageError(`--map "${key}": ${at.length} columns have this question text`, by.length ? `name one by its export name: ${compactColumns(by)}` : 'rename the columns in the file so that each is unique');
        }
        out.set(at[0], field);
    }
    return out;
}
export function resolveColumns(headers, target, fields, preset, scheme, maps, hints = {}) {
    const presetRules = preset === 'msforms' || preset === 'googleforms' || preset === 'qualtrics' ? scheme.presets[preset].columns : [];
    const schemeRules = scheme.mappings[target];
    const fieldAt = headers.map(() => null);
    const claimed = new Map();
    const notes = [];
    const lowerHeaders = headers.map((h) => h.trim().toLowerCase());
    const mapAt = mapTargets(headers, maps, hints);
    const claim = (i, field) => {
        if (field === undefined)
            return false;
        if (field === null)
            return true; // explicitly ignored
        if (!fields.includes(field))
            return false;
        const prev = claimed.get(field);
        if (prev !== undefined) {
            const [a, b] = [prev, i].map((k) => compactColumns([hints.exportNames?.[k] && /[\r\n]/.test(headers[k]) ? hints.exportNames[k] : headers[k]]));
            notes.push(`columns ${a} and ${b} both look like ${field}; using ${a} (use --map to choose)`);
            return true;
        }
        claimed.set(field, i);
        fieldAt[i] = field;
        return true;
    };
    // Pass 1: explicit --map; pass 2: exact headers; pass 3: patterns. Exact always beats a pattern.
    for (const [i, field] of mapAt)
        claim(i, field);
    const decided = (i) => fieldAt[i] !== null || mapAt.has(i) || lowerHeaders[i].startsWith(REJECT_PREFIX);
    headers.forEach((h, i) => {
        if (decided(i) || h.trim() === '')
            return;
        // The scheme's own rules (remembered --map answers among them) win over the form tool's preset.
        const exact = [...schemeRules, ...presetRules].find((r) => r.header !== undefined && ruleMatches(r, h));
        if (exact) {
            claim(i, exact.field === IGNORE ? null : exact.field);
            return;
        }
        const canon = lowerHeaders[i].replace(/\s+/g, '_');
        if (fields.includes(canon) && !hints.metadataAt?.[i])
            claim(i, canon);
    });
    // Patterns last, and only where one column fits: two candidates for one field (a private note
    // and the bio meant for the mentor, say) are the administrator's choice, never the first one's.
    const byField = new Map();
    headers.forEach((h, i) => {
        if (decided(i) || h.trim() === '' || isMetadataHeader(h) || hints.metadataAt?.[i])
            return;
        const rule = schemeRules.find((r) => r.pattern !== undefined && ruleMatches(r, h));
        const field = rule ? patternField(rule.field, h, hints.values?.[i]) : null;
        if (!field || !fields.includes(field) || claimed.has(field))
            return;
        byField.set(field, [...(byField.get(field) ?? []), i]);
    });
    const ambiguous = [];
    for (const [field, columns] of byField) {
        if (columns.length === 1)
            claim(columns[0], field);
        else
            ambiguous.push({ field, columns });
    }
    // Last, the form tool's own columns found by ImportId, whatever their label's language (the
    // submission time; the contact list's email when the form does not ask for one).
    hints.toolFields?.forEach((f, i) => {
        if (f && !decided(i) && !claimed.has(f))
            claim(i, f);
    });
    const unmatchedRules = schemeRules.filter((r) => r.header !== undefined && !headers.some((h) => ruleMatches(r, h)));
    const mapped = [...mapAt].map(([i, field]) => ({ header: headers[i], field }));
    return { fieldAt, notes, ambiguous: ambiguous.filter((a) => !claimed.has(a.field)), unmatchedRules, mapped };
}
/**
 * scheme.json's rules for a kind of file after remembering the columns chosen by hand: one exact
 * header rule each, before every pattern rule, replacing an earlier rule for the same header, and
 * a `stale` rule (no column matched it) for a field now remembered under a new header: the
 * question was renamed. `added` lists the rules that are new or changed (empty: nothing to save).
 */
export function rememberRules(existing, chosen, stale = []) {
    const key = (h) => h.trim().toLowerCase();
    const fresh = new Map();
    for (const c of chosen)
        if (c.header.trim())
            fresh.set(key(c.header), { header: c.header.trim(), field: c.field ?? IGNORE });
    const same = (a, b) => a.header === b.header && a.field === b.field;
    const added = [...fresh.values()].filter((r) => !existing.some((e) => same(e, r)));
    const newFields = new Set(added.map((r) => r.field));
    const replaced = existing.filter((r) => r.field !== IGNORE && newFields.has(r.field) && stale.some((x) => same(x, r)));
    const kept = existing.filter((r) => (r.header === undefined || !fresh.has(key(r.header))) && !replaced.includes(r));
    const rules = [...fresh.values(), ...kept.filter((r) => r.header !== undefined), ...kept.filter((r) => r.header === undefined)];
    return { rules, added, replaced };
}
/** What an import says about scheme.json exact rules that no column of the file matched. */
export function unmatchedRuleNotes(target, rules) {
    return rules.map((r) => `scheme.json mappings.${target}: no column is headed "${r.header}" (remembered for ${r.field}) any more; if the question was renamed, map the new one with --map: it replaces this rule`);
}
export function missingRequired(map, required) {
    return required.filter((f) => !map.fieldAt.includes(f));
}

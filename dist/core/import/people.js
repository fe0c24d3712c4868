// Turning the rows of a form export into validated students or mentors. Each problem is reported
// as data (file, row, column, value, reason); valid rows go on.
import { z } from 'zod';
import { MENTOR_FIELDS, STUDENT_FIELDS } from '../types.js';
import { REJECT_PREFIX } from './columns.js';
import { describeLayout } from './layout.js';
import { cleanLine, cleanText, consentRule, normaliseEmail, parseCapacity, parseDateTime, parseMeetingPreference, parseUnavailable, parseYear, parseYesNo, } from './values.js';
import { cleanField } from '../text.js';
import { Vocabulary } from './vocabulary.js';
/** The extra-data key naming the file a person's answer was imported from (a header cannot be). */
export const SOURCE_KEY = '(imported from)';
// Titles and honorifics people put before their name but are not greeted by ("Dear Dr," reads as
// a mail merge gone wrong). Post-nominals such as "MD" come after a comma and are never reached.
const TITLES = new Set(['dr', 'prof', 'professor', 'mr', 'mrs', 'ms', 'miss', 'mx', 'sir', 'dame', 'rev']);
const EDGE_PUNCTUATION = /^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu;
/** The name a greeting uses: the first word that is not a title, without trailing punctuation. */
export function firstNameOf(name) {
    const words = name.trim().split(/\s+/).map((w) => w.replace(EDGE_PUNCTUATION, '')).filter((w) => w !== '');
    // A name that is nothing but a title ("Dr") is still better greeted by it than by nothing.
    return words.find((w) => !TITLES.has(w.toLowerCase())) ?? words[0] ?? '';
}
export const REQUIRED = {
    students: ['email', 'name', 'programme', 'sectors'],
    mentors: ['email', 'name', 'sectors'],
};
export function fieldsOf(target) {
    return target === 'students' ? STUDENT_FIELDS : MENTOR_FIELDS;
}
// The final shape check, once per row, at the boundary. Parsing above has already turned
// answers into values; zod guards the invariants everything downstream relies on.
// One-line answers are names and places: 500 characters is far beyond any (a 20 MB name once
// made 860 MB of drafts). The row is rejected with the reason, kept whole in the rejects file.
const LINE_MAX = 500;
const LIST_ITEMS = 100;
function short(schema, what, max = LINE_MAX) {
    return schema.max(max, `the ${what} is longer than ${max.toLocaleString('en-GB')} characters`);
}
const base = {
    email: z.string().min(3),
    name: short(z.string().min(1, 'a name is required'), 'name'),
    first_name: short(z.string(), 'first name'),
    sectors: z.array(short(z.string().min(1), 'sector')).min(1, 'at least one sector is required').max(LIST_ITEMS, `more than ${LIST_ITEMS} sectors`),
    support_areas: z.array(short(z.string().min(1), 'support area')).max(LIST_ITEMS, `more than ${LIST_ITEMS} support areas`),
    country: short(z.string(), 'country'),
    city: short(z.string(), 'city'),
    meeting_preference: z.enum(['online', 'in-person', 'either', '']),
    linkedin: short(z.string(), 'LinkedIn profile', 2_000),
    share_linkedin: z.boolean(),
    bio: z.string().max(20_000, 'the bio is longer than 20,000 characters'),
    share_bio: z.boolean(),
    submitted_at: z.string(),
    extra: z.record(z.string(), z.string().max(20_000, 'an extra answer is longer than 20,000 characters')),
};
// z.object, not strictObject: the candidate is built field by field just above, so an unknown
// key cannot occur, and the catch-all check would cost a tenth of a big import.
export const studentSchema = z.object({ ...base, programme: short(z.string().min(1, 'the MSc programme is required'), 'programme') });
export const mentorSchema = z.object({
    ...base,
    courses: z.array(short(z.string().min(1), 'course')).max(LIST_ITEMS, `more than ${LIST_ITEMS} courses`),
    graduation_year: z.int().nullable(),
    job_role: short(z.string(), 'job role'),
    employer: short(z.string(), 'employer'),
    capacity: z.int().min(1).max(5),
    unavailable: z.array(z.object({ from: z.iso.date(), to: z.iso.date() })),
});
export function vocabulariesOf(scheme) {
    return {
        sectors: new Vocabulary(scheme.vocabularies.sectors),
        support_areas: new Vocabulary(scheme.vocabularies.support_areas),
        programmes: new Vocabulary(scheme.vocabularies.programmes),
    };
}
/**
 * A column as messages name it: a question text spanning lines (Qualtrics writes whole HTML
 * tables into them) is cut to its first line, with the export name that tells it apart.
 */
function shownHeader(header, exportName) {
    if (!/[\r\n]/.test(header) && header.length <= 100)
        return header;
    const first = header.split(/[\r\n]/)[0].trim();
    const clipped = first.length > 80 ? `${first.slice(0, 77)}...` : first;
    const name = /\[([^\]]+)\]$/.exec(header)?.[1] ?? exportName;
    return name ? `${clipped} [${name}]` : clipped;
}
/** Parse a whole table at once (small inputs and tests); big imports use makePersonParser. */
export function parsePeople(input) {
    const parseRow = makePersonParser(input);
    const out = { people: [], rejects: [], warnings: [], dropped: [], notes: [] };
    for (let r = input.layout.firstDataIndex; r < input.rows.length; r++) {
        const row = input.rowNumbers[r] ?? r + 1;
        const outcome = parseRow(input.rows[r], row);
        if (outcome.kind === 'person') {
            out.warnings.push(...outcome.warnings);
            out.people.push({ person: outcome.person, file: input.file, row });
        }
        else if (outcome.kind === 'reject')
            out.rejects.push(outcome.rejected);
        else
            out.dropped.push({ file: input.file, row, reason: outcome.reason });
    }
    return out;
}
/** One row at a time, so an import can stream its input. */
export function makePersonParser(input) {
    const { layout, columns, file, scheme, vocab } = input;
    const headers = layout.headers;
    const colOf = new Map();
    columns.fieldAt.forEach((f, i) => {
        if (f)
            colOf.set(f, i);
    });
    const extraCols = columns.fieldAt
        .map((f, i) => (f === null && headers[i].trim() !== '' && !headers[i].toLowerCase().startsWith(REJECT_PREFIX) ? i : -1))
        .filter((i) => i >= 0);
    const isCanonical = layout.preset === 'canonical';
    const orderOf = (field) => input.dateOrders?.[field] ?? scheme.date_order;
    const composed = Object.entries(layout.composed ?? {}).filter(([f]) => !colOf.has(f));
    const consentAnswers = consentRule(scheme.sharing.consent_languages, scheme.locale, scheme.sharing.consent_yes_answers);
    const extraAt = isCanonical ? headers.findIndex((h) => h.trim().toLowerCase() === 'extra') : -1;
    // In the rejects file each column holding a field is headed by the field's name, so that it
    // imports again with no --map, whatever found the column (an ImportId, the prompt, --map).
    // A field composed from other columns (Qualtrics' recipient name) gets a column of its own.
    const rejectHeaders = [...headers.map((h, i) => columns.fieldAt[i] ?? h), ...composed.map(([f]) => f)];
    const rejectLayout = describeLayout(layout);
    const shownHeaders = headers.map((h, i) => shownHeader(h, layout.exportNames?.[i]));
    const sourceName = file.split(/[\\/]/).pop() ?? file;
    return (cells, row) => {
        const dropped = layout.dropReason(cells);
        if (dropped)
            return { kind: 'dropped', reason: dropped };
        const problems = [];
        // Every answer is cleaned here, once, at the boundary (src/core/text.ts): no terminal escape,
        // C1 control, bidi override or character XML forbids gets into the data files, drafts or terminal.
        const raw = (field) => {
            const i = colOf.get(field);
            if (i === undefined) {
                const parts = composed.find(([f]) => f === field)?.[1];
                return parts ? parts.map((p) => (cells[p] ?? '').trim()).filter(Boolean).join(' ') : '';
            }
            return cells[i] ?? '';
        };
        const get = (field) => cleanField(raw(field));
        const header = (field) => {
            const i = colOf.get(field);
            return i === undefined ? field : shownHeaders[i];
        };
        const problem = (field, value, reason) => problems.push({ file, row, column: header(field), value, reason });
        // Warnings about a row that is then rejected would only be noise: they are kept back until
        // the row is accepted.
        const rowWarnings = [];
        const warn = (field, value, reason) => rowWarnings.push({ file, row, column: header(field), value, reason });
        // The address as written: one with an invisible character is refused, not silently cleaned.
        const rawEmail = raw('email');
        const email = normaliseEmail(rawEmail);
        if (!email)
            problem('email', rawEmail, rawEmail.trim() ? 'is not an email address' : 'the email address is missing');
        const name = cleanLine(get('name'));
        const list = (field, what) => {
            const parsed = vocab[field].parse(get(field), layout.listSeparator);
            for (const u of parsed.unknown) {
                warn(field, u, `unknown ${what} "${u}" kept as written; add it to vocabularies.${field} in scheme.json (as a value or a synonym) to normalise it`);
            }
            return parsed.values;
        };
        const consent = (field) => {
            // Read as written: an answer with an invisible control in it is not a clear yes.
            const answer = get(field);
            const parsed = parseYesNo(raw(field), consentAnswers);
            if (!parsed.recognised) {
                const what = field === 'share_bio' ? 'bio' : 'LinkedIn profile';
                warn(field, answer, `the answer "${answer.slice(0, 80)}" is not a clear yes (a yes word alone), so it counts as no and the ${what} is not shared; if it is the form's own yes option, add it to sharing.consent_yes_answers in scheme.json`);
            }
            return parsed.value;
        };
        const rawPref = get('meeting_preference');
        const pref = parseMeetingPreference(rawPref);
        if (pref === null)
            problem('meeting_preference', rawPref, 'must be online, in person or either');
        const rawSubmitted = get('submitted_at');
        const submitted = rawSubmitted.trim() ? parseDateTime(rawSubmitted, orderOf('submitted_at')) : '';
        if (submitted === null)
            problem('submitted_at', rawSubmitted, 'is not a date and time');
        const extra = {};
        if (isCanonical) {
            const raw = extraAt >= 0 ? (cells[extraAt] ?? '').trim() : '';
            if (raw) {
                try {
                    const parsed = JSON.parse(raw);
                    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
                        for (const [k, v] of Object.entries(parsed))
                            extra[k] = String(v);
                    }
                }
                catch {
                    problems.push({ file, row, column: 'extra', value: raw, reason: 'is not the JSON the tool wrote; restore it or clear the cell' });
                }
            }
        }
        for (const i of extraCols) {
            if (isCanonical && headers[i].trim().toLowerCase() === 'extra')
                continue;
            const v = cells[i] ?? '';
            if (v.trim() !== '')
                extra[cleanField(headers[i].trim())] = cleanField(v);
        }
        // Where the answer came from, so that importing the same file again corrects it (incoming.ts).
        if (!isCanonical)
            extra[SOURCE_KEY] = sourceName;
        const common = {
            email: email ?? '',
            name,
            first_name: cleanLine(get('first_name')) || firstNameOf(name),
            sectors: list('sectors', 'sector'),
            support_areas: list('support_areas', 'support area'),
            country: cleanLine(get('country')),
            city: cleanLine(get('city')),
            meeting_preference: pref ?? '',
            linkedin: cleanLine(get('linkedin')),
            share_linkedin: consent('share_linkedin'),
            bio: cleanText(get('bio')),
            share_bio: consent('share_bio'),
            submitted_at: submitted ?? '',
            extra,
        };
        // The fields of one side are added to `common` itself rather than spread into a copy of it:
        // measured on 100,000 rows, each row then costs about a quarter less (the copy and zod's check
        // of it; V8 keeps both kinds of object fast, so the cause is somewhere in between).
        let candidate;
        if (input.target === 'students') {
            const rawProgramme = cleanLine(get('programme'));
            const programme = vocab.programmes.canonical(rawProgramme) ?? rawProgramme;
            if (rawProgramme && vocab.programmes.size > 0 && !vocab.programmes.canonical(rawProgramme)) {
                warn('programme', rawProgramme, 'not in vocabularies.programmes in scheme.json; kept as written');
            }
            candidate = Object.assign(common, { programme });
        }
        else {
            const rawCap = get('capacity');
            const capacity = parseCapacity(rawCap);
            if (capacity === null)
                problem('capacity', rawCap, 'must be a whole number of students from 1 to 5');
            const rawYear = get('graduation_year');
            const year = parseYear(rawYear, input.maxYear);
            if (year === 'invalid')
                problem('graduation_year', rawYear, `must be a year such as 2019 (up to ${input.maxYear})`);
            const rawUnavailable = get('unavailable');
            const unavailable = parseUnavailable(rawUnavailable, orderOf('unavailable'));
            if (unavailable === null) {
                problem('unavailable', rawUnavailable, 'must be date ranges such as "01/02/2026 - 28/02/2026; 2026-03-01 to 2026-03-15"');
            }
            const courses = vocab.programmes.parse(get('courses'), layout.listSeparator).values;
            candidate = Object.assign(common, {
                courses,
                graduation_year: year === 'invalid' ? null : year,
                job_role: cleanLine(get('job_role')),
                employer: cleanLine(get('employer')),
                capacity: capacity ?? 1,
                unavailable: unavailable ?? [],
            });
        }
        const checked = (input.target === 'students' ? studentSchema : mentorSchema).safeParse(candidate);
        if (!checked.success) {
            for (const issue of checked.error.issues) {
                const field = String(issue.path[0] ?? '');
                if (field === 'email' && !email)
                    continue; // already reported, with a better reason
                problem(field, get(field), issue.message);
            }
        }
        if (problems.length)
            return { kind: 'reject', rejected: { file, row, problems, headers: rejectHeaders, cells: composed.length ? [...cells, ...composed.map(([f]) => get(f))] : cells, layout: rejectLayout } };
        return { kind: 'person', person: checked.data, warnings: rowWarnings };
    };
}

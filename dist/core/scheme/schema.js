// scheme.json is validated once, here, and reported by JSON path; everything after trusts the type.
import { z } from 'zod';
import { CONSENT_LANGUAGES } from '../import/values.js';
import { policyProblems } from '../policy/widening.js';
import { MENTOR_FIELDS, STUDENT_FIELDS } from '../types.js';
const isoDate = z.iso.date({ message: 'must be a date written YYYY-MM-DD' });
const vocabularyEntry = z.strictObject({
    value: z.string().min(1),
    synonyms: z.array(z.string()).default([]),
});
const mappingRule = z
    .strictObject({
    header: z.string().min(1).optional(),
    pattern: z.string().min(1).optional(),
    field: z.string().min(1),
})
    .refine((r) => (r.header === undefined) !== (r.pattern === undefined), {
    message: 'give either "header" (exact text) or "pattern" (regular expression), not both',
})
    .refine((r) => {
    if (r.pattern === undefined)
        return true;
    try {
        new RegExp(r.pattern, 'i');
        return true;
    }
    catch {
        return false;
    }
}, { message: 'is not a valid regular expression', path: ['pattern'] });
const preset = z.strictObject({
    list_separator: z.string().min(1),
    columns: z.array(mappingRule),
});
const survey = z.strictObject({
    title: z.string().min(1),
    link: z.string().min(1),
    date: isoDate,
});
const studentField = z.enum(STUDENT_FIELDS, { message: `is not a student field (one of: ${STUDENT_FIELDS.join(', ')})` });
const mentorField = z.enum(MENTOR_FIELDS, { message: `is not a mentor field (one of: ${MENTOR_FIELDS.join(', ')})` });
export const schemeSchema = z.strictObject({
    version: z.literal(1),
    name: z.string().min(1),
    contact_email: z.email(),
    from: z.string().min(3).optional(),
    signature: z.string().default(''),
    locale: z.string().default('en-GB'),
    date_order: z.enum(['DMY', 'MDY']).default('DMY'),
    timeline: z.strictObject({
        applications_open: isoDate,
        applications_close: isoDate,
        matching: isoDate,
        introductions: isoDate,
        programme_start: isoDate,
        meeting_1_due: isoDate,
        meeting_2_due: isoDate,
        meeting_3_due: isoDate,
        feedback: isoDate,
        programme_end: isoDate,
        grace_days: z.int().min(0).max(90),
    }),
    matching: z.strictObject({
        weights: z.strictObject({
            sector: z.number().min(0),
            support: z.number().min(0),
            programme: z.number().min(0),
            location: z.number().min(0),
        }),
        programme_groups: z.array(z.array(z.string().min(1))),
        require_shared_sector: z.boolean(),
        min_score: z.number().min(0).max(100),
        alternatives: z.int().min(0).max(10).default(3),
    }),
    chasing: z.strictObject({ max_chases: z.int().min(0).max(10) }),
    sharing: z.strictObject({
        to_student: z.array(mentorField),
        to_mentor: z.array(studentField),
        consent: z.record(z.string(), z.enum(['share_bio', 'share_linkedin'])).default({}),
        // Policy: the languages whose yes and no words a consent answer may be (default English and the
        // locale's), and the form's own yes options, whole ("Yes, I consent to my bio being shared").
        consent_languages: z.array(z.enum(CONSENT_LANGUAGES)).min(1).optional(),
        consent_yes_answers: z.array(z.string().min(1)).default([]),
        // Fields shared beyond the policy's defaults, acknowledged one by one (see src/core/policy/widening.ts).
        acknowledged: z
            .strictObject({ to_student: z.array(mentorField).default([]), to_mentor: z.array(studentField).default([]) })
            .default({ to_student: [], to_mentor: [] }),
    }),
    vocabularies: z.strictObject({
        sectors: z.array(vocabularyEntry),
        support_areas: z.array(vocabularyEntry),
        programmes: z.array(vocabularyEntry).default([]),
    }),
    presets: z.strictObject({
        msforms: preset,
        googleforms: preset,
        qualtrics: preset,
    }),
    mappings: z.strictObject({
        students: z.array(mappingRule).default([]),
        mentors: z.array(mappingRule).default([]),
        meetings: z.array(mappingRule).default([]),
        feedback: z.array(mappingRule).default([]),
    }),
    surveys: z.record(z.string().regex(/^[a-z0-9_-]+$/i, 'survey names are letters, digits, - and _'), survey).default({}),
    retention: z.strictObject({ months_after_end: z.int().min(0).max(120) }),
});
function formatPath(path) {
    let out = '';
    for (const key of path) {
        if (typeof key === 'number')
            out += `[${key}]`;
        else
            out += out ? `.${String(key)}` : String(key);
    }
    return out || '(top level)';
}
function ownKeysOnly(record) {
    const out = Object.create(null);
    for (const [k, v] of Object.entries(record))
        Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
    return out;
}
export function parseScheme(raw) {
    const result = schemeSchema.safeParse(raw);
    if (!result.success) {
        return {
            ok: false,
            problems: result.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
        };
    }
    // Records keyed by names from the administrator (surveys, consent gates) get no prototype, so a
    // lookup by a name typed on the command line ("--survey constructor", "toString", "__proto__")
    // finds only what scheme.json holds.
    const scheme = {
        ...result.data,
        surveys: ownKeysOnly(result.data.surveys),
        sharing: { ...result.data.sharing, consent: ownKeysOnly(result.data.sharing.consent) },
    };
    const problems = [];
    // Consent keys must be fields the policy shares; a consent on a field never shared is a typo.
    for (const key of Object.keys(scheme.sharing.consent)) {
        if (!STUDENT_FIELDS.includes(key) && !MENTOR_FIELDS.includes(key)) {
            problems.push({ path: `sharing.consent.${key}`, message: 'is not a participant field' });
        }
    }
    problems.push(...policyProblems(scheme.sharing));
    const t = scheme.timeline;
    const order = ['meeting_1_due', 'meeting_2_due', 'meeting_3_due'];
    for (let i = 1; i < order.length; i++) {
        const a = order[i - 1];
        const b = order[i];
        if (String(t[a]) > String(t[b]))
            problems.push({ path: `timeline.${b}`, message: `comes before ${a}` });
    }
    if (problems.length)
        return { ok: false, problems };
    return { ok: true, scheme };
}

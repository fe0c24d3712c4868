// The defaults `mentorship init` writes into scheme.json. They follow the EI Alumni Mentorship
// Programme guide and mentor policy (shared/domain); the dates follow the scheme year (core/year.ts).
// Every value is editable.
import { yearDates, yearLabel } from '../year.js';
export const SECTORS = {
    'Government & Public Policy': ['government', 'public policy', 'civil service', 'public sector', 'policy'],
    'EU Institutions': ['eu', 'european commission', 'european parliament', 'eu institutions', 'european union'],
    'International Organisations': ['international organisation', 'international organization', 'un', 'united nations', 'oecd', 'io'],
    'Diplomacy & Foreign Service': ['diplomacy', 'foreign service', 'foreign office', 'embassy'],
    'Think Tanks, Research & Policy Analysis': ['think tank', 'think tanks', 'research', 'policy analysis', 'think-tank'],
    'Consulting': ['consultancy', 'management consulting', 'strategy consulting', 'consulting'],
    'Finance & Banking': ['finance', 'banking', 'investment banking', 'financial services', 'asset management'],
    'Law': ['legal', 'law firm', 'lawyer'],
    'NGOs, Charities & Civil Society': ['ngo', 'ngos', 'charity', 'charities', 'non-profit', 'nonprofit', 'civil society', 'third sector'],
    'Journalism & Media': ['journalism', 'media', 'press', 'communications'],
    'Public Affairs & Lobbying': ['public affairs', 'lobbying', 'advocacy', 'government relations'],
    'Academia & Further Study': ['academia', 'phd', 'further study', 'doctorate', 'higher education'],
    'Technology': ['tech', 'it', 'digital', 'software'],
    'Energy & Environment': ['energy', 'environment', 'climate', 'sustainability'],
    'Business & Industry': ['business', 'industry', 'private sector', 'corporate'],
};
export const SUPPORT_AREAS = {
    'Career path & decision making': ['career advice', 'career path', 'career planning', 'career decisions'],
    'Sector knowledge': ['sector insight', 'industry knowledge', 'sector insights'],
    'Networking': ['networking skills', 'linkedin', 'building a network'],
    'Job search': ['job hunting', 'finding a job', 'job applications search'],
    'CVs & applications': ['cv', 'cvs', 'cv writing', 'applications', 'cover letters', 'cvs and applications'],
    'Interviews': ['interview', 'interview skills', 'interview preparation'],
    'Further study': ['phd applications', 'postgraduate study'],
    'Confidence & professional skills': ['confidence', 'professional skills', 'soft skills'],
};
export const PROGRAMMES = [
    'MSc European and International Public Policy',
    'MSc European and International Public Policy and Politics',
    'MSc Political Economy of Europe',
    'MSc European Political Economy',
    'MSc European Studies (Research)',
    'MSc Global Europe: Culture and Conflict',
    'MSc Public Policy and Administration',
    'MSc Conflict Studies',
];
export const PROGRAMME_GROUPS = [
    ['MSc European and International Public Policy', 'MSc European and International Public Policy and Politics', 'MSc Public Policy and Administration'],
    ['MSc Political Economy of Europe', 'MSc European Political Economy'],
    ['MSc European Studies (Research)', 'MSc Global Europe: Culture and Conflict', 'MSc Conflict Studies'],
];
/** The survey links init writes: placeholders the administrator replaces with their own forms. */
export const PLACEHOLDER_LINKS = {
    midway: 'https://forms.example.ac.uk/ei-mentoring-midway',
    final: 'https://forms.example.ac.uk/ei-mentoring-final',
};
/** A link still pointing at a reserved example domain (RFC 2606) was never replaced. */
export function isPlaceholderLink(link) {
    return /^https?:\/\/([^/?#]*\.)?example(\.[a-z]+)*([/:?#]|$)/i.test(link.trim()) || /^\s*(TODO|TBC|TBD|)\s*$/i.test(link);
}
function vocabulary(entries) {
    return Object.entries(entries).map(([value, synonyms]) => ({ value, synonyms }));
}
export const defaultSchemeName = (year) => `EI Alumni Mentorship Programme ${yearLabel(year)}`;
/**
 * The scheme.json that `init` writes for the scheme year starting in `year` (2025 for 2025-26).
 * Kept as plain JSON data so it round-trips through the schema.
 */
export function defaultScheme(name, year = 2025) {
    const dates = yearDates(year);
    return {
        version: 1,
        name: name ?? defaultSchemeName(year),
        contact_email: 'ei.alumni@lse.ac.uk',
        from: 'EI Alumni Team <ei.alumni@lse.ac.uk>',
        signature: 'The EI Alumni Team',
        locale: 'en-GB',
        // Day-first dates (UK) unless the scheme says otherwise; ISO dates are always accepted.
        date_order: 'DMY',
        timeline: { ...dates.timeline, grace_days: 7 },
        matching: {
            weights: { sector: 50, support: 25, programme: 15, location: 10 },
            programme_groups: PROGRAMME_GROUPS,
            require_shared_sector: false,
            min_score: 0,
            alternatives: 3,
        },
        chasing: {
            // "Students who have to be chased more than twice across the year ... will be unable to continue."
            max_chases: 2,
        },
        sharing: {
            // ei-alumni-mentor-policy.txt section 4: what a student receives about their mentor.
            to_student: ['name', 'email', 'courses', 'graduation_year', 'country', 'job_role', 'bio', 'linkedin'],
            // Section 5: what a mentor receives about their student.
            to_mentor: ['name', 'email', 'programme', 'sectors', 'support_areas', 'linkedin', 'bio'],
            // These fields travel only when the person answered yes to the consent question.
            consent: { bio: 'share_bio', linkedin: 'share_linkedin' },
        },
        vocabularies: {
            sectors: vocabulary(SECTORS),
            support_areas: vocabulary(SUPPORT_AREAS),
            programmes: PROGRAMMES.map((value) => ({ value, synonyms: [] })),
        },
        presets: {
            msforms: {
                list_separator: ';',
                columns: [
                    { header: 'Email', field: 'email' },
                    { header: 'Completion time', field: 'submitted_at' },
                ],
            },
            googleforms: {
                list_separator: ', ',
                columns: [
                    { header: 'Email Address', field: 'email' },
                    { header: 'Timestamp', field: 'submitted_at' },
                ],
            },
            qualtrics: {
                list_separator: ',',
                columns: [
                    { header: 'Recorded Date', field: 'submitted_at' },
                ],
            },
        },
        // The scheme's own form questions. The first rule that matches a header wins; a rule is either
        // the exact header text or a case-insensitive regular expression.
        mappings: {
            students: [
                { pattern: '^(your )?(full )?name$', field: 'name' },
                { pattern: 'first name', field: 'first_name' },
                { pattern: '(msc )?programme are you|your (msc )?programme|^programme$', field: 'programme' },
                { pattern: 'sectors?', field: 'sectors' },
                { pattern: 'support', field: 'support_areas' },
                { pattern: 'share your linkedin', field: 'share_linkedin' },
                { pattern: 'linkedin', field: 'linkedin' },
                { pattern: 'share your bio', field: 'share_bio' },
                { pattern: '\\bbio\\b', field: 'bio' },
                { pattern: 'country', field: 'country' },
                { pattern: 'city', field: 'city' },
                { pattern: 'prefer.*meet', field: 'meeting_preference' },
                { pattern: '^e-?mail( address)?$|your (lse )?e-?mail', field: 'email' },
            ],
            mentors: [
                { pattern: '^(your )?(full )?name$', field: 'name' },
                { pattern: 'first name', field: 'first_name' },
                { pattern: 'course', field: 'courses' },
                { pattern: 'graduat', field: 'graduation_year' },
                { pattern: 'sectors?', field: 'sectors' },
                { pattern: 'help students|areas of support|support', field: 'support_areas' },
                { pattern: 'share your linkedin', field: 'share_linkedin' },
                { pattern: 'linkedin', field: 'linkedin' },
                { pattern: 'share your bio', field: 'share_bio' },
                { pattern: '\\bbio\\b', field: 'bio' },
                { pattern: 'country', field: 'country' },
                { pattern: 'city', field: 'city' },
                { pattern: 'job (role|title)|current role|position', field: 'job_role' },
                { pattern: 'employer|organisation|company', field: 'employer' },
                { pattern: 'how many students|capacity', field: 'capacity' },
                { pattern: 'unavailab', field: 'unavailable' },
                { pattern: 'prefer.*meet', field: 'meeting_preference' },
                { pattern: '^e-?mail( address)?$|your e-?mail', field: 'email' },
            ],
            meetings: [
                { pattern: 'e-?mail', field: 'email' },
                { pattern: 'which meeting|meeting (number|no)|^meeting$', field: 'meeting' },
                { pattern: 'date|when did', field: 'date' },
            ],
            feedback: [{ pattern: '^e-?mail( address)?$|your e-?mail', field: 'email' }],
        },
        surveys: {
            midway: { title: 'Mid-way check-in', link: PLACEHOLDER_LINKS.midway, date: dates.surveys.midway },
            final: { title: 'End of programme feedback', link: PLACEHOLDER_LINKS.final, date: dates.surveys.final },
        },
        retention: {
            // Personal data is deleted this many months after the programme ends; aggregates are kept.
            months_after_end: 12,
        },
    };
}

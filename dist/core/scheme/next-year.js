// `init --from`: next year's scheme.json and exclusions from last year's workspace. Pure: the old
// scheme comes in as the raw JSON object it was stored as, so settings the schema fills with
// defaults stay exactly as the administrator left them.
import { addMonths } from '../timeline.js';
import { yearDates, yearLabel } from '../year.js';
import { defaultSchemeName, PLACEHOLDER_LINKS } from './defaults.js';
/**
 * The old settings with the new year's dates. The scheme name's year label is replaced; survey
 * titles stay but their links go back to the placeholders, since last year's forms collect last
 * year's answers (emails feedback refuses a placeholder until the new link is in).
 */
export function nextYearScheme(old, oldYear, newYear) {
    const dates = yearDates(newYear);
    const next = structuredClone(old);
    const name = typeof old.name === 'string' ? old.name : '';
    next.name = name.includes(yearLabel(oldYear)) ? name.split(yearLabel(oldYear)).join(yearLabel(newYear)) : name || defaultSchemeName(newYear);
    const oldTimeline = (old.timeline ?? {});
    next.timeline = { ...oldTimeline, ...dates.timeline };
    const surveys = (old.surveys ?? {});
    next.surveys = Object.fromEntries(Object.entries(surveys).map(([key, s]) => {
        const standard = key === 'midway' || key === 'final' ? dates.surveys[key] : undefined;
        const date = standard ?? (typeof s.date === 'string' ? addMonths(s.date, 12 * (newYear - oldYear)) : s.date);
        const link = key === 'midway' || key === 'final' ? PLACEHOLDER_LINKS[key] : 'https://forms.example.ac.uk/replace-me';
        return [key, { ...s, date, link }];
    }));
    return next;
}
const CARRIED = /^(paired|excluded) in \d{4}-\d{2}\b/;
/**
 * Every pair the old year made (confirmed, completed or withdrawn) and every pair it excluded
 * (conflicts, rejected proposals, earlier years) becomes an exclusion, keyed by the two emails
 * only. Reasons the administrator typed are not carried (they may say something about a person);
 * a reason an earlier `init --from` wrote is, so "paired in 2024-25" survives the years.
 */
export function carriedExclusions(matches, exclusions, oldYear, at) {
    const out = new Map();
    const add = (student, mentor, reason) => {
        const key = `${student}\u0000${mentor}`;
        if (!out.has(key))
            out.set(key, { student_email: student, mentor_email: mentor, reason, added_at: at });
    };
    const label = yearLabel(oldYear);
    for (const m of matches)
        if (m.status !== 'proposed')
            add(m.student_email, m.mentor_email, `paired in ${label}`);
    for (const e of exclusions)
        add(e.student_email, e.mentor_email, CARRIED.test(e.reason) ? e.reason : `excluded in ${label}`);
    return [...out.values()].sort((a, b) => a.student_email.localeCompare(b.student_email) || a.mentor_email.localeCompare(b.mentor_email));
}

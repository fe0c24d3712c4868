import { formatRanges } from '../import/values.js';
import { MENTOR_FIELDS, STUDENT_FIELDS } from '../types.js';
const TYPES = { capacity: 'integer', graduation_year: 'integer', submitted_at: 'text' };
export function peopleColumns(target) {
    const fields = target === 'students' ? STUDENT_FIELDS : MENTOR_FIELDS;
    return [...fields, 'extra'].map((key) => ({ key, header: key, type: TYPES[key] ?? 'text' }));
}
const list = (values) => values.join('; ');
const yesNo = (consent) => (consent ? 'yes' : 'no');
/** A person as the cells of their row, field by field. */
export function personRow(p) {
    const row = {
        email: p.email,
        name: p.name,
        first_name: p.first_name,
        sectors: list(p.sectors),
        support_areas: list(p.support_areas),
        country: p.country,
        city: p.city,
        meeting_preference: p.meeting_preference,
        linkedin: p.linkedin,
        share_linkedin: yesNo(p.share_linkedin),
        bio: p.bio,
        share_bio: yesNo(p.share_bio),
        submitted_at: p.submitted_at,
        extra: Object.keys(p.extra).length ? JSON.stringify(p.extra) : '',
    };
    if ('programme' in p) {
        row.programme = p.programme;
    }
    else {
        row.courses = list(p.courses);
        row.graduation_year = p.graduation_year;
        row.job_role = p.job_role;
        row.employer = p.employer;
        row.capacity = p.capacity;
        row.unavailable = formatRanges(p.unavailable);
    }
    return row;
}

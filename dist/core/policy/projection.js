// The sharing policy, enforced in this one place (SPEC section 6). Every export and every email
// gets the other party's data only through projectMentorForStudent / projectStudentForMentor.
//
//   permittedFields(scheme, 'to_student')   mentor fields a student may receive, in policy order
//   projectMentorForStudent(mentor, scheme) frozen object holding exactly those fields
//   projectStudentForMentor(student, scheme)
//   fieldHeader(field)                      "Course(s) studied", for column headers
//
// Choice: a consent-gated field the person did not consent to is PRESENT with the value '' (not
// omitted). The key set of a projection therefore depends only on the policy, never on a person:
// export columns are stable for mail merge, and a template's `{{#if mentor.bio}}` works in strict
// mode for everyone. Nothing of the withheld value survives.
import { formatRanges } from '../import/values.js';
import { DEFAULT_SHARING, HARD_CONSENT } from './widening.js';
/** Human column headers, as the mentor policy words them. */
const HEADERS = {
    email: 'Email',
    name: 'Name',
    first_name: 'First name',
    programme: 'MSc programme',
    courses: 'Course(s) studied',
    graduation_year: 'Year of graduation',
    sectors: 'Employment sectors of interest',
    support_areas: 'Areas of support sought',
    country: 'Current country',
    city: 'City',
    meeting_preference: 'Meeting preference',
    job_role: 'Current job role',
    employer: 'Employer',
    capacity: 'Number of students',
    unavailable: 'Unavailable',
    linkedin: 'LinkedIn profile',
    share_linkedin: 'Shares LinkedIn',
    bio: 'Brief bio',
    share_bio: 'Shares bio',
    submitted_at: 'Application submitted',
};
/** A mentor's sectors and support areas are what they offer, not what they seek. */
const MENTOR_HEADERS = {
    sectors: 'Sectors they can speak to',
    support_areas: 'Areas they can help with',
};
/** The header for a field of the person being described (the mentor in to_student, etc.). */
export function fieldHeader(field, direction) {
    if (direction === 'to_student' && MENTOR_HEADERS[field])
        return MENTOR_HEADERS[field];
    return HEADERS[field] ?? field;
}
/** Which party a direction describes, and which receives it. */
export function describedRole(direction) {
    return direction === 'to_student' ? 'mentor' : 'student';
}
/**
 * The fields the policy lets travel in this direction, once each, in the policy's order. A field
 * beyond the defaults that sharing.acknowledged does not name never travels (parseScheme refuses
 * such a scheme; this holds even for a Scheme built some other way).
 */
export function permittedFields(scheme, direction) {
    const acknowledged = scheme.sharing.acknowledged?.[direction] ?? [];
    const fields = [...new Set(scheme.sharing[direction])].filter((f) => DEFAULT_SHARING[direction].includes(f) || acknowledged.includes(f));
    return Object.freeze(fields);
}
/**
 * The consent answer that gates a field ('share_bio' for 'bio'), or undefined if ungated. The bio
 * and LinkedIn gates are hard (widening.ts): scheme.json can add gates, not remove those two.
 */
export function consentFieldOf(scheme, field) {
    if (Object.prototype.hasOwnProperty.call(HARD_CONSENT, field))
        return HARD_CONSENT[field];
    return Object.prototype.hasOwnProperty.call(scheme.sharing.consent, field) ? scheme.sharing.consent[field] : undefined;
}
function shareable(value, field) {
    if (value === null || value === undefined)
        return '';
    if (typeof value === 'boolean')
        return value ? 'yes' : 'no';
    if (typeof value === 'number')
        return Number.isFinite(value) ? String(value) : '';
    if (typeof value === 'string')
        return value;
    if (Array.isArray(value)) {
        if (field === 'unavailable')
            return formatRanges(value);
        return Object.freeze(value.map((v) => String(v)));
    }
    // Objects (such as `extra`) are never shared, whatever the policy says.
    return '';
}
function project(person, scheme, direction) {
    const out = Object.create(null);
    const source = person;
    for (const field of permittedFields(scheme, direction)) {
        const gate = consentFieldOf(scheme, field);
        // No answer is stored as false, so "no answer means no" holds here too.
        const consented = gate === undefined || source[gate] === true;
        out[field] = consented && Object.prototype.hasOwnProperty.call(source, field) ? shareable(source[field], field) : '';
    }
    // A plain object again (templates and spreads expect one), frozen so nothing can add to it.
    return Object.freeze({ ...out });
}
export function projectMentorForStudent(mentor, scheme) {
    return project(mentor, scheme, 'to_student');
}
export function projectStudentForMentor(student, scheme) {
    return project(student, scheme, 'to_mentor');
}
/** For the audit log: per gated field, how many people's values were withheld for want of consent. */
export function withheldCounts(people, scheme, direction) {
    const counts = {};
    for (const field of permittedFields(scheme, direction)) {
        const gate = consentFieldOf(scheme, field);
        if (!gate)
            continue;
        counts[field] = people.filter((p) => p[gate] !== true).length;
    }
    return counts;
}

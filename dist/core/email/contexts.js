// What each default template receives. Builders, not ad-hoc objects: the partner is always a
// projection (src/core/policy/projection.ts), and every key is defined, since templates render in
// strict mode (a missing key is an error, '' renders as nothing).
//
// Every template:    scheme     { name, contact_email, signature, from, max_chases, max_chases_text,
//                                 timeline: { introductions, meeting_1_due, ..., feedback, ... } }
//                    recipient  { name, first_name, email, role, is_student, is_mentor }  (their own)
// intro-student:     mentor     the mentor, as sharing.to_student permits
// intro-mentor:      student    the student, as sharing.to_mentor permits
// chase-student:     partner    the mentor (to_student);  meeting { number, ordinal, due }
// chase-mentor:      partner    the student (to_mentor);  chase { count, number, max, first, final, reminder }
// feedback-request:  survey     { name, title, link, date }
// withdrawal:        student (to_mentor), mentor (to_student): the pair that ended; withdrawal
//                    { leaver, student_left, mentor_left, mentor_unresponsive, reason }
import { projectMentorForStudent, projectStudentForMentor, } from '../policy/projection.js';
export const TEMPLATE_NAMES = ['intro-student', 'intro-mentor', 'chase-student', 'chase-mentor', 'feedback-request', 'withdrawal'];
const SPECS = {
    'intro-student': { mentor: 'to_student' },
    'intro-mentor': { student: 'to_mentor' },
    'chase-student': { partner: 'to_student' },
    'chase-mentor': { partner: 'to_mentor' },
    'feedback-request': {},
    // Both sides of the pair, each as the other side may see it: a student recipient reads
    // mentor.*, a mentor recipient student.* (their own projection holds nothing new to them).
    withdrawal: { student: 'to_mentor', mentor: 'to_student' },
};
/** Which context variables of a template hold a projection; a custom template gets none. */
export function templateSpec(name) {
    return { partners: SPECS[name] ?? {} };
}
function timesText(n) {
    return n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;
}
export function schemeContext(scheme) {
    return {
        name: scheme.name,
        contact_email: scheme.contact_email,
        signature: scheme.signature,
        from: scheme.from ?? '',
        max_chases: scheme.chasing.max_chases,
        max_chases_text: timesText(scheme.chasing.max_chases),
        timeline: { ...scheme.timeline },
    };
}
/** The recipient's own name and address: never anything else about them. */
export function recipientContext(person, role) {
    return {
        name: person.name,
        first_name: person.first_name || person.name,
        email: person.email,
        role,
        is_student: role === 'student',
        is_mentor: role === 'mentor',
    };
}
export function introStudentContext(scheme, student, mentor, base = schemeContext(scheme)) {
    return { scheme: base, recipient: recipientContext(student, 'student'), mentor: projectMentorForStudent(mentor, scheme) };
}
export function introMentorContext(scheme, student, mentor, base = schemeContext(scheme)) {
    return { scheme: base, recipient: recipientContext(mentor, 'mentor'), student: projectStudentForMentor(student, scheme) };
}
const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth'];
export function chaseContext(scheme, input, base = schemeContext(scheme)) {
    const partner = input.role === 'student' ? projectMentorForStudent(input.partner, scheme) : projectStudentForMentor(input.partner, scheme);
    const number = input.chasedBefore + 1;
    const final = number >= scheme.chasing.max_chases;
    const nth = ORDINALS[number - 1] ?? `number ${number}`;
    return {
        scheme: base,
        recipient: recipientContext(input.recipient, input.role),
        partner,
        meeting: { number: input.meeting, ordinal: ORDINALS[input.meeting - 1] ?? `number ${input.meeting}`, due: input.due },
        // The last chase says so: after it a student leaves the scheme, a mentor's student is re-matched.
        chase: {
            count: input.chasedBefore, number, max: scheme.chasing.max_chases, first: number === 1, final,
            reminder: final ? 'Last reminder' : `${nth[0].toUpperCase()}${nth.slice(1)} reminder`,
        },
    };
}
export function feedbackContext(scheme, person, role, survey, base = schemeContext(scheme)) {
    return { scheme: base, recipient: recipientContext(person, role), survey: { ...survey } };
}
/** The notice to one side of a pair that ended; `reason` is the administrator's text, if any. */
export function withdrawalContext(scheme, pair, role, base = schemeContext(scheme)) {
    const { student, mentor, leaver } = pair;
    // "student left: moved abroad" -> "moved abroad"; the tool's own wording is not for people.
    const reason = /^\s*(student|mentor) left(: | the scheme$)/i.test(pair.reason) ? pair.reason.replace(/^\s*(student|mentor) left(: | the scheme$)/i, '').trim() : '';
    return {
        scheme: base,
        recipient: recipientContext(role === 'student' ? student : mentor, role),
        student: projectStudentForMentor(student, scheme),
        mentor: projectMentorForStudent(mentor, scheme),
        withdrawal: { leaver, student_left: leaver === 'student', mentor_left: leaver === 'mentor', mentor_unresponsive: leaver === 'unresponsive', reason },
    };
}

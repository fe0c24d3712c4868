import { describedRole, fieldHeader, permittedFields, projectMentorForStudent, projectStudentForMentor, } from './projection.js';
/** Name, email and first name read best with the party named ("Mentor name"); the rest as the policy words them. */
function partnerHeader(field, direction) {
    const role = describedRole(direction);
    const Role = role === 'mentor' ? 'Mentor' : 'Student';
    if (field === 'name' || field === 'email' || field === 'first_name')
        return `${Role} ${fieldHeader(field).toLowerCase()}`;
    return fieldHeader(field, direction);
}
function sheet(direction, name, pairs, scheme, recipientOf, partnerOf) {
    const fields = permittedFields(scheme, direction);
    const columns = [
        { key: 'recipient_name', header: 'Recipient name' },
        { key: 'recipient_email', header: 'Recipient email' },
        { key: 'recipient_first_name', header: 'Recipient first name' },
        ...fields.map((f) => ({ key: `partner_${f}`, header: partnerHeader(f, direction) })),
    ];
    const rows = pairs.map((p) => {
        const recipient = recipientOf(p);
        const partner = partnerOf(p);
        const row = {
            recipient_name: recipient.name,
            recipient_email: recipient.email,
            recipient_first_name: recipient.first_name || recipient.name,
        };
        for (const f of fields)
            row[`partner_${f}`] = partner[f] ?? '';
        return row;
    });
    return { direction, name, columns, rows, fields };
}
export function exportSheets(pairs, scheme) {
    return {
        forStudents: sheet('to_student', 'For students', pairs, scheme, (p) => p.student, (p) => projectMentorForStudent(p.mentor, scheme)),
        forMentors: sheet('to_mentor', 'For mentors', pairs, scheme, (p) => p.mentor, (p) => projectStudentForMentor(p.student, scheme)),
    };
}

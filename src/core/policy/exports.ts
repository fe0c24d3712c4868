// The rows of out/export/for-students and for-mentors: one per confirmed pair, the recipient's own
// name and address first, then the other party's fields as the policy permits. The headers are
// written for a Word / Outlook mail merge ("Recipient email" is the merge's To field).
import type { CellValue, Column } from '../../io/cells.js';
import type { Mentor, Student } from '../types.js';
import type { Scheme } from '../scheme/schema.js';
import type { Pair } from './pairs.js';
import {
  type Direction,
  describedRole,
  fieldHeader,
  permittedFields,
  type Projection,
  projectMentorForStudent,
  projectStudentForMentor,
} from './projection.js';

export interface ExportSheet {
  direction: Direction;
  /** Workbook sheet name. */
  name: string;
  columns: Column[];
  rows: Record<string, CellValue>[];
  /** The other party's fields in this file, for the audit log. */
  fields: readonly string[];
}

/** Name, email and first name read best with the party named ("Mentor name"); the rest as the policy words them. */
function partnerHeader(field: string, direction: Direction): string {
  const role = describedRole(direction);
  const Role = role === 'mentor' ? 'Mentor' : 'Student';
  if (field === 'name' || field === 'email' || field === 'first_name') return `${Role} ${fieldHeader(field).toLowerCase()}`;
  return fieldHeader(field, direction);
}

function sheet(
  direction: Direction,
  name: string,
  pairs: readonly Pair[],
  scheme: Scheme,
  recipientOf: (p: Pair) => Student | Mentor,
  partnerOf: (p: Pair) => Projection,
): ExportSheet {
  const fields = permittedFields(scheme, direction);
  const columns: Column[] = [
    { key: 'recipient_name', header: 'Recipient name' },
    { key: 'recipient_email', header: 'Recipient email' },
    { key: 'recipient_first_name', header: 'Recipient first name' },
    ...fields.map((f) => ({ key: `partner_${f}`, header: partnerHeader(f, direction) })),
  ];
  const rows = pairs.map((p) => {
    const recipient = recipientOf(p);
    const partner = partnerOf(p);
    const row: Record<string, CellValue> = {
      recipient_name: recipient.name,
      recipient_email: recipient.email,
      recipient_first_name: recipient.first_name || recipient.name,
    };
    for (const f of fields) row[`partner_${f}`] = partner[f] ?? '';
    return row;
  });
  return { direction, name, columns, rows, fields };
}

export function exportSheets(pairs: readonly Pair[], scheme: Scheme): { forStudents: ExportSheet; forMentors: ExportSheet } {
  return {
    forStudents: sheet('to_student', 'For students', pairs, scheme, (p) => p.student, (p) => projectMentorForStudent(p.mentor, scheme)),
    forMentors: sheet('to_mentor', 'For mentors', pairs, scheme, (p) => p.mentor, (p) => projectStudentForMentor(p.student, scheme)),
  };
}

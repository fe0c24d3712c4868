// The canonical CSV columns of data/students.csv and data/mentors.csv, and the row each person
// becomes. Reading goes back through the importer (preset "canonical"), so a hand edit in Excel is
// checked by the same rules as a form export.
import type { Column } from '../../io/cells.js';
import { formatRanges } from '../import/values.js';
import type { Mentor, Student } from '../types.js';
import { MENTOR_FIELDS, STUDENT_FIELDS } from '../types.js';

const TYPES: Record<string, Column['type']> = { capacity: 'integer', graduation_year: 'integer', submitted_at: 'text' };

export function peopleColumns(target: 'students' | 'mentors'): Column[] {
  const fields = target === 'students' ? STUDENT_FIELDS : MENTOR_FIELDS;
  return [...fields, 'extra'].map((key) => ({ key, header: key, type: TYPES[key] ?? 'text' }));
}

const list = (values: readonly string[]): string => values.join('; ');
const yesNo = (consent: boolean): string => (consent ? 'yes' : 'no');

/** A person as the cells of their row, field by field. */
export function personRow(p: Student | Mentor): Record<string, string | number | null> {
  const row: Record<string, string | number | null> = {
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
  } else {
    row.courses = list(p.courses);
    row.graduation_year = p.graduation_year;
    row.job_role = p.job_role;
    row.employer = p.employer;
    row.capacity = p.capacity;
    row.unavailable = formatRanges(p.unavailable);
  }
  return row;
}

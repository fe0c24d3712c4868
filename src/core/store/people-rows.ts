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

export function personRow(p: Student | Mentor): Record<string, string | number | null> {
  const row: Record<string, string | number | null> = {};
  for (const key in p) {
    const value = (p as unknown as Record<string, unknown>)[key];
    if (key === 'extra') row.extra = Object.keys(value as object).length ? JSON.stringify(value) : '';
    else if (key === 'unavailable') row.unavailable = formatRanges(value as Mentor['unavailable']);
    else if (Array.isArray(value)) row[key] = value.join('; ');
    else if (typeof value === 'boolean') row[key] = value ? 'yes' : 'no';
    else row[key] = value as string | number | null;
  }
  return row;
}

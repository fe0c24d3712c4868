import { describe, expect, it } from 'vitest';
import { peopleColumns, personRow } from '../../../src/core/store/people-rows.js';
import type { Mentor, Student } from '../../../src/core/types.js';

const base = {
  email: 'zoe@lse.ac.uk', name: "Zoë O'Brien", first_name: 'Zoë', sectors: ['Law', 'Think tanks'], support_areas: [],
  country: 'United Kingdom', city: 'London', meeting_preference: 'either' as const, linkedin: '', share_linkedin: false,
  bio: 'Two\nlines', share_bio: true, submitted_at: '2025-11-03T08:00:00Z', extra: {},
};
const student: Student = { ...base, programme: 'MSc European Policy' };
const mentor: Mentor = {
  ...base, email: 'ana@alumni.example.org', extra: { Pronouns: 'she/her' }, courses: ['MSc European Policy'], graduation_year: null,
  job_role: 'Economist', employer: 'OECD', capacity: 3, unavailable: [{ from: '2026-02-01', to: '2026-02-28' }],
};

describe('a person as the cells of data/students.csv and data/mentors.csv', () => {
  it('fills exactly the columns of each file', () => {
    expect(Object.keys(personRow(student)).sort()).toEqual(peopleColumns('students').map((c) => c.key).sort());
    expect(Object.keys(personRow(mentor)).sort()).toEqual(peopleColumns('mentors').map((c) => c.key).sort());
  });

  it('writes lists, consents, extra answers and dates the way the importer reads them back', () => {
    expect(personRow(student)).toMatchObject({ sectors: 'Law; Think tanks', support_areas: '', share_linkedin: 'no', share_bio: 'yes', extra: '', programme: 'MSc European Policy' });
    expect(personRow(mentor)).toMatchObject({ courses: 'MSc European Policy', graduation_year: null, capacity: 3, extra: '{"Pronouns":"she/her"}' });
    expect(String(personRow(mentor).unavailable)).toMatch(/2026-02-01.*2026-02-28/);
  });
});

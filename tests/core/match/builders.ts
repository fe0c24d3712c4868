// Builders for the matching tests: a person is a few overrides on sensible defaults.
import { defaultScheme } from '../../../src/core/scheme/defaults.js';
import { parseScheme, type Scheme } from '../../../src/core/scheme/schema.js';
import type { Exclusion, Match, Mentor, Student } from '../../../src/core/types.js';

let counter = 0;

export function makeStudent(over: Partial<Student> = {}): Student {
  const n = ++counter;
  return {
    email: `student${n}@uni.example`,
    name: `Student ${n}`,
    first_name: 'Student',
    programme: 'MSc Conflict Studies',
    sectors: ['Consulting'],
    support_areas: ['Interviews'],
    country: 'United Kingdom',
    city: 'London',
    meeting_preference: 'either',
    linkedin: '',
    share_linkedin: false,
    bio: '',
    share_bio: false,
    submitted_at: '',
    extra: {},
    ...over,
  };
}

export function makeMentor(over: Partial<Mentor> = {}): Mentor {
  const n = ++counter;
  return {
    email: `mentor${n}@alumni.example`,
    name: `Mentor ${n}`,
    first_name: 'Mentor',
    courses: ['MSc Conflict Studies'],
    graduation_year: 2015,
    sectors: ['Consulting'],
    support_areas: ['Interviews'],
    country: 'United Kingdom',
    city: 'London',
    meeting_preference: 'either',
    job_role: 'Consultant',
    employer: 'Firm',
    capacity: 1,
    unavailable: [],
    linkedin: '',
    share_linkedin: false,
    bio: '',
    share_bio: false,
    submitted_at: '',
    extra: {},
    ...over,
  };
}

type MatchingOverrides = Partial<Omit<Scheme['matching'], 'weights'>> & { weights?: Partial<Scheme['matching']['weights']> };

export function makeScheme(matching: MatchingOverrides = {}): Scheme {
  const raw = defaultScheme('Test scheme');
  const parsed = parseScheme({
    ...raw,
    matching: { ...raw.matching, ...matching, weights: { ...raw.matching.weights, ...(matching.weights ?? {}) } },
  });
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
  return parsed.scheme;
}

export function makeMatch(student: Pick<Student, 'email'>, mentor: Pick<Mentor, 'email'>, over: Partial<Match> = {}): Match {
  return {
    student_email: student.email,
    mentor_email: mentor.email,
    status: 'confirmed',
    score: 50,
    breakdown: { sector: 25, support: 25, programme: 0, location: 0 },
    shared_sectors: [],
    shared_support: [],
    proposed_at: '2025-11-20T10:00:00',
    decided_at: '2025-11-21T10:00:00',
    reason: '',
    ...over,
  };
}

export function makeExclusion(student: Pick<Student, 'email'>, mentor: Pick<Mentor, 'email'>, reason = 'conflict of interest'): Exclusion {
  return { student_email: student.email, mentor_email: mentor.email, reason, added_at: '2025-11-01T09:00:00' };
}

// Builders for the follow-up tests: people, pairs and the data files of a workspace with confirmed
// pairs, written directly so these tests do not depend on the matcher.
import { defaultScheme } from '../../../src/core/scheme/defaults.js';
import { parseScheme, type Scheme } from '../../../src/core/scheme/schema.js';
import type { Chase, Match, Meeting, Mentor, Student } from '../../../src/core/types.js';
import { MENTOR_FIELDS, STUDENT_FIELDS } from '../../../src/core/types.js';

type RawScheme = Omit<ReturnType<typeof defaultScheme>, 'surveys'> & { surveys: Record<string, { title: string; link: string; date: string }> };

export function scheme(patch: (s: RawScheme) => void = () => {}): Scheme {
  const raw: RawScheme = defaultScheme();
  patch(raw);
  const parsed = parseScheme(raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.scheme;
}

const base = {
  sectors: ['Consulting'], support_areas: [], country: '', city: '', meeting_preference: '' as const, linkedin: '',
  share_linkedin: false, bio: '', share_bio: false, submitted_at: '', extra: {},
};

export function student(email: string, name = 'Zoë Student'): Student {
  return { ...base, email, name, first_name: name.split(' ')[0]!, programme: 'MSc Conflict Studies' };
}

export function mentor(email: string, name = 'Mona Mentor', unavailable: Mentor['unavailable'] = []): Mentor {
  return { ...base, email, name, first_name: name.split(' ')[0]!, courses: [], graduation_year: 2010, job_role: 'Analyst', employer: 'Acme', capacity: 2, unavailable };
}

export function pair(s: string, m: string, patch: Partial<Match> = {}): Match {
  return {
    student_email: s, mentor_email: m, status: 'confirmed', score: 72, breakdown: { sector: 50, support: 12, programme: 0, location: 10 },
    shared_sectors: ['Consulting'], shared_support: [], proposed_at: '2025-11-28T10:00:00', decided_at: '2025-11-28T10:05:00', reason: '', ...patch,
  };
}

export function meeting(s: string, m: string, n: number, date: string, source = 'test'): Meeting {
  return { student_email: s, mentor_email: m, meeting: n, date, source };
}

export function chase(email: string, date: string, role: Chase['role'] = 'student', meeting = 1): Chase {
  return { email, role, date, meeting, reason: 'test' };
}

// ---- data files for end-to-end tests ----

function csvCell(v: string): string {
  return /[",;\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

function csv(headers: readonly string[], rows: readonly Record<string, string>[]): string {
  return [headers.join(','), ...rows.map((r) => headers.map((h) => csvCell(r[h] ?? '')).join(','))].join('\r\n') + '\r\n';
}

export interface E2ePerson {
  email: string;
  name: string;
  unavailable?: string;
}

export interface E2ePair {
  student: string;
  mentor: string;
  status?: string;
  score?: number;
  shared?: string;
}

/** data/students.csv, mentors.csv and matches.csv with canonical headers. */
export function dataFiles(students: readonly E2ePerson[], mentors: readonly E2ePerson[], pairs: readonly E2ePair[]): Record<string, string> {
  return {
    'data/students.csv': csv([...STUDENT_FIELDS, 'extra'], students.map((p) => ({
      email: p.email, name: p.name, programme: 'MSc Conflict Studies', sectors: 'Consulting', share_linkedin: 'no', share_bio: 'no',
    }))),
    'data/mentors.csv': csv([...MENTOR_FIELDS, 'extra'], mentors.map((p) => ({
      email: p.email, name: p.name, sectors: 'Consulting', capacity: '3', unavailable: p.unavailable ?? '', share_linkedin: 'no', share_bio: 'no',
    }))),
    'data/matches.csv': csv(
      ['student_email', 'mentor_email', 'status', 'score', 'sector_points', 'support_points', 'programme_points', 'location_points', 'shared_sectors', 'shared_support', 'proposed_at', 'decided_at', 'reason'],
      pairs.map((p) => ({
        student_email: p.student, mentor_email: p.mentor, status: p.status ?? 'confirmed', score: String(p.score ?? 75), sector_points: '50',
        support_points: '15', programme_points: '0', location_points: '10', shared_sectors: p.shared ?? 'Consulting', proposed_at: '2025-11-28T10:00:00', decided_at: '2025-11-28T10:05:00',
      })),
    ),
  };
}

/** A small cohort: four students, two mentors (one of them away for February), three confirmed pairs and one withdrawn. */
export function smallCohort(): { files: Record<string, string>; students: E2ePerson[]; mentors: E2ePerson[] } {
  const students = [
    { email: 'zoe.obrien@lse.ac.uk', name: "Zoë O'Brien" },
    { email: 'jose.alvarez@lse.ac.uk', name: 'José Álvarez-Núñez' },
    { email: 'sam.taylor@lse.ac.uk', name: 'Samuel Taylorson' },
    { email: 'wanda.withdrawn@lse.ac.uk', name: 'Wanda Withdrawnova' },
  ];
  const mentors = [
    { email: 'bjorn.akesson@example.net', name: 'Bjørn Åkesson' },
    { email: 'helene.lheritier@example.org', name: "Hélène L'Héritier", unavailable: '01/02/2026 - 28/02/2026' },
  ];
  const pairs = [
    { student: students[0]!.email, mentor: mentors[0]!.email, score: 88 },
    { student: students[1]!.email, mentor: mentors[1]!.email, score: 62 },
    { student: students[2]!.email, mentor: mentors[0]!.email, score: 45, shared: '' },
    { student: students[3]!.email, mentor: mentors[1]!.email, status: 'withdrawn', score: 40 },
  ];
  return { files: dataFiles(students, mentors, pairs), students, mentors };
}

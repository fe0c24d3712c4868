// The shapes every part of the core agrees on. Values are already validated (see src/core/import).
import type { z } from 'zod';
import type { ChaseRow, ExclusionRow, FeedbackRow, MeetingRow } from './store/rows.js';

export type Side = 'students' | 'mentors';
export type Role = 'student' | 'mentor';
export type MeetingPreference = 'online' | 'in-person' | 'either' | '';

export interface DateRange {
  from: string; // ISO date, inclusive
  to: string; // ISO date, inclusive
}

interface PersonBase {
  email: string; // lower-cased, the key
  name: string;
  first_name: string;
  sectors: string[];
  support_areas: string[];
  country: string;
  city: string;
  meeting_preference: MeetingPreference;
  linkedin: string;
  share_linkedin: boolean; // consent; no answer means no
  bio: string;
  share_bio: boolean;
  submitted_at: string; // ISO date-time or '' when the form gave none
  /** Columns that mapped to no field: kept for the administrator, never shared. */
  extra: Record<string, string>;
}

export interface Student extends PersonBase {
  programme: string;
}

export interface Mentor extends PersonBase {
  courses: string[];
  graduation_year: number | null;
  job_role: string;
  employer: string;
  capacity: number; // 1-5
  unavailable: DateRange[];
}

export type Person = Student | Mentor;

export const STUDENT_FIELDS = [
  'email', 'name', 'first_name', 'programme', 'sectors', 'support_areas', 'country', 'city',
  'meeting_preference', 'linkedin', 'share_linkedin', 'bio', 'share_bio', 'submitted_at',
] as const;

export const MENTOR_FIELDS = [
  'email', 'name', 'first_name', 'courses', 'graduation_year', 'sectors', 'support_areas', 'country',
  'city', 'meeting_preference', 'job_role', 'employer', 'capacity', 'unavailable', 'linkedin',
  'share_linkedin', 'bio', 'share_bio', 'submitted_at',
] as const;

export type StudentField = (typeof STUDENT_FIELDS)[number];
export type MentorField = (typeof MENTOR_FIELDS)[number];

export const LIST_FIELDS = new Set(['sectors', 'support_areas', 'courses']);

export type MatchStatus = 'proposed' | 'confirmed' | 'withdrawn' | 'completed';

export interface ScoreBreakdown {
  sector: number;
  support: number;
  programme: number;
  location: number;
}

export interface Match {
  student_email: string;
  mentor_email: string;
  status: MatchStatus;
  score: number;
  breakdown: ScoreBreakdown;
  shared_sectors: string[];
  shared_support: string[];
  proposed_at: string;
  decided_at: string;
  reason: string; // why withdrawn, or the note of a decision
}

export type Meeting = z.infer<typeof MeetingRow>;

export type Chase = z.infer<typeof ChaseRow>;

export type FeedbackAnswer = z.infer<typeof FeedbackRow>;

export type Exclusion = z.infer<typeof ExclusionRow>;

/** One problem with one cell of an input, reported as data (file, row, column, value, reason). */
export interface RowProblem {
  file: string;
  row: number; // 1-based line/row number in the file as the administrator sees it
  column: string;
  value: string;
  reason: string;
}

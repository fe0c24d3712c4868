// The row schema of each follow-up data file: the one definition a row's TypeScript type is
// inferred from, and what its loader checks every row against. Cells reach these schemas already
// read (emails lower-cased, dates ISO, numbers numbers) by workspace/store.ts, which reports a bad
// cell with its file, row, column and fix; a row that still fails here is a bug, not a hand edit.
import { z } from 'zod';

const role = z.enum(['student', 'mentor']);

/** data/meetings.csv: one meeting (1 to 3) of a pair, logged or imported. */
export const MeetingRow = z.object({
  student_email: z.string(),
  mentor_email: z.string(),
  meeting: z.number().int().min(1).max(3),
  date: z.string(), // ISO date
  source: z.string(), // file name or 'log'
});

/** data/chases.csv: a chaser drafted for one participant. */
export const ChaseRow = z.object({
  email: z.string(),
  role,
  date: z.string(), // ISO date
  meeting: z.number().int(),
  reason: z.string(),
});

/** data/introductions.csv: an introduction or withdrawal notice recorded as sent; an empty kind is an intro. */
export const IntroductionRow = z.object({
  student_email: z.string(),
  mentor_email: z.string(),
  date: z.string(),
  kind: z.enum(['intro', 'withdrawal', '']).transform((k): 'intro' | 'withdrawal' => (k === 'withdrawal' ? 'withdrawal' : 'intro')),
});

/** data/feedback.csv: one answer to one survey question. */
export const FeedbackRow = z.object({
  respondent: z.string(), // email
  role: z.enum(['student', 'mentor', '']),
  survey: z.string(),
  question: z.string(),
  answer: z.string(),
  submitted_at: z.string(),
});

/** data/exclusions.csv: a pair the administrator rejected, never proposed again. */
export const ExclusionRow = z.object({
  student_email: z.string(),
  mentor_email: z.string(),
  reason: z.string(),
  added_at: z.string(),
});

/** data/no-response.csv: a student's report that their mentor has not replied. */
export const NoResponseRow = z.object({
  student_email: z.string(),
  mentor_email: z.string(), // '' when the student did not say
  meeting: z.number().int().min(1).max(3),
  date: z.string(),
});

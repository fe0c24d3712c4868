// The row schema of each follow-up data file: the one definition a row's TypeScript type is
// inferred from, and what its loader checks every row against. Cells reach these schemas already
// read (emails lower-cased, dates ISO, numbers numbers) by workspace/store.ts, which reports a bad
// cell with its file, row, column and fix; a row that still fails here is a bug, not a hand edit.
import { z } from 'zod';
import type { Match } from '../types.js';

const role = z.enum(['student', 'mentor']);

/** data/matches.csv: one pair; the file's flat score columns become the match's breakdown. */
export const MatchRow = z
  .object({
    student_email: z.string(),
    mentor_email: z.string(),
    status: z.enum(['proposed', 'confirmed', 'withdrawn', 'completed']),
    score: z.number(),
    sector_points: z.number(),
    support_points: z.number(),
    programme_points: z.number(),
    location_points: z.number(),
    shared_sectors: z.array(z.string()),
    shared_support: z.array(z.string()),
    proposed_at: z.string(),
    decided_at: z.string(),
    reason: z.string(),
  })
  .transform(({ sector_points, support_points, programme_points, location_points, ...r }): Match => ({
    student_email: r.student_email,
    mentor_email: r.mentor_email,
    status: r.status,
    score: r.score,
    breakdown: { sector: sector_points, support: support_points, programme: programme_points, location: location_points },
    shared_sectors: r.shared_sectors,
    shared_support: r.shared_support,
    proposed_at: r.proposed_at,
    decided_at: r.decided_at,
    reason: r.reason,
  }));

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

/**
 * data/audit.jsonl: one JSON line per command that changed the workspace, when and which, with
 * that command's own figures beside them (kept as they are).
 */
export const AuditRow = z.looseObject({ at: z.string(), command: z.string() });
export type AuditEntry = z.infer<typeof AuditRow>;

/** Each non-empty line of data/audit.jsonl as an entry, or null where the line is not one (cut short by a full disk, or edited by hand). */
export function auditEntries(text: string): (AuditEntry | null)[] {
  return text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      try {
        const entry = AuditRow.safeParse(JSON.parse(line));
        return entry.success ? entry.data : null;
      } catch {
        return null;
      }
    });
}

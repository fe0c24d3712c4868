// The withdraw transition: the person named leaves the scheme. A student's active pair ends and the
// mentor's place is freed; a mentor's active pairs all end and their students go back to the pool.
// Nothing is deleted: the pairs stay in the history as withdrawn, with who left in the reason.
import type { Match } from '../types.js';
import { isActive, withdrawalReason } from './rules.js';

export type WithdrawPlan =
  | { ok: true; side: 'student' | 'mentor'; ending: Match[]; matches: Match[]; reason: string }
  | { ok: false; why: 'no-pair' };

/** The pairs after `email` withdraws at `at`; `ok: false` when they have no proposed or confirmed pair. */
export function planWithdrawal(matches: readonly Match[], email: string, text: string, at: string): WithdrawPlan {
  const asStudent = matches.filter((m) => isActive(m) && m.student_email === email);
  const asMentor = matches.filter((m) => isActive(m) && m.mentor_email === email);
  // Someone both (a data error elsewhere) leaves as the student: their own place is the one they give up.
  const side = asStudent.length ? 'student' : asMentor.length ? 'mentor' : null;
  if (!side) return { ok: false, why: 'no-pair' };
  const ending = side === 'student' ? asStudent : asMentor;
  const reason = withdrawalReason(side, text);
  const updated = matches.map((m) => (ending.includes(m) ? { ...m, status: 'withdrawn' as const, decided_at: at, reason } : m));
  return { ok: true, side, ending, matches: updated, reason };
}

// A chase report as people read it (the one-line summary) and as --json gives it (camelCase keys),
// for `report chase` and `emails chase`.
import type { ChalkInstance } from 'chalk';
import type { ChaseReport, ChaseTarget, PairChase } from '../core/followup/chase.js';
import type { DueDate } from '../core/followup/schedule.js';

/** The summary line, for a handler's messages. */
export function chaseSummary(chalk: ChalkInstance, r: ChaseReport): string {
  const c = r.counts;
  const students = r.toChase.filter((t) => t.role === 'student').length;
  const mentors = r.toChase.length - students;
  return `As of ${r.asOf}: ${c.pairs} active pair${c.pairs === 1 ? '' : 's'}; ${c.ok} on track, ${c.overdue} overdue; chase ${students} student${students === 1 ? '' : 's'} and ${mentors} mentor${mentors === 1 ? '' : 's'}; ${c.wait} chased in the last week; ${c.withdraw ? chalk.red(String(c.withdraw)) : '0'} to withdraw${c.rematch ? `; ${chalk.red(String(c.rematch))} to re-match (mentor unresponsive)` : ''}.`;
}

export interface ChaseTargetResult {
  email: string;
  name: string;
  role: ChaseTarget['role'];
  meeting: number;
  due: string;
  reason: string;
  previous: number;
  studentEmail: string;
  mentorEmail: string;
}

export interface PairChaseResult {
  studentEmail: string;
  studentName: string;
  mentorEmail: string;
  mentorName: string;
  held: number[];
  due: DueDate[];
  overdue: { meeting: number; due: string; days: number }[];
  action: PairChase['action'];
  meeting: number | null;
  reason: string;
  chase: ChaseTargetResult[];
  studentChases: string[];
  mentorChases: string[];
  /** For a withdrawal: the mentor whose place is freed; for a rematch: the mentor who did not answer. */
  rematchMentor: string;
}

export interface ChaseReportResult extends Omit<ChaseReport, 'pairs' | 'toChase' | 'withdraw' | 'rematch'> {
  pairs: PairChaseResult[];
  toChase: ChaseTargetResult[];
  withdraw: PairChaseResult[];
  rematch: PairChaseResult[];
}

export function chaseTargetResult(t: ChaseTarget): ChaseTargetResult {
  const { student_email, mentor_email, ...rest } = t;
  return { ...rest, studentEmail: student_email, mentorEmail: mentor_email };
}

export function pairChaseResult(p: PairChase): PairChaseResult {
  return {
    studentEmail: p.student_email, studentName: p.student_name, mentorEmail: p.mentor_email, mentorName: p.mentor_name,
    held: p.held, due: p.due, overdue: p.overdue, action: p.action, meeting: p.meeting, reason: p.reason,
    chase: p.chase.map(chaseTargetResult), studentChases: p.student_chases, mentorChases: p.mentor_chases, rematchMentor: p.rematch_mentor,
  };
}

/** The whole report for --json. */
export function chaseReportResult(r: ChaseReport): ChaseReportResult {
  return {
    asOf: r.asOf, graceDays: r.graceDays, maxChases: r.maxChases, counts: r.counts,
    pairs: r.pairs.map(pairChaseResult), toChase: r.toChase.map(chaseTargetResult), withdraw: r.withdraw.map(pairChaseResult), rematch: r.rematch.map(pairChaseResult),
  };
}

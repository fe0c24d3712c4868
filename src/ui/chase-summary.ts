// The one-line summary of a chase report, for `report chase` and `emails chase`.
import type { ChalkInstance } from 'chalk';
import type { Context } from '../context.js';
import type { ChaseReport } from '../core/followup/chase.js';

/** The summary line, for a handler's messages. */
export function chaseSummary(chalk: ChalkInstance, r: ChaseReport): string {
  const c = r.counts;
  const students = r.toChase.filter((t) => t.role === 'student').length;
  const mentors = r.toChase.length - students;
  return `As of ${r.asOf}: ${c.pairs} active pair${c.pairs === 1 ? '' : 's'}; ${c.ok} on track, ${c.overdue} overdue; chase ${students} student${students === 1 ? '' : 's'} and ${mentors} mentor${mentors === 1 ? '' : 's'}; ${c.wait} chased in the last week; ${c.withdraw ? chalk.red(String(c.withdraw)) : '0'} to withdraw${c.rematch ? `; ${chalk.red(String(c.rematch))} to re-match (mentor unresponsive)` : ''}.`;
}

/** @deprecated until `report chase` returns an Outcome: return chaseSummary() in its messages. */
export function printChaseSummary(ctx: Context, r: ChaseReport): void {
  ctx.info(chaseSummary(ctx.chalk, r));
}

// When each pair's three meetings are due. Two things move a pair's dates away from the scheme's
// timeline, both documented in docs/followup.md:
//   - a pair confirmed after the programme started (a re-match, a late pair) slides its whole
//     schedule by the days it started late, so a pair confirmed after a meeting's due date is not
//     overdue on the day it is introduced; the reason says so in plain words;
//   - a mentor's declared unavailability: meeting N's window runs from the day after meeting N-1
//     was due (the programme start for meeting 1) to meeting N's due date, and the pair gets as
//     many days on which the mentor is available as that window holds. The due date is the day the
//     last of those available days falls on, so an absence that straddles the due date counts in
//     full. A due date never falls before the previous meeting's.
import type { Scheme } from '../scheme/schema.js';
import { addDays, daysBetween, longDate } from '../timeline.js';
import type { DateRange } from '../types.js';

export const MEETING_NUMBERS = [1, 2, 3] as const;

export interface DueDate {
  meeting: number;
  /** The scheme's timeline date. */
  scheduled: string;
  /** The date this pair is held to. */
  due: string;
  /** due - scheduled, in days. */
  shiftedBy: number;
  /** Why the date moved, for the report; '' when it did not. */
  why: string;
}

export function scheduledDates(scheme: Scheme): string[] {
  const t = scheme.timeline;
  return [t.meeting_1_due, t.meeting_2_due, t.meeting_3_due];
}

/** Days a pair confirmed after the programme start is behind the schedule (0 for most pairs). */
export function lateStartDays(scheme: Scheme, decidedAt: string): number {
  if (!/^\d{4}-\d{2}-\d{2}/.test(decidedAt)) return 0;
  return Math.max(0, daysBetween(scheme.timeline.programme_start, decidedAt.slice(0, 10)));
}

function unavailableOn(ranges: readonly DateRange[], day: string): boolean {
  return ranges.some((r) => r.from <= day && day <= r.to);
}

/** The day on which the `needed`-th available day since `from` (inclusive) falls. */
function nthAvailableDay(ranges: readonly DateRange[], from: string, needed: number): string {
  const lastEnd = ranges.reduce((m, r) => (r.to > m ? r.to : m), from);
  let day = from;
  let count = 0;
  for (;;) {
    // Past the last range every day is available: finish arithmetically.
    if (day > lastEnd) return addDays(day, needed - count - 1);
    if (!unavailableOn(ranges, day)) {
      count++;
      if (count === needed) return day;
    }
    day = addDays(day, 1);
  }
}

export function dueDates(scheme: Scheme, decidedAt: string, unavailable: readonly DateRange[]): DueDate[] {
  const late = lateStartDays(scheme, decidedAt);
  let windowStart = addDays(scheme.timeline.programme_start, late);
  let previousDue = '';
  return scheduledDates(scheme).map((scheduled, i) => {
    const base = addDays(scheduled, late);
    const length = daysBetween(windowStart, base) + 1;
    let due = length >= 1 && unavailable.length ? nthAvailableDay(unavailable, windowStart, length) : base;
    if (previousDue && due < previousDue) due = previousDue;
    const reasons: string[] = [];
    if (late) {
      reasons.push(
        `confirmed on ${longDate(decidedAt)}, ${late} day${late === 1 ? '' : 's'} after the programme started (${longDate(scheme.timeline.programme_start)}), ` +
          `so each meeting is due ${late} day${late === 1 ? '' : 's'} later than the timeline`,
      );
    }
    const away = daysBetween(base, due);
    if (away > 0) reasons.push(`mentor unavailable: +${away} day${away === 1 ? '' : 's'}`);
    windowStart = addDays(base, 1);
    previousDue = due;
    return { meeting: i + 1, scheduled, due, shiftedBy: daysBetween(scheduled, due), why: reasons.join('; ') };
  });
}

/** Overdue means strictly after the due date plus the grace days. */
export function isOverdue(due: string, graceDays: number, asOf: string): boolean {
  return asOf > addDays(due, graceDays);
}

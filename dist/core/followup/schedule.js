import { addDays, daysBetween, longDate } from '../timeline.js';
export const MEETING_NUMBERS = [1, 2, 3];
export function scheduledDates(scheme) {
    const t = scheme.timeline;
    return [t.meeting_1_due, t.meeting_2_due, t.meeting_3_due];
}
/** Days a pair confirmed after the programme start is behind the schedule (0 for most pairs). */
export function lateStartDays(scheme, decidedAt) {
    if (!/^\d{4}-\d{2}-\d{2}/.test(decidedAt))
        return 0;
    return Math.max(0, daysBetween(scheme.timeline.programme_start, decidedAt.slice(0, 10)));
}
function unavailableOn(ranges, day) {
    return ranges.some((r) => r.from <= day && day <= r.to);
}
/** The day on which the `needed`-th available day since `from` (inclusive) falls. */
function nthAvailableDay(ranges, from, needed) {
    const lastEnd = ranges.reduce((m, r) => (r.to > m ? r.to : m), from);
    let day = from;
    let count = 0;
    for (;;) {
        // Past the last range every day is available: finish arithmetically.
        if (day > lastEnd)
            return addDays(day, needed - count - 1);
        if (!unavailableOn(ranges, day)) {
            count++;
            if (count === needed)
                return day;
        }
        day = addDays(day, 1);
    }
}
export function dueDates(scheme, decidedAt, unavailable) {
    const late = lateStartDays(scheme, decidedAt);
    let windowStart = addDays(scheme.timeline.programme_start, late);
    let previousDue = '';
    return scheduledDates(scheme).map((scheduled, i) => {
        const base = addDays(scheduled, late);
        const length = daysBetween(windowStart, base) + 1;
        let due = length >= 1 && unavailable.length ? nthAvailableDay(unavailable, windowStart, length) : base;
        if (previousDue && due < previousDue)
            due = previousDue;
        const reasons = [];
        if (late) {
            reasons.push(`confirmed on ${longDate(decidedAt)}, ${late} day${late === 1 ? '' : 's'} after the programme started (${longDate(scheme.timeline.programme_start)}), ` +
                `so each meeting is due ${late} day${late === 1 ? '' : 's'} later than the timeline`);
        }
        const away = daysBetween(base, due);
        if (away > 0)
            reasons.push(`mentor unavailable: +${away} day${away === 1 ? '' : 's'}`);
        windowStart = addDays(base, 1);
        previousDue = due;
        return { meeting: i + 1, scheduled, due, shiftedBy: daysBetween(scheduled, due), why: reasons.join('; ') };
    });
}
/** Overdue means strictly after the due date plus the grace days. */
export function isOverdue(due, graceDays, asOf) {
    return asOf > addDays(due, graceDays);
}

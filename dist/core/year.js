// The scheme year. An academic year runs from 1 June to 31 May, so a workspace made on any day
// serves the year that is running then, or is next to start (in June the coming autumn's). The
// timeline follows the EI guide's pattern (shared/domain): applications in November, introductions
// in early December, meeting one by the end of January, two around February, three before May,
// feedback in May. Pure: the date comes in as an argument.
import { addDays } from './timeline.js';
/** The year a scheme year starts in (2026 for 2026-27) for a YYYY-MM-DD date. */
export function yearOf(iso) {
    const y = Number(iso.slice(0, 4));
    return Number(iso.slice(5, 7)) >= 6 ? y : y - 1;
}
export function yearLabel(start) {
    return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}
const LABEL = /^(\d{4})[-/](\d{2}|\d{4})$/;
/** '2026-27' (or '2026-2027', '2026/27') to 2026; undefined when it is not one academic year. */
export function parseYear(text) {
    const m = LABEL.exec(text.trim());
    if (!m)
        return undefined;
    const start = Number(m[1]);
    const end = Number(m[2]);
    const next = m[2].length === 2 ? (start + 1) % 100 : start + 1;
    if (end !== next || start < 2000 || start > 2098)
        return undefined;
    return start;
}
/** The first year label a text names (a scheme name such as "... Programme 2025-26"). */
export function yearInText(text) {
    for (const m of text.matchAll(/\b\d{4}[-/](?:\d{4}|\d{2})\b/g)) {
        const y = parseYear(m[0]);
        if (y !== undefined)
            return y;
    }
    return undefined;
}
function iso(y, month, day) {
    return new Date(Date.UTC(y, month - 1, day)).toISOString().slice(0, 10);
}
/** The nth given weekday (0 Sunday .. 6 Saturday) of a month. */
function nthWeekday(y, month, weekday, n) {
    const first = new Date(Date.UTC(y, month - 1, 1)).getUTCDay();
    return iso(y, month, 1 + ((weekday - first + 7) % 7) + 7 * (n - 1));
}
/** Last day of a month. */
function endOf(y, month) {
    return iso(y, month + 1, 0);
}
/**
 * The dates of the scheme year starting in `start`. For 2025 they are exactly the dates of the EI
 * 2025-26 programme: applications open on the first Monday of November for three weeks, matching a
 * week later, introductions on the Monday after; meetings due 31 January, end of February and 30
 * April (also the programme end); the mid-way survey on the third Monday of February and the final
 * one, with the feedback date, on the second Monday of May.
 */
export function yearDates(start) {
    const next = start + 1;
    const open = nthWeekday(start, 11, 1, 1);
    const feedback = nthWeekday(next, 5, 1, 2);
    return {
        timeline: {
            applications_open: open,
            applications_close: addDays(open, 18),
            matching: addDays(open, 25),
            introductions: addDays(open, 35),
            programme_start: addDays(open, 35),
            meeting_1_due: endOf(next, 1),
            meeting_2_due: endOf(next, 2),
            meeting_3_due: endOf(next, 4),
            feedback,
            programme_end: endOf(next, 4),
        },
        surveys: { midway: nthWeekday(next, 2, 1, 3), final: feedback },
    };
}
/** The year a workspace's timeline serves: the one its programme starts in. */
export function timelineYear(timeline) {
    return yearOf(timeline.programme_start);
}

import { addDays, daysBetween, longDate } from './timeline.js';
import { timelineYear, yearLabel, yearOf } from './year.js';
/** Introductions this long past with no pair confirmed means the dates are not this year's plan. */
export const LATE_INTRODUCTIONS_DAYS = 28;
export function timelineWarnings(scheme, today, use, confirmedPairs) {
    const t = scheme.timeline;
    const year = timelineYear(t);
    const current = yearOf(today);
    if (current > year) {
        return [{
                message: `this workspace is for ${yearLabel(year)}: its programme ended on ${longDate(t.programme_end)}, and today (${longDate(today)}) is in ${yearLabel(current)}`,
                fix: `start ${yearLabel(current)} from this workspace: mentorship init ../${yearLabel(current)} --from . (to finish ${yearLabel(year)} here instead, carry on: this is a warning and nothing is refused)`,
            }];
    }
    if (current < year && use !== 'status') {
        return [{
                message: `this workspace is for ${yearLabel(year)}, which has not started: its applications open on ${longDate(t.applications_open)}`,
                fix: `for the current year, make its workspace: mentorship init DIR --year ${yearLabel(current)}`,
            }];
    }
    const out = [];
    if (today > t.programme_end && (use === 'match' || use === 'confirm' || use === 'intro' || use === 'chase')) {
        const what = use === 'chase' ? 'meetings are no longer chased' : 'a new pair would have no meetings left in it';
        out.push({
            message: `the programme ended on ${longDate(t.programme_end)}: ${what}`,
            fix: 'if the programme runs longer this year, move timeline.programme_end (and the meeting dates) in scheme.json; otherwise ask for feedback: mentorship emails feedback',
        });
    }
    const late = daysBetween(t.introductions, today);
    if (confirmedPairs === 0 && late > LATE_INTRODUCTIONS_DAYS && today <= t.programme_end && (use === 'status' || use === 'match' || use === 'confirm')) {
        out.push({
            message: `the introductions were planned for ${longDate(t.introductions)}, ${late} days ago, and no pair is confirmed yet: pairs confirmed now are held to meeting dates moved ${late} days later`,
            fix: `if that is not this year's plan, put its dates in scheme.json (timeline: introductions, programme_start, meeting_1_due ... programme_end, from ${longDate(addDays(today, 7))} on)`,
        });
    }
    return out;
}

import { todayIso } from '../../context.js';
import { DataError, UsageError } from '../../errors.js';
import { normaliseEmail } from '../../core/import/values.js';
import { parseDateOption } from '../../core/scheme/date-option.js';
import { changedOutcome } from '../../outcome.js';
import { mergeMeetings, pairIndex, parseMeetingNumber } from '../../core/followup/meetings.js';
import { loadMatches, loadMeetings, loadMentors, loadStudents, stageAudit, stageMeetings } from '../../workspace/store.js';
import { loadNoResponse, stageNoResponse } from '../../workspace/followup.js';
import { changeWorkspace, isoNow } from '../../workspace/change.js';
function findPair(ctx, ws, email) {
    const now = ctx.now();
    const known = new Set([...loadStudents(ws, now), ...loadMentors(ws, now)].map((p) => p.email));
    const found = pairIndex(loadMatches(ws), known).lookup(email);
    if (found.ok)
        return found.pair;
    const fix = found.candidates
        ? `give the student's email instead: ${found.candidates.map((c) => c.student_email).join(', ')}`
        : 'check the address (mentorship status shows the pairs), or confirm a pair for them first';
    throw new DataError(`${email} ${found.reason}`, {}, fix);
}
export async function run(ctx, what, who, n, date) {
    if (what !== 'meeting' && what !== 'no-response') {
        throw new UsageError(`cannot log "${what}"`, 'use: mentorship log meeting STUDENT N DATE, or mentorship log no-response STUDENT N DATE');
    }
    const email = normaliseEmail(who);
    if (!email)
        throw new UsageError(`"${who}" is not an email address`, "give the student's email, e.g. zoe.obrien@lse.ac.uk");
    const meeting = parseMeetingNumber(n);
    if (meeting === null)
        throw new UsageError(`"${n}" is not a meeting number`, 'the meetings are 1, 2 and 3');
    const changed = await changeWorkspace(ctx, `log ${what}`, (ws, tx) => {
        const today = todayIso(ctx);
        // In the scheme's date order, as its forms are read: 03/02/2026 is 3 February in a UK scheme.
        const day = parseDateOption(date, ws.scheme.date_order, 'DATE', ws.scheme.date_order === 'MDY' ? '01/20/2026' : '20/01/2026');
        if (day > today)
            throw new DataError(`${day} is after today (${today})`, {}, `log ${what === 'meeting' ? 'a meeting once it has happened' : 'the report on the day it was made'}`);
        const pair = findPair(ctx, ws, email);
        const base = { what, studentEmail: pair.student_email, mentorEmail: pair.mentor_email, meeting, date: day };
        let result;
        if (what === 'meeting') {
            const logged = { student_email: pair.student_email, mentor_email: pair.mentor_email, meeting, date: day, source: 'log' };
            const merged = mergeMeetings(loadMeetings(ws), [{ meeting: logged, where: 'the command line' }]);
            const kept = merged.meetings.find((m) => m.student_email === pair.student_email && m.mentor_email === pair.mentor_email && m.meeting === meeting).date;
            result = { ...base, outcome: merged.added ? 'recorded' : merged.earlier ? 'earlier' : 'already', kept };
            stageMeetings(tx, merged.meetings);
        }
        else {
            const rows = loadNoResponse(ws);
            const same = rows.some((r) => r.student_email === pair.student_email && r.meeting === meeting && r.date === day);
            result = { ...base, outcome: same ? 'already' : 'recorded', kept: day };
            if (!same)
                stageNoResponse(tx, [...rows, { student_email: pair.student_email, mentor_email: pair.mentor_email, meeting, date: day }]);
        }
        if (result.outcome !== 'already')
            stageAudit(tx, ws, { at: isoNow(ctx), command: `log ${what}`, meeting, outcome: result.outcome });
        return result;
    });
    return changedOutcome(changed, { messages: [says(changed.result)] });
}
function says(r) {
    const pairText = `${r.studentEmail} and ${r.mentorEmail}`;
    if (r.what === 'no-response') {
        return r.outcome === 'recorded'
            ? `Recorded: ${r.studentEmail} reported on ${r.date} that ${r.mentorEmail} has not responded about meeting ${r.meeting}. report chase will now chase the mentor.`
            : 'That report is already recorded.';
    }
    if (r.outcome === 'recorded')
        return `Recorded meeting ${r.meeting} of ${pairText} on ${r.date}.`;
    if (r.outcome === 'earlier')
        return `Meeting ${r.meeting} of ${pairText} was already recorded; it now has the earlier date ${r.kept}.`;
    return `Meeting ${r.meeting} of ${pairText} is already recorded on ${r.kept}; not counted twice.`;
}

import { retentionDate } from './followup/purge.js';
import { longDate, mentorPlaces, placesNote } from './timeline.js';
import { leaverOf } from './match/rules.js';
import { yearLabel, yearOf, timelineYear } from './year.js';
const live = (m) => m.status === 'confirmed' || m.status === 'completed' || m.status === 'proposed';
/** Mentors who lost a student (a withdrawn pair) and still have a place nobody has taken since. */
export function mentorsWaiting(i) {
    const lost = new Set(i.matches.filter((m) => m.status === 'withdrawn').map((m) => m.mentor_email));
    return i.mentors
        .filter((m) => lost.has(m.email))
        .map((m) => ({ email: m.email, free: m.capacity - i.matches.filter((x) => x.mentor_email === m.email && live(x)).length }))
        .filter((m) => m.free > 0)
        .sort((a, b) => a.email.localeCompare(b.email));
}
function stageOf(i, anyPairs) {
    const t = i.scheme.timeline;
    if (yearOf(i.today) > timelineYear(t))
        return 'year over';
    if (i.today > t.programme_end)
        return 'ended';
    if (anyPairs || i.today >= t.programme_start)
        return 'programme';
    return i.today >= t.applications_close ? 'matching' : 'applications';
}
export function schemeStatus(i) {
    const pairs = { proposed: 0, confirmed: 0, withdrawn: 0, completed: 0 };
    for (const m of i.matches)
        pairs[m.status]++;
    const paired = new Set(i.matches.filter((m) => m.status === 'confirmed' || m.status === 'completed').map((m) => m.student_email));
    const proposedFor = new Set(i.matches.filter((m) => m.status === 'proposed').map((m) => m.student_email));
    // A student who left the scheme (withdrawn on their behalf) is not waiting for a mentor.
    const left = new Set(i.matches.filter((m) => m.status === 'withdrawn' && leaverOf(m.reason) === 'student').map((m) => m.student_email));
    const pool = i.students.filter((s) => !paired.has(s.email) && !left.has(s.email) && !proposedFor.has(s.email));
    const without = i.students.filter((s) => !paired.has(s.email) && !left.has(s.email)).length;
    const next = [];
    const t = i.scheme.timeline;
    const active = pairs.confirmed + pairs.completed;
    const stage = stageOf(i, active > 0);
    const flagged = [...new Set((i.flaggedToWithdraw ?? []).map((f) => f.student_email))].sort();
    const waiting = mentorsWaiting(i);
    const over = stage === 'ended' || stage === 'year over';
    if (stage === 'year over') {
        const year = yearOf(i.today);
        next.push(`${yearLabel(timelineYear(t))} is over: start ${yearLabel(year)} from this workspace: mentorship init ../${yearLabel(year)} --from .`);
    }
    if (i.students.length === 0 && !over)
        next.push('import the student applications: mentorship import students FILE');
    if (i.mentors.length === 0 && !over)
        next.push('import the alumni applications: mentorship import mentors FILE');
    if (over) {
        // After the end: close the year, ask for feedback, report, then purge. No matching.
        if (pairs.confirmed > 0)
            next.push(`the programme ended on ${longDate(t.programme_end)}: mark its ${pairs.confirmed} pair(s) completed: mentorship confirm --completed`);
        if (active > 0 && !i.commandsRun.has('emails feedback final')) {
            next.push(`ask for feedback${i.today < t.feedback ? ` (planned for ${longDate(t.feedback)})` : ''}: mentorship emails feedback --survey final`);
        }
        if (active > 0 || i.feedback.length > 0)
            next.push('report the year: mentorship report programme');
        const retention = retentionDate(i.scheme);
        next.push(i.today > retention ? 'the retention period is over: mentorship purge' : `delete personal data when it is due (after ${longDate(retention)}): mentorship purge`);
    }
    else if (next.length === 0) {
        if (i.matches.length === 0) {
            if (!i.commandsRun.has('report supply'))
                next.push('check supply against demand: mentorship report supply');
            next.push('propose pairs: mentorship match');
        }
        else if (pairs.proposed > 0) {
            next.push('review out/match-review.xlsx (decision column), then: mentorship confirm out/match-review.xlsx (or confirm --all)');
        }
        else if (pool.length > 0) {
            next.push(`${without} student(s) have no confirmed mentor: mentorship match`);
        }
        if (flagged.length) {
            next.push(`withdraw the student(s) chased more than ${i.scheme.chasing.max_chases} times: ${flagged.join(', ')} (mentorship withdraw EMAIL --reason "chased ${i.scheme.chasing.max_chases + 1} times")`);
        }
        if (waiting.length) {
            const who = waiting.map((w) => w.email).join(', ');
            next.push(pool.length
                ? `mentor(s) waiting for a new student: ${who} (mentorship match, then confirm)`
                : `mentor(s) waiting for a new student: ${who}; no student is waiting for a mentor now (import late applications, then mentorship match)`);
        }
        if (pairs.confirmed > 0) {
            if (!i.commandsRun.has('export'))
                next.push('share the permitted profiles: mentorship export');
            if (!i.commandsRun.has('emails intro'))
                next.push('draft the introductions: mentorship emails intro');
            else if (i.today > t.meeting_1_due)
                next.push('see who to chase: mentorship report chase');
            const midway = i.scheme.surveys.midway;
            if (midway && i.today >= midway.date && i.today < t.feedback && !i.commandsRun.has('emails feedback midway'))
                next.push('ask how it is going: mentorship emails feedback --survey midway');
            if (i.today >= t.feedback && !i.commandsRun.has('emails feedback final'))
                next.push('ask for feedback: mentorship emails feedback --survey final');
            if (i.feedback.length > 0)
                next.push('see the results: mentorship report programme');
        }
    }
    const places = mentorPlaces(i.mentors, i.scheme);
    return {
        students: i.students.length,
        mentors: i.mentors.length,
        places: places.places,
        placesNote: placesNote(places),
        pairs,
        studentsWithoutPair: without,
        meetings: i.meetings.length,
        chases: i.chases.length,
        feedbackRespondents: new Set(i.feedback.map((f) => f.respondent)).size,
        stage,
        flaggedToWithdraw: flagged,
        mentorsWaiting: waiting,
        next,
    };
}

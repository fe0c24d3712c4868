import { schemeStatus } from '../../core/status.js';
import { todayIso } from '../../context.js';
import { loadAudit, loadChases, loadFeedback, loadMatches, loadMeetings, loadMentors, loadStudents } from '../../workspace/store.js';
import { openWorkspace } from '../../workspace/workspace.js';
import { buildChaseReport } from '../../workspace/followup.js';
import { warnTimeline } from '../../workspace/timeline.js';
/** The audit's commands, with `emails feedback` also recorded per survey. */
function commandsRun(audit) {
    const run = new Set();
    for (const a of audit) {
        run.add(a.command);
        if (typeof a.survey === 'string')
            run.add(`${a.command} ${a.survey}`);
    }
    return run;
}
export async function run(ctx, _opts = {}) {
    const { ws, release } = openWorkspace(ctx);
    try {
        const now = ctx.now();
        const today = todayIso(ctx);
        const matches = loadMatches(ws);
        const active = matches.some((m) => m.status === 'confirmed');
        // Who report chase flags today (students to withdraw, pairs to re-match), so status can name them.
        const chase = active && today <= ws.scheme.timeline.programme_end ? buildChaseReport(ctx, ws, today) : null;
        const flagged = chase?.withdraw ?? [];
        const warnings = warnTimeline(ctx, ws, 'status', today);
        const status = schemeStatus({
            scheme: ws.scheme,
            today,
            students: loadStudents(ws, now),
            mentors: loadMentors(ws, now),
            matches,
            meetings: loadMeetings(ws),
            chases: loadChases(ws),
            feedback: loadFeedback(ws),
            commandsRun: commandsRun(loadAudit(ws)),
            flaggedToWithdraw: flagged,
        });
        const rematch = (chase?.rematch ?? []).map((p) => ({ studentEmail: p.student_email, mentorEmail: p.mentor_email, reason: p.reason }));
        if (rematch.length)
            status.next.unshift(`${rematch.length} pair(s) flagged rematch (the mentor did not answer after ${ws.scheme.chasing.max_chases} chases): mentorship match offers the student(s) another mentor`);
        const p = status.pairs;
        const text = [
            `${ws.scheme.name}  (${ws.root})`,
            `  stage             ${status.stage} (programme ${ws.scheme.timeline.programme_start} to ${ws.scheme.timeline.programme_end})`,
            `  students          ${status.students}`,
            `  mentors           ${status.mentors} (${status.places} places)`,
            `  pairs             ${p.confirmed} confirmed, ${p.proposed} proposed, ${p.withdrawn} withdrawn, ${p.completed} completed`,
            `  without a mentor  ${status.studentsWithoutPair}`,
            ...rematch.map((r) => `  rematch           ${r.studentEmail} (mentor ${r.mentorEmail} did not answer)`),
            `  meetings held     ${status.meetings}`,
            `  chases sent       ${status.chases}`,
            `  feedback from     ${status.feedbackRespondents} people`,
            `  (${status.placesNote})`,
            '',
            status.next.length ? 'Next:' : 'Nothing pressing.',
            ...status.next.map((n) => `  - ${n}`),
        ].join('\n');
        // Status writes nothing: no changes.
        return { result: { workspace: ws.root, scheme: ws.scheme.name, ...status, rematch, warnings }, text };
    }
    finally {
        release();
    }
}

// mentorship status: counts and the next step. Read-only, so it takes no lock.
import type { Context } from '../context.js';
import { schemeStatus } from '../core/status.js';
import { todayIso } from '../context.js';
import { loadAudit, loadChases, loadFeedback, loadMatches, loadMeetings, loadMentors, loadStudents } from '../workspace/store.js';
import { openWorkspace } from '../workspace/workspace.js';
import { buildChaseReport } from './report-chase.js';

export async function run(ctx: Context): Promise<void> {
  const { ws, release } = openWorkspace(ctx);
  try {
    const now = ctx.now();
    const status = schemeStatus({
      scheme: ws.scheme,
      today: todayIso(ctx),
      students: loadStudents(ws, now),
      mentors: loadMentors(ws, now),
      matches: loadMatches(ws),
      meetings: loadMeetings(ws),
      chases: loadChases(ws),
      feedback: loadFeedback(ws),
      commandsRun: new Set(loadAudit(ws).map((a) => a.command)),
    });
    // Pairs whose mentor did not answer after the last chase: the next match offers another mentor.
    const rematch = buildChaseReport(ctx, ws, todayIso(ctx)).rematch.map((p) => ({ student_email: p.student_email, mentor_email: p.mentor_email, reason: p.reason }));
    if (rematch.length) status.next.unshift(`${rematch.length} pair(s) flagged rematch (the mentor did not answer after ${ws.scheme.chasing.max_chases} chases): mentorship match offers the student(s) another mentor`);
    if (ctx.opts.json) {
      ctx.printJson({ workspace: ws.root, scheme: ws.scheme.name, ...status, rematch });
      return;
    }
    const p = status.pairs;
    ctx.print(
      [
        `${ws.scheme.name}  (${ws.root})`,
        `  students          ${status.students}`,
        `  mentors           ${status.mentors} (${status.places} places)`,
        `  pairs             ${p.confirmed} confirmed, ${p.proposed} proposed, ${p.withdrawn} withdrawn, ${p.completed} completed`,
        `  without a mentor  ${status.studentsWithoutPair}`,
        ...rematch.map((r) => `  rematch           ${r.student_email} (mentor ${r.mentor_email} did not answer)`),
        `  meetings held     ${status.meetings}`,
        `  chases sent       ${status.chases}`,
        `  feedback from     ${status.feedbackRespondents} people`,
        '',
        status.next.length ? 'Next:' : 'Nothing pressing.',
        ...status.next.map((n) => `  - ${n}`),
      ].join('\n'),
    );
  } finally {
    release();
  }
}

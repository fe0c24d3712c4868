// mentorship log meeting STUDENT N DATE: record one meeting by hand.
// mentorship log no-response STUDENT N DATE: the student reported on DATE that their mentor has not
// answered about meeting N; `report chase` then chases the mentor, not the student.
import type { Context } from '../../context.js';
import { todayIso } from '../../context.js';
import { DataError, UsageError } from '../../errors.js';
import { normaliseEmail, parseDate } from '../../core/import/values.js';
import { mergeMeetings, pairIndex, parseMeetingNumber } from '../../core/followup/meetings.js';
import type { Match } from '../../core/types.js';
import { loadMatches, loadMeetings, loadMentors, loadStudents, stageAudit, stageMeetings } from '../../workspace/store.js';
import type { Workspace } from '../../workspace/workspace.js';
import { loadNoResponse, stageNoResponse } from '../../workspace/followup.js';
import { changeWorkspace, describeChanges, isoNow } from '../../workspace/change.js';

interface Logged {
  what: 'meeting' | 'no-response';
  student_email: string;
  mentor_email: string;
  meeting: number;
  date: string;
  outcome: 'recorded' | 'earlier' | 'already';
  kept: string;
}

function findPair(ctx: Context, ws: Workspace, email: string): Match {
  const now = ctx.now();
  const known = new Set([...loadStudents(ws, now), ...loadMentors(ws, now)].map((p) => p.email));
  const found = pairIndex(loadMatches(ws), known).lookup(email);
  if (found.ok) return found.pair;
  const fix = found.candidates
    ? `give the student's email instead: ${found.candidates.map((c) => c.student_email).join(', ')}`
    : 'check the address (mentorship status shows the pairs), or confirm a pair for them first';
  throw new DataError(`${email} ${found.reason}`, {}, fix);
}

export async function run(ctx: Context, what: string, who: string, n: string, date: string): Promise<void> {
  if (what !== 'meeting' && what !== 'no-response') {
    throw new UsageError(`cannot log "${what}"`, 'use: mentorship log meeting STUDENT N DATE, or mentorship log no-response STUDENT N DATE');
  }
  const email = normaliseEmail(who);
  if (!email) throw new UsageError(`"${who}" is not an email address`, "give the student's email, e.g. zoe.obrien@lse.ac.uk");
  const meeting = parseMeetingNumber(n);
  if (meeting === null) throw new UsageError(`"${n}" is not a meeting number`, 'the meetings are 1, 2 and 3');
  const changed = await changeWorkspace(ctx, `log ${what}`, (ws, tx) => {
    const day = parseDate(date, ws.scheme.date_order);
    if (!day) throw new UsageError(`"${date}" is not a date`, 'write it as YYYY-MM-DD or dd/mm/yyyy');
    const today = todayIso(ctx);
    if (day > today) throw new DataError(`${day} is after today (${today})`, {}, `log ${what === 'meeting' ? 'a meeting once it has happened' : 'the report on the day it was made'}`);
    const pair = findPair(ctx, ws, email);
    const base = { what, student_email: pair.student_email, mentor_email: pair.mentor_email, meeting, date: day } as const;
    let result: Logged;
    if (what === 'meeting') {
      const merged = mergeMeetings(loadMeetings(ws), [{ meeting: { ...base, source: 'log' }, where: 'the command line' }]);
      const kept = merged.meetings.find((m) => m.student_email === pair.student_email && m.mentor_email === pair.mentor_email && m.meeting === meeting)!.date;
      result = { ...base, outcome: merged.added ? 'recorded' : merged.earlier ? 'earlier' : 'already', kept };
      stageMeetings(tx, merged.meetings);
    } else {
      const rows = loadNoResponse(ws);
      const same = rows.some((r) => r.student_email === pair.student_email && r.meeting === meeting && r.date === day);
      result = { ...base, outcome: same ? 'already' : 'recorded', kept: day };
      if (!same) stageNoResponse(tx, [...rows, { student_email: pair.student_email, mentor_email: pair.mentor_email, meeting, date: day }]);
    }
    if (result.outcome !== 'already') stageAudit(tx, ws, { at: isoNow(ctx), command: `log ${what}`, meeting, outcome: result.outcome });
    return result;
  });
  const r = changed.result;
  if (ctx.opts.json) {
    ctx.printJson({ ...r, dryRun: changed.dryRun });
  } else if (r.what === 'meeting') {
    const pairText = `${r.student_email} and ${r.mentor_email}`;
    if (r.outcome === 'recorded') ctx.info(`Recorded meeting ${r.meeting} of ${pairText} on ${r.date}.`);
    else if (r.outcome === 'earlier') ctx.info(`Meeting ${r.meeting} of ${pairText} was already recorded; it now has the earlier date ${r.kept}.`);
    else ctx.info(`Meeting ${r.meeting} of ${pairText} is already recorded on ${r.kept}; not counted twice.`);
  } else {
    ctx.info(
      r.outcome === 'recorded'
        ? `Recorded: ${r.student_email} reported on ${r.date} that ${r.mentor_email} has not responded about meeting ${r.meeting}. report chase will now chase the mentor.`
        : 'That report is already recorded.',
    );
  }
  describeChanges(ctx, changed);
}

import { changedOutcome } from '../../outcome.js';
import { DataError } from '../../errors.js';
import { chaseContext, schemeContext } from '../../core/email/contexts.js';
import { chasesToRecord } from '../../core/followup/chase.js';
import { FILES, loadChases, loadMentors, loadStudents, stageAudit, stageChases } from '../../workspace/store.js';
import { draftLine, draftsAudit, loadTemplate, stageDrafts } from './drafts.js';
import { chaseSummary, chaseTargetResult, pairChaseResult } from '../../ui/chase-summary.js';
import { buildChaseReport, parseAsOf } from '../../workspace/followup.js';
import { changeWorkspace, isoNow } from '../../workspace/change.js';
import { warnTimeline } from '../../workspace/timeline.js';
import { emailsDir } from '../../workspace/layout.js';
export async function run(ctx, opts) {
    const changed = await changeWorkspace(ctx, 'emails chase', async (ws, tx) => {
        const asOf = parseAsOf(ctx, ws, opts.asOf);
        warnTimeline(ctx, ws, 'chase', asOf);
        const report = buildChaseReport(ctx, ws, asOf);
        const result = { report, drafts: [], recorded: 0, folder: emailsDir('chase') };
        // Nobody to chase: leave the drafts of the last run alone (they may be waiting to be sent).
        if (!report.toChase.length)
            return result;
        const now = ctx.now();
        const students = new Map(loadStudents(ws, now).map((s) => [s.email, s]));
        const mentors = new Map(loadMentors(ws, now).map((m) => [m.email, m]));
        const templates = { student: loadTemplate(ws, 'chase-student'), mentor: loadTemplate(ws, 'chase-mentor') };
        const base = schemeContext(ws.scheme);
        const drafts = report.toChase.map((t) => {
            const student = students.get(t.student_email);
            const mentor = mentors.get(t.mentor_email);
            if (!student || !mentor) {
                throw new DataError(`the confirmed pair ${t.student_email} / ${t.mentor_email} names someone who is not in the data files`, { file: FILES.matches }, 'import the missing person again, or withdraw the pair (mentorship withdraw EMAIL), then run this again');
            }
            const [recipient, partner] = t.role === 'student' ? [student, mentor] : [mentor, student];
            const email = templates[t.role].render(chaseContext(ws.scheme, { recipient, role: t.role, partner, meeting: t.meeting, due: t.due, chasedBefore: t.previous }, base));
            return { key: `${t.role}|${t.email}|${t.student_email}|${t.meeting}`, role: t.role, email, index: { Meeting: String(t.meeting), 'Chased before': String(t.previous), Reason: t.reason } };
        });
        result.drafts = await stageDrafts(ctx, tx, ws, 'chase', drafts);
        if (opts.record) {
            stageChases(tx, [...loadChases(ws), ...chasesToRecord(report.toChase, asOf)]);
            result.recorded = report.toChase.length;
        }
        stageAudit(tx, ws, {
            at: isoNow(ctx), command: 'emails chase', as_of: asOf, recorded: result.recorded,
            ...draftsAudit(result.drafts, [templates.student, templates.mentor]),
        });
        return result;
    });
    const r = changed.result;
    const messages = [
        chaseSummary(ctx.chalk, r.report),
        ...r.report.withdraw.map((p) => `  not chased, to withdraw: ${p.student_email} (mentorship withdraw ${p.student_email}; frees ${p.rematch_mentor})`),
        ...r.report.rematch.map((p) => `  not chased, to re-match: ${p.student_email}, whose mentor ${p.mentor_email} did not answer ${p.mentor_chases.length} chases (mentorship match offers another mentor)`),
    ];
    if (!r.drafts.length)
        messages.push('No chase drafts written: nobody is due a chase.');
    else if (changed.dryRun)
        messages.push(`Would write ${r.drafts.length} chase draft(s) in ${r.folder}/${opts.record ? ' and record them in data/chases.csv' : ''}.`);
    else if (opts.record)
        messages.push(`Wrote ${r.drafts.length} chase draft(s) in ${r.folder}/ and recorded ${r.recorded} chase(s) in data/chases.csv.`);
    else
        messages.push(`Wrote ${r.drafts.length} chase draft(s) in ${r.folder}/. Not recorded: when you send them, run mentorship emails chase --record${opts.asOf ? ` --as-of ${r.report.asOf}` : ''}.`);
    const result = {
        asOf: r.report.asOf, toChase: r.report.toChase.map(chaseTargetResult), withdraw: r.report.withdraw.map(pairChaseResult), rematch: r.report.rematch.map(pairChaseResult),
        drafts: r.drafts, recorded: r.recorded, folder: r.folder,
    };
    return changedOutcome({ ...changed, result }, { text: r.drafts.map(draftLine).join('\n'), messages });
}

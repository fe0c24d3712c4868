import { changedOutcome } from '../../outcome.js';
import { introMentorContext, introStudentContext, schemeContext, withdrawalContext } from '../../core/email/contexts.js';
import { introductionsToRecord, introKey, leaverFrom, planIntroductions } from '../../core/email/introductions.js';
import { loadIntroductions, loadMatches, loadMentors, loadStudents, stageAudit, stageIntroductions } from '../../workspace/store.js';
import { draftLine, draftsAudit, draftsOnDisk, extraValue, loadTemplate, stageDrafts } from './drafts.js';
import { loadConfirmedPairs } from '../../workspace/pairs.js';
import { changeWorkspace, isoNow } from '../../workspace/change.js';
import { warnTimeline } from '../../workspace/timeline.js';
import { emailsDir } from '../../workspace/layout.js';
const NEW = 'New in this run';
const SENT = 'Recorded as sent';
async function draftIntroductions(ctx, opts) {
    return changeWorkspace(ctx, 'emails intro', async (ws, tx) => {
        warnTimeline(ctx, ws, 'intro');
        const now = ctx.now();
        const today = isoNow(ctx).slice(0, 10);
        const pairs = loadConfirmedPairs(ws, now, 'introduce');
        const students = new Map(loadStudents(ws, now).map((s) => [s.email, s]));
        const mentors = new Map(loadMentors(ws, now).map((m) => [m.email, m]));
        const withdrawn = loadMatches(ws).filter((m) => m.status === 'withdrawn' && students.has(m.student_email) && mentors.has(m.mentor_email));
        const recorded = loadIntroductions(ws);
        // Compiled once, before any draft: a template the policy forbids fails here, with its name.
        const toStudent = loadTemplate(ws, 'intro-student');
        const toMentor = loadTemplate(ws, 'intro-mentor');
        const base = schemeContext(ws.scheme);
        const introOf = (student, mentor) => {
            const key = introKey(student.email, mentor.email);
            return {
                key, student, mentor,
                drafts: [
                    { key, role: 'student', email: toStudent.render(introStudentContext(ws.scheme, student, mentor, base)) },
                    { key, role: 'mentor', email: toMentor.render(introMentorContext(ws.scheme, student, mentor, base)) },
                ],
            };
        };
        const live = pairs.map((p) => introOf(p.student, p.mentor));
        const liveKeys = new Set(live.map((p) => p.key));
        const ended = withdrawn.filter((m) => !liveKeys.has(introKey(m.student_email, m.mentor_email))).map((m) => introOf(students.get(m.student_email), mentors.get(m.mentor_email)));
        // Which drafts (by pair and side) an earlier run left on disk.
        const present = new Set();
        const onDisk = (kind, list) => {
            const flat = list.flatMap((p) => p.drafts);
            const there = draftsOnDisk(ws, kind, flat);
            flat.forEach((d, i) => there[i] && present.add(`${kind}|${d.role}|${d.key}`));
            return new Set(flat.filter((_, i) => there[i]).map((d) => d.key));
        };
        const drafted = onDisk('intro', [...live, ...ended]);
        // Loaded only when a pair has ended: a policy or an edit it does not fit stops no introduction.
        let notice;
        const reasonOf = new Map(withdrawn.map((m) => [introKey(m.student_email, m.mentor_email), m.reason]));
        // Only people who were introduced (drafted, or recorded as sent) are told that the pair ended.
        const introduced = new Set([...drafted, ...recorded.filter((r) => r.kind === 'intro').map((r) => introKey(r.student_email, r.mentor_email))]);
        const noticeCandidates = ended.filter((p) => introduced.has(p.key)).map((p) => {
            const reason = reasonOf.get(p.key) ?? '';
            const ctxOf = (role) => withdrawalContext(ws.scheme, { student: p.student, mentor: p.mentor, leaver: leaverFrom(reason), reason }, role, base);
            notice ??= loadTemplate(ws, 'withdrawal');
            const tpl = notice;
            return { ...p, drafts: ['student', 'mentor'].map((role) => ({ key: p.key, role, email: tpl.render(ctxOf(role)) })) };
        });
        const noticed = onDisk('withdrawal', noticeCandidates);
        const plan = planIntroductions({ confirmed: pairs.map((p) => p.match), withdrawn, recorded, drafted, noticed, redraft: Boolean(ctx.opts.force) });
        const sentOn = (kind, key) => recorded.find((r) => r.kind === kind && introKey(r.student_email, r.mentor_email) === key)?.date ?? '';
        const fresh = new Set(plan.draft);
        const removed = new Set(plan.remove);
        const introBatch = [];
        for (const p of [...live, ...ended]) {
            if (removed.has(p.key))
                continue; // unsent drafts of a withdrawn pair: left out, so removed
            const sent = sentOn('intro', p.key);
            // A pair never drafted and never sent that has ended is nobody's business here.
            if (!fresh.has(p.key) && !drafted.has(p.key))
                continue;
            for (const d of p.drafts) {
                // A kept draft someone deleted stays deleted (it was sent, or is not wanted).
                if (!fresh.has(p.key) && !present.has(`intro|${d.role}|${d.key}`))
                    continue;
                introBatch.push({ ...d, keep: !fresh.has(p.key), index: { [NEW]: fresh.has(p.key) ? 'yes' : '', [SENT]: sent } });
            }
        }
        const rows = await stageDrafts(ctx, tx, ws, 'intro', introBatch);
        const notify = new Set(plan.notify.map((n) => n.key));
        const noticeBatch = [];
        for (const p of noticeCandidates) {
            if (!notify.has(p.key) && !noticed.has(p.key))
                continue;
            for (const d of p.drafts) {
                if (!notify.has(p.key) && !present.has(`withdrawal|${d.role}|${d.key}`))
                    continue;
                noticeBatch.push({ ...d, keep: !notify.has(p.key), index: { [NEW]: notify.has(p.key) ? 'yes' : '', [SENT]: sentOn('withdrawal', p.key) } });
            }
        }
        const notices = noticeBatch.length || noticed.size ? await stageDrafts(ctx, tx, ws, 'withdrawal', noticeBatch) : [];
        let toRecord = [];
        if (opts.record) {
            const unsent = (kind, keys) => [...new Set(keys)].filter((k) => !sentOn(kind, k)).map((k) => {
                const [student_email, mentor_email] = k.split('|');
                return { student_email, mentor_email, kind };
            });
            toRecord = introductionsToRecord([...unsent('intro', [...plan.draft, ...plan.kept]), ...unsent('withdrawal', noticeBatch.map((d) => d.key))], today);
            if (toRecord.length)
                stageIntroductions(tx, [...recorded, ...toRecord]);
        }
        stageAudit(tx, ws, {
            at: isoNow(ctx), command: 'emails intro', pairs: pairs.length, new_pairs: plan.draft.length, removed_pairs: plan.remove.length,
            notices: plan.notify.length, recorded: toRecord.length, ...draftsAudit(rows.filter((r) => extraValue(r, NEW) === 'yes'), [toStudent, toMentor]),
        });
        return {
            pairs: pairs.length, drafts: rows, folder: emailsDir('intro'), added: rows.filter((r) => extraValue(r, NEW) === 'yes').length,
            kept: rows.filter((r) => extraValue(r, NEW) !== 'yes').length, removedPairs: plan.remove.length, notices,
            noticesAdded: notices.filter((r) => extraValue(r, NEW) === 'yes').length, recorded: toRecord.length,
        };
    });
}
/** What the administrator reads: the new drafts (stdout), then what was written and what to do next. */
function says(ctx, s, dryRun, record) {
    const fresh = [...s.drafts, ...s.notices].filter((d) => extraValue(d, NEW) === 'yes');
    const limit = ctx.opts.verbose ? Infinity : 20;
    const lines = fresh.slice(0, limit).map(draftLine);
    if (fresh.length > limit)
        lines.push(`... and ${fresh.length - limit} more (--verbose lists all; index.csv marks them "${NEW}")`);
    const would = dryRun ? 'Would write' : 'Wrote';
    const messages = [
        `${would} ${s.added} new introduction draft${s.added === 1 ? '' : 's'} in ${s.folder}/ (${s.kept} from earlier runs left exactly as they were; index.csv marks the new ones). ` +
            '.eml opens in Outlook as a draft; .txt to paste.',
    ];
    if (s.removedPairs)
        messages.push(`${dryRun ? 'Would remove' : 'Removed'} the unsent drafts of ${s.removedPairs} withdrawn pair${s.removedPairs === 1 ? '' : 's'}.`);
    if (s.noticesAdded)
        messages.push(`${would} ${s.noticesAdded} withdrawal notice${s.noticesAdded === 1 ? '' : 's'} in out/emails/withdrawal/ (both sides of each pair that ended).`);
    if (record)
        messages.push(`${dryRun ? 'Would record' : 'Recorded'} ${s.recorded} introduction${s.recorded === 1 ? '' : 's'} and notice${s.recorded === 1 ? '' : 's'} as sent in data/introductions.csv: they are never drafted again.`);
    else if (s.added || s.noticesAdded)
        messages.push('Not recorded as sent: when you have sent them, run mentorship emails intro --record');
    return { text: lines.join('\n'), messages };
}
export async function run(ctx, opts) {
    const changed = await draftIntroductions(ctx, opts);
    return changedOutcome(changed, says(ctx, changed.result, changed.dryRun, Boolean(opts.record)));
}

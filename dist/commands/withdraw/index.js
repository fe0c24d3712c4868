import { changedOutcome } from '../../outcome.js';
import { DataError, UsageError } from '../../errors.js';
import { normaliseEmail } from '../../core/import/values.js';
import { planWithdrawal } from '../../core/match/withdraw.js';
import { loadMatches, loadMentors, loadStudents, stageAudit, stageMatches } from '../../workspace/store.js';
import { changeWorkspace, isoNow } from '../../workspace/change.js';
import { FILES } from '../../workspace/layout.js';
async function agree(ctx, question) {
    const { confirm } = await import('@inquirer/prompts');
    return confirm({ message: question, default: false }, { input: ctx.stdin, output: ctx.stderr });
}
export async function run(ctx, email, opts) {
    const wanted = normaliseEmail(email);
    if (!wanted)
        throw new UsageError(`"${email}" is not an email address`, 'mentorship withdraw name@example.ac.uk --reason "..."');
    const changed = await changeWorkspace(ctx, 'withdraw', async (ws, tx) => {
        const now = ctx.now();
        const at = isoNow(ctx);
        const plan = planWithdrawal(loadMatches(ws), wanted, opts.reason ?? '', at);
        if (!plan.ok) {
            const known = loadStudents(ws, now).some((s) => s.email === wanted) ? 'student' : loadMentors(ws, now).some((m) => m.email === wanted) ? 'mentor' : null;
            if (!known)
                throw new DataError(`no student or mentor has the email ${wanted}`, {}, 'check the spelling against data/students.csv and data/mentors.csv');
            throw new DataError(`the ${known} ${wanted} has no proposed or confirmed pair to withdraw`, { file: FILES.matches }, 'nothing to do; mentorship status shows the pairs');
        }
        const { side, ending, reason } = plan;
        if (ending.length > 1 && ctx.interactive && !ctx.opts.dryRun) {
            const ok = await agree(ctx, `${wanted} is the mentor of ${ending.length} pairs; withdraw them all?`);
            if (!ok)
                throw new UsageError('nothing withdrawn', 'answer yes, or pass --yes');
        }
        stageMatches(tx, plan.matches);
        stageAudit(tx, ws, { at, command: 'withdraw', email: wanted, side, pairs: ending.length, reason });
        return { email: wanted, side, reason, pairs: ending.map((m) => ({ studentEmail: m.student_email, mentorEmail: m.mentor_email, was: m.status })) };
    });
    const w = changed.result;
    const messages = w.pairs.map((p) => `withdrawn: ${p.studentEmail} and ${p.mentorEmail} (was ${p.was}); reason: ${w.reason}`);
    if (w.side === 'student')
        messages.push(`The mentor's place is free again; ${w.email} will not be proposed again. Run mentorship match to offer the place to an unmatched student.`);
    else
        messages.push(`${w.email} will not be proposed again; their student(s) go back to the pool. Run mentorship match to propose new mentors.`);
    // The notices are drafted with the introductions: unsent introductions of the pair go then too.
    if (w.pairs.some((p) => p.was === 'confirmed'))
        messages.push('mentorship emails intro drafts the withdrawal notices to both sides (and removes the unsent introductions of the pair).');
    return changedOutcome(changed, { messages });
}

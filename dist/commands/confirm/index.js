// mentorship confirm [REVIEW_FILE] [--all]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { changedOutcome, warning } from '../../outcome.js';
import { DataError, UsageError } from '../../errors.js';
import { readInput } from '../../io/input.js';
import { applyDecisions, readReview, REVIEW_SHEET } from '../../core/match/review.js';
import { loadExclusions, loadMatches, loadMentors, loadStudents, stageAudit, stageExclusions, stageMatches, REVIEW_FILE } from '../../workspace/store.js';
import { changeWorkspace, isoNow } from '../../workspace/change.js';
import { warnTimeline } from '../../workspace/timeline.js';
import { completePairs } from '../../core/completion.js';
import { todayIso } from '../../context.js';
import { inOut } from '../../workspace/layout.js';
/** confirm --completed: after the programme's end, every confirmed pair becomes completed. */
async function complete(ctx) {
    const changed = await changeWorkspace(ctx, 'confirm completed', (ws, tx) => {
        const done = completePairs(loadMatches(ws), ws.scheme, todayIso(ctx));
        if (!done.ok)
            throw new UsageError(done.why, done.fix);
        if (done.completed) {
            stageMatches(tx, done.matches);
            stageAudit(tx, ws, { at: isoNow(ctx), command: 'confirm completed', completed: done.completed });
        }
        return { completed: done.completed };
    });
    const n = changed.result.completed;
    const messages = [n ? `${n} pair(s) ${changed.dryRun ? 'would be' : 'are now'} completed in data/matches.csv.` : 'No confirmed pairs left to complete.'];
    if (!changed.dryRun)
        messages.push('Next: mentorship emails feedback --survey final, mentorship report programme, and mentorship purge when the retention date comes.');
    return changedOutcome(changed, { messages });
}
/** The Review sheet if the workbook still has one; a sheet re-saved from a CSV has another name. */
async function readSheet(abs, shown) {
    try {
        return await readInput(abs, shown, { sheet: REVIEW_SHEET });
    }
    catch (err) {
        if (err instanceof DataError && /no sheet called/.test(err.message))
            return readInput(abs, shown);
        throw err;
    }
}
function says(a, all, dryRun) {
    if (a.approved + a.rejected + a.reassigned.length === 0 && !a.already) {
        return [all ? 'There are no proposals to confirm: run mentorship match first.' : warning(`${a.source}: no decisions found. Write approve, reject or a mentor's email in the decision column, or run mentorship confirm --all.`)];
    }
    const parts = [`${a.approved} approved`, `${a.rejected} rejected`, `${a.reassigned.length} reassigned`];
    if (a.already)
        parts.push(`${a.already} already confirmed`);
    const lines = [`${a.source}: ${parts.join(', ')}; ${a.undecided} proposal(s) still waiting for a decision.`];
    for (const r of a.reassigned)
        lines.push(`  ${r.student}: reassigned from ${r.from} to ${r.to} (confirmed)`);
    if (dryRun)
        return lines;
    if (a.rejected)
        lines.push(`Rejected pairs are in data/exclusions.csv and will not be proposed again; run mentorship match to propose new mentors for those students.`);
    else if (a.approved + a.reassigned.length > 0)
        lines.push('Next: mentorship export, then mentorship emails intro.');
    return lines;
}
export async function run(ctx, reviewFile, opts) {
    if (opts.completed) {
        if (reviewFile !== undefined || opts.all)
            throw new UsageError('--completed takes no review sheet and no --all', 'mentorship confirm --completed');
        return complete(ctx);
    }
    if (reviewFile !== undefined && opts.all) {
        throw new UsageError('give a review sheet or --all, not both', 'mentorship confirm out/match-review.xlsx, or mentorship confirm --all');
    }
    let source = '--all';
    const changed = await changeWorkspace(ctx, 'confirm', async (ws, tx) => {
        warnTimeline(ctx, ws, 'confirm');
        const now = ctx.now();
        let lines = 'all';
        let adopt = null;
        if (!opts.all) {
            const abs = reviewFile !== undefined ? path.resolve(ctx.cwd, reviewFile) : ws.abs(REVIEW_FILE);
            source = reviewFile ?? REVIEW_FILE;
            if (reviewFile === undefined && !fs.existsSync(abs)) {
                throw new DataError('there is no review sheet', { file: REVIEW_FILE }, 'run mentorship match first, or give the saved sheet: mentorship confirm FILE (or confirm --all)');
            }
            lines = readReview(await readSheet(abs, source));
            // A sheet edited where match wrote it has now been applied: let the next match replace it
            // without --force by recording its current contents as what the tool knows about.
            const rel = ws.rel(abs);
            if (inOut(rel) && !rel.includes('..'))
                adopt = { rel, bytes: fs.readFileSync(abs) };
        }
        const exclusions = loadExclusions(ws);
        const applied = applyDecisions({
            file: source, matches: loadMatches(ws), exclusions, students: loadStudents(ws, now), mentors: loadMentors(ws, now),
            scheme: ws.scheme, lines, at: isoNow(ctx),
        });
        const decided = applied.approved + applied.rejected + applied.reassigned.length;
        if (decided > 0) {
            stageMatches(tx, applied.matches);
            if (applied.exclusions.length !== exclusions.length)
                stageExclusions(tx, applied.exclusions);
            stageAudit(tx, ws, {
                at: isoNow(ctx), command: 'confirm', file: source, approved: applied.approved, rejected: applied.rejected,
                reassigned: applied.reassigned.length, undecided: applied.undecided,
            });
        }
        if (adopt && (decided > 0 || applied.already > 0))
            tx.write(adopt.rel, adopt.bytes, { generated: true });
        return applied;
    });
    const { matches: _m, exclusions: _e, ...counts } = changed.result;
    const result = { ...counts, source };
    return changedOutcome({ ...changed, result }, { messages: says(result, Boolean(opts.all), changed.dryRun) });
}

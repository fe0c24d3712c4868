import { DataError, oneLine, UsageError } from '../../errors.js';
import { changedOutcome, info, warning } from '../../outcome.js';
import { progress } from '../../ui/progress.js';
import { parseMapOptions, unmatchedRuleNotes } from '../../core/import/columns.js';
import { planImport } from '../../core/import/incoming.js';
import { fieldsOf } from '../../core/import/people.js';
import { loadMentors, loadStudents, stageAudit, stagePeople } from '../../workspace/store.js';
import { askForColumns, unmappedError } from './column-prompt.js';
import { readPeopleFile } from './read.js';
import { rememberedLines, stageRememberedMappings } from './remember-mappings.js';
import { replaceableIn, stageRejects } from './rejects.js';
import { changeWorkspace, isoNow } from '../../workspace/change.js';
function memory() {
    const m = process.memoryUsage();
    return `heap ${Math.round(m.heapUsed / 1e6)} MB, buffers ${Math.round(m.arrayBuffers / 1e6)} MB, rss ${Math.round(m.rss / 1e6)} MB`;
}
export async function importPeople(ctx, kind, files, opts) {
    const maps = parseMapOptions(opts.map ?? [], [...fieldsOf(kind)]);
    return changeWorkspace(ctx, `import ${kind}`, async (ws, tx) => build(ctx, ws, tx, kind, files, opts, maps));
}
const ref = (r) => ({ file: r.file, row: r.row, submittedAt: r.submitted_at });
async function build(ctx, ws, tx, kind, files, opts, maps) {
    const now = ctx.now();
    const maxYear = now.getUTCFullYear() + 1;
    const summary = {
        kind, files, imported: 0, updated: 0, unchanged: 0, older: 0, rejected: 0, duplicates: [], dropped: [], rejects: [],
        warnings: [], notes: [], rejectFiles: [], total: 0, remembered: [], replaced: [],
    };
    // The stored people first: what reading a big data file takes is let go before the inputs are read.
    const stored = kind === 'students' ? loadStudents(ws, now) : loadMentors(ws, now);
    // A person cannot be both a student and a mentor: the other side's emails are all that is needed.
    const otherSide = new Set((kind === 'students' ? loadMentors(ws, now) : loadStudents(ws, now)).map((p) => p.email));
    const inputs = [];
    const chosen = [];
    let stale = null;
    const bar = progress(ctx.stderr, `importing ${kind}`, 0, !ctx.opts.quiet);
    for (const file of files) {
        const read = await readPeopleFile(ctx, file, {
            kind, scheme: ws.scheme, opts, maps, tick: (n) => bar.tick(summary.total + n),
            ask: (c, p, f) => askForColumns(c, p, f, kind, ws.scheme), unmapped: (p, f, a) => unmappedError(p, f, kind, ws.scheme, a),
        });
        summary.notes.push(...read.notes);
        chosen.push(...read.chosen);
        // A rule is stale only if no file of this import has its column.
        stale = stale === null ? read.stale : stale.filter((r) => read.stale.includes(r));
        summary.total += read.answers;
        inputs.push({ table: read.table, plan: read.plan });
    }
    bar.end();
    ctx.debug(`read ${summary.total} rows; ${memory()}`);
    const plan = planImport({ target: kind, scheme: ws.scheme, maxYear, files: inputs, stored, otherSide });
    inputs.length = 0;
    ctx.debug(`planned ${plan.people.length} ${kind}; ${memory()}`);
    Object.assign(summary, {
        imported: plan.imported, updated: plan.updated, unchanged: plan.unchanged, older: plan.older, rejected: plan.rejects.length,
        duplicates: plan.duplicates.map((d) => ({ email: d.email, kept: ref(d.kept), dropped: d.dropped.map(ref) })), dropped: plan.dropped, warnings: plan.warnings, rejects: plan.rejects.flatMap((r) => r.problems),
    });
    summary.notes.push(...plan.notes);
    if (opts.strict && summary.rejected > 0) {
        const first = summary.rejects[0];
        throw new DataError(`${summary.rejected} row(s) rejected and --strict is set, so nothing was imported. First: ${first.reason} (value "${first.value}")`, { file: first.file, row: first.row, column: first.column }, 'fix the rows (run without --strict to get them in out/rejects/), then import again');
    }
    // Every row rejected: the data stay as they were; only the rejects (and the audit line) are written.
    const allRejected = summary.rejected > 0 && summary.imported + summary.updated + summary.unchanged + summary.older === 0;
    if (!allRejected)
        stagePeople(tx, kind, plan.people);
    summary.rejectFiles = stageRejects(tx, kind, files, plan.rejects, replaceableIn(ws), summary.notes);
    const remembered = stageRememberedMappings(tx, ws, kind, chosen, stale ?? []);
    summary.remembered = remembered.added;
    summary.replaced = remembered.replaced;
    // Reported, never silently ignored: a remembered question no file of this import has.
    summary.notes.push(...unmatchedRuleNotes(kind, (stale ?? []).filter((r) => !remembered.replaced.includes(r))));
    stageAudit(tx, ws, {
        at: isoNow(ctx), command: `import ${kind}`, files, imported: summary.imported, updated: summary.updated,
        unchanged: summary.unchanged, rejected: summary.rejected, duplicates: summary.duplicates.length,
    });
    return summary;
}
/** What the administrator reads after an import: skipped, duplicate and rejected rows, then the counts. */
function says(ctx, s, dryRun) {
    const c = ctx.chalk;
    const limit = ctx.opts.verbose ? Infinity : 10;
    const out = [];
    for (const d of s.dropped.slice(0, limit))
        out.push(info(`${d.file}, row ${d.row}: skipped, ${d.reason}`));
    for (const d of s.duplicates.slice(0, limit)) {
        out.push(info(`duplicate: ${d.email} submitted ${d.dropped.length + 1} times; kept ${d.kept.file} row ${d.kept.row}${d.kept.submittedAt ? ` (${d.kept.submittedAt})` : ''}, dropped ${d.dropped.map((x) => `${x.file} row ${x.row}`).join(', ')}`));
    }
    for (const r of s.rejects.slice(0, limit)) {
        out.push(info(`${c.red('rejected:')} ${r.file}, row ${r.row}, column "${oneLine(r.column)}": ${oneLine(r.reason)}${r.value ? ` (value "${oneLine(r.value.slice(0, 60))}")` : ''}`));
    }
    if (s.rejects.length > limit)
        out.push(info(`  ... and ${s.rejects.length - limit} more rejected (see out/rejects/, or --verbose)`));
    const seen = new Set();
    let shown = 0;
    for (const w of s.warnings) {
        const key = `${w.column}|${w.value}|${w.reason}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        if (shown++ < limit)
            out.push(warning(`${w.file}, row ${w.row}, column "${oneLine(w.column)}": ${oneLine(w.reason)}`));
    }
    if (shown > limit)
        out.push(info(`  ... and ${shown - limit} more warnings (--verbose shows all)`));
    for (const n of s.notes)
        out.push(warning(oneLine(n)));
    const line = [
        `${c.bold(String(s.imported))} imported`,
        `${s.updated} updated`,
        `${s.unchanged} unchanged`,
        `${s.rejected ? c.red(String(s.rejected)) : '0'} rejected`,
        `${s.duplicates.length} duplicate${s.duplicates.length === 1 ? '' : 's'}`,
    ];
    if (s.older)
        line.push(`${s.older} older than the stored answer (kept the stored one)`);
    if (s.dropped.length)
        line.push(`${s.dropped.length} preview/test skipped`);
    out.push(info(`${s.kind}: ${line.join(', ')}`));
    if (s.rejectFiles.length)
        out.push(info(`Rejected rows, to fix and import again: ${s.rejectFiles.join(', ')}`));
    for (const l of rememberedLines(s.kind, { added: s.remembered, replaced: s.replaced }, dryRun))
        out.push(info(oneLine(l)));
    return out;
}
export async function run(ctx, kind, files, opts) {
    if (kind === 'pairs' || kind === 'exclusions')
        return (await import('./pairs.js')).run(ctx, kind, files, opts);
    if (kind === 'meetings' || kind === 'feedback')
        return (await import('./followup.js')).run(ctx, kind, files, opts);
    if (kind !== 'students' && kind !== 'mentors') {
        throw new UsageError(`cannot import "${kind}"`, 'use: mentorship import students|mentors|meetings|feedback|pairs|exclusions FILE...');
    }
    const changed = await importPeople(ctx, kind, files, opts);
    const outcome = changedOutcome(changed, { messages: says(ctx, changed.result, changed.dryRun) });
    nothingStored(changed.result, outcome);
    return outcome;
}
/**
 * An import that stored nothing because every row was rejected failed, after writing its rejects.
 * The error carries what the import found, which the renderer shows before it (text or --json).
 */
function nothingStored(s, outcome) {
    if (s.rejected === 0 || s.imported + s.updated + s.unchanged + s.older > 0)
        return;
    const error = new DataError(`nothing was imported: all ${s.rejected} row${s.rejected === 1 ? ' was' : 's were'} rejected`, { file: s.files[0] }, !s.rejectFiles.length
        ? 'see the reasons above, fix them, then import again'
        : outcome.dryRun
            ? `run it without --dry-run to write the rows to ${s.rejectFiles.join(', ')}, then fix them there (the reasons are in its first columns) and import that file`
            : `fix the rows in ${s.rejectFiles.join(', ')} (the reasons are in its first columns) and import that file, or fix the settings and import the export again`);
    error.outcome = outcome;
    throw error;
}

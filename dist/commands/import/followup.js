// mentorship import meetings|feedback FILE...: check-in and survey exports, read like participant
// imports (same layouts, mappings, --map, rejects written to out/rejects/).
import * as path from 'node:path';
import { todayIso } from '../../context.js';
import { DataError, oneLine, UsageError } from '../../errors.js';
import { changedOutcome } from '../../outcome.js';
import { readInput } from '../../io/input.js';
import { compactColumns, parseMapOptions, resolveColumns, unmatchedRuleNotes } from '../../core/import/columns.js';
import { fittingColumns } from '../../core/import/suggest.js';
import { columnOrder } from '../../core/import/table-scan.js';
import { detectLayout } from '../../core/import/layout.js';
import { FEEDBACK_FIELDS, mergeFeedback, parseFeedbackRows, planFeedbackColumns } from '../../core/followup/feedback.js';
import { mergeMeetings, pairIndex, parseMeetingRows } from '../../core/followup/meetings.js';
import { loadFeedback, loadMatches, loadMeetings, loadMentors, loadStudents, stageAudit, stageFeedback, stageMeetings } from '../../workspace/store.js';
import { replaceableIn, stageRejects } from './rejects.js';
import { rememberedLines, stageRememberedMappings } from './remember-mappings.js';
import { changeWorkspace, isoNow } from '../../workspace/change.js';
const MEETING_FIELDS = ['email', 'student_email', 'mentor_email', 'meeting', 'date'];
function dataRows(layout, rows, numbers) {
    const kept = [];
    const dropped = [];
    for (let i = layout.firstDataIndex; i < rows.length; i++) {
        const why = layout.dropReason(rows[i]);
        if (why)
            dropped.push({ row: numbers[i], reason: why });
        else
            kept.push({ cells: rows[i], row: numbers[i] });
    }
    return { kept, dropped };
}
async function askForColumns(ctx, file, headers, missing, at) {
    const { select } = await import('@inquirer/prompts');
    for (const field of missing) {
        const taken = new Set(Object.values(at));
        const free = headers.map((h, i) => ({ name: h, value: i })).filter((c) => c.name.trim() !== '' && !taken.has(c.value));
        const choice = await select({ message: `${file}: which column holds the meeting's ${field}?`, choices: [...free, { name: '(none of them: stop)', value: -1 }] }, { input: ctx.stdin, output: ctx.stderr });
        if (choice < 0)
            return;
        at[field] = choice;
    }
}
function remember(ctx, tx, ws, kind, chosen, stale, notes) {
    const r = stageRememberedMappings(tx, ws, kind, chosen, stale);
    notes.push(...rememberedLines(kind, r, Boolean(ctx.opts.dryRun)), ...unmatchedRuleNotes(kind, stale.filter((x) => !r.replaced.includes(x))));
}
function strictCheck(opts, rejects) {
    if (!opts.strict || !rejects.length)
        return;
    const p = rejects[0].problems[0];
    throw new DataError(`${rejects.length} row(s) rejected and --strict is set, so nothing was imported. First: ${p.reason} (value "${p.value}")`, { file: p.file, row: p.row, column: p.column }, 'fix the rows (run without --strict to get them in out/rejects/), then import again');
}
/**
 * The one per-file loop of both kinds: read each file, find its layout and columns, and let the
 * kind parse its rows (returning the columns it mapped by hand, to remember). A remembered rule is
 * stale only if no file of this import has its column.
 */
async function eachFile(ctx, ws, kind, fields, maps, files, opts, parse) {
    const chosen = [];
    let stale = null;
    for (const file of files) {
        const table = await readInput(path.resolve(ctx.cwd, file), file, opts);
        const layout = detectLayout(table.rows, opts.preset ?? 'auto', ws.scheme);
        const resolved = resolveColumns(layout.headers, kind, fields, layout.preset, ws.scheme, maps, layout);
        const unmatched = resolved.unmatchedRules;
        stale = stale === null ? unmatched : stale.filter((r) => unmatched.includes(r));
        chosen.push(...(await parse({ file, table, layout, resolved })));
    }
    return { chosen, stale: stale ?? [] };
}
function emptySummary(kind, files) {
    return { kind, files, rows: 0, added: 0, updated: 0, unchanged: 0, older: 0, duplicates: [], rejected: 0, rejects: [], rejectFiles: [], notes: [] };
}
async function importMeetings(ws, tx, ctx, files, opts) {
    const maps = parseMapOptions(opts.map ?? [], MEETING_FIELDS);
    const now = ctx.now();
    const known = new Set([...loadStudents(ws, now), ...loadMentors(ws, now)].map((p) => p.email));
    const pairs = pairIndex(loadMatches(ws), known);
    const existing = loadMeetings(ws);
    const s = emptySummary('meetings', files);
    const incoming = [];
    const allRejects = [];
    // Columns mapped by hand, remembered after a successful import (remember-mappings.ts).
    const { chosen, stale } = await eachFile(ctx, ws, 'meetings', MEETING_FIELDS, maps, files, opts, async ({ file, table, layout, resolved }) => {
        const { fieldAt, mapped } = resolved;
        const email = ['email', 'student_email', 'mentor_email'].map((f) => fieldAt.indexOf(f)).find((i) => i >= 0) ?? -1;
        const at = { email, meeting: fieldAt.indexOf('meeting'), date: fieldAt.indexOf('date') };
        let missing = ['email', 'meeting', 'date'].filter((k) => at[k] < 0);
        const chosenHere = [...mapped];
        if (missing.length && ctx.interactive) {
            await askForColumns(ctx, file, layout.headers, missing, at);
            for (const k of missing)
                if (at[k] >= 0)
                    chosenHere.push({ header: layout.headers[at[k]], field: k });
            missing = missing.filter((k) => at[k] < 0);
        }
        if (missing.length) {
            const free = layout.headers.filter((h, i) => fieldAt[i] === null && h.trim() !== '');
            // Only a column that fits the field is suggested (its header, or answers such as dates).
            const sample = table.rows.slice(layout.firstDataIndex, layout.firstDataIndex + 200);
            const fit = fittingColumns(missing[0], layout.headers, fieldAt, sample)[0];
            throw new DataError(`no column holds the ${missing.join(', ')} of the meetings. Unmapped columns: ${compactColumns(free) || '(none)'}`, { file }, `${fit === undefined ? `no column looks like ${missing[0]}: add --map "COLUMN=${missing[0]}" naming the column that holds it` : `add --map "${layout.headers[fit]}=${missing[0]}"`}${missing.length > 1 ? ' (one --map per missing field)' : ''}, or a rule in scheme.json "mappings.meetings"`);
        }
        const { kept, dropped } = dataRows(layout, table.rows, table.rowNumbers);
        if (!kept.length && !dropped.length)
            throw new DataError('the file has a header but no responses', { file }, 'export the check-in responses again');
        s.notes.push(...dropped.map((d) => `${file}, row ${d.row}: skipped, ${d.reason}`));
        // The meeting dates in the order their column shows.
        const dates = columnOrder(file, layout.headers[at.date], kept.map((k) => ({ row: k.row, value: k.cells[at.date] ?? '' })), ws.scheme.date_order);
        if (dates.warning)
            s.notes.push(dates.warning);
        const parsed = parseMeetingRows({
            file, source: path.basename(file), headers: layout.headers, rows: kept.map((k) => k.cells), rowNumbers: kept.map((k) => k.row),
            at, pairs, recorded: [...existing, ...incoming.map((x) => x.meeting)], dateOrder: dates.order, today: todayIso(ctx),
        });
        s.rows += kept.length;
        s.notes.push(...parsed.notes);
        incoming.push(...parsed.meetings.map((m) => ({ meeting: m.meeting, where: `${file} row ${m.row}` })));
        allRejects.push(...parsed.rejects);
        return chosenHere;
    });
    strictCheck(opts, allRejects);
    s.rejectFiles = stageRejects(tx, 'meetings', files, allRejects, replaceableIn(ws), s.notes);
    remember(ctx, tx, ws, 'meetings', chosen, stale, s.notes);
    const merged = mergeMeetings(existing, incoming);
    Object.assign(s, { added: merged.added, updated: merged.earlier, unchanged: merged.unchanged, rejected: allRejects.length });
    s.rejects = allRejects.flatMap((r) => r.problems);
    s.duplicates = merged.duplicates.map((d) => `meeting ${d.meeting} of ${d.student_email} reported again (${d.where}); kept ${d.kept}${d.dropped !== d.kept ? `, not ${d.dropped}` : ''}`);
    stageMeetings(tx, merged.meetings);
    stageAudit(tx, ws, { at: isoNow(ctx), command: 'import meetings', files: files.length, added: s.added, updated: s.updated, unchanged: s.unchanged, rejected: s.rejected, duplicates: s.duplicates.length });
    return s;
}
async function importFeedback(ws, tx, ctx, files, opts) {
    const known = Object.keys(ws.scheme.surveys);
    if (!opts.survey)
        throw new UsageError('which survey are these answers from?', `add --survey NAME (the surveys in scheme.json: ${known.join(', ') || 'none yet'})`);
    if (!ws.scheme.surveys[opts.survey]) {
        throw new UsageError(`there is no survey "${opts.survey}" in scheme.json`, `use one of: ${known.join(', ') || '(none)'}, or add it under "surveys" in scheme.json`);
    }
    const survey = opts.survey;
    const maps = parseMapOptions(opts.map ?? [], [...FEEDBACK_FIELDS]);
    const now = ctx.now();
    const roles = new Map([...loadStudents(ws, now).map((p) => [p.email, 'student']), ...loadMentors(ws, now).map((p) => [p.email, 'mentor'])]);
    const s = emptySummary('feedback', files);
    s.survey = survey;
    const submissions = [];
    const allRejects = [];
    const { chosen, stale } = await eachFile(ctx, ws, 'feedback', FEEDBACK_FIELDS, maps, files, opts, ({ file, table, layout, resolved }) => {
        const columns = planFeedbackColumns(layout, ws.scheme, maps);
        if (columns.email < 0) {
            // As for check-ins: the columns compactly, and only a column whose header or answers fit.
            const sample = table.rows.slice(layout.firstDataIndex, layout.firstDataIndex + 200);
            const fit = fittingColumns('email', layout.headers, resolved.fieldAt, sample)[0];
            throw new DataError(`no column holds the respondents' email addresses. Columns: ${compactColumns(layout.headers.filter((h) => h.trim())) || '(none)'}`, { file }, `${fit === undefined ? 'no column looks like email addresses: add --map "COLUMN=email" naming the column that holds them' : `add --map "${layout.headers[fit]}=email"`}, or a rule in scheme.json "mappings.feedback"`);
        }
        if (!columns.questions.length)
            throw new DataError('no question columns found (only metadata and the email)', { file }, 'export the survey with its answers');
        if (table.rows.length <= layout.firstDataIndex)
            throw new DataError('the file has a header but no responses', { file }, 'export the survey responses again');
        // The submission times in the order their column shows.
        const stamps = table.rows.slice(layout.firstDataIndex).map((cells, k) => ({ row: table.rowNumbers[layout.firstDataIndex + k] ?? 0, value: cells[columns.submittedAt] ?? '' }));
        const times = columns.submittedAt >= 0 ? columnOrder(file, layout.headers[columns.submittedAt], stamps, ws.scheme.date_order) : { order: ws.scheme.date_order };
        if (times.warning)
            s.notes.push(times.warning);
        const parsed = parseFeedbackRows({ file, rows: table.rows, rowNumbers: table.rowNumbers, layout, columns, roleOf: (e) => roles.get(e) ?? null, dateOrder: times.order });
        s.rows += parsed.submissions.length + parsed.rejects.length;
        s.notes.push(...parsed.dropped.map((d) => `${file}, row ${d.row}: skipped, ${d.reason}`));
        submissions.push(...parsed.submissions);
        allRejects.push(...parsed.rejects);
        // An ignored question is left out by --map alone: a remembered "ignore" would read as a question.
        return resolved.mapped.filter((c) => c.field !== null);
    });
    strictCheck(opts, allRejects);
    s.rejectFiles = stageRejects(tx, 'feedback', files, allRejects, replaceableIn(ws), s.notes);
    remember(ctx, tx, ws, 'feedback', chosen, stale, s.notes);
    const merged = mergeFeedback(loadFeedback(ws), submissions, survey);
    Object.assign(s, { added: merged.added, updated: merged.replaced, unchanged: merged.unchanged, older: merged.older, rejected: allRejects.length });
    s.rejects = allRejects.flatMap((r) => r.problems);
    s.duplicates = merged.duplicates.map((d) => `${d.respondent} answered more than once; kept ${d.kept}, dropped ${d.dropped}`);
    stageFeedback(tx, merged.answers);
    stageAudit(tx, ws, { at: isoNow(ctx), command: 'import feedback', survey, files: files.length, added: s.added, updated: s.updated, unchanged: s.unchanged, older: s.older, rejected: s.rejected });
    return s;
}
/** What the administrator reads after the import: notes, duplicates, rejected rows, then the counts. */
function says(ctx, s) {
    const limit = ctx.opts.verbose ? Infinity : 10;
    const out = [];
    for (const n of s.notes.slice(0, limit))
        out.push(oneLine(n));
    for (const d of s.duplicates.slice(0, limit))
        out.push(`duplicate: ${d}`);
    for (const r of s.rejects.slice(0, limit)) {
        out.push(`${ctx.chalk.red('rejected:')} ${r.file}, row ${r.row}, column "${oneLine(r.column)}": ${oneLine(r.reason)}${r.value ? ` (value "${oneLine(r.value.slice(0, 60))}")` : ''}`);
    }
    if (s.rejects.length > limit)
        out.push(`  ... and ${s.rejects.length - limit} more rejected (see out/rejects/, or --verbose)`);
    const what = s.kind === 'meetings' ? 'meetings' : `feedback (${s.survey}): respondents`;
    const parts = [
        `${ctx.chalk.bold(String(s.added))} new`,
        `${s.updated} ${s.kind === 'meetings' ? 'moved to an earlier date' : 'replaced by a later submission'}`,
        `${s.unchanged} unchanged`,
        `${s.rejected ? ctx.chalk.red(String(s.rejected)) : '0'} rejected`,
        `${s.duplicates.length} duplicate${s.duplicates.length === 1 ? '' : 's'}`,
    ];
    if (s.older)
        parts.push(`${s.older} older than the stored answers (kept the stored ones)`);
    out.push(`${what}: ${parts.join(', ')} (from ${s.rows} row${s.rows === 1 ? '' : 's'})`);
    if (s.rejectFiles.length)
        out.push(`Rejected rows, to fix and import again: ${s.rejectFiles.join(', ')}`);
    return out;
}
export async function run(ctx, kind, files, opts) {
    const changed = await changeWorkspace(ctx, `import ${kind}`, (ws, tx) => kind === 'meetings' ? importMeetings(ws, tx, ctx, files, opts) : importFeedback(ws, tx, ctx, files, opts));
    return changedOutcome(changed, { messages: says(ctx, changed.result) });
}

// mentorship import pairs|exclusions FILE...: pairs arranged outside the tool (each a confirmed
// pair) and pairs never to propose. Canonical headers student_email, mentor_email and note (pairs)
// or reason (exclusions), or --map. Refused rows go to out/rejects/ with the reason; --force takes
// the ones a rule only advises against; --dry-run and --strict as for every import.
import * as path from 'node:path';
import { DataError, oneLine, UsageError } from '../../errors.js';
import { changedOutcome, info, warning } from '../../outcome.js';
import { readInput } from '../../io/input.js';
import { parseMapOptions } from '../../core/import/columns.js';
import { asProblems, EXCLUSION_FIELDS, PAIR_FIELDS, planExclusions, planPairs } from '../../core/import/pairs.js';
import { loadExclusions, loadMatches, loadMentors, loadStudents, stageAudit, stageExclusions, stageMatches } from '../../workspace/store.js';
import { stageRejects } from './rejects.js';
import { changeWorkspace, isoNow } from '../../workspace/change.js';
/** Header to field: --map first, then the canonical name (case, spaces and hyphens aside). */
function columnsOf(headers, fields, maps, file) {
    const at = fields.map(() => -1);
    headers.forEach((h, i) => {
        const key = h.trim().toLowerCase();
        const mapped = maps.has(key) ? maps.get(key) : fields.find((f) => f === key.replace(/[\s-]+/g, '_'));
        const f = mapped ? fields.indexOf(mapped) : -1;
        if (f >= 0 && at[f] === -1)
            at[f] = i;
    });
    const missing = fields.slice(0, 2).filter((_, f) => at[f] === -1);
    if (missing.length) {
        throw new DataError(`no column holds ${missing.join(' and ')}. Columns: ${headers.map((h) => `"${oneLine(h)}"`).join(', ')}`, { file }, `name the columns ${fields.join(', ')}, or map them: --map "${headers.find((h) => h.trim()) ?? 'HEADER'}=${missing[0]}"`);
    }
    return at;
}
async function readFile(ctx, file, kind, opts) {
    const fields = kind === 'pairs' ? PAIR_FIELDS : EXCLUSION_FIELDS;
    const table = await readInput(path.resolve(ctx.cwd, file), file, opts);
    const headers = table.rows[0] ?? [];
    const at = columnsOf(headers, fields, parseMapOptions(opts.map ?? [], [...fields]), file);
    const rows = [];
    const cells = new Map();
    for (let i = 1; i < table.rows.length; i++) {
        const c = table.rows[i];
        if (c.every((v) => v.trim() === ''))
            continue;
        const row = table.rowNumbers[i];
        cells.set(row, c);
        rows.push({ row, student_email: c[at[0]] ?? '', mentor_email: c[at[1]] ?? '', text: at[2] >= 0 ? (c[at[2]] ?? '') : '' });
    }
    return { file, rows, headers, cells };
}
export async function run(ctx, kind, files, opts) {
    if (!files.length)
        throw new UsageError(`name the file to import: mentorship import ${kind} FILE`);
    const changed = await changeWorkspace(ctx, `import ${kind}`, async (ws, tx) => {
        const now = ctx.now();
        const at = isoNow(ctx);
        let matches = loadMatches(ws);
        let exclusions = loadExclusions(ws);
        const students = kind === 'pairs' ? loadStudents(ws, now) : [];
        const mentors = kind === 'pairs' ? loadMentors(ws, now) : [];
        const summary = { kind, files, added: 0, unchanged: 0, refused: 0, forced: 0, problems: [], forcedRows: [], rejectFiles: [] };
        const rejects = [];
        for (const file of files) {
            const read = await readFile(ctx, file, kind, opts);
            const plan = kind === 'pairs'
                ? planPairs({ rows: read.rows, students, mentors, matches, exclusions, scheme: ws.scheme, at, force: ctx.opts.force })
                : planExclusions({ rows: read.rows, matches, exclusions, at, force: ctx.opts.force, defaultReason: `from ${path.basename(file)}` });
            if (kind === 'pairs')
                matches = plan.rows;
            else
                exclusions = plan.rows;
            summary.added += plan.added;
            summary.unchanged += plan.unchanged;
            summary.problems.push(...asProblems(file, plan.refused));
            summary.forcedRows.push(...asProblems(file, plan.forced));
            const byRow = new Map();
            for (const r of plan.refused)
                byRow.set(r.row, [...(byRow.get(r.row) ?? []), r]);
            for (const [row, list] of byRow) {
                rejects.push({ file, row, problems: asProblems(file, list), headers: read.headers, cells: read.cells.get(row) ?? [] });
            }
        }
        summary.refused = rejects.length;
        summary.forced = new Set(summary.forcedRows.map((p) => `${p.file}\u0000${p.row}`)).size;
        if (opts.strict && rejects.length) {
            const p = rejects[0].problems[0];
            throw new DataError(`${rejects.length} row(s) refused and --strict is set, so nothing was imported. First: ${p.reason} (value "${oneLine(p.value)}")`, { file: p.file, row: p.row, column: p.column }, 'fix the rows (run without --strict to get them in out/rejects/), then import again');
        }
        if (summary.added) {
            if (kind === 'pairs')
                stageMatches(tx, matches);
            else
                stageExclusions(tx, exclusions);
        }
        summary.rejectFiles = stageRejects(tx, kind, files, rejects);
        // Only a change is audited, so importing the same file again changes nothing at all.
        if (summary.added) {
            stageAudit(tx, ws, { at, command: `import ${kind}`, files, added: summary.added, unchanged: summary.unchanged, refused: summary.refused, forced: summary.forced });
        }
        return summary;
    });
    return changedOutcome(changed, { messages: says(kind, changed.result, changed.dryRun) });
}
function says(kind, s, dryRun) {
    // What --force took is a warning, so it reaches stderr even with --json: it is for the person who forced it.
    const out = s.forcedRows.map((p) => warning(`${p.file}, row ${p.row}: taken with --force although ${p.reason.replace(/ \(--force takes it anyway\)$/, '')}`));
    const what = kind === 'pairs' ? 'confirmed pair(s)' : 'exclusion(s)';
    out.push(info(`${kind}: ${s.added} new ${what}, ${s.unchanged} already there, ${s.refused} row(s) refused${s.forced ? `, ${s.forced} taken with --force` : ''}.`));
    for (const p of s.problems.slice(0, 20))
        out.push(warning(`${p.file}, row ${p.row}, column "${p.column}": ${p.reason} (value "${oneLine(p.value)}")`));
    if (s.problems.length > 20)
        out.push(warning(`... and ${s.problems.length - 20} more in ${s.rejectFiles.join(', ')}`));
    if (s.rejectFiles.length && !dryRun)
        out.push(info(`Refused rows, with the reason, are in ${s.rejectFiles.join(', ')}: fix them and import that file again.`));
    if (!dryRun && s.added)
        out.push(info(kind === 'pairs' ? 'Next: mentorship match proposes for the other students; these pairs are fixed.' : 'mentorship match will never propose these pairs.'));
    return out;
}

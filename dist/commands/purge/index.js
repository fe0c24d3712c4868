// mentorship purge [--before DATE]: delete the personal data of a programme past its retention date,
// keeping the figures of `report programme` (data/aggregates.json) and a scrubbed audit log.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { todayIso } from '../../context.js';
import { UsageError } from '../../errors.js';
import { acquireLock } from '../../io/lock.js';
import { changedOutcome, info, warning } from '../../outcome.js';
import { parseDateOption } from '../../core/scheme/date-option.js';
import { AUDIT_FILE, AGGREGATES_FILE, identifiers, mentionsAnyone, purgeChoice, purgeDue, scrubAudit } from '../../core/followup/purge.js';
import { loadMentors, loadStudents } from '../../workspace/store.js';
import { liveFigures, stageAggregates } from '../../workspace/followup.js';
import { changeWorkspace, isoNow } from '../../workspace/change.js';
import { inData, MANIFEST_PATH, STATE_DIR } from '../../workspace/layout.js';
function walk(root) {
    const out = [];
    const visit = (dir) => {
        for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
            const abs = path.join(dir, e.name);
            if (e.isDirectory())
                visit(abs);
            else if (e.isFile())
                out.push(path.relative(root, abs).split(path.sep).join('/'));
        }
    };
    visit(root);
    return out.sort();
}
/** Files purge does not manage but that mention a participant: the administrator must deal with them. */
function foreignFilesWithPersonalData(root, scan, ids) {
    if (!ids.length)
        return [];
    return scan.filter((f) => {
        const abs = path.join(root, f);
        if (fs.statSync(abs).size > 50 * 1024 * 1024)
            return false;
        return mentionsAnyone(fs.readFileSync(abs).toString('utf8'), ids);
    });
}
async function confirmPurge(ctx, files, decision) {
    if (ctx.opts.yes || ctx.opts.dryRun)
        return;
    if (!ctx.interactive) {
        throw new UsageError('purge deletes personal data for good and needs a confirmation, but there is no terminal to ask on', 'run it again with --yes to confirm (or --dry-run to see what would be deleted)');
    }
    const { confirm } = await import('@inquirer/prompts');
    const ok = await confirm({ message: `Delete ${files} file(s) of personal data (${decision.why})? This cannot be undone.`, default: false }, { input: ctx.stdin, output: ctx.stderr });
    if (!ok)
        throw new UsageError('purge cancelled; nothing was deleted');
}
/** Drop the manifest entries of files that are gone: their paths can hold people's names. */
function pruneManifest(root) {
    const abs = path.join(root, MANIFEST_PATH);
    if (!fs.existsSync(abs))
        return;
    let manifest;
    try {
        manifest = JSON.parse(fs.readFileSync(abs, 'utf8'));
    }
    catch {
        manifest = {};
    }
    const kept = Object.fromEntries(Object.entries(manifest).filter(([rel]) => fs.existsSync(path.join(root, rel))));
    const tmp = `${abs}.purge-tmp`;
    fs.writeFileSync(tmp, `${JSON.stringify(kept, null, 1)}\n`);
    fs.renameSync(tmp, abs);
}
function removeEmptyDirs(dir) {
    if (!fs.existsSync(dir))
        return;
    for (const e of fs.readdirSync(dir, { withFileTypes: true }))
        if (e.isDirectory())
            removeEmptyDirs(path.join(dir, e.name));
    if (fs.readdirSync(dir).length === 0 && path.basename(dir) !== 'out')
        fs.rmdirSync(dir);
}
/** What the administrator reads: what went (or would go), one line per folder, and what was kept. */
function says(ctx, r, dryRun) {
    if (!r.due)
        return [info(`Nothing to purge: ${r.why}. To purge earlier: mentorship purge --before DATE`)];
    const out = [];
    if (!r.removed.length)
        out.push(info(`Nothing to purge (${r.why}): no personal data files are left.`));
    else if (dryRun)
        out.push(info(`Would delete ${r.removed.length} file(s) holding the personal data of ${r.people} people (${r.why}).`));
    else
        out.push(info(`Deleted ${r.removed.length} file(s) holding the personal data of ${r.people} people (${r.why}). Kept: ${r.aggregatesKept ? `${AGGREGATES_FILE} (mentorship report programme shows it), ` : ''}${AUDIT_FILE} (counts only).`));
    for (const f of r.unmanaged)
        out.push(warning(`${f} mentions participants but was not made by mentorship: delete or edit it yourself`));
    // --verbose lists every file (the renderer does); otherwise thousands of drafts would drown the message: one line per folder.
    if (ctx.opts.verbose)
        return out;
    const byFolder = new Map();
    for (const f of r.removed) {
        const folder = inData(f) || f.split('/').length <= 2 ? f : `${path.posix.dirname(f)}/`;
        byFolder.set(folder, (byFolder.get(folder) ?? 0) + 1);
    }
    for (const [f, count] of byFolder)
        out.push(info(`  ${dryRun ? 'would delete' : 'deleted'} ${f}${count > 1 ? ` (${count} files)` : ''}`));
    return out;
}
export async function run(ctx, opts) {
    let root = '';
    const changed = await changeWorkspace(ctx, 'purge', async (ws, tx) => {
        root = ws.root;
        const before = opts.before ? parseDateOption(opts.before, ws.scheme.date_order, '--before', `--before ${ws.scheme.timeline.programme_end}`) : undefined;
        const today = todayIso(ctx);
        const decision = purgeDue(ws.scheme, today, before);
        const result = { due: decision.due, why: decision.why, retention: decision.retention, removed: [], people: 0, aggregatesKept: false, unmanaged: [] };
        if (!decision.due)
            return result;
        const { remove: personal, scan } = purgeChoice(walk(ws.root), STATE_DIR);
        const now = ctx.now();
        const people = [...loadStudents(ws, now), ...loadMentors(ws, now)];
        result.people = people.length;
        result.removed = personal;
        result.unmanaged = foreignFilesWithPersonalData(ws.root, scan, identifiers(people));
        if (!personal.length)
            return result;
        await confirmPurge(ctx, personal.length, decision);
        // The figures are computed before anything goes, and kept.
        const figures = liveFigures(ctx, ws);
        if (figures) {
            stageAggregates(tx, ws, figures, today);
            result.aggregatesKept = true;
        }
        for (const f of personal)
            tx.remove(f);
        const audit = fs.existsSync(ws.abs(AUDIT_FILE)) ? fs.readFileSync(ws.abs(AUDIT_FILE), 'utf8') : '';
        const entry = { at: isoNow(ctx), command: 'purge', files_removed: personal.length, people: people.length, aggregates_kept: result.aggregatesKept };
        tx.write(AUDIT_FILE, `${scrubAudit(audit)}${JSON.stringify(entry)}\n`);
        return result;
    });
    if (!changed.dryRun && changed.result.removed.length) {
        const release = acquireLock(root, 'purge');
        try {
            pruneManifest(root);
            removeEmptyDirs(path.join(root, 'out'));
        }
        finally {
            release();
        }
    }
    // A dry run's messages name the folders in short; --verbose lists every file, as the renderer does.
    return { ...changedOutcome(changed, { messages: says(ctx, changed.result, changed.dryRun) }), listChanges: ctx.opts.verbose };
}

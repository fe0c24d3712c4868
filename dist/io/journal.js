// The journal a commit writes before it renames anything (see transaction.ts), and what undoes a
// commit that did not reach its commit point: rollback, and the recovery the next command runs
// under the lock when an earlier one died half-way.
//
// The journal is a file in the workspace, so recovery trusts nothing in it: it is validated and
// confined before anything is done. Each entry names a workspace file by a plain relative path,
// and its temporary and backup by the only names the tool gives them (`.NAME.mentorship-tmp`,
// `.NAME.mentorship-bak` beside it); a file the commit created is removed only if it still holds
// the bytes the commit wrote (their digest is in the journal), and a folder only if it carries the
// mark the commit put in it. Anything else is refused, and nothing is touched.
import * as path from 'node:path';
import { z } from 'zod';
import { DataError, errnoReason } from '../errors.js';
import { sha256 } from './bytes.js';
import { nodeFs } from './fs-port.js';
import { BAK_SUFFIX, patiently, TMP_SUFFIX } from './held.js';
import { JOURNAL, JOURNAL_PATH, LOCK_PATH, STATE_DIR } from './state.js';
export { BAK_SUFFIX, JOURNAL, JOURNAL_PATH, STATE_DIR, TMP_SUFFIX };
/** Put in a folder built whole, so that a rollback removes only a folder the commit made. */
export const NEW_FOLDER_MARK = `.new-folder${TMP_SUFFIX}`;
const Rel = z.string().min(1).max(4096);
const OnDisk = z.strictObject({
    entries: z.array(z.strictObject({
        target: Rel,
        tmp: Rel.nullable(),
        bak: Rel.nullable(),
        dir: z.literal(true).optional(),
        sha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
    })),
});
export function tmpOf(rel, suffix) {
    const at = rel.lastIndexOf('/');
    return `${rel.slice(0, at + 1)}.${rel.slice(at + 1)}${suffix}`;
}
/** Workspace-relative, forward slashes: the journal's form of a path. */
export function journalText(root, journal) {
    const rel = (p) => (p === null ? null : path.relative(root, p).split(path.sep).join('/'));
    const entries = journal.entries.map((e) => ({
        target: rel(e.target),
        tmp: rel(e.tmp),
        bak: rel(e.bak),
        ...(e.dir ? { dir: true } : {}),
        ...(e.sha256 ? { sha256: e.sha256 } : {}),
    }));
    return Buffer.from(JSON.stringify({ entries }));
}
function refuse(why) {
    return new DataError(`the record of an interrupted command is not one mentorship wrote (${why}); nothing was deleted or restored`, { file: JOURNAL_PATH }, `if no mentorship command was interrupted in this workspace, delete ${JOURNAL_PATH} and run the command again; otherwise restore the workspace from your backup`);
}
/** Why this path cannot be one the tool wrote into a journal, or null when it can. */
function badPath(p) {
    if (/[\\\0:]/.test(p))
        return `"${p}" is not a workspace path (backslash, colon or NUL)`;
    if (p.startsWith('/'))
        return `"${p}" is an absolute path`;
    const parts = p.split('/');
    if (parts.some((s) => s === '' || s === '.' || s === '..'))
        return `"${p}" leaves its folder`;
    if (p === STATE_DIR || p === JOURNAL_PATH || p === LOCK_PATH)
        return `"${p}" is the tool's own state`;
    return null;
}
/** Read and check the journal; throws a refusal for anything the tool could not have written. */
export function readJournal(root, port = nodeFs) {
    const file = path.join(root, JOURNAL_PATH);
    let raw;
    try {
        const afterwards = 'the next command finishes undoing the interrupted one, and nothing is lost';
        raw = JSON.parse(patiently(port, root, file, () => port.readFileSync(file, 'utf8'), afterwards));
    }
    catch (err) {
        if (err instanceof DataError)
            throw err;
        throw refuse(err instanceof SyntaxError ? 'it is not valid JSON' : `it cannot be read: ${errnoReason(err)}`);
    }
    const parsed = OnDisk.safeParse(raw);
    if (!parsed.success)
        throw refuse(`unexpected content: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    const realRoot = port.realpathSync(root);
    const entries = [];
    for (const e of parsed.data.entries) {
        for (const p of [e.target, e.tmp, e.bak]) {
            const bad = p === null ? null : badPath(p);
            if (bad)
                throw refuse(bad);
        }
        if (e.tmp !== null && e.tmp !== tmpOf(e.target, TMP_SUFFIX))
            throw refuse(`"${e.tmp}" is not the temporary of ${e.target}`);
        if (e.bak !== null && e.bak !== tmpOf(e.target, BAK_SUFFIX))
            throw refuse(`"${e.bak}" is not the backup of ${e.target}`);
        if (e.tmp === null && e.bak === null)
            throw refuse(`${e.target} has neither a temporary nor a backup`);
        if (e.dir && (e.tmp === null || e.bak !== null))
            throw refuse(`the new folder ${e.target} is not recorded as one`);
        if (!e.dir && e.bak === null && !e.sha256)
            throw refuse(`the new file ${e.target} has no digest`);
        // Through a symbolic link, a path inside the workspace can lead outside it.
        const folder = path.dirname(path.join(root, e.target));
        let real = null;
        try {
            real = port.realpathSync(folder);
        }
        catch {
            real = null; // the folder does not exist: nothing there to touch
        }
        if (real !== null && real !== realRoot && !real.startsWith(realRoot + path.sep))
            throw refuse(`${e.target} is reached through a link that leaves the workspace`);
        const at = (p) => (p === null ? null : path.join(root, p));
        entries.push({ target: at(e.target), tmp: at(e.tmp), bak: at(e.bak), ...(e.dir ? { dir: true } : {}), ...(e.sha256 ? { sha256: e.sha256 } : {}) });
    }
    return { entries };
}
function isLink(port, abs) {
    return port.lstatSync(abs, { throwIfNoEntry: false })?.isSymbolicLink() ?? false;
}
/** Remove the temporaries (before the commit point) and the backups. Best effort: recovery sweeps the rest. */
export function cleanupFiles(journal, committed = false, port = nodeFs) {
    const rm = (p, recursive = false) => {
        try {
            port.rmSync(p, { force: true, recursive });
        }
        catch {
            /* left for the next command's recovery */
        }
    };
    for (const e of journal.entries) {
        // After a commit the temporaries were renamed away: only backups, and folder marks, are left.
        if (e.tmp && !committed)
            rm(e.tmp, Boolean(e.dir));
        if (e.dir && committed)
            rm(path.join(e.target, NEW_FOLDER_MARK));
        if (e.bak)
            rm(e.bak);
    }
}
/**
 * Undo a commit that did not reach its commit point: restore backups, remove what it created.
 * The journal stays until every step is done, so a rollback stopped by a file held open is
 * finished by the next command.
 */
export function rollback(root, port = nodeFs) {
    const journalPath = path.join(root, JOURNAL_PATH);
    if (!port.existsSync(journalPath))
        return false;
    const journal = readJournal(root, port);
    const afterwards = 'the next command finishes undoing the interrupted one, and nothing is lost';
    const patient = (abs, op) => patiently(port, root, abs, op, afterwards);
    for (const e of journal.entries) {
        if (e.bak && port.existsSync(e.bak)) {
            if (isLink(port, e.bak))
                throw refuse(`the backup of ${path.relative(root, e.target)} is a link`);
            patient(e.target, () => port.renameSync(e.bak, e.target));
            // rename() between two links to the same file does nothing: drop the spare link.
            patient(e.bak, () => port.rmSync(e.bak, { force: true }));
        }
        else if (!e.bak && !e.dir && e.sha256 && port.existsSync(e.target)) {
            // Created by the commit: removed only if it is still exactly what the commit wrote.
            let bytes = null;
            try {
                bytes = isLink(port, e.target) ? null : patient(e.target, () => port.readFileSync(e.target));
            }
            catch (err) {
                if (err instanceof DataError)
                    throw err;
            }
            if (bytes && sha256(bytes) === e.sha256)
                patient(e.target, () => port.rmSync(e.target, { force: true }));
        }
        else if (e.dir && port.existsSync(path.join(e.target, NEW_FOLDER_MARK)) && !isLink(port, e.target)) {
            patient(e.target, () => port.rmSync(e.target, { force: true, recursive: true }));
        }
        if (e.tmp)
            patient(e.tmp, () => port.rmSync(e.tmp, { force: true, recursive: Boolean(e.dir) }));
    }
    patient(journalPath, () => port.rmSync(journalPath, { force: true }));
    return true;
}
/** Did a command die half-way here (a journal, or temporaries and backups left behind)? Cheap: for read-only commands. */
export function needsRecovery(root, port = nodeFs) {
    if (port.existsSync(path.join(root, JOURNAL_PATH)))
        return true;
    const look = (dir, depth) => {
        let entries;
        try {
            entries = port.readdirSync(dir, { withFileTypes: true });
        }
        catch {
            return false;
        }
        return entries.some((ent) => ent.name.endsWith(TMP_SUFFIX) ||
            (ent.isDirectory() ? depth < 4 && ent.name !== 'node_modules' && look(path.join(dir, ent.name), depth + 1) : ent.name.endsWith(BAK_SUFFIX)));
    };
    return look(root, 0);
}
/** Called under the lock before any command runs: finish the cleanup of an interrupted one. */
export function recoverWorkspace(root, port = nodeFs) {
    const rolledBack = rollback(root, port);
    // Temporaries and backups without a journal are leftovers of a command that died before its
    // journal was written (nothing changed) or after its commit point (backups no longer needed).
    // Only names the tool gives, never through a link (readdir's entries are not followed).
    const afterwards = 'the next command finishes the cleanup of the interrupted one, and nothing is lost';
    const sweep = (dir, depth) => {
        let entries;
        try {
            entries = port.readdirSync(dir, { withFileTypes: true });
        }
        catch {
            return;
        }
        for (const ent of entries) {
            const abs = path.join(dir, ent.name);
            // A folder being built whole (by earlier versions' drafting) is a temporary too.
            if (ent.name.endsWith(TMP_SUFFIX))
                patiently(port, root, abs, () => port.rmSync(abs, { force: true, recursive: ent.isDirectory() }), afterwards);
            else if (ent.isDirectory()) {
                if (depth < 4 && ent.name !== 'node_modules')
                    sweep(abs, depth + 1);
            }
            else if (ent.name.endsWith(BAK_SUFFIX)) {
                patiently(port, root, abs, () => port.rmSync(abs, { force: true }), afterwards);
            }
        }
    };
    sweep(root, 0);
    return rolledBack;
}

// Every command that changes a workspace stages its writes in a Transaction and commits them at
// the end, so a failure (or Ctrl-C) half-way leaves the workspace as it was:
//   1. each new file is written beside its target as a temporary file;
//   2. each file about to be replaced or deleted gets a backup (a hard link, or a copy);
//   3. a journal listing all of it is written (atomically; see journal.ts);
//   4. the temporaries are renamed over their targets and deletions done;
//   5. the journal is removed: this is the commit point; backups are then cleaned up.
// If the process dies between 3 and 5, the next command finds the journal and rolls back.
// A dry run is a transaction in its other mode: it plans the same way and writes nothing.
// Every file operation goes through the port (fs-port.ts); those on a file another program holds
// are tried again, then stop naming the file (held.ts).
// No library does multi-file atomic commits with rollback, hence this small hand-written one.
import * as path from 'node:path';
import { DataError, errnoReason, ioError } from '../errors.js';
import { sha256, writeFileDurably } from './bytes.js';
import { nodeFs } from './fs-port.js';
import { backUp, BAK_SUFFIX, knownName, patiently, TMP_SUFFIX } from './held.js';
import { cleanupFiles, JOURNAL_PATH, journalText, rollback } from './journal.js';
import { MANIFEST_PATH, manifestText, readManifest, STATE_DIR } from './manifest.js';
// Recovery after a crash lives beside the journal; commands reach it through here.
export { needsRecovery, recoverWorkspace, rollback } from './journal.js';
export { generatedFiles } from './manifest.js';
export { sha256, writeAll } from './bytes.js';
export { ioError } from '../errors.js';
function tmpName(abs, suffix) {
    return path.join(path.dirname(abs), `.${path.basename(abs)}${suffix}`);
}
/** Resolve a workspace-relative path and refuse anything that would leave the workspace. */
export function insideWorkspace(root, rel) {
    const abs = path.resolve(root, rel);
    const relBack = path.relative(root, abs);
    if (relBack.startsWith('..') || path.isAbsolute(relBack)) {
        throw new DataError(`refusing to write outside the workspace: ${rel}`);
    }
    return abs;
}
export class Transaction {
    root;
    opts;
    dryRun;
    port;
    staged = new Map();
    /** Folders to exist after the commit, even empty (init's data/ and out/). */
    wantedFolders = new Set();
    constructor(root, opts = {}) {
        this.root = root;
        this.opts = opts;
        this.dryRun = Boolean(opts.dryRun);
        this.port = opts.fs ?? nodeFs;
    }
    /** Stage a file. `generated` files (under out/) are protected from overwriting people's edits. */
    write(rel, data, opts = {}) {
        insideWorkspace(this.root, rel);
        const norm = rel.split(path.sep).join('/');
        this.staged.set(norm, {
            rel: norm,
            data: typeof data === 'string' ? Buffer.from(data, 'utf8') : Array.isArray(data) ? Buffer.concat(data) : data,
            generated: opts.generated ?? norm.startsWith('out/'),
            durable: opts.durable ?? !norm.startsWith('out/'),
        });
    }
    remove(rel) {
        insideWorkspace(this.root, rel);
        const norm = rel.split(path.sep).join('/');
        this.staged.set(norm, { rel: norm, data: null, generated: false, durable: true });
    }
    /** A folder that must exist after the commit, even if empty. */
    folder(rel) {
        this.wantedFolders.add(insideWorkspace(this.root, rel));
    }
    /** Run `op` on a workspace file, waiting for a program that holds it (held.ts). */
    patient(abs, op) {
        return patiently(this.port, this.root, abs, op);
    }
    writeFile(file, data, durable) {
        writeFileDurably(this.port, () => this.patient(file, () => this.port.openSync(file, 'w')), data, durable);
    }
    has(rel) {
        return this.staged.has(rel);
    }
    get size() {
        return this.staged.size;
    }
    /**
     * One pass over the staged files: what would change, and which generated files a person has
     * edited since we wrote them. Each existing target is read once.
     */
    survey() {
        const manifest = readManifest(this.root, this.port);
        const plan = [];
        const edited = [];
        const changing = [];
        // One directory listing per folder instead of one failed open per new file: thousands of
        // email drafts are mostly new files.
        const listings = new Map();
        const exists = (abs) => {
            const dir = path.dirname(abs);
            let names = listings.get(dir);
            if (!names) {
                try {
                    names = new Set(this.port.readdirSync(dir));
                }
                catch {
                    names = new Set();
                }
                listings.set(dir, names);
            }
            return names.has(path.basename(abs));
        };
        for (const s of [...this.staged.values()].sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0))) {
            const abs = path.join(this.root, s.rel);
            const there = exists(abs);
            let current = null;
            if (there) {
                try {
                    current = this.patient(abs, () => this.port.readFileSync(abs));
                }
                catch (err) {
                    // Held open by another program: say so now, before anything is written.
                    if (err instanceof DataError)
                        throw err;
                    current = null; // unreadable otherwise: replaced, with a backup
                }
            }
            if (s.data === null) {
                if (there) {
                    plan.push({ path: s.rel, action: 'delete', bytes: 0 });
                    changing.push(s);
                }
                continue;
            }
            const bytes = s.data.length;
            if (current && current.equals(s.data)) {
                plan.push({ path: s.rel, action: 'unchanged', bytes });
                continue;
            }
            if (current && s.generated && manifest[s.rel] !== sha256(current))
                edited.push(s.rel);
            plan.push({ path: s.rel, action: there ? 'replace' : 'create', bytes });
            changing.push(s);
        }
        return { plan, edited, changing, manifest };
    }
    /** What commit() would do. */
    plan() {
        return this.survey().plan;
    }
    /** Generated files a person changed since we wrote them: never overwritten without --force. */
    editedByPeople() {
        return this.survey().edited;
    }
    /** Write everything staged, or nothing; in a dry run, only say what that would be. */
    commit() {
        const { plan, edited, changing: changes, manifest } = this.survey();
        if (this.dryRun)
            return plan;
        if (!this.opts.force && edited.length) {
            throw new DataError(`${edited.length === 1 ? `${edited[0]} has` : `${edited.length} generated files have`} been changed since mentorship wrote ${edited.length === 1 ? 'it' : 'them'}${edited.length > 1 ? ` (${edited.slice(0, 5).join(', ')}${edited.length > 5 ? ', ...' : ''})` : ''}`, {}, 'keep your edits by copying the file elsewhere, or run the command again with --force to replace it');
        }
        // The manifest records what we wrote, so an untouched generated file can be replaced next time.
        let manifestChanged = false;
        for (const s of this.staged.values()) {
            if (s.generated && s.data !== null) {
                const h = sha256(s.data);
                if (manifest[s.rel] !== h) {
                    manifest[s.rel] = h;
                    manifestChanged = true;
                }
            }
            if (s.data === null && manifest[s.rel]) {
                delete manifest[s.rel];
                manifestChanged = true;
            }
        }
        if (manifestChanged)
            changes.push({ rel: MANIFEST_PATH, data: manifestText(manifest), generated: false, durable: true });
        if (changes.length === 0 && this.wantedFolders.size === 0)
            return plan;
        if (changes.length)
            this.apply(this.stage(changes, new Set(plan.filter((p) => p.action === 'replace' || p.action === 'delete').map((p) => p.path))));
        for (const dir of this.wantedFolders)
            this.patient(dir, () => this.port.mkdirSync(dir, { recursive: true }));
        return plan;
    }
    /** Steps 1 to 3: temporaries, backups, the journal. On any failure, nothing is left behind. */
    stage(changes, replacing) {
        const port = this.port;
        const journal = { entries: [] };
        const made = new Set();
        const journalPath = path.join(this.root, JOURNAL_PATH);
        const journalTmp = tmpName(journalPath, TMP_SUFFIX);
        let current = this.root;
        try {
            for (const s of changes) {
                current = s.rel;
                const abs = path.join(this.root, s.rel);
                const dir = path.dirname(abs);
                if (!made.has(dir)) {
                    port.mkdirSync(dir, { recursive: true });
                    made.add(dir);
                }
                // Listed before anything is written, so that a failure half-way through staging (a full
                // disk while writing this very file) cleans up this file's temporary and backup too.
                const backedUp = replacing.has(s.rel) || (s.rel.startsWith(STATE_DIR) && port.existsSync(abs));
                const entry = {
                    target: abs,
                    tmp: s.data !== null ? tmpName(abs, TMP_SUFFIX) : null,
                    bak: backedUp ? tmpName(abs, BAK_SUFFIX) : null,
                };
                // A file created new is removed by a rollback only while it holds exactly these bytes.
                if (!backedUp && s.data !== null)
                    entry.sha256 = sha256(s.data);
                journal.entries.push(entry);
                if (entry.tmp)
                    this.writeFile(entry.tmp, s.data, s.durable);
                if (entry.bak)
                    backUp(port, this.root, abs, entry.bak);
            }
            current = JOURNAL_PATH;
            port.mkdirSync(path.dirname(journalPath), { recursive: true });
            // Paths relative to the workspace, so a workspace moved (or reached by another path) after a
            // crash is recovered where it is, and nothing is touched at its old place.
            this.writeFile(journalTmp, journalText(this.root, journal), true);
            this.patient(journalPath, () => port.renameSync(journalTmp, journalPath));
        }
        catch (err) {
            cleanupFiles(journal, false, port);
            try {
                port.rmSync(journalTmp, { force: true });
            }
            catch {
                /* swept by the next command */
            }
            if (err instanceof DataError)
                throw err;
            throw ioError(err, knownName(this.root, path.join(this.root, current)));
        }
        // From here the temporaries are the journal's: renamed into place, or rolled back.
        return journal;
    }
    /** Steps 4 and 5: the renames, then the commit point. Any failure rolls back. */
    apply(journal) {
        const port = this.port;
        let current = this.root;
        try {
            for (const e of journal.entries) {
                current = e.target;
                if (e.tmp)
                    this.patient(e.target, () => port.renameSync(e.tmp, e.target));
                else
                    this.patient(e.target, () => port.rmSync(e.target, { force: true }));
            }
            current = path.join(this.root, JOURNAL_PATH);
            this.patient(current, () => port.rmSync(current));
        }
        catch (err) {
            // A rollback that cannot finish (a file held open, a disk gone read-only) stops with its own
            // message; the journal stays and the next command finishes it.
            try {
                rollback(this.root, port);
            }
            catch (undo) {
                if (undo instanceof DataError)
                    throw undo;
                throw new DataError(`cannot write ${knownName(this.root, current)}: ${errnoReason(err)}, and undoing the change stopped too: ${errnoReason(undo)}`, { file: knownName(this.root, current) }, 'fix the cause, then run any mentorship command: it finishes undoing this one first; nothing is lost');
            }
            if (err instanceof DataError)
                throw err;
            throw ioError(err, knownName(this.root, current));
        }
        cleanupFiles(journal, true, port);
    }
}

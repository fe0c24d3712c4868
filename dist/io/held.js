// Files held open. On Windows a file open in Excel cannot be replaced, removed or often even read,
// and antivirus, the search indexer or OneDrive hold files for a few milliseconds: an operation on
// a workspace file that meets EBUSY, EPERM or EACCES is tried again for about two seconds, then the
// command stops naming the file as the administrator knows it, never its temporary.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DataError, errnoReason } from '../errors.js';
export const TMP_SUFFIX = '.mentorship-tmp';
export const BAK_SUFFIX = '.mentorship-bak';
const HELD = new Set(['EBUSY', 'EPERM', 'EACCES']);
/** About two seconds in all. */
const BACKOFF_MS = [10, 20, 40, 80, 150, 250, 400, 500, 550];
/** Where a hard link is refused (FAT/exFAT, network shares, OneDrive), a backup is a copy. */
const LINK_REFUSED = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV', 'EMLINK', 'ENOSYS', 'EINVAL', 'EACCES']);
function code(err) {
    return err?.code;
}
/** `data/.students.csv.mentorship-tmp` is `data/students.csv`; a folder built whole likewise. */
export function knownName(root, abs) {
    const rel = path.relative(root, abs);
    if (rel.startsWith('..') || path.isAbsolute(rel))
        return abs;
    return rel
        .split(path.sep)
        .map((part) => {
        for (const suffix of [TMP_SUFFIX, BAK_SUFFIX]) {
            if (part.startsWith('.') && part.endsWith(suffix) && part.length > suffix.length + 1)
                return part.slice(1, -suffix.length);
        }
        return part;
    })
        .join('/');
}
/** Close it in Excel: the one message for a file another program holds. */
export function heldError(root, abs, err, afterwards = 'nothing was changed') {
    const name = knownName(root, abs);
    // EPERM and EACCES are also what a read-only file gives: say both.
    const busy = code(err) === 'EBUSY';
    return new DataError(`it is open in another program${busy ? '' : `, or you may not change it (${errnoReason(err)})`}`, { file: name }, `close it in Excel (or the program holding it), then run the command again; ${afterwards}`);
}
/** A permission problem of the folder itself is not a file held open: no point waiting. */
function folderWritable(port, abs) {
    try {
        port.accessSync(path.dirname(abs), fs.constants.W_OK);
        return true;
    }
    catch {
        return false;
    }
}
/**
 * Run `op` on the workspace file `abs`, trying again while another program holds it; then a
 * DataError naming it. Other failures are thrown as they are.
 */
export function patiently(port, root, abs, op, afterwards) {
    for (let attempt = 0;; attempt++) {
        try {
            return op();
        }
        catch (err) {
            const c = code(err);
            if (!c || !HELD.has(c) || (c !== 'EBUSY' && !folderWritable(port, abs)))
                throw err;
            if (attempt >= BACKOFF_MS.length)
                throw heldError(root, abs, err, afterwards);
            port.sleep(BACKOFF_MS[attempt]);
        }
    }
}
/**
 * A backup of `abs` at `bak`: a hard link (instant, no space), or where the file system refuses
 * links, a copy flushed to disk before the journal is written: the same guarantee.
 */
export function backUp(port, root, abs, bak) {
    patiently(port, root, bak, () => port.rmSync(bak, { force: true }));
    try {
        port.linkSync(abs, bak);
        return;
    }
    catch (err) {
        // Tried once: a file system that refuses links refuses them every time. A file held open is
        // waited for by the copy.
        if (!LINK_REFUSED.has(code(err) ?? '') && code(err) !== 'EBUSY')
            throw err;
    }
    patiently(port, root, abs, () => port.copyFileSync(abs, bak, fs.constants.COPYFILE_EXCL));
    const fd = patiently(port, root, bak, () => port.openSync(bak, 'r+'));
    try {
        port.fsyncSync(fd);
    }
    finally {
        port.closeSync(fd);
    }
}

// Finding the workspace, loading scheme.json (validated by JSON path), and the lock.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DataError, UsageError } from '../errors.js';
import { acquireLock } from '../io/lock.js';
import { needsRecovery, recoverWorkspace } from '../io/transaction.js';
import { parseScheme } from '../core/scheme/schema.js';
export const SCHEME_FILE = 'scheme.json';
export function findRoot(ctx) {
    if (ctx.opts.workspace) {
        const root = path.resolve(ctx.cwd, ctx.opts.workspace);
        if (!fs.existsSync(path.join(root, SCHEME_FILE))) {
            throw new UsageError(`${root} is not a mentorship workspace (no scheme.json)`, `create one with: mentorship init ${ctx.opts.workspace}`);
        }
        return root;
    }
    let dir = path.resolve(ctx.cwd);
    for (;;) {
        if (fs.existsSync(path.join(dir, SCHEME_FILE)))
            return dir;
        const parent = path.dirname(dir);
        if (parent === dir)
            break;
        dir = parent;
    }
    throw new UsageError('this folder is not inside a mentorship workspace (no scheme.json here or above)', 'create one with: mentorship init DIR, or pass --workspace DIR');
}
/** Where a JSON syntax error is, as line and column, for a one-line message. */
function jsonErrorLocation(text, message) {
    const pos = /position (\d+)/.exec(message);
    if (!pos)
        return '';
    const upTo = text.slice(0, Number(pos[1]));
    const line = upTo.split('\n').length;
    const col = upTo.length - upTo.lastIndexOf('\n');
    return ` (line ${line}, column ${col})`;
}
export function loadScheme(root) {
    const file = path.join(root, SCHEME_FILE);
    let text;
    try {
        text = fs.readFileSync(file, 'utf8');
    }
    catch (err) {
        throw new DataError(`cannot read scheme.json: ${err.message}`, { file: SCHEME_FILE });
    }
    let raw;
    try {
        raw = JSON.parse(text.replace(/^\uFEFF/, ''));
    }
    catch (err) {
        const msg = err.message;
        throw new DataError(`is not valid JSON${jsonErrorLocation(text, msg)}: ${msg}`, { file: SCHEME_FILE }, 'fix the JSON syntax (a missing comma or quote is the usual cause)');
    }
    const parsed = parseScheme(raw);
    if (!parsed.ok) {
        const [first, ...rest] = parsed.problems;
        throw new DataError(`${first.path}: ${first.message}${rest.length ? `; and ${rest.length} more: ${rest.slice(0, 4).map((p) => `${p.path}: ${p.message}`).join('; ')}` : ''}`, { file: SCHEME_FILE }, 'edit scheme.json at that path (mentorship init in an empty folder shows the defaults)');
    }
    return parsed.scheme;
}
export function makeWorkspace(root, scheme) {
    return {
        root,
        scheme,
        rel: (abs) => path.relative(root, abs).split(path.sep).join('/'),
        abs: (rel) => path.join(root, rel),
    };
}
/**
 * Open the workspace. A command that changes it takes the lock first, and finishes the cleanup of
 * any command that was interrupted before it.
 */
export function openWorkspace(ctx, lockFor) {
    const root = findRoot(ctx);
    let release = () => { };
    if (lockFor && !ctx.opts.dryRun) {
        release = acquireLock(root, lockFor, { fs: ctx.fs, warn: ctx.warn });
        try {
            if (recoverWorkspace(root, ctx.fs))
                ctx.warn('an earlier command was interrupted; its partial changes were rolled back');
        }
        catch (err) {
            release();
            throw err;
        }
    }
    else if (needsRecovery(root, ctx.fs)) {
        // A read-only command (status, a --dry-run) must not read a half-committed workspace either:
        // it takes the lock just long enough to finish the interrupted command's cleanup.
        const unlock = acquireLock(root, 'recover an interrupted command', { fs: ctx.fs, warn: ctx.warn });
        try {
            if (recoverWorkspace(root, ctx.fs))
                ctx.warn('an earlier command was interrupted; its partial changes were rolled back');
        }
        finally {
            unlock();
        }
    }
    try {
        const scheme = loadScheme(root);
        ctx.debug(`workspace: ${root}`);
        return { ws: makeWorkspace(root, scheme), release };
    }
    catch (err) {
        release();
        throw err;
    }
}

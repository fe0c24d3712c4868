// One command at a time may change a workspace. The lock is a file created exclusively, holding
// who took it: computer (host), process, command and time. A lock is taken over when it is
// certainly abandoned:
//   - on this computer, its process no longer exists, or the process id now belongs to a process
//     that started after the lock was taken (the id was reused; Linux tells us when it started);
//   - from another computer (a workspace on a shared drive), only once it is older than an hour,
//     since no command runs that long; the takeover names that computer;
//   - unreadable (being written this instant, or left half-written), once older than ten seconds.
// A lock whose process is alive but that is older than an hour is not waited for: the message
// says whose it is and how to clear it.
// Taking over is atomic: a short-lived second lock (`lock.takeover`, created exclusively) lets one
// command at a time remove the stale lock, after checking it is still the very one it judged; every
// command then competes for the lock by exclusive creation, which exactly one wins.
import * as os from 'node:os';
import * as path from 'node:path';
import { z } from 'zod';
import { DataError, errnoReason } from '../errors.js';
import { nodeFs } from './fs-port.js';
import { LOCK_PATH, STATE_DIR } from './state.js';
export { LOCK_PATH };
/** A lock from another computer older than this is abandoned (see the README). */
export const ABANDONED_MS = 60 * 60 * 1000;
const UNREADABLE_MS = 10_000;
const LockInfo = z.object({
    pid: z.number().int(),
    host: z.string().optional(),
    command: z.string(),
    started: z.string(),
});
function alive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (err) {
        return err.code === 'EPERM';
    }
}
/** When process `pid` started (ms since 1970), where the system says (Linux); null elsewhere. */
function processStart(port, pid) {
    try {
        const stat = port.readFileSync(`/proc/${pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const ticks = Number(fields[19]); // field 22, starttime, in clock ticks (100 a second) since boot
        const boot = Number(/^btime (\d+)$/m.exec(port.readFileSync('/proc/stat', 'utf8'))?.[1]);
        return Number.isFinite(ticks) && Number.isFinite(boot) ? (boot + ticks / 100) * 1000 : null;
    }
    catch {
        return null;
    }
}
function whose(info, here) {
    return `${info.command}, process ${info.pid}${info.host && info.host !== here ? ` on ${info.host}` : ''}, started ${info.started}`;
}
function judge(port, file, text, now) {
    const mtime = port.statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? now;
    let info = null;
    try {
        const parsed = LockInfo.safeParse(JSON.parse(text ?? ''));
        info = parsed.success ? parsed.data : null;
    }
    catch {
        info = null;
    }
    if (!info)
        return now - mtime > UNREADABLE_MS ? { kind: 'stale' } : { kind: 'held' };
    const here = os.hostname();
    const started = Date.parse(info.started);
    const age = now - (Number.isFinite(started) ? started : mtime);
    if (info.host && info.host !== here) {
        if (age <= ABANDONED_MS)
            return { kind: 'held' };
        return { kind: 'stale', notice: `took over the workspace lock left on ${info.host} by ${whose(info, here)}: unused for over an hour` };
    }
    if (!alive(info.pid))
        return { kind: 'stale' };
    const began = processStart(port, info.pid);
    // A few seconds' slack: the boot time the system gives is rounded.
    if (began !== null && Number.isFinite(started) && began > started + 5_000)
        return { kind: 'stale' };
    if (age > ABANDONED_MS) {
        return {
            kind: 'stuck',
            message: `the workspace is locked by ${whose(info, here)}, over an hour ago, and process ${info.pid} is still running; no mentorship command takes that long`,
            fix: `if no mentorship command is running, end process ${info.pid} or delete ${LOCK_PATH} in the workspace, then run the command again`,
        };
    }
    return { kind: 'held' };
}
/** Remove the stale lock `seen`, unless another command is doing so or it changed meanwhile. */
function takeOver(port, file, seen) {
    const mutex = `${file}.takeover`;
    let fd;
    try {
        fd = port.openSync(mutex, 'wx');
    }
    catch (err) {
        if (err.code !== 'EEXIST')
            throw err;
        // Another command is taking over this instant; one that died doing so left an old mark.
        const st = port.statSync(mutex, { throwIfNoEntry: false });
        if (st && Date.now() - st.mtimeMs > UNREADABLE_MS)
            port.rmSync(mutex, { force: true });
        return false;
    }
    port.closeSync(fd);
    try {
        let now = null;
        try {
            now = port.readFileSync(file, 'utf8');
        }
        catch {
            now = null;
        }
        if (now !== seen)
            return false;
        port.rmSync(file, { force: true });
        return true;
    }
    finally {
        port.rmSync(mutex, { force: true });
    }
}
export function acquireLock(root, command, options = {}) {
    const opts = typeof options === 'number' ? { waitMs: options } : options;
    const port = opts.fs ?? nodeFs;
    const dir = path.join(root, STATE_DIR);
    try {
        port.mkdirSync(dir, { recursive: true });
    }
    catch (err) {
        throw new DataError(`cannot use the workspace: ${errnoReason(err)}`, { file: root }, 'run the command in a folder you can write to');
    }
    const file = path.join(root, LOCK_PATH);
    const mine = JSON.stringify({ pid: process.pid, host: os.hostname(), command, started: new Date().toISOString() });
    const deadline = Date.now() + (opts.waitMs ?? 3000);
    for (;;) {
        try {
            const fd = port.openSync(file, 'wx');
            try {
                port.writeSync(fd, mine);
            }
            catch (writeErr) {
                // An empty lock file would block every command for ten seconds: never leave one behind.
                port.closeSync(fd);
                port.rmSync(file, { force: true });
                throw writeErr;
            }
            port.closeSync(fd);
            return () => {
                try {
                    if (port.readFileSync(file, 'utf8') === mine)
                        port.rmSync(file, { force: true });
                }
                catch {
                    /* already gone */
                }
            };
        }
        catch (err) {
            if (err.code !== 'EEXIST') {
                throw new DataError(`cannot lock the workspace: ${errnoReason(err)}`, { file: root }, 'free some space, or run the command in a folder you can write to; nothing was changed');
            }
        }
        let text;
        try {
            text = port.readFileSync(file, 'utf8');
        }
        catch (err) {
            if (err.code === 'ENOENT')
                continue; // released this instant: try again
            text = null; // unreadable: judged by its age
        }
        const verdict = judge(port, file, text, Date.now());
        if (verdict.kind === 'stale') {
            if (takeOver(port, file, text)) {
                if (verdict.notice)
                    opts.warn?.(verdict.notice);
            }
            else
                port.sleep(20);
            continue;
        }
        if (verdict.kind === 'stuck')
            throw new DataError(verdict.message, { file: root }, verdict.fix);
        if (Date.now() >= deadline) {
            let info = null;
            try {
                const parsed = LockInfo.safeParse(JSON.parse(text ?? ""));
                info = parsed.success ? parsed.data : null;
            }
            catch {
                info = null;
            }
            throw new DataError(`another mentorship command${info ? ` (${whose(info, os.hostname())})` : ''} is changing this workspace`, { file: root }, `wait for it to finish, then run this command again; if no mentorship command is running, delete ${LOCK_PATH} in the workspace`);
        }
        port.sleep(100);
    }
}

// One command at a time may change a workspace. The lock is a file created exclusively; a lock
// left by a process that no longer exists (killed, machine restarted) is taken over.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DataError } from '../errors.js';

interface LockInfo {
  pid: number;
  command: string;
  started: string;
}

function why(e: NodeJS.ErrnoException): string {
  switch (e.code) {
    case 'ENOSPC':
      return 'the disk is full';
    case 'EDQUOT':
      return 'the disk quota is exceeded';
    case 'EROFS':
      return 'the folder is read-only';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return e.message;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export function acquireLock(root: string, command: string, waitMs = 3000): () => void {
  const dir = path.join(root, '.mentorship');
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw new DataError(`cannot use the workspace: ${why(e)}`, { file: root }, 'run the command in a folder you can write to');
  }
  const file = path.join(dir, 'lock');
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      const fd = fs.openSync(file, 'wx');
      const info: LockInfo = { pid: process.pid, command, started: new Date().toISOString() };
      try {
        fs.writeSync(fd, JSON.stringify(info));
      } catch (writeErr) {
        // An empty lock file would block every command for ten seconds: never leave one behind.
        fs.closeSync(fd);
        fs.rmSync(file, { force: true });
        throw writeErr;
      }
      fs.closeSync(fd);
      return () => {
        try {
          const current = JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo;
          if (current.pid === process.pid) fs.rmSync(file, { force: true });
        } catch {
          /* already gone */
        }
      };
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      if (e.code !== 'EEXIST') {
        throw new DataError(`cannot lock the workspace: ${why(e)}`, { file: root }, 'free some space, or run the command in a folder you can write to; nothing was changed');
      }
    }
    let info: LockInfo | undefined;
    try {
      info = JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo;
    } catch {
      info = undefined; // being written right now, or garbage: judged by age below
    }
    const stale = info ? !alive(info.pid) : Date.now() - (fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0) > 10_000;
    if (stale) {
      fs.rmSync(file, { force: true });
      continue;
    }
    if (Date.now() >= deadline) {
      throw new DataError(
        `another mentorship command${info ? ` (${info.command}, process ${info.pid}, started ${info.started})` : ''} is changing this workspace`,
        { file: root },
        'wait for it to finish, then run this command again',
      );
    }
    sleep(100);
  }
}

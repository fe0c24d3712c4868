// A file-system port (src/io/fs-port.ts) for fault injection: every call is shown to `decide`,
// which may return an error to throw instead of doing it. Calls are tagged with the phase of a
// commit: `committing` from the moment the journal is in place until it is removed (the renames,
// or a rollback). Waits before a retry return at once and are only added up.
import * as fs from 'node:fs';
import { type FsPort, nodeFs } from '../../src/io/fs-port.js';

export type FsOp = 'open' | 'read' | 'write' | 'fsync' | 'rename' | 'rm' | 'link' | 'copy' | 'mkdir';

export interface FsCall {
  op: FsOp;
  /** The file acted on (for a rename or a link, the one it lands at; for a copy, its source). */
  path: string;
  /** For a rename, the file renamed. */
  from?: string;
  committing: boolean;
}

export type Decide = (call: FsCall) => Error | null;

export interface FaultyFs extends FsPort {
  /** Every call made, in order. */
  calls: FsCall[];
  /** Milliseconds the code asked to wait, in all. */
  waited: number;
}

export function errno(code: string, syscall: string, file: string): NodeJS.ErrnoException {
  const messages: Record<string, string> = {
    ENOSPC: 'no space left on device',
    EROFS: 'read-only file system',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EBUSY: 'resource busy or locked',
    EIO: 'i/o error',
    EDQUOT: 'disk quota exceeded',
    EXDEV: 'cross-device link not permitted',
    ENOTSUP: 'operation not supported',
    EMLINK: 'too many links',
  };
  return Object.assign(new Error(`${code}: ${messages[code] ?? code}, ${syscall} '${file}'`), { code, syscall, path: file });
}

const JOURNAL = `${'.mentorship'}/journal.json`.replace('/', process.platform === 'win32' ? '\\' : '/');

export function faultyFs(decide: Decide = () => null): FaultyFs {
  const fds = new Map<number, string>();
  let committing = false;
  const calls: FsCall[] = [];
  const check = (op: FsOp, file: fs.PathLike | number, from?: fs.PathLike) => {
    const call: FsCall = { op, path: typeof file === 'number' ? (fds.get(file) ?? '') : String(file), ...(from ? { from: String(from) } : {}), committing };
    calls.push(call);
    const e = decide(call);
    if (e) throw e;
  };
  const port: FaultyFs = {
    calls,
    waited: 0,
    sleep: (ms) => {
      port.waited += ms;
    },
    openSync: ((file: fs.PathLike, flags?: fs.OpenMode, mode?: fs.Mode) => {
      check(/[wax+]/.test(String(flags ?? 'r')) ? 'open' : 'read', file);
      const fd = nodeFs.openSync(file, flags ?? 'r', mode);
      fds.set(fd, String(file));
      return fd;
    }) as FsPort['openSync'],
    writeSync: ((fd: number, ...rest: unknown[]) => {
      check('write', fd);
      return (nodeFs.writeSync as (...a: unknown[]) => number)(fd, ...rest);
    }) as FsPort['writeSync'],
    fsyncSync: (fd) => {
      check('fsync', fd);
      nodeFs.fsyncSync(fd);
    },
    closeSync: (fd) => {
      fds.delete(fd);
      nodeFs.closeSync(fd);
    },
    readFileSync: ((file: fs.PathOrFileDescriptor, opts?: unknown) => {
      check('read', file as fs.PathLike);
      return (nodeFs.readFileSync as (...a: unknown[]) => unknown)(file, opts);
    }) as FsPort['readFileSync'],
    renameSync: (from, to) => {
      check('rename', to, from);
      nodeFs.renameSync(from, to);
      if (String(to).endsWith(JOURNAL)) committing = true;
    },
    rmSync: (file, opts) => {
      check('rm', file);
      nodeFs.rmSync(file, opts);
      if (String(file).endsWith(JOURNAL)) committing = false;
    },
    linkSync: (from, to) => {
      check('link', to);
      nodeFs.linkSync(from, to);
    },
    copyFileSync: (from, to, mode) => {
      check('copy', from);
      nodeFs.copyFileSync(from, to, mode);
    },
    mkdirSync: ((dir: fs.PathLike, opts?: fs.MakeDirectoryOptions) => {
      // mkdir of a folder that exists succeeds even on a read-only disk.
      if (!nodeFs.existsSync(dir)) check('mkdir', dir);
      return nodeFs.mkdirSync(dir, opts);
    }) as FsPort['mkdirSync'],
    readdirSync: nodeFs.readdirSync,
    existsSync: nodeFs.existsSync,
    statSync: nodeFs.statSync,
    lstatSync: nodeFs.lstatSync,
    realpathSync: nodeFs.realpathSync,
    accessSync: nodeFs.accessSync,
  };
  return port;
}

/**
 * A port that fails the n-th step of a commit's renames (a rename or a deletion after the journal
 * is in place), once; `steps` counts those a clean commit makes.
 */
export function failAfterSteps(n: number | null): FaultyFs & { steps(): number } {
  let seen = 0;
  let failed = false;
  const isStep = (c: FsCall) => c.committing && (c.op === 'rename' || c.op === 'rm') && !c.path.endsWith(JOURNAL);
  const port = faultyFs((c) => {
    if (failed || !isStep(c)) return null;
    if (n !== null && seen === n) {
      failed = true;
      return new Error('injected failure between writes');
    }
    seen++;
    return null;
  });
  return Object.assign(port, { steps: () => seen });
}

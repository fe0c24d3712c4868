// A full disk or a read-only folder gives one clear error and changes nothing. Where the machine
// allows it the faults are real: a tiny tmpfs for the full disk, a read-only bind mount (as root,
// where chmod stops nothing) or chmod (as anyone else) for the read-only folder. Everywhere, the
// same faults are also injected at each file-system call of a commit through the transaction's
// file-system port, so the failure lands at every stage: staging, backup, journal, the renames.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errno, faultyFs } from '../helpers/fs-faults.js';
import { writeHostileInputs } from './cycle.js';
import { cleanup, expectCleanFailure, expectUnchanged, freshWorkspace, judgeFailure, leftovers, runIn as runPlain, sameFiles, snapshot, tempRoot } from './inproc.js';

const runIn = (args: string[], cwd: string) => runPlain(args, cwd, {}, port);

type Fault = (op: string, target: string) => NodeJS.ErrnoException | null;
const hook = { fault: null as Fault | null };
/** The file-system port every command here runs with: it fails the calls hook.fault picks. */
const port = faultyFs((c) => hook.fault?.(c.op, c.path) ?? null);

const root = tempRoot('trust-disk-');
const inputs = writeHostileInputs(root);
const figures = { injected: 0, real: [] as string[] };
const mounted: string[] = [];

function sh(cmd: string, args: string[]): boolean {
  return spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
}

/** Can this machine mount a tmpfs (root with CAP_SYS_ADMIN, as in the CI container)? */
const canMount = (() => {
  if (process.env.TRUST_NO_MOUNT) return false; // to run the fallbacks where mounting works
  const probe = fs.mkdtempSync(path.join(root, 'probe-'));
  if (!sh('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe])) return false;
  sh('umount', [probe]);
  return true;
})();
const isRoot = process.getuid?.() === 0;

afterAll(() => {
  hook.fault = null;
  for (const m of mounted.reverse()) sh('umount', ['-l', m]);
  cleanup(root);
  console.log(`[trust] disk: ${figures.injected} file-system faults injected in-process; real faults: ${figures.real.join(', ') || 'none possible here'}`);
});

/** A students file whose data/students.csv will be a few hundred KB. */
function bigStudents(): string {
  const file = path.join(root, 'many-students.csv');
  if (!fs.existsSync(file)) {
    const lines = ['email,name,programme,sectors,bio'];
    for (let i = 0; i < 2500; i++) lines.push(`s${i}@lse.ac.uk,Student ${i},MSc Conflict Studies,Consulting,"${'I would like to work in policy. '.repeat(4)}"`);
    fs.writeFileSync(file, `${lines.join('\r\n')}\r\n`);
  }
  return file;
}

function importArgs(ws: string, file = inputs.students): string[] {
  return ['import', 'students', file, '--workspace', ws, '--yes'];
}

describe('real faults, where this machine allows them', () => {
  it('a full disk: one clear error ("the disk is full"), nothing changed, no temporary left', async () => {
    let ws: string;
    if (canMount) {
      const mnt = fs.mkdtempSync(path.join(root, 'tiny-'));
      expect(sh('mount', ['-t', 'tmpfs', '-o', 'size=160k', 'tmpfs', mnt])).toBe(true);
      mounted.push(mnt);
      const template = await freshWorkspace(root);
      ws = path.join(mnt, 'ws');
      fs.cpSync(template, ws, { recursive: true });
      figures.real.push('full disk (160 KB tmpfs)');
    } else {
      ws = await freshWorkspace(root);
      // The disk fills up while the (big) new students.csv is written.
      hook.fault = (op, target) => (op === 'write' && target.startsWith(ws) && target.endsWith('.mentorship-tmp') ? errno('ENOSPC', 'write', target) : null);
      figures.injected++;
    }
    const before = snapshot(ws);
    const r = await runIn(importArgs(ws, bigStudents()), ws);
    hook.fault = null;
    expectCleanFailure(r, 'import onto a full disk');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: .*cannot write .*: the disk is full/m);
    expectUnchanged(before, ws, 'full disk');
    expect(leftovers(ws)).toEqual([]);
  });

  it('a read-only data folder: one clear error ("read-only" or "permission denied"), nothing changed', async () => {
    const ws = await freshWorkspace(root);
    expect((await runIn(importArgs(ws), ws)).code).toBe(0);
    const data = path.join(ws, 'data');
    let undo = () => {};
    if (!isRoot) {
      sh('chmod', ['-R', 'a-w', data]);
      undo = () => sh('chmod', ['-R', 'u+w', data]);
      figures.real.push('read-only data/ (chmod)');
    } else if (canMount && sh('mount', ['--bind', data, data]) && sh('mount', ['-o', 'remount,ro,bind', data])) {
      mounted.push(data);
      undo = () => {
        sh('umount', [data]);
        mounted.splice(mounted.indexOf(data), 1);
      };
      figures.real.push('read-only data/ (bind mount)');
    } else {
      hook.fault = (op, target) => (target.startsWith(data) && ['open', 'link', 'rename', 'mkdir'].includes(op) ? errno('EROFS', op, target) : null);
      figures.injected++;
    }
    const before = snapshot(ws);
    const r = await runIn(importArgs(ws, bigStudents()), ws);
    hook.fault = null;
    undo();
    expectCleanFailure(r, 'import into a read-only data folder');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: .*(read-only|permission denied)/m);
    expectUnchanged(before, ws, 'read-only data folder');
    expect(leftovers(ws)).toEqual([]);
  });

  it('a read-only workspace: one clear error, nothing changed', async () => {
    const ws = await freshWorkspace(root);
    let undo = () => {};
    if (!isRoot) {
      sh('chmod', ['-R', 'a-w', ws]);
      undo = () => sh('chmod', ['-R', 'u+w', ws]);
      figures.real.push('read-only workspace (chmod)');
    } else if (canMount && sh('mount', ['--bind', ws, ws]) && sh('mount', ['-o', 'remount,ro,bind', ws])) {
      mounted.push(ws);
      undo = () => {
        sh('umount', [ws]);
        mounted.splice(mounted.indexOf(ws), 1);
      };
      figures.real.push('read-only workspace (bind mount)');
    } else {
      hook.fault = (op, target) => (target.startsWith(ws) && ['open', 'link', 'rename', 'mkdir'].includes(op) ? errno('EROFS', op, target) : null);
      figures.injected++;
    }
    const before = snapshot(ws);
    const r = await runIn(importArgs(ws), ws);
    hook.fault = null;
    undo();
    expectCleanFailure(r, 'import into a read-only workspace');
    expect(r.stderr).toMatch(/read-only|permission denied/);
    expectUnchanged(before, ws, 'read-only workspace');
  });
});

describe('the same faults injected at every file-system call of a commit', () => {
  const cases: { code: string; op: string; reason: RegExp }[] = [
    { code: 'ENOSPC', op: 'write', reason: /the disk is full/ },
    { code: 'ENOSPC', op: 'fsync', reason: /the disk is full/ },
    { code: 'EDQUOT', op: 'write', reason: /quota/ },
    { code: 'EROFS', op: 'open', reason: /read-only/ },
    { code: 'EACCES', op: 'open', reason: /permission denied|read-only/ },
    { code: 'EROFS', op: 'link', reason: /read-only/ },
    { code: 'EROFS', op: 'rename', reason: /read-only/ },
    { code: 'EIO', op: 'rename', reason: /i\/o error|EIO/i },
    { code: 'EACCES', op: 'mkdir', reason: /permission denied|read-only/ },
  ];
  for (const c of cases) {
    it(`${c.code} on ${c.op}, at each call in turn: one clear error naming the cause, nothing changed`, async () => {
      // Count the calls of this kind a clean import makes, then fail each one in turn.
      const probe = await freshWorkspace(root);
      await runIn(['import', 'mentors', inputs.mentors, '--workspace', probe, '--yes'], probe);
      let calls = 0;
      hook.fault = (op, target) => {
        if (op === c.op && target.startsWith(probe) && !(op === 'mkdir' && fs.existsSync(target))) calls++;
        return null;
      };
      const ok = await runIn(importArgs(probe), probe);
      hook.fault = null;
      expect(ok.code, ok.stderr).toBe(0);
      expect(calls, `a clean import makes ${c.op} calls in the workspace`).toBeGreaterThan(0);
      for (let n = 0; n < calls; n++) {
        const ws = await freshWorkspace(root);
        await runIn(['import', 'mentors', inputs.mentors, '--workspace', ws, '--yes'], ws);
        const before = snapshot(ws);
        let seen = 0;
        let failing = '';
        hook.fault = (op, target) => {
          if (op !== c.op || !target.startsWith(ws)) return null;
          // mkdir of a folder that exists succeeds even on a read-only disk.
          if (op === 'mkdir' && fs.existsSync(target)) return null;
          // A permission refused stays refused when the call is tried again (held.ts retries those).
          if ((target === failing && ['EACCES', 'EPERM'].includes(c.code)) || seen++ === n) {
            failing = target;
            return errno(c.code, c.op, target);
          }
          return null;
        };
        const r = await runIn(importArgs(ws), ws);
        hook.fault = null;
        figures.injected++;
        if (r.code === 0) continue; // this call was not on the path of the second import
        // Soft: one run reports every call at which something goes wrong.
        const what = `${c.code} on ${c.op} call ${n + 1} of ${calls}`;
        expect.soft(judgeFailure(r), `${what}: ${r.stderr}`).toBeNull();
        expect.soft(r.stderr, `${what}: the message names the cause`).toMatch(c.reason);
        expect.soft(sameFiles(before, snapshot(ws)), `${what}: the workspace must be exactly as before`).toEqual({ added: [], removed: [], changed: [] });
        expect.soft(fs.existsSync(path.join(ws, '.mentorship', 'lock')), `${what}: the lock is released`).toBe(false);
      }
    });
  }
});

beforeAll(() => {
  expect(fs.existsSync(inputs.students)).toBe(true);
});

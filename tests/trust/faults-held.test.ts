// Files held open, the way Excel holds them on Windows: EBUSY, EPERM or EACCES at each rename, open
// and unlink of a commit and of a rollback, injected through the transaction's file-system port and
// kept up while the tool tries again (as a program that keeps a file open would). The command must
// stop with exit 1 and one message that names the file as the administrator knows it (never its
// temporary or backup) and says to close it in Excel; the next command, once the file is closed,
// must leave the workspace exactly as it was before. And a file system that refuses hard links
// (FAT, network shares, OneDrive) gets copies as backups, with the same guarantees.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers/cli.js';
import { errno, type FsCall, type FsOp, faultyFs } from '../helpers/fs-faults.js';
import { writeHostileInputs } from './cycle.js';
import { cleanup, expectCleanFailure, freshWorkspace, leftovers, runIn, sameFiles, snapshot, tempRoot } from './inproc.js';

const root = tempRoot('trust-held-');
const inputs = writeHostileInputs(root);
const figures = { held: 0, rollbacks: 0, copies: 0 };
let base = '';

afterAll(() => {
  console.log(`[trust] held files: ${figures.held} commits and ${figures.rollbacks} rollbacks met a file held open, each stopped cleanly and was undone by the next command; ${figures.copies} backups made by copy where links were refused`);
  cleanup(root);
});

beforeAll(async () => {
  // Students already stored, so the import replaces files (backups) as well as creating them.
  base = await freshWorkspace(root);
  const r = await runIn(['import', 'students', inputs.students, '--workspace', base, '--yes'], base);
  expect(r.code, r.stderr).toBe(0);
}, 60_000);

function copyOf(dir: string): string {
  const to = fs.mkdtempSync(path.join(root, 'ws-'));
  fs.cpSync(dir, to, { recursive: true });
  return to;
}

/** The second import: it rewrites data/students.csv, the audit log, the rejects file and the manifest. */
function importArgs(ws: string): string[] {
  return ['import', 'students', path.join(FIXTURES, 'students-msforms.xlsx'), inputs.students, '--workspace', ws, '--yes'];
}

const inWorkspace = (ws: string, c: FsCall) => c.path.startsWith(ws + path.sep) && !c.path.endsWith(`${path.sep}lock`) && !c.path.endsWith('lock.takeover');

/** Held until released: the n-th matching call and every later call on the same file fail. */
function holder(ws: string, code: string, match: (c: FsCall) => boolean, n: number) {
  let seen = 0;
  let held: string | null = null;
  let open = true;
  const port = faultyFs((c) => {
    if (!open || !inWorkspace(ws, c)) return null;
    if (held !== null) return c.path === held && ['open', 'read', 'rename', 'rm', 'link', 'copy'].includes(c.op) ? errno(code, c.op, c.path) : null;
    if (!match(c) || seen++ !== n) return null;
    held = c.path;
    return errno(code, c.op, c.path);
  });
  return { port, held: () => held, release: () => (open = false) };
}

/** What the administrator knows a file as: `data/students.csv`, not its temporary or backup. */
function known(ws: string, abs: string): string {
  return path
    .relative(ws, abs)
    .split(path.sep)
    .map((p) => p.replace(/^\.(.+)\.mentorship-(tmp|bak)$/, '$1'))
    .join('/');
}

function expectHeldMessage(ws: string, r: { code: number; stdout: string; stderr: string }, file: string, what: string): void {
  expectCleanFailure(r, what);
  expect(r.code, what).toBe(1);
  expect(r.stderr, what).toMatch(/close it in Excel \(or the program holding it\), then run the command again/);
  expect(r.stderr, `${what}: names the file as the administrator knows it`).toContain(`error: ${known(ws, file)}: it is open in another program`);
  expect(r.stderr, `${what}: never a temporary or backup name`).not.toMatch(/mentorship-(tmp|bak)/);
}

/** Count the calls of this kind a clean import makes, to fail each one in turn. */
async function callsOf(match: (c: FsCall) => boolean): Promise<number> {
  const ws = copyOf(base);
  const port = faultyFs();
  const r = await runIn(importArgs(ws), ws, {}, port);
  expect(r.code, r.stderr).toBe(0);
  return port.calls.filter((c) => inWorkspace(ws, c) && match(c)).length;
}

const CODES = ['EBUSY', 'EPERM', 'EACCES'];
const OPS: FsOp[] = ['open', 'rename', 'rm', 'read'];

describe('a file held open during a commit', () => {
  for (const op of OPS) {
    it(`at each ${op} of a commit, for ${CODES.join(', ')}: waits, then one message naming the file; the next command leaves the workspace as before`, async () => {
      const match = (c: FsCall) => c.op === op;
      const calls = await callsOf(match);
      expect(calls, `a clean import makes ${op} calls in the workspace`).toBeGreaterThan(0);
      for (const code of CODES) {
        for (let n = 0; n < calls; n++) {
          const ws = copyOf(base);
          const before = snapshot(ws);
          const h = holder(ws, code, match, n);
          const r = await runIn(importArgs(ws), ws, {}, h.port);
          const what = `${code} on ${op} call ${n + 1} of ${calls} (${h.held() && known(ws, h.held()!)})`;
          expect(h.held(), what).not.toBeNull();
          if (r.code === 0) {
            // After the commit point only backups are removed; one held is left for the next command.
            expect(h.held()!, `${what}: only a backup may be held after the commit point`).toMatch(/\.mentorship-bak$/);
            h.release();
            expect((await runIn(['status', '--workspace', ws], ws)).code).toBe(0);
            expect(leftovers(ws), what).toEqual([]);
            continue;
          }
          expectHeldMessage(ws, r, h.held()!, what);
          // It tried again for about two seconds before giving up.
          expect(h.port.waited, what).toBeGreaterThanOrEqual(1_900);
          expect(h.port.waited, what).toBeLessThan(10_000);
          expect(fs.existsSync(path.join(ws, '.mentorship', 'lock')), `${what}: the lock is released`).toBe(false);
          // Closed in Excel: the next command (even a read-only one) finishes any undoing first.
          h.release();
          const next = await runIn(['status', '--workspace', ws], ws);
          expect(next.code, `${what}: ${next.stderr}`).toBe(0);
          expect(sameFiles(before, snapshot(ws)), `${what}: the workspace as before`).toEqual({ added: [], removed: [], changed: [] });
          expect(leftovers(ws), what).toEqual([]);
          figures.held++;
        }
      }
    }, 300_000);
  }
});

describe('a file held open during a rollback', () => {
  // The commit fails at its k-th rename (an i/o error), and the rollback then meets a held file at
  // its n-th rename or removal: it stops with the same message, the journal stays, and the next
  // command finishes the rollback.
  const rollbackPort = (ws: string, code: string, k: number, op: FsOp, n: number) => {
    let steps = 0;
    let rolling = false;
    let seen = 0;
    let held: string | null = null;
    let open = true;
    const port = faultyFs((c) => {
      if (!open || !inWorkspace(ws, c)) return null;
      if (held !== null) return c.path === held ? errno(code, c.op, c.path) : null;
      if (!c.committing) return null;
      if (!rolling) {
        if ((c.op === 'rename' || c.op === 'rm') && !c.path.endsWith('journal.json') && steps++ === k) {
          rolling = true;
          return errno('EIO', c.op, c.path);
        }
        return null;
      }
      if (c.op !== op || seen++ !== n) return null;
      held = c.path;
      return errno(code, c.op, c.path);
    });
    return { port, held: () => held, release: () => (open = false) };
  };

  for (const op of ['rename', 'rm'] as FsOp[]) {
    it(`at each ${op} of a rollback, for ${CODES.join(', ')}: never an internal error; the next command finishes it`, async () => {
      let tried = 0;
      for (const code of CODES) {
        for (const k of [1, 2, 3]) {
          for (let n = 0; n < 8; n++) {
            const ws = copyOf(base);
            const before = snapshot(ws);
            const h = rollbackPort(ws, code, k, op, n);
            const r = await runIn(importArgs(ws), ws, {}, h.port);
            if (h.held() === null) break; // the rollback made fewer such calls
            const what = `${code} on the rollback's ${op} call ${n + 1}, after the commit failed at rename ${k + 1}`;
            expectHeldMessage(ws, r, h.held()!, what);
            expect(r.stderr, what).toMatch(/the next command finishes undoing the interrupted one/);
            h.release();
            const next = await runIn(['status', '--workspace', ws], ws);
            expect(next.code, `${what}: ${next.stderr}`).toBe(0);
            expect(sameFiles(before, snapshot(ws)), `${what}: the workspace as before`).toEqual({ added: [], removed: [], changed: [] });
            expect(leftovers(ws), what).toEqual([]);
            figures.rollbacks++;
            tried++;
          }
        }
      }
      expect(tried, `rollbacks met a held file at a ${op}`).toBeGreaterThan(CODES.length);
    }, 300_000);
  }
});

describe('a file system that refuses hard links', () => {
  for (const code of ['EPERM', 'ENOTSUP', 'EXDEV', 'EMLINK']) {
    it(`${code} on every link: backups are copies; the commit lands, and a failure half-way still rolls back completely`, async () => {
      const ws = copyOf(base);
      const port = faultyFs((c) => (c.op === 'link' ? errno(code, 'link', c.path) : null));
      const r = await runIn(importArgs(ws), ws, {}, port);
      expect(r.code, r.stderr).toBe(0);
      const copies = port.calls.filter((c) => c.op === 'copy' && inWorkspace(ws, c)).length;
      expect(copies, 'backups were copied').toBeGreaterThan(0);
      figures.copies += copies;
      expect(leftovers(ws)).toEqual([]);
      // The same with the commit failing after each of its renames: the copies restore everything.
      for (let k = 0; k < 4; k++) {
        const faulty = copyOf(base);
        const before = snapshot(faulty);
        let steps = 0;
        let failed = false;
        const failing = faultyFs((c) => {
          if (c.op === 'link') return errno(code, 'link', c.path);
          if (!failed && c.committing && (c.op === 'rename' || c.op === 'rm') && !c.path.endsWith('journal.json') && steps++ === k) {
            failed = true;
            return errno('EIO', c.op, c.path);
          }
          return null;
        });
        const f = await runIn(importArgs(faulty), faulty, {}, failing);
        expect(failed, `the commit reached its rename ${k + 1}`).toBe(true);
        expectCleanFailure(f, `links refused, failure at rename ${k + 1}`);
        expect(sameFiles(before, snapshot(faulty)), `links refused, failure at rename ${k + 1}`).toEqual({ added: [], removed: [], changed: [] });
        expect(leftovers(faulty)).toEqual([]);
      }
    }, 120_000);
  }
});

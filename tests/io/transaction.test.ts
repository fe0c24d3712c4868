import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock } from '../../src/io/lock.js';
import { recoverWorkspace, Transaction } from '../../src/io/transaction.js';
import { DataError } from '../../src/errors.js';
import { listFiles, snapshot, tempDir } from '../helpers/cli.js';
import { failAfterSteps, faultyFs } from '../helpers/fs-faults.js';

function seeded(): string {
  const dir = tempDir('tx-');
  fs.mkdirSync(path.join(dir, 'data'));
  fs.writeFileSync(path.join(dir, 'data/a.csv'), 'old a');
  fs.writeFileSync(path.join(dir, 'data/b.csv'), 'old b');
  return dir;
}

describe('Transaction', () => {
  it('writes every staged file, or none when it fails between writes', () => {
    for (let n = 0; n < 4; n++) {
      const dir = seeded();
      const before = snapshot(dir);
      const port = failAfterSteps(n);
      const tx = new Transaction(dir, { fs: port });
      tx.write('data/a.csv', 'new a');
      tx.write('data/b.csv', 'new b');
      tx.write('out/c.csv', 'new c');
      expect(() => tx.commit()).toThrow(/injected/);
      expect(snapshot(dir)).toEqual(before);
      expect(listFiles(dir).filter((f) => f.includes('mentorship-'))).toEqual([]);
    }
  });

  it('commits all files and remembers what it generated', () => {
    const dir = seeded();
    const tx = new Transaction(dir);
    tx.write('data/a.csv', 'new a');
    tx.write('out/c.csv', 'new c');
    tx.commit();
    expect(fs.readFileSync(path.join(dir, 'data/a.csv'), 'utf8')).toBe('new a');
    expect(fs.readFileSync(path.join(dir, 'out/c.csv'), 'utf8')).toBe('new c');
    expect(Object.keys(JSON.parse(fs.readFileSync(path.join(dir, '.mentorship/generated.json'), 'utf8')))).toEqual(['out/c.csv']);
  });

  it('never overwrites a generated file a person edited, unless forced', () => {
    const dir = seeded();
    const first = new Transaction(dir);
    first.write('out/review.xlsx', 'v1');
    first.commit();
    const untouched = new Transaction(dir);
    untouched.write('out/review.xlsx', 'v2');
    untouched.commit();
    fs.writeFileSync(path.join(dir, 'out/review.xlsx'), 'edited by a person');
    const again = new Transaction(dir);
    again.write('out/review.xlsx', 'v3');
    expect(() => again.commit()).toThrow(DataError);
    expect(fs.readFileSync(path.join(dir, 'out/review.xlsx'), 'utf8')).toBe('edited by a person');
    const forced = new Transaction(dir, { force: true });
    forced.write('out/review.xlsx', 'v3');
    forced.commit();
    expect(fs.readFileSync(path.join(dir, 'out/review.xlsx'), 'utf8')).toBe('v3');
  });

  it('rolls back a commit whose process died after the journal was written', () => {
    const dir = seeded();
    const before = snapshot(dir);
    // Simulate the state a SIGKILL between renames leaves: journal, a backup, one file replaced.
    fs.mkdirSync(path.join(dir, '.mentorship'));
    const target = path.join(dir, 'data/a.csv');
    const bak = path.join(dir, 'data/.a.csv.mentorship-bak');
    fs.linkSync(target, bak);
    fs.writeFileSync(path.join(dir, 'data/.new.csv.mentorship-tmp'), 'x');
    fs.writeFileSync(target + '.tmp', 'new a');
    fs.renameSync(target + '.tmp', target);
    // As the tool writes it: workspace-relative paths, and the digest of a file it creates.
    fs.writeFileSync(
      path.join(dir, '.mentorship/journal.json'),
      JSON.stringify({ entries: [{ target: 'data/a.csv', tmp: null, bak: 'data/.a.csv.mentorship-bak' }, { target: 'data/new.csv', tmp: 'data/.new.csv.mentorship-tmp', bak: null, sha256: '0'.repeat(64) }] }),
    );
    expect(recoverWorkspace(dir)).toBe(true);
    const after = snapshot(dir);
    after.delete('.mentorship/journal.json');
    expect(after).toEqual(before);
  });

  it('writes, compares and hashes a file given as several buffers as the one file they make', () => {
    const dir = seeded();
    // Like a CSV written line by line: the pieces are joined, never compared one by one.
    const pieces = (text: string) => [...text].map((ch) => Buffer.from(ch));
    const tx = new Transaction(dir);
    tx.write('data/a.csv', pieces('old a'));
    tx.write('data/b.csv', pieces('old c'));
    tx.write('out/d.csv', pieces('a new generated file'));
    expect(tx.plan()).toEqual([
      { path: 'data/a.csv', action: 'unchanged', bytes: 5 },
      { path: 'data/b.csv', action: 'replace', bytes: 5 },
      { path: 'out/d.csv', action: 'create', bytes: 20 },
    ]);
    tx.commit();
    expect(fs.readFileSync(path.join(dir, 'data/b.csv'), 'utf8')).toBe('old c');
    expect(fs.readFileSync(path.join(dir, 'out/d.csv'), 'utf8')).toBe('a new generated file');
    // The digest recorded is the file's: unedited, it is replaced without --force.
    const next = new Transaction(dir);
    next.write('out/d.csv', pieces('replaced'));
    expect(next.editedByPeople()).toEqual([]);
  });

  it('refuses to write outside the workspace', () => {
    const tx = new Transaction(seeded());
    expect(() => tx.write('../escape.txt', 'x')).toThrow(/outside the workspace/);
  });
});

describe('lock', () => {
  it('refuses a second command clearly and takes over a stale lock', () => {
    const dir = seeded();
    const release = acquireLock(dir, 'import students');
    expect(() => acquireLock(dir, 'match', 200)).toThrow(/another mentorship command \(import students/);
    release();
    fs.writeFileSync(path.join(dir, '.mentorship/lock'), JSON.stringify({ pid: 2 ** 22 + 12345, command: 'old', started: '' }));
    const again = acquireLock(dir, 'match', 200);
    again();
    expect(fs.existsSync(path.join(dir, '.mentorship/lock'))).toBe(false);
  });

  const lockFile = (dir: string) => path.join(dir, '.mentorship/lock');
  const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

  it('records the computer, the process, the command and the time', () => {
    const dir = seeded();
    const release = acquireLock(dir, 'match');
    expect(JSON.parse(fs.readFileSync(lockFile(dir), 'utf8'))).toMatchObject({ pid: process.pid, host: os.hostname(), command: 'match' });
    release();
    expect(fs.existsSync(lockFile(dir))).toBe(false);
  });

  it('a lock from another computer: respected, naming the computer, until it is over an hour old; then taken over, saying so', () => {
    const dir = seeded();
    fs.mkdirSync(path.join(dir, '.mentorship'), { recursive: true });
    fs.writeFileSync(lockFile(dir), JSON.stringify({ pid: process.pid, host: 'ADMIN-LAPTOP-2', command: 'export', started: hoursAgo(0.9) }));
    expect(() => acquireLock(dir, 'match', 200)).toThrow(/another mentorship command \(export, process \d+ on ADMIN-LAPTOP-2, started/);
    fs.writeFileSync(lockFile(dir), JSON.stringify({ pid: process.pid, host: 'ADMIN-LAPTOP-2', command: 'export', started: hoursAgo(1.1) }));
    const warnings: string[] = [];
    const release = acquireLock(dir, 'match', { waitMs: 200, warn: (m) => warnings.push(m) });
    expect(warnings).toEqual([expect.stringMatching(/^took over the workspace lock left on ADMIN-LAPTOP-2 by export, process \d+ on ADMIN-LAPTOP-2, started .*: unused for over an hour$/)]);
    expect(JSON.parse(fs.readFileSync(lockFile(dir), 'utf8'))).toMatchObject({ pid: process.pid, host: os.hostname(), command: 'match' });
    release();
  });

  it('a live process holding an hour-old lock is not waited for: whose it is, and how to clear it', () => {
    const dir = seeded();
    fs.mkdirSync(path.join(dir, '.mentorship'), { recursive: true });
    const text = JSON.stringify({ pid: process.pid, host: os.hostname(), command: 'import students', started: hoursAgo(2) });
    fs.writeFileSync(lockFile(dir), text);
    // The process started long before the lock (so its id was not reused since): as the system says.
    const port = faultyFs();
    const real = port.readFileSync;
    port.readFileSync = ((file: fs.PathOrFileDescriptor, opts?: unknown) =>
      file === '/proc/stat' ? 'cpu 0\nbtime 1000000000\n' :
      file === `/proc/${process.pid}/stat` ? `${process.pid} (node) S ${'0 '.repeat(18)}100 0 0` :
      (real as (...a: unknown[]) => unknown)(file, opts)) as typeof port.readFileSync;
    let message = '';
    try {
      acquireLock(dir, 'match', { waitMs: 60_000, fs: port });
    } catch (err) {
      message = `${(err as Error).message} / ${(err as DataError).fix}`;
    }
    expect(message).toMatch(new RegExp(`locked by import students, process ${process.pid}, started .*over an hour ago, and process ${process.pid} is still running`));
    expect(message).toMatch(new RegExp(`end process ${process.pid} or delete .mentorship/lock in the workspace`));
    // Not waited for: no minute of polling before saying so.
    expect(port.waited).toBe(0);
    expect(fs.readFileSync(lockFile(dir), 'utf8')).toBe(text);
  });

  it('a process id reused by a process that started after the lock: the lock is taken over', () => {
    const dir = seeded();
    fs.mkdirSync(path.join(dir, '.mentorship'), { recursive: true });
    // This process, as far as the system says, started now; the lock is from a minute ago.
    fs.writeFileSync(lockFile(dir), JSON.stringify({ pid: process.pid, host: os.hostname(), command: 'import students', started: hoursAgo(1 / 60) }));
    const port = faultyFs();
    const real = port.readFileSync;
    const bootNow = Math.floor(Date.now() / 1000);
    port.readFileSync = ((file: fs.PathOrFileDescriptor, opts?: unknown) =>
      file === '/proc/stat' ? `cpu 0\nbtime ${bootNow}\n` :
      file === `/proc/${process.pid}/stat` ? `${process.pid} (sleep) S ${'0 '.repeat(18)}0 0 0` :
      (real as (...a: unknown[]) => unknown)(file, opts)) as typeof port.readFileSync;
    const release = acquireLock(dir, 'match', { waitMs: 200, fs: port });
    expect(JSON.parse(fs.readFileSync(lockFile(dir), 'utf8'))).toMatchObject({ command: 'match' });
    release();
  });

  it('two commands that judge one stale lock at once: the second never removes the lock the first took over', () => {
    const dir = seeded();
    fs.mkdirSync(path.join(dir, '.mentorship'), { recursive: true });
    fs.writeFileSync(lockFile(dir), JSON.stringify({ pid: 2 ** 22 + 12345, host: os.hostname(), command: 'dead', started: hoursAgo(0.1) }));
    // B reads the stale lock; before B acts on what it read, A takes the lock over completely.
    let first: (() => void) | null = null;
    let interleaved = false;
    const port = faultyFs();
    const read = port.readFileSync;
    port.readFileSync = ((file: fs.PathOrFileDescriptor, opts?: unknown) => {
      const text = (read as (...a: unknown[]) => unknown)(file, opts);
      if (!interleaved && file === lockFile(dir) && String(text).includes('"dead"')) {
        interleaved = true;
        first = acquireLock(dir, 'A', 200);
      }
      return text;
    }) as typeof port.readFileSync;
    expect(() => acquireLock(dir, 'B', { waitMs: 200, fs: port })).toThrow(/another mentorship command \(A, process/);
    expect(interleaved).toBe(true);
    expect(JSON.parse(fs.readFileSync(lockFile(dir), 'utf8'))).toMatchObject({ command: 'A' });
    first!();
    expect(fs.existsSync(lockFile(dir))).toBe(false);
    expect(fs.existsSync(`${lockFile(dir)}.takeover`)).toBe(false);
  });
});

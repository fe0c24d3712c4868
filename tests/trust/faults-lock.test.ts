// Two commands at once: while one mentorship command changes a workspace, a second changing command
// waits, then refuses clearly (exit 1, naming the other command) and changes nothing; a lock left by
// a process that no longer exists is taken over; read-only commands are not blocked.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCohort } from '../../bench/cohort.js';
import { BIN, REPO, runCli } from '../helpers/cli.js';
import { writeHostileInputs } from './cycle.js';
import { cleanup, expectCleanFailure, expectUnchanged, freshWorkspace, hashSnapshot, sameFiles, snapshot, tempRoot } from './inproc.js';

const root = tempRoot('trust-lock-');
const inputs = writeHostileInputs(root);
const ENV = { NO_COLOR: '1', MENTORSHIP_TODAY: '2025-11-25', CI: 'true' };
const RACER = path.join(REPO, 'tests', 'trust', 'lock-racer.mjs');
const figures = { refused: 0, waitedThenRan: 0, takenOver: 0, raced: 0, raceWins: 0, raceRefusals: 0 };
let big = '';

afterAll(() => {
  cleanup(root);
  console.log(
    `[trust] lock: ${figures.refused} second commands refused while a lock was held, ${figures.waitedThenRan} waited and then ran, ${figures.takenOver} stale locks taken over; ` +
      `${figures.raced} imports raced for a stale lock: ${figures.raceWins} stored every person, ${figures.raceRefusals} refused cleanly`,
  );
});

beforeAll(async () => {
  if (!fs.existsSync(path.join(REPO, 'dist', 'main.js'))) throw new Error('build dist first: npx tsc -p tsconfig.build.json');
  big = (await writeCohort(path.join(root, 'cohort'), { students: 60_000, mentors: 5 })).students;
}, 120_000);

function lockFile(ws: string): string {
  return path.join(ws, '.mentorship', 'lock');
}

function writeLock(ws: string, pid: number, command = 'import students', started = new Date().toISOString()): string {
  // Written now: a lock older than its process would be the mark of a reused process id.
  const text = JSON.stringify({ pid, command, started });
  fs.mkdirSync(path.dirname(lockFile(ws)), { recursive: true });
  fs.writeFileSync(lockFile(ws), text);
  return text;
}

/** The pid of a process that has certainly exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

describe('one changing command at a time', () => {
  it('a lock held by a live process (this test): a second import waits, then refuses clearly and changes nothing', async () => {
    const ws = await freshWorkspace(root);
    const text = writeLock(ws, process.pid);
    const before = snapshot(ws);
    const r = runCli(['import', 'students', inputs.students, '--workspace', ws], { cwd: ws, env: ENV });
    expectCleanFailure(r, 'import while another command holds the lock');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/another mentorship command/);
    expect(r.stderr).toContain(`process ${process.pid}`);
    expect(r.stderr).toContain('import students');
    expectUnchanged(before, ws, 'refused import');
    expect(fs.readFileSync(lockFile(ws), 'utf8'), 'the other command keeps its lock').toBe(text);
    figures.refused++;
  });

  it('every changing command refuses the same way; read-only ones (status, --dry-run) are not blocked', async () => {
    const ws = await freshWorkspace(root);
    expect(runCli(['import', 'students', inputs.students, '--workspace', ws], { cwd: ws, env: ENV }).code).toBe(0);
    expect(runCli(['import', 'mentors', inputs.mentors, '--workspace', ws], { cwd: ws, env: ENV }).code).toBe(0);
    writeLock(ws, process.pid, 'match');
    const before = snapshot(ws);
    for (const args of [['report', 'supply'], ['match'], ['purge', '--yes', '--before', '2099-01-01']]) {
      const r = runCli([...args, '--workspace', ws], { cwd: ws, env: ENV });
      expectCleanFailure(r, `${args.join(' ')} while locked`);
      expect(r.stderr, args.join(' ')).toMatch(/another mentorship command \(match/);
      figures.refused++;
    }
    expectUnchanged(before, ws, 'commands refused by the lock');
    const status = runCli(['status', '--workspace', ws], { cwd: ws, env: ENV });
    expect(status.code, status.stderr).toBe(0);
    const dry = runCli(['report', 'supply', '--dry-run', '--workspace', ws], { cwd: ws, env: ENV });
    expect(dry.code, dry.stderr).toBe(0);
    expectUnchanged(before, ws, 'read-only commands while locked');
  });

  it('a real long import holds the lock: a second import at the same time waits, then refuses or runs after it, never both at once', async () => {
    const ws = await freshWorkspace(root);
    const first = spawn(process.execPath, [BIN, 'import', 'students', big, '--workspace', ws, '--yes', '--quiet'], { cwd: ws, env: { ...process.env, ...ENV }, stdio: ['ignore', 'ignore', 'pipe'] });
    let firstErr = '';
    first.stderr!.on('data', (d: Buffer) => (firstErr += d.toString()));
    const firstDone = new Promise<number | null>((resolve) => first.on('exit', (code) => resolve(code)));
    // Wait until the first command holds the lock (polling: the file is created, then written).
    const readLock = (): { pid: number; command: string } | null => {
      try {
        return JSON.parse(fs.readFileSync(lockFile(ws), 'utf8')) as { pid: number; command: string };
      } catch {
        return null;
      }
    };
    let lock = readLock();
    while (!lock) {
      const exited = await Promise.race([firstDone.then(() => true), new Promise<false>((r) => setTimeout(() => r(false), 5))]);
      if (exited) throw new Error(`the first import ended before taking the lock: ${firstErr}`);
      lock = readLock();
    }
    expect(lock).toMatchObject({ pid: first.pid, command: 'import students' });
    const second = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const p = spawn(process.execPath, [BIN, 'import', 'mentors', inputs.mentors, '--workspace', ws, '--yes'], { cwd: ws, env: { ...process.env, ...ENV }, stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      p.stderr!.on('data', (d: Buffer) => (err += d.toString()));
      p.on('exit', (code) => resolve({ code, stderr: err }));
    });
    const firstCode = await firstDone;
    expect(firstCode, firstErr).toBe(0);
    const audit = fs.readFileSync(path.join(ws, 'data', 'audit.jsonl'), 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { command: string }).command);
    if (second.code === 1) {
      expectCleanFailure({ code: 1, stdout: '', stderr: second.stderr }, 'the second import');
      expect(second.stderr).toMatch(new RegExp(`another mentorship command \\(import students, process ${first.pid}`));
      expect(audit).toEqual(['import students']);
      expect(fs.existsSync(path.join(ws, 'data', 'mentors.csv'))).toBe(false);
      figures.refused++;
    } else {
      // The first finished within the wait: the second ran after it, on its result.
      expect(second.code, second.stderr).toBe(0);
      expect(audit).toEqual(['import students', 'import mentors']);
      figures.waitedThenRan++;
    }
    expect(fs.existsSync(lockFile(ws)), 'the lock is released').toBe(false);
  }, 120_000);

  it('a lock left by a process that no longer exists is taken over, and released after', async () => {
    const ws = await freshWorkspace(root);
    writeLock(ws, deadPid());
    const r = runCli(['import', 'students', inputs.students, '--workspace', ws], { cwd: ws, env: ENV });
    expect(r.code, r.stderr).toBe(0);
    expect(fs.existsSync(lockFile(ws))).toBe(false);
    figures.takenOver++;
  });

  it('an unreadable lock is taken over once old, and respected while fresh (it may be being written)', async () => {
    const old = await freshWorkspace(root);
    fs.mkdirSync(path.join(old, '.mentorship'), { recursive: true });
    fs.writeFileSync(lockFile(old), '');
    const minuteAgo = new Date(Date.now() - 60_000);
    fs.utimesSync(lockFile(old), minuteAgo, minuteAgo);
    const r = runCli(['import', 'students', inputs.students, '--workspace', old], { cwd: old, env: ENV });
    expect(r.code, r.stderr).toBe(0);
    expect(fs.existsSync(lockFile(old))).toBe(false);
    figures.takenOver++;

    const fresh = await freshWorkspace(root);
    fs.mkdirSync(path.join(fresh, '.mentorship'), { recursive: true });
    fs.writeFileSync(lockFile(fresh), '{"pid":');
    const before = hashSnapshot(fresh);
    const r2 = runCli(['import', 'students', inputs.students, '--workspace', fresh], { cwd: fresh, env: ENV });
    expectCleanFailure(r2, 'import while a fresh, half-written lock exists');
    expect(r2.stderr).toMatch(/another mentorship command/);
    expect(sameFiles(before, hashSnapshot(fresh))).toEqual({ added: [], removed: [], changed: [] });
    figures.refused++;
  });

  it('a process id now used by an unrelated process that started after the lock: the lock is taken over', async () => {
    const ws = await freshWorkspace(root);
    const other = spawn('sleep', ['60'], { stdio: 'ignore' });
    try {
      await new Promise((r) => setTimeout(r, 50));
      writeLock(ws, other.pid!, 'import students', new Date(Date.now() - 60_000).toISOString());
      const r = runCli(['import', 'students', inputs.students, '--workspace', ws], { cwd: ws, env: ENV });
      expect(r.code, r.stderr).toBe(0);
      expect(fs.existsSync(lockFile(ws))).toBe(false);
      figures.takenOver++;
    } finally {
      other.kill();
    }
  });

  it('six imports started together against a stale lock: each stores every one of its people, or refuses cleanly; never success with lost data', async () => {
    const ROUNDS = 4;
    const IMPORTS = 6;
    for (let round = 0; round < ROUNDS; round++) {
      const ws = await freshWorkspace(root);
      writeLock(ws, deadPid());
      const files = Array.from({ length: IMPORTS }, (_, k) => {
        const file = path.join(root, `race-${round}-${k}.csv`);
        const lines = ['email,name,programme,sectors'];
        for (let i = 0; i < 25; i++) lines.push(`r${round}i${k}p${i}@lse.ac.uk,Racer ${k} ${i},MSc Conflict Studies,Consulting`);
        fs.writeFileSync(file, `${lines.join('\r\n')}\r\n`);
        return { file, emails: lines.slice(1).map((l) => l.split(',')[0]!) };
      });
      const results = await Promise.all(
        files.map(
          (f) =>
            new Promise<{ code: number | null; stderr: string }>((resolve) => {
              const p = spawn(process.execPath, [BIN, 'import', 'students', f.file, '--workspace', ws, '--yes'], { cwd: ws, env: { ...process.env, ...ENV }, stdio: ['ignore', 'ignore', 'pipe'] });
              let err = '';
              p.stderr!.on('data', (d: Buffer) => (err += d.toString()));
              p.on('exit', (code) => resolve({ code, stderr: err }));
            }),
        ),
      );
      const stored = fs.existsSync(path.join(ws, 'data', 'students.csv')) ? fs.readFileSync(path.join(ws, 'data', 'students.csv'), 'utf8') : '';
      let wins = 0;
      results.forEach((r, k) => {
        figures.raced++;
        const what = `round ${round + 1}, import ${k + 1}`;
        if (r.code === 0) {
          wins++;
          figures.raceWins++;
          for (const email of files[k]!.emails) expect(stored, `${what} succeeded: ${email} must be stored`).toContain(email);
        } else {
          expectCleanFailure({ code: r.code ?? -1, stdout: '', stderr: r.stderr }, what);
          expect(r.stderr, what).toMatch(/another mentorship command \(import students, process \d+, started/);
          for (const email of files[k]!.emails) expect(stored, `${what} refused: ${email} must not be stored`).not.toContain(email);
          figures.raceRefusals++;
        }
      });
      expect(wins, `round ${round + 1}: the stale lock was taken over by one of them`).toBeGreaterThan(0);
      const audit = fs.readFileSync(path.join(ws, 'data', 'audit.jsonl'), 'utf8').trim().split('\n');
      expect(audit.length, `round ${round + 1}: one audit line per successful import`).toBe(wins);
      expect(fs.existsSync(lockFile(ws)), 'the lock is released').toBe(false);
      expect(fs.existsSync(`${lockFile(ws)}.takeover`), 'no takeover mark is left').toBe(false);
    }
  }, 600_000);

  it('processes that find a stale lock at the same instant: exactly one holds the lock at a time', async () => {
    const ROUNDS = 10;
    const RACERS = 6;
    let onTime = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const ws = await freshWorkspace(root);
      writeLock(ws, deadPid());
      const log = path.join(root, `racers-${round}.log`);
      fs.writeFileSync(log, '');
      // Time enough for every racer to start, then all take the lock at the same millisecond.
      const startAt = Date.now() + 2_500;
      await Promise.all(
        Array.from({ length: RACERS }, () => new Promise<void>((resolve) => spawn(process.execPath, [RACER, ws, String(startAt), log], { stdio: 'ignore' }).on('exit', () => resolve()))),
      );
      const lines = fs.readFileSync(log, 'utf8').trim().split('\n');
      expect(lines.filter((l) => l.startsWith('refused')), `round ${round + 1}`).toEqual([]);
      expect(lines.length, `round ${round + 1}: every racer held the lock once`).toBe(2 * RACERS);
      for (let i = 0; i < lines.length; i += 2) {
        const [enter, pid] = lines[i]!.split(' ');
        expect(enter, `round ${round + 1}: ${lines.join(' / ')}`).toBe('enter');
        expect(lines[i + 1], `round ${round + 1}: two holders at once: ${lines.join(' / ')}`).toBe(`leave ${pid}`);
      }
      onTime += lines.filter((l) => l.startsWith('enter') && !l.endsWith('late')).length;
      expect(fs.existsSync(lockFile(ws)), 'the lock is released').toBe(false);
    }
    // The race was run: most racers reached the starting line before the shot.
    expect(onTime).toBeGreaterThan(ROUNDS * RACERS / 2);
  }, 300_000);
});

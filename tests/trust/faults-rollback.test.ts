// A command that fails half-way leaves the workspace exactly as it was. Every changing command of
// the cycle runs with a failure injected, through the file-system port, after n of its commit's
// renames, for every n of the small commands and a spread of n for the big ones; the workspace must
// be byte-identical to before, the lock released, and running the command again must give exactly
// what a run without the fault gives. Each test starts from its own copy of the workspace as the
// cycle leaves it for that step, so the tests do not depend on each other or on their order.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failAfterSteps } from '../helpers/fs-faults.js';
import { cycleSteps, PURGE, type Step, writeHostileInputs } from './cycle.js';
import { byContent, cleanup, freshWorkspace, runIn, sameFiles, snapshot, tempRoot } from './inproc.js';

const root = tempRoot('trust-rollback-');
const inputs = writeHostileInputs(root);
const steps: Step[] = [...cycleSteps(inputs), PURGE];
/** The workspace as each step finds it in one run of the whole cycle, kept as a folder. */
const startOf = new Map<string, string>();
const figures = { injected: 0, commands: 0 };

afterAll(() => {
  console.log(`[trust] rollback: ${figures.injected} failures injected into ${figures.commands} commands, each left the workspace byte-identical`);
  cleanup(root);
});

function args(step: Step, dir: string): string[] {
  return [...step.args, '--workspace', dir, '--yes', '--force'];
}

function env(step: Step): NodeJS.ProcessEnv {
  return step.today ? { MENTORSHIP_TODAY: step.today } : {};
}

function copyOf(dir: string): string {
  const to = fs.mkdtempSync(path.join(root, 'ws-'));
  fs.cpSync(dir, to, { recursive: true });
  return to;
}

beforeAll(async () => {
  const ws = await freshWorkspace(root);
  for (const step of steps) {
    startOf.set(step.name, copyOf(ws));
    const r = await runIn(args(step, ws), ws, env(step));
    if (r.code !== 0) throw new Error(`cycle step "${step.name}" failed (exit ${r.code}): ${r.stderr.slice(0, 2000)}`);
  }
}, 300_000);

/** Which n to try: all of them for a small commit, a spread for a big one (emails write thousands of files). */
function failurePoints(k: number): number[] {
  if (k <= 12) return [...Array(k).keys()];
  return [...new Set([0, 1, 2, Math.floor(k / 3), Math.floor(k / 2), k - 2, k - 1])].sort((a, b) => a - b);
}

describe('a command that fails half-way changes nothing', () => {
  for (const step of steps) {
    it(`${step.name}: a failure after any number of renames rolls back completely`, async () => {
      const start = startOf.get(step.name)!;
      const ws = copyOf(start);
      const faulty = copyOf(start);
      const before = snapshot(ws);
      const counting = failAfterSteps(null);
      const control = await runIn(args(step, ws), ws, env(step), counting);
      expect(control.code, control.stderr).toBe(0);
      figures.commands++;
      const after = snapshot(ws);
      const diff = sameFiles(before, after);
      expect(diff.added.length + diff.changed.length + diff.removed.length, `${step.name} changed something`).toBeGreaterThan(0);
      // A new folder of drafts is renamed into place as one, so there are fewer renames than files.
      const k = counting.steps();
      expect(k).toBeGreaterThan(0);
      for (const n of failurePoints(k)) {
        const r = await runIn(args(step, faulty), faulty, env(step), failAfterSteps(n));
        figures.injected++;
        expect(r.code, `${step.name} with a failure after ${n} of ${k} renames must fail`).not.toBe(0);
        expect(sameFiles(before, snapshot(faulty)), `${step.name}, failure after ${n} of ${k} renames`).toEqual({ added: [], removed: [], changed: [] });
        expect(fs.existsSync(path.join(faulty, '.mentorship', 'lock')), 'the lock is released').toBe(false);
        expect(fs.existsSync(path.join(faulty, '.mentorship', 'journal.json')), 'no journal is left').toBe(false);
      }
      // After the failures, the same command gives exactly what it gives without them.
      const again = await runIn(args(step, faulty), faulty, env(step));
      expect(again.code, again.stderr).toBe(0);
      expect(sameFiles(byContent(after), byContent(snapshot(faulty))), `${step.name} run again after the failures`).toEqual({ added: [], removed: [], changed: [] });
      fs.rmSync(faulty, { recursive: true, force: true });
      fs.rmSync(ws, { recursive: true, force: true });
    }, 120_000);
  }
});

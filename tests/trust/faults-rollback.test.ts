// A command that fails half-way leaves the workspace exactly as it was. Every changing command of
// the cycle (as far as it exists) runs with a failure injected after n of its renames
// (injectFailureAfterRenames), for every n of the small commands and a spread of n for the big
// ones; the workspace must be byte-identical to before, the lock released, and running the command
// again must give exactly what a run without the fault gives.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { injectFailureAfterRenames, renamesOfLastCommit } from '../../src/io/transaction.js';
import { cycleSteps, PURGE, type Step, writeHostileInputs } from './cycle.js';
import { byContent, cleanup, freshWorkspace, runIn, sameFiles, snapshot, tempRoot } from './inproc.js';

const root = tempRoot('trust-rollback-');
const inputs = writeHostileInputs(root);
const steps: Step[] = [...cycleSteps(inputs), PURGE];
let ws = '';
const ran = new Set<string>();
const figures = { injected: 0, commands: 0, notAvailable: [] as string[] };

afterAll(() => {
  console.log(
    `[trust] rollback: ${figures.injected} failures injected into ${figures.commands} commands, each left the workspace byte-identical` +
      `${figures.notAvailable.length ? `; not available yet: ${figures.notAvailable.join(', ')}` : ''}`,
  );
  injectFailureAfterRenames(null);
  cleanup(root);
});

function args(step: Step, dir: string): string[] {
  return [...step.args, '--workspace', dir, '--yes', '--force'];
}

function env(step: Step): NodeJS.ProcessEnv {
  return step.today ? { MENTORSHIP_TODAY: step.today } : {};
}

/** Which n to try: all of them for a small commit, a spread for a big one (emails write thousands of files). */
function failurePoints(k: number): number[] {
  if (k <= 12) return [...Array(k).keys()];
  return [...new Set([0, 1, 2, Math.floor(k / 3), Math.floor(k / 2), k - 2, k - 1])].sort((a, b) => a - b);
}

describe('a command that fails half-way changes nothing', () => {
  for (const step of steps) {
    it(`${step.name}: a failure after any number of renames rolls back completely`, async () => {
      if (!ws) ws = await freshWorkspace(root);
      const missing = step.needs.filter((n) => !ran.has(n));
      if (missing.length) {
        // The step it needs does not exist yet; the lead makes sure it does at the end.
        figures.notAvailable.push(`${step.name} (needs ${missing.join(', ')})`);
        return;
      }
      const before = snapshot(ws);
      const faulty = fs.mkdtempSync(path.join(root, 'faulty-'));
      fs.cpSync(ws, faulty, { recursive: true });
      const control = await runIn(args(step, ws), ws, env(step));
      if (control.code === 2 && /not available yet/.test(control.stderr)) {
        figures.notAvailable.push(step.name);
        fs.rmSync(faulty, { recursive: true, force: true });
        return;
      }
      expect(control.code, control.stderr).toBe(0);
      ran.add(step.name);
      figures.commands++;
      const after = snapshot(ws);
      const diff = sameFiles(before, after);
      expect(diff.added.length + diff.changed.length + diff.removed.length, `${step.name} changed something`).toBeGreaterThan(0);
      // A new folder of drafts is renamed into place as one, so there are fewer renames than files.
      const k = renamesOfLastCommit();
      expect(k).toBeGreaterThan(0);
      for (const n of failurePoints(k)) {
        injectFailureAfterRenames(n);
        let r;
        try {
          r = await runIn(args(step, faulty), faulty, env(step));
        } finally {
          injectFailureAfterRenames(null);
        }
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
    }, 120_000);
  }
});

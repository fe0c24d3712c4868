// The solver is a library too: `import { solveAssignment } from 'mentorship/solver'` through the
// package's exports, from the built package (what a user of the library gets).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/cli.js';

describe("import from 'mentorship/solver'", () => {
  it('resolves through package.json exports and solves the README example', () => {
    const script = `
      import { solveAssignment } from 'mentorship/solver';
      const r = solveAssignment({ students: 3, mentors: 2, capacity: [2, 1], scores: Float64Array.from([80, 60, 75, -Infinity, 50, 90]) });
      console.log(JSON.stringify({ mentorOf: [...r.mentorOf], matched: r.matched, totalScore: r.totalScore, typed: r.mentorOf instanceof Int32Array }));
    `;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: REPO, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ mentorOf: [0, 0, 1], matched: 3, totalScore: 245, typed: true });
  });
});

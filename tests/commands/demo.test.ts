// The demo handler in this process: its steps run through main() into their own buffers, and it
// returns one Outcome for the whole year (the figures read from each step's --json envelope).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/commands/demo/index.js';
import { UsageError } from '../../src/errors.js';
import { tempDir } from '../helpers/cli.js';
import { testContext } from '../helpers/context.js';

describe('demo handler', () => {
  it('refuses --dry-run and a folder that is not empty, creating nothing', async () => {
    const parent = tempDir('mentorship-demo-');
    await expect(run(testContext(parent, { opts: { dryRun: true } }).ctx, 'year')).rejects.toThrow(UsageError);
    expect(fs.existsSync(path.join(parent, 'year'))).toBe(false);
    fs.mkdirSync(path.join(parent, 'busy'));
    fs.writeFileSync(path.join(parent, 'busy', 'mine.txt'), 'keep me');
    await expect(run(testContext(parent).ctx, 'busy')).rejects.toThrow(/exists and is not empty/);
    expect(fs.readdirSync(path.join(parent, 'busy'))).toEqual(['mine.txt']);
  });

  it('returns every step with its figure, the files to open, and the year\'s changes; it printed nothing itself', async () => {
    const parent = tempDir('mentorship-demo-');
    const t = testContext(parent);
    const o = await run(t.ctx, 'year');
    const dir = path.join(parent, 'year');
    expect(o.result.workspace).toBe(dir);
    expect(o.result.steps.length).toBeGreaterThan(20);
    // Every figure came from its step's result: none is missing ('?') or a bare 'done'.
    expect(o.result.steps.filter((s) => /\?/.test(s.figure) || s.figure === 'done')).toEqual([]);
    expect(o.result.steps.find((s) => s.step === 'export the permitted profiles')?.figure).toBe("149 pairs, each side's permitted fields");
    expect(o.result.steps.find((s) => s.step === 'report the programme')?.figure).toMatch(/^match rate \d+%, \d+ meetings held, \d+ chases$/);
    expect(o.result.open).toContain(path.join(dir, 'out/reports/programme.html'));
    expect(o.changes).toEqual(expect.arrayContaining([{ path: 'out/reports/programme.html', action: 'create', bytes: expect.any(Number) }]));
    expect(o.text?.split('\n')[0]).toMatch(/^ 1\. 2025-11-03 {2}create the workspace {2,}2025-26 workspace in /);
    expect(o.text).toMatch(/\nTry: mentorship status --workspace year$/);
    expect(t.stdout()).toBe('');
    // The steps' own output went to their buffers: only the demo's opening line reached stderr.
    expect(t.stderr().trim().split('\n')).toEqual([expect.stringMatching(/^Running a whole programme year/)]);
  }, 120_000);
});

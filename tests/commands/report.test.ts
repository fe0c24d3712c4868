// The report handlers in this process: what they return (result, changes, messages), not what they print.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run as supply } from '../../src/commands/report/supply.js';
import { run as chase } from '../../src/commands/report/chase.js';
import { run as feedback } from '../../src/commands/report/feedback.js';
import { run as programme } from '../../src/commands/report/programme.js';
import { UsageError } from '../../src/errors.js';
import { defaultScheme } from '../../src/core/scheme/defaults.js';
import { snapshot } from '../helpers/cli.js';
import { testContext } from '../helpers/context.js';
import { keyCount, nonCamelKeys } from '../helpers/json-keys.js';
import { smallCohort } from '../core/followup/builders.js';
import { writeWorkspace } from '../core/policy/builders.js';

function workspace(order: 'DMY' | 'MDY' = 'DMY'): string {
  const { files } = smallCohort();
  // Hélène's February away, written the way every scheme reads it.
  const mentors = files['data/mentors.csv']!.replace('01/02/2026 - 28/02/2026', '2026-02-01 to 2026-02-28');
  return writeWorkspace({ ...files, 'data/mentors.csv': mentors }, { ...defaultScheme(), date_order: order });
}
const texts = (o: { messages?: readonly { text: string }[] }) => (o.messages ?? []).map((m) => m.text);

describe('report supply handler', () => {
  it('returns the counts, the tables as text and the files it wrote', async () => {
    const dir = workspace();
    const t = testContext(dir);
    const o = await supply(t.ctx, {});
    expect(o.result).toMatchObject({ students: 4, mentors: 2, files: ['out/reports/supply.csv', 'out/reports/supply.xlsx'] });
    expect(o.result.rows.find((r) => r.kind === 'sector' && r.value === 'Consulting')).toMatchObject({ students: 4, places: 6 });
    expect(o.dryRun).toBe(false);
    expect(o.changes?.map((c) => [c.path, c.action])).toEqual([['out/reports/supply.csv', 'create'], ['out/reports/supply.xlsx', 'create']]);
    expect(o.text).toMatch(/^sector\s+students\s+mentors\s+places\s+shortfall\n/);
    expect(o.text).toMatch(/\n\nsupport area\s+students/);
    expect(texts(o)).toEqual(['4 students; 2 available mentors offering 6 places.', 'Written: out/reports/supply.csv, out/reports/supply.xlsx']);
    expect(nonCamelKeys(o.result)).toEqual([]);
    expect(fs.existsSync(path.join(dir, 'out/reports/supply.xlsx'))).toBe(true);
    expect(t.stdout()).toBe('');
  });

  it('a dry run returns the same plan, says nothing was written, and leaves every byte as it was', async () => {
    const dir = workspace();
    const before = snapshot(dir);
    const o = await supply(testContext(dir, { opts: { dryRun: true } }).ctx, {});
    expect(o.dryRun).toBe(true);
    expect(o.changes?.filter((c) => c.action === 'create')).toHaveLength(2);
    expect(texts(o).some((m) => m.startsWith('Written'))).toBe(false);
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('report chase handler', () => {
  it('returns the chase report in camelCase, the summary as a message, and reads --as-of in the scheme date order', async () => {
    for (const [order, typed] of [['DMY', '08/02/2026'], ['MDY', '02/08/2026'], ['DMY', '2026-02-08']] as const) {
      const t = testContext(workspace(order), { today: '2026-03-01' });
      const o = await chase(t.ctx, { asOf: typed });
      expect(o.result.asOf, `${order} ${typed}`).toBe('2026-02-08');
      expect(o.result.toChase.map((c) => c.studentEmail).sort()).toEqual(['jose.alvarez@lse.ac.uk', 'sam.taylor@lse.ac.uk', 'zoe.obrien@lse.ac.uk']);
      expect(keyCount(o.result.pairs)).toBeGreaterThan(40);
      expect(nonCamelKeys(o.result)).toEqual([]);
      expect(o.text).toMatch(/chase\s+sam\.taylor@lse\.ac\.uk\s+bjorn\.akesson@example\.net\s+0\/2/);
      expect(texts(o)[0]).toMatch(/^As of 2026-02-08: 3 active pairs; 0 on track, 3 overdue; chase 3 students and 0 mentors/);
      expect(texts(o)).toContain('Draft the chases with: mentorship emails chase --as-of 2026-02-08 (add --record when you send them)');
      expect(o.changes?.map((c) => c.path)).toEqual(['out/reports/chase.csv', 'out/reports/chase.xlsx']);
      expect(t.stdout()).toBe('');
    }
  });

  it('refuses a date that is not one in the scheme order, writing nothing', async () => {
    const dir = workspace('MDY');
    const before = snapshot(dir);
    await expect(chase(testContext(dir).ctx, { asOf: '13/02/2026' })).rejects.toThrow(UsageError);
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('report feedback handler', () => {
  it('with no answers yet, says how to import them; an unknown survey is a usage error', async () => {
    const dir = workspace();
    const o = await feedback(testContext(dir).ctx, {});
    expect(o.result.surveys).toEqual([]);
    expect(o.text).toBe('No feedback yet: mentorship import feedback --survey NAME FILE\n');
    expect(o.result.files).toEqual(['out/reports/feedback.csv', 'out/reports/feedback.xlsx']);
    await expect(feedback(testContext(dir).ctx, { survey: 'final' })).rejects.toThrow(/no answers to a survey "final" yet/);
  });
});

describe('report programme handler', () => {
  it('returns the figures in camelCase (aggregates.json keeps its own keys) and the HTML page among the files', async () => {
    const dir = workspace();
    const t = testContext(dir, { today: '2026-05-20' });
    const o = await programme(t.ctx, {});
    expect(o.result.figures?.matching).toMatchObject({ matchedStudents: 3, pairs: 3, withdrawn: 1 });
    expect(o.result.purgedOn).toBeNull();
    expect(keyCount(o.result)).toBeGreaterThan(30);
    expect(nonCamelKeys(o.result)).toEqual([]);
    expect(o.result.files).toContain('out/reports/programme.html');
    expect(o.changes?.map((c) => c.path)).toEqual(expect.arrayContaining(['data/aggregates.json', 'out/reports/programme.html']));
    expect(texts(o).at(-1)).toMatch(/^Written: .*out\/reports\/programme\.html {2}\(open programme\.html in a browser for the charts\)$/);
    expect(o.text).toMatch(/matched\s+3 students \(75%\), 3 pairs/);
    const kept = JSON.parse(fs.readFileSync(path.join(dir, 'data/aggregates.json'), 'utf8'));
    expect(JSON.stringify(kept)).toContain('"matched_students":3');
    expect(t.stdout()).toBe('');
  });
});

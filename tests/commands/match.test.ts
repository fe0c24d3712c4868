// The match handler in this process: what it returns (result, changes, messages), not what it prints.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ExplainResult, type MatchResult, run } from '../../src/commands/match/index.js';
import type { Outcome } from '../../src/outcome.js';
import { makeWorkspace, snapshot } from '../helpers/cli.js';
import { testContext } from '../helpers/context.js';
import { keyCount, nonCamelKeys } from '../helpers/json-keys.js';
import { dataFiles, mentor, student } from '../core/policy/builders.js';

const zoe = student({});
const sam = student({ email: 'sam.taylor@lse.ac.uk', name: 'Sam Taylor' });
const ann = mentor({ capacity: 1 });
const workspace = () => makeWorkspace(dataFiles([zoe, sam], [ann], []));

describe('match handler', () => {
  it('returns the summary in camelCase (the reasons counted as a list), the files it wrote and what to do next', async () => {
    const dir = workspace();
    const t = testContext(dir);
    const o = (await run(t.ctx, {})) as Outcome<MatchResult>;
    // Ann has one place: one student proposed, the other unmatched because she is full.
    expect(o.result).toMatchObject({ pool: 2, fixed: 0, matched: 1, unmatched: 1, fair: false, endedUnresponsive: [], files: ['out/match-review.xlsx', 'data/matches.csv'] });
    expect(o.result.unmatchedBy).toEqual([
      { reason: 'no-eligible-mentor', students: 0 },
      { reason: 'mentors-full', students: 1 },
      { reason: 'below-min-score', students: 0 },
    ]);
    expect(o.result.unmatchedStudents).toEqual([expect.objectContaining({ reason: 'mentors-full' })]);
    expect(keyCount(o.result)).toBeGreaterThan(15);
    expect(nonCamelKeys(o.result)).toEqual([]);
    expect(o.dryRun).toBe(false);
    expect(o.changes?.map((c) => c.path)).toEqual(expect.arrayContaining(['out/match-review.xlsx', 'data/matches.csv', 'data/audit.jsonl']));
    expect(o.text).toBeUndefined();
    const said = o.messages?.map((m) => m.text) ?? [];
    expect(said[0]).toBe('1 of 2 student(s) proposed a mentor.');
    expect(said).toContain('1 unmatched: 1 whose eligible mentors are all full (reasons in the Unmatched sheet).');
    expect(said.at(-1)).toMatch(/^Review out\/match-review\.xlsx .* then: mentorship confirm out\/match-review\.xlsx/);
    expect(fs.existsSync(path.join(dir, 'out/match-review.xlsx'))).toBe(true);
    expect(t.stdout()).toBe('');
  });

  it('a dry run returns the same plan, without the review hint, and leaves every byte as it was', async () => {
    const dir = workspace();
    const before = snapshot(dir);
    const o = (await run(testContext(dir, { opts: { dryRun: true } }).ctx, { fair: true })) as Outcome<MatchResult>;
    expect(o.dryRun).toBe(true);
    expect(o.result).toMatchObject({ matched: 1, fair: true });
    expect(o.messages?.[0]?.text).toBe('1 of 2 student(s) proposed a mentor (--fair).');
    expect(o.messages?.some((m) => m.text.startsWith('Review '))).toBe(false);
    expect(o.changes?.filter((c) => c.action !== 'unchanged').map((c) => c.path)).toEqual(expect.arrayContaining(['out/match-review.xlsx', 'data/matches.csv']));
    expect(snapshot(dir)).toEqual(before);
  });

  it('--explain returns the explanation in camelCase, as text too, and writes nothing', async () => {
    const dir = workspace();
    const before = snapshot(dir);
    const t = testContext(dir);
    const o = (await run(t.ctx, { explain: sam.email.toUpperCase() })) as Outcome<ExplainResult>;
    expect(o.result).toMatchObject({ studentEmail: sam.email, studentName: 'Sam Taylor' });
    expect(['proposed', 'unmatched']).toContain(o.result.status);
    const scored = [...(o.result.mentor ? [o.result.mentor] : []), ...o.result.options];
    expect(scored.length).toBeGreaterThan(0);
    expect(scored[0]).toHaveProperty('sharedSectors');
    expect(nonCamelKeys(o.result)).toEqual([]);
    expect(o.changes).toBeUndefined();
    expect(o.dryRun).toBeUndefined();
    expect(o.text).toMatch(/^Sam Taylor <sam\.taylor@lse\.ac\.uk>: (proposed|unmatched)/);
    expect(t.stdout()).toBe('');
    expect(snapshot(dir)).toEqual(before);
  });
});

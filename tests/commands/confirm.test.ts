// The confirm handler in this process (a review sheet, --all, --completed): what it returns, not what it prints.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Completed, type Confirmed, run } from '../../src/commands/confirm/index.js';
import { UsageError } from '../../src/errors.js';
import type { Outcome } from '../../src/outcome.js';
import { makeWorkspace, snapshot } from '../helpers/cli.js';
import { testContext } from '../helpers/context.js';
import { keyCount, nonCamelKeys } from '../helpers/json-keys.js';
import { confirmed, dataFiles, mentor, student } from '../core/policy/builders.js';

const zoe = student({});
const sam = student({ email: 'sam.taylor@lse.ac.uk', name: 'Sam Taylor' });
const ann = mentor({});
const raj = mentor({ email: 'raj@alumni.example.org', name: 'Raj Patel' });
const proposed = (extra: Record<string, string> = {}) =>
  makeWorkspace({ ...dataFiles([zoe, sam], [ann, raj], [confirmed(zoe, ann, 'proposed'), confirmed(sam, raj, 'proposed')]), ...extra });
const matchesCsv = (dir: string) => fs.readFileSync(path.join(dir, 'data/matches.csv'), 'utf8');

describe('confirm handler', () => {
  it('--all returns the counts in camelCase, the files it wrote and the next step', async () => {
    const dir = proposed();
    const t = testContext(dir);
    const o = (await run(t.ctx, undefined, { all: true })) as Outcome<Confirmed>;
    expect(o.result).toEqual({ source: '--all', approved: 2, rejected: 0, reassigned: [], already: 0, undecided: 0 });
    expect(o.dryRun).toBe(false);
    expect(o.changes?.map((c) => c.path)).toEqual(expect.arrayContaining(['data/matches.csv', 'data/audit.jsonl']));
    expect(o.text).toBeUndefined();
    expect(o.messages?.map((m) => m.text)).toEqual([
      '--all: 2 approved, 0 rejected, 0 reassigned; 0 proposal(s) still waiting for a decision.',
      'Next: mentorship export, then mentorship emails intro.',
    ]);
    expect(matchesCsv(dir)).toMatch(/zoe\.obrien@lse\.ac\.uk,ann\.lee@alumni\.example\.org,confirmed/);
    expect(t.stdout()).toBe('');
  });

  it('a dry run returns the same counts, no next step, and leaves every byte as it was', async () => {
    const dir = proposed();
    const before = snapshot(dir);
    const o = (await run(testContext(dir, { opts: { dryRun: true } }).ctx, undefined, { all: true })) as Outcome<Confirmed>;
    expect(o.dryRun).toBe(true);
    expect(o.result.approved).toBe(2);
    expect(o.messages).toHaveLength(1);
    expect(o.changes?.filter((c) => c.action !== 'unchanged').map((c) => c.path)).toEqual(expect.arrayContaining(['data/matches.csv', 'data/audit.jsonl']));
    expect(snapshot(dir)).toEqual(before);
  });

  it('applies a reviewed sheet: approve, and reject (which becomes an exclusion)', async () => {
    const sheet = ['decision,student_email,mentor_email', `approve,${zoe.email},${ann.email}`, `reject,${sam.email},${raj.email}`, ''].join('\r\n');
    const dir = proposed({ 'reviewed.csv': sheet });
    const t = testContext(dir);
    const o = (await run(t.ctx, 'reviewed.csv', {})) as Outcome<Confirmed>;
    expect(o.result).toMatchObject({ source: 'reviewed.csv', approved: 1, rejected: 1, undecided: 0 });
    expect(keyCount(o.result)).toBeGreaterThan(5);
    expect(nonCamelKeys(o.result)).toEqual([]);
    expect(o.changes?.map((c) => c.path)).toEqual(expect.arrayContaining(['data/matches.csv', 'data/exclusions.csv']));
    expect(o.messages?.at(-1)?.text).toMatch(/^Rejected pairs are in data\/exclusions\.csv/);
    expect(t.stdout()).toBe('');
  });

  it('a sheet without decisions writes nothing and returns a warning', async () => {
    const dir = proposed({ 'reviewed.csv': `decision,student_email,mentor_email\r\n,${zoe.email},${ann.email}\r\n` });
    const before = snapshot(dir);
    const o = (await run(testContext(dir).ctx, 'reviewed.csv', {})) as Outcome<Confirmed>;
    expect(o.result).toMatchObject({ approved: 0, rejected: 0, undecided: 2 });
    expect(o.messages).toEqual([{ level: 'warning', text: expect.stringMatching(/^reviewed\.csv: no decisions found/) }]);
    expect(o.changes?.filter((c) => c.action !== 'unchanged')).toEqual([]);
    expect(snapshot(dir)).toEqual(before);
  });

  it('--completed, after the programme ends, completes the confirmed pairs; before it, a usage error', async () => {
    const dir = makeWorkspace(dataFiles([zoe, sam], [ann, raj], [confirmed(zoe, ann), confirmed(sam, raj)]));
    await expect(run(testContext(dir, { today: '2026-04-30' }).ctx, undefined, { completed: true })).rejects.toThrow(UsageError);
    const before = snapshot(dir);
    const dry = (await run(testContext(dir, { today: '2026-05-02', opts: { dryRun: true } }).ctx, undefined, { completed: true })) as Outcome<Completed>;
    expect(dry).toMatchObject({ result: { completed: 2 }, dryRun: true, messages: [{ level: 'info', text: '2 pair(s) would be completed in data/matches.csv.' }] });
    expect(snapshot(dir)).toEqual(before);
    const t = testContext(dir, { today: '2026-05-02' });
    const o = (await run(t.ctx, undefined, { completed: true })) as Outcome<Completed>;
    expect(o.result).toEqual({ completed: 2 });
    expect(o.changes?.map((c) => c.path)).toEqual(expect.arrayContaining(['data/matches.csv', 'data/audit.jsonl']));
    expect(o.messages?.map((m) => m.text)).toEqual(['2 pair(s) are now completed in data/matches.csv.', expect.stringMatching(/^Next: mentorship emails feedback/)]);
    expect(matchesCsv(dir).match(/,completed,/g)).toHaveLength(2);
    expect(t.stdout()).toBe('');
  });

  it('refuses a sheet and --all together, and --completed with either', async () => {
    const dir = proposed();
    await expect(run(testContext(dir).ctx, 'x.csv', { all: true })).rejects.toThrow(/give a review sheet or --all, not both/);
    await expect(run(testContext(dir).ctx, undefined, { all: true, completed: true })).rejects.toThrow(/--completed takes no review sheet and no --all/);
  });
});

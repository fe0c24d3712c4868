// The emails handlers (intro, chase, feedback) in this process: what they return, not what they print.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run as chase } from '../../src/commands/emails/chase.js';
import { run as feedback } from '../../src/commands/emails/feedback.js';
import { run as intro } from '../../src/commands/emails/intro.js';
import { makeWorkspace, setSurveyLinks, snapshot } from '../helpers/cli.js';
import { testContext } from '../helpers/context.js';
import { keyCount, nonCamelKeys } from '../helpers/json-keys.js';
import { confirmed, dataFiles, mentor, student } from '../core/policy/builders.js';
import { smallCohort } from '../core/followup/builders.js';

const zoe = student({});
const sam = student({ email: 'sam.taylor@lse.ac.uk', name: 'Sam Taylor' });
const ann = mentor({});
const raj = mentor({ email: 'raj@alumni.example.org', name: 'Raj Patel' });
const pairs = () => makeWorkspace(dataFiles([zoe, sam], [ann, raj], [confirmed(zoe, ann), confirmed(sam, raj)]));

const SAM = 'sam.taylor@lse.ac.uk';
const BJORN = 'bjorn.akesson@example.net';

describe('emails intro handler', () => {
  it('returns the drafts (camelCase, index.csv columns as a list), the files and what to do next', async () => {
    const dir = pairs();
    const t = testContext(dir);
    const o = await intro(t.ctx, {});
    expect(o.result).toMatchObject({ pairs: 2, added: 4, kept: 0, removedPairs: 0, noticesAdded: 0, recorded: 0, folder: 'out/emails/intro' });
    expect(o.result.drafts.map((d) => d.recipientEmail).sort()).toEqual([ann.email, raj.email, SAM, zoe.email].sort());
    expect(o.result.drafts[0]!.extra).toEqual([{ header: 'New in this run', value: 'yes' }, { header: 'Recorded as sent', value: '' }]);
    expect(keyCount(o.result)).toBeGreaterThan(20);
    expect(nonCamelKeys(o.result)).toEqual([]);
    expect(o.dryRun).toBe(false);
    expect(o.changes?.map((c) => c.path)).toEqual(expect.arrayContaining(['out/emails/intro/index.csv', 'data/audit.jsonl']));
    expect(o.text?.split('\n')).toHaveLength(4);
    expect(o.text).toContain(`<${SAM}>`);
    expect(o.messages?.map((m) => m.text)).toEqual([
      expect.stringMatching(/^Wrote 4 new introduction drafts in out\/emails\/intro\/ \(0 from earlier runs/),
      'Not recorded as sent: when you have sent them, run mentorship emails intro --record',
    ]);
    expect(fs.existsSync(path.join(dir, 'out/emails/intro/index.csv'))).toBe(true);
    expect(t.stdout()).toBe('');

    // The second run keeps every draft and lists none as new.
    const again = await intro(testContext(dir).ctx, { record: true });
    expect(again.result).toMatchObject({ added: 0, kept: 4, recorded: 2 });
    expect(again.text).toBe('');
    expect(again.messages?.at(-1)?.text).toMatch(/^Recorded 2 introductions and notices as sent/);
  });

  it('a dry run returns the same plan and leaves every byte as it was', async () => {
    const dir = pairs();
    const before = snapshot(dir);
    const o = await intro(testContext(dir, { opts: { dryRun: true } }).ctx, { record: true });
    expect(o.dryRun).toBe(true);
    expect(o.result.added).toBe(4);
    expect(o.messages?.[0]?.text).toMatch(/^Would write 4 new introduction drafts/);
    expect(o.messages?.at(-1)?.text).toMatch(/^Would record 2 introductions/);
    expect(o.changes?.filter((c) => c.action === 'create').length).toBeGreaterThan(4);
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('emails chase handler', () => {
  it('returns whom it drafted for, in camelCase, and records only with --record', async () => {
    const dir = makeWorkspace(smallCohort().files);
    const t = testContext(dir, { today: '2026-02-08' });
    const o = await chase(t.ctx, { asOf: '08/02/2026', record: true });
    // Nobody has reported a meeting: the three students of the cohort's active pairs are overdue.
    expect(o.result).toMatchObject({ asOf: '2026-02-08', recorded: 3, folder: 'out/emails/chase', withdraw: [], rematch: [] });
    expect(o.result.toChase).toHaveLength(3);
    expect(o.result.toChase).toContainEqual(expect.objectContaining({ email: SAM, role: 'student', meeting: 1, previous: 0, studentEmail: SAM, mentorEmail: BJORN }));
    expect(o.result.drafts[0]!.extra.map((e) => e.header)).toEqual(['Meeting', 'Chased before', 'Reason']);
    expect(keyCount(o.result)).toBeGreaterThan(15);
    expect(nonCamelKeys(o.result)).toEqual([]);
    expect(o.changes?.map((c) => c.path)).toEqual(expect.arrayContaining(['data/chases.csv', 'out/emails/chase/index.csv']));
    expect(o.text?.split('\n')).toHaveLength(3);
    expect(o.text).toMatch(/^student Samuel Taylorson <sam\.taylor@lse\.ac\.uk>  First reminder/m);
    expect(o.messages?.map((m) => m.text)).toEqual([
      'As of 2026-02-08: 3 active pairs; 0 on track, 3 overdue; chase 3 students and 0 mentors; 0 chased in the last week; 0 to withdraw.',
      'Wrote 3 chase draft(s) in out/emails/chase/ and recorded 3 chase(s) in data/chases.csv.',
    ]);
    expect(fs.readFileSync(path.join(dir, 'data/chases.csv'), 'utf8')).toContain(SAM);
    expect(t.stdout()).toBe('');
  });

  it('a dry run leaves every byte as it was; nobody due writes nothing new and says so', async () => {
    const dir = makeWorkspace(smallCohort().files);
    const before = snapshot(dir);
    const dry = await chase(testContext(dir, { today: '2026-02-08', opts: { dryRun: true } }).ctx, { record: true });
    expect(dry.dryRun).toBe(true);
    expect(dry.messages?.at(-1)?.text).toBe('Would write 3 chase draft(s) in out/emails/chase/ and record them in data/chases.csv.');
    expect(snapshot(dir)).toEqual(before);
    const early = await chase(testContext(dir, { today: '2025-12-01' }).ctx, {});
    expect(early.result.drafts).toEqual([]);
    expect(early.text).toBe('');
    expect(early.messages?.at(-1)?.text).toBe('No chase drafts written: nobody is due a chase.');
  });
});

describe('emails feedback handler', () => {
  it('returns one draft per participant and says which survey it used', async () => {
    const dir = makeWorkspace(smallCohort().files);
    setSurveyLinks(dir);
    const t = testContext(dir, { today: '2026-02-10' });
    const o = await feedback(t.ctx, {});
    expect(o.result).toMatchObject({ survey: 'midway', defaulted: true, folder: 'out/emails/feedback' });
    expect(o.result.drafts).toHaveLength(5);
    expect(nonCamelKeys(o.result)).toEqual([]);
    expect(o.text).toBeUndefined();
    expect(o.messages?.map((m) => m.text)).toEqual([
      expect.stringMatching(/^No --survey given: using "midway"/),
      expect.stringMatching(/^Wrote 5 feedback request drafts \(3 students, 2 mentors\)/),
    ]);
    expect(o.changes?.map((c) => c.path)).toContain('out/emails/feedback/index.csv');
    expect(t.stdout()).toBe('');
  });

  it('a dry run leaves every byte as it was', async () => {
    const dir = makeWorkspace(smallCohort().files);
    setSurveyLinks(dir);
    const before = snapshot(dir);
    const o = await feedback(testContext(dir, { opts: { dryRun: true } }).ctx, { survey: 'final' });
    expect(o.dryRun).toBe(true);
    expect(o.messages?.[0]?.text).toMatch(/^Would write 5 feedback request drafts/);
    expect(snapshot(dir)).toEqual(before);
  });
});

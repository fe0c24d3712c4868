// The withdraw handler in this process: what it returns (result, changes, messages), not what it prints.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/commands/withdraw/index.js';
import { DataError, UsageError } from '../../src/errors.js';
import { makeWorkspace, snapshot } from '../helpers/cli.js';
import { testContext } from '../helpers/context.js';
import { keyCount, nonCamelKeys } from '../helpers/json-keys.js';
import { confirmed, dataFiles, mentor, student } from '../core/policy/builders.js';

const zoe = student({});
const sam = student({ email: 'sam.taylor@lse.ac.uk', name: 'Sam Taylor' });
const ann = mentor({});
const workspace = () => makeWorkspace(dataFiles([zoe, sam], [ann], [confirmed(zoe, ann), confirmed(sam, ann, 'proposed')]));

describe('withdraw handler', () => {
  it("a student's withdrawal returns the pair it ended (camelCase), the files and what to do next", async () => {
    const dir = workspace();
    const t = testContext(dir);
    const o = await run(t.ctx, ` ${zoe.email.toUpperCase()} `, { reason: 'moved abroad' });
    expect(o.result).toEqual({
      email: zoe.email, side: 'student', reason: 'student left: moved abroad',
      pairs: [{ studentEmail: zoe.email, mentorEmail: ann.email, was: 'confirmed' }],
    });
    expect(keyCount(o.result)).toBeGreaterThan(5);
    expect(nonCamelKeys(o.result)).toEqual([]);
    expect(o.dryRun).toBe(false);
    expect(o.changes?.map((c) => c.path)).toEqual(expect.arrayContaining(['data/matches.csv', 'data/audit.jsonl']));
    expect(o.text).toBeUndefined();
    expect(o.messages?.map((m) => m.text)).toEqual([
      `withdrawn: ${zoe.email} and ${ann.email} (was confirmed); reason: student left: moved abroad`,
      `The mentor's place is free again; ${zoe.email} will not be proposed again. Run mentorship match to offer the place to an unmatched student.`,
      'mentorship emails intro drafts the withdrawal notices to both sides (and removes the unsent introductions of the pair).',
    ]);
    expect(fs.readFileSync(path.join(dir, 'data/matches.csv'), 'utf8')).toMatch(/zoe\.obrien@lse\.ac\.uk,ann\.lee@alumni\.example\.org,withdrawn/);
    expect(t.stdout()).toBe('');
  });

  it("a mentor's withdrawal ends all their pairs; a dry run leaves every byte as it was", async () => {
    const dir = workspace();
    const before = snapshot(dir);
    const o = await run(testContext(dir, { opts: { dryRun: true } }).ctx, ann.email, {});
    expect(o.dryRun).toBe(true);
    expect(o.result).toMatchObject({ side: 'mentor', reason: 'mentor left the scheme' });
    expect(o.result.pairs.map((p) => [p.studentEmail, p.was])).toEqual([[zoe.email, 'confirmed'], [sam.email, 'proposed']]);
    expect(o.messages?.[2]?.text).toMatch(/their student\(s\) go back to the pool/);
    expect(o.changes?.filter((c) => c.action !== 'unchanged').map((c) => c.path)).toEqual(expect.arrayContaining(['data/matches.csv']));
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses what is not an email (usage) and an unknown person (data), writing nothing', async () => {
    const dir = workspace();
    const before = snapshot(dir);
    await expect(run(testContext(dir).ctx, 'not-an-email', {})).rejects.toThrow(UsageError);
    await expect(run(testContext(dir).ctx, 'ghost@uni.ac.uk', {})).rejects.toThrow(DataError);
    expect(snapshot(dir)).toEqual(before);
  });
});

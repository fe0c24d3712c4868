// The log handler in this process: what it returns, and DATE read in the scheme's date order.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/commands/log/index.js';
import { defaultScheme } from '../../src/core/scheme/defaults.js';
import { UsageError } from '../../src/errors.js';
import { snapshot } from '../helpers/cli.js';
import { testContext } from '../helpers/context.js';
import { keyCount, nonCamelKeys } from '../helpers/json-keys.js';
import { writeWorkspace } from '../core/policy/builders.js';
import { smallCohort } from '../core/followup/builders.js';

const SAM = 'sam.taylor@lse.ac.uk';
const BJORN = 'bjorn.akesson@example.net';
const AT = { today: '2026-02-01' };
const usUniversity = () => ({ ...defaultScheme(), date_order: 'MDY' });
/** The small cohort, its one day-first date (Hélène's time away) written as ISO, which every scheme reads. */
const isoCohort = () => {
  const files = smallCohort().files;
  return { ...files, 'data/mentors.csv': files['data/mentors.csv']!.replace('01/02/2026 - 28/02/2026', '2026-02-01 to 2026-02-28') };
};

describe('log handler', () => {
  it('log meeting: the pair, the date, camelCase keys, the files written, and nothing printed', async () => {
    const dir = writeWorkspace(smallCohort().files);
    const t = testContext(dir, AT);
    const o = await run(t.ctx, 'meeting', SAM, '1', '28/01/2026');
    expect(o.result).toEqual({ what: 'meeting', studentEmail: SAM, mentorEmail: BJORN, meeting: 1, date: '2026-01-28', outcome: 'recorded', kept: '2026-01-28' });
    expect(keyCount(o.result)).toBe(7);
    expect(nonCamelKeys(o.result)).toEqual([]);
    expect(o.changes?.map((c) => c.path)).toEqual(expect.arrayContaining(['data/meetings.csv', 'data/audit.jsonl']));
    expect(o.messages).toEqual([{ level: 'info', text: `Recorded meeting 1 of ${SAM} and ${BJORN} on 2026-01-28.` }]);
    expect(fs.readFileSync(path.join(dir, 'data/meetings.csv'), 'utf8')).toContain(`${SAM},${BJORN},1,2026-01-28,log`);
    expect(t.stdout()).toBe('');
    expect(t.stderr()).toBe('');
  });

  it('DATE follows the scheme date order: 01/28/2026 in a month-first scheme, and 28/01/2026 is no date there', async () => {
    const dir = writeWorkspace(isoCohort(), usUniversity());
    const o = await run(testContext(dir, AT).ctx, 'meeting', SAM, '1', '01/28/2026');
    expect(o.result.date).toBe('2026-01-28');
    const err = await run(testContext(dir, AT).ctx, 'meeting', SAM, '2', '28/01/2026').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as UsageError).message).toBe('DATE "28/01/2026" is not a date');
    expect((err as UsageError).hint).toContain('mm/dd/yyyy');
  });

  it('in a day-first scheme, 03/01/2026 is 3 January', async () => {
    const dir = writeWorkspace(smallCohort().files);
    const o = await run(testContext(dir, AT).ctx, 'no-response', SAM, '1', '03/01/2026');
    expect(o.result).toMatchObject({ what: 'no-response', date: '2026-01-03', outcome: 'recorded' });
    expect(o.changes?.map((c) => c.path)).toContain('data/no-response.csv');
  });

  it('a dry run returns the same result and leaves every byte as it was', async () => {
    const dir = writeWorkspace(smallCohort().files);
    const before = snapshot(dir);
    const o = await run(testContext(dir, { ...AT, opts: { dryRun: true } }).ctx, 'meeting', SAM, '1', '2026-01-28');
    expect(o).toMatchObject({ dryRun: true, result: { outcome: 'recorded', date: '2026-01-28' } });
    expect(o.changes?.find((c) => c.path === 'data/meetings.csv')?.action).toBe('create');
    expect(snapshot(dir)).toEqual(before);
  });
});

// The purge handler in this process: --before in the scheme's date order, the plan it returns, and
// what it deletes.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/commands/purge/index.js';
import { UsageError } from '../../src/errors.js';
import { defaultScheme } from '../../src/core/scheme/defaults.js';
import { snapshot } from '../helpers/cli.js';
import { testContext } from '../helpers/context.js';
import { nonCamelKeys } from '../helpers/json-keys.js';
import { smallCohort } from '../core/followup/builders.js';
import { writeWorkspace } from '../core/policy/builders.js';

function workspace(order: 'DMY' | 'MDY'): string {
  const { files } = smallCohort();
  const mentors = files['data/mentors.csv']!.replace('01/02/2026 - 28/02/2026', '2026-02-01 to 2026-02-28');
  return writeWorkspace({ ...files, 'data/mentors.csv': mentors }, { ...defaultScheme(), date_order: order });
}
const at = (dir: string, dryRun = false) => testContext(dir, { today: '2026-06-02', opts: { dryRun } });

describe('purge handler', () => {
  it('reads --before in the scheme date order: 06/01/2026 is 1 June in a US scheme, 6 January in a UK one', async () => {
    const us = workspace('MDY');
    const due = await run(at(us, true).ctx, { before: '06/01/2026' });
    expect(due.result).toMatchObject({ due: true, people: 6 });
    const uk = workspace('DMY');
    const early = await run(at(uk, true).ctx, { before: '06/01/2026' });
    expect(early.result.due).toBe(false);
    expect(early.messages?.[0]?.text).toMatch(/^Nothing to purge: /);
    const refused = await run(at(us, true).ctx, { before: '13/06/2026' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(UsageError);
    expect((refused as UsageError).hint).toMatch(/^write it as YYYY-MM-DD or mm\/dd\/yyyy/);
  });

  it('a dry run returns what it would delete and leaves every byte as it was', async () => {
    const dir = workspace('DMY');
    const before = snapshot(dir);
    const t = at(dir, true);
    const o = await run(t.ctx, { before: '01/06/2026' });
    expect(o.dryRun).toBe(true);
    // The messages name each folder once; the renderer does not list every file too (unless --verbose).
    expect(o.listChanges).toBe(false);
    expect(o.result.removed).toEqual(expect.arrayContaining(['data/students.csv', 'data/mentors.csv', 'data/matches.csv']));
    expect(o.changes).toContainEqual({ path: 'data/students.csv', action: 'delete', bytes: 0 });
    expect(o.messages?.map((m) => m.text)).toEqual(expect.arrayContaining([expect.stringMatching(/^Would delete 3 file\(s\) holding the personal data of 6 people/), '  would delete data/students.csv']));
    expect(nonCamelKeys(o.result)).toEqual([]);
    expect(t.stdout()).toBe('');
    expect(snapshot(dir)).toEqual(before);
  });

  it('deletes the personal data, keeps the figures, and warns about files it did not make', async () => {
    const dir = workspace('DMY');
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'ring zoe.obrien@lse.ac.uk');
    const o = await run(at(dir).ctx, { before: '2026-06-01' });
    expect(o.result).toMatchObject({ due: true, aggregatesKept: true, unmanaged: ['notes.txt'] });
    expect(o.changes?.map((c) => c.path)).toEqual(expect.arrayContaining(['data/aggregates.json', 'data/audit.jsonl', 'data/students.csv']));
    expect(o.messages).toContainEqual({ level: 'warning', text: 'notes.txt mentions participants but was not made by mentorship: delete or edit it yourself' });
    expect(fs.existsSync(path.join(dir, 'data/students.csv'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'data/aggregates.json'))).toBe(true);
  });
});

// The export handler in this process: what it returns (result, changes, messages), not what it prints.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/commands/export/index.js';
import { makeWorkspace, snapshot } from '../helpers/cli.js';
import { testContext } from '../helpers/context.js';
import { confirmed, dataFiles, mentor, student } from '../core/policy/builders.js';

const zoe = student({});
const sam = student({ email: 'sam.taylor@lse.ac.uk', name: 'Sam Taylor', share_bio: false, bio: 'PRIVATE BIO' });
const ann = mentor({});
const raj = mentor({ email: 'raj@alumni.example.org', name: 'Raj Patel' });
const workspace = () => makeWorkspace(dataFiles([zoe, sam], [ann, raj], [confirmed(zoe, ann), confirmed(sam, raj)]));

describe('export handler', () => {
  it('returns the pairs, the fields each side receives, what consent withheld, and the files it wrote', async () => {
    const dir = workspace();
    const t = testContext(dir);
    const o = await run(t.ctx, {});
    expect(o.result.pairs).toBe(2);
    expect(o.result.withheld.toMentors).toContainEqual({ field: 'bio', people: 1 });
    expect(o.dryRun).toBe(false);
    expect(o.changes?.map((c) => c.path)).toEqual(expect.arrayContaining(['out/export/for-students.csv', 'out/export/for-mentors.xlsx', 'data/audit.jsonl']));
    expect(o.text?.split('\n')).toEqual(o.result.files);
    expect(o.messages?.[0]).toEqual({ level: 'info', text: 'Exported 2 confirmed pairs:' });
    expect(fs.existsSync(path.join(dir, 'out/export/for-students.csv'))).toBe(true);
    // The handler printed nothing itself: the renderer does.
    expect(t.stdout()).toBe('');
    // Sam did not consent to share his bio: it is in neither the result nor the mentors' file.
    expect(JSON.stringify(o)).not.toContain('PRIVATE BIO');
    expect(fs.readFileSync(path.join(dir, 'out/export/for-mentors.csv'), 'utf8')).not.toContain('PRIVATE BIO');
    expect(fs.readFileSync(path.join(dir, 'data/students.csv'), 'utf8')).toContain('PRIVATE BIO');
  });

  it('a dry run returns the same plan and leaves every byte as it was', async () => {
    const dir = workspace();
    const before = snapshot(dir);
    const o = await run(testContext(dir, { opts: { dryRun: true } }).ctx, {});
    expect(o.dryRun).toBe(true);
    expect(o.messages?.[0]?.text).toBe('Would export 2 confirmed pairs:');
    expect(o.changes?.filter((c) => c.action === 'create').length).toBeGreaterThan(0);
    expect(snapshot(dir)).toEqual(before);
  });
});

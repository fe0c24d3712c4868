// The status handler in this process: a result and its text, and no changes (it writes nothing).
import { describe, expect, it } from 'vitest';
import { run } from '../../src/commands/status/index.js';
import { snapshot } from '../helpers/cli.js';
import { testContext } from '../helpers/context.js';
import { keyCount, nonCamelKeys } from '../helpers/json-keys.js';
import { smallCohort } from '../core/followup/builders.js';
import { writeWorkspace } from '../core/policy/builders.js';

describe('status handler', () => {
  it('returns the counts with the workspace and scheme, the text, and no changes; it writes nothing', async () => {
    const dir = writeWorkspace(smallCohort().files);
    const before = snapshot(dir);
    const t = testContext(dir, { today: '2026-02-10' });
    const o = await run(t.ctx, {});
    expect(o.result).toMatchObject({ workspace: dir, scheme: 'EI Alumni Mentorship Programme 2025-26', students: 4, mentors: 2, stage: 'programme', pairs: { confirmed: 3, withdrawn: 1 } });
    expect(o.changes).toBeUndefined();
    expect(o.dryRun).toBeUndefined();
    expect(o.text).toMatch(/^EI Alumni Mentorship Programme 2025-26 {2}\(/);
    expect(o.text).toMatch(/\n {2}pairs {13}3 confirmed, 0 proposed, 1 withdrawn, 0 completed\n/);
    expect(keyCount(o.result)).toBeGreaterThan(15);
    expect(nonCamelKeys(o.result)).toEqual([]);
    expect(t.stdout()).toBe('');
    expect(snapshot(dir)).toEqual(before);
  });

  it('names a pair to re-match in camelCase', async () => {
    const { files } = smallCohort();
    // Sam's mentor was chased twice and did not answer: report chase flags the pair to re-match.
    const chases = ['email,role,date,meeting,reason', 'bjorn.akesson@example.net,mentor,2026-02-10,1,', 'bjorn.akesson@example.net,mentor,2026-03-10,1,'].join('\r\n');
    const noResponse = ['student_email,mentor_email,meeting,date', 'sam.taylor@lse.ac.uk,bjorn.akesson@example.net,1,2026-02-03'].join('\r\n');
    const dir = writeWorkspace({ ...files, 'data/chases.csv': chases, 'data/no-response.csv': noResponse });
    const o = await run(testContext(dir, { today: '2026-04-07' }).ctx, {});
    expect(o.result.rematch).toEqual([expect.objectContaining({ studentEmail: 'sam.taylor@lse.ac.uk', mentorEmail: 'bjorn.akesson@example.net' })]);
    expect(o.text).toContain('rematch           sam.taylor@lse.ac.uk (mentor bjorn.akesson@example.net did not answer)');
  });
});

// Many drafts are built by a worker thread and this one, taking chunks from one shared counter (the
// compiled CLI only). The bytes must be the same as building them all in the main thread.
import { describe, expect, it } from 'vitest';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO } from '../helpers/cli.js';

const dist = (rel: string) => pathToFileURL(path.join(REPO, 'dist', rel)).href;

describe('building .eml drafts in a worker', () => {
  it('gives exactly the bytes the main thread gives, in order', async () => {
    const { buildEmls } = (await import(dist('commands/eml-builder.js'))) as typeof import('../../src/commands/eml-builder.js');
    const { buildEml } = (await import(dist('core/email/eml.js'))) as typeof import('../../src/core/email/eml.js');
    const date = new Date('2025-12-08T09:00:00Z');
    const jobs = Array.from({ length: 1200 }, (_, i) => ({
      email: {
        to: [{ name: `Zoë O'Brien ${i}, Jr.`, address: `zoe${i}@lse.ac.uk` }],
        cc: [],
        subject: `Your mentor, ${i} – welcome`,
        text: `Dear Zoë,\n\nDraft ${i}.\n`,
        html: `<p>Dear Zoë,</p><p>Draft ${i}.</p>`,
      },
      opts: { from: 'EI Alumni Team <ei.alumni@lse.ac.uk>', date, key: `intro\n${i}` },
    }));
    const handed = new Map<number, Buffer>();
    let meanwhile = 0;
    const built = await buildEmls(jobs, {
      meanwhile: () => meanwhile++,
      built: (from, emls) => emls.forEach((eml, k) => {
        expect(handed.has(from + k)).toBe(false);
        handed.set(from + k, eml);
      }),
    });
    expect(built).toHaveLength(jobs.length);
    expect(meanwhile).toBe(1);
    // Every draft handed on exactly once, with its own bytes (chunks come in any order).
    expect([...handed.keys()].sort((a, b) => a - b)).toEqual(jobs.map((_, i) => i));
    expect([...handed].every(([i, eml]) => Buffer.compare(eml, built[i]!) === 0)).toBe(true);
    const alone = await buildEmls(jobs, { threads: false });
    expect(alone.every((b, i) => Buffer.compare(b, built[i]!) === 0)).toBe(true);
    for (const i of [0, 1, 599, 600, 601, 1199]) {
      const expected = await buildEml(jobs[i]!.email, jobs[i]!.opts);
      expect(Buffer.compare(built[i]!, expected), `draft ${i}`).toBe(0);
    }
    expect(Buffer.isBuffer(built[1199])).toBe(true);
  });

  it('fails, and does not hang, when a draft cannot be built in either thread', async () => {
    const { buildEmls } = (await import(dist('commands/eml-builder.js'))) as typeof import('../../src/commands/eml-builder.js');
    const date = new Date('2025-12-08T09:00:00Z');
    const good = (i: number) => ({
      email: { to: [{ name: `N ${i}`, address: `n${i}@lse.ac.uk` }], cc: [], subject: `S ${i}`, text: 'T', html: '<p>T</p>' },
      opts: { date, key: `k${i}` },
    });
    for (const broken of [0, 1199]) {
      const jobs = Array.from({ length: 1200 }, (_, i) => good(i));
      // A job with no message at all: buildEml throws wherever it runs.
      (jobs[broken] as unknown as { email: null }).email = null;
      await expect(buildEmls(jobs)).rejects.toThrow();
    }
  });
});

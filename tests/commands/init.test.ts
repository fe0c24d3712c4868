// The init handler in this process: the workspace it returns, the files it wrote (or would write).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/commands/init/index.js';
import { UsageError } from '../../src/errors.js';
import { listFiles, tempDir } from '../helpers/cli.js';
import { testContext } from '../helpers/context.js';
import { keyCount, nonCamelKeys } from '../helpers/json-keys.js';

describe('init handler', () => {
  it('returns the workspace, its year and the files it created, and prints nothing', async () => {
    const parent = tempDir();
    const t = testContext(parent, { today: '2026-12-04' });
    const o = await run(t.ctx, 'ei 2026-27', {});
    const root = path.join(parent, 'ei 2026-27');
    expect(o.result).toMatchObject({ workspace: root, year: '2026-27' });
    expect(o.result.created).toEqual(expect.arrayContaining(['scheme.json', 'README.txt', 'data/', 'out/']));
    expect(o.dryRun).toBe(false);
    expect(o.changes?.map((c) => c.path)).toEqual(expect.arrayContaining(['scheme.json', 'README.txt', 'templates/intro-student.hbs']));
    expect(o.changes?.every((c) => c.action === 'create')).toBe(true);
    expect(keyCount(o.result)).toBeGreaterThan(2);
    expect(nonCamelKeys(o.result)).toEqual([]);
    const texts = o.messages?.map((m) => m.text) ?? [];
    expect(texts[0]).toBe(`Created a scheme workspace for 2026-27 in ${root}`);
    expect(texts).toContain('  scheme.json');
    // Quoted: the folder's name holds a space.
    expect(texts.slice(-2)).toEqual(['  cd "ei 2026-27"', '  mentorship import students APPLICATIONS.xlsx']);
    expect(fs.existsSync(path.join(root, 'scheme.json'))).toBe(true);
    expect(t.stdout()).toBe('');
    expect(t.stderr()).toBe('');
  });

  it('a dry run writes nothing and leaves the listing of the files to the renderer', async () => {
    const parent = tempDir();
    const o = await run(testContext(parent, { opts: { dryRun: true } }).ctx, 'ws', {});
    expect(o.dryRun).toBe(true);
    expect(o.changes?.map((c) => c.path)).toContain('scheme.json');
    expect(o.messages?.[0]?.text).toMatch(/^Would create a scheme workspace for \d{4}-\d{2} in /);
    expect(o.messages?.map((m) => m.text)).not.toContain('  scheme.json');
    expect(fs.existsSync(path.join(parent, 'ws'))).toBe(false);
    expect(listFiles(parent)).toEqual([]);
  });

  it('refuses a folder that already holds a workspace', async () => {
    const parent = tempDir();
    await run(testContext(parent).ctx, '.', {});
    await expect(run(testContext(parent).ctx, '.', {})).rejects.toBeInstanceOf(UsageError);
  });
});

// A tampered or corrupted journal (.mentorship/journal.json) must never make recovery touch anything
// but the temporaries and backups the tool itself makes inside the workspace. Every command recovers
// first, read-only ones too, so each journal below is planted in a workspace holding data, beside a
// folder that is not the workspace's, and `status` runs: either the journal is refused with a clear
// message and nothing anywhere changes, or (an entry the tool could have written) recovery goes on
// and still deletes and overwrites nothing it did not make.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeHostileInputs } from './cycle.js';
import { cleanup, expectCleanFailure, freshWorkspace, runIn, sameFiles, snapshot, tempRoot } from './inproc.js';

const root = tempRoot('trust-journal-');
const inputs = writeHostileInputs(root);
const figures = { refused: 0, harmless: 0 };
let base = '';

afterAll(() => {
  console.log(`[trust] journal: ${figures.refused} tampered journals refused, ${figures.harmless} more recovered without touching anything the tool did not make`);
  cleanup(root);
});

beforeAll(async () => {
  base = await freshWorkspace(root);
  const r = await runIn(['import', 'students', inputs.students, '--workspace', base, '--yes'], base);
  expect(r.code, r.stderr).toBe(0);
}, 60_000);

const VICTIM = 'keep me';
const digest = (text: string) => createHash('sha256').update(text).digest('hex');

/** A workspace, and beside it a folder that is not part of it (with a file and a subfolder). */
function setUp(): { ws: string; outside: string } {
  const parent = fs.mkdtempSync(path.join(root, 'case-'));
  const ws = path.join(parent, 'ws');
  fs.cpSync(base, ws, { recursive: true });
  const outside = path.join(parent, 'outside');
  fs.mkdirSync(path.join(outside, 'folder'), { recursive: true });
  fs.writeFileSync(path.join(outside, 'victim.txt'), VICTIM);
  fs.writeFileSync(path.join(outside, '.victim.txt.mentorship-bak'), 'planted backup');
  fs.writeFileSync(path.join(outside, 'folder', 'inside.txt'), VICTIM);
  return { ws, outside };
}

type Entries = (ws: string, outside: string) => unknown;

/** Journals recovery must refuse. */
const REFUSED: Record<string, Entries> = {
  'an absolute target with its backup outside': (_ws, o) => ({ entries: [{ target: path.join(o, 'victim.txt'), tmp: null, bak: path.join(o, '.victim.txt.mentorship-bak') }] }),
  'an absolute new folder outside': (_ws, o) => ({ entries: [{ target: path.join(o, 'folder'), tmp: path.join(o, '.folder.mentorship-tmp'), bak: null, dir: true }] }),
  'a target up and out with ..': () => ({ entries: [{ target: '../outside/victim.txt', tmp: '../outside/.victim.txt.mentorship-tmp', bak: null, sha256: digest(VICTIM) }] }),
  'a backup up and out with ..': () => ({ entries: [{ target: 'data/students.csv', tmp: null, bak: 'data/../../outside/.victim.txt.mentorship-bak' }] }),
  '.. hidden inside a path': () => ({ entries: [{ target: 'data/../../outside/folder', tmp: 'data/../../outside/.folder.mentorship-tmp', bak: null, dir: true }] }),
  'a Windows-style path up and out': () => ({ entries: [{ target: '..\\outside\\victim.txt', tmp: null, bak: '..\\outside\\.victim.txt.mentorship-bak' }] }),
  'a Windows drive path': () => ({ entries: [{ target: 'C:\\Users\\admin\\victim.txt', tmp: null, bak: 'C:\\Users\\admin\\.victim.txt.mentorship-bak' }] }),
  'a Windows drive path with forward slashes': () => ({ entries: [{ target: 'C:/victim.txt', tmp: 'C:/.victim.txt.mentorship-tmp', bak: null, sha256: digest(VICTIM) }] }),
  'a UNC path': () => ({ entries: [{ target: '\\\\server\\share\\victim.txt', tmp: null, bak: '\\\\server\\share\\.victim.txt.mentorship-bak' }] }),
  'a temporary that is the data folder': () => ({ entries: [{ target: 'data/students.csv', tmp: 'data', bak: null, sha256: digest(VICTIM), dir: true }] }),
  'a temporary that is another data file': () => ({ entries: [{ target: 'data/new.csv', tmp: 'data/students.csv', bak: null, sha256: digest(VICTIM) }] }),
  'a backup that is another data file': () => ({ entries: [{ target: 'scheme.json', tmp: null, bak: 'data/students.csv' }] }),
  'a new file without its digest': () => ({ entries: [{ target: 'data/students.csv', tmp: 'data/.students.csv.mentorship-tmp', bak: null }] }),
  'an entry with neither temporary nor backup': () => ({ entries: [{ target: 'data/students.csv', tmp: null, bak: null }] }),
  'the lock as a target': () => ({ entries: [{ target: '.mentorship/lock', tmp: null, bak: '.mentorship/.lock.mentorship-bak' }] }),
  'the workspace itself as a target': () => ({ entries: [{ target: '.', tmp: null, bak: '..mentorship-bak' }] }),
  'an empty path': () => ({ entries: [{ target: '', tmp: null, bak: '.mentorship-bak' }] }),
  'a NUL byte in a path': () => ({ entries: [{ target: 'data/students.csv\u0000', tmp: null, bak: 'data/.students.csv\u0000.mentorship-bak' }] }),
  'an unknown field': () => ({ entries: [{ target: 'data/students.csv', tmp: null, bak: 'data/.students.csv.mentorship-bak', recursive: true }] }),
  'a path that is not a string': () => ({ entries: [{ target: ['data'], tmp: null, bak: null }] }),
  'entries that are not a list': () => ({ entries: { target: 'data' } }),
  'a list instead of a journal': () => [{ target: 'data', tmp: null, bak: null }],
  'null': () => null,
};

/** Not JSON at all. */
const MALFORMED = ['{"entries": [', '', 'not json', '\u0000\u0001\u0002', '{"entries": []}}'];

function plant(ws: string, text: string): void {
  fs.mkdirSync(path.join(ws, '.mentorship'), { recursive: true });
  fs.writeFileSync(path.join(ws, '.mentorship', 'journal.json'), text);
}

async function expectRefused(ws: string, outside: string, what: string): Promise<void> {
  const before = { ws: snapshot(ws), outside: snapshot(outside) };
  for (const args of [['status'], ['import', 'students', inputs.students, '--yes']]) {
    const r = await runIn([...args, '--workspace', ws], ws);
    expectCleanFailure(r, `${what}: ${args[0]}`);
    expect(r.code, what).toBe(1);
    expect(r.stderr, what).toMatch(/the record of an interrupted command is not one mentorship wrote .*nothing was deleted or restored/);
    expect(r.stderr, what).toMatch(/fix: if no mentorship command was interrupted in this workspace, delete \.mentorship\/journal\.json/);
    expect(sameFiles(before.ws, snapshot(ws)), `${what}: the workspace is untouched`).toEqual({ added: [], removed: [], changed: [] });
    expect(sameFiles(before.outside, snapshot(outside)), `${what}: the folder beside it is untouched`).toEqual({ added: [], removed: [], changed: [] });
    expect(fs.existsSync(path.join(ws, '.mentorship', 'lock')), `${what}: the lock is released`).toBe(false);
  }
  // Following the fix gives a working workspace again.
  fs.rmSync(path.join(ws, '.mentorship', 'journal.json'));
  expect((await runIn(['status', '--workspace', ws], ws)).code, what).toBe(0);
  figures.refused++;
}

describe('a tampered journal is refused, and nothing anywhere is touched', () => {
  for (const [name, entries] of Object.entries(REFUSED)) {
    it(name, async () => {
      const { ws, outside } = setUp();
      plant(ws, JSON.stringify(entries(ws, outside)));
      await expectRefused(ws, outside, name);
    });
  }

  it('malformed JSON, in several forms', async () => {
    for (const text of MALFORMED) {
      const { ws, outside } = setUp();
      plant(ws, text);
      await expectRefused(ws, outside, `journal ${JSON.stringify(text)}`);
    }
  });

  it('a path through a symbolic link that leaves the workspace', async () => {
    const { ws, outside } = setUp();
    plant(ws, JSON.stringify({ entries: [{ target: 'out/link/victim.txt', tmp: 'out/link/.victim.txt.mentorship-tmp', bak: null, sha256: digest(VICTIM) }] }));
    // The workspace's own snapshot would follow the link; the link is made after it.
    const before = { ws: snapshot(ws), outside: snapshot(outside) };
    fs.symlinkSync(outside, path.join(ws, 'out', 'link'), 'dir');
    const r = await runIn(['status', '--workspace', ws], ws);
    expectCleanFailure(r, 'a folder linked outside');
    expect(r.stderr).toMatch(/not one mentorship wrote \(out\/link\/victim\.txt is reached through a link that leaves the workspace\)/);
    expect(sameFiles(before.outside, snapshot(outside)), 'the folder beside it is untouched').toEqual({ added: [], removed: [], changed: [] });
    fs.rmSync(path.join(ws, 'out', 'link'));
    expect(sameFiles(before.ws, snapshot(ws)), 'the workspace is untouched').toEqual({ added: [], removed: [], changed: [] });
    figures.refused++;
  });

  it('a backup that is a symbolic link to a file outside', async () => {
    const { ws, outside } = setUp();
    fs.symlinkSync(path.join(outside, 'victim.txt'), path.join(ws, 'data', '.students.csv.mentorship-bak'));
    plant(ws, JSON.stringify({ entries: [{ target: 'data/students.csv', tmp: null, bak: 'data/.students.csv.mentorship-bak' }] }));
    await expectRefused(ws, outside, 'a backup linked outside');
  });
});

describe('a journal the tool could have written still deletes nothing it did not make', () => {
  it('a new folder named "data" (no mark of a folder the tool built): the data folder stays', async () => {
    const { ws, outside } = setUp();
    const data = snapshot(path.join(ws, 'data'));
    plant(ws, JSON.stringify({ entries: [{ target: 'data', tmp: '.data.mentorship-tmp', bak: null, dir: true }] }));
    const r = await runIn(['status', '--workspace', ws], ws);
    expect(r.code, r.stderr).toBe(0);
    expect(sameFiles(data, snapshot(path.join(ws, 'data')))).toEqual({ added: [], removed: [], changed: [] });
    expect(fs.existsSync(path.join(outside, 'folder', 'inside.txt'))).toBe(true);
    figures.harmless++;
  });

  it('a "new" file whose bytes are not the ones recorded: the stored students stay', async () => {
    const { ws } = setUp();
    const students = fs.readFileSync(path.join(ws, 'data', 'students.csv'));
    plant(ws, JSON.stringify({ entries: [{ target: 'data/students.csv', tmp: 'data/.students.csv.mentorship-tmp', bak: null, sha256: digest('something else') }] }));
    const r = await runIn(['status', '--workspace', ws], ws);
    expect(r.code, r.stderr).toBe(0);
    expect(fs.readFileSync(path.join(ws, 'data', 'students.csv')).equals(students)).toBe(true);
    figures.harmless++;
  });

  it('an empty journal: nothing to undo', async () => {
    const { ws } = setUp();
    plant(ws, JSON.stringify({ entries: [] }));
    const before = snapshot(ws);
    const r = await runIn(['status', '--workspace', ws], ws);
    expect(r.code, r.stderr).toBe(0);
    expect(sameFiles(before, snapshot(ws))).toEqual({ added: [], removed: [path.join('.mentorship', 'journal.json')], changed: [] });
    figures.harmless++;
  });
});

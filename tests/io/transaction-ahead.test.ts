// Writing ahead: a big drafting run writes its temporaries while a worker builds, and a new folder
// of drafts is built whole beside its place and renamed in as one. None of it may be visible
// before the commit, and none of it may be left behind by a failure, a refusal or a crash.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/errors.js';
import { needsRecovery, recoverWorkspace, sha256, Transaction } from '../../src/io/transaction.js';
import { listFiles, snapshot, tempDir } from '../helpers/cli.js';
import { failAfterSteps } from '../helpers/fs-faults.js';

function seeded(): string {
  const dir = tempDir('tx-ahead-');
  fs.mkdirSync(path.join(dir, 'data'));
  fs.writeFileSync(path.join(dir, 'data/a.csv'), 'old a');
  return dir;
}

// The mark a folder being built carries (see journal.ts) is part of that folder, not a leftover of its own.
const leftovers = (dir: string) =>
  listFiles(dir).filter((f) => (f.includes('mentorship-tmp') || f.includes('mentorship-bak')) && !/mentorship-tmp\/\.new-folder\.mentorship-tmp$/.test(f));
const drafts = ['one', 'two', 'three'].map((n) => `out/emails/intro/${n}.eml`);

describe('Transaction.writeAhead', () => {
  it('writes new files as temporaries beside their targets, leaves existing ones to the commit', () => {
    const dir = seeded();
    const tx = new Transaction(dir);
    tx.write('data/c.csv', 'new c');
    tx.write('data/a.csv', 'new a');
    tx.writeAhead(['data/c.csv', 'data/a.csv']);
    expect(leftovers(dir)).toEqual(['data/.c.csv.mentorship-tmp']);
    expect(fs.existsSync(path.join(dir, 'data/c.csv'))).toBe(false);
    expect(fs.readFileSync(path.join(dir, 'data/a.csv'), 'utf8')).toBe('old a');
    tx.commit();
    expect(fs.readFileSync(path.join(dir, 'data/c.csv'), 'utf8')).toBe('new c');
    expect(fs.readFileSync(path.join(dir, 'data/a.csv'), 'utf8')).toBe('new a');
    expect(leftovers(dir)).toEqual([]);
  });

  it('builds a new folder whole and renames it into place once', () => {
    const dir = seeded();
    const port = failAfterSteps(null);
    const tx = new Transaction(dir, { fs: port });
    drafts.forEach((rel, i) => tx.write(rel, `draft ${i}`));
    tx.write('out/emails/intro/index.csv', 'index');
    tx.write('data/a.csv', 'new a');
    tx.writeAhead(drafts);
    // out/ did not exist: the top-most new folder is what gets built beside its place.
    expect(leftovers(dir).sort()).toEqual(drafts.map((d) => d.replace(/^out\//, '.out.mentorship-tmp/')).sort());
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
    const plan = tx.commit();
    expect(plan.filter((p) => p.action === 'create').map((p) => p.path).sort()).toEqual([...drafts, 'out/emails/intro/index.csv'].sort());
    expect(fs.readFileSync(path.join(dir, 'out/emails/intro/two.eml'), 'utf8')).toBe('draft 1');
    expect(fs.readFileSync(path.join(dir, 'out/emails/intro/index.csv'), 'utf8')).toBe('index');
    // The folder, data/a.csv and the manifest: three renames for five files.
    expect(port.steps()).toBe(3);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, '.mentorship/generated.json'), 'utf8')) as Record<string, string>;
    expect(Object.keys(manifest).sort()).toEqual([...drafts, 'out/emails/intro/index.csv'].sort());
    // The bytes written ahead were let go; the manifest still holds each file's true digest.
    for (const [rel, digest] of Object.entries(manifest)) expect(sha256(fs.readFileSync(path.join(dir, rel)))).toBe(digest);
    expect(leftovers(dir)).toEqual([]);
  });

  it('a failure after the folder is renamed in removes it whole', () => {
    for (const n of [0, 1, 2]) {
      const dir = seeded();
      const before = snapshot(dir);
      const tx = new Transaction(dir, { fs: failAfterSteps(n) });
      drafts.forEach((rel) => tx.write(rel, 'x'));
      tx.write('data/a.csv', 'new a');
      tx.writeAhead(drafts);
      expect(() => tx.commit()).toThrow(/injected/);
      expect(snapshot(dir)).toEqual(before);
      expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
      expect(leftovers(dir)).toEqual([]);
    }
  });

  it('abandon() and a refused commit leave nothing written ahead', () => {
    const dir = seeded();
    const first = new Transaction(dir);
    first.write('out/review.csv', 'v1');
    first.commit();
    fs.writeFileSync(path.join(dir, 'out/review.csv'), 'edited by a person');
    const before = snapshot(dir);
    const refused = new Transaction(dir);
    refused.write('out/review.csv', 'v2');
    drafts.forEach((rel) => refused.write(rel, 'x'));
    refused.writeAhead(drafts);
    expect(leftovers(dir).length).toBe(3);
    expect(() => refused.commit()).toThrow(DataError);
    expect(snapshot(dir)).toEqual(before);
    const dropped = new Transaction(dir);
    dropped.write('data/new.csv', 'x');
    drafts.forEach((rel) => dropped.write(rel, 'x'));
    dropped.writeAhead(['data/new.csv', ...drafts]);
    dropped.abandon();
    expect(snapshot(dir)).toEqual(before);
  });

  it('a file staged again after it was written ahead lands with its new bytes', () => {
    const dir = seeded();
    const tx = new Transaction(dir);
    tx.write('data/c.csv', 'first');
    tx.writeAhead(['data/c.csv']);
    tx.write('data/c.csv', 'second');
    expect(leftovers(dir)).toEqual([]);
    tx.commit();
    expect(fs.readFileSync(path.join(dir, 'data/c.csv'), 'utf8')).toBe('second');
  });

  it('compares a target that appeared after writing ahead by digest: same bytes unchanged, others replaced', () => {
    const dir = seeded();
    const tx = new Transaction(dir);
    tx.write('data/same.csv', 'same bytes');
    tx.write('data/other.csv', 'new bytes');
    tx.writeAhead(['data/same.csv', 'data/other.csv']);
    fs.writeFileSync(path.join(dir, 'data/same.csv'), 'same bytes');
    fs.writeFileSync(path.join(dir, 'data/other.csv'), 'a person typed this');
    const plan = tx.commit();
    expect(plan.find((p) => p.path === 'data/same.csv')).toMatchObject({ action: 'unchanged', bytes: 10 });
    expect(plan.find((p) => p.path === 'data/other.csv')).toMatchObject({ action: 'replace', bytes: 9 });
    expect(fs.readFileSync(path.join(dir, 'data/other.csv'), 'utf8')).toBe('new bytes');
    expect(leftovers(dir)).toEqual([]);
  });

  it('refuses, and changes nothing, when the new folder appears before the commit', () => {
    const dir = seeded();
    const tx = new Transaction(dir);
    drafts.forEach((rel) => tx.write(rel, 'x'));
    tx.writeAhead(drafts);
    fs.mkdirSync(path.join(dir, 'out'));
    fs.writeFileSync(path.join(dir, 'out/mine.txt'), 'a person put this here');
    const before = new Map([...snapshot(dir)].filter(([f]) => !f.includes('mentorship-tmp')));
    expect(before.size).toBe(2);
    expect(() => tx.commit()).toThrow(/out appeared while the command ran/);
    expect(snapshot(dir)).toEqual(before);
    expect(leftovers(dir)).toEqual([]);
  });

  it('after a crash, the next command removes a half-built folder', () => {
    const dir = seeded();
    const before = snapshot(dir);
    const tx = new Transaction(dir);
    drafts.forEach((rel) => tx.write(rel, 'x'));
    tx.writeAhead(drafts);
    // The process dies here: no commit, no abandon.
    expect(needsRecovery(dir)).toBe(true);
    recoverWorkspace(dir);
    expect(needsRecovery(dir)).toBe(false);
    expect(snapshot(dir)).toEqual(before);
  });
});

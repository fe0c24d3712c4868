// A big drafting run (over 1,000 drafts): every draft lands whole, each in the record of what the
// tool wrote, nothing temporary is left behind, a second run changes nothing, and a dry run
// writes nothing at all, not even temporaries.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFiles, makeWorkspace, runCli, snapshot } from '../helpers/cli.js';
import { confirmed, dataFiles, mentor, student } from '../core/policy/builders.js';

const N = 520; // 1,040 drafts
const students = Array.from({ length: N }, (_, i) => student({ email: `s${i}@lse.ac.uk`, name: `Zoë O'Brien ${i}`, first_name: 'Zoë' }));
const mentors = Array.from({ length: N }, (_, i) => mentor({ email: `m${i}@alumni.example.org`, name: `Ann Lee ${i}`, first_name: 'Ann' }));
const files = dataFiles(students, mentors, students.map((s, i) => confirmed(s, mentors[i]!)));
const DIR = 'out/emails/intro';

function drafts(ws: string): Map<string, string> {
  return new Map([...snapshot(ws)].filter(([f]) => f.startsWith(DIR)));
}

describe('emails intro with over 1,000 drafts', () => {
  it('writes every draft, the same bytes in any workspace, and leaves nothing temporary behind', () => {
    const two = makeWorkspace(files);
    const one = makeWorkspace(files);
    const a = runCli(['emails', 'intro', '-v'], { cwd: two });
    const b = runCli(['emails', 'intro'], { cwd: one });
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    expect(a.stderr).toContain(`built ${2 * N} .eml drafts`);
    const written = drafts(two);
    expect(written.size).toBe(3 * 2 * N + 1);
    expect([...written.keys()].filter((f) => f.endsWith('.eml'))).toHaveLength(2 * N);
    expect(drafts(one)).toEqual(written);
    expect(listFiles(two).filter((f) => f.includes('mentorship-tmp') || f.includes('mentorship-bak'))).toEqual([]);
    // Every file is in the manifest, so a later run can tell an untouched draft from an edited one.
    const manifest = JSON.parse(fs.readFileSync(path.join(two, '.mentorship/generated.json'), 'utf8')) as Record<string, string>;
    expect([...written.keys()].every((f) => manifest[f])).toBe(true);
    // Run again over its own output: no draft to write, nothing left behind.
    const again = runCli(['emails', 'intro', '--json'], { cwd: two });
    expect(again.code, again.stderr).toBe(0);
    const changes = (JSON.parse(again.stdout) as { changes: { action: string; path: string }[] }).changes;
    // The drafts are left as they were; only the index changes (none of them is new in this run).
    expect(changes.filter((c) => c.action !== 'unchanged').map((c) => c.path)).toEqual(['data/audit.jsonl', 'out/emails/intro/index.csv']);
    const index = (m: Map<string, string>) => [...m.keys()].find((f) => f.endsWith('index.csv'))!;
    const withoutIndex = (m: Map<string, string>) => new Map([...m].filter(([f]) => !f.endsWith('index.csv')));
    expect(withoutIndex(drafts(two))).toEqual(withoutIndex(written));
    expect(index(drafts(two))).toBe(index(written));
  }, 120_000);

  it('--dry-run writes nothing, not even temporaries', () => {
    const ws = makeWorkspace(files);
    const before = snapshot(ws);
    const r = runCli(['emails', 'intro', '--dry-run'], { cwd: ws });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`create  ${DIR}/index.csv`);
    expect(snapshot(ws)).toEqual(before);
  }, 120_000);
});

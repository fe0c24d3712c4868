// import pairs and import exclusions through the real CLI: every refusal, --force, --dry-run,
// --strict, the rejects file, re-importing, and match respecting both afterwards.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataFiles } from '../core/followup/builders.js';
import { makeWorkspace, runCli, snapshot } from '../helpers/cli.js';
import { keyCount, nonCamelKeys } from '../helpers/json-keys.js';

const at = (dir: string) => ({ cwd: dir, env: { MENTORSHIP_TODAY: '2025-11-26' } });
const read = (dir: string, rel: string) => fs.readFileSync(path.join(dir, rel), 'utf8');

function workspace(): string {
  const files = dataFiles(
    [
      { email: 'zoe@lse.ac.uk', name: 'Zoe Ng' }, { email: 'max@lse.ac.uk', name: 'Max Ito' }, { email: 'ida@lse.ac.uk', name: 'Ida Berg' },
      { email: 'kai@lse.ac.uk', name: 'Kai Roe' }, { email: 'lea@lse.ac.uk', name: 'Lea Voss' }, { email: 'ned@lse.ac.uk', name: 'Ned Fox' },
    ],
    [{ email: 'ann@example.org', name: 'Ann Lee' }, { email: 'bob@example.org', name: 'Bob Ray' }, { email: 'cy@example.org', name: 'Cy Day', unavailable: '01/12/2025 - 31/05/2026' }],
    [{ student: 'ned@lse.ac.uk', mentor: 'bob@example.org' }],
  );
  // Ann has one place; Bob three (one taken by Ned); Cy is away all programme.
  files['data/mentors.csv'] = files['data/mentors.csv']!.replace(/^(ann@example\.org,(?:[^,]*,){11})3,/m, '$11,');
  files['data/exclusions.csv'] = 'student_email,mentor_email,reason,added_at\r\nida@lse.ac.uk,bob@example.org,conflict of interest,2025-11-01T09:00:00\r\n';
  return makeWorkspace(files);
}

describe('import pairs', () => {
  const FILE = [
    'Mentee,Alumnus,Note',
    'zoe@lse.ac.uk,ann@example.org,met at the alumni dinner', // taken: a confirmed pair with its score
    'max@lse.ac.uk,ann@example.org,', // refused: Ann is full now
    'ida@lse.ac.uk,bob@example.org,', // refused: excluded
    'kai@lse.ac.uk,cy@example.org,', // refused: Cy is unavailable all programme
    'nobody@lse.ac.uk,bob@example.org,', // refused: unknown student (never forceable)
    'lea@lse.ac.uk,nobody@example.org,', // refused: unknown mentor (never forceable)
    'ned@lse.ac.uk,ann@example.org,', // refused: Ned is already paired (never forceable)
    'zoe@lse.ac.uk,bob@example.org,', // refused: Zoe is in an earlier row
    'not an email,bob@example.org,', // refused: not an address
  ].join('\r\n');

  it('takes each pair as confirmed, refuses the rest with the reason, and re-imports to no change', () => {
    const dir = workspace();
    fs.writeFileSync(path.join(dir, 'pre.csv'), FILE);
    const map = ['--map', 'Mentee=student_email', '--map', 'Alumnus=mentor_email', '--map', 'Note=note'];

    const unmapped = runCli(['import', 'pairs', 'pre.csv'], at(dir));
    expect(unmapped.code).toBe(1);
    expect(unmapped.stderr).toMatch(/no column holds student_email and mentor_email[^\n]*\n\s+fix: .*--map "Mentee=student_email"/);

    const before = snapshot(dir);
    const dry = runCli(['import', 'pairs', 'pre.csv', ...map, '--dry-run', '--json'], at(dir));
    expect(JSON.parse(dry.stdout)).toMatchObject({ command: 'import pairs', dryRun: true, result: { added: 1, refused: 8 } });
    expect(snapshot(dir)).toEqual(before);
    const strict = runCli(['import', 'pairs', 'pre.csv', ...map, '--strict'], at(dir));
    expect(strict.code).toBe(1);
    expect(snapshot(dir)).toEqual(before);

    const r = runCli(['import', 'pairs', 'pre.csv', ...map, '--json'], at(dir));
    expect(r.code).toBe(0);
    const envelope = JSON.parse(r.stdout);
    expect(keyCount(envelope.result)).toBeGreaterThan(20);
    expect(nonCamelKeys(envelope)).toEqual([]);
    expect(envelope.changes.map((c: { path: string }) => c.path)).toEqual(expect.arrayContaining(['data/matches.csv', 'out/rejects/pairs-pre.rejects.csv']));
    const out = envelope.result;
    expect(out).toMatchObject({ added: 1, unchanged: 0, refused: 8, forced: 0 });
    const reasons = Object.fromEntries(out.problems.map((p: { row: number; reason: string }) => [p.row, p.reason]));
    expect(reasons).toEqual({
      3: expect.stringMatching(/^the mentor has no place left \(capacity 1, 1 pair\(s\) confirmed\) \(--force/),
      4: expect.stringMatching(/^the pair is excluded \(excluded: conflict of interest\)/),
      5: expect.stringMatching(/^the mentor is unavailable for the whole programme/),
      6: 'no student has this email: import the student first',
      7: 'no mentor has this email: import the mentor first',
      8: expect.stringMatching(/^the student is already in a confirmed pair with bob@example\.org: withdraw that pair first/),
      9: 'the student is in an earlier row of this file',
      10: 'is not an email address',
    });
    const matches = read(dir, 'data/matches.csv');
    expect(matches).toMatch(/zoe@lse\.ac\.uk,ann@example\.org,confirmed,\d+(\.\d+)?,[^\r]*pre-arranged: met at the alumni dinner/);
    const rejects = read(dir, 'out/rejects/pairs-pre.rejects.csv');
    expect(rejects.split('\r\n').filter((l) => l.startsWith('pre.csv,'))).toHaveLength(8);

    const snap = snapshot(dir);
    const again = runCli(['import', 'pairs', 'pre.csv', ...map, '--json'], at(dir));
    expect(JSON.parse(again.stdout).result).toMatchObject({ added: 0, unchanged: 1, refused: 8 });
    const later = snapshot(dir);
    expect([...later.keys()].filter((k) => later.get(k) !== snap.get(k))).toEqual([]);
    expect(later).toEqual(snap);

    // --force takes the rows a rule only advises against, and says which rule each broke.
    const forced = runCli(['import', 'pairs', 'pre.csv', ...map, '--force', '--json'], at(dir));
    expect(JSON.parse(forced.stdout).result).toMatchObject({ added: 3, unchanged: 1, refused: 5, forced: 3 });
    expect(forced.stderr).toMatch(/row 3: taken with --force although the mentor has no place left/);

    // match leaves the imported pairs alone and proposes only for the others.
    expect(runCli(['match'], at(dir)).code).toBe(0);
    const after = read(dir, 'data/matches.csv').split('\r\n');
    for (const s of ['zoe', 'max', 'ida', 'kai', 'ned']) expect(after.filter((l) => l.startsWith(`${s}@`)).map((l) => l.split(',')[2]), s).toEqual(['confirmed']);
  });
});

describe('import exclusions', () => {
  it('takes conflicts and earlier years, refuses a pair that is confirmed now, and match never proposes them', () => {
    const dir = workspace();
    fs.writeFileSync(path.join(dir, 'conflicts.csv'), [
      'student_email,mentor_email,reason',
      'zoe@lse.ac.uk,ann@example.org,line manager',
      'max@lse.ac.uk,ann@example.org,paired in 2024-25',
      'max@lse.ac.uk,bob@example.org,',
      'someone@old.ac.uk,ann@example.org,paired in 2023-24', // not in the workspace: still excluded
      'ida@lse.ac.uk,bob@example.org,again', // already excluded: unchanged
      'ned@lse.ac.uk,bob@example.org,', // confirmed now: refused
      'zoe@lse.ac.uk,zoe@lse.ac.uk,', // the same person
    ].join('\r\n'));
    const r = runCli(['import', 'exclusions', 'conflicts.csv', '--json'], at(dir));
    expect(r.code).toBe(0);
    const envelope = JSON.parse(r.stdout);
    expect(envelope).toMatchObject({ command: 'import exclusions', result: { added: 4, unchanged: 1, refused: 2 } });
    expect(keyCount(envelope)).toBeGreaterThan(10);
    expect(nonCamelKeys(envelope)).toEqual([]);
    const ex = read(dir, 'data/exclusions.csv');
    expect(ex).toContain('max@lse.ac.uk,bob@example.org,"from conflicts.csv"');
    expect(ex).toContain('someone@old.ac.uk,ann@example.org,"paired in 2023-24"');
    expect(read(dir, 'out/rejects/exclusions-conflicts.rejects.csv')).toMatch(/confirmed pair now/);
    const snap = snapshot(dir);
    expect(JSON.parse(runCli(['import', 'exclusions', 'conflicts.csv', '--json'], at(dir)).stdout).result).toMatchObject({ added: 0, unchanged: 5 });
    const after = snapshot(dir);
    expect([...after.keys()].filter((k) => after.get(k) !== snap.get(k))).toEqual([]);
    expect(after).toEqual(snap);

    // Zoe and Max can only have Bob (Ann is excluded for both, Cy is away): Max's Bob is excluded too.
    const m = runCli(['match', '--json'], at(dir));
    expect(m.code).toBe(0);
    const lines = read(dir, 'data/matches.csv').split('\r\n');
    expect(lines.some((l) => l.startsWith('zoe@lse.ac.uk,ann@'))).toBe(false);
    expect(lines.some((l) => l.startsWith('max@lse.ac.uk,'))).toBe(false);
    expect(lines.some((l) => l.startsWith('zoe@lse.ac.uk,bob@example.org,proposed'))).toBe(true);
  });
});

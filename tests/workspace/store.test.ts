import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultScheme } from '../../src/core/scheme/defaults.js';
import { parseScheme } from '../../src/core/scheme/schema.js';
import { loadMatches } from '../../src/workspace/store.js';
import { makeWorkspace } from '../../src/workspace/workspace.js';

const HEADER = 'student_email,mentor_email,status,score,sector_points,support_points,programme_points,location_points,shared_sectors,shared_support,proposed_at,decided_at,reason\r\n';
const pair = (student: string) => `${student},m@alumni.example.org,proposed,50,20,10,10,10,Law,,2025-11-25T09:00:00Z,,\r\n`;
const FILE = 'data/matches.csv';

let root = '';
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

function workspace(text: string) {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'mentorship-store-'));
  fs.mkdirSync(path.join(root, 'data'));
  fs.writeFileSync(path.join(root, FILE), text);
  const parsed = parseScheme(defaultScheme('Test scheme'));
  if (!parsed.ok) throw new Error(parsed.problems[0]!.message);
  return makeWorkspace(root, parsed.scheme);
}

describe('data/matches.csv read once per command', () => {
  it('gives a second load what the first read (not read again), in an array of its own', () => {
    const ws = workspace(HEADER + pair('ana@lse.ac.uk'));
    const first = loadMatches(ws);
    first.push(first[0]!);
    const second = loadMatches(ws);
    expect(second).toHaveLength(1);
    expect(second[0]).toBe(first[0]);
    // Frozen: a caller that changed a record would change what the next load reads.
    expect(() => Object.assign(first[0]!, { status: 'withdrawn' })).toThrow(TypeError);
    expect(loadMatches(ws)[0]!.status).not.toBe('withdrawn');
  });

  it('reads the file again once it is replaced, as a commit replaces it', () => {
    const ws = workspace(HEADER + pair('ana@lse.ac.uk'));
    expect(loadMatches(ws).map((m) => m.student_email)).toEqual(['ana@lse.ac.uk']);
    const abs = path.join(root, FILE);
    fs.writeFileSync(`${abs}.new`, HEADER + pair('bob@lse.ac.uk'));
    fs.renameSync(`${abs}.new`, abs);
    expect(loadMatches(ws).map((m) => m.student_email)).toEqual(['bob@lse.ac.uk']);
  });

  it('reads afresh for another command (another workspace object)', () => {
    const ws = workspace(HEADER + pair('ana@lse.ac.uk'));
    const first = loadMatches(ws);
    const other = loadMatches(makeWorkspace(root, ws.scheme));
    expect(other).toEqual(first);
    expect(other[0]).not.toBe(first[0]);
  });
});

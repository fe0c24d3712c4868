import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultScheme } from '../../src/core/scheme/defaults.js';
import { parseScheme } from '../../src/core/scheme/schema.js';
import { loadMatches, loadStudents } from '../../src/workspace/store.js';
import { makeWorkspace } from '../../src/workspace/workspace.js';

const HEADER = 'email,name,first_name,programme,sectors,support_areas,country,city,meeting_preference,linkedin,share_linkedin,bio,share_bio,submitted_at,extra\r\n';
const row = (email: string, name: string) => `${email},${name},,MSc European Policy,Law,,United Kingdom,London,online,,no,,no,,\r\n`;
const MATCHES = 'student_email,mentor_email,status,score,sector_points,support_points,programme_points,location_points,shared_sectors,shared_support,proposed_at,decided_at,reason\r\n';
const NOW = new Date('2025-11-25T09:00:00Z');

let root = '';
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

function workspace(files: Record<string, string>) {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'mentorship-store-'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  const parsed = parseScheme(defaultScheme('Test scheme'));
  if (!parsed.ok) throw new Error(parsed.problems[0]!.message);
  return makeWorkspace(root, parsed.scheme);
}

describe('data files read once per command', () => {
  it('gives a second load what the first read (not read again), in an array of its own', () => {
    const ws = workspace({ 'data/students.csv': HEADER + row('ana@lse.ac.uk', 'Ana Silva') });
    const first = loadStudents(ws, NOW);
    first.push(first[0]!);
    const second = loadStudents(ws, NOW);
    expect(second).toHaveLength(1);
    expect(second[0]).toBe(first[0]);
  });

  it('reads a file again once it is replaced, as a commit replaces it', () => {
    const ws = workspace({ 'data/students.csv': HEADER + row('ana@lse.ac.uk', 'Ana Silva'), 'data/matches.csv': MATCHES });
    expect(loadStudents(ws, NOW).map((s) => s.email)).toEqual(['ana@lse.ac.uk']);
    expect(loadMatches(ws)).toEqual([]);
    const abs = path.join(root, 'data/students.csv');
    fs.writeFileSync(`${abs}.new`, HEADER + row('bob@lse.ac.uk', 'Bob Silva'));
    fs.renameSync(`${abs}.new`, abs);
    fs.writeFileSync(path.join(root, 'data/matches.csv'), `${MATCHES}bob@lse.ac.uk,m@alumni.example.org,proposed,50,20,10,10,10,Law,,2025-11-25T09:00:00Z,,\r\n`);
    expect(loadStudents(ws, NOW).map((s) => s.email)).toEqual(['bob@lse.ac.uk']);
    expect(loadMatches(ws).map((m) => m.student_email)).toEqual(['bob@lse.ac.uk']);
  });

  it('reads afresh for another command (another workspace object)', () => {
    const ws = workspace({ 'data/students.csv': HEADER + row('ana@lse.ac.uk', 'Ana Silva') });
    const first = loadStudents(ws, NOW);
    const other = loadStudents(makeWorkspace(root, ws.scheme), NOW);
    expect(other).toEqual(first);
    expect(other[0]).not.toBe(first[0]);
  });
});

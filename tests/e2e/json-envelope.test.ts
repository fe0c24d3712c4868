// One --json shape for every command: the envelope {command, dryRun, result, changes, messages},
// every key in camelCase, and `changes` on every command that writes (issue 13, item 6). One
// workspace goes through a year in this process; each command is run as the administrator would.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers/cli.js';
import { keyCount, nonCamelKeys } from '../helpers/json-keys.js';
import { freshWorkspace, runIn } from '../trust/inproc.js';

const fx = (f: string) => path.join(FIXTURES, f);
let ws = '';
let student = '';

async function json(args: string[], today = '2026-01-20') {
  const r = await runIn([...args, '--json', '--workspace', ws], ws, { MENTORSHIP_TODAY: today });
  expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
  const env = JSON.parse(r.stdout) as { command: string; dryRun: boolean; result: unknown; changes: { path: string; action: string }[]; messages: { level: string; text: string }[] };
  expect(Object.keys(env)).toEqual(['command', 'dryRun', 'result', 'changes', 'messages']);
  expect(keyCount(env.result), args.join(' ')).toBeGreaterThan(0);
  expect(nonCamelKeys(env), args.join(' ')).toEqual([]);
  return env;
}

beforeAll(async () => {
  ws = await freshWorkspace();
  await json(['import', 'students', fx('students-qualtrics.csv')], '2025-11-25');
  await json(['import', 'mentors', fx('mentors-googleforms.csv')], '2025-11-25');
  const matched = await json(['match'], '2025-11-25');
  await json(['confirm', '--all'], '2025-11-25');
  expect(matched.changes.length).toBeGreaterThan(0);
  // Late applicants, proposed but not yet confirmed, so that confirm has work to do.
  await json(['import', 'students', fx('students-waiting-list.csv')]);
  await json(['match']);
  const [head, ...rows] = fs.readFileSync(path.join(ws, 'data/matches.csv'), 'utf8').trim().split(/\r?\n/).map((l) => l.split(','));
  const at = (k: string) => head!.indexOf(k);
  student = rows.find((r) => r[at('status')] === 'confirmed')![at('student_email')]!;
  expect(student).toMatch(/@/);
}, 240_000);

// [argv, writes files, today]
const COMMANDS: [string[], boolean, string?][] = [
  [['status'], false],
  [['report', 'supply', '--dry-run'], true],
  [['report', 'chase', '--dry-run'], true],
  [['report', 'feedback', '--dry-run'], true],
  [['report', 'programme', '--dry-run'], true],
  [['match', '--dry-run'], true],
  [['export', '--dry-run'], true],
  [['emails', 'intro', '--dry-run'], true],
  [['emails', 'chase', '--dry-run'], true, '2026-03-10'],
  [['emails', 'feedback', '--survey', 'midway', '--dry-run'], true],
  [['confirm', '--all', '--dry-run'], true],
  [['import', 'meetings', fx('meetings-checkin.csv'), '--dry-run'], true],
  [['import', 'feedback', '--survey', 'final', fx('feedback-final.csv'), '--dry-run'], true],
  [['purge', '--dry-run'], false],
];

describe('--json has one shape on every command', () => {
  it.each(COMMANDS)('%j', async (args, writes, today) => {
    const env = await json(args, today);
    expect(env.command).toBe(args.slice(0, ['report', 'emails', 'import'].includes(args[0]!) ? 2 : 1).join(' '));
    expect(env.dryRun).toBe(args.includes('--dry-run'));
    if (writes) expect(env.changes.filter((c) => c.action !== 'unchanged').length, 'a writing command reports its changes').toBeGreaterThan(0);
    else expect(env.changes.filter((c) => c.action !== 'unchanged'), 'a command that writes nothing has no changes').toEqual([]);
    for (const m of env.messages) expect(['info', 'warning']).toContain(m.level);
  });

  it.each([
    [['log', 'meeting', 'STUDENT', '1', '15/01/2026', '--dry-run'], true],
    [['log', 'no-response', 'STUDENT', '2', '16/01/2026', '--dry-run'], true],
    [['withdraw', 'STUDENT', '--reason', 'moved abroad', '--dry-run'], true],
    [['match', '--explain', 'STUDENT'], false],
  ] as [string[], boolean][])('%j (for a confirmed student)', async (template, writes) => {
    const args = template.map((a) => (a === 'STUDENT' ? student : a));
    const env = await json(args);
    expect(env.command).toBe(template.slice(0, template[0] === 'log' ? 2 : 1).join(' '));
    expect(env.changes.filter((c) => c.action !== 'unchanged').length > 0).toBe(writes);
  });
});

// Windows: a file the administrator has open in Excel. Each command that writes runs under the
// real node.exe while a second Windows process holds one of its files the way Excel does: the
// command stops (exit 1) naming the file and saying to close it, the workspace is byte-identical,
// and once the file is closed the same command succeeds.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, runCli, snapshot, tempDir } from '../helpers/cli.js';
import { holdOpen, requireWindows, runWinCli, winPath } from './wine.js';

/** When the Windows commands run: mid-year, every pair confirmed, chases due. */
const TODAY = { MENTORSHIP_TODAY: '2026-03-10' };
let base = '';
let parent = '';

beforeAll(() => {
  requireWindows();
  // A workspace in mid-year (Linux node is quicker; the files are the same), in a folder whose
  // name has a space and letters outside ASCII, as a OneDrive folder often has.
  parent = path.join(tempDir('mentorship-win-held-'), 'Scheme 2026 – Zoë');
  base = path.join(parent, 'year');
  const steps: [string, string[]][] = [
    ['2025-11-25', ['init', base]],
    ['2025-11-25', ['import', 'students', path.join(FIXTURES, 'students-msforms.xlsx'), '--workspace', base]],
    ['2025-11-25', ['import', 'mentors', path.join(FIXTURES, 'mentors-googleforms.csv'), '--workspace', base]],
    ['2025-11-28', ['match', '--workspace', base]],
    ['2025-11-28', ['confirm', '--all', '--workspace', base]],
    ['2025-12-08', ['export', '--workspace', base]],
    ['2025-12-08', ['emails', 'intro', '--workspace', base]],
    ['2026-02-10', ['import', 'meetings', path.join(FIXTURES, 'meetings-checkin.csv'), '--workspace', base]],
    ['2026-02-10', ['report', 'chase', '--workspace', base]],
  ];
  fs.mkdirSync(parent, { recursive: true });
  for (const [today, args] of steps) {
    const r = runCli(args, { cwd: parent, env: { MENTORSHIP_TODAY: today } });
    if (r.code !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  }
}, 600_000);

/** The first confirmed pair (student, mentor), from data/matches.csv. */
function aConfirmedPair(ws: string): [string, string] {
  const line = fs.readFileSync(path.join(ws, 'data/matches.csv'), 'utf8').split('\r\n').find((l) => l.split(',')[2] === 'confirmed');
  if (!line) throw new Error('the workspace has no confirmed pair');
  const [student, mentor] = line.split(',');
  return [student!, mentor!];
}

function linux(ws: string, args: string[]): void {
  const r = runCli([...args, '--workspace', ws], { cwd: ws, env: TODAY });
  if (r.code !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
}

interface Case {
  command: string;
  held: string;
  args: (ws: string) => string[];
  /** Makes sure the command has something new to write into the held file. */
  prepare?: (ws: string) => void;
}

const CASES: Case[] = [
  { command: 'report chase', held: 'out/reports/chase.xlsx', args: () => ['report', 'chase'] },
  { command: 'withdraw', held: 'data/matches.csv', args: (ws) => ['withdraw', aConfirmedPair(ws)[0], '--reason', 'moved abroad'] },
  { command: 'match', held: 'out/match-review.xlsx', args: () => ['match'] },
  { command: 'export', held: 'out/export/for-students.xlsx', args: () => ['export'] },
  {
    command: 'emails intro',
    held: 'out/emails/intro/index.csv',
    args: () => ['emails', 'intro'],
    // A mentor left and their students were re-matched: the index gets new pairs.
    prepare: (ws) => {
      linux(ws, ['withdraw', aConfirmedPair(ws)[1], '--reason', 'moved abroad']);
      linux(ws, ['match']);
      linux(ws, ['confirm', '--all']);
    },
  },
];

describe('Windows: a file open in Excel', () => {
  it.each(CASES)('$command with $held open: exit 1, names the file, changes nothing; succeeds once closed', async ({ held, args, prepare }) => {
    const ws = path.join(parent, `ws ${held.replace(/\W/g, '-')}`);
    fs.cpSync(base, ws, { recursive: true });
    prepare?.(ws);
    const argv = [...args(ws), '--workspace', winPath(ws)];
    const before = snapshot(ws);
    expect(before.size).toBeGreaterThan(10);

    const holder = await holdOpen(path.join(ws, held));
    let refused;
    try {
      refused = runWinCli(argv, { cwd: ws, env: TODAY });
    } finally {
      await holder.release();
    }
    expect(refused.code, refused.stderr).toBe(1);
    // Named as the administrator knows it (either separator), never by a temporary name.
    expect(refused.stderr).toMatch(new RegExp(held.split('/').map((p) => p.replace(/\./g, '\\.')).join('[\\\\/]')));
    expect(refused.stderr).not.toMatch(/mentorship-(tmp|bak)/);
    expect(refused.stderr).toMatch(/close it in Excel/i);
    expect(refused.stderr).toMatch(/run the command again/);
    expect(refused.stderr).toMatch(/nothing was changed/);
    expect(refused.stderr).not.toMatch(/please report|internal error/i);
    expect(snapshot(ws)).toEqual(before);

    const ok = runWinCli(argv, { cwd: ws, env: TODAY });
    expect(ok.stderr).not.toMatch(/error/i);
    expect(ok.code).toBe(0);
    expect(snapshot(ws)).not.toEqual(before);
  }, 480_000);
});

// The CLI frame: help, exit codes, colours, errors as one line, workspace discovery.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { BIN, makeWorkspace, runCli, tempDir } from '../helpers/cli.js';
import { keyCount, nonCamelKeys } from '../helpers/json-keys.js';

const COMMANDS = ['init', 'import', 'log', 'report', 'match', 'confirm', 'withdraw', 'export', 'emails', 'status', 'purge', 'demo'];

describe('mentorship CLI', () => {
  it('lists every command of the spec', () => {
    const r = runCli(['--help'], { cwd: tempDir() });
    expect(r.code).toBe(0);
    for (const c of COMMANDS) expect(r.stdout).toMatch(new RegExp(`^  ${c} `, 'm'));
  });

  // A verb with sub-kinds (import students, report chase, ...) has them as subcommands, each with its own options.
  const LEAVES = [
    ...COMMANDS.filter((c) => !['import', 'log', 'report', 'emails'].includes(c)).map((c) => [c]),
    ...['students', 'mentors', 'meetings', 'feedback', 'pairs', 'exclusions'].map((k) => ['import', k]),
    ...['meeting', 'no-response'].map((k) => ['log', k]),
    ...['supply', 'chase', 'feedback', 'programme'].map((k) => ['report', k]),
    ...['intro', 'chase', 'feedback'].map((k) => ['emails', k]),
  ];
  it.each(LEAVES.map((l) => [l.join(' '), l]))('%s --help has a description, examples and the common options', (_name, argv) => {
    const r = runCli([...argv, '--help'], { cwd: tempDir() });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Examples:');
    // status writes nothing: it has no --dry-run and no --force.
    const writes = argv[0] !== 'status';
    for (const o of ['--workspace', '--json', '--yes', '--quiet', '--verbose', ...(writes ? ['--dry-run', '--force'] : [])]) expect(r.stdout).toContain(o);
    if (!writes) for (const o of ['--dry-run', '--force']) expect(r.stdout).not.toContain(o);
  });

  it.each(['import', 'log', 'report', 'emails'])('%s --help lists its kinds, with examples', (c) => {
    const r = runCli([c, '--help'], { cwd: tempDir() });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toMatch(/^Commands:\n {2}[a-z-]+ /m);
  });

  it('exits 2 on usage errors', () => {
    const dir = tempDir();
    expect(runCli(['frobnicate'], { cwd: dir }).code).toBe(2);
    expect(runCli(['import'], { cwd: dir }).code).toBe(2);
    const r = runCli(['status'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^usage error: this folder is not inside a mentorship workspace/);
  });

  it("says so in one line when the terminal's folder was deleted under it; --help still works", () => {
    const gone = path.join(tempDir(), 'gone');
    fs.mkdirSync(gone);
    // Only a shell can stand in a folder and delete it: spawning into a missing folder fails first.
    const inGone = (args: string) =>
      spawnSync('sh', ['-c', `cd '${gone}' && rmdir '${gone}' && '${process.execPath}' '${BIN}' ${args}`], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const r = inGone('status');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("usage error: the folder this terminal is in no longer exists (deleted or renamed?)\n  cd to the scheme's folder and run the command again\n");
    fs.mkdirSync(gone);
    const help = inGone('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: mentorship');
  });

  it('finds the workspace from a subfolder, or from --workspace', () => {
    const ws = makeWorkspace();
    const sub = path.join(ws, 'out');
    expect(runCli(['status', '--json'], { cwd: sub }).code).toBe(0);
    const r = runCli(['status', '--json', '--workspace', ws], { cwd: tempDir() });
    const envelope = JSON.parse(r.stdout);
    expect(envelope).toMatchObject({ command: 'status', dryRun: false, result: { workspace: ws, students: 0 }, changes: [] });
    expect(keyCount(envelope.result)).toBeGreaterThan(15);
    expect(nonCamelKeys(envelope)).toEqual([]);
  });

  it('reports a broken scheme.json by JSON path, without a stack trace', () => {
    const ws = makeWorkspace();
    const file = path.join(ws, 'scheme.json');
    const scheme = JSON.parse(fs.readFileSync(file, 'utf8'));
    scheme.matching.weights.support = -5;
    fs.writeFileSync(file, JSON.stringify(scheme));
    const r = runCli(['status'], { cwd: ws });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: scheme\.json: matching\.weights\.support: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    fs.writeFileSync(file, '{ "version": 1, ');
    expect(runCli(['status'], { cwd: ws }).stderr).toMatch(/scheme\.json: is not valid JSON/);
  });

  it('shows the stack trace only with --verbose', () => {
    const ws = makeWorkspace();
    fs.writeFileSync(path.join(ws, 'scheme.json'), '[]');
    expect(runCli(['status'], { cwd: ws }).stderr).not.toMatch(/\n\s+at /);
    expect(runCli(['status', '--verbose'], { cwd: ws }).stderr).toMatch(/\n\s+at /);
  });

  it('follows NO_COLOR and FORCE_COLOR', () => {
    const ws = makeWorkspace({ 's.csv': 'email,name,programme,sectors\r\nbad,X,MSc Conflict Studies,Law\r\n' });
    const plain = runCli(['import', 'students', 's.csv', '--dry-run'], { cwd: ws, env: { NO_COLOR: '1' } });
    expect(plain.stderr).not.toContain('\u001b[');
    const forced = runCli(['import', 'students', 's.csv', '--dry-run'], { cwd: ws, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(forced.stderr).toContain('\u001b[');
  });

  it('init writes a documented workspace and refuses to overwrite one', () => {
    const dir = tempDir();
    const r = runCli(['init', 'scheme'], { cwd: dir });
    expect(r.code).toBe(0);
    const ws = path.join(dir, 'scheme');
    for (const f of ['scheme.json', 'README.txt']) expect(fs.existsSync(path.join(ws, f))).toBe(true);
    for (const d of ['data', 'out', 'templates']) expect(fs.statSync(path.join(ws, d)).isDirectory()).toBe(true);
    const scheme = JSON.parse(fs.readFileSync(path.join(ws, 'scheme.json'), 'utf8'));
    expect(scheme.timeline.meeting_1_due).toBe('2026-01-31');
    expect(scheme.sharing.to_mentor).toEqual(['name', 'email', 'programme', 'sectors', 'support_areas', 'linkedin', 'bio']);
    expect(runCli(['init', 'scheme'], { cwd: dir }).code).toBe(2);
  });

  it('status names the next step', () => {
    const ws = makeWorkspace();
    const r = runCli(['status'], { cwd: ws });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('import the student applications: mentorship import students FILE');
  });
});

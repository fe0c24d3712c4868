// The README's install, from a fresh checkout: `npm pack` (prepack builds dist/), then
// `npm install -g` of the tarball into an empty prefix, then the commands a newcomer types, with
// `mentorship` found on the PATH like any program, and the hint the tool prints run as printed.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, tempDir } from '../helpers/cli.js';

/** The checkout's own files (tracked and new, not ignored): what a clone has. No dist/. */
function freshCheckout(): string {
  const dir = path.join(tempDir('mentorship-clone-'), 'mentorship');
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: REPO, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const f of files) {
    if (!fs.existsSync(path.join(REPO, f))) continue; // deleted but not yet committed
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.copyFileSync(path.join(REPO, f), path.join(dir, f));
  }
  // `npm install` in a clone: the devDependencies the build needs (shared, not reinstalled).
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
    // Nothing runs at install time; the build runs when the package is packed.
    for (const script of ['preinstall', 'install', 'postinstall', 'prepare']) expect(pkg.scripts[script], script).toBeUndefined();
    expect(pkg.scripts.prepack).toBe('npm run build');

    const checkout = freshCheckout();
    expect(fs.existsSync(path.join(checkout, 'dist'))).toBe(false);
    const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
    // A clone that was not built says how to build it, rather than a module-not-found trace.
    const unbuilt = sh(`"${process.execPath}" bin/mentorship.js --help`, checkout, env);
    expect(unbuilt.code).toBe(1);
    expect(unbuilt.stderr).toContain('npm install && npm run build');
    expect(unbuilt.stderr).not.toMatch(/ERR_MODULE_NOT_FOUND|at .*\(/);
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
    expect(install.stderr).not.toMatch(/install-scripts|prepare|tsc/);
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
});

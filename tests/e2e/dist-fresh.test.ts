// dist/ is committed, so that installing from a git URL needs no build (npm prepares a git
// dependency that has a build, prepare or prepack script by cloning it into a temporary folder, and
// npm 11 then links the global install to that folder, which it deletes: a broken install). This
// test compiles src/ afresh and checks that the committed dist/ is exactly that, file for file.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, listFiles, tempDir } from '../helpers/cli.js';

describe('dist/', () => {
  it('is the compiled src/, byte for byte (after changing src/, run npm run compile and commit dist/)', () => {
    const fresh = tempDir('mentorship-dist-');
    execFileSync(process.execPath, [path.join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(REPO, 'tsconfig.build.json'), '--outDir', fresh], { cwd: REPO, stdio: 'pipe' });
    const want = listFiles(fresh);
    expect(want).toContain('main.js');
    const have = listFiles(path.join(REPO, 'dist'));
    expect(have.filter((f) => !want.includes(f)), 'files in dist/ that src/ no longer makes').toEqual([]);
    expect(want.filter((f) => !have.includes(f)), 'files src/ makes that dist/ lacks').toEqual([]);
    const stale = want.filter((f) => !fs.readFileSync(path.join(fresh, f)).equals(fs.readFileSync(path.join(REPO, 'dist', f))));
    expect(stale, 'files of dist/ older than src/: run npm run compile and commit dist/').toEqual([]);
  }, 120_000);
});

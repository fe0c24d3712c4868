// The next step init prints must run as printed in any shell, Windows PowerShell 5 included (no `&&`).
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';

describe('init: the next step it prints', () => {
  it.each([
    ['ws', 'cd ws'],
    ['my scheme', 'cd "my scheme"'],
  ])('for %j says %j on its own line, then the import, with no &&', (dir, cd) => {
    const r = runCli(['init', dir], { cwd: tempDir() });
    expect(r.code).toBe(0);
    const lines = r.stderr.split('\n').map((l) => l.trim());
    const at = lines.indexOf(cd);
    expect(at).toBeGreaterThan(-1);
    expect(lines[at + 1]).toBe('mentorship import students APPLICATIONS.xlsx');
    expect(r.stderr).not.toContain('&&');
  });
});

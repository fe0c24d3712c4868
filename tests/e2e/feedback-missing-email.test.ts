// A survey export with no email column: the fix names a column only when its answers fit.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeWorkspace, runCli } from '../helpers/cli.js';

describe('import feedback: no column holds the email addresses', () => {
  it.each([
    ['Your address', 'zoe@lse.ac.uk', 'add --map "Your address=email"'],
    ['Who', 'Zoe', 'no column looks like email addresses: add --map "COLUMN=email"'],
  ])('a column %j holding %j gives the fix %j, and nothing is written', (header, answer, fix) => {
    const ws = makeWorkspace();
    const file = path.join(ws, 'survey.csv');
    fs.writeFileSync(file, `Timestamp,${header},How useful (1-5)?\n2026-05-20 10:00,${answer},5\n`);
    const before = fs.readdirSync(path.join(ws, 'data')).sort();
    const r = runCli(['import', 'feedback', '--survey', 'final', file], { cwd: ws });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`Columns: "Timestamp", "${header}", "How useful (1-5)?"`);
    expect(r.stderr).toContain(`fix: ${fix}`);
    expect(r.stderr).not.toContain('HEADER=email');
    expect(fs.readdirSync(path.join(ws, 'data')).sort()).toEqual(before);
  });
});

// A fuzz violation must be replayable: its whole case kept (a CI finding once was cut at 1,500
// characters, with no seed printed, and could never be found again), the seed and run that replay
// it named, and the input file saved, since each case's file is deleted after it runs.
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { cleanup, freshWorkspace, tempRoot } from './inproc.js';
import { checkImport, Violations } from './outcome.js';

const scratch = tempRoot('trust-outcome-');
const saved: string[] = [];
afterAll(() => {
  cleanup(scratch);
  for (const f of saved) fs.rmSync(path.dirname(f), { recursive: true, force: true });
});

describe('a fuzz violation', () => {
  it('is reported with the seed and run that replay it, its whole case printed and saved with its input file', () => {
    const input = path.join(scratch, 'in.xlsx');
    fs.writeFileSync(input, Buffer.from([0x50, 0x4b, 3, 4, 0xff, 0]));
    const example = `imported 0, updated 1: case: ${JSON.stringify({ rows: Array.from({ length: 600 }, (_, i) => `row ${i}`) })}`;
    expect(example.length).toBeGreaterThan(4000);
    const v = new Violations();
    v.begin();
    v.begin();
    v.begin();
    const printed = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    v.add('re-importing the same file changes the data', example, [input]);
    v.add('re-importing the same file changes the data', 'a second one, counted but not kept');
    fs.rmSync(input);
    const lines = v.report();
    const calls = printed.mock.calls.map((call) => String(call[0]));
    printed.mockRestore();

    expect(lines).toHaveLength(1);
    const line = lines[0]!;
    expect(line).toMatch(/^re-importing the same file changes the data \(2x\), e\.g\. imported 0, updated 1/);
    // The third run (or, in a replay, the run replayed).
    expect(line).toContain(`FUZZ_SEED=${fc.readConfigureGlobal().seed} FUZZ_PATH=${process.env.FUZZ_PATH ?? 2}`);
    expect(line).toContain(`npx vitest run ${path.join('tests', 'trust', 'outcome.test.ts')} -t 'is reported with the seed and run that replay it, its whole case printed and saved with its input file'`);
    // The whole example goes to the log (for CI, whose temporary folder is gone) ...
    expect(calls.some((c) => c.includes(example) && c.includes('FUZZ_SEED='))).toBe(true);
    // ... and to a file, with a copy of the input.
    const file = /saved: (.+)$/m.exec(line)?.[1];
    expect(file, line).toBeDefined();
    saved.push(file!);
    const text = fs.readFileSync(file!, 'utf8');
    expect(text).toContain(example);
    const copy = /^input file: (.+)$/m.exec(text)?.[1];
    expect(copy).toMatch(/\.xlsx$/);
    expect([...fs.readFileSync(copy!)]).toEqual([0x50, 0x4b, 3, 4, 0xff, 0]);
  });

  it('a short example is shown whole in the assertion message', () => {
    const v = new Violations();
    v.add('the input file was modified', '{"rows":[["email"]]}');
    const [line] = v.report();
    saved.push(/saved: (.+)$/m.exec(line!)![1]!);
    expect(line).toMatch(/^the input file was modified \(1x\), e\.g\. \{"rows":\[\["email"\]\]\}\n {2}replay: FUZZ_SEED=-?\d+( FUZZ_PATH=[\d:]+)? npx vitest run /);
  });
});

describe('the re-import check, on the cases that once broke it', () => {
  it('a mentors file with an Excel serial date a hair off midnight, a formula-like extra answer and an empty header re-imports as unchanged', async () => {
    // Stored as "...T00:00:00", read back as the date alone: the second import "updated" the mentor.
    const ws = await freshWorkspace(scratch);
    const input = path.join(scratch, 'mentors.csv');
    fs.writeFileSync(input, 'email,name,sectors,capacity,submitted_at,Phone,\r\ny9@lse.ac.uk,Sam Taylor,Consulting,2,45966.00000000001,=1+1,x\r\nana@example.com,Ana Popescu,Law,1,45966.43,007,\r\n');
    const v = new Violations();
    const tally = { imported: 0, refused: 0 };
    await checkImport({ ws, input, kind: 'mentors', extraArgs: [], describe: 'serial date near midnight' }, v, tally);
    expect(tally).toEqual({ imported: 1, refused: 0 });
    expect(v.report()).toEqual([]);
  });
});

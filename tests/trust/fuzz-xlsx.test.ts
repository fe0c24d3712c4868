// Fuzzing the XLSX importer: workbooks written with exceljs holding every kind of cell (numbers,
// dates, rich text, formulas with and without results, errors, booleans, hyperlinks, empty rows,
// merged cells, several sheets), and the same workbooks damaged (truncated, bytes flipped).
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { DataError } from '../../src/errors.js';
import { readStreaming, readWhole, readXlsxBytes } from '../../src/io/xlsx-read.js';
import { parseWithPlan, planColumns } from '../../src/core/import/pipeline.js';
import { defaultScheme } from '../../src/core/scheme/defaults.js';
import { parseScheme, type Scheme } from '../../src/core/scheme/schema.js';
import { FIXTURES, runCli } from '../helpers/cli.js';
import { damage, damageArb, FORMULAS, runs, validishXlsxArb, xlsxBytes, xlsxCaseArb, type XlsxCase } from './generators.js';
import { cleanup, expectCleanFailure, expectUnchanged, freshWorkspace, settles, snapshot, tempRoot } from './inproc.js';
import { checkImport, HANG_MS, Violations } from './outcome.js';

const parsed = parseScheme(defaultScheme());
if (!parsed.ok) throw new Error('the default scheme does not parse');
const scheme: Scheme = parsed.scheme;

const scratch = tempRoot('trust-fuzz-xlsx-files-');
const figures = { pureCases: 0, damagedCases: 0, cliCases: 0, cliImported: 0, cliRefused: 0 };
afterAll(() => {
  cleanup(scratch);
  console.log(
    `[trust] XLSX fuzz: ${figures.pureCases} generated workbooks and ${figures.damagedCases} damaged ones through the reader, ` +
      `${figures.cliCases} whole imports in-process (${figures.cliImported} imported, ${figures.cliRefused} refused with a clear error)`,
  );
});

function kindOf(c: XlsxCase): 'students' | 'mentors' {
  const header = c.sheets[0]?.header ?? [];
  return header.includes('programme') || !header.includes('capacity') ? 'students' : 'mentors';
}

describe('XLSX reader, pure layers', () => {
  it('any workbook is read into a table or refused with a DataError; formulas never become data', async () => {
    const v = new Violations();
    await fc.assert(
      fc.asyncProperty(fc.oneof(xlsxCaseArb, validishXlsxArb), async (c) => {
        v.begin();
        figures.pureCases++;
        const bytes = await xlsxBytes(c);
        let table;
        try {
          table = await readXlsxBytes(bytes, 'in.xlsx', c.sheetOption);
        } catch (err) {
          if (!(err instanceof DataError)) v.add(`the reader threw ${(err as Error).name}`, `${(err as Error).message} ${JSON.stringify(c)}`);
          return;
        }
        for (const row of table.rows) {
          for (const cell of row) {
            // A formula's cached result is what the administrator saw; its text is never data.
            if (FORMULAS.includes(cell)) v.add('the text of a formula reached the data', cell);
            if (cell.includes('[object Object]')) v.add('a cell read as [object Object]', JSON.stringify(c));
          }
        }
        for (let i = 1; i < table.rowNumbers.length; i++) if (table.rowNumbers[i]! <= table.rowNumbers[i - 1]!) v.add('row numbers not increasing', String(table.rowNumbers));
        for (const kind of ['students', 'mentors'] as const) {
          const plan = planColumns(table, kind, scheme, 'auto', new Map());
          if (plan.missing.length || table.rows.length <= plan.layout.firstDataIndex) continue;
          const result = parseWithPlan(table, kind, scheme, plan, 2026);
          if (result.people.length + result.rejects.length + result.dropped.length !== table.rows.length - plan.layout.firstDataIndex) {
            v.add('rows unaccounted for', JSON.stringify(c));
          }
        }
      }),
      { numRuns: runs(250) },
    );
    expect(v.report()).toEqual([]);
  });

  it('the fallback reader reads every workbook exactly as the streaming reader does (which of them runs varies between two imports of one file)', async () => {
    // The streaming reader fails its race on about 1 read in 1,500 of a sound workbook and the
    // whole-file reader takes over: any difference between them makes a re-import "update" people
    // now and then, as a CI run once found. Compared directly here, it shows on every run.
    const { default: ExcelJS } = await import('exceljs');
    const v = new Violations();
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(xlsxCaseArb, validishXlsxArb), async (c) => {
        v.begin();
        const bytes = await xlsxBytes(c);
        const streamed = await readStreaming(ExcelJS, bytes, 'in.xlsx', c.sheetOption).catch((err: unknown) => (err instanceof TypeError ? null : { err: String(err) }));
        // The race itself (a TypeError): nothing to compare this time.
        if (streamed === null) return;
        const whole = await readWhole(ExcelJS, bytes, 'in.xlsx', c.sheetOption).catch((err: unknown) => ({ err: String(err) }));
        compared++;
        if (JSON.stringify(whole) !== JSON.stringify(streamed)) {
          v.add('the two XLSX readers read a workbook differently', `streaming ${JSON.stringify(streamed)}\n  whole-file ${JSON.stringify(whole)}\n  case: ${JSON.stringify(c)}`);
        }
      }),
      { numRuns: runs(200) },
    );
    expect(compared).toBeGreaterThan(0);
    expect(v.report()).toEqual([]);
  });

  it('a damaged workbook (truncated, flipped bytes) is refused with a DataError, and never hangs', async () => {
    const v = new Violations();
    let hangs = 0;
    await fc.assert(
      fc.asyncProperty(validishXlsxArb, damageArb, async (c, d) => {
        v.begin();
        // Each hang costs HANG_MS: one example proves the point.
        if (hangs >= 1) return;
        figures.damagedCases++;
        const bytes = damage(await xlsxBytes(c), d);
        const r = await settles(
          readXlsxBytes(bytes, 'in.xlsx').then(
            () => 'read',
            (err: unknown) => (err instanceof DataError ? 'refused' : `threw ${(err as Error).name}: ${(err as Error).message}`),
          ),
          HANG_MS,
        );
        if (r === 'hung') {
          hangs++;
          v.add('reading a damaged workbook never finishes (the CLI exits 13 with no message and leaves its lock)', JSON.stringify({ damage: d, workbook: c }));
        } else if (r !== 'read' && r !== 'refused') v.add(r.slice(0, 80), JSON.stringify({ damage: d, workbook: c }));
      }),
      { numRuns: runs(150) },
    );
    expect(v.report()).toEqual([]);
  });
});

describe('XLSX importer, the whole command in-process', () => {
  it('every workbook ends in a clean import or one clear error, never a partial write; a clean import reloads and re-imports as unchanged', async () => {
    const root = tempRoot('trust-fuzz-xlsx-');
    const v = new Violations();
    const tally = { imported: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.oneof({ weight: 4, arbitrary: validishXlsxArb }, { weight: 1, arbitrary: xlsxCaseArb }),
        fc.record({ strict: fc.integer({ min: 0, max: 4 }).map((n) => n === 0), ext: fc.constantFrom('.xlsx', '.xlsx', '.XLSX', '.csv', '') }),
        async (c, o) => {
          v.begin();
          figures.cliCases++;
          const ws = await freshWorkspace(root);
          const input = `${ws}-in${o.ext}`;
          fs.writeFileSync(input, await xlsxBytes(c));
          const extraArgs = [...(o.strict ? ['--strict'] : []), ...(c.sheetOption ? ['--sheet', c.sheetOption] : [])];
          await checkImport({ ws, input, kind: kindOf(c), extraArgs, describe: JSON.stringify({ ...o, ...c }) }, v, tally);
          fs.rmSync(ws, { recursive: true, force: true });
          fs.rmSync(input, { force: true });
        },
      ),
      { numRuns: runs(150) },
    );
    figures.cliImported += tally.imported;
    figures.cliRefused += tally.refused;
    fs.rmSync(root, { recursive: true, force: true });
    expect(v.report()).toEqual([]);
  });
});

describe('a damaged workbook through the real CLI', () => {
  it('a flipped byte in the worksheet gives one clear error (exit 1), not a silent exit, and leaves no lock', async () => {
    // One byte of the worksheet's compressed data changed (found by the fuzzer above): the entry
    // still inflates, its checksum no longer matches. The fixture is byte-for-byte reproducible.
    const bad = Buffer.from(fs.readFileSync(path.join(FIXTURES, 'students-msforms.xlsx')));
    expect(bad[4246], 'fixtures/students-msforms.xlsx is the committed one').toBe(122);
    bad[4246] = 37;
    const ws = await freshWorkspace(scratch);
    const input = `${ws}-damaged.xlsx`;
    fs.writeFileSync(input, bad);
    const before = snapshot(ws);
    const r = runCli(['import', 'students', input, '--workspace', ws], { cwd: ws, timeoutMs: 60_000 });
    figures.cliCases++;
    expectCleanFailure(r, `import of a workbook with a damaged worksheet (exit ${r.code}, stderr ${JSON.stringify(r.stderr)})`);
    expect(r.stderr).toMatch(/students-msforms|damaged\.xlsx/);
    expectUnchanged(before, ws, 'damaged workbook');
    expect(fs.existsSync(path.join(ws, '.mentorship', 'lock')), 'the lock is released').toBe(false);
  });

  it('the truncated workbook in fixtures/bad gives one clear error through the real CLI', async () => {
    const ws = await freshWorkspace(scratch);
    const before = snapshot(ws);
    const r = runCli(['import', 'students', path.join(FIXTURES, 'bad', 'truncated.xlsx'), '--workspace', ws], { cwd: ws, timeoutMs: 60_000 });
    figures.cliCases++;
    expectCleanFailure(r, 'truncated.xlsx');
    expectUnchanged(before, ws, 'truncated.xlsx');
  });
});

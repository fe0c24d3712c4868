// Fuzzing the CSV importer: hostile shapes and bytes through the pure layers (volume) and through
// the whole `import` command in-process (every outcome is a clean import or one clear error, and
// a failed import leaves the workspace byte-identical).
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { DataError } from '../../src/errors.js';
import { unescapeFormula } from '../../src/io/cells.js';
import { readCsvBytes } from '../../src/io/csv-read.js';
import { toExcelCsv } from '../../src/io/csv-write.js';
import { parseWithPlan, planColumns } from '../../src/core/import/pipeline.js';
import { defaultScheme } from '../../src/core/scheme/defaults.js';
import { parseScheme, type Scheme } from '../../src/core/scheme/schema.js';
import { FIXTURES } from '../helpers/cli.js';
import { csvBytes, csvCaseArb, randomBytesArb, runs, validishCsvArb } from './generators.js';
import { checkImport, Violations } from './outcome.js';
import { cleanup, expectCleanFailure, expectUnchanged, freshWorkspace, runIn, snapshot, tempRoot } from './inproc.js';

const parsed = parseScheme(defaultScheme());
if (!parsed.ok) throw new Error('the default scheme does not parse');
const scheme: Scheme = parsed.scheme;

const scratch = tempRoot('trust-fuzz-csv-files-');
const figures = { pureCases: 0, pureRows: 0, randomByteCases: 0, roundTrips: 0, cliCases: 0, cliImported: 0, cliRefused: 0 };
afterAll(() => {
  cleanup(scratch);
  console.log(
    `[trust] CSV fuzz: ${figures.pureCases} shaped files and ${figures.randomByteCases} random-byte files through the pure layers ` +
      `(${figures.pureRows} rows), ${figures.roundTrips} write/read round trips, ${figures.cliCases} whole imports in-process ` +
      `(${figures.cliImported} imported, ${figures.cliRefused} refused with a clear error)`,
  );
});

/** What the importer may do with any bytes: return a table, or throw a DataError. Nothing else. */
function readOrDataError(bytes: Uint8Array): ReturnType<typeof readCsvBytes> | null {
  try {
    const t = readCsvBytes(bytes, 'in.csv');
    return { ...t, rows: t.rows.map((r) => r.map(unescapeFormula)) };
  } catch (err) {
    if (err instanceof DataError) {
      expect(err.message.length).toBeGreaterThan(0);
      expect(err.where.file).toBe('in.csv');
      return null;
    }
    throw err;
  }
}

function checkPipeline(table: ReturnType<typeof readCsvBytes>): void {
  // Row numbers are what the administrator sees in Excel: increasing, from 1.
  for (let i = 1; i < table.rowNumbers.length; i++) expect(table.rowNumbers[i]!).toBeGreaterThan(table.rowNumbers[i - 1]!);
  expect(table.rowNumbers.length).toBe(table.rows.length);
  for (const target of ['students', 'mentors'] as const) {
    const plan = planColumns(table, target, scheme, 'auto', new Map());
    if (plan.missing.length || table.rows.length <= plan.layout.firstDataIndex) continue;
    const result = parseWithPlan(table, target, scheme, plan, 2026);
    const answers = table.rows.length - plan.layout.firstDataIndex;
    expect(result.people.length + result.rejects.length + result.dropped.length).toBe(answers);
    figures.pureRows += answers;
    for (const r of result.rejects) {
      expect(r.problems.length).toBeGreaterThan(0);
      expect(table.rowNumbers).toContain(r.row);
      for (const p of r.problems) expect(typeof p.reason).toBe('string');
    }
    for (const p of result.people) {
      expect(p.person.email).toMatch(/^[^\s@]+@[^\s@]+\.[^\s@]+$/);
      expect(p.person.email).toBe(p.person.email.toLowerCase());
      expect(p.person.name.trim()).not.toBe('');
      expect(p.person.sectors.length).toBeGreaterThan(0);
    }
  }
}

describe('CSV importer, pure layers', () => {
  it('any shaped CSV is read into a table or refused with a DataError, and parsing never throws', () => {
    fc.assert(
      fc.property(fc.oneof(csvCaseArb, validishCsvArb), (c) => {
        figures.pureCases++;
        const table = readOrDataError(csvBytes(c));
        if (table) checkPipeline(table);
      }),
      { numRuns: runs(2500) },
    );
  });

  it('no answer is silently lost: every non-blank row of a well-formed CSV is imported, rejected or dropped (whatever its line endings)', () => {
    fc.assert(
      fc.property(validishCsvArb, (c) => {
        figures.pureCases++;
        const table = readOrDataError(csvBytes(c));
        expect(table, 'a well-formed (RFC 4180 quoted) CSV is readable').not.toBeNull();
        const kind = c.rows[0]!.includes('programme') ? 'students' : 'mentors';
        const plan = planColumns(table!, kind, scheme, 'auto', new Map());
        expect(plan.missing).toEqual([]);
        const result = parseWithPlan(table!, kind, scheme, plan, 2026);
        // What the file holds after its encoding (Windows-1252 turns what it cannot hold into "?").
        const survives = (cell: string) => (c.encoding === 'cp1252' ? iconv.decode(iconv.encode(cell, 'windows-1252'), 'windows-1252') : cell);
        const written = c.rows.slice(1).filter((r) => r.some((cell) => survives(cell).trim() !== '')).length;
        expect(result.people.length + result.rejects.length + result.dropped.length, `line endings ${JSON.stringify(c.eols)}`).toBe(written);
      }),
      { numRuns: runs(800) },
    );
  });

  it('random bytes, and text with random bytes spliced in, never crash the reader', () => {
    fc.assert(
      fc.property(randomBytesArb, (bytes) => {
        figures.randomByteCases++;
        const table = readOrDataError(bytes);
        if (table) checkPipeline(table);
      }),
      { numRuns: runs(1500) },
    );
  });

  it('the CSV the tool writes reads back to the same text, whatever the text (a data file survives a round trip)', () => {
    const columns = ['a', 'b', 'c'].map((key) => ({ key, header: key }));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.constantFrom("'=x", "'+1", "'-", "''=x", '=x', '-1', '@a', '\t1', '\r1', "'", 'a')), { minLength: 1, maxLength: 5 }), (rows) => {
        figures.roundTrips++;
        const records = rows.map(([a, b, c]) => ({ a, b, c }));
        const bytes = toExcelCsv(columns, records);
        const back = readCsvBytes(bytes, 'data.csv');
        const cells = back.rows.map((r) => r.map(unescapeFormula));
        // Rows of nothing but blank cells are skipped on reading, like Excel's cleared rows.
        const expected = [['a', 'b', 'c'], ...rows.filter((r) => r.some((x) => x.trim() !== ''))];
        expect(cells).toEqual(expected);
      }),
      { numRuns: runs(1000) },
    );
  });
});

describe('CSV importer, the whole command in-process', () => {
  it('every file ends in a clean import or one clear error, never a partial write; a clean import reloads and re-imports as unchanged', async () => {
    const root = tempRoot('trust-fuzz-csv-');
    const v = new Violations();
    const tally = { imported: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.oneof({ weight: 3, arbitrary: validishCsvArb }, { weight: 2, arbitrary: csvCaseArb }),
        fc.record({
          strict: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
          dryRun: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
          ext: fc.constantFrom('.csv', '.csv', '.csv', '.txt', ''),
          wrongKind: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
        }),
        async (c, o) => {
          v.begin();
          figures.cliCases++;
          const header = c.rows[0] ?? [];
          const looksLikeStudents = header.includes('programme') || !header.includes('capacity');
          const kind = looksLikeStudents !== o.wrongKind ? 'students' : 'mentors';
          const ws = await freshWorkspace(root);
          const input = `${ws}-in${o.ext}`;
          fs.writeFileSync(input, csvBytes(c));
          const extraArgs = [...(o.strict ? ['--strict'] : []), ...(o.dryRun ? ['--dry-run'] : [])];
          await checkImport({ ws, input, kind, extraArgs, describe: JSON.stringify({ kind, ...o, ...c }) }, v, tally);
          fs.rmSync(ws, { recursive: true, force: true });
          fs.rmSync(input, { force: true });
        },
      ),
      { numRuns: runs(450) },
    );
    figures.cliImported += tally.imported;
    figures.cliRefused += tally.refused;
    fs.rmSync(root, { recursive: true, force: true });
    expect(v.report()).toEqual([]);
  });
});

describe('known hostile CSVs', () => {
  it('every file in fixtures/bad gives a clean import or one clear error', async () => {
    const bad = path.join(FIXTURES, 'bad');
    for (const f of fs.readdirSync(bad).sort()) {
      for (const kind of ['students', 'mentors']) {
        const ws = await freshWorkspace(scratch);
        const before = snapshot(ws);
        const r = await runIn(['import', kind, path.join(bad, f), '--workspace', ws, '--yes'], ws);
        figures.cliCases++;
        if (r.code === 0) continue;
        expectCleanFailure(r, `${kind} ${f}`);
        expectUnchanged(before, ws, `${kind} ${f}`);
      }
    }
  });

  it('two inputs with the same name (a/students.csv, b/students.csv): the rejected rows of both are kept to fix', async () => {
    const ws = await freshWorkspace(scratch);
    for (const [dir, bad] of [['a', 'bad-in-a'], ['b', 'bad-in-b']] as const) {
      fs.mkdirSync(path.join(scratch, dir), { recursive: true });
      fs.writeFileSync(path.join(scratch, dir, 'students.csv'), `email,name,programme,sectors\r\n${bad},Ann,MSc Conflict Studies,Law\r\nok.${dir}@lse.ac.uk,Ok,MSc Conflict Studies,Law\r\n`);
    }
    const r = await runIn(['import', 'students', path.join(scratch, 'a', 'students.csv'), path.join(scratch, 'b', 'students.csv'), '--workspace', ws, '--json'], ws);
    expect(r.code, r.stderr).toBe(0);
    const rejects = fs
      .readdirSync(path.join(ws, 'out', 'rejects'))
      .map((f) => fs.readFileSync(path.join(ws, 'out', 'rejects', f), 'utf8'))
      .join('\n');
    expect(rejects).toContain('bad-in-a');
    expect(rejects).toContain('bad-in-b');
    const files = (JSON.parse(r.stdout) as { result: { rejectFiles: string[] } }).result.rejectFiles;
    expect(new Set(files).size, `distinct rejects files: ${files.join(', ')}`).toBe(2);
  });

  it('usage errors are clean too', async () => {
    const ws = await freshWorkspace(scratch);
    for (const args of [
      ['import', 'teachers', 'x.csv'],
      ['import', 'students', 'x.csv', '--preset', 'nonsense'],
      ['import', 'students', 'x.csv', '--map', 'nonsense'],
      ['import', 'students', 'x.csv', '--map', 'Email=favourite_colour'],
      ['import', 'students'],
      ['import', 'students', path.join(ws, 'data')],
      ['import', 'students', path.join(ws, 'missing.csv')],
      ['import', 'students', path.join(ws, 'scheme.json'), '--encoding', 'klingon'],
    ]) {
      const before = snapshot(ws);
      const r = await runIn([...args, '--workspace', ws], ws);
      expect(r.code, args.join(' ')).not.toBe(0);
      expectCleanFailure(r, args.join(' '));
      expectUnchanged(before, ws, args.join(' '));
    }
  });
});

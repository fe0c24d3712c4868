// Importing the same file again changes nothing (SPEC section 4): what an import stores in
// data/*.csv must read back as exactly the person the import made, or the next import of the same
// file "updates" them. Here without the CLI, so that thousands of files fit in seconds; the
// in-process fuzzers (tests/trust/fuzz-*.test.ts) check the same through the real command.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planImport } from '../../../src/core/import/incoming.js';
import { makePersonParser, type PeopleTarget, vocabulariesOf } from '../../../src/core/import/people.js';
import { planColumns, type TableRows } from '../../../src/core/import/pipeline.js';
import { type DateOrder, formatRanges, parseDateTime, parseUnavailable } from '../../../src/core/import/values.js';
import { defaultScheme } from '../../../src/core/scheme/defaults.js';
import { parseScheme } from '../../../src/core/scheme/schema.js';
import { peopleColumns, personRow } from '../../../src/core/store/people-rows.js';
import type { Mentor, Student } from '../../../src/core/types.js';
import { unescapeFormula } from '../../../src/io/cells.js';
import { readCsvBytes } from '../../../src/io/csv-read.js';
import { toExcelCsv } from '../../../src/io/csv-write.js';
import { csvBytes, runs, validishCsvArb } from '../../trust/generators.js';

const parsed = parseScheme(defaultScheme());
if (!parsed.ok) throw new Error('the default scheme does not parse');
const scheme = parsed.scheme;
type Person = Student | Mentor;

/** data/*.csv as the store writes it (Excel-ready CSV) and reads it back (workspace/store.ts). */
function storeAndReload(kind: PeopleTarget, people: readonly Person[]): Person[] {
  const back = readCsvBytes(toExcelCsv(peopleColumns(kind), people.map(personRow)), 'data.csv');
  for (const r of back.rows) for (let i = 0; i < r.length; i++) r[i] = unescapeFormula(r[i]!);
  const plan = planColumns({ file: 'data.csv', rows: [back.rows[0]!], rowNumbers: [1] }, kind, scheme, 'canonical', new Map());
  const parse = makePersonParser<Person>({ target: kind, file: 'data.csv', layout: plan.layout, columns: plan.columns, scheme, vocab: vocabulariesOf(scheme), maxYear: 2026 });
  return back.rows.slice(1).map((cells, i) => {
    const o = parse(cells, i + 2);
    if (o.kind !== 'person') throw new Error(`the stored row ${i + 2} does not read back: ${JSON.stringify(o)}`);
    return o.person;
  });
}

/** Import `table` into an empty workspace, then again over what was stored: the second plan. */
function importTwice(table: TableRows, kind: PeopleTarget) {
  const plan = planColumns(table, kind, scheme, 'auto', new Map());
  if (plan.missing.length) return null;
  const run = (stored: Person[]) => planImport<Person>({ target: kind, scheme, maxYear: 2026, files: [{ table, plan }], stored, otherSide: new Set() });
  let first;
  try {
    first = run([]);
  } catch {
    return null; // a file the import refuses as a whole (a date column in both orders)
  }
  const again = run(storeAndReload(kind, first.people));
  return { first, again };
}

const csvTable = (text: string): TableRows => readCsvBytes(Buffer.from(text, 'utf8'), 'mentors.csv');

describe('importing the same file again', () => {
  it('an Excel serial date a hair off midnight (floating point) is stored as the date it reads back as', () => {
    // It was stored as "2025-11-05T00:00:00", which reads back as "2025-11-05": every import of
    // the same file then "updated" the mentor.
    const table = csvTable(
      'email,name,sectors,submitted_at,Phone,\r\n' +
        'y9@lse.ac.uk,Sam Taylor,Consulting,45966.00000000001,=1+1,x\r\n' +
        'zoe@lse.ac.uk,Zoë O’Brien,Law,45965.99999999999,,\r\n' +
        'ana@example.com,Ana Popescu,Technology,45966.43,007,\r\n',
    );
    const r = importTwice(table, 'mentors')!;
    expect(r.first.people.map((p) => p.submitted_at)).toEqual(['2025-11-05', '2025-11-05', '2025-11-05T10:19:12']);
    expect({ imported: r.again.imported, updated: r.again.updated, unchanged: r.again.unchanged }).toEqual({ imported: 0, updated: 0, unchanged: 3 });
  });

  it('every importable form export: the second import finds everyone unchanged', () => {
    let people = 0;
    fc.assert(
      fc.property(validishCsvArb, (c) => {
        const table = readCsvBytes(csvBytes({ ...c, huge: false }), 'in.csv');
        const kind: PeopleTarget = c.rows[0]!.includes('programme') ? 'students' : 'mentors';
        const r = importTwice(table, kind);
        if (!r) return;
        people += r.first.people.length;
        expect({ imported: r.again.imported, updated: r.again.updated }).toEqual({ imported: 0, updated: 0 });
      }),
      { numRuns: runs(400) },
    );
    expect(people).toBeGreaterThan(100);
  });
});

describe('a date as stored reads back as itself', () => {
  const order = fc.constantFrom<DateOrder>('DMY', 'MDY');
  const answers = fc.oneof(
    fc.double({ min: 10_000, max: 99_999, noNaN: true }).map(String),
    fc.tuple(fc.integer({ min: 10_000, max: 99_999 }), fc.constantFrom('', '.0', '.5', '.00000000001', '.99999999999', '.43')).map(([n, f]) => `${n}${f}`),
    fc
      .tuple(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1890, max: 2210 }), fc.constantFrom('', ' 0:00', ' 12:00 am', 'T00:00:00Z', ' 23:59:59', ' 10:23'), fc.constantFrom('/', '-', '.'))
      .map(([d, m, y, t, s]) => `${d}${s}${m}${s}${y}${t}`),
    fc.string(),
  );

  it('a date and time: parsing what parsing gave returns it unchanged, in either order', () => {
    let dates = 0;
    fc.assert(
      fc.property(answers, order, (answer, o) => {
        const iso = parseDateTime(answer, o);
        if (iso === null) return;
        dates++;
        expect(parseDateTime(iso, 'DMY'), answer).toBe(iso);
        expect(parseDateTime(iso, 'MDY'), answer).toBe(iso);
      }),
      { numRuns: runs(5000) },
    );
    expect(dates).toBeGreaterThan(1000);
  });

  it('unavailable periods: as formatted, they read back as the same periods', () => {
    fc.assert(
      fc.property(fc.array(answers, { minLength: 1, maxLength: 3 }), order, (parts, o) => {
        const ranges = parseUnavailable(parts.join(' - '), o);
        if (ranges === null) return;
        expect(parseUnavailable(formatRanges(ranges), 'MDY')).toEqual(ranges);
      }),
      { numRuns: runs(2000) },
    );
  });
});

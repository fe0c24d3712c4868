// The plan of an import: duplicates within it (the latest submission wins), a person on both sides
// rejected, and the merge with what is stored (re-importing the same data changes nothing).
import { describe, expect, it } from 'vitest';
import { type ImportFile, planImport } from '../../../src/core/import/incoming.js';
import { planColumns } from '../../../src/core/import/pipeline.js';
import { defaultScheme } from '../../../src/core/scheme/defaults.js';
import { parseScheme, type Scheme } from '../../../src/core/scheme/schema.js';
import type { Student } from '../../../src/core/types.js';

function scheme(): Scheme {
  const r = parseScheme(defaultScheme());
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.scheme;
}
const S = scheme();
const HEADER = ['email', 'name', 'programme', 'sectors', 'bio', 'submitted_at'];

/** One input file of students: [email, bio, submitted_at] per row (the bio tells answers apart). */
function file(rows: [string, string, string, string?][], name = 'a.csv'): ImportFile {
  const cells = [HEADER, ...rows.map(([email, bio, at, sector]) => [email, `Name ${email[0]}`, 'MSc European and International Public Policy', sector ?? 'Consulting', bio, at])];
  const table = { file: name, rows: cells, rowNumbers: cells.map((_, i) => i + 1) };
  return { table, plan: planColumns(table, 'students', S, 'auto', new Map()) };
}

/** The people a first import of these rows stores: what a later import finds in the data file. */
function storedOf(rows: [string, string, string][]): Student[] {
  return planImport<Student>({ target: 'students', scheme: S, maxYear: 2027, files: [file(rows)], stored: [], otherSide: new Set() }).people;
}

function plan(files: ImportFile[], stored: Student[] = [], otherSide: string[] = []) {
  return planImport<Student>({ target: 'students', scheme: S, maxYear: 2027, files, stored, otherSide: new Set(otherSide) });
}

const bios = (people: Student[]) => people.map((p) => p.bio);

describe('planImport: duplicates', () => {
  it('keeps the latest submission and reports the others', () => {
    const r = plan([file([['a@x.org', 'first', '2025-11-05T10:00:00'], ['b@x.org', 'b', '2025-11-05T11:00:00'], ['a@x.org', 'second', '2025-11-06T09:00:00']])]);
    expect(bios(r.people)).toEqual(['second', 'b']);
    expect(r.duplicates).toEqual([
      { email: 'a@x.org', kept: { file: 'a.csv', row: 4, submitted_at: '2025-11-06T09:00:00' }, dropped: [{ file: 'a.csv', row: 2, submitted_at: '2025-11-05T10:00:00' }] },
    ]);
  });

  it('keeps an earlier row when a later one is an older submission', () => {
    const r = plan([file([['a@x.org', 'newer', '2025-11-06'], ['a@x.org', 'older', '2025-11-01']])]);
    expect(bios(r.people)).toEqual(['newer']);
    expect(r.duplicates[0]).toMatchObject({ kept: { row: 2 }, dropped: [{ row: 3 }] });
  });

  it('lets the later row win when there are no timestamps', () => {
    expect(bios(plan([file([['a@x.org', 'one', ''], ['a@x.org', 'two', '']])]).people)).toEqual(['two']);
  });

  it('resolves duplicates across files, naming the file of each', () => {
    const r = plan([file([['a@x.org', 'one', '2025-11-02']], 'a.csv'), file([['a@x.org', 'two', '2025-11-01']], 'b.csv')]);
    expect(bios(r.people)).toEqual(['one']);
    expect(r.duplicates).toEqual([{ email: 'a@x.org', kept: expect.objectContaining({ file: 'a.csv', row: 2 }), dropped: [expect.objectContaining({ file: 'b.csv', row: 2 })] }]);
  });
});

describe('planImport: rejects and warnings', () => {
  it('rejects a person already stored on the other side, after the rows the file rejected itself', () => {
    const r = plan([file([['m@x.org', 'mentor too', '2025-11-01'], ['bad', 'x', '2025-11-01'], ['s@x.org', 's', '2025-11-01']])], [], ['m@x.org']);
    expect(bios(r.people)).toEqual(['s']);
    expect(r.rejects.map((x) => [x.row, x.problems[0]!.column, x.problems[0]!.reason])).toEqual([
      [3, 'email', 'is not an email address'],
      [2, 'email', 'is already in the workspace as a mentor; a person cannot be both'],
    ]);
    // The other side's rejection needs no fixing in the file: it carries no cells.
    expect(r.rejects[1]!.cells).toEqual([]);
    expect(r.imported).toBe(1);
  });

  it('keeps the warnings of accepted rows, and none of rejected ones', () => {
    const r = plan([file([['a@x.org', 'a', '2025-11-01', 'Space Piracy'], ['bad', 'b', '2025-11-01', 'Astrology']])]);
    expect(r.warnings.map((w) => [w.row, w.value])).toEqual([[2, 'Space Piracy']]);
  });
});

describe('planImport: merging with the stored people', () => {
  it('counts imported, updated and unchanged, and keeps stored order', () => {
    const stored = storedOf([['a@x.org', 'old', '2025-11-01'], ['b@x.org', 'b', '2025-11-01']]);
    const r = plan([file([['b@x.org', 'b', '2025-11-01'], ['a@x.org', 'new', '2025-11-02'], ['c@x.org', 'c', '2025-11-03']])], stored);
    expect(r).toMatchObject({ imported: 1, updated: 1, unchanged: 1, older: 0 });
    expect(bios(r.people)).toEqual(['new', 'b', 'c']);
  });

  it('on a first import, keeps everyone in the order they first came, with their latest answer', () => {
    const r = plan([file([['a@x.org', 'a1', '2025-11-01'], ['b@x.org', 'b', '2025-11-01'], ['a@x.org', 'a2', '2025-11-03'], ['c@x.org', 'c', '2025-11-02']])]);
    expect(bios(r.people)).toEqual(['a2', 'b', 'c']);
    expect(r).toMatchObject({ imported: 3, updated: 0, unchanged: 0, older: 0 });
  });

  it('does not let an older submission overwrite a newer stored one', () => {
    const r = plan([file([['a@x.org', 'older', '2025-11-01']])], storedOf([['a@x.org', 'newer', '2025-11-05']]));
    expect(r.older).toBe(1);
    expect(bios(r.people)).toEqual(['newer']);
  });

  it('changes nothing when the same data comes again', () => {
    const rows: [string, string, string][] = [['a@x.org', 'a', '2025-11-01'], ['b@x.org', 'b', '2025-11-02']];
    const stored = storedOf(rows);
    const r = plan([file(rows)], stored);
    expect(r.people).toEqual(stored);
    expect(r).toMatchObject({ unchanged: 2, imported: 0, updated: 0 });
  });
});

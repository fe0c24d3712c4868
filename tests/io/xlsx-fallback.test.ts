// The whole-file reader is the fallback when exceljs's streaming reader trips over its race, so
// which of the two reads a workbook varies from one import of it to the next. They must give the
// same table: a boolean formula result read as TRUE by one and 1 by the other (or a formula's date
// as a date by one and its serial number by the other) made a second import of the same mentors
// workbook "update" a mentor (the fuzz-xlsx finding "re-importing the same file changes the data"),
// and only now and then, when the race happens.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { planImport } from '../../src/core/import/incoming.js';
import { planColumns } from '../../src/core/import/pipeline.js';
import { defaultScheme } from '../../src/core/scheme/defaults.js';
import { parseScheme } from '../../src/core/scheme/schema.js';
import type { Mentor } from '../../src/core/types.js';
import type { RawTable } from '../../src/io/csv-read.js';
import { readStreaming, readWhole } from '../../src/io/xlsx-read.js';

// The exports the form tools really write (see its SOURCES.md), and the project's own fixtures.
const WORKBOOK_DIRS = [path.resolve(__dirname, '../../../shared/real-exports'), path.resolve(__dirname, '../../fixtures'), path.resolve(__dirname, '../../fixtures/real-like')];

const parsed = parseScheme(defaultScheme());
if (!parsed.ok) throw new Error('the default scheme does not parse');
const scheme = parsed.scheme;

/** A mentors export with what the two readers used to read differently. */
async function workbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.getRow(1).values = ['email', 'name', 'sectors', 'capacity', 'submitted_at', 'Phone', 'Notes', ''];
  ws.getRow(2).values = ['y9@lse.ac.uk', 'Sam Taylor', 'Consulting', 2, '45966.43', '=1+1'];
  // A cached TRUE from a formula (the streaming reader reads it as the number 1).
  ws.getCell('G2').value = { formula: 'A1=A1', result: true } as never;
  ws.getRow(3).values = ['zoe@lse.ac.uk', 'Zoë O’Brien', 'Law', 1, '2025-11-05T10:23:45Z', '007'];
  ws.getCell('G3').value = { formula: 'A1<>A1', result: false } as never;
  // A merge reaching into an otherwise empty row: only its first cell holds the value.
  ws.getCell('G4').value = 'see above';
  ws.mergeCells('G4:H5');
  ws.getRow(6).values = ['ana@example.com', 'Ana-Maria Popescu', 'Technology', '', '', '', '', ''];
  // A formula's date in a date format (the streaming reader gives its serial number, 45966.43).
  ws.getCell('G6').value = { formula: 'NOW()', result: new Date(Date.UTC(2025, 10, 5, 10, 19, 12)) } as never;
  ws.getCell('G6').numFmt = 'dd/mm/yyyy hh:mm';
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

function plan(table: RawTable, stored: Mentor[]) {
  const columns = planColumns(table, 'mentors', scheme, 'auto', new Map());
  return planImport<Mentor>({ target: 'mentors', scheme, maxYear: 2026, files: [{ table, plan: columns }], stored, otherSide: new Set() });
}

describe('the fallback XLSX reader', () => {
  it('reads a workbook exactly as the streaming reader does: formula results (TRUE, a date), merged cells, trailing empty cells', async () => {
    const bytes = await workbook();
    const streamed = await readStreaming(ExcelJS, bytes, 'mentors.xlsx');
    const whole = await readWhole(ExcelJS, bytes, 'mentors.xlsx');
    expect(streamed.table!.rows[1]).toEqual(['y9@lse.ac.uk', 'Sam Taylor', 'Consulting', '2', '45966.43', '=1+1', '1']);
    expect(streamed.table!.rows.at(-1)).toEqual(['ana@example.com', 'Ana-Maria Popescu', 'Technology', '', '', '', '2025-11-05T10:19:12']);
    expect(whole.table).toEqual(streamed.table);
  });

  it('an import read by one reader, then by the other, finds every mentor unchanged', async () => {
    const bytes = await workbook();
    const first = plan((await readStreaming(ExcelJS, bytes, 'mentors.xlsx')).table!, []);
    expect(first.imported).toBe(3);
    for (const reader of [readWhole, readStreaming]) {
      const again = plan((await reader(ExcelJS, bytes, 'mentors.xlsx')).table!, first.people);
      expect({ imported: again.imported, updated: again.updated, unchanged: again.unchanged }, reader.name).toEqual({ imported: 0, updated: 0, unchanged: 3 });
    }
  });

  it('reads every real export workbook and fixture exactly as the streaming reader does', async () => {
    const files = WORKBOOK_DIRS.flatMap((d) => fs.readdirSync(d).filter((f) => f.endsWith('.xlsx')).map((f) => path.join(d, f)));
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const file of files) {
      const bytes = fs.readFileSync(file);
      const streamed = await readStreaming(ExcelJS, bytes, 'in.xlsx');
      expect(streamed.table!.rows.length, file).toBeGreaterThan(1);
      expect(await readWhole(ExcelJS, bytes, 'in.xlsx'), file).toEqual(streamed);
    }
  });

  it('stops, naming the cell, where it would lose an answer the streaming reader reads (a formula text result in a date format)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.getRow(1).values = ['email', 'name', 'submitted_at'];
    ws.getRow(2).values = ['y9@lse.ac.uk', 'Sam Taylor'];
    ws.getCell('C2').value = { formula: 'TEXT(NOW(),"dd/mm/yyyy")', result: '05/11/2025' } as never;
    ws.getCell('C2').numFmt = 'dd/mm/yyyy';
    const bytes = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    expect((await readStreaming(ExcelJS, bytes, 'mentors.xlsx')).table!.rows[1]).toEqual(['y9@lse.ac.uk', 'Sam Taylor', '05/11/2025']);
    await expect(readWhole(ExcelJS, bytes, 'mentors.xlsx')).rejects.toThrow(/cell C2 holds a formula whose text result cannot be read/);
  });
});

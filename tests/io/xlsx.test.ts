import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readXlsxBytes } from '../../src/io/xlsx-read.js';
import { toXlsx } from '../../src/io/xlsx-write.js';
import { DataError } from '../../src/errors.js';

describe('XLSX for people', () => {
  it('keeps text as text, dates as dates, freezes and filters the header', async () => {
    const buf = await toXlsx(
      [
        {
          name: 'People',
          columns: [
            { key: 'name', header: 'name' },
            { key: 'phone', header: 'phone' },
            { key: 'when', header: 'when', type: 'date' },
            { key: 'score', header: 'score', type: 'number' },
          ],
          rows: [
            { name: '=HYPERLINK("http://x","y")', phone: '00441234567890', when: '2026-01-31', score: 71.5 },
            { name: 'Zoë', phone: '007', when: '', score: null },
          ],
        },
      ],
      new Date(Date.UTC(2025, 10, 25)),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('People')!;
    expect(ws.getCell('A2').value).toBe('=HYPERLINK("http://x","y")');
    expect(ws.getCell('A2').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('B2').value).toBe('00441234567890');
    expect(ws.getCell('B3').value).toBe('007');
    expect(ws.getCell('C2').value).toEqual(new Date(Date.UTC(2026, 0, 31)));
    expect(ws.getCell('D2').value).toBe(71.5);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.getColumn(1).width).toBeGreaterThan(20);
  });

  it('reads back every cell type as text', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Form1');
    ws.addRow(['email', 'when', 'n', 'rich', 'formula', 'err']);
    ws.addRow([
      'a@b.org',
      new Date(Date.UTC(2025, 10, 5, 10, 23, 45)),
      2,
      { richText: [{ text: 'Zo' }, { text: 'ë', font: { bold: true } }] },
      { formula: '1+1', result: 2 },
      { error: '#N/A' },
    ]);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const t = await readXlsxBytes(buf, 'f.xlsx');
    // The error cell reads as empty, and a row ends at its last non-empty cell.
    expect(t.rows[1]).toEqual(['a@b.org', '2025-11-05T10:23:45', '2', 'Zoë', '2']);
    await expect(readXlsxBytes(buf, 'f.xlsx', 'Nope')).rejects.toThrow(/no sheet called "Nope".*|Form1/);
  });

  it('turns a truncated workbook into a clear error', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('S').addRow(['a']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    await expect(readXlsxBytes(buf.subarray(0, Math.floor(buf.length * 0.6)), 't.xlsx')).rejects.toBeInstanceOf(DataError);
  });
});

// A real spreadsheet program opens every CSV and XLSX the tool writes. The whole cycle runs on the
// sample data plus hostile participants; then headless LibreOffice opens each file (CSV the way
// Excel does: formulas evaluated) and we read back what it made of every cell.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsvBytes } from '../../src/io/csv-read.js';
import { unescapeFormula } from '../../src/io/cells.js';
import { cycleSteps, describeCycle, HOSTILE, runCycle, type StepOutcome, writeHostileInputs } from './cycle.js';
import { cleanup, freshWorkspace, listFiles, tempRoot } from './inproc.js';
import { type Converted, convertToFods, type OdsCell, type OdsSheet, readFods, sofficePath } from './libreoffice.js';

let ws = '';
let outcomes: StepOutcome[] = [];
let converted: Converted[] = [];
let canaries: Record<string, string> = {};
const sheetsOf = new Map<string, OdsSheet[]>();
const figures = { files: 0, csv: 0, xlsx: 0, cells: 0, twinCells: 0, csvNumbersFromText: 0, examples: new Set<string>() };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2})?)?$/;

/** Files with exactly the faults the checks look for: proof that each check can fail. */
async function writeCanaries(dir: string): Promise<Record<string, string>> {
  fs.mkdirSync(dir, { recursive: true });
  const files = {
    rawFormulaCsv: path.join(dir, 'raw-formula.csv'),
    latin1Csv: path.join(dir, 'latin1.csv'),
    numberXlsx: path.join(dir, 'numbers.xlsx'),
    numberCsv: path.join(dir, 'numbers.csv'),
    formulaXlsx: path.join(dir, 'formula.xlsx'),
  };
  fs.writeFileSync(files.rawFormulaCsv, 'name,bio\r\nSam,=1+1\r\n');
  fs.writeFileSync(files.latin1Csv, Buffer.from('name\r\nZo\xeb\r\n', 'latin1'));
  fs.writeFileSync(files.numberCsv, '\uFEFFname,date\r\n007,2025-11-05\r\n');
  const { default: ExcelJS } = await import('exceljs');
  const numbers = new ExcelJS.Workbook();
  numbers.addWorksheet('S').addRows([['name', 'date'], [7, '2025-11-05']]);
  fs.writeFileSync(files.numberXlsx, Buffer.from((await numbers.xlsx.writeBuffer()) as ArrayBuffer));
  const formula = new ExcelJS.Workbook();
  formula.addWorksheet('S').addRows([['bio'], [{ formula: 'HYPERLINK("http://x","y")', result: 'y' }]]);
  fs.writeFileSync(files.formulaXlsx, Buffer.from((await formula.xlsx.writeBuffer()) as ArrayBuffer));
  return files;
}

beforeAll(async () => {
  sofficePath(); // fails clearly, not skipped, when LibreOffice is missing
  const root = tempRoot('trust-lo-');
  const inputs = writeHostileInputs(root);
  ws = await freshWorkspace(root);
  outcomes = await runCycle(ws, cycleSteps(inputs));
  const files = listFiles(ws)
    .filter((f) => /\.(csv|xlsx)$/i.test(f))
    .map((f) => path.join(ws, f));
  canaries = await writeCanaries(path.join(root, 'canaries'));
  converted = convertToFods([...files, ...Object.values(canaries)]);
  for (const c of converted) sheetsOf.set(nameOf(c.source), readFods(c.fods));
  figures.files = files.length;
  figures.csv = files.filter((c) => c.endsWith('.csv')).length;
  figures.xlsx = files.filter((c) => c.endsWith('.xlsx')).length;
}, 300_000);

afterAll(() => {
  cleanup(path.dirname(ws), ...new Set(converted.map((c) => path.dirname(path.dirname(c.fods)))));
  console.log(`[trust] cycle: ${describeCycle(outcomes)}`);
  console.log(
    `[trust] LibreOffice opened ${figures.files} files (${figures.csv} CSV, ${figures.xlsx} XLSX), ${figures.cells} cells checked, ` +
      `${figures.twinCells} XLSX cells compared with their CSV twin; ${figures.csvNumbersFromText} CSV cells a spreadsheet shows as numbers ` +
      `(CSV cannot say "text"; the XLSX keeps them)${figures.examples.size ? `, e.g. ${[...figures.examples].slice(0, 5).join(', ')}` : ''}`,
  );
});

function rel(abs: string): string {
  return path.relative(ws, abs).split(path.sep).join('/');
}

function* cells(sheets: OdsSheet[]): Generator<{ sheet: string; r: number; c: number; cell: OdsCell }> {
  for (const s of sheets) for (let r = 0; r < s.rows.length; r++) for (let c = 0; c < s.rows[r]!.length; c++) yield { sheet: s.name, r, c, cell: s.rows[r]![c]! };
}

/** Line breaks as a spreadsheet keeps them; C0 control characters (echoed from a rejected input) it drops. */
const norm = (s: string) => s.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

/** Spreadsheets cap a cell (Excel at 32,767 characters, LibreOffice at 65,535): a longer text is cut, not changed. */
function sameText(shown: string, wrote: string): boolean {
  const a = norm(shown);
  const b = norm(wrote);
  return a === b || (b.length > 32_767 && a.length >= 32_767 && b.startsWith(a));
}

/** The CSV as the tool wrote it: raw cells (escaped), indexed by their record number. */
function csvRecords(file: string): Map<number, string[]> {
  const t = readCsvBytes(fs.readFileSync(file), rel(file));
  const m = new Map<number, string[]>();
  t.rows.forEach((row, i) => m.set(t.rowNumbers[i]! - 1, row));
  return m;
}


function toolFiles(ext: string): Converted[] {
  return converted.filter((c) => c.source.startsWith(ws) && c.source.toLowerCase().endsWith(ext));
}

function nameOf(file: string): string {
  return file.startsWith(ws) ? rel(file) : file;
}

function formulaProblems(file: string): string[] {
  const out: string[] = [];
  for (const { sheet, r, c, cell } of cells(sheetsOf.get(nameOf(file))!)) {
    figures.cells++;
    if (cell.formula) out.push(`${nameOf(file)} ${sheet} R${r + 1}C${c + 1}: ${cell.formula}`);
  }
  return out;
}

/** Each CSV cell the spreadsheet took as text must show exactly the bytes written. */
function csvProblems(file: string): string[] {
  const wrong: string[] = [];
  const name = nameOf(file);
  const sheet = sheetsOf.get(name)![0]!;
  for (const [r, row] of csvRecords(file)) {
    row.forEach((raw, col) => {
      const cell = sheet.rows[r]?.[col] ?? { type: '', text: '' };
      if (cell.type === 'string' || cell.type === '') {
        if (!sameText(cell.text, raw)) wrong.push(`${name} R${r + 1}C${col + 1}: wrote ${JSON.stringify(raw.slice(0, 80))}, the spreadsheet shows ${JSON.stringify(cell.text.slice(0, 80))}`);
      } else if (!/^[-+]?[\d.,:/ %TZ-]+$/.test(raw.trim())) {
        // A spreadsheet turns number-like CSV text into numbers; only number-like text may change type.
        wrong.push(`${name} R${r + 1}C${col + 1}: text ${JSON.stringify(raw.slice(0, 80))} became ${cell.type}`);
      } else if (/^0\d|^\d{16,}$/.test(raw.trim()) && file.startsWith(ws)) {
        figures.csvNumbersFromText++;
        figures.examples.add(raw.trim());
      }
    });
  }
  return wrong;
}

/** Each cell of the workbook's first sheet against the same cell of the CSV written beside it. */
function twinProblems(xlsx: string, csv: string): string[] {
  const wrong: string[] = [];
  const name = nameOf(xlsx);
  const sheet = sheetsOf.get(name)![0]!;
  for (const [r, row] of csvRecords(csv)) {
    row.forEach((raw, col) => {
      figures.twinCells++;
      const text = unescapeFormula(raw);
      const cell = sheet.rows[r]?.[col] ?? { type: '', text: '' };
      const where = `${name} R${r + 1}C${col + 1} (${JSON.stringify(text.slice(0, 60))})`;
      if (ISO_DATE.test(text)) {
        if (cell.type !== 'date') wrong.push(`${where}: a date, but the cell is ${cell.type || 'empty'}`);
        else if (!cell.value?.startsWith(text.replace(' ', 'T').slice(0, 16))) wrong.push(`${where}: the date cell holds ${cell.value}`);
        return;
      }
      if (cell.type === 'string' || cell.type === '') {
        if (!sameText(cell.text, text)) wrong.push(`${where}: the workbook shows ${JSON.stringify(cell.text.slice(0, 60))}`);
      } else if (cell.type === 'float' || cell.type === 'percentage' || cell.type === 'currency') {
        // Numbers the tool computed (scores, counts) are numbers; text that looks like a number is not.
        if (/^0\d|^\d{16,}$/.test(text) || text.trim() === '' || Math.abs(Number(cell.value) - Number(text)) > 1e-9) wrong.push(`${where}: became the number ${cell.value}`);
      } else {
        wrong.push(`${where}: became a ${cell.type} (${cell.value})`);
      }
    });
  }
  return wrong;
}

describe('LibreOffice opens every file the tool writes', () => {
  it('opens them all: the data files, rejects, reports, review sheet, exports and email indexes that exist', () => {
    const names = converted.map((c) => rel(c.source));
    expect(names).toContain('data/students.csv');
    expect(names).toContain('data/mentors.csv');
    expect(names).toContain('out/reports/supply.csv');
    expect(names).toContain('out/reports/supply.xlsx');
    expect(names.some((n) => n.startsWith('out/rejects/'))).toBe(true);
    // Whatever else the cycle produced is in the list too: every command that ran wrote its files.
    for (const o of outcomes.filter((x) => x.status === 'ran')) {
      if (o.step.name === 'match') expect(names).toContain('out/match-review.xlsx');
      if (o.step.name === 'export') expect(names).toEqual(expect.arrayContaining(['out/export/for-students.csv', 'out/export/for-students.xlsx', 'out/export/for-mentors.csv', 'out/export/for-mentors.xlsx']));
      if (o.step.name === 'report programme') expect(names).toContain('out/reports/programme.xlsx');
    }
    for (const [name, sheets] of sheetsOf) expect(sheets.length, `${name} has at least one sheet`).toBeGreaterThan(0);
  });

  it('no cell of any file holds a formula, even with hostile names, bios and reasons', () => {
    expect(converted.filter((c) => c.source.startsWith(ws)).flatMap((c) => formulaProblems(c.source))).toEqual([]);
  });

  it('CSV: every cell the spreadsheet reads as text shows exactly what the tool wrote (diacritics intact, formula escapes visible)', () => {
    const wrong = toolFiles('.csv').flatMap((c) => csvProblems(c.source));
    expect(wrong.slice(0, 20)).toEqual([]);
  });

  it('CSV: the hostile names are escaped so the spreadsheet shows them as text', () => {
    const students = sheetsOf.get('data/students.csv')![0]!;
    const texts = new Set([...cells([students])].map((x) => x.cell.text));
    expect(texts).toContain(`'${HOSTILE.formulaName}`);
    expect(texts).toContain(`'${HOSTILE.plusName}`);
    expect(texts).toContain(`'${HOSTILE.atName}`);
    expect(texts).toContain(`'${HOSTILE.minusName}`);
    for (const d of HOSTILE.diacritics) expect(texts).toContain(d);
  });

  it('XLSX: text stays text: every cell equals its CSV twin (leading zeros, long digit strings, diacritics), and dates are dates', () => {
    const wrong = toolFiles('.xlsx')
      .filter((c) => fs.existsSync(c.source.replace(/\.xlsx$/i, '.csv')))
      .flatMap((c) => twinProblems(c.source, c.source.replace(/\.xlsx$/i, '.csv')));
    expect(wrong.slice(0, 20)).toEqual([]);
  });

  it('XLSX without a CSV twin (the review sheet): hostile and number-like texts are text, date-like texts are dates', () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const c of toolFiles('.xlsx').filter((x) => !fs.existsSync(x.source.replace(/\.xlsx$/i, '.csv')))) {
      const name = rel(c.source);
      for (const { sheet, r, c: col, cell } of cells(sheetsOf.get(name)!)) {
        checked++;
        if (cell.type === 'string' && ISO_DATE.test(cell.text)) wrong.push(`${name} ${sheet} R${r + 1}C${col + 1}: the date ${cell.text} is text, not a date`);
      }
      const texts = new Set([...cells(sheetsOf.get(name)!)].filter((x) => x.cell.type === 'string').map((x) => x.cell.text));
      if (name === 'out/match-review.xlsx') {
        expect(texts, 'the student named "007" keeps the zeros').toContain(HOSTILE.zeroName);
        expect(texts).toContain(HOSTILE.formulaName);
        expect(texts).toContain(HOSTILE.diacritics[2]);
      }
    }
    expect(wrong.slice(0, 20)).toEqual([]);
    if (outcomes.some((o) => o.step.name === 'match' && o.status === 'ran')) expect(checked).toBeGreaterThan(0);
  });

  it('the long digit strings and the hostile names reach the exports as text', () => {
    if (!sheetsOf.has('out/export/for-mentors.xlsx')) {
      expect(outcomes.find((o) => o.step.name === 'export')?.status, 'export ran but wrote no for-mentors.xlsx').not.toBe('ran');
      return;
    }
    const texts = [...cells(sheetsOf.get('out/export/for-mentors.xlsx')!)].filter((x) => x.cell.type === 'string').map((x) => x.cell.text);
    expect(texts).toContain(HOSTILE.zeroName);
    expect(texts).toContain(HOSTILE.longDigits);
    expect(texts).toContain(HOSTILE.formulaName);
  });

  it('the checks catch what they look for (canaries: a raw formula, mis-encoded text, a number for "007", a date as text, a workbook formula)', () => {
    expect(formulaProblems(canaries.rawFormulaCsv!)).toHaveLength(1);
    expect(formulaProblems(canaries.formulaXlsx!)).toHaveLength(1);
    expect(csvProblems(canaries.latin1Csv!).join('\n')).toMatch(/Zo/);
    const twin = twinProblems(canaries.numberXlsx!, canaries.numberCsv!);
    expect(twin.join('\n')).toMatch(/became the number 7/);
    expect(twin.join('\n')).toMatch(/a date, but the cell is string/);
  });
});

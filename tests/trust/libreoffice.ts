// Headless LibreOffice as "a real spreadsheet program": open the CSV and XLSX files the tool writes
// and save them as flat ODS (.fods, plain XML), then read back what the program made of each cell:
// its type (string, float, date...), its displayed text, and whether it holds a formula.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * CSV import options, in LibreOffice's order: comma, double quote, UTF-8, from line 1, standard
 * columns, default language, quoted fields NOT forced to text, detect special numbers, (3 export
 * options), all sheets, EVALUATE FORMULAS. That is the worst case, the way Excel opens a CSV: a
 * cell that starts with "=" becomes a formula unless the tool escaped it.
 */
export const CSV_IMPORT_FILTER = 'CSV:44,34,76,1,,0,false,true,false,false,false,-1,true';

export function sofficePath(): string {
  for (const name of ['soffice', 'libreoffice']) {
    const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  throw new Error(
    'LibreOffice (soffice) is not installed: the spreadsheet tests need it and must not be skipped. ' +
      'Install it (Debian: apt-get install libreoffice-calc-nogui) and run the tests again.',
  );
}

export interface Converted {
  source: string;
  fods: string;
}

/**
 * Convert every file to .fods with one LibreOffice run per kind (CSV files need the import filter).
 * Files are first copied under unique names, since supply.csv and supply.xlsx would both become
 * supply.fods.
 */
/** The same import filter with another field separator (its character code: 59 for ";", 9 for tab). */
export function csvFilterWith(separatorCode: number): string {
  return CSV_IMPORT_FILTER.replace(/^CSV:44,/, `CSV:${separatorCode},`);
}

export function convertToFods(files: readonly string[], csvFilter: string = CSV_IMPORT_FILTER): Converted[] {
  const soffice = sofficePath();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'trust-lo-'));
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-profile-'));
  const inDir = path.join(work, 'in');
  const outDir = path.join(work, 'out');
  fs.mkdirSync(inDir);
  fs.mkdirSync(outDir);
  const staged = files.map((f, i) => {
    const ext = path.extname(f).toLowerCase();
    const name = `f${String(i).padStart(4, '0')}${ext}`;
    fs.copyFileSync(f, path.join(inDir, name));
    return { source: f, name, ext };
  });
  for (const ext of ['.csv', '.xlsx']) {
    const batch = staged.filter((s) => s.ext === ext).map((s) => path.join(inDir, s.name));
    if (!batch.length) continue;
    const args = ['--headless', '--norestore', `-env:UserInstallation=file://${profile}`];
    if (ext === '.csv') args.push(`--infilter=${csvFilter}`);
    args.push('--convert-to', 'fods', '--outdir', outDir, ...batch);
    const r = spawnSync(soffice, args, { encoding: 'utf8', timeout: 300_000, env: { ...process.env, HOME: profile } });
    if (r.status !== 0) throw new Error(`soffice failed (exit ${r.status}): ${r.stderr}`);
  }
  fs.rmSync(profile, { recursive: true, force: true });
  return staged.map((s) => {
    const fods = path.join(outDir, s.name.replace(/\.[^.]+$/, '.fods'));
    if (!fs.existsSync(fods)) throw new Error(`LibreOffice could not open ${s.source}: no ${path.basename(fods)} was written`);
    return { source: s.source, fods };
  });
}

export interface OdsCell {
  type: string; // string, float, percentage, currency, date, time, boolean, or '' for an empty cell
  text: string; // what the spreadsheet displays
  value?: string; // office:value or office:date-value
  formula?: string;
}

export interface OdsSheet {
  name: string;
  rows: OdsCell[][];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? m;
  });
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? decodeEntities(m[1]!) : undefined;
}

/** The displayed text of a cell's content: paragraphs joined by new lines. */
function cellText(inner: string): string {
  const paras: string[] = [];
  const re = /<text:p\b[^>]*?(?:\/>|>([\s\S]*?)<\/text:p>)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(inner))) {
    const body = (m[1] ?? '')
      .replace(/<text:s\s+text:c="(\d+)"\s*\/>/g, (_, n: string) => ' '.repeat(Number(n)))
      .replace(/<text:s\s*\/>/g, ' ')
      .replace(/<text:tab\s*\/>/g, '\t')
      .replace(/<text:line-break\s*\/>/g, '\n')
      .replace(/<[^>]+>/g, '');
    paras.push(decodeEntities(body));
  }
  return paras.join('\n');
}

/** Read a .fods into sheets of cells (repeated rows and cells expanded, trailing blanks capped). */
export function readFods(file: string): OdsSheet[] {
  const xml = fs.readFileSync(file, 'utf8');
  const body = xml.slice(xml.indexOf('<office:body>'));
  const sheets: OdsSheet[] = [];
  const tableRe = /<table:table(?=[\s>])([^>]*)>([\s\S]*?)<\/table:table>/g;
  let t: RegExpExecArray | null;
  while ((t = tableRe.exec(body))) {
    const name = attr(t[1]!, 'table:name') ?? '';
    const rows: OdsCell[][] = [];
    const rowRe = /<table:table-row(?=[\s>/])([^>]*?)(?:\/>|>([\s\S]*?)<\/table:table-row>)/g;
    let r: RegExpExecArray | null;
    while ((r = rowRe.exec(t[2]!))) {
      const cells: OdsCell[] = [];
      const cellRe = /<table:(?:covered-)?table-cell(?=[\s>/])([^>]*?)(?:\/>|>([\s\S]*?)<\/table:(?:covered-)?table-cell>)/g;
      let c: RegExpExecArray | null;
      while ((c = cellRe.exec(r[2] ?? ''))) {
        const a = c[1]!;
        const cell: OdsCell = {
          type: attr(a, 'office:value-type') ?? '',
          text: cellText(c[2] ?? ''),
          value: attr(a, 'office:date-value') ?? attr(a, 'office:value') ?? attr(a, 'office:boolean-value'),
          formula: attr(a, 'table:formula'),
        };
        const repeat = Math.min(Number(attr(a, 'table:number-columns-repeated') ?? '1'), cell.type === '' ? 64 : 100_000);
        for (let i = 0; i < repeat; i++) cells.push(cell);
      }
      while (cells.length && cells[cells.length - 1]!.type === '' && cells[cells.length - 1]!.text === '') cells.pop();
      const repeat = Math.min(Number(attr(r[1]!, 'table:number-rows-repeated') ?? '1'), cells.length ? 100_000 : 1);
      for (let i = 0; i < repeat; i++) rows.push(cells);
    }
    while (rows.length && rows[rows.length - 1]!.length === 0) rows.pop();
    sheets.push({ name, rows });
  }
  return sheets;
}

// Writing out/match-review.xlsx. The rows come from the pure core (src/core/match/review.ts).
//
// Why not io/xlsx-write's toXlsx: for a 5,000-student cohort exceljs takes about 2 s (plus 0.4 s to
// load) to build this sheet, a third of the whole `match` budget. The sheet needs only shared
// strings, numbers, three number formats, a frozen filtered header and one list validation, so it
// is written directly as SpreadsheetML and zipped with node:zlib: about 0.1 s. The same rules hold
// as for every XLSX for people: text stays text (shared strings are never formulas), header frozen
// and filtered, widths that fit.
import { crc32, deflateRawSync } from 'node:zlib';
import { type CellValue, cellText, type Column, type SheetData } from '../io/cells.js';

export const REVIEW_FILE = 'out/match-review.xlsx';

const MAX_WIDTH = 60;
// cellXfs below: 0 default, 1 text, 2 number (0.##), 3 integer, 4 bold text header.
const STYLE = { text: 1, number: 2, integer: 3, header: 4 } as const;

function xml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function colName(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly list: string[] = [];
  count = 0;
  id(text: string): number {
    this.count++;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.list.length;
      this.index.set(text, i);
      this.list.push(text);
    }
    return i;
  }
  toXml(): string {
    const items = this.list.map((t) => `<si><t${/^\s|\s$|\n/.test(t) ? ' xml:space="preserve"' : ''}>${xml(t)}</t></si>`);
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.count}" uniqueCount="${this.list.length}">${items.join('')}</sst>`;
  }
}

function styleOf(c: Column): number {
  return c.type === 'number' ? STYLE.number : c.type === 'integer' ? STYLE.integer : STYLE.text;
}

function cell(ref: string, value: CellValue, c: Column, strings: SharedStrings): string {
  if ((c.type === 'number' || c.type === 'integer') && typeof value === 'number') {
    return Number.isFinite(value) ? `<c r="${ref}" s="${styleOf(c)}"><v>${value}</v></c>` : '';
  }
  const text = cellText(value);
  return text === '' ? '' : `<c r="${ref}" s="${styleOf(c)}" t="s"><v>${strings.id(text)}</v></c>`;
}

function widthOf(c: Column, rows: readonly Record<string, CellValue>[]): number {
  let width = Math.max(8, c.header.length + 2);
  for (let r = 0; r < rows.length && r < 2000; r++) {
    const text = cellText(rows[r]![c.key]);
    for (const line of text.split('\n')) width = Math.max(width, line.length + 2);
  }
  return c.width ?? Math.min(MAX_WIDTH, width);
}

function sheetXml(sheet: SheetData, strings: SharedStrings): string {
  const cols = sheet.columns;
  const last = colName(Math.max(0, cols.length - 1));
  const lastRow = sheet.rows.length + 1;
  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
    `<dimension ref="A1:${last}${lastRow}"/>`,
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>',
    '<sheetFormatPr defaultRowHeight="15"/>',
    `<cols>${cols.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${widthOf(c, sheet.rows)}" style="${styleOf(c)}" customWidth="1"/>`).join('')}</cols>`,
    '<sheetData>',
    `<row r="1">${cols.map((c, i) => `<c r="${colName(i)}1" s="${STYLE.header}" t="s"><v>${strings.id(c.header)}</v></c>`).join('')}</row>`,
  ];
  const names = cols.map((_, i) => colName(i));
  sheet.rows.forEach((row, k) => {
    const r = k + 2;
    let cells = '';
    for (let i = 0; i < cols.length; i++) cells += cell(`${names[i]}${r}`, row[cols[i]!.key], cols[i]!, strings);
    parts.push(`<row r="${r}">${cells}</row>`);
  });
  parts.push('</sheetData>');
  if (cols.length) parts.push(`<autoFilter ref="A1:${last}${lastRow}"/>`);
  const list = sheet.listValidation;
  const at = list ? cols.findIndex((c) => c.key === list.key) : -1;
  if (list && at >= 0 && sheet.rows.length) {
    const ref = `${colName(at)}2:${colName(at)}${lastRow}`;
    // showErrorMessage="0": the list is a convenience; a mentor's email may be typed instead.
    parts.push(
      `<dataValidations count="1"><dataValidation type="list" allowBlank="1" showInputMessage="${list.prompt ? 1 : 0}" showErrorMessage="0" promptTitle="${xml(list.key)}" prompt="${xml(list.prompt ?? '')}" sqref="${ref}"><formula1>"${xml(list.values.join(','))}"</formula1></dataValidation></dataValidations>`,
    );
  }
  parts.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>');
  return parts.join('');
}

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.##"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

function workbookParts(sheets: readonly SheetData[], created: Date, strings: SharedStrings): [string, string][] {
  const main = 'http://schemas.openxmlformats.org';
  const names = sheets.map((s) => s.name.slice(0, 31));
  const sheetFiles = sheets.map((s, i) => [`xl/worksheets/sheet${i + 1}.xml`, sheetXml(s, strings)] as [string, string]);
  const when = created.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return [
    [
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="${main}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`,
    ],
    [
      '_rels/.rels',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${main}/package/2006/relationships"><Relationship Id="rId1" Type="${main}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="${main}/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
    ],
    [
      'docProps/core.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="${main}/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>mentorship</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`,
    ],
    [
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${main}/spreadsheetml/2006/main" xmlns:r="${main}/officeDocument/2006/relationships"><bookViews><workbookView/></bookViews><sheets>${names.map((n, i) => `<sheet name="${xml(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets><definedNames>${sheets.map((s, i) => (s.columns.length ? `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">'${xml(names[i]!.replace(/'/g, "''"))}'!$A$1:$${colName(s.columns.length - 1)}$${s.rows.length + 1}</definedName>` : '')).join('')}</definedNames></workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${main}/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${main}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rId${sheets.length + 1}" Type="${main}/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId${sheets.length + 2}" Type="${main}/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ],
    ['xl/styles.xml', STYLES],
    ...sheetFiles,
    // Last: the sheets above filled the table.
    ['xl/sharedStrings.xml', strings.toXml()],
  ];
}

/** A minimal zip (deflate, no extras). Timestamps are fixed so the same rows give the same bytes. */
function zip(files: readonly [string, string][]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  const DOS_TIME = 0;
  const DOS_DATE = (2025 - 1980) << 9 | 1 << 5 | 1;
  for (const [name, text] of files) {
    const data = Buffer.from(text, 'utf8');
    const packed = deflateRawSync(data, { level: 6 });
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt16LE(DOS_TIME, 12);
    dir.writeUInt16LE(DOS_DATE, 14);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(packed.length, 20);
    dir.writeUInt32LE(data.length, 24);
    dir.writeUInt16LE(nameBytes.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    central.push(dir, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...central, end]);
}

export function reviewWorkbook(sheets: readonly SheetData[], created: Date): Buffer {
  return zip(workbookParts(sheets, created, new SharedStrings()));
}

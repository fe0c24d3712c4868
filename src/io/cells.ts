// The cell values our writers accept, and the CSV-injection rule shared by the CSV and XLSX writers.

export type CellValue = string | number | boolean | null | undefined | readonly string[] | Date;

export type ColumnType = 'text' | 'number' | 'integer' | 'date' | 'datetime';

export interface Column {
  key: string;
  header: string;
  type?: ColumnType;
  width?: number;
}

export interface SheetData {
  name: string;
  columns: Column[];
  rows: Record<string, CellValue>[];
  /** A drop-down list on a column; free text stays allowed (e.g. a mentor's email in `decision`). */
  listValidation?: { key: string; values: string[]; prompt?: string };
}

export const LIST_JOINER = '; ';

/** Characters that make Excel or LibreOffice treat a CSV cell as a formula (OWASP CSV injection). */
const ESCAPABLE = /^'*[=+\-@\t\r]/;
const ESCAPED = /^'+[=+\-@\t\r]/;
/** The first characters ESCAPABLE can match at: an apostrophe or one it escapes. */
const FIRST = new Set([..."'=+-@\t\r"].map((c) => c.charCodeAt(0)));

/**
 * Prefix a cell that would start a formula with an apostrophe, which spreadsheets show as text.
 * A text that already starts with apostrophes before such a character gets one more, so that
 * reading back (unescapeFormula) returns exactly what was written.
 */
export function escapeFormula(text: string): string {
  // Nearly every cell starts with a letter or digit: a look at the first character settles it.
  if (!FIRST.has(text.charCodeAt(0))) return text;
  return ESCAPABLE.test(text) ? `'${text}` : text;
}

/** Undo escapeFormula when reading back a file we wrote (or the administrator re-saved). */
export function unescapeFormula(text: string): string {
  return ESCAPED.test(text) ? text.slice(1) : text;
}

export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(LIST_JOINER);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

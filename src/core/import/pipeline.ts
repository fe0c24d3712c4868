// The import steps shared by `import` and by reading data/*.csv back: layout, columns, rows.
import type { Scheme } from '../scheme/schema.js';
import type { Mentor, Student } from '../types.js';
import { type ColumnMap, missingRequired, resolveColumns } from './columns.js';
import { detectLayout, type Layout, type PresetOption } from './layout.js';
import { scanTable } from './table-scan.js';
import { fieldsOf, type PeopleParse, type PeopleTarget, parsePeople, REQUIRED, type Vocabularies, vocabulariesOf } from './people.js';

export interface TableRows {
  file: string;
  rows: readonly (readonly string[])[];
  rowNumbers: readonly number[];
}

export interface ColumnPlan {
  layout: Layout;
  columns: ColumnMap;
  missing: string[];
  /** samples[i]: the first answers in column i, for the column rules and the prompt. */
  samples: string[][];
}

/** How many answers of each column the column rules and the prompt look at. */
const SAMPLE_ROWS = 50;

export function planColumns(
  table: TableRows,
  target: PeopleTarget,
  scheme: Scheme,
  preset: PresetOption,
  maps: Map<string, string | null>,
): ColumnPlan {
  const layout = detectLayout(table.rows, preset, scheme);
  const rows = table.rows.slice(layout.firstDataIndex, layout.firstDataIndex + SAMPLE_ROWS);
  const samples = layout.headers.map((_, i) => rows.map((r) => r[i] ?? ''));
  const columns = resolveColumns(layout.headers, target, fieldsOf(target), layout.preset, scheme, maps, { ...layout, values: samples });
  // A field the layout composes from other columns (Qualtrics' recipient name) is not missing.
  const missing = missingRequired(columns, REQUIRED[target]).filter((f) => !layout.composed?.[f]);
  return { layout, columns, missing, samples };
}

export function parseWithPlan<T extends Student | Mentor>(
  table: TableRows,
  target: PeopleTarget,
  scheme: Scheme,
  plan: ColumnPlan,
  maxYear: number,
  vocab: Vocabularies = vocabulariesOf(scheme),
): PeopleParse<T> {
  // What only the whole file tells (date order per column, options with commas, Microsoft Forms'
  // anonymous respondents) is settled before any row is read.
  const facts = scanTable({ ...table, target, layout: plan.layout, columns: plan.columns, scheme, vocab });
  const parsed = parsePeople<T>({
    target,
    file: table.file,
    rows: table.rows,
    rowNumbers: table.rowNumbers,
    layout: plan.layout,
    columns: facts.columns,
    scheme,
    vocab: facts.vocab,
    maxYear,
    dateOrders: facts.dateOrders,
  });
  parsed.notes.push(...facts.notes, ...facts.warnings);
  if (facts.error) parsed.error = facts.error;
  return parsed;
}

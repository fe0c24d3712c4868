// Recognising which form tool made a file, where its header is, and which rows are not real answers.
import type { Scheme } from '../scheme/schema.js';
import { MENTOR_FIELDS, STUDENT_FIELDS } from '../types.js';
import { qualtricsColumns, qualtricsDropReason, qualtricsKind } from './qualtrics.js';

export type PresetName = 'msforms' | 'googleforms' | 'qualtrics' | 'canonical' | 'generic';
export type PresetOption = 'auto' | Exclude<PresetName, 'generic'>;

export interface Layout {
  preset: PresetName;
  headers: string[];
  /** Index into the raw rows of the first answer row. */
  firstDataIndex: number;
  listSeparator: string;
  /** Why a raw row is not a real response (Qualtrics previews and tests), or null. */
  dropReason(row: readonly string[]): string | null;
  /**
   * Qualtrics: each column's export name (row 1, `Q4.1`, `QID47_TEXT`, `RecipientEmail`), which
   * `--map` accepts and which tells apart columns sharing one question text.
   */
  exportNames?: string[];
  /** Fields the form tool itself names, whatever the label's language (Qualtrics' ImportIds). */
  toolFields?: (string | null)[];
  /** The form tool's bookkeeping columns: never matched by a question pattern. */
  metadataAt?: boolean[];
  /** Columns whose answers, joined, give a field no column holds (Qualtrics' recipient name). */
  composed?: Record<string, number[]>;
  /** How the layout was recognised, for --verbose and the rejects file. */
  variant?: string;
}

const CANONICAL = new Set<string>([...STUDENT_FIELDS, ...MENTOR_FIELDS, 'meeting', 'date', 'extra']);

function norm(h: string): string {
  return h.trim().toLowerCase();
}

/** What a rejects file records of its source, to be read again with no options. */
export function describeLayout(layout: Layout): string {
  return `${layout.preset}; lists joined by "${layout.listSeparator}"`;
}

const PRESETS = new Set<string>(['msforms', 'googleforms', 'qualtrics', 'canonical', 'generic']);

/** A rejects file we wrote: one header row, headed by field names where its source had a field. */
function rejectsLayout(first: string[], rows: readonly (readonly string[])[]): Layout | null {
  const at = first.findIndex((h) => norm(h) === 'reject: layout');
  if (at < 0) return null;
  const recorded = rows.slice(1).map((r) => (r[at] ?? '').trim()).find(Boolean) ?? '';
  const m = /^(\w+); lists joined by "(.*)"$/.exec(recorded);
  if (!m || !PRESETS.has(m[1]!)) return null;
  return { preset: m[1] as PresetName, headers: first, firstDataIndex: 1, listSeparator: m[2]!, dropReason: () => null, variant: 'rejects file' };
}

export function detectLayout(rows: readonly (readonly string[])[], requested: PresetOption, scheme: Scheme): Layout {
  const first = (rows[0] ?? []).map((h) => h.trim());
  const lower = first.map(norm);
  const rejects = requested === 'auto' ? rejectsLayout(first, rows) : null;
  if (rejects) return rejects;
  const kind = qualtricsKind(rows);
  let preset: PresetName;
  if (requested !== 'auto') preset = requested;
  else if (kind) preset = 'qualtrics';
  else if (lower.includes('id') && lower.includes('start time') && lower.includes('completion time')) preset = 'msforms';
  else if (lower[0] === 'timestamp' || (lower.includes('timestamp') && lower.includes('email address'))) preset = 'googleforms';
  else if (lower.includes('email') && lower.filter((h) => CANONICAL.has(h)).length >= Math.min(3, lower.length)) preset = 'canonical';
  else preset = 'generic';

  if (preset === 'qualtrics') {
    const cols = qualtricsColumns(rows, kind ?? 'three-row');
    const { statusAt: _s, channelAt: _c, ...shown } = cols;
    return {
      preset,
      ...shown,
      listSeparator: scheme.presets.qualtrics.list_separator,
      dropReason: (row) => qualtricsDropReason(row, cols.statusAt, cols.channelAt),
    };
  }
  const separator =
    preset === 'msforms' ? scheme.presets.msforms.list_separator :
    preset === 'googleforms' ? scheme.presets.googleforms.list_separator :
    ';';
  return { preset, headers: first, firstDataIndex: 1, listSeparator: separator, dropReason: () => null };
}

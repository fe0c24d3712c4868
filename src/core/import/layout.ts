// Recognising which form tool made a file, where its header is, and which rows are not real answers.
import type { Scheme } from '../scheme/schema.js';
import { MENTOR_FIELDS, STUDENT_FIELDS } from '../types.js';

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
}

const CANONICAL = new Set<string>([...STUDENT_FIELDS, ...MENTOR_FIELDS, 'meeting', 'date', 'extra']);

function norm(h: string): string {
  return h.trim().toLowerCase();
}

/** Qualtrics' third header row: every filled cell is an ImportId JSON (an answer never is, all of them). */
function isImportIdRow(row: readonly string[] | undefined): boolean {
  const filled = (row ?? []).filter((c) => c.trim() !== '');
  return filled.length >= 2 && filled.every((c) => c.trim().startsWith('{"ImportId"'));
}

function isQualtrics(rows: readonly (readonly string[])[]): boolean {
  const first = rows[0]?.map(norm) ?? [];
  if (first.includes('responseid') || (first.includes('startdate') && first.includes('enddate'))) return true;
  return isImportIdRow(rows[2]);
}

export function detectLayout(rows: readonly (readonly string[])[], requested: PresetOption, scheme: Scheme): Layout {
  const first = (rows[0] ?? []).map((h) => h.trim());
  const lower = first.map(norm);
  let preset: PresetName;
  if (requested !== 'auto') preset = requested;
  else if (isQualtrics(rows)) preset = 'qualtrics';
  else if (lower.includes('id') && lower.includes('start time') && lower.includes('completion time')) preset = 'msforms';
  else if (lower[0] === 'timestamp' || (lower.includes('timestamp') && lower.includes('email address'))) preset = 'googleforms';
  else if (lower.includes('email') && lower.filter((h) => CANONICAL.has(h)).length >= Math.min(3, lower.length)) preset = 'canonical';
  else preset = 'generic';

  if (preset === 'qualtrics') {
    const ids = rows[0] ?? [];
    const texts = rows[1] ?? [];
    const headers = ids.map((id, i) => {
      const t = (texts[i] ?? '').trim();
      return t !== '' ? t : id.trim();
    });
    const hasImportRow = isImportIdRow(rows[2]);
    const statusAt = ids.findIndex((h) => norm(h) === 'status');
    const channelAt = ids.findIndex((h) => norm(h) === 'distributionchannel');
    return {
      preset,
      headers,
      firstDataIndex: hasImportRow ? 3 : 2,
      listSeparator: scheme.presets.qualtrics.list_separator,
      dropReason(row) {
        const status = statusAt >= 0 ? norm(row[statusAt] ?? '') : '';
        const channel = channelAt >= 0 ? norm(row[channelAt] ?? '') : '';
        // Qualtrics writes the response type as text, or as a code in numeric exports (1 preview, 2 test, 8 spam).
        if (status === 'survey preview' || status === '1' || channel === 'preview') return 'a Qualtrics survey preview';
        if (status === 'survey test' || status === '2' || channel === 'test') return 'a Qualtrics test response';
        if (status === 'spam' || status === '8') return 'marked as spam by Qualtrics';
        return null;
      },
    };
  }
  const separator =
    preset === 'msforms' ? scheme.presets.msforms.list_separator :
    preset === 'googleforms' ? scheme.presets.googleforms.list_separator :
    ';';
  return { preset, headers: first, firstDataIndex: 1, listSeparator: separator, dropReason: () => null };
}

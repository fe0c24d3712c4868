// Which column holds which field: --map first, then the form tool's own columns, then the
// canonical field names, then the scheme's rules for its questions (exact text or pattern).
import { UsageError } from '../../errors.js';
import type { MappingRule, Scheme } from '../scheme/schema.js';
import type { PresetName } from './layout.js';

export type Target = 'students' | 'mentors' | 'meetings' | 'feedback';

export interface ColumnMap {
  /** fieldAt[i] is the field column i holds, or null for a column kept as extra data. */
  fieldAt: (string | null)[];
  notes: string[];
}

/**
 * Form-tool bookkeeping columns. They are kept as extra data but never matched by a question
 * pattern: Qualtrics' "Recipient First Name" is not the applicant's preferred first name.
 */
const METADATA = new Set(
  [
    'start date', 'end date', 'response type', 'ip address', 'progress', 'duration (in seconds)', 'finished',
    'recorded date', 'response id', 'recipient last name', 'recipient first name', 'recipient email',
    'external data reference', 'location latitude', 'location longitude', 'distribution channel', 'user language',
    'startdate', 'enddate', 'status', 'ipaddress', 'recordeddate', 'responseid', 'recipientlastname',
    'recipientfirstname', 'recipientemail', 'externalreference', 'locationlatitude', 'locationlongitude',
    'distributionchannel', 'userlanguage', 'id', 'start time', 'completion time', 'last modified time', 'timestamp',
  ],
);

export function isMetadataHeader(header: string): boolean {
  return METADATA.has(header.trim().toLowerCase());
}

/** Columns we wrote into a rejects file: ignored when that file is imported again. */
export const REJECT_PREFIX = 'reject: ';

export function parseMapOptions(maps: readonly string[], fields: readonly string[]): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (const m of maps) {
    const at = m.lastIndexOf('=');
    if (at <= 0) throw new UsageError(`--map "${m}" is not HEADER=field`, 'write it like --map "Your job title=job_role"');
    const header = m.slice(0, at).trim();
    const field = m.slice(at + 1).trim();
    if (field === '' || field === '-' || field === 'ignore') {
      out.set(header.toLowerCase(), null);
      continue;
    }
    if (!fields.includes(field)) {
      throw new UsageError(`--map "${m}": "${field}" is not a field here`, `fields: ${fields.join(', ')} (or "ignore")`);
    }
    out.set(header.toLowerCase(), field);
  }
  return out;
}

function ruleMatches(rule: MappingRule, header: string): boolean {
  if (rule.header !== undefined) return rule.header.trim().toLowerCase() === header.trim().toLowerCase();
  return new RegExp(rule.pattern!, 'i').test(header.trim());
}

/** The form tool's own knowledge of its columns (see Layout). */
export interface ColumnHints {
  exportNames?: readonly string[];
  toolFields?: readonly (string | null)[];
  metadataAt?: readonly boolean[];
}

/** A list of columns short enough to read in a terminal: clipped, at most `max`, and how many more. */
export function compactColumns(names: readonly string[], max = 12): string {
  const shown = names.filter((n) => n.trim() !== '').map((n) => {
    const one = n.replace(/\s+/g, ' ').trim();
    return `"${one.length > 40 ? `${one.slice(0, 37)}...` : one}"`;
  });
  return shown.length > max ? `${shown.slice(0, max).join(', ')} and ${shown.length - max} more` : shown.join(', ');
}

/**
 * Which column each --map key names: its header, its export name (Qualtrics' row 1: `Q4.1`), or
 * its question text when only one column has it.
 */
function mapTargets(headers: readonly string[], maps: Map<string, string | null>, hints: ColumnHints): Map<number, string | null> {
  const out = new Map<number, string | null>();
  const names = hints.exportNames ?? [];
  const text = (h: string) => h.replace(/ \[[^\]]*\]$/, '').trim().toLowerCase();
  for (const [key, field] of maps) {
    let at = headers.map((h, i) => (h.trim().toLowerCase() === key ? i : -1)).filter((i) => i >= 0);
    if (!at.length) at = names.map((n, i) => (n.trim().toLowerCase() === key ? i : -1)).filter((i) => i >= 0);
    if (!at.length) at = headers.map((h, i) => (text(h) === key ? i : -1)).filter((i) => i >= 0);
    if (!at.length) {
      const listed = names.length ? names.filter((n, i) => n.trim() && !hints.metadataAt?.[i]) : headers.filter((h) => !isMetadataHeader(h));
      throw new UsageError(
        `--map names a column "${key}" that is not in the file`,
        `name a column by its header${names.length ? ' or its export name' : ''}; the columns include ${compactColumns(listed)}`,
      );
    }
    if (at.length > 1) {
      const by = at.map((i) => names[i] ?? '').filter(Boolean);
      throw new UsageError(
        `--map "${key}": ${at.length} columns have this question text`,
        by.length ? `name one by its export name: ${compactColumns(by)}` : 'rename the columns in the file so that each is unique',
      );
    }
    out.set(at[0]!, field);
  }
  return out;
}

export function resolveColumns(
  headers: readonly string[],
  target: Target,
  fields: readonly string[],
  preset: PresetName,
  scheme: Scheme,
  maps: Map<string, string | null>,
  hints: ColumnHints = {},
): ColumnMap {
  const presetRules =
    preset === 'msforms' || preset === 'googleforms' || preset === 'qualtrics' ? scheme.presets[preset].columns : [];
  const schemeRules = scheme.mappings[target];
  const fieldAt: (string | null)[] = headers.map(() => null);
  const claimed = new Map<string, number>();
  const notes: string[] = [];
  const lowerHeaders = headers.map((h) => h.trim().toLowerCase());
  const mapAt = mapTargets(headers, maps, hints);
  const claim = (i: number, field: string | null | undefined): boolean => {
    if (field === undefined) return false;
    if (field === null) return true; // explicitly ignored
    if (!fields.includes(field)) return false;
    const prev = claimed.get(field);
    if (prev !== undefined) {
      notes.push(`columns "${headers[prev]}" and "${headers[i]}" both look like ${field}; using "${headers[prev]}" (use --map to choose)`);
      return true;
    }
    claimed.set(field, i);
    fieldAt[i] = field;
    return true;
  };
  // Pass 1: explicit --map; pass 2: exact headers; pass 3: patterns. Exact always beats a pattern.
  for (const [i, field] of mapAt) claim(i, field);
  const decided = (i: number) => fieldAt[i] !== null || mapAt.has(i) || lowerHeaders[i]!.startsWith(REJECT_PREFIX);
  headers.forEach((h, i) => {
    if (decided(i) || h.trim() === '') return;
    const exact = [...presetRules, ...schemeRules].find((r) => r.header !== undefined && ruleMatches(r, h));
    if (exact) {
      claim(i, exact.field);
      return;
    }
    const canon = lowerHeaders[i]!.replace(/\s+/g, '_');
    if (fields.includes(canon) && !hints.metadataAt?.[i]) claim(i, canon);
  });
  headers.forEach((h, i) => {
    if (decided(i) || h.trim() === '' || isMetadataHeader(h) || hints.metadataAt?.[i]) return;
    const rule = schemeRules.find((r) => r.pattern !== undefined && ruleMatches(r, h));
    if (rule && !claimed.has(rule.field)) claim(i, rule.field);
  });
  // Last, the form tool's own columns found by ImportId, whatever their label's language (the
  // submission time; the contact list's email when the form does not ask for one).
  hints.toolFields?.forEach((f, i) => {
    if (f && !decided(i) && !claimed.has(f)) claim(i, f);
  });
  return { fieldAt, notes };
}

export function missingRequired(map: ColumnMap, required: readonly string[]): string[] {
  return required.filter((f) => !map.fieldAt.includes(f));
}

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

export function resolveColumns(
  headers: readonly string[],
  target: Target,
  fields: readonly string[],
  preset: PresetName,
  scheme: Scheme,
  maps: Map<string, string | null>,
): ColumnMap {
  const presetRules =
    preset === 'msforms' || preset === 'googleforms' || preset === 'qualtrics' ? scheme.presets[preset].columns : [];
  const schemeRules = scheme.mappings[target];
  const fieldAt: (string | null)[] = headers.map(() => null);
  const claimed = new Map<string, number>();
  const notes: string[] = [];
  const lowerHeaders = headers.map((h) => h.trim().toLowerCase());
  for (const key of maps.keys()) {
    if (!lowerHeaders.includes(key)) {
      throw new UsageError(`--map names a column "${key}" that is not in the file`, `the columns are: ${headers.filter((h) => h.trim()).map((h) => `"${h}"`).join(', ')}`);
    }
  }
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
  headers.forEach((h, i) => {
    if (maps.has(lowerHeaders[i]!)) claim(i, maps.get(lowerHeaders[i]!));
  });
  const decided = (i: number) => fieldAt[i] !== null || maps.has(lowerHeaders[i]!) || lowerHeaders[i]!.startsWith(REJECT_PREFIX);
  headers.forEach((h, i) => {
    if (decided(i) || h.trim() === '') return;
    const exact = [...presetRules, ...schemeRules].find((r) => r.header !== undefined && ruleMatches(r, h));
    if (exact) {
      claim(i, exact.field);
      return;
    }
    const canon = lowerHeaders[i]!.replace(/\s+/g, '_');
    if (fields.includes(canon)) claim(i, canon);
  });
  headers.forEach((h, i) => {
    if (decided(i) || h.trim() === '' || isMetadataHeader(h)) return;
    const rule = schemeRules.find((r) => r.pattern !== undefined && ruleMatches(r, h));
    if (rule && !claimed.has(rule.field)) claim(i, rule.field);
  });
  return { fieldAt, notes };
}

export function missingRequired(map: ColumnMap, required: readonly string[]): string[] {
  return required.filter((f) => !map.fieldAt.includes(f));
}

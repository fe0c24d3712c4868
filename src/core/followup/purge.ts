// What `purge` deletes, what it keeps, and the kept figures file. Pure: the command lists the
// workspace's files and hands them in.
import type { Scheme } from '../scheme/schema.js';
import { addMonths } from '../timeline.js';
import { MENTOR_FIELDS, STUDENT_FIELDS } from '../types.js';
import type { ProgrammeFigures } from './programme.js';
import { auditEntries } from '../store/rows.js';
import { FILES, inData, inOut, STATE_DIR } from '../../workspace/layout.js';

export const AGGREGATES_FILE = FILES.aggregates;
export const AUDIT_FILE = FILES.audit;

export interface Aggregates {
  version: 1;
  /** Keyed by the programme's end date, so a workspace used for several years keeps each year. */
  programmes: Record<string, ProgrammeFigures & { purged_on?: string }>;
}

export function emptyAggregates(): Aggregates {
  return { version: 1, programmes: {} };
}

export function parseAggregates(text: string): Aggregates | null {
  try {
    const raw = JSON.parse(text) as Partial<Aggregates>;
    if (raw && raw.version === 1 && raw.programmes && typeof raw.programmes === 'object') return raw as Aggregates;
  } catch {
    /* unreadable: treated as absent */
  }
  return null;
}

/** The last day personal data of this programme is kept. */
export function retentionDate(scheme: Scheme): string {
  return addMonths(scheme.timeline.programme_end, scheme.retention.months_after_end);
}

export interface PurgeDecision {
  due: boolean;
  retention: string;
  why: string;
}

/** Due when today is past the retention date, or with --before, when the programme ended before it. */
export function purgeDue(scheme: Scheme, today: string, before?: string): PurgeDecision {
  const retention = retentionDate(scheme);
  const end = scheme.timeline.programme_end;
  if (before) {
    return end < before
      ? { due: true, retention, why: `the programme ended on ${end}, before ${before}` }
      : { due: false, retention, why: `the programme ends on ${end}, not before ${before}` };
  }
  return today > retention
    ? { due: true, retention, why: `the retention period ended on ${retention} (${scheme.retention.months_after_end} months after the programme ended on ${end})` }
    : { due: false, retention, why: `personal data is kept until ${retention} (${scheme.retention.months_after_end} months after the programme ends on ${end})` };
}

/**
 * Files holding personal data: everything under data/ except the kept figures and the audit log
 * (rewritten instead), and everything under out/ (exports, drafts, review sheets, rejects, reports).
 */
export function personalFiles(files: readonly string[]): string[] {
  return files
    .filter((f) => (inData(f) && f !== AGGREGATES_FILE && f !== AUDIT_FILE) || inOut(f))
    .sort();
}

/**
 * Purge's choice among the workspace's files: the personal files it removes, and the others it
 * reads for participants' names and addresses (the administrator's own files, which it never
 * removes but warns about). The tool's state folder and the kept figures are neither.
 */
export function purgeChoice(files: readonly string[], stateDir = STATE_DIR): { remove: string[]; scan: string[] } {
  const remove = personalFiles(files);
  const removing = new Set(remove);
  const scan = files.filter((f) => !removing.has(f) && !f.startsWith(`${stateDir}/`) && f !== AGGREGATES_FILE && f !== AUDIT_FILE);
  return { remove, scan };
}

/** Whether a file's text (any case) mentions any of these identifiers (lower case). */
export function mentionsAnyone(text: string, ids: readonly string[]): boolean {
  const lower = text.toLowerCase();
  return ids.some((id) => lower.includes(id));
}

const FIELD_NAMES = new Set<string>([...STUDENT_FIELDS, ...MENTOR_FIELDS]);
const KEPT_TEXT = new Set(['at', 'command']);

/**
 * An audit entry reduced to what identifies nobody: when, which command, and numbers. A list of
 * field names (what was shared) is kept; any other text becomes a count, or goes.
 */
export function scrubAuditEntry(entry: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entry)) {
    const kept = scrubValue(key, value);
    if (kept !== undefined) out[key] = kept;
  }
  return out;
}

function scrubValue(key: string, value: unknown): unknown {
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return value;
  if (typeof value === 'string') return (KEPT_TEXT.has(key) && !value.includes('@')) || FIELD_NAMES.has(value) ? value : undefined;
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string' && FIELD_NAMES.has(v))) return value;
    return value.length;
  }
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      // Keys can be addresses too ({"zoe@...": 3}): such an object keeps only its size.
      if (k.includes('@')) return Object.keys(value as object).length;
      const kept = scrubValue(k, v);
      if (kept !== undefined) out[k] = kept;
    }
    return out;
  }
  return undefined;
}

export function scrubAudit(text: string): string {
  return auditEntries(text)
    .map((e) => `${JSON.stringify(e ? scrubAuditEntry(e) : { note: 'an unreadable audit line was removed by purge' })}\n`)
    .join('');
}

/** Strings to look for in files purge does not manage, to warn that they hold personal data. */
export function identifiers(people: readonly { email: string; name: string }[]): string[] {
  const out = new Set<string>();
  for (const p of people) {
    if (p.email) out.add(p.email.toLowerCase());
    if (p.name.trim().length >= 5) out.add(p.name.trim().toLowerCase());
  }
  return [...out];
}

// The workspace's data files: read (whatever Excel did to them) and written (Excel-ready CSV).
// A hand edit that breaks a rule stops the command with the file, row, column and the fix.
import * as fs from 'node:fs';
import { DataError } from '../errors.js';
import { unescapeFormula, type Column } from '../io/cells.js';
import { readCsvBytes } from '../io/csv-read.js';
import { csvLine, excelCsvChunks, toExcelCsv } from '../io/csv-write.js';
import { makePersonParser, vocabulariesOf } from '../core/import/people.js';
import type { Transaction } from '../io/transaction.js';
import { planColumns } from '../core/import/pipeline.js';
import { normaliseEmail, parseDate, parseDateTime } from '../core/import/values.js';
import { peopleColumns, personRow } from '../core/store/people-rows.js';
import { auditEntries, type AuditEntry, ChaseRow, ExclusionRow, FeedbackRow, IntroductionRow, MatchRow, MeetingRow } from '../core/store/rows.js';
import type { Chase, Exclusion, FeedbackAnswer, Match, Meeting, Mentor, RowProblem, Student } from '../core/types.js';
import type { Introduction } from '../core/email/introductions.js';
import type { Workspace } from './workspace.js';
import { FILES, REVIEW_FILE } from './layout.js';

export { FILES, REVIEW_FILE };

export function readTable(ws: Workspace, rel: string): { file: string; rows: string[][]; rowNumbers: number[] } | null {
  const abs = ws.abs(rel);
  if (!fs.existsSync(abs)) return null;
  const bytes = fs.readFileSync(abs);
  if (bytes.length === 0) return { file: rel, rows: [], rowNumbers: [] };
  const t = readCsvBytes(bytes, rel);
  // In place: a copy of every row would double what a big data file takes while it is read.
  for (const r of t.rows) for (let i = 0; i < r.length; i++) r[i] = unescapeFormula(r[i]!);
  return { file: rel, rows: t.rows, rowNumbers: t.rowNumbers };
}

export function missingColumnError(rel: string, field: string): DataError {
  return new DataError(`the column "${field}" is missing`, { file: rel, row: 1 }, `restore the header "${field}" (the data files use the canonical field names)`);
}

export function handEditError(p: RowProblem, more: number): DataError {
  return new DataError(
    `${p.reason}${p.value ? ` (value "${p.value.slice(0, 80)}")` : ''}${more ? `; ${more} more problem(s) in this file` : ''}`,
    { file: p.file, row: p.row, column: p.column },
    'correct the cell in the data file (or undo the hand edit), then run the command again',
  );
}

/**
 * The reader of one data file's rows, given its header: a row that breaks a rule, or a person who
 * appears twice, is a hand edit and stops the command with the file, row and column.
 */
function storedPeopleReader<T extends Student | Mentor>(
  ws: Workspace,
  target: 'students' | 'mentors',
  now: Date,
  header: readonly string[],
): (cells: readonly string[], row: number) => T | null {
  const rel = FILES[target];
  const plan = planColumns({ file: rel, rows: [header], rowNumbers: [1] }, target, ws.scheme, 'canonical', new Map());
  if (plan.missing.length) throw missingColumnError(rel, plan.missing[0]!);
  const parseRow = makePersonParser<T>({ target, file: rel, layout: plan.layout, columns: plan.columns, scheme: ws.scheme, vocab: vocabulariesOf(ws.scheme), maxYear: now.getUTCFullYear() + 1 });
  const seen = new Set<string>();
  return (cells, row) => {
    const outcome = parseRow(cells, row);
    if (outcome.kind === 'reject') throw handEditError(outcome.rejected.problems[0]!, outcome.rejected.problems.length - 1);
    if (outcome.kind !== 'person') return null;
    const email = outcome.person.email;
    if (seen.has(email)) throw new DataError(`${email} appears twice`, { file: rel, row, column: 'email' }, 'delete one of the two rows');
    seen.add(email);
    return outcome.person;
  };
}

function loadPeople<T extends Student | Mentor>(ws: Workspace, target: 'students' | 'mentors', now: Date): T[] {
  const table = readTable(ws, FILES[target]);
  if (!table || table.rows.length === 0) return [];
  const read = storedPeopleReader<T>(ws, target, now, table.rows[0]!);
  const people: T[] = [];
  for (let i = 1; i < table.rows.length; i++) {
    const p = read(table.rows[i]!, table.rowNumbers[i]!);
    if (p) people.push(p);
  }
  return people;
}

// ---- data/matches.csv read once per command ----
// The timeline check, the confirmed pairs and the command itself each load the pairs: `status` and
// `emails intro` read data/matches.csv three times (status: 0.6 s before, 0.46 s after, at 2,000
// pairs). What it held is kept for the life of the workspace object (one command), under the
// file's identity on disk: a file replaced since (a commit renames a new one in) is read again.
// Callers get their own array of frozen records, so none can change what the next one reads.
// Only this file: keeping the people too saved as much again but raised the peak memory of
// `emails intro` by 90 MB (V8 grew its heap further before collecting).
const MATCHES_READ = new WeakMap<Workspace, { stamp: string; matches: readonly Match[] }>();

function matchesOnce(ws: Workspace, load: () => Match[]): Match[] {
  let stamp: string;
  try {
    const st = fs.statSync(ws.abs(FILES.matches), { bigint: true });
    stamp = `${st.dev}:${st.ino}:${st.size}:${st.mtimeNs}`;
  } catch {
    return load(); // no file (or none readable): the loader says what that means
  }
  const kept = MATCHES_READ.get(ws);
  if (kept?.stamp === stamp) return [...kept.matches];
  const matches = load().map((m) => Object.freeze(m));
  MATCHES_READ.set(ws, { stamp, matches });
  return [...matches];
}

export function loadStudents(ws: Workspace, now: Date): Student[] {
  return loadPeople<Student>(ws, 'students', now);
}

export function loadMentors(ws: Workspace, now: Date): Mentor[] {
  return loadPeople<Mentor>(ws, 'mentors', now);
}

// Built once: an import makes a line for each of 100,000 people.
const LINE_COLUMNS = { students: peopleColumns('students'), mentors: peopleColumns('mentors') };

/** A person as the CRLF-terminated CSV line data/students.csv or data/mentors.csv holds. */
function personText(target: 'students' | 'mentors', person: Student | Mentor): string {
  return csvLine(LINE_COLUMNS[target], personRow(person));
}

/** Stage data/students.csv or data/mentors.csv holding these people, in this order. */
export function stagePeople(tx: Transaction, target: 'students' | 'mentors', people: readonly (Student | Mentor)[]): void {
  // A line per person, handed over as chunks: a 100,000-row file is never one giant string.
  tx.write(FILES[target], excelCsvChunks(LINE_COLUMNS[target], people.map((p) => Buffer.from(personText(target, p), 'utf8'))));
}

// ---- record files: matches, meetings, chases, feedback, exclusions ----

type Kind = 'text' | 'email' | 'int' | 'number' | 'date' | 'datetime' | 'list';

interface FieldSpec {
  key: string;
  kind: Kind;
  required?: boolean;
  oneOf?: readonly string[];
  /** Inclusive bounds of a number: a hand edit outside them is a data error, not a silent value. */
  range?: readonly [number, number];
}

function readRecords(ws: Workspace, rel: string, spec: readonly FieldSpec[]): { record: Record<string, unknown>; row: number }[] {
  const table = readTable(ws, rel);
  if (!table || table.rows.length === 0) return [];
  const headers = table.rows[0]!.map((h) => h.trim().toLowerCase());
  const index = new Map(spec.map((f) => [f.key, headers.indexOf(f.key)]));
  for (const f of spec) {
    if (f.required && index.get(f.key) === -1) {
      throw new DataError(`the column "${f.key}" is missing`, { file: rel, row: 1 }, `restore the header "${f.key}"`);
    }
  }
  const out: { record: Record<string, unknown>; row: number }[] = [];
  for (let r = 1; r < table.rows.length; r++) {
    const cells = table.rows[r]!;
    const row = table.rowNumbers[r]!;
    const record: Record<string, unknown> = {};
    for (const f of spec) {
      const i = index.get(f.key)!;
      const raw = (i >= 0 ? (cells[i] ?? '') : '').trim();
      const bad = (why: string) => new DataError(`${why} (value "${raw.slice(0, 80)}")`, { file: rel, row, column: f.key }, 'correct the cell, or undo the hand edit, then run the command again');
      if (raw === '') {
        if (f.required) throw bad(`${f.key} is required`);
        record[f.key] = f.kind === 'list' ? [] : f.kind === 'int' || f.kind === 'number' ? 0 : '';
        continue;
      }
      switch (f.kind) {
        case 'email': {
          const e = normaliseEmail(raw);
          if (!e) throw bad('is not an email address');
          record[f.key] = e;
          break;
        }
        case 'int':
        case 'number': {
          const n = Number(raw.replace(',', '.'));
          // isSafeInteger: 99999999999999999999 reads as 1e20, an "integer" no comparison handles right.
          // Written in decimal digits ("0x2" and "1e3" are numbers to JavaScript, not to a person).
          const digits = f.kind !== 'int' || /^[+-]?\d+(\.0+)?$/.test(raw);
          if (!digits || !Number.isFinite(n) || (f.kind === 'int' && !Number.isSafeInteger(n))) throw bad(`must be a ${f.kind === 'int' ? 'whole ' : ''}number`);
          if (f.range && (n < f.range[0] || n > f.range[1])) throw bad(`must be from ${f.range[0]} to ${f.range[1]}`);
          record[f.key] = n;
          break;
        }
        case 'date': {
          const d = parseDate(raw, ws.scheme.date_order);
          if (!d) throw bad('is not a date');
          record[f.key] = d;
          break;
        }
        case 'datetime': {
          const d = parseDateTime(raw, ws.scheme.date_order);
          if (!d) throw bad('is not a date');
          record[f.key] = d;
          break;
        }
        case 'list':
          record[f.key] = raw.split(/\s*;\s*/).filter(Boolean);
          break;
        default: {
          if (f.oneOf && !f.oneOf.includes(raw.toLowerCase())) throw bad(`must be one of ${f.oneOf.join(', ')}`);
          record[f.key] = f.oneOf ? raw.toLowerCase() : raw;
        }
      }
    }
    out.push({ record, row });
  }
  return out;
}

const MATCH_SPEC: FieldSpec[] = [
  { key: 'student_email', kind: 'email', required: true },
  { key: 'mentor_email', kind: 'email', required: true },
  { key: 'status', kind: 'text', required: true, oneOf: ['proposed', 'confirmed', 'withdrawn', 'completed'] },
  { key: 'score', kind: 'number' },
  { key: 'sector_points', kind: 'number' },
  { key: 'support_points', kind: 'number' },
  { key: 'programme_points', kind: 'number' },
  { key: 'location_points', kind: 'number' },
  { key: 'shared_sectors', kind: 'list' },
  { key: 'shared_support', kind: 'list' },
  { key: 'proposed_at', kind: 'datetime' },
  { key: 'decided_at', kind: 'datetime' },
  { key: 'reason', kind: 'text' },
];

export const MATCH_COLUMNS: Column[] = MATCH_SPEC.map((f) => ({
  key: f.key,
  header: f.key,
  type: f.kind === 'number' ? 'number' : 'text',
}));

export function loadMatches(ws: Workspace): Match[] {
  return matchesOnce(ws, () => readRecords(ws, FILES.matches, MATCH_SPEC).map(({ record }) => MatchRow.parse(record)));
}

export function matchRow(m: Match): Record<string, string | number | string[]> {
  return {
    student_email: m.student_email,
    mentor_email: m.mentor_email,
    status: m.status,
    score: m.score,
    sector_points: m.breakdown.sector,
    support_points: m.breakdown.support,
    programme_points: m.breakdown.programme,
    location_points: m.breakdown.location,
    shared_sectors: m.shared_sectors,
    shared_support: m.shared_support,
    proposed_at: m.proposed_at,
    decided_at: m.decided_at,
    reason: m.reason,
  };
}

export function stageMatches(tx: Transaction, matches: readonly Match[]): void {
  tx.write(FILES.matches, toExcelCsv(MATCH_COLUMNS, matches.map(matchRow)));
}

const MEETING_SPEC: FieldSpec[] = [
  { key: 'student_email', kind: 'email', required: true },
  { key: 'mentor_email', kind: 'email', required: true },
  { key: 'meeting', kind: 'int', required: true, range: [1, 3] },
  { key: 'date', kind: 'date', required: true },
  { key: 'source', kind: 'text' },
];
export const MEETING_COLUMNS: Column[] = MEETING_SPEC.map((f) => ({ key: f.key, header: f.key, type: f.kind === 'int' ? 'integer' : 'text' }));

export function loadMeetings(ws: Workspace): Meeting[] {
  return readRecords(ws, FILES.meetings, MEETING_SPEC).map(({ record }) => MeetingRow.parse(record));
}

export function stageMeetings(tx: Transaction, meetings: readonly Meeting[]): void {
  tx.write(FILES.meetings, toExcelCsv(MEETING_COLUMNS, meetings));
}

const CHASE_SPEC: FieldSpec[] = [
  { key: 'email', kind: 'email', required: true },
  { key: 'role', kind: 'text', required: true, oneOf: ['student', 'mentor'] },
  { key: 'date', kind: 'date', required: true },
  { key: 'meeting', kind: 'int' },
  { key: 'reason', kind: 'text' },
];
export const CHASE_COLUMNS: Column[] = CHASE_SPEC.map((f) => ({ key: f.key, header: f.key, type: f.kind === 'int' ? 'integer' : 'text' }));

export function loadChases(ws: Workspace): Chase[] {
  return readRecords(ws, FILES.chases, CHASE_SPEC).map(({ record }) => ChaseRow.parse(record));
}

export function stageChases(tx: Transaction, chases: readonly Chase[]): void {
  tx.write(FILES.chases, toExcelCsv(CHASE_COLUMNS, chases));
}

// data/introductions.csv: what `emails intro --record` recorded as sent. kind: intro (the
// introduction) or withdrawal (the notice that the pair ended); an empty kind is an intro.
const INTRODUCTION_SPEC: FieldSpec[] = [
  { key: 'student_email', kind: 'email', required: true },
  { key: 'mentor_email', kind: 'email', required: true },
  { key: 'date', kind: 'date', required: true },
  { key: 'kind', kind: 'text', oneOf: ['intro', 'withdrawal', ''] },
];
const INTRODUCTION_COLUMNS: Column[] = INTRODUCTION_SPEC.map((f) => ({ key: f.key, header: f.key, type: 'text' }));

export function loadIntroductions(ws: Workspace): Introduction[] {
  return readRecords(ws, FILES.introductions, INTRODUCTION_SPEC).map(({ record }) => IntroductionRow.parse(record));
}

export function stageIntroductions(tx: Transaction, rows: readonly Introduction[]): void {
  tx.write(FILES.introductions, toExcelCsv(INTRODUCTION_COLUMNS, rows));
}

const FEEDBACK_SPEC: FieldSpec[] = [
  { key: 'respondent', kind: 'email', required: true },
  { key: 'role', kind: 'text', oneOf: ['student', 'mentor', ''] },
  { key: 'survey', kind: 'text', required: true },
  { key: 'question', kind: 'text', required: true },
  { key: 'answer', kind: 'text' },
  { key: 'submitted_at', kind: 'datetime' },
];
export const FEEDBACK_COLUMNS: Column[] = FEEDBACK_SPEC.map((f) => ({ key: f.key, header: f.key, type: 'text' }));

export function loadFeedback(ws: Workspace): FeedbackAnswer[] {
  return readRecords(ws, FILES.feedback, FEEDBACK_SPEC).map(({ record }) => FeedbackRow.parse(record));
}

export function stageFeedback(tx: Transaction, answers: readonly FeedbackAnswer[]): void {
  tx.write(FILES.feedback, toExcelCsv(FEEDBACK_COLUMNS, answers));
}

const EXCLUSION_SPEC: FieldSpec[] = [
  { key: 'student_email', kind: 'email', required: true },
  { key: 'mentor_email', kind: 'email', required: true },
  { key: 'reason', kind: 'text' },
  { key: 'added_at', kind: 'datetime' },
];
export const EXCLUSION_COLUMNS: Column[] = EXCLUSION_SPEC.map((f) => ({ key: f.key, header: f.key, type: 'text' }));

export function loadExclusions(ws: Workspace): Exclusion[] {
  return readRecords(ws, FILES.exclusions, EXCLUSION_SPEC).map(({ record }) => ExclusionRow.parse(record));
}

export function stageExclusions(tx: Transaction, exclusions: readonly Exclusion[]): void {
  tx.write(FILES.exclusions, toExcelCsv(EXCLUSION_COLUMNS, exclusions));
}

// ---- the audit log ----

export type { AuditEntry };

export function stageAudit(tx: Transaction, ws: Workspace, entry: AuditEntry): void {
  const abs = ws.abs(FILES.audit);
  const before = fs.existsSync(abs) ? fs.readFileSync(abs, 'utf8') : '';
  tx.write(FILES.audit, `${before}${JSON.stringify(entry)}\n`);
}

export function loadAudit(ws: Workspace): AuditEntry[] {
  const abs = ws.abs(FILES.audit);
  if (!fs.existsSync(abs)) return [];
  // A line that is not an entry is passed over: the log is a record for people, and no command's
  // answer depends on one line of it.
  return auditEntries(fs.readFileSync(abs, 'utf8')).filter((e): e is AuditEntry => e !== null);
}

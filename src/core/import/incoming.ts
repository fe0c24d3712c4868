// The plan of an import of students or mentors: the rows of every input file and the people
// already stored go in; out come the people to store, the rejected rows, the duplicates, the
// warnings and the counts. Pure: reading the files and writing the plan are the command's work.
import type { Scheme } from '../scheme/schema.js';
import { peopleColumns, personRow } from '../store/people-rows.js';
import type { Mentor, RowProblem, Student } from '../types.js';
import { type PeopleTarget, type RejectedRow, SOURCE_KEY } from './people.js';
import { type ColumnPlan, parseWithPlan, type TableRows } from './pipeline.js';

export interface Duplicate {
  email: string;
  kept: { file: string; row: number; submitted_at: string };
  dropped: { file: string; row: number; submitted_at: string }[];
}

/** One input file: its rows (header rows included) and the column plan decided for it. */
export interface ImportFile {
  table: TableRows;
  plan: ColumnPlan;
}

export interface ImportInput<T> {
  target: PeopleTarget;
  scheme: Scheme;
  /** The latest graduation year accepted (this year + 1). */
  maxYear: number;
  files: readonly ImportFile[];
  /** The people data/students.csv or data/mentors.csv holds now, in file order. */
  stored: readonly T[];
  /** The emails stored on the other side: a person cannot be both a student and a mentor. */
  otherSide: ReadonlySet<string>;
}

export interface ImportPlan<T> {
  /** Everyone the data file holds after the import: stored order first, new people appended. */
  people: T[];
  /** Rejected rows, grouped by input file (in the order their files first rejected a row). */
  rejects: RejectedRow[];
  duplicates: Duplicate[];
  warnings: RowProblem[];
  dropped: { file: string; row: number; reason: string }[];
  /** About whole files (a column's date order, the columns used instead of Email and Name). */
  notes: string[];
  imported: number;
  updated: number;
  unchanged: number;
  older: number;
}

interface Entry<T> {
  person: T;
  file: string;
  row: number;
}

const ref = (e: Entry<Student | Mentor>) => ({ file: e.file, row: e.row, submitted_at: e.person.submitted_at });

/**
 * Each person once, in the order they first came; of two submissions the later wins (the later
 * row when they tie or carry no time).
 */
function latestSubmissions<T extends Student | Mentor>(entries: Iterable<Entry<T>>): { byEmail: Map<string, Entry<T>>; duplicates: Duplicate[] } {
  const byEmail = new Map<string, Entry<T>>();
  const dups = new Map<string, Duplicate>();
  for (const entry of entries) {
    const email = entry.person.email;
    const current = byEmail.get(email);
    if (!current) {
      byEmail.set(email, entry);
      continue;
    }
    const laterWins = entry.person.submitted_at >= current.person.submitted_at;
    const kept = laterWins ? entry : current;
    const dropped = laterWins ? current : entry;
    const d = dups.get(email) ?? { email, kept: ref(kept), dropped: [] };
    d.kept = ref(kept);
    d.dropped = [...d.dropped.filter((x) => !(x.file === kept.file && x.row === kept.row)), ref(dropped)];
    dups.set(email, d);
    if (laterWins) byEmail.set(email, entry);
  }
  return { byEmail, duplicates: [...dups.values()] };
}

/** Whether two people would be written as the same line of the data file. */
function sameStored(keys: readonly string[], a: Student | Mentor, b: Student | Mentor): boolean {
  const ra = personRow(a);
  const rb = personRow(b);
  return keys.every((k) => (ra[k] ?? '') === (rb[k] ?? ''));
}

function sameSource(a: Student | Mentor, b: Student | Mentor): boolean {
  const source = a.extra[SOURCE_KEY];
  return source !== undefined && source === b.extra[SOURCE_KEY];
}

export function planImport<T extends Student | Mentor>(input: ImportInput<T>): ImportPlan<T> {
  const { target, scheme, maxYear } = input;
  const plan: ImportPlan<T> = { people: [], rejects: [], duplicates: [], warnings: [], dropped: [], notes: [], imported: 0, updated: 0, unchanged: 0, older: 0 };
  const rejectsByFile = new Map<string, RejectedRow[]>();
  const reject = (r: RejectedRow) => {
    const list = rejectsByFile.get(r.file);
    if (list) list.push(r);
    else rejectsByFile.set(r.file, [r]);
  };
  const accepted: Entry<T>[] = [];
  for (const { table, plan: columns } of input.files) {
    const parsed = parseWithPlan<T>(table, target, scheme, columns, maxYear);
    if (parsed.error) throw parsed.error;
    plan.dropped.push(...parsed.dropped);
    plan.notes.push(...parsed.notes);
    parsed.rejects.forEach(reject);
    plan.warnings.push(...parsed.warnings);
    for (const p of parsed.people) accepted.push(p);
  }
  const { byEmail, duplicates } = latestSubmissions(accepted);
  plan.duplicates = duplicates;
  // The later import's row is the one rejected: the stored side stays as it is.
  const other = target === 'students' ? 'mentor' : 'student';
  for (const [email, e] of byEmail) {
    if (!input.otherSide.has(email)) continue;
    byEmail.delete(email);
    reject({
      file: e.file, row: e.row, headers: [], cells: [],
      problems: [{ file: e.file, row: e.row, column: 'email', value: email, reason: `is already in the workspace as a ${other}; a person cannot be both` }],
    });
  }
  for (const list of rejectsByFile.values()) plan.rejects.push(...list);

  const merged = new Map<string, T>();
  const storedByEmail = new Map<string, T>();
  for (const s of input.stored) {
    merged.set(s.email, s);
    storedByEmail.set(s.email, s);
  }
  const keys = peopleColumns(target).map((c) => c.key);
  for (const [email, { person }] of byEmail) {
    const s = storedByEmail.get(email);
    if (!s) {
      merged.set(email, person);
      plan.imported++;
    } else if (sameStored(keys, s, person)) plan.unchanged++;
    // An older submission never replaces a newer one, except its own earlier reading: the same
    // person from the same source file is the same submission, read again after a fix.
    else if (person.submitted_at && s.submitted_at && person.submitted_at < s.submitted_at && !sameSource(s, person)) plan.older++;
    else {
      merged.set(email, person);
      plan.updated++;
    }
  }
  plan.people = [...merged.values()];
  return plan;
}

// Meetings as check-in forms report them: which active pair, which meeting, when. Pure: rows in,
// meetings and row problems out.
import { dateShape } from '../scheme/date-option.js';
import { normaliseEmail, parseDate, type DateOrder } from '../import/values.js';
import type { RejectedRow } from '../import/people.js';
import type { Match, Meeting, RowProblem } from '../types.js';

const WORDS: Record<string, number> = { one: 1, two: 2, three: 3, first: 1, second: 2, third: 3 };

/** "1", "Meeting 1", "meeting one", "First meeting", "1st", "M2", "#3" -> 1..3; anything else null. */
export function parseMeetingNumber(input: string): number | null {
  const t = input.trim().toLowerCase();
  if (t === '') return null;
  const word = /\b(one|two|three|first|second|third)\b/.exec(t);
  const digits = t.match(/\d+/g) ?? [];
  if (digits.length > 1 || (word && digits.length)) return null;
  const n = word ? WORDS[word[1]!]! : digits.length ? Number(digits[0]) : NaN;
  return n >= 1 && n <= 3 ? n : null;
}

export type PairLookup =
  | { ok: true; pair: Match; via: 'student' | 'mentor' }
  | { ok: false; reason: string; candidates?: Match[] };

export interface PairIndex {
  lookup(email: string): PairLookup;
}

/** Either participant's email identifies their confirmed pair. */
export function pairIndex(matches: readonly Match[], known: ReadonlySet<string>): PairIndex {
  const byStudent = new Map<string, Match>();
  const byMentor = new Map<string, Match[]>();
  const anyStatus = new Map<string, string>();
  for (const m of matches) {
    anyStatus.set(m.student_email, m.status);
    if (!anyStatus.has(m.mentor_email) || m.status === 'confirmed') anyStatus.set(m.mentor_email, m.status);
    if (m.status !== 'confirmed') continue;
    byStudent.set(m.student_email, m);
    byMentor.set(m.mentor_email, [...(byMentor.get(m.mentor_email) ?? []), m]);
  }
  return {
    lookup(email) {
      const s = byStudent.get(email);
      if (s) return { ok: true, pair: s, via: 'student' };
      const ms = byMentor.get(email) ?? [];
      if (ms.length === 1) return { ok: true, pair: ms[0]!, via: 'mentor' };
      if (ms.length > 1) return { ok: false, reason: `is the mentor of ${ms.length} students`, candidates: ms };
      const status = anyStatus.get(email);
      if (status) return { ok: false, reason: `has no active pair (their pair is ${status}, not confirmed)` };
      if (known.has(email)) return { ok: false, reason: 'has no active pair (not matched yet)' };
      return { ok: false, reason: 'is not a student or mentor in this workspace' };
    },
  };
}

export const pairKey = (student: string, mentor: string, meeting: number) => `${student}|${mentor}|${meeting}`;

export interface MeetingRowsInput {
  file: string;
  source: string;
  headers: readonly string[];
  rows: readonly (readonly string[])[];
  rowNumbers: readonly number[];
  /** Column index of each field, -1 when absent; `email` may be replaced by student_email/mentor_email. */
  at: { email: number; meeting: number; date: number };
  pairs: PairIndex;
  /** Meetings already recorded, so a mentor's report can be placed on the one pair still missing it. */
  recorded: readonly Meeting[];
  dateOrder: DateOrder;
  today: string;
}

export interface MeetingRowsResult {
  meetings: { meeting: Meeting; row: number }[];
  rejects: RejectedRow[];
  notes: string[];
}

export function parseMeetingRows(input: MeetingRowsInput): MeetingRowsResult {
  const { file, headers, at } = input;
  const rejects: RejectedRow[] = [];
  const notes: string[] = [];
  const parsed: { email: string; meeting: number; date: string; row: number; cells: readonly string[] }[] = [];
  const reject = (row: number, cells: readonly string[], column: number, value: string, reason: string) => {
    const problem: RowProblem = { file, row, column: headers[column] ?? '', value, reason };
    rejects.push({ file, row, problems: [problem], headers, cells });
  };
  input.rows.forEach((cells, i) => {
    const row = input.rowNumbers[i]!;
    const rawEmail = (cells[at.email] ?? '').trim();
    const rawMeeting = (cells[at.meeting] ?? '').trim();
    const rawDate = (cells[at.date] ?? '').trim();
    const email = normaliseEmail(rawEmail);
    if (!email) return reject(row, cells, at.email, rawEmail, rawEmail ? 'is not an email address' : 'the email is missing');
    const meeting = parseMeetingNumber(rawMeeting);
    if (meeting === null) return reject(row, cells, at.meeting, rawMeeting, 'must be meeting 1, 2 or 3 (e.g. "2" or "Meeting 2")');
    const date = parseDate(rawDate, input.dateOrder);
    if (!date) return reject(row, cells, at.date, rawDate, `is not a date (write it as ${dateShape(input.dateOrder)})`);
    if (date > input.today) return reject(row, cells, at.date, rawDate, `is after today (${input.today}): a meeting is reported once it has happened`);
    parsed.push({ email, meeting, date, row, cells });
  });
  // Students' rows first, so a mentor's report can go to the one pair that still lacks that meeting.
  const has = new Set(input.recorded.map((m) => pairKey(m.student_email, m.mentor_email, m.meeting)));
  const resolved: { meeting: Meeting; row: number }[] = [];
  const deferred: typeof parsed = [];
  for (const p of parsed) {
    const found = input.pairs.lookup(p.email);
    if (!found.ok && found.candidates) {
      deferred.push(p);
      continue;
    }
    if (!found.ok) {
      reject(p.row, p.cells, at.email, p.email, found.reason);
      continue;
    }
    const meeting = { student_email: found.pair.student_email, mentor_email: found.pair.mentor_email, meeting: p.meeting, date: p.date, source: input.source };
    has.add(pairKey(meeting.student_email, meeting.mentor_email, meeting.meeting));
    resolved.push({ meeting, row: p.row });
  }
  for (const p of deferred) {
    const found = input.pairs.lookup(p.email);
    const candidates = found.ok ? [found.pair] : (found.candidates ?? []);
    const open = candidates.filter((c) => !has.has(pairKey(c.student_email, c.mentor_email, p.meeting)));
    if (open.length !== 1) {
      const list = candidates.map((c) => c.student_email).join(', ');
      reject(p.row, p.cells, at.email, p.email, `is the mentor of ${candidates.length} students (${list}) and the row does not say which; put the student's email in the row`);
      continue;
    }
    const pair = open[0]!;
    notes.push(`${file}, row ${p.row}: ${p.email} is the mentor of ${candidates.length} students; meeting ${p.meeting} recorded for ${pair.student_email}, the only one without it`);
    const meeting = { student_email: pair.student_email, mentor_email: pair.mentor_email, meeting: p.meeting, date: p.date, source: input.source };
    has.add(pairKey(pair.student_email, pair.mentor_email, p.meeting));
    resolved.push({ meeting, row: p.row });
  }
  resolved.sort((a, b) => a.row - b.row);
  return { meetings: resolved, rejects: rejects.sort((a, b) => a.row - b.row), notes };
}

export interface MeetingDuplicate {
  student_email: string;
  meeting: number;
  kept: string;
  dropped: string;
  where: string;
}

export interface MeetingMerge {
  meetings: Meeting[];
  added: number;
  earlier: number;
  unchanged: number;
  duplicates: MeetingDuplicate[];
}

/**
 * One meeting per pair and number: a second report of the same meeting is not counted twice. The
 * earliest date wins, because the first report of a meeting is closest to when it happened.
 */
export function mergeMeetings(existing: readonly Meeting[], incoming: readonly { meeting: Meeting; where: string }[]): MeetingMerge {
  const out = existing.map((m) => ({ ...m }));
  const at = new Map(out.map((m, i) => [pairKey(m.student_email, m.mentor_email, m.meeting), i]));
  const fromThisImport = new Set<string>();
  const result: MeetingMerge = { meetings: out, added: 0, earlier: 0, unchanged: 0, duplicates: [] };
  for (const { meeting: m, where } of incoming) {
    const key = pairKey(m.student_email, m.mentor_email, m.meeting);
    const i = at.get(key);
    if (i === undefined) {
      at.set(key, out.length);
      out.push({ ...m });
      fromThisImport.add(key);
      result.added++;
      continue;
    }
    const old = out[i]!;
    const repeat = fromThisImport.has(key);
    if (!repeat && old.date === m.date) {
      result.unchanged++;
      continue;
    }
    const kept = m.date < old.date ? m.date : old.date;
    result.duplicates.push({ student_email: m.student_email, meeting: m.meeting, kept, dropped: m.date < old.date ? old.date : m.date, where });
    if (m.date < old.date) {
      out[i] = { ...m };
      if (!repeat) result.earlier++;
    }
  }
  return result;
}

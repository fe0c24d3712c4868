// One part of an import of students or mentors: rows in, validated people out as the CSV lines
// the workspace stores. The same code runs in the main thread (small files, XLSX, other
// encodings) and in worker threads, each reading one part of a big UTF-8 CSV; the main thread
// then takes the parts in file order, so the outcome is the same either way.
import type { Scheme } from '../core/scheme/schema.js';
import type { PresetOption } from '../core/import/layout.js';
import { makePersonParser, type PeopleTarget, type RejectedRow, vocabulariesOf } from '../core/import/people.js';
import { planColumns } from '../core/import/pipeline.js';
import type { Mentor, RowProblem, Student } from '../core/types.js';
import { type CsvRange, csvRangeBatches, type Row } from '../io/rows.js';
import { SpoolWriter } from '../io/spool.js';
import { personText } from '../workspace/store.js';

/** What a thread needs to read its part exactly as the main thread would. */
export interface PartJob {
  target: PeopleTarget;
  file: string;
  scheme: Scheme;
  preset: PresetOption;
  maps: Map<string, string | null>;
  /** The file's first rows (up to three), from which the layout is decided. */
  head: Row[];
  /** The column plan after any answers given at the prompt. */
  fieldAt: (string | null)[];
  maxYear: number;
  /** Rows with content to pass over at the start of the part: the header rows, in part one. */
  skip: number;
  range: CsvRange;
  /** The spool (see spool.ts) to write the part's lines to: opened, and closed, by the main thread. */
  spool: number;
}

export interface PartResult {
  /** Records read, empty ones included: where the next part's row numbers start. */
  records: number;
  answers: number;
  /** `start`: where each person's line starts in the spool; it ends where the next starts. */
  people: { email: string[]; submitted: string[]; row: number[]; start: number[] };
  /** The job's spool, now holding the lines, and its size: where the last line ends. */
  spool: number;
  spoolEnd: number;
  rejects: RejectedRow[];
  warnings: RowProblem[];
  dropped: { file: string; row: number; reason: string }[];
}

/** Row handling for one part: feed rows in order, then take the result. */
export function partCollector(job: Omit<PartJob, 'range' | 'head' | 'preset' | 'maps'> & { plan: ReturnType<typeof planColumns> }) {
  const parseRow = makePersonParser<Student | Mentor>({
    target: job.target, file: job.file, layout: job.plan.layout, columns: job.plan.columns, scheme: job.scheme,
    vocab: vocabulariesOf(job.scheme), maxYear: job.maxYear,
  });
  const spool = new SpoolWriter(job.spool);
  const out: PartResult = {
    records: 0, answers: 0, people: { email: [], submitted: [], row: [], start: [] },
    spool: spool.fd, spoolEnd: 0, rejects: [], warnings: [], dropped: [],
  };
  const pack = (text: string) => {
    out.people.start.push(spool.end);
    spool.put(text);
  };
  let skip = job.skip;
  return {
    handle(r: Row): void {
      if (skip > 0) {
        skip--;
        return;
      }
      out.answers++;
      const outcome = parseRow(r.cells, r.row);
      if (outcome.kind === 'dropped') out.dropped.push({ file: job.file, row: r.row, reason: outcome.reason });
      else if (outcome.kind === 'reject') out.rejects.push(outcome.rejected);
      else {
        for (const w of outcome.warnings) out.warnings.push(w);
        const p = outcome.person;
        pack(personText(job.target, p));
        out.people.email.push(p.email);
        out.people.submitted.push(p.submitted_at);
        out.people.row.push(r.row);
      }
    },
    result(records: number): PartResult {
      spool.finish();
      out.spoolEnd = spool.end;
      out.records = records;
      return out;
    },
  };
}

export type PartReply = { ok: true; result: PartResult } | { ok: false; message: string };

/**
 * One part of a big CSV, read in whichever thread calls this (the main one, or a worker).
 * `tick`: records read so far, after each batch.
 */
export async function readPart(job: PartJob, tick?: (records: number) => void): Promise<PartReply> {
  try {
    const collector = partCollector({ ...job, plan: planOf(job) });
    const count = { records: 0 };
    for await (const batch of csvRangeBatches(job.range, count)) {
      for (const r of batch) collector.handle(r);
      tick?.(count.records);
    }
    return { ok: true, result: collector.result(count.records) };
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
}

export function planOf(job: Pick<PartJob, 'target' | 'file' | 'scheme' | 'preset' | 'maps' | 'head' | 'fieldAt'>) {
  const table = { file: job.file, rows: job.head.map((r) => r.cells), rowNumbers: job.head.map((r) => r.row) };
  const plan = planColumns(table, job.target, job.scheme, job.preset, job.maps);
  plan.columns.fieldAt = [...job.fieldAt];
  return plan;
}

/** The people of a part in file order, each with the number of its line (`base` is the first's). */
export function* partPeople(part: PartResult, base: number): Generator<{ email: string; line: number; submitted_at: string; row: number }> {
  const { email, submitted, row } = part.people;
  for (let i = 0; i < email.length; i++) yield { email: email[i]!, line: base + i, submitted_at: submitted[i]!, row: row[i]! };
}

/** A part's results with row numbers moved on by `base` records (the parts before it). */
export function shiftRows(part: PartResult, base: number): PartResult {
  if (base === 0) return part;
  part.people.row = part.people.row.map((r) => r + base);
  for (const r of part.rejects) {
    r.row += base;
    for (const p of r.problems) p.row += base;
  }
  for (const w of part.warnings) w.row += base;
  for (const d of part.dropped) d.row += base;
  return part;
}

// Reading one input file of an import into parts (see import-part.ts): decide its layout from the
// first rows, then read the rest in this thread, or, for a big UTF-8 CSV, in this thread and a
// worker at once.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Context } from '../context.js';
import { DataError } from '../errors.js';
import type { PresetOption } from '../core/import/layout.js';
import type { PeopleTarget } from '../core/import/people.js';
import { type ColumnPlan, planColumns } from '../core/import/pipeline.js';
import type { Scheme } from '../core/scheme/schema.js';
import { csvRangeBatches, openRows, type Row, type RowOptions } from '../io/rows.js';
import { closeSpool, openSpool } from '../io/spool.js';
import { type PartResult, partCollector } from './import-part.js';
import { readInThreads, startWorkers, threadsAvailable, worthThreadsBytes } from './import-threads.js';

export interface ReadSettings {
  kind: PeopleTarget;
  scheme: Scheme;
  opts: RowOptions & { preset?: PresetOption };
  maps: Map<string, string | null>;
  maxYear: number;
  /** Asks at the terminal which column holds a missing field (interactive runs only). */
  ask(ctx: Context, plan: ColumnPlan, file: string): Promise<void>;
  unmapped(plan: ColumnPlan, file: string): DataError;
  /** Rows read so far in this file, for the progress bar. */
  tick(rows: number): void;
  /** Where the lines read may be spooled, in order of preference (see spool.ts). */
  spoolDirs: string[];
}

/** Read the first rows (up to Qualtrics' three header rows) to decide the layout, then stream. */
async function headRows(batches: AsyncIterable<Row[]>): Promise<{ head: Row[]; pending: Row[]; rest: AsyncIterator<Row[]> }> {
  const it = batches[Symbol.asyncIterator]();
  const head: Row[] = [];
  const pending: Row[] = [];
  while (head.length < 3) {
    const n = await it.next();
    if (n.done) break;
    for (const r of n.value) (head.length < 3 ? head : pending).push(r);
  }
  return { head, pending, rest: it };
}

/** A big file that is not a workbook: worth starting the workers for before looking inside it. */
function likelyBigCsv(abs: string, worth: number): boolean {
  if (/\.xls[xm]?$/i.test(abs)) return false;
  try {
    return fs.statSync(abs).size >= worth;
  } catch {
    return false; // openRows says what is wrong with it
  }
}

/** `file` as the administrator named it (messages show it), or a workspace file by its place. */
export async function readPeopleFile(
  ctx: Context,
  file: string | { abs: string; shown: string },
  s: ReadSettings,
): Promise<{ parts: PartResult[]; notes: string[] }> {
  const abs = typeof file === 'string' ? path.resolve(ctx.cwd, file) : file.abs;
  const shown = typeof file === 'string' ? file : file.shown;
  // Started before the file is checked (its encoding is checked over the whole file) and its
  // layout decided, so that loading their code overlaps the work here.
  const worth = worthThreadsBytes(ctx.env);
  let pool = threadsAvailable(ctx.env) && likelyBigCsv(abs, worth) ? startWorkers(1, ctx.env) : null;
  try {
    const source = await openRows(abs, shown, s.opts);
    const range = source.range;
    if (pool && !(range && range.to - range.from >= worth)) {
      pool.stop();
      pool = null;
    }
    // The threads read the data; here only the first rows are needed.
    const { head, pending, rest } = await headRows(pool ? csvRangeBatches(range!) : source.batches);
    // Nothing at all (a BOM alone, blank lines): the caller says what that means for its file.
    if (head.length === 0) return { parts: [], notes: [] };
    const preset = s.opts.preset ?? 'auto';
    const plan = planColumns({ file: shown, rows: head.map((r) => r.cells), rowNumbers: head.map((r) => r.row) }, s.kind, s.scheme, preset, s.maps);
    ctx.debug(`${shown}: ${plan.layout.preset} layout${source.encoding ? `, ${source.encoding}` : ''}${source.delimiter ? `, delimiter ${JSON.stringify(source.delimiter)}` : ''}`);
    if (plan.missing.length && ctx.interactive) await s.ask(ctx, plan, shown);
    if (plan.missing.length) throw s.unmapped(plan, shown);
    const notes = plan.columns.notes.map((n) => `${shown}: ${n}`);
    const job = { target: s.kind, file: shown, scheme: s.scheme, preset, maps: s.maps, head, fieldAt: plan.columns.fieldAt, maxYear: s.maxYear };
    if (pool) {
      await rest.return?.();
      const started = Date.now();
      const threaded = await readInThreads(pool.workers, job, s.spoolDirs, range!, plan.layout.firstDataIndex, s.tick);
      if ('parts' in threaded) {
        ctx.debug(`${shown}: read in ${threaded.parts.length} parts, one thread each, in ${Date.now() - started} ms`);
        return { parts: threaded.parts, notes };
      }
      ctx.debug(`${shown}: read in one thread instead: ${threaded.failed}`);
    }
    const spool = openSpool(s.spoolDirs);
    try {
      const collector = partCollector({ ...job, skip: plan.layout.firstDataIndex, plan, spool });
      let fed = 0;
      const feed = (r: Row) => {
        collector.handle(r);
        if (++fed % 1000 === 0) s.tick(fed);
      };
      if (pool) {
        // The threads gave up (a broken quote, say): read the whole file again here, which reports
        // any error where it really is.
        for await (const batch of (await openRows(abs, shown, s.opts)).batches) batch.forEach(feed);
      } else {
        head.forEach(feed);
        pending.forEach(feed);
        for (let n = await rest.next(); !n.done; n = await rest.next()) n.value.forEach(feed);
      }
      return { parts: [collector.result(0)], notes };
    } catch (err) {
      closeSpool(spool);
      throw err;
    }
  } finally {
    pool?.stop();
  }
}

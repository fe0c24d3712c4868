// Reading a big UTF-8 CSV in two threads, the main one and a worker, one part each: csv-parse and
// the row checks are most of a 100,000-row import, and the machines have more than one core.
// Where the compiled worker is not there (the sources run directly, as in unit tests) or
// MENTORSHIP_THREADS=1, the caller reads the file in its own thread; the result is the same
// either way (tests compare).
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { splitCsvRange } from '../io/csv-split.js';
import type { CsvRange } from '../io/rows.js';
import { closeSpool, openSpool } from '../io/spool.js';
import { type PartJob, type PartReply, type PartResult, readPart, shiftRows } from './import-part.js';

const WORKER = new URL('./import-worker.js', import.meta.url);
/**
 * Below this a worker costs more than it saves: starting it and compiling the same code a second
 * time. Measured side by side (wall time, one thread against two): 20,000 answers (8 MB) 1.24 s
 * against 1.27 s, 30,000 1.30 against 1.42, 40,000 (17 MB) 1.50 against 1.35, 60,000 1.82 against
 * 1.67. So about 40,000 answers.
 */
const WORTH_THREADS_BYTES = 16 * 1024 * 1024;

/** The size from which a CSV is read in two threads (tests lower it to keep their files small). */
export function worthThreadsBytes(env: NodeJS.ProcessEnv): number {
  return Number(env.MENTORSHIP_TEST_THREADS_FROM_BYTES) || WORTH_THREADS_BYTES;
}

// A bounded young generation keeps the worker's heap (and so the import's peak memory) in check.
// Measured side by side on 100,000 rows, with the lines spooled to disk: 8 MB peaks at 144-146 MB
// against 152-153 for 16 MB, in the same time; 4 MB saves 2-3 MB more (earlier it cost a tenth
// more time in collections); 48 MB was no faster than 16. The old generation is left to V8:
// capping it at 96 MB saved about 45 MB (at 128 MB, later, about 8 MB) but cost 15-20% more CPU
// time then, and a part full of rejected rows would run out of memory and fall back to one thread.
const YOUNG_GENERATION_MB = 8;

export function threadsAvailable(env: NodeJS.ProcessEnv): boolean {
  return env.MENTORSHIP_THREADS !== '1' && fs.existsSync(fileURLToPath(WORKER));
}

/**
 * Workers for the parts after the first, started before the file's layout is decided so that
 * loading their modules overlaps the main thread's work. Each takes one part, then ends; `stop`
 * ends them all.
 */
export function startWorkers(n: number, env: NodeJS.ProcessEnv): { workers: Worker[]; stop(): void } {
  // A test hook: a worker that runs out of memory must leave the file to be read in one thread.
  const cap = Number(env.MENTORSHIP_TEST_WORKER_HEAP_MB);
  const resourceLimits = cap
    ? { maxYoungGenerationSizeMb: Math.min(YOUNG_GENERATION_MB, cap), maxOldGenerationSizeMb: cap }
    : { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB };
  const workers = Array.from({ length: n }, () => new Worker(WORKER, { resourceLimits }));
  return {
    workers,
    stop: () => {
      for (const w of workers) void w.terminate();
    },
  };
}

function runPart(worker: Worker, job: PartJob): Promise<PartReply> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (reply: PartReply) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      resolve(reply);
    };
    worker.once('message', (reply: PartReply) => settle(reply));
    worker.once('error', (err) => settle({ ok: false, message: err.message }));
    worker.once('exit', (code) => settle({ ok: false, message: `the worker stopped (exit ${code})` }));
    worker.postMessage(job);
  });
}

/**
 * The file's parts, in file order, row numbers as in the whole file; or why not (a part failed:
 * the caller reads the file itself, which reports any error where it really is). The first part
 * is read in this thread while each worker reads one of the others: this thread would otherwise
 * only wait, and a worker fewer is one heap and one start-up fewer.
 */
export async function readInThreads(
  workers: readonly Worker[],
  job: Omit<PartJob, 'range' | 'skip' | 'spool'>,
  spoolDirs: readonly string[],
  range: CsvRange,
  headerRows: number,
  tick: (rows: number) => void,
): Promise<{ parts: PartResult[] } | { failed: string }> {
  const ranges = splitCsvRange(range, workers.length + 1);
  if (ranges.length < workers.length + 1) return { failed: 'no place to cut the file (lone CR line ends, or one huge record)' };
  const spools: number[] = [];
  try {
    for (const _ of ranges) spools.push(openSpool(spoolDirs));
  } catch (err) {
    spools.forEach(closeSpool);
    throw err;
  }
  const partJob = (k: number): PartJob => ({ ...job, range: ranges[k]!, skip: k === 0 ? headerRows : 0, spool: spools[k]! });
  const elsewhere = workers.map((w, k) => runPart(w, partJob(k + 1)));
  // The parts are of about equal size, so this thread's count times their number is about the
  // file's: enough for a progress bar (the exact count follows when the file is done).
  const replies = [await readPart(partJob(0), (n) => tick(n * ranges.length)), ...(await Promise.all(elsewhere))];
  const failed = replies.find((r) => !r.ok);
  if (failed && !failed.ok) {
    // The file is read again in one thread: what the parts wrote is dropped.
    spools.forEach(closeSpool);
    return { failed: failed.message };
  }
  const parts: PartResult[] = [];
  let base = 0;
  for (const reply of replies) {
    if (!reply.ok) continue;
    parts.push(shiftRows(reply.result, base));
    base += reply.result.records;
  }
  return { parts };
}

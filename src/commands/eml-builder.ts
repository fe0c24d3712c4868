// Building many drafts: MailComposer is half the time of 10,000 drafts, and the machine has more
// than one core. With 1,000 drafts or more a worker thread takes chunks of them from a shared
// queue while this thread first does `meanwhile` (slow disk work, such as writing the other files
// ahead), then takes chunks from the same queue and hands on the built ones. Where the compiled
// worker is not there (the sources run directly, as in unit tests) or threads are off, everything
// is built here; the bytes are the same.
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { buildEml } from '../core/email/eml.js';
import type { EmlChunk, EmlJob } from '../core/email/eml-worker.js';

const WORKER = new URL('../core/email/eml-worker.js', import.meta.url);
const WORTH_A_WORKER = 1000;
const CHUNK = 200;

export interface BuildOptions {
  /** Off with MENTORSHIP_THREADS=1. */
  threads?: boolean;
  /** Synchronous work for this thread while the worker starts building. */
  meanwhile?: () => void;
  /**
   * Drafts `from`.. are built (any order of chunks): this thread calls it between chunks, so
   * writing them out overlaps the worker's building.
   */
  built?: (from: number, emls: readonly Buffer[]) => void;
}

async function buildHere(jobs: readonly EmlJob[]): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for (const j of jobs) out.push(await buildEml(j.email, j.opts));
  return out;
}

export async function buildEmls(jobs: readonly EmlJob[], opts: BuildOptions = {}): Promise<Buffer[]> {
  if (jobs.length < WORTH_A_WORKER || opts.threads === false || !fs.existsSync(fileURLToPath(WORKER))) {
    opts.meanwhile?.();
    const all = await buildHere(jobs);
    opts.built?.(0, all);
    return all;
  }
  const chunks: number[] = [];
  for (let at = 0; at < jobs.length; at += CHUNK) chunks.push(at);
  const built: (Buffer[] | undefined)[] = chunks.map(() => undefined);
  const done: number[] = []; // chunks built and not yet handed to opts.built
  // Both threads take the next chunk from one shared counter, so neither waits for the other
  // (this thread may be busy writing files for seconds).
  const claim = new Int32Array(new SharedArrayBuffer(4));
  let handed = 0;
  let failed: unknown = null;
  let wake: () => void = () => {};
  const worker = new Worker(WORKER, { workerData: { claim, total: chunks.length } });
  worker.on('message', (reply: { index: number; built: Uint8Array[] }) => {
    built[reply.index] = reply.built.map((b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength));
    done.push(reply.index);
    wake();
  });
  worker.once('error', (err) => {
    failed = err;
    wake();
  });
  // A worker that stops without an error (it never should) must not leave this thread waiting.
  worker.once('exit', () => {
    failed ??= new Error('the thread building drafts stopped before it finished');
    wake();
  });
  try {
    chunks.forEach((at, index) => worker.postMessage({ index, jobs: jobs.slice(at, at + CHUNK) } satisfies EmlChunk));
    opts.meanwhile?.();
    // This thread hands on what is built, else builds the next unclaimed chunk, else waits for
    // the worker's last ones. Each await lets the worker's replies in.
    while (handed < chunks.length) {
      if (failed) throw failed;
      const ready = done.shift();
      if (ready !== undefined) {
        opts.built?.(chunks[ready]!, built[ready]!);
        handed++;
        continue;
      }
      const index = Atomics.add(claim, 0, 1);
      if (index < chunks.length) {
        built[index] = await buildHere(jobs.slice(chunks[index]!, chunks[index]! + CHUNK));
        done.push(index);
      } else {
        await new Promise<void>((resolve) => {
          wake = resolve;
          if (done.length || failed) resolve();
        });
      }
    }
  } finally {
    void worker.terminate();
  }
  const out: Buffer[] = [];
  for (const b of built) out.push(...b!);
  return out;
}

// A worker thread that reads one part of a big CSV import (see import-part.ts). The main thread
// bounds its young generation (resourceLimits), and it reads in 256 KiB chunks rather than 1 MiB,
// to keep the memory two of them take down.
import { parentPort } from 'node:worker_threads';
import { csvRangeBatches } from '../io/rows.js';
import { type PartJob, partCollector, planOf } from './import-part.js';

export type PartReply = { ok: true; result: import('./import-part.js').PartResult } | { ok: false; message: string };

const CHUNK = 256 * 1024;

parentPort?.once('message', async (job: PartJob) => {
  try {
    const collector = partCollector({ ...job, plan: planOf(job) });
    const count = { records: 0 };
    for await (const batch of csvRangeBatches(job.range, CHUNK, count)) for (const r of batch) collector.handle(r);
    const result = collector.result(count.records);
    parentPort!.postMessage({ ok: true, result } satisfies PartReply, result.blocks);
  } catch (err) {
    parentPort!.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) } satisfies PartReply);
  }
});

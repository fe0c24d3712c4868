// Building many drafts: the second half goes to a worker thread when there are enough of them to
// pay for starting it. Where the compiled worker is not there (the sources run directly, as in
// tests), everything is built here; the bytes are the same either way.
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { buildEml } from '../core/email/eml.js';
import type { EmlJob } from '../core/email/eml-worker.js';

const WORKER = new URL('../core/email/eml-worker.js', import.meta.url);
const WORTH_A_WORKER = 1000;

function buildHere(jobs: readonly EmlJob[]): Promise<Buffer[]> {
  return (async () => {
    const out: Buffer[] = [];
    for (const j of jobs) out.push(await buildEml(j.email, j.opts));
    return out;
  })();
}

function buildInWorker(jobs: readonly EmlJob[]): Promise<Buffer[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER);
    worker.once('message', (built: Uint8Array[]) => {
      void worker.terminate();
      resolve(built.map((b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength)));
    });
    worker.once('error', reject);
    worker.postMessage(jobs);
  });
}

export async function buildEmls(jobs: readonly EmlJob[]): Promise<Buffer[]> {
  if (jobs.length < WORTH_A_WORKER || !fs.existsSync(fileURLToPath(WORKER))) return buildHere(jobs);
  const half = Math.floor(jobs.length / 2);
  const [theirs, ours] = await Promise.all([buildInWorker(jobs.slice(half)), buildHere(jobs.slice(0, half))]);
  return [...ours, ...theirs];
}

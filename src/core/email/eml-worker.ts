// A worker thread that builds .eml drafts (see commands/eml-builder.ts): all chunks arrive as
// messages; it builds those it claims from the counter it shares with the main thread. It builds
// exactly what buildEml builds in the main thread.
import { parentPort, workerData } from 'node:worker_threads';
import { buildEml, type EmlOptions } from './eml.js';
import type { RenderedEmail } from './template.js';

export interface EmlJob {
  email: RenderedEmail;
  opts: EmlOptions;
}

export interface EmlChunk {
  index: number;
  jobs: EmlJob[];
}

const { claim, total } = (workerData ?? {}) as { claim: Int32Array; total: number };
const arrived = new Map<number, EmlJob[]>();
let waiting: { index: number; resolve: (jobs: EmlJob[]) => void } | null = null;

parentPort?.on('message', (chunk: EmlChunk) => {
  if (waiting?.index === chunk.index) {
    waiting.resolve(chunk.jobs);
    waiting = null;
  } else arrived.set(chunk.index, chunk.jobs);
});

function chunkAt(index: number): Promise<EmlJob[]> {
  const jobs = arrived.get(index);
  if (jobs) {
    arrived.delete(index);
    return Promise.resolve(jobs);
  }
  return new Promise((resolve) => {
    waiting = { index, resolve };
  });
}

async function work(): Promise<void> {
  for (let index = Atomics.add(claim, 0, 1); index < total; index = Atomics.add(claim, 0, 1)) {
    const jobs = await chunkAt(index);
    const built: Uint8Array[] = [];
    for (const j of jobs) built.push(await buildEml(j.email, j.opts));
    const buffers = built.map((b) => b.buffer as ArrayBuffer).filter((b, i, all) => all.indexOf(b) === i);
    parentPort!.postMessage({ index, built }, buffers);
  }
  // Unclaimed chunks that arrived are the main thread's: nothing to keep.
  arrived.clear();
}

if (parentPort && claim) void work();

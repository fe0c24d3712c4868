// A worker thread that reads one part of a big CSV import (see import-part.ts). The main thread
// bounds its young generation (resourceLimits).
import { parentPort } from 'node:worker_threads';
import { readPart, type PartJob } from './import-part.js';

parentPort?.once('message', async (job: PartJob) => {
  const reply = await readPart(job);
  parentPort!.postMessage(reply);
});

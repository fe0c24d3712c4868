// A worker thread that builds .eml drafts: MailComposer is half the time of 10,000 drafts, and the
// machine has more than one core. It builds exactly what buildEml builds in the main thread.
import { parentPort } from 'node:worker_threads';
import { buildEml, type EmlOptions } from './eml.js';
import type { RenderedEmail } from './template.js';

export interface EmlJob {
  email: RenderedEmail;
  opts: EmlOptions;
}

parentPort?.on('message', async (jobs: EmlJob[]) => {
  const out: Uint8Array[] = [];
  for (const j of jobs) out.push(await buildEml(j.email, j.opts));
  parentPort!.postMessage(out, out.map((b) => b.buffer as ArrayBuffer).filter((b, i, all) => all.indexOf(b) === i));
});

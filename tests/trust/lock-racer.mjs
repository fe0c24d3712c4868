// Started several times at once by faults-lock.test.ts: each process waits for the same instant,
// then takes the workspace lock (the built dist/io/lock.js), holds it a moment and releases it,
// logging when it entered and left. Two entries in a row would be two holders at once.
import fs from 'node:fs';
import { acquireLock } from '../../dist/io/lock.js';

const [ws, startAt, log] = process.argv.slice(2);
const late = Date.now() > Number(startAt);
while (Date.now() < Number(startAt)) {
  // spin: every racer leaves this loop within a millisecond of the others
}
let release;
try {
  release = acquireLock(ws, 'racer', { waitMs: 30_000 });
} catch (err) {
  fs.appendFileSync(log, `refused ${process.pid} ${err.message}\n`);
  process.exit(1);
}
fs.appendFileSync(log, `enter ${process.pid}${late ? ' late' : ''}\n`);
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 30);
fs.appendFileSync(log, `leave ${process.pid}\n`);
release();

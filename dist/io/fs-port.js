// The file-system operations the transaction, its journal and the lock use, as one port passed in:
// production passes node:fs itself; tests pass a wrapper that fails a chosen call (a full disk, a
// file held open by Excel, a refused hard link) or counts the calls of a commit.
import * as fs from 'node:fs';
function sleep(ms) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
/**
 * node:fs, looked up at each call (a preload that patches fs, as the kill tests do, is seen).
 * Only the operations of FsPort are ever called through it.
 */
export const nodeFs = new Proxy({ sleep }, {
    get: (target, key) => (key === 'sleep' ? target.sleep : fs[key]),
});

// A staged file's bytes, and writing them durably: the pieces of a commit below the protocol.
import { createHash } from 'node:crypto';
import { type FsPort, nodeFs } from './fs-port.js';

export function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The first `length` bytes of `data`, however many calls the system takes to write them. */
export function writeAll(fd: number, data: Uint8Array, length = data.length, write: FsPort['writeSync'] = nodeFs.writeSync): void {
  for (let at = 0; at < length; ) at += write(fd, data, at, length - at);
}

/** Write `data` to `file` (opened by `open`, which may wait for a file held open), flushed when durable. */
export function writeFileDurably(port: FsPort, open: () => number, data: Uint8Array, durable: boolean): void {
  const fd = open();
  try {
    writeAll(fd, data, data.length, port.writeSync);
    if (durable) port.fsyncSync(fd);
  } finally {
    port.closeSync(fd);
  }
}

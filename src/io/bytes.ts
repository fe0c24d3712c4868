// A staged file's bytes, and writing them durably: the pieces of a commit below the protocol.
import { createHash } from 'node:crypto';
import { type FsPort, nodeFs } from './fs-port.js';

/**
 * A file's bytes given as chunks read on demand, for a file too big to hold (an import's people,
 * spooled to disk): asked for again each time the commit needs them (to compare, hash, write).
 * A chunk need only stay valid until the next is asked for.
 */
export interface ByteSource {
  readonly size: number;
  chunks(): Iterable<Uint8Array>;
}

export function isByteSource(data: unknown): data is ByteSource {
  return typeof data === 'object' && data !== null && typeof (data as ByteSource).chunks === 'function';
}

export function chunkSource(chunks: readonly Uint8Array[]): ByteSource {
  return { size: chunks.reduce((n, c) => n + c.length, 0), chunks: () => chunks };
}

export function sha256(data: Uint8Array | readonly Uint8Array[] | ByteSource): string {
  const h = createHash('sha256');
  if (isByteSource(data)) for (const c of data.chunks()) h.update(c);
  else if (Array.isArray(data)) for (const c of data) h.update(c);
  else h.update(data as Uint8Array);
  return h.digest('hex');
}

/** Whether a file's bytes equal these chunks, without joining the chunks into one buffer. */
export function sameBytes(current: Buffer, source: ByteSource): boolean {
  if (current.length !== source.size) return false;
  let at = 0;
  for (const c of source.chunks()) {
    if (at + c.length > current.length || Buffer.compare(current.subarray(at, at + c.length), c) !== 0) return false;
    at += c.length;
  }
  return at === current.length;
}

/** The first `length` bytes of `data`, however many calls the system takes to write them. */
export function writeAll(fd: number, data: Uint8Array, length = data.length, write: FsPort['writeSync'] = nodeFs.writeSync): void {
  for (let at = 0; at < length; ) at += write(fd, data, at, length - at);
}

let writeScratch: Buffer | undefined;

/** Write `data` to `file` (opened by `open`, which may wait for a file held open), flushed when durable. */
export function writeFileDurably(port: FsPort, open: () => number, data: ByteSource, durable: boolean): void {
  const fd = open();
  try {
    // Many small chunks (one per CSV line) are gathered into 1 MiB writes.
    const scratch = (writeScratch ??= Buffer.allocUnsafe(1 << 20));
    let used = 0;
    for (const chunk of data.chunks()) {
      if (used + chunk.length > scratch.length) {
        if (used) writeAll(fd, scratch, used, port.writeSync);
        used = 0;
      }
      if (chunk.length > scratch.length) writeAll(fd, chunk, chunk.length, port.writeSync);
      else {
        scratch.set(chunk, used);
        used += chunk.length;
      }
    }
    if (used) writeAll(fd, scratch, used, port.writeSync);
    if (durable) port.fsyncSync(fd);
  } finally {
    port.closeSync(fd);
  }
}

// Lines spooled to disk: an import writes each person's stored line to a scratch file as it reads,
// and keeps only where the line is. A 100,000-row import would otherwise hold some 40 MB of lines
// in memory until the end (twice, briefly, in two threads).
//
// The scratch file is unlinked as soon as it is open, so nothing is ever left behind, not even
// after a crash or a Ctrl-C; it lives as long as its descriptor. The main thread opens and closes
// every spool; a worker thread only writes to the one it is given (descriptors are process-wide,
// and Node closes those a worker opened itself when it ends). No library does this; it is a few
// system calls.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { threadId } from 'node:worker_threads';
import { ioError, writeAll } from './transaction.js';

const BUFFER = 1 << 20;
let made = 0;

/** Open an anonymous scratch file in the first of `dirs` that takes one; close it with closeSpool. */
export function openSpool(dirs: readonly string[]): number {
  let last: { err: unknown; file: string } | undefined;
  for (const dir of dirs) {
    const file = path.join(dir, `.spool-${process.pid}-${threadId}-${made++}-${Math.random().toString(36).slice(2)}`);
    let fd: number;
    try {
      fd = fs.openSync(file, 'wx+', 0o600);
    } catch (err) {
      last = { err, file };
      continue; // a read-only workspace (a --dry-run there): try the next place
    }
    fs.rmSync(file, { force: true });
    return fd;
  }
  throw last ? ioError(last.err, `a scratch file (${last.file})`) : new Error('internal: no folder for scratch files');
}

/** Writes lines one after another; each line's place is its start and length. */
export class SpoolWriter {
  private buffer = Buffer.allocUnsafeSlow(BUFFER);
  private used = 0;
  /** Bytes in the file plus those waiting in the buffer: where the next line starts. */
  private size = 0;

  constructor(readonly fd: number) {}

  /** Append a line (it starts at the `end` before the call, and ends at the `end` after it). */
  put(text: string): void {
    // Room for the worst case (3 bytes for each UTF-16 unit) rather than measuring the line first:
    // one pass over the text instead of two.
    const room = text.length * 3;
    if (this.used + room > this.buffer.length) {
      this.flush();
      if (room > this.buffer.length) this.buffer = Buffer.allocUnsafeSlow(room);
    }
    const length = this.buffer.write(text, this.used, 'utf8');
    this.used += length;
    this.size += length;
  }

  get end(): number {
    return this.size;
  }

  /** Write out what is buffered; the writer is done (its descriptor stays open for reading). */
  finish(): void {
    this.flush();
    this.buffer = Buffer.alloc(0);
  }

  private flush(): void {
    try {
      writeAll(this.fd, this.buffer, this.used);
    } catch (err) {
      throw ioError(err, 'a scratch file');
    }
    this.used = 0;
  }
}

/** A run of bytes in a spool. */
export interface SpoolRange {
  fd: number;
  start: number;
  length: number;
}

/**
 * Reads single lines back, for comparing. Reading in order (the usual case: a file imported again
 * in the same order) is served from a window read ahead; a jump reads just the line, so a
 * reshuffled file costs one small read per line rather than a window each.
 */
export class SpoolReader {
  private window = Buffer.allocUnsafeSlow(64 * 1024);
  private from = 0;
  private to = 0;
  constructor(private readonly fd: number) {}

  read(start: number, length: number): Buffer {
    if (start >= this.from && start + length <= this.to) return this.window.subarray(start - this.from, start + length - this.from);
    const ahead = start >= this.to && start - this.to < this.window.length;
    if (!ahead || length > this.window.length) {
      const exact = Buffer.allocUnsafe(length);
      readFully(this.fd, exact, length, start);
      return exact;
    }
    this.from = start;
    this.to = start + readFully(this.fd, this.window, this.window.length, start);
    return this.window.subarray(0, length);
  }
}

function readFully(fd: number, into: Buffer, length: number, position: number): number {
  let got = 0;
  while (got < length) {
    const n = fs.readSync(fd, into, got, length - got, position + got);
    if (n === 0) break;
    got += n;
  }
  return got;
}

/**
 * The bytes of these ranges in order, as chunks of at most 1 MiB read into one buffer: each chunk
 * is valid only until the next is asked for (the transaction's readers copy or hash it at once).
 * Adjacent ranges are read as one.
 */
export function* spoolChunks(ranges: Iterable<SpoolRange>): Generator<Buffer> {
  const buffer = Buffer.allocUnsafeSlow(BUFFER);
  let run: SpoolRange | null = null;
  function* emit(r: SpoolRange): Generator<Buffer> {
    for (let at = 0; at < r.length; ) {
      const n = Math.min(buffer.length, r.length - at);
      const got = readFully(r.fd, buffer, n, r.start + at);
      if (got < n) throw new Error(`a scratch file is shorter than written (${r.start + at + got} of ${r.start + r.length} bytes)`);
      yield buffer.subarray(0, n);
      at += n;
    }
  }
  for (const r of ranges) {
    if (run && run.fd === r.fd && run.start + run.length === r.start) run.length += r.length;
    else {
      if (run) yield* emit(run);
      run = { ...r };
    }
  }
  if (run) yield* emit(run);
}

export function closeSpool(fd: number): void {
  try {
    fs.closeSync(fd);
  } catch {
    /* already closed */
  }
}

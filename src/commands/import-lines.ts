// The lines an import has read, from all its parts (each spooled to disk by the thread that read
// it), known by number: the merge compares and orders numbers, and the stored file is written by
// reading the lines back in that order.
import * as os from 'node:os';
import { STATE_DIR } from '../io/journal.js';
import { closeSpool, SpoolReader, type SpoolRange, spoolChunks } from '../io/spool.js';
import type { ByteSource } from '../io/transaction.js';
import type { Workspace } from '../workspace/workspace.js';
import type { PartResult } from './import-part.js';

/**
 * The workspace's own state folder first (same disk as the data, and the administrator chose where
 * that lives); the system's temporary folder when the workspace cannot be written (a --dry-run in
 * a read-only folder).
 */
export function spoolDirs(ws: Workspace): string[] {
  return [ws.abs(STATE_DIR), os.tmpdir()];
}

export class LineBook {
  private readonly parts: { fd: number; start: number[]; end: number; base: number }[] = [];
  private readonly readers = new Map<number, SpoolReader>();
  private count = 0;

  /** Take a part's spool (the book closes it); returns the number of the part's first line. */
  add(part: PartResult): number {
    const base = this.count;
    this.parts.push({ fd: part.spool, start: part.people.start, end: part.spoolEnd, base });
    this.count += part.people.start.length;
    return base;
  }

  private range(id: number): SpoolRange {
    // Few parts (one per file and thread): a search from the end finds the latest first.
    let k = this.parts.length - 1;
    while (k > 0 && this.parts[k]!.base > id) k--;
    const p = this.parts[k]!;
    const i = id - p.base;
    if (!(i >= 0 && i < p.start.length)) throw new Error(`internal: no line ${id}`);
    const start = p.start[i]!;
    return { fd: p.fd, start, length: (i + 1 < p.start.length ? p.start[i + 1]! : p.end) - start };
  }

  private bytes(r: SpoolRange): Buffer {
    let reader = this.readers.get(r.fd);
    if (!reader) this.readers.set(r.fd, (reader = new SpoolReader(r.fd)));
    return reader.read(r.start, r.length);
  }

  /** Whether two lines hold the same bytes. */
  same(a: number, b: number): boolean {
    const ra = this.range(a);
    const rb = this.range(b);
    if (ra.length !== rb.length) return false;
    // A reader's view lasts until its next read: copy the first when both come from one spool.
    const first = ra.fd === rb.fd ? Buffer.from(this.bytes(ra)) : this.bytes(ra);
    return Buffer.compare(first, this.bytes(rb)) === 0;
  }

  /** These lines, in this order, as the bytes of a file (read from the spools as it is written). */
  source(ids: readonly number[]): ByteSource {
    let size = 0;
    for (const id of ids) size += this.range(id).length;
    const ranges = function* (book: LineBook) {
      for (const id of ids) yield book.range(id);
    };
    return { size, chunks: () => spoolChunks(ranges(this)) };
  }

  close(): void {
    for (const p of this.parts) closeSpool(p.fd);
    this.parts.length = 0;
    this.readers.clear();
  }
}

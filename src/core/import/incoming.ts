// Gathering one import's people as canonical CSV lines: duplicates resolved as they stream in
// (the latest submission wins), and compared with what is stored line by line. Holding each line
// as one small byte buffer, rather than objects or concatenated strings (which keep pieces of
// their sources alive), keeps a 100,000-row import small.

export interface Duplicate {
  email: string;
  kept: { file: string; row: number; submitted_at: string };
  dropped: { file: string; row: number; submitted_at: string }[];
}

export interface LineEntry {
  line: Uint8Array;
  submitted_at: string;
  file: string;
  row: number;
}

export class IncomingPeople {
  private readonly byEmail = new Map<string, LineEntry>();
  private readonly dups = new Map<string, Duplicate>();

  add(email: string, entry: LineEntry): void {
    const current = this.byEmail.get(email);
    if (!current) {
      this.byEmail.set(email, entry);
      return;
    }
    const laterWins = entry.submitted_at >= current.submitted_at;
    const kept = laterWins ? entry : current;
    const dropped = laterWins ? current : entry;
    const d = this.dups.get(email) ?? { email, kept: toRef(kept), dropped: [] };
    d.kept = toRef(kept);
    d.dropped = [...d.dropped.filter((x) => !(x.file === kept.file && x.row === kept.row)), toRef(dropped)];
    this.dups.set(email, d);
    if (laterWins) this.byEmail.set(email, entry);
  }

  delete(email: string): void {
    this.byEmail.delete(email);
  }

  get duplicates(): Duplicate[] {
    return [...this.dups.values()];
  }

  entries(): IterableIterator<[string, LineEntry]> {
    return this.byEmail.entries();
  }
}

function toRef(e: LineEntry) {
  return { file: e.file, row: e.row, submitted_at: e.submitted_at };
}

export interface LineMerge {
  lines: Uint8Array[];
  imported: number;
  updated: number;
  unchanged: number;
  older: number;
}

/** Stored order first, new people appended; an older submission never replaces a newer one. */
function same(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}

export function mergeLines(stored: ReadonlyMap<string, { line: Uint8Array; submitted_at: string }>, incoming: IncomingPeople): LineMerge {
  if (stored.size === 0) {
    // The first import: everyone is new, in the order they came (no second map of 100,000).
    const lines = [...incoming.entries()].map(([, e]) => e.line);
    return { lines, imported: lines.length, updated: 0, unchanged: 0, older: 0 };
  }
  const merged = new Map<string, Uint8Array>();
  for (const [email, s] of stored) merged.set(email, s.line);
  const out: LineMerge = { lines: [], imported: 0, updated: 0, unchanged: 0, older: 0 };
  for (const [email, e] of incoming.entries()) {
    const s = stored.get(email);
    if (!s) {
      merged.set(email, e.line);
      out.imported++;
    } else if (same(s.line, e.line)) out.unchanged++;
    else if (e.submitted_at && s.submitted_at && e.submitted_at < s.submitted_at) out.older++;
    else {
      merged.set(email, e.line);
      out.updated++;
    }
  }
  out.lines = [...merged.values()];
  return out;
}

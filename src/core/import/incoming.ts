// Gathering one import's people as canonical CSV lines: duplicates resolved as they stream in
// (the latest submission wins), and compared with what is stored line by line. A line is whatever
// the caller holds it as (L): the importer keeps only a number, the line's place in a file it
// spooled to disk, rather than objects or strings, which keeps a 100,000-row import small.

export interface Duplicate {
  email: string;
  kept: { file: string; row: number; submitted_at: string };
  dropped: { file: string; row: number; submitted_at: string }[];
}

export interface LineEntry<L> {
  line: L;
  submitted_at: string;
  file: string;
  row: number;
}

export class IncomingPeople<L> {
  private readonly byEmail = new Map<string, LineEntry<L>>();
  private readonly dups = new Map<string, Duplicate>();

  add(email: string, entry: LineEntry<L>): void {
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

  entries(): IterableIterator<[string, LineEntry<L>]> {
    return this.byEmail.entries();
  }
}

function toRef(e: LineEntry<unknown>) {
  return { file: e.file, row: e.row, submitted_at: e.submitted_at };
}

export interface LineMerge<L> {
  lines: L[];
  imported: number;
  updated: number;
  unchanged: number;
  older: number;
}

/**
 * Stored order first, new people appended; an older submission never replaces a newer one.
 * `same`: whether a stored line and an incoming one hold the same bytes.
 */
export function mergeLines<L>(
  stored: ReadonlyMap<string, { line: L; submitted_at: string }>,
  incoming: IncomingPeople<L>,
  same: (stored: L, incoming: L) => boolean,
): LineMerge<L> {
  if (stored.size === 0) {
    // The first import: everyone is new, in the order they came (no second map of 100,000).
    const lines = [...incoming.entries()].map(([, e]) => e.line);
    return { lines, imported: lines.length, updated: 0, unchanged: 0, older: 0 };
  }
  const merged = new Map<string, L>();
  for (const [email, s] of stored) merged.set(email, s.line);
  const out: LineMerge<L> = { lines: [], imported: 0, updated: 0, unchanged: 0, older: 0 };
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

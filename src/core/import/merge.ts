// Duplicates within an import (latest submission wins) and merging into the stored participants
// (re-importing the same file changes nothing).
import type { ParsedPerson } from './people.js';

export interface Duplicate {
  email: string;
  kept: { file: string; row: number; submitted_at: string };
  dropped: { file: string; row: number; submitted_at: string }[];
}

interface Keyed {
  email: string;
  submitted_at: string;
}

/** Later submitted_at wins; on a tie (or no timestamps) the later row of the later file wins. */
export function dedupe<T extends Keyed>(people: readonly ParsedPerson<T>[]): { kept: ParsedPerson<T>[]; duplicates: Duplicate[] } {
  const byEmail = new Map<string, ParsedPerson<T>[]>();
  for (const p of people) {
    const list = byEmail.get(p.person.email);
    if (list) list.push(p);
    else byEmail.set(p.person.email, [p]);
  }
  const kept: ParsedPerson<T>[] = [];
  const duplicates: Duplicate[] = [];
  for (const [email, list] of byEmail) {
    let best = list[0]!;
    for (const p of list.slice(1)) {
      if (p.person.submitted_at >= best.person.submitted_at) best = p;
    }
    kept.push(best);
    if (list.length > 1) {
      duplicates.push({
        email,
        kept: { file: best.file, row: best.row, submitted_at: best.person.submitted_at },
        dropped: list.filter((p) => p !== best).map((p) => ({ file: p.file, row: p.row, submitted_at: p.person.submitted_at })),
      });
    }
  }
  return { kept, duplicates };
}

export interface MergeResult<T> {
  people: T[];
  imported: string[];
  updated: string[];
  unchanged: string[];
  /** Incoming rows older than what is stored: the stored (later) submission is kept. */
  older: string[];
}

export function merge<T extends Keyed>(existing: readonly T[], incoming: readonly T[], same: (a: T, b: T) => boolean): MergeResult<T> {
  const index = new Map<string, number>();
  const people = [...existing];
  people.forEach((p, i) => index.set(p.email, i));
  const result: MergeResult<T> = { people, imported: [], updated: [], unchanged: [], older: [] };
  for (const p of incoming) {
    const at = index.get(p.email);
    if (at === undefined) {
      index.set(p.email, people.length);
      people.push(p);
      result.imported.push(p.email);
      continue;
    }
    const current = people[at]!;
    if (same(current, p)) result.unchanged.push(p.email);
    else if (p.submitted_at && current.submitted_at && p.submitted_at < current.submitted_at) result.older.push(p.email);
    else {
      people[at] = p;
      result.updated.push(p.email);
    }
  }
  return result;
}

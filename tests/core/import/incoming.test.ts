// Duplicates within an import (the latest submission wins) and merging with what is stored
// (re-importing the same data changes nothing), on canonical lines as the importer holds them.
import { describe, expect, it } from 'vitest';
import { IncomingPeople, mergeLines } from '../../../src/core/import/incoming.js';

const line = (text: string) => Buffer.from(text);
const entry = (note: string, submitted_at: string, row: number, file = 'a.csv') => ({ line: line(note), submitted_at, file, row });
const text = (lines: Uint8Array[]) => lines.map((l) => Buffer.from(l).toString());
const same = (a: Uint8Array, b: Uint8Array) => Buffer.compare(a, b) === 0;

describe('IncomingPeople', () => {
  it('keeps the latest submission and reports the others', () => {
    const incoming = new IncomingPeople<Uint8Array>();
    incoming.add('a@x.org', entry('first', '2025-11-05T10:00:00', 2));
    incoming.add('b@x.org', entry('', '2025-11-05T11:00:00', 3));
    incoming.add('a@x.org', entry('second', '2025-11-06T09:00:00', 4));
    expect([...incoming.entries()].map(([, e]) => Buffer.from(e.line).toString())).toEqual(['second', '']);
    expect(incoming.duplicates).toEqual([
      { email: 'a@x.org', kept: { file: 'a.csv', row: 4, submitted_at: '2025-11-06T09:00:00' }, dropped: [{ file: 'a.csv', row: 2, submitted_at: '2025-11-05T10:00:00' }] },
    ]);
  });

  it('keeps an earlier row when a later one is an older submission', () => {
    const incoming = new IncomingPeople<Uint8Array>();
    incoming.add('a@x.org', entry('newer', '2025-11-06', 2));
    incoming.add('a@x.org', entry('older', '2025-11-01', 3));
    expect(Buffer.from([...incoming.entries()][0]![1].line).toString()).toBe('newer');
    expect(incoming.duplicates[0]).toMatchObject({ kept: { row: 2 }, dropped: [{ row: 3 }] });
  });

  it('lets the later row win when there are no timestamps', () => {
    const incoming = new IncomingPeople<Uint8Array>();
    incoming.add('a@x.org', entry('one', '', 2));
    incoming.add('a@x.org', entry('two', '', 3));
    expect(Buffer.from([...incoming.entries()][0]![1].line).toString()).toBe('two');
  });
});

describe('mergeLines', () => {
  const stored = (pairs: [string, string, string][]) => new Map(pairs.map(([email, note, at]) => [email, { line: line(note), submitted_at: at }]));
  const incomingOf = (pairs: [string, string, string][]) => {
    const incoming = new IncomingPeople<Uint8Array>();
    pairs.forEach(([email, note, at], i) => incoming.add(email, entry(note, at, i + 2)));
    return incoming;
  };

  it('counts imported, updated and unchanged, and keeps stored order', () => {
    const r = mergeLines(
      stored([['a@x.org', 'old', '2025-11-01'], ['b@x.org', 'b', '2025-11-01']]),
      incomingOf([['b@x.org', 'b', '2025-11-01'], ['a@x.org', 'new', '2025-11-02'], ['c@x.org', 'c', '2025-11-03']]),
      same,
    );
    expect(r).toMatchObject({ imported: 1, updated: 1, unchanged: 1, older: 0 });
    expect(text(r.lines)).toEqual(['new', 'b', 'c']);
  });

  it('on a first import, keeps everyone in the order they first came, with their latest answer', () => {
    const r = mergeLines(
      stored([]),
      incomingOf([['a@x.org', 'a1', '2025-11-01'], ['b@x.org', 'b', '2025-11-01'], ['a@x.org', 'a2', '2025-11-03'], ['c@x.org', 'c', '2025-11-02']]),
      same,
    );
    expect(text(r.lines)).toEqual(['a2', 'b', 'c']);
    expect(r).toEqual({ lines: r.lines, imported: 3, updated: 0, unchanged: 0, older: 0 });
  });

  it('does not let an older submission overwrite a newer stored one', () => {
    const r = mergeLines(stored([['a@x.org', 'newer', '2025-11-05']]), incomingOf([['a@x.org', 'older', '2025-11-01']]), same);
    expect(r.older).toBe(1);
    expect(text(r.lines)).toEqual(['newer']);
  });

  it('changes nothing when the same data comes again', () => {
    const people: [string, string, string][] = [['a@x.org', 'a', '2025-11-01'], ['b@x.org', 'b', '2025-11-02']];
    const r = mergeLines(stored(people), incomingOf(people), same);
    expect(text(r.lines)).toEqual(['a', 'b']);
    expect(r).toMatchObject({ unchanged: 2, imported: 0, updated: 0 });
  });
});

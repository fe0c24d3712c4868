import { describe, expect, it } from 'vitest';
import { dedupe, merge } from '../../../src/core/import/merge.js';

const p = (email: string, submitted_at: string, note = '') => ({ email, submitted_at, note });
const parsed = (person: ReturnType<typeof p>, row: number, file = 'a.csv') => ({ person, file, row });

describe('dedupe', () => {
  it('keeps the latest submission and reports the others', () => {
    const { kept, duplicates } = dedupe([
      parsed(p('a@x.org', '2025-11-05T10:00:00', 'first'), 2),
      parsed(p('b@x.org', '2025-11-05T11:00:00'), 3),
      parsed(p('a@x.org', '2025-11-06T09:00:00', 'second'), 4),
    ]);
    expect(kept.map((k) => k.person.note)).toEqual(['second', '']);
    expect(duplicates).toEqual([
      { email: 'a@x.org', kept: { file: 'a.csv', row: 4, submitted_at: '2025-11-06T09:00:00' }, dropped: [{ file: 'a.csv', row: 2, submitted_at: '2025-11-05T10:00:00' }] },
    ]);
  });

  it('lets the later row win when there are no timestamps', () => {
    const { kept } = dedupe([parsed(p('a@x.org', '', 'one'), 2), parsed(p('a@x.org', '', 'two'), 3)]);
    expect(kept[0]!.person.note).toBe('two');
  });
});

describe('merge', () => {
  const same = (a: ReturnType<typeof p>, b: ReturnType<typeof p>) => a.note === b.note && a.submitted_at === b.submitted_at;

  it('counts imported, updated and unchanged, and keeps stored order', () => {
    const existing = [p('a@x.org', '2025-11-01', 'old'), p('b@x.org', '2025-11-01')];
    const r = merge(existing, [p('b@x.org', '2025-11-01'), p('a@x.org', '2025-11-02', 'new'), p('c@x.org', '2025-11-03')], same);
    expect(r.imported).toEqual(['c@x.org']);
    expect(r.updated).toEqual(['a@x.org']);
    expect(r.unchanged).toEqual(['b@x.org']);
    expect(r.people.map((x) => x.email)).toEqual(['a@x.org', 'b@x.org', 'c@x.org']);
  });

  it('does not let an older submission overwrite a newer stored one', () => {
    const r = merge([p('a@x.org', '2025-11-05', 'newer')], [p('a@x.org', '2025-11-01', 'older')], same);
    expect(r.older).toEqual(['a@x.org']);
    expect(r.people[0]!.note).toBe('newer');
  });

  it('changes nothing when the same data comes again', () => {
    const people = [p('a@x.org', '2025-11-01'), p('b@x.org', '2025-11-02')];
    const r = merge(people, people, same);
    expect(r.people).toEqual(people);
    expect(r.unchanged).toHaveLength(2);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { slugify, uniqueBaseNames } from '../../../src/core/email/filenames.js';

describe('slugify', () => {
  it('spells names in plain ASCII', () => {
    expect(slugify("Zoë O'Brien, Jr.")).toBe('zoe-obrien-jr');
    expect(slugify('Łukasz Øster-Straße')).toBe('lukasz-oster-strasse');
    expect(slugify('李小龍')).toBe('person');
    expect(slugify('../../etc/passwd')).toBe('etc-passwd');
    expect(slugify('.hidden')).toBe('hidden');
  });

  it('can never leave its folder, whatever the name (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 120 }), (name) => {
        const s = slugify(name);
        expect(s).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(s.length).toBeLessThanOrEqual(40);
        expect(s).not.toContain('..');
      }),
      { numRuns: 500 },
    );
  });
});

describe('uniqueBaseNames', () => {
  it('gives people with the same name different files, stable from run to run', () => {
    const items = [
      { label: 'student Sam Taylor', key: 'sam1@x|m@y' },
      { label: 'student Sam Taylor', key: 'sam2@x|m@y' },
    ];
    const a = uniqueBaseNames(items);
    expect(a[0]).not.toBe(a[1]);
    expect(a[0]).toMatch(/^student-sam-taylor-[0-9a-f]{8}$/);
    expect(uniqueBaseNames([items[1]!])).toEqual([a[1]]);
  });

  it('stays unique even for identical keys', () => {
    const names = uniqueBaseNames(Array.from({ length: 6 }, () => ({ label: 'x', key: 'same' })));
    expect(new Set(names).size).toBe(6);
  });
});

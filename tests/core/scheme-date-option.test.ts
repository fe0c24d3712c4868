import { describe, expect, it } from 'vitest';
import { dateShape, parseDateOption } from '../../src/core/scheme/date-option.js';
import { UsageError } from '../../src/errors.js';

describe('parseDateOption', () => {
  it('reads a slashed date in the scheme date order', () => {
    expect(parseDateOption('03/04/2027', 'DMY', '--as-of', '--as-of 2027-02-10')).toBe('2027-04-03');
    expect(parseDateOption('03/04/2027', 'MDY', '--as-of', '--as-of 2027-02-10')).toBe('2027-03-04');
  });
  it('reads ISO dates the same in both orders', () => {
    expect(parseDateOption('2027-04-03', 'DMY', 'DATE', '2027-01-20')).toBe('2027-04-03');
    expect(parseDateOption(' 2027-04-03 ', 'MDY', 'DATE', '2027-01-20')).toBe('2027-04-03');
  });
  it('refuses a non-date as a usage error naming the option and the scheme order', () => {
    const fail = (order: 'DMY' | 'MDY') => {
      try {
        parseDateOption('13/13/2027', order, '--before', '--before 2027-06-01');
      } catch (e) {
        return e;
      }
      return null;
    };
    const e = fail('MDY');
    expect(e).toBeInstanceOf(UsageError);
    expect((e as UsageError).message).toContain('--before "13/13/2027" is not a date');
    expect((e as UsageError).hint).toContain('mm/dd/yyyy');
    expect((fail('DMY') as UsageError).hint).toContain('dd/mm/yyyy');
  });
  it('names the shape of each order', () => {
    expect(dateShape('DMY')).not.toBe(dateShape('MDY'));
  });
});

import { describe, expect, it } from 'vitest';
import { supplyReport } from '../../../src/core/report/supply.js';
import { defaultScheme } from '../../../src/core/scheme/defaults.js';
import { parseScheme, type Scheme } from '../../../src/core/scheme/schema.js';
import type { Mentor, Student } from '../../../src/core/types.js';

function scheme(): Scheme {
  const r = parseScheme(defaultScheme());
  if (!r.ok) throw new Error('defaults do not validate');
  return r.scheme;
}

const base = {
  name: 'X', first_name: 'X', country: '', city: '', meeting_preference: '' as const, linkedin: '', share_linkedin: false,
  bio: '', share_bio: false, submitted_at: '', extra: {},
};
const student = (email: string, sectors: string[], support: string[] = []): Student => ({ ...base, email, programme: 'MSc Conflict Studies', sectors, support_areas: support });
const mentor = (email: string, sectors: string[], capacity: number, unavailable: Mentor['unavailable'] = []): Mentor => ({
  ...base, email, sectors, support_areas: ['Interviews'], courses: [], graduation_year: null, job_role: '', employer: '', capacity, unavailable,
});

describe('report supply', () => {
  it('counts students asking against mentor places, shortfall first', () => {
    const s = scheme();
    const r = supplyReport(
      [student('a@x', ['Consulting', 'Law'], ['Interviews']), student('b@x', ['Consulting']), student('c@x', ['Consulting']), student('d@x', ['Law'])],
      [mentor('m@x', ['Consulting'], 1), mentor('n@x', ['Law', 'Consulting'], 2), mentor('away@x', ['Consulting'], 5, [{ from: '2025-11-01', to: '2026-06-30' }])],
      s,
    );
    expect(r).toMatchObject({ students: 4, mentors: 2, places: 3, unavailableMentors: ['away@x'] });
    const consulting = r.rows.find((x) => x.value === 'Consulting')!;
    expect(consulting).toMatchObject({ kind: 'sector', students: 3, mentors: 2, places: 3, shortfall: 0 });
    expect(r.rows.find((x) => x.value === 'Law')).toMatchObject({ students: 2, places: 2, shortfall: 0 });
    expect(r.rows.find((x) => x.kind === 'support area' && x.value === 'Interviews')).toMatchObject({ students: 1, mentors: 2, places: 3 });
  });

  it('puts the biggest shortfall first and reports values outside the vocabulary', () => {
    const r = supplyReport([student('a@x', ['Energy & Environment']), student('b@x', ['Energy & Environment']), student('c@x', ['Thinktanks'])], [mentor('m@x', ['Law'], 3)], scheme());
    expect(r.rows[0]).toMatchObject({ value: 'Energy & Environment', shortfall: 2 });
    expect(r.rows.find((x) => x.value === 'Thinktanks')).toMatchObject({ known: false, shortfall: 1 });
  });
});

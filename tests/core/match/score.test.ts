import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { round2, scorePair, Scorer } from '../../../src/core/match/score.js';
import { makeMentor, makeScheme, makeStudent } from './builders.js';

const scheme = makeScheme();

describe('sector overlap', () => {
  it('is the share of the student\'s sectors the mentor covers', () => {
    const s = makeStudent({ sectors: ['Consulting', 'Law', 'Technology'] });
    const m = makeMentor({ sectors: ['Law', 'Consulting', 'Finance & Banking'] });
    const p = scorePair(s, m, scheme);
    expect(p.breakdown.sector).toBe(33.33); // 2 of 3 sectors x 50 points, 2 decimals
    expect(p.shared_sectors).toEqual(['Consulting', 'Law']);
  });

  it('compares values ignoring case, accents and punctuation', () => {
    const p = scorePair(makeStudent({ sectors: ['NGOs, Charities & Civil Society'] }), makeMentor({ sectors: ['ngos charities and civil society'] }), scheme);
    expect(p.breakdown.sector).toBe(50);
    expect(p.shared_sectors).toEqual(['NGOs, Charities & Civil Society']);
  });

  it('gives nothing when no sector is shared', () => {
    expect(scorePair(makeStudent({ sectors: ['Law'] }), makeMentor({ sectors: ['Technology'] }), scheme).breakdown.sector).toBe(0);
  });
});

describe('support coverage', () => {
  it('is the share of the support sought that the mentor offers', () => {
    const s = makeStudent({ support_areas: ['Interviews', 'Networking', 'Job search', 'CVs & applications'] });
    const p = scorePair(s, makeMentor({ support_areas: ['Networking'] }), scheme);
    expect(p.breakdown.support).toBe(6.25);
    expect(p.shared_support).toEqual(['Networking']);
  });

  it('gives full points to a student who sought no support: nothing sought, nothing missing', () => {
    const p = scorePair(makeStudent({ support_areas: [] }), makeMentor({ support_areas: [] }), scheme);
    expect(p.breakdown.support).toBe(25);
    expect(p.shared_support).toEqual([]);
  });
});

describe('programme affinity', () => {
  it('is full when the mentor studied the student\'s programme', () => {
    const p = scorePair(makeStudent({ programme: 'MSc Conflict Studies' }), makeMentor({ courses: ['MSc Law', 'MSc Conflict Studies'] }), scheme);
    expect(p.breakdown.programme).toBe(15);
  });

  it('is half for a programme in the same programme_groups group', () => {
    const p = scorePair(makeStudent({ programme: 'MSc Conflict Studies' }), makeMentor({ courses: ['MSc European Studies (Research)'] }), scheme);
    expect(p.breakdown.programme).toBe(7.5);
  });

  it('is nothing for a programme in another group, or none', () => {
    expect(scorePair(makeStudent({ programme: 'MSc Conflict Studies' }), makeMentor({ courses: ['MSc European Political Economy'] }), scheme).breakdown.programme).toBe(0);
    expect(scorePair(makeStudent({ programme: 'MSc Conflict Studies' }), makeMentor({ courses: [] }), scheme).breakdown.programme).toBe(0);
  });
});

describe('location', () => {
  const uk = { country: 'United Kingdom', city: 'London' };
  it('is full for the same country when the student meets online or either way', () => {
    for (const meeting_preference of ['online', 'either', ''] as const) {
      const p = scorePair(makeStudent({ ...uk, meeting_preference }), makeMentor({ country: 'united kingdom', city: 'Leeds' }), scheme);
      expect(p.breakdown.location).toBe(10);
    }
  });

  it('needs the same city too for full points when the student wants to meet in person', () => {
    const s = makeStudent({ ...uk, meeting_preference: 'in-person' });
    expect(scorePair(s, makeMentor({ country: 'United Kingdom', city: 'London' }), scheme).breakdown.location).toBe(10);
    expect(scorePair(s, makeMentor({ country: 'United Kingdom', city: 'Leeds' }), scheme).breakdown.location).toBe(5);
  });

  it('gives an in-person student only half with a mentor who meets online only', () => {
    const s = makeStudent({ ...uk, meeting_preference: 'in-person' });
    expect(scorePair(s, makeMentor({ ...uk, meeting_preference: 'online' }), scheme).breakdown.location).toBe(5);
  });

  it('is nothing for another country or an unknown one, and a city only counts inside its country', () => {
    expect(scorePair(makeStudent(uk), makeMentor({ country: 'Belgium', city: 'London' }), scheme).breakdown.location).toBe(0);
    expect(scorePair(makeStudent({ country: '', city: '' }), makeMentor({ country: '', city: '' }), scheme).breakdown.location).toBe(0);
    const inPerson = makeStudent({ country: 'Canada', city: 'London', meeting_preference: 'in-person' });
    expect(scorePair(inPerson, makeMentor({ country: 'Canada', city: 'Toronto' }), scheme).breakdown.location).toBe(5);
  });
});

describe('the score', () => {
  it('is the sum of the rounded components and follows the scheme weights', () => {
    const s = makeStudent({ sectors: ['Law', 'Consulting', 'Technology'], support_areas: ['Interviews'], programme: 'MSc Conflict Studies' });
    const m = makeMentor({ sectors: ['Law'], support_areas: ['Interviews'], courses: ['MSc Conflict Studies'] });
    expect(scorePair(s, m, scheme).score).toBe(round2(16.67 + 25 + 15 + 10));
    const heavy = makeScheme({ weights: { sector: 10, support: 10, programme: 70, location: 10 } });
    expect(scorePair(s, m, heavy)).toMatchObject({ score: 3.33 + 10 + 70 + 10, breakdown: { sector: 3.33, programme: 70 } });
  });

  it('handles more sector values than fit in one 32-bit mask word', () => {
    const many = Array.from({ length: 40 }, (_, k) => `Sector ${k}`);
    const s = makeStudent({ sectors: [many[0]!, many[33]!, many[39]!] });
    const m = makeMentor({ sectors: many.slice(20) });
    const other = makeStudent({ sectors: many.slice(0, 35) });
    const scorer = new Scorer([s, other], [m], scheme);
    expect(scorer.sharedSectorCount(0, 0)).toBe(2);
    expect(scorer.sharedSectorCount(1, 0)).toBe(15);
    expect(scorer.explain(0, 0).shared_sectors).toEqual([many[33], many[39]]);
  });

  const VALUES = ['Law', 'Consulting', 'Technology', 'Finance & Banking', 'EU Institutions'];
  const person = {
    sectors: fc.subarray(VALUES),
    support_areas: fc.subarray(['Interviews', 'Networking', 'Job search']),
    country: fc.constantFrom('', 'United Kingdom', 'Belgium'),
    city: fc.constantFrom('', 'London', 'Brussels'),
    meeting_preference: fc.constantFrom('online' as const, 'in-person' as const, 'either' as const, '' as const),
  };
  const programmes = ['MSc Conflict Studies', 'MSc European Political Economy', 'MSc European Studies (Research)', 'MSc Something Else'];

  it('is the same through the hot loop, score() and explain(), and stays within 0..100', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ ...person, programme: fc.constantFrom(...programmes) }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.record({ ...person, courses: fc.subarray(programmes) }), { minLength: 1, maxLength: 6 }),
        (ss, ms) => {
          const students = ss.map((o) => makeStudent(o));
          const mentors = ms.map((o) => makeMentor(o));
          const scorer = new Scorer(students, mentors, scheme);
          const out = new Float64Array(students.length * mentors.length);
          const cols = Int32Array.from(mentors.keys());
          students.forEach((_, i) => scorer.scoreRow(i, cols, out, i * mentors.length, 0, false));
          students.forEach((st, i) =>
            mentors.forEach((mt, j) => {
              const e = scorer.explain(i, j);
              expect(out[i * mentors.length + j]).toBe(e.score);
              expect(scorer.score(i, j)).toBe(e.score);
              expect(scorePair(st, mt, scheme)).toEqual(e);
              expect(e.score).toBeGreaterThanOrEqual(0);
              expect(e.score).toBeLessThanOrEqual(100);
              expect(e.score).toBe(round2(e.score));
            }),
          );
        },
      ),
    );
  });

  it('marks pairs below min_score, or sharing no sector when required, as -Infinity in the hot loop', () => {
    const students = [makeStudent({ sectors: ['Law'] })];
    const mentors = [makeMentor({ sectors: ['Technology'] }), makeMentor({ sectors: ['Law'] })];
    const scorer = new Scorer(students, mentors, scheme);
    const out = new Float64Array(2);
    scorer.scoreRow(0, Int32Array.of(0, 1), out, 0, 0, true);
    expect(out[0]).toBe(-Infinity);
    expect(out[1]).toBe(100);
    scorer.scoreRow(0, Int32Array.of(0, 1), out, 0, 60, false);
    expect(out[0]).toBe(-Infinity); // 25 + 15 + 10 = 50 < 60
    expect(out[1]).toBe(100);
  });
});

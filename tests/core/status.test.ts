import { describe, expect, it } from 'vitest';
import { defaultScheme } from '../../src/core/scheme/defaults.js';
import { parseScheme } from '../../src/core/scheme/schema.js';
import { schemeStatus, type StatusInput } from '../../src/core/status.js';
import type { Match, Mentor, Student } from '../../src/core/types.js';

const parsed = parseScheme(defaultScheme());
if (!parsed.ok) throw new Error('defaults do not validate');
const scheme = parsed.scheme;
const person = { name: 'X', first_name: 'X', sectors: ['Law'], support_areas: [], country: '', city: '', meeting_preference: '' as const, linkedin: '', share_linkedin: false, bio: '', share_bio: false, submitted_at: '', extra: {} };
const student: Student = { ...person, email: 's@x', programme: 'MSc Conflict Studies' };
const mentor: Mentor = { ...person, email: 'm@x', courses: [], graduation_year: null, job_role: '', employer: '', capacity: 2, unavailable: [] };
const pair = (status: Match['status']): Match => ({
  student_email: 's@x', mentor_email: 'm@x', status, score: 70, breakdown: { sector: 50, support: 10, programme: 5, location: 5 },
  shared_sectors: ['Law'], shared_support: [], proposed_at: '', decided_at: '', reason: '',
});

function input(over: Partial<StatusInput>): StatusInput {
  return { scheme, today: '2025-11-25', students: [], mentors: [], matches: [], meetings: [], chases: [], feedback: [], commandsRun: new Set(), ...over };
}

describe('status: the next step through the year', () => {
  it('follows the cycle', () => {
    expect(schemeStatus(input({})).next[0]).toMatch(/import students/);
    expect(schemeStatus(input({ students: [student] })).next[0]).toMatch(/import mentors/);
    expect(schemeStatus(input({ students: [student], mentors: [mentor] })).next).toEqual([
      'check supply against demand: mentorship report supply',
      'propose pairs: mentorship match',
    ]);
    expect(schemeStatus(input({ students: [student], mentors: [mentor], matches: [pair('proposed')] })).next[0]).toMatch(/confirm/);
    const confirmed = input({ students: [student], mentors: [mentor], matches: [pair('confirmed')] });
    expect(schemeStatus(confirmed).next).toEqual(['share the permitted profiles: mentorship export', 'draft the introductions: mentorship emails intro']);
    const later = { ...confirmed, today: '2026-02-15', commandsRun: new Set(['export', 'emails intro']) };
    expect(schemeStatus(later).next).toEqual(['see who to chase: mentorship report chase']);
  });

  it('counts what is there', () => {
    const s = schemeStatus(input({ students: [student], mentors: [mentor], matches: [pair('withdrawn')] }));
    expect(s).toMatchObject({ students: 1, mentors: 1, places: 2, studentsWithoutPair: 1, pairs: { withdrawn: 1, confirmed: 0 } });
  });
});

describe('status after the programme', () => {
  it('stops suggesting chases once the programme has ended', () => {
    const ended = input({ students: [student], mentors: [mentor], matches: [pair('confirmed')], today: '2026-11-22', commandsRun: new Set(['export', 'emails intro', 'emails feedback']) });
    expect(schemeStatus(ended).next).not.toContain('see who to chase: mentorship report chase');
  });
});

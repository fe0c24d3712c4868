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

describe('status at each stage of the year', () => {
  const mentor2: Mentor = { ...mentor, email: 'm2@x', capacity: 1 };
  const student2: Student = { ...student, email: 's2@x' };
  const withPairs = (over: Partial<StatusInput>) => input({ students: [student, student2], mentors: [mentor, mentor2], ...over });

  it('applications, matching, the programme, its end, and the year after', () => {
    expect(schemeStatus(input({ today: '2025-11-05' })).stage).toBe('applications');
    expect(schemeStatus(input({ today: '2025-11-25' })).stage).toBe('matching');
    const during = withPairs({ today: '2026-02-15', matches: [pair('confirmed')], commandsRun: new Set(['export', 'emails intro']) });
    expect(schemeStatus(during)).toMatchObject({ stage: 'programme' });
    expect(schemeStatus(during).next).toEqual([
      '1 student(s) have no confirmed mentor: mentorship match',
      'see who to chase: mentorship report chase',
    ]);
    // The mid-way survey is suggested from its date until the final one's.
    expect(schemeStatus({ ...during, today: '2026-02-16' }).next).toContain('ask how it is going: mentorship emails feedback --survey midway');
    expect(schemeStatus({ ...during, today: '2026-02-16', commandsRun: new Set(['export', 'emails intro', 'emails feedback midway']) }).next).not.toContain('ask how it is going: mentorship emails feedback --survey midway');

    // After the end: close the year, feedback, the report and purge; never matching or chasing.
    const ended = withPairs({ today: '2026-05-04', matches: [pair('confirmed')], commandsRun: new Set(['export', 'emails intro', 'emails feedback midway']) });
    const s = schemeStatus(ended);
    expect(s.stage).toBe('ended');
    expect(s.next).toEqual([
      'the programme ended on 30 Apr 2026: mark its 1 pair(s) completed: mentorship confirm --completed',
      'ask for feedback (planned for 11 May 2026): mentorship emails feedback --survey final',
      'report the year: mentorship report programme',
      'delete personal data when it is due (after 30 Apr 2027): mentorship purge',
    ]);
    const closed = schemeStatus({ ...ended, matches: [pair('completed')], commandsRun: new Set(['emails feedback final']), today: '2026-05-20' });
    expect(closed.next).toEqual(['report the year: mentorship report programme', 'delete personal data when it is due (after 30 Apr 2027): mentorship purge']);
    expect(schemeStatus({ ...ended, matches: [pair('completed')], today: '2027-06-02' })).toMatchObject({ stage: 'year over' });
    expect(schemeStatus({ ...ended, matches: [pair('completed')], today: '2027-06-02' }).next).toEqual([
      '2025-26 is over: start 2027-28 from this workspace: mentorship init ../2027-28 --from .',
      'ask for feedback: mentorship emails feedback --survey final',
      'report the year: mentorship report programme',
      'the retention period is over: mentorship purge',
    ]);
  });

  it('names the students flagged to withdraw and the mentors waiting for a new student', () => {
    const left = { ...pair('withdrawn'), student_email: 's2@x', mentor_email: 'm2@x', reason: 'student left: chased more than twice' };
    const s = schemeStatus(withPairs({
      today: '2026-03-20', matches: [pair('confirmed'), left], commandsRun: new Set(['export', 'emails intro']),
      flaggedToWithdraw: [{ student_email: 's@x', mentor_email: 'm@x' }],
    }));
    expect(s.flaggedToWithdraw).toEqual(['s@x']);
    expect(s.mentorsWaiting).toEqual([{ email: 'm2@x', free: 1 }]);
    // s2 left the scheme: not waiting for a mentor, so no student is waiting.
    expect(s.studentsWithoutPair).toBe(0);
    expect(s.next).toEqual([
      'withdraw the student(s) chased more than 2 times: s@x (mentorship withdraw EMAIL --reason "chased 3 times")',
      'mentor(s) waiting for a new student: m2@x; no student is waiting for a mentor now (import late applications, then mentorship match)',
      'see who to chase: mentorship report chase',
      'ask how it is going: mentorship emails feedback --survey midway',
    ]);
  });

  it('counts places as report supply does: a mentor away all programme offers none', () => {
    const away: Mentor = { ...mentor2, capacity: 3, unavailable: [{ from: '2025-11-01', to: '2026-06-30' }] };
    const s = schemeStatus(input({ students: [student], mentors: [mentor, away] }));
    expect(s.places).toBe(2);
    expect(s.placesNote).toBe('places: the capacities of the 1 mentor(s) available during the programme; 1 unavailable for all of it offer none');
  });
});

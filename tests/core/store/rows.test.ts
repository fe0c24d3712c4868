import { describe, expect, it } from 'vitest';
import { ChaseRow, FeedbackRow, IntroductionRow, MeetingRow, NoResponseRow } from '../../../src/core/store/rows.js';
import * as rows from '../../../src/core/store/rows.js';

describe('data file row schemas', () => {
  it('reads an empty introduction kind as an intro, and keeps a withdrawal', () => {
    const base = { student_email: 's@x.org', mentor_email: 'm@x.org', date: '2026-10-01' };
    expect(IntroductionRow.parse({ ...base, kind: '' }).kind).toBe('intro');
    expect(IntroductionRow.parse({ ...base, kind: 'withdrawal' }).kind).toBe('withdrawal');
  });

  it('refuses a meeting number outside 1 to 3 and a role that is neither side', () => {
    const meeting = { student_email: 's@x.org', mentor_email: 'm@x.org', meeting: 4, date: '2026-10-01', source: 'log' };
    expect(MeetingRow.safeParse(meeting).success).toBe(false);
    expect(MeetingRow.safeParse({ ...meeting, meeting: 3 }).success).toBe(true);
    expect(NoResponseRow.safeParse({ student_email: 's@x.org', mentor_email: '', meeting: 0, date: '2026-10-01' }).success).toBe(false);
    expect(ChaseRow.safeParse({ email: 'a@x.org', role: 'tutor', date: '2026-10-01', meeting: 1, reason: '' }).success).toBe(false);
    expect(FeedbackRow.safeParse({ respondent: 'a@x.org', role: '', survey: 'end', question: 'q', answer: '', submitted_at: '' }).success).toBe(true);
  });

  it('keeps only the columns of the file', () => {
    const row = ChaseRow.parse({ email: 'a@x.org', role: 'mentor', date: '2026-10-01', meeting: 2, reason: 'no reply', extra: 'x' });
    expect(Object.keys(row).sort()).toEqual(['date', 'email', 'meeting', 'reason', 'role']);
  });
});

describe('matches row schema', () => {
  it('turns the flat score columns into the breakdown and refuses an unknown status', () => {
    const row = { student_email: 's@x.org', mentor_email: 'm@x.org', status: 'confirmed', score: 7, sector_points: 3, support_points: 2, programme_points: 1, location_points: 1, shared_sectors: ['law'], shared_support: [], proposed_at: '', decided_at: '', reason: '' };
    const { MatchRow } = rows;
    expect(MatchRow.parse(row).breakdown).toEqual({ sector: 3, support: 2, programme: 1, location: 1 });
    expect(MatchRow.safeParse({ ...row, status: 'maybe' }).success).toBe(false);
  });
});

describe('audit log row schema', () => {
  it('keeps a command its own figures, and refuses a line without when and which command', () => {
    const { AuditRow } = rows;
    expect(AuditRow.parse({ at: '2026-11-25T09:00:00Z', command: 'match', proposed: 12, fair: false })).toEqual({ at: '2026-11-25T09:00:00Z', command: 'match', proposed: 12, fair: false });
    expect(AuditRow.safeParse({ at: '2026-11-25T09:00:00Z' }).success).toBe(false);
    expect(AuditRow.safeParse({ at: 3, command: 'match' }).success).toBe(false);
    expect(AuditRow.safeParse(['match']).success).toBe(false);
  });
});

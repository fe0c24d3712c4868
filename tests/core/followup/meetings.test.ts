import { describe, expect, it } from 'vitest';
import { mergeMeetings, pairIndex, parseMeetingNumber, parseMeetingRows, type MeetingRowsInput } from '../../../src/core/followup/meetings.js';
import type { Meeting } from '../../../src/core/types.js';
import { meeting, pair } from './builders.js';

describe('meeting numbers', () => {
  it.each([
    ['1', 1], ['Meeting 1', 1], ['meeting 2', 2], ['  3 ', 3], ['Meeting three', 3], ['First meeting', 1], ['2nd', 2], ['M3', 3], ['#2', 2],
  ])('%s is meeting %s', (text, n) => expect(parseMeetingNumber(text)).toBe(n));

  it.each(['', '0', '4', 'Meeting 4', 'meeting', 'Meeting 1 and 2', 'two or 3', '12'])('%s is not a meeting number', (text) => {
    expect(parseMeetingNumber(text)).toBeNull();
  });
});

const matches = [
  pair('ann@lse.ac.uk', 'multi@example.com'),
  pair('bob@lse.ac.uk', 'multi@example.com'),
  pair('cat@lse.ac.uk', 'solo@example.com'),
  pair('dan@lse.ac.uk', 'solo@example.com', { status: 'withdrawn' }),
  pair('eve@lse.ac.uk', 'solo@example.com', { status: 'proposed' }),
];
const known = new Set(['ann@lse.ac.uk', 'bob@lse.ac.uk', 'cat@lse.ac.uk', 'dan@lse.ac.uk', 'eve@lse.ac.uk', 'fay@lse.ac.uk', 'multi@example.com', 'solo@example.com']);

function rows(lines: string[][], recorded: Meeting[] = []): MeetingRowsInput {
  return {
    file: 'checkin.csv', source: 'checkin.csv', headers: ['Email', 'Meeting', 'Date'], rows: lines, rowNumbers: lines.map((_, i) => i + 2),
    at: { email: 0, meeting: 1, date: 2 }, pairs: pairIndex(matches, known), recorded, dateOrder: 'DMY', today: '2026-03-01',
  };
}

describe('check-in rows', () => {
  it('either participant identifies the active pair; dates day-first or ISO', () => {
    const r = parseMeetingRows(rows([['ANN@lse.ac.uk', 'Meeting 1', '20/01/2026'], ['solo@example.com', '2', '2026-02-15']]));
    expect(r.rejects).toEqual([]);
    expect(r.meetings.map((m) => [m.meeting.student_email, m.meeting.mentor_email, m.meeting.meeting, m.meeting.date, m.row])).toEqual([
      ['ann@lse.ac.uk', 'multi@example.com', 1, '2026-01-20', 2],
      ['cat@lse.ac.uk', 'solo@example.com', 2, '2026-02-15', 3],
    ]);
  });

  it('rejects, with the column and a reason, anyone without an active pair and every bad cell', () => {
    const r = parseMeetingRows(rows([
      ['nobody@lse.ac.uk', '1', '20/01/2026'],
      ['dan@lse.ac.uk', '1', '20/01/2026'],
      ['eve@lse.ac.uk', '1', '20/01/2026'],
      ['fay@lse.ac.uk', '1', '20/01/2026'],
      ['ann@lse.ac.uk', 'Meeting 5', '20/01/2026'],
      ['ann@lse.ac.uk', '1', '31/02/2026'],
      ['ann@lse.ac.uk', '1', '02/03/2026'],
      ['', '1', '20/01/2026'],
    ]));
    expect(r.meetings).toEqual([]);
    expect(r.rejects.map((x) => [x.row, x.problems[0]!.column, x.problems[0]!.reason.split(' (')[0]])).toEqual([
      [2, 'Email', 'is not a student or mentor in this workspace'],
      [3, 'Email', 'has no active pair'],
      [4, 'Email', 'has no active pair'],
      [5, 'Email', 'has no active pair'],
      [6, 'Meeting', 'must be meeting 1, 2 or 3'],
      [7, 'Date', 'is not a date'],
      [8, 'Date', 'is after today'],
      [9, 'Email', 'the email is missing'],
    ]);
    expect(r.rejects[1]!.problems[0]!.reason).toMatch(/withdrawn/);
    expect(r.rejects[0]!.cells).toEqual(['nobody@lse.ac.uk', '1', '20/01/2026']);
  });

  it("places a mentor's report on the one pair still missing that meeting, and rejects it when that is not clear", () => {
    const fromStudent = parseMeetingRows(rows([['ann@lse.ac.uk', '1', '10/01/2026'], ['multi@example.com', '1', '12/01/2026']]));
    expect(fromStudent.rejects).toEqual([]);
    expect(fromStudent.meetings.map((m) => m.meeting.student_email)).toEqual(['ann@lse.ac.uk', 'bob@lse.ac.uk']);
    expect(fromStudent.notes[0]).toMatch(/recorded for bob@lse.ac.uk/);
    const recorded = parseMeetingRows(rows([['multi@example.com', '2', '12/02/2026']], [meeting('bob@lse.ac.uk', 'multi@example.com', 2, '2026-02-01')]));
    expect(recorded.meetings.map((m) => m.meeting.student_email)).toEqual(['ann@lse.ac.uk']);
    const unclear = parseMeetingRows(rows([['multi@example.com', '1', '12/01/2026']]));
    expect(unclear.meetings).toEqual([]);
    expect(unclear.rejects[0]!.problems[0]!.reason).toMatch(/mentor of 2 students \(ann@lse.ac.uk, bob@lse.ac.uk\).*put the student's email/);
  });
});

describe('merging meetings', () => {
  const m1 = meeting('ann@lse.ac.uk', 'multi@example.com', 1, '2026-01-20', 'a.csv');
  it('counts a meeting once, keeping the earliest date, and reports the duplicate', () => {
    const later = { ...m1, date: '2026-01-25', source: 'b.csv' };
    const earlier = { ...m1, date: '2026-01-18', source: 'c.csv' };
    const r = mergeMeetings([m1], [{ meeting: later, where: 'b.csv row 2' }, { meeting: earlier, where: 'c.csv row 2' }]);
    expect(r.meetings).toEqual([earlier]);
    expect(r).toMatchObject({ added: 0, earlier: 1, unchanged: 0 });
    expect(r.duplicates.map((d) => [d.kept, d.dropped])).toEqual([['2026-01-20', '2026-01-25'], ['2026-01-18', '2026-01-20']]);
  });

  it('the same report twice in one file is a duplicate; the same file again changes nothing', () => {
    const first = mergeMeetings([], [{ meeting: m1, where: 'row 2' }, { meeting: m1, where: 'row 3' }]);
    expect(first).toMatchObject({ added: 1, unchanged: 0 });
    expect(first.duplicates).toHaveLength(1);
    const again = mergeMeetings(first.meetings, [{ meeting: m1, where: 'row 2' }]);
    expect(again).toMatchObject({ added: 0, earlier: 0, unchanged: 1, duplicates: [] });
    expect(again.meetings).toEqual(first.meetings);
  });

  it('a different meeting number or pair is a new meeting', () => {
    const r = mergeMeetings([m1], [{ meeting: { ...m1, meeting: 2 }, where: '' }, { meeting: { ...m1, student_email: 'bob@lse.ac.uk' }, where: '' }]);
    expect(r.added).toBe(2);
    expect(r.meetings).toHaveLength(3);
  });
});

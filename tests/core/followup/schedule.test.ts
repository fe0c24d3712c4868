import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dueDates, isOverdue, lateStartDays } from '../../../src/core/followup/schedule.js';
import { addDays, daysBetween } from '../../../src/core/timeline.js';
import { scheme } from './builders.js';

const s = scheme();
const dues = (ranges: { from: string; to: string }[] = [], decided = '2025-11-28T10:00:00') => dueDates(s, decided, ranges).map((d) => d.due);

describe('due dates', () => {
  it('are the scheme timeline for an available mentor', () => {
    expect(dues()).toEqual(['2026-01-31', '2026-02-28', '2026-04-30']);
    expect(dueDates(s, '', []).every((d) => d.shiftedBy === 0 && d.why === '')).toBe(true);
  });

  it('exactly due + grace is not overdue; the day after is', () => {
    expect(s.timeline.grace_days).toBe(7);
    expect(isOverdue('2026-01-31', 7, '2026-02-07')).toBe(false);
    expect(isOverdue('2026-01-31', 7, '2026-02-08')).toBe(true);
    expect(isOverdue('2026-01-31', 0, '2026-01-31')).toBe(false);
    expect(isOverdue('2026-01-31', 0, '2026-02-01')).toBe(true);
  });

  it('a mentor away for all of February moves meeting 2 by the 28 days away, and nothing else', () => {
    const d = dueDates(s, '', [{ from: '2026-02-01', to: '2026-02-28' }]);
    expect(d.map((x) => x.due)).toEqual(['2026-01-31', '2026-03-28', '2026-04-30']);
    expect(d[1]!.shiftedBy).toBe(28);
    expect(d[1]!.why).toMatch(/mentor unavailable: \+28 days/);
  });

  it('an absence straddling a due date counts in full: the pair gets as many available days as the window had', () => {
    // Meeting 1's window is 8 Dec..31 Jan; 25..31 Jan are lost and 1..10 Feb are away too, so the
    // 7 lost days are made up on 11..17 Feb.
    const d = dues([{ from: '2026-01-25', to: '2026-02-10' }]);
    expect(d[0]).toBe('2026-02-17');
    // Meeting 2's window (1..28 Feb) lost 1..10 Feb: 10 days more, from 1 March.
    expect(d[1]).toBe('2026-03-10');
    expect(d[2]).toBe('2026-04-30');
  });

  it('a due date never falls before the previous one', () => {
    // Away for all of January: meeting 1 moves into March, past meeting 2's own date.
    const d = dues([{ from: '2026-01-01', to: '2026-01-31' }]);
    expect(d[0]).toBe('2026-03-03');
    expect(d[1]! >= d[0]!).toBe(true);
    expect(d[1]).toBe('2026-03-03');
  });

  it('unavailability outside a window does not move it', () => {
    expect(dues([{ from: '2026-06-01', to: '2026-08-31' }])).toEqual(['2026-01-31', '2026-02-28', '2026-04-30']);
    expect(dues([{ from: '2025-06-01', to: '2025-12-07' }])).toEqual(['2026-01-31', '2026-02-28', '2026-04-30']);
  });

  it('a pair confirmed after the programme started slides its whole schedule', () => {
    expect(lateStartDays(s, '2026-03-01T12:00:00')).toBe(83);
    expect(lateStartDays(s, '2025-11-28T10:05:00')).toBe(0);
    expect(lateStartDays(s, '')).toBe(0);
    expect(dues([], '2025-12-18T09:00:00')).toEqual(['2026-02-10', '2026-03-10', '2026-05-10']);
    // Confirmed after meeting one was due: its date moves, and the report says why in plain words.
    const late = dueDates(s, '2026-02-04T10:00:00', []);
    expect(late[0]).toMatchObject({ scheduled: '2026-01-31', due: '2026-03-30', shiftedBy: 58 });
    expect(late[0]!.why).toBe('confirmed on 4 Feb 2026, 58 days after the programme started (8 Dec 2025), so each meeting is due 58 days later than the timeline');
  });

  it('handles a leap year: due on 29 Feb, grace crossing 29 Feb, and an absence over it', () => {
    const leap = scheme((raw) => {
      Object.assign(raw.timeline, {
        programme_start: '2027-12-06', introductions: '2027-12-06', meeting_1_due: '2028-01-31',
        meeting_2_due: '2028-02-29', meeting_3_due: '2028-04-30', programme_end: '2028-04-30', grace_days: 7,
      });
    });
    const d = dueDates(leap, '', []);
    expect(d[1]!.due).toBe('2028-02-29');
    expect(isOverdue('2028-02-29', 7, '2028-03-07')).toBe(false);
    expect(isOverdue('2028-02-29', 7, '2028-03-08')).toBe(true);
    // Grace crossing 29 Feb: 26, 27, 28, 29 Feb and 1, 2, 3 Mar.
    expect(isOverdue('2028-02-25', 7, '2028-03-03')).toBe(false);
    expect(isOverdue('2028-02-25', 7, '2028-03-04')).toBe(true);
    // Away for all of February 2028 (29 days): meeting 2 moves to 29 March.
    expect(dueDates(leap, '', [{ from: '2028-02-01', to: '2028-02-29' }])[1]!.due).toBe('2028-03-29');
  });

  it('property: due dates are in order, never earlier than scheduled, and leave each window its length in available days', () => {
    const day = fc.integer({ min: 0, max: 200 }).map((n) => addDays('2025-11-15', n));
    const range = fc.tuple(day, fc.integer({ min: 0, max: 40 })).map(([from, len]) => ({ from, to: addDays(from, len) }));
    fc.assert(
      fc.property(fc.array(range, { maxLength: 4 }), (ranges) => {
        const d = dueDates(s, '', ranges);
        let windowStart = s.timeline.programme_start;
        d.forEach((x, i) => {
          expect(x.due >= x.scheduled).toBe(true);
          if (i > 0) expect(x.due >= d[i - 1]!.due).toBe(true);
          const length = daysBetween(windowStart, x.scheduled) + 1;
          let available = 0;
          for (let t = windowStart; t <= x.due; t = addDays(t, 1)) if (!ranges.some((r) => r.from <= t && t <= r.to)) available++;
          // Clamping to the previous due date can only give more days, never fewer.
          expect(available).toBeGreaterThanOrEqual(length);
          windowStart = addDays(x.scheduled, 1);
        });
      }),
      { numRuns: 200 },
    );
  });
});

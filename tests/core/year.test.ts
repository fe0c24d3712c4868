import { describe, expect, it } from 'vitest';
import { defaultScheme } from '../../src/core/scheme/defaults.js';
import { parseScheme } from '../../src/core/scheme/schema.js';
import { parseYear, yearDates, yearInText, yearLabel, yearOf } from '../../src/core/year.js';

describe('the scheme year', () => {
  it('is the one running or next to start: June to May', () => {
    expect(yearOf('2026-06-01')).toBe(2026);
    expect(yearOf('2026-11-30')).toBe(2026);
    expect(yearOf('2026-12-04')).toBe(2026);
    expect(yearOf('2027-01-15')).toBe(2026);
    expect(yearOf('2027-05-31')).toBe(2026);
    expect(yearOf('2026-05-31')).toBe(2025);
    expect(yearLabel(2026)).toBe('2026-27');
    expect(yearLabel(2099 - 1)).toBe('2098-99');
  });

  it('reads a year label, and nothing else', () => {
    expect(parseYear('2026-27')).toBe(2026);
    expect(parseYear('2026/2027')).toBe(2026);
    for (const bad of ['2026', '2026-28', '2026-26', '26-27', '2026-27x', 'next', '1999-00', '']) expect(parseYear(bad)).toBeUndefined();
    expect(yearInText('EI Alumni Mentorship 2027-28')).toBe(2027);
    expect(yearInText('EI Alumni Mentorship')).toBeUndefined();
  });

  it('reproduces the EI 2025-26 dates the guide gave, and follows the pattern in other years', () => {
    expect(yearDates(2025).timeline).toEqual({
      applications_open: '2025-11-03', applications_close: '2025-11-21', matching: '2025-11-28', introductions: '2025-12-08',
      programme_start: '2025-12-08', meeting_1_due: '2026-01-31', meeting_2_due: '2026-02-28', meeting_3_due: '2026-04-30',
      feedback: '2026-05-11', programme_end: '2026-04-30',
    });
    expect(yearDates(2025).surveys).toEqual({ midway: '2026-02-16', final: '2026-05-11' });
    const t = yearDates(2026).timeline;
    expect(t).toMatchObject({ applications_open: '2026-11-02', introductions: '2026-12-07', meeting_1_due: '2027-01-31', meeting_2_due: '2027-02-28', meeting_3_due: '2027-04-30', feedback: '2027-05-10' });
    expect(yearDates(2027).timeline.meeting_2_due).toBe('2028-02-29');
    for (let y = 2020; y < 2060; y++) {
      const d = yearDates(y);
      // Mondays, in the right months, and in order (the schema checks the order too).
      expect(new Date(`${d.timeline.applications_open}T00:00:00Z`).getUTCDay()).toBe(1);
      expect(d.timeline.applications_open.slice(5, 7)).toBe('11');
      expect(d.timeline.introductions.slice(5, 7)).toBe('12');
      expect(d.timeline.feedback.slice(0, 7)).toBe(`${y + 1}-05`);
      const parsed = parseScheme(defaultScheme(undefined, y));
      expect(parsed.ok).toBe(true);
    }
  });

  it('names the default scheme after its year', () => {
    expect(defaultScheme(undefined, 2026).name).toBe('EI Alumni Mentorship Programme 2026-27');
    expect(defaultScheme().name).toBe('EI Alumni Mentorship Programme 2025-26');
    expect(defaultScheme(undefined, 2026).surveys.final.date).toBe('2027-05-10');
  });
});

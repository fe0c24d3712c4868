import { describe, expect, it } from 'vitest';
import { defaultScheme } from '../../src/core/scheme/defaults.js';
import { parseScheme, type Scheme } from '../../src/core/scheme/schema.js';
import { timelineWarnings } from '../../src/core/timeline-check.js';

function scheme(year: number): Scheme {
  const r = parseScheme(defaultScheme(undefined, year));
  if (!r.ok) throw new Error('defaults do not validate');
  return r.scheme;
}
const s25 = scheme(2025);
const s26 = scheme(2026);

describe('a timeline that does not fit today is said out loud, with the fix', () => {
  it('a workspace whose year is over, for every command', () => {
    for (const use of ['status', 'match', 'confirm', 'intro', 'chase', 'feedback'] as const) {
      const w = timelineWarnings(s25, '2026-12-04', use, 10);
      expect(w).toHaveLength(1);
      expect(w[0]!.message).toBe('this workspace is for 2025-26: its programme ended on 30 Apr 2026, and today (4 Dec 2026) is in 2026-27');
      expect(w[0]!.fix).toMatch(/mentorship init \.\.\/2026-27 --from \./);
      // Never a test hook (an environment variable, POSIX syntax) as the fix.
      expect(w[0]!.fix).not.toMatch(/MENTORSHIP_TODAY/);
    }
  });

  it('a programme that ended this year: matching, introducing and chasing, not feedback or status', () => {
    for (const use of ['match', 'confirm', 'intro', 'chase'] as const) {
      const w = timelineWarnings(s25, '2026-05-12', use, 10);
      expect(w.map((x) => x.message)).toEqual([expect.stringMatching(/^the programme ended on 30 Apr 2026/)]);
      expect(w[0]!.fix).toMatch(/timeline\.programme_end/);
    }
    expect(timelineWarnings(s25, '2026-05-12', 'feedback', 10)).toEqual([]);
    expect(timelineWarnings(s25, '2026-05-12', 'status', 10)).toEqual([]);
    expect(timelineWarnings(s25, '2026-04-30', 'chase', 10)).toEqual([]);
  });

  it('introductions long past with no pair confirmed', () => {
    const w = timelineWarnings(s26, '2027-02-10', 'match', 0);
    expect(w).toHaveLength(1);
    expect(w[0]!.message).toMatch(/introductions were planned for 7 Dec 2026, 65 days ago, and no pair is confirmed yet/);
    expect(w[0]!.fix).toMatch(/put its dates in scheme\.json/);
    expect(timelineWarnings(s26, '2027-02-10', 'match', 3)).toEqual([]);
    // Four weeks late is still within the plan's slack.
    expect(timelineWarnings(s26, '2027-01-04', 'match', 0)).toEqual([]);
    expect(timelineWarnings(s26, '2027-02-10', 'chase', 0)).toEqual([]);
  });

  it('a workspace for a year that has not started', () => {
    const w = timelineWarnings(s26, '2026-05-20', 'match', 0);
    expect(w[0]!.message).toMatch(/is for 2026-27, which has not started: its applications open on 2 Nov 2026/);
    expect(w[0]!.fix).toMatch(/--year 2025-26/);
    expect(timelineWarnings(s26, '2026-05-20', 'status', 0)).toEqual([]);
  });

  it('nothing on a normal day of the right year', () => {
    for (const today of ['2026-11-02', '2026-11-30', '2026-12-07', '2027-02-15', '2027-04-30']) {
      expect(timelineWarnings(s26, today, 'status', today < '2026-12-07' ? 0 : 5)).toEqual([]);
    }
  });
});

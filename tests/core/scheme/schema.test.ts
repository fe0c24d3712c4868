import { describe, expect, it } from 'vitest';
import { defaultScheme } from '../../../src/core/scheme/defaults.js';
import { parseScheme } from '../../../src/core/scheme/schema.js';

describe('scheme.json', () => {
  it('accepts the defaults init writes', () => {
    expect(parseScheme(defaultScheme()).ok).toBe(true);
  });

  it('reports a mistake by its JSON path', () => {
    const s = defaultScheme() as Record<string, any>;
    s.matching.weights.sector = 'lots';
    s.timeline.meeting_2_due = '31/02/2026';
    const r = parseScheme(s);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems.map((p) => p.path)).toEqual(['timeline.meeting_2_due', 'matching.weights.sector']);
    }
  });

  it('refuses a sharing policy that names an unknown field', () => {
    const s = defaultScheme() as Record<string, any>;
    s.sharing.to_student.push('home_address');
    const r = parseScheme(s);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.path).toBe('sharing.to_student[8]');
  });

  it('refuses meetings due out of order', () => {
    const s = defaultScheme() as Record<string, any>;
    s.timeline.meeting_2_due = '2026-01-01';
    const r = parseScheme(s);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toEqual({ path: 'timeline.meeting_2_due', message: 'comes before meeting_1_due' });
  });

  it('refuses an invalid mapping pattern', () => {
    const s = defaultScheme() as Record<string, any>;
    s.mappings.students.push({ pattern: '([', field: 'name' });
    const r = parseScheme(s);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.path).toMatch(/^mappings\.students\[\d+\]/);
  });
});

describe('sharing policy messages', () => {
  it('says which fields are allowed', () => {
    const s = defaultScheme() as Record<string, any>;
    s.sharing.to_mentor.push('city');
    s.sharing.to_mentor.push('employer');
    const r = parseScheme(s);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems).toEqual([{ path: 'sharing.to_mentor[8]', message: expect.stringMatching(/^is not a student field \(one of: email, name/) }]);
    }
  });
});

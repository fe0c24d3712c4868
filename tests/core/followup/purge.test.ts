import { describe, expect, it } from 'vitest';
import { identifiers, mentionsAnyone, parseAggregates, personalFiles, purgeChoice, purgeDue, retentionDate, scrubAudit, scrubAuditEntry } from '../../../src/core/followup/purge.js';
import { scheme } from './builders.js';

describe('retention', () => {
  const s = scheme();
  it('keeps personal data until programme end + retention months, inclusive', () => {
    expect(retentionDate(s)).toBe('2027-04-30');
    expect(purgeDue(s, '2027-04-30').due).toBe(false);
    expect(purgeDue(s, '2027-05-01').due).toBe(true);
    expect(purgeDue(s, '2026-06-01').why).toMatch(/kept until 2027-04-30/);
  });

  it('--before purges a programme that ended before the date, whatever the retention', () => {
    expect(purgeDue(s, '2026-05-01', '2026-05-01').due).toBe(true);
    expect(purgeDue(s, '2026-05-01', '2026-04-30').due).toBe(false);
  });

  it('retention counts months from the end date, clamping to the month end', () => {
    const leap = scheme((raw) => {
      raw.timeline.programme_end = '2027-02-28';
      raw.timeline.feedback = '2027-02-28';
      raw.retention.months_after_end = 12;
    });
    expect(retentionDate(leap)).toBe('2028-02-28');
  });
});

describe('what goes', () => {
  it('everything under data/ but the kept figures and the audit log, and everything under out/', () => {
    const files = [
      'scheme.json', 'README.txt', 'templates/intro-student.hbs', '.mentorship/generated.json', 'data/students.csv', 'data/mentors.csv',
      'data/matches.csv', 'data/meetings.csv', 'data/chases.csv', 'data/feedback.csv', 'data/exclusions.csv', 'data/no-response.csv',
      'data/aggregates.json', 'data/audit.jsonl', 'out/match-review.xlsx', 'out/emails/intro/student-zoe-obrien-1.eml', 'out/rejects/x.rejects.csv',
    ];
    expect(personalFiles(files)).toEqual([
      'data/chases.csv', 'data/exclusions.csv', 'data/feedback.csv', 'data/matches.csv', 'data/meetings.csv', 'data/mentors.csv',
      'data/no-response.csv', 'data/students.csv', 'out/emails/intro/student-zoe-obrien-1.eml', 'out/match-review.xlsx', 'out/rejects/x.rejects.csv',
    ]);
  });

  it('audit entries keep when, what and numbers; addresses, names and file names go', () => {
    const entry = {
      at: '2026-03-01T09:00:00', command: 'withdraw', student: 'zoe@lse.ac.uk', reason: "Zoë O'Brien chased three times", pairs: 1, ok: true,
      files: ['Zoë applications.xlsx'], fields_shared: { 'intro-student': { mentor: ['name', 'email', 'bio'] } }, by_person: { 'zoe@lse.ac.uk': 2 },
      nested: { count: 3, note: 'Zoë' },
    };
    const out = scrubAuditEntry(entry);
    expect(out).toEqual({
      at: '2026-03-01T09:00:00', command: 'withdraw', pairs: 1, ok: true, files: 1,
      fields_shared: { 'intro-student': { mentor: ['name', 'email', 'bio'] } }, by_person: 1, nested: { count: 3 },
    });
    expect(scrubAuditEntry({ at: 'x', command: 'log meeting zoe@lse.ac.uk' })).toEqual({ at: 'x' });
    const text = scrubAudit(`${JSON.stringify(entry)}\nnot json\n\n"zoe@lse.ac.uk"\n`);
    // A line that is not JSON, and JSON that is not an entry, are each replaced by a note.
    expect(text.split('\n').filter(Boolean).slice(1)).toEqual([
      JSON.stringify({ note: 'an unreadable audit line was removed by purge' }),
      JSON.stringify({ note: 'an unreadable audit line was removed by purge' }),
    ]);
    expect(text).not.toMatch(/zoe|Zoë|applications/i);
  });

  it('looks for addresses and names long enough not to match by chance', () => {
    expect(identifiers([{ email: 'Zoe@LSE.ac.uk', name: "Zoë O'Brien" }, { email: 'a@b.co', name: 'Al' }])).toEqual(['zoe@lse.ac.uk', "zoë o'brien", 'a@b.co']);
  });

  it('reads back only a well-formed figures file', () => {
    expect(parseAggregates('{"version":1,"programmes":{}}')).toEqual({ version: 1, programmes: {} });
    expect(parseAggregates('{"version":2}')).toBeNull();
    expect(parseAggregates('nope')).toBeNull();
  });
});

describe("purge's choice of files", () => {
  it('removes the personal files, scans the administrator\'s own, and leaves the state folder and the kept figures alone', () => {
    const files = ['.mentorship/generated.json', 'data/aggregates.json', 'data/audit.jsonl', 'data/students.csv', 'notes/zoe.txt', 'out/export/a.csv', 'scheme.json'];
    expect(purgeChoice(files)).toEqual({ remove: ['data/students.csv', 'out/export/a.csv'], scan: ['notes/zoe.txt', 'scheme.json'] });
  });

  it('finds a participant mentioned in any case', () => {
    expect(mentionsAnyone('Met ZOE@LSE.AC.UK today', ['zoe@lse.ac.uk'])).toBe(true);
    expect(mentionsAnyone('nobody here', ['zoe@lse.ac.uk'])).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { parseMapOptions } from '../../../src/core/import/columns.js';
import { parseWithPlan, planColumns } from '../../../src/core/import/pipeline.js';
import { defaultScheme } from '../../../src/core/scheme/defaults.js';
import { parseScheme, type Scheme } from '../../../src/core/scheme/schema.js';
import type { Mentor, Student } from '../../../src/core/types.js';

function scheme(): Scheme {
  const r = parseScheme(defaultScheme());
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.scheme;
}

function table(rows: string[][], file = 'in.csv') {
  return { file, rows, rowNumbers: rows.map((_, i) => i + 1) };
}

const GOOGLE_MENTORS = [
  'Timestamp', 'Email Address', 'Full name', 'Which course(s) did you study at LSE?', 'Year of graduation',
  'Which sectors can you speak to?', 'Which areas could you help students with?', 'Current country of residence',
  'Current job role', 'Employer', 'How many students could you mentor this year?', 'Are there any periods when you will be unavailable?',
  'May we share your bio with your student?', 'Please write a brief bio for your student', 'Favourite colour',
];

describe('participant import', () => {
  it('maps Google Forms mentor questions and parses every answer', () => {
    const s = scheme();
    const t = table([
      GOOGLE_MENTORS,
      ['05/11/2025 10:23:45', 'Helen.Marsh@Example.com', "Helen O'Marsh", 'MSc European Political Economy, MSc Conflict Studies', '2015',
        'Think Tanks, Research & Policy Analysis, consultancy', 'CV, Interviews', 'Belgium', 'Policy Officer', 'ACME', 'two',
        '01/02/2026 - 28/02/2026', 'Yes', 'I work in Brussels, "mostly".', 'teal'],
    ]);
    const plan = planColumns(t, 'mentors', s, 'auto', new Map());
    expect(plan.layout.preset).toBe('googleforms');
    expect(plan.missing).toEqual([]);
    const r = parseWithPlan<Mentor>(t, 'mentors', s, plan, 2027);
    expect(r.rejects).toEqual([]);
    expect(r.people).toHaveLength(1);
    const m = r.people[0]!.person;
    expect(m).toMatchObject({
      email: 'helen.marsh@example.com',
      name: "Helen O'Marsh",
      first_name: 'Helen',
      courses: ['MSc European Political Economy', 'MSc Conflict Studies'],
      graduation_year: 2015,
      sectors: ['Think Tanks, Research & Policy Analysis', 'Consulting'],
      support_areas: ['CVs & applications', 'Interviews'],
      capacity: 2,
      unavailable: [{ from: '2026-02-01', to: '2026-02-28' }],
      share_bio: true,
      share_linkedin: false,
      submitted_at: '2025-11-05T10:23:45',
    });
    // A column that maps to no field is kept, never dropped.
    expect(m.extra).toEqual({ 'Favourite colour': 'teal', '(imported from)': 'in.csv' });
  });

  it('rejects rows with the file, row, column, value and reason, and keeps the valid ones', () => {
    const s = scheme();
    const t = table([
      ['email', 'name', 'programme', 'sectors'],
      ['ok@lse.ac.uk', 'Ok Person', 'MSc Conflict Studies', 'Law'],
      ['not-an-email', 'Bad Email', 'MSc Conflict Studies', 'Law'],
      ['noprog@lse.ac.uk', 'No Programme', '', 'Law'],
      ['nosector@lse.ac.uk', 'No Sector', 'MSc Conflict Studies', ''],
    ]);
    const plan = planColumns(t, 'students', s, 'auto', new Map());
    expect(plan.layout.preset).toBe('canonical');
    const r = parseWithPlan<Student>(t, 'students', s, plan, 2027);
    expect(r.people.map((p) => p.person.email)).toEqual(['ok@lse.ac.uk']);
    expect(r.rejects.flatMap((x) => x.problems)).toEqual([
      { file: 'in.csv', row: 3, column: 'email', value: 'not-an-email', reason: 'is not an email address' },
      { file: 'in.csv', row: 4, column: 'programme', value: '', reason: 'the MSc programme is required' },
      { file: 'in.csv', row: 5, column: 'sectors', value: '', reason: 'at least one sector is required' },
    ]);
  });

  it('drops Qualtrics previews and tests and reads the question row as headers', () => {
    const s = scheme();
    const t = table([
      ['StartDate', 'Status', 'RecordedDate', 'DistributionChannel', 'RecipientFirstName', 'Q1', 'Q2', 'Q3', 'Q4', 'Q5'],
      ['Start Date', 'Response Type', 'Recorded Date', 'Distribution Channel', 'Recipient First Name', 'Your email address', 'Full name', 'Preferred first name', 'Which MSc programme are you studying?', 'Which employment sectors are you interested in?'],
      ['{"ImportId":"startDate"}', '{"ImportId":"status"}', '{"ImportId":"recordedDate"}', '{"ImportId":"distributionChannel"}', '{"ImportId":"recipientFirstName"}', '{"ImportId":"QID1"}', '{"ImportId":"QID2"}', '{"ImportId":"QID3"}', '{"ImportId":"QID4"}', '{"ImportId":"QID5"}'],
      ['2025-11-05 10:00:00', 'IP Address', '2025-11-05 10:05:00', 'email', 'Robert', 'bob@lse.ac.uk', 'Robert Jones', 'Bob', 'MSc Conflict Studies', 'Law,Think Tanks, Research & Policy Analysis'],
      ['2025-11-05 10:00:00', 'Survey Preview', '2025-11-05 10:05:00', 'preview', '', 'admin@lse.ac.uk', 'Admin', '', 'MSc Conflict Studies', 'Law'],
      ['2025-11-05 10:00:00', 'Survey Test', '2025-11-05 10:05:00', 'test', '', 'test@lse.ac.uk', 'Test', '', 'MSc Conflict Studies', 'Law'],
    ]);
    const plan = planColumns(t, 'students', s, 'auto', new Map());
    expect(plan.layout.preset).toBe('qualtrics');
    const r = parseWithPlan<Student>(t, 'students', s, plan, 2027);
    expect(r.dropped.map((d) => d.reason)).toEqual(['a Qualtrics survey preview', 'a Qualtrics test response']);
    expect(r.people).toHaveLength(1);
    // "Recipient First Name" is Qualtrics bookkeeping, not the preferred first name.
    expect(r.people[0]!.person).toMatchObject({ first_name: 'Bob', submitted_at: '2025-11-05T10:05:00', sectors: ['Law', 'Think Tanks, Research & Policy Analysis'] });
  });

  it('reports the required fields no column holds, and --map fixes it', () => {
    const s = scheme();
    const t = table([
      ['E-mail', 'Who are you', 'Degree', 'Interests'],
      ['a@lse.ac.uk', 'A Person', 'MSc Conflict Studies', 'Law'],
    ]);
    const plan = planColumns(t, 'students', s, 'auto', new Map());
    expect(plan.missing).toEqual(['name', 'programme', 'sectors']);
    const maps = parseMapOptions(['Who are you=name', 'Degree=programme', 'Interests=sectors'], ['email', 'name', 'programme', 'sectors']);
    const fixed = planColumns(t, 'students', s, 'auto', maps);
    expect(fixed.missing).toEqual([]);
    expect(parseWithPlan<Student>(t, 'students', s, fixed, 2027).people).toHaveLength(1);
  });

  it('never lets one field be taken by two columns', () => {
    const s = scheme();
    const t = table([
      ['email', 'email', 'name', 'programme', 'sectors'],
      ['first@lse.ac.uk', 'second@lse.ac.uk', 'A', 'MSc Conflict Studies', 'Law'],
    ]);
    const plan = planColumns(t, 'students', s, 'auto', new Map());
    expect(plan.columns.notes[0]).toMatch(/both look like email/);
    const r = parseWithPlan<Student>(t, 'students', s, plan, 2027);
    expect(r.people[0]!.person.email).toBe('first@lse.ac.uk');
    expect(r.people[0]!.person.extra).toEqual({ email: 'second@lse.ac.uk' });
  });
});

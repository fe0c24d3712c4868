import { describe, expect, it } from 'vitest';
import { parseMapOptions } from '../../../src/core/import/columns.js';
import { parseWithPlan, planColumns } from '../../../src/core/import/pipeline.js';
import { columnDateOrder, dateOrderShown } from '../../../src/core/import/values.js';
import { commaOptions, Vocabulary } from '../../../src/core/import/vocabulary.js';
import { defaultScheme } from '../../../src/core/scheme/defaults.js';
import { parseScheme, type Scheme } from '../../../src/core/scheme/schema.js';
import type { Student } from '../../../src/core/types.js';
import { DataError } from '../../../src/errors.js';

function scheme(edit: (s: Scheme) => void = () => {}): Scheme {
  const r = parseScheme(defaultScheme());
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  edit(r.scheme);
  return r.scheme;
}

function table(rows: string[][], file = 'in.csv') {
  return { file, rows, rowNumbers: rows.map((_, i) => i + 1) };
}

const GOOGLE = ['Timestamp', 'Email Address', 'Full name', 'Which MSc programme are you on?', 'Which sectors interest you?'];

function google(times: string[], sectors: string[] = times.map(() => 'Consulting')): string[][] {
  return [GOOGLE, ...times.map((t, i) => [t, `s${i + 1}@example.org`, `Student ${i + 1}`, 'MSc European Political Economy', sectors[i]!])];
}

function importStudents(rows: string[][], s = scheme()) {
  const t = table(rows);
  const plan = planColumns(t, 'students', s, 'auto', new Map());
  expect(plan.missing).toEqual([]);
  return parseWithPlan<Student>(t, 'students', s, plan, 2027);
}

describe('a date column is read in the order it shows', () => {
  it('says which order one answer shows', () => {
    expect(dateOrderShown('28/10/2019 15:03:45')).toBe('DMY');
    expect(dateOrderShown('10/28/2019 15:03:45')).toBe('MDY');
    expect(dateOrderShown('05/09/2024')).toBe('ambiguous');
    expect(dateOrderShown('2024-05-09 10:00')).toBeNull();
    expect(dateOrderShown('01/02/2026 - 28/02/2026')).toBe('DMY');
  });

  it('reads a US Google Forms column month first with the default day-first setting, and says nothing', () => {
    const r = importStudents(google(['5/9/2024 10:00:00', '5/15/2024 11:30:00']));
    expect(r.rejects).toEqual([]);
    expect(r.people.map((p) => p.person.submitted_at)).toEqual(['2024-05-09T10:00:00', '2024-05-15T11:30:00']);
    expect(r.notes).toEqual([]);
  });

  it('reads a European column day first even when the scheme says month first', () => {
    const r = importStudents(google(['16/05/2025 14:11:48', '05/06/2025 09:00:00']), scheme((s) => { s.date_order = 'MDY'; }));
    expect(r.people.map((p) => p.person.submitted_at)).toEqual(['2025-05-16T14:11:48', '2025-06-05T09:00:00']);
  });

  it('falls back to date_order for a column that never settles it, with one warning naming the column and the setting', () => {
    const r = importStudents(google(['05/09/2024 10:00:00', '03/04/2024 10:00:00', '2024-01-01']));
    expect(r.people.map((p) => p.person.submitted_at)).toEqual(['2024-09-05T10:00:00', '2024-04-03T10:00:00', '2024-01-01']);
    expect(r.notes).toHaveLength(1);
    expect(r.notes[0]).toMatch(/column "Timestamp".*day first.*"date_order".*DMY/);
  });

  it('refuses a column that shows both orders, naming a row of each', () => {
    const rows = google(['13/05/2024 10:00:00', '05/06/2024 10:00:00', '05/13/2024 10:00:00']);
    // Parsing never throws; the error stops the import (planImport) with nothing stored.
    const { error } = importStudents(rows);
    expect(error).toBeInstanceOf(DataError);
    expect(error!.message).toMatch(/row 2: "13\/05\/2024 10:00:00".*row 4: "05\/13\/2024 10:00:00"/);
  });

  it('finds a row of each order however many answers settle nothing', () => {
    const answers = [{ row: 2, value: '01/01/2024' }, { row: 3, value: '12/31/2024' }, { row: 9, value: '31/12/2024' }];
    expect(columnDateOrder(answers)).toEqual({
      order: null, ambiguous: true,
      conflict: { MDY: { row: 3, value: '12/31/2024' }, DMY: { row: 9, value: '31/12/2024' } },
    });
  });
});

describe('options with commas', () => {
  const vocab = new Vocabulary([{ value: 'Consulting', synonyms: [] }, { value: 'Finance', synonyms: [] }]);

  it('joins fragments that never appear alone but always together, in order', () => {
    const answers = ['Sore, burning or itchy eyes, Consulting', 'Finance, Sore, burning or itchy eyes', 'Consulting'];
    expect(commaOptions(answers, ', ', vocab)).toEqual(['Sore, burning or itchy eyes']);
  });

  it('keeps apart unknown fragments that also appear alone, or follow different ones', () => {
    expect(commaOptions(['Arts, Media', 'Arts', 'Media, Arts'], ', ', vocab)).toEqual([]);
    expect(commaOptions(['Arts, Media', 'Law, Media'], ', ', vocab)).toEqual([]);
  });

  it('joins fragments seen once only when the second goes on in lower case', () => {
    expect(commaOptions(['Arts, Media'], ', ', vocab)).toEqual([]);
    expect(commaOptions(['Sore, burning or itchy eyes'], ', ', vocab)).toEqual(['Sore, burning or itchy eyes']);
  });

  it('names the whole option in the warning, and adding that option to the vocabulary gives the right split', () => {
    const sectors = ['Sore, burning or itchy eyes, Consulting', 'Consulting, Sore, burning or itchy eyes'];
    const r = importStudents(google(['2024-05-01', '2024-05-02'], sectors));
    expect(r.people.map((p) => p.person.sectors)).toEqual([
      ['Sore, burning or itchy eyes', 'Consulting'], ['Consulting', 'Sore, burning or itchy eyes'],
    ]);
    const named = new Set(r.warnings.map((w) => w.value));
    expect([...named]).toEqual(['Sore, burning or itchy eyes']);
    const fixed = importStudents(google(['2024-05-01'], ['Sore, burning or itchy eyes, Consulting']), scheme((s) => {
      s.vocabularies.sectors.push({ value: [...named][0]!, synonyms: [] });
    }));
    expect(fixed.warnings).toEqual([]);
    expect(fixed.people[0]!.person.sectors).toEqual(['Sore, burning or itchy eyes', 'Consulting']);
  });
});

describe('Microsoft Forms with respondents outside the organisation', () => {
  const HEAD = ['ID', 'Start time', 'Completion time', 'Email', 'Name', 'What is your email address?', 'Your full name', 'Which MSc programme are you on?', 'Sectors'];

  it('uses the form\'s own email and name questions, with a note', () => {
    const r = importStudents([
      HEAD,
      ['1', '2025-01-10T10:00:00', '2025-01-10T10:05:00', 'anonymous', '', 'Ana@Example.org', 'Ana Lima', 'MSc European Political Economy', 'Consulting'],
      ['2', '2025-01-10T11:00:00', '2025-01-10T11:05:00', '', '', 'bo@example.org', 'Bo Chen', 'MSc European Political Economy', 'Consulting'],
    ]);
    expect(r.rejects).toEqual([]);
    expect(r.people.map((p) => [p.person.email, p.person.name, p.person.first_name])).toEqual([
      ['ana@example.org', 'Ana Lima', 'Ana'], ['bo@example.org', 'Bo Chen', 'Bo'],
    ]);
    expect(r.notes.join('\n')).toMatch(/"anonymous" in Email.*"What is your email address\?" for email and "Your full name" for name/);
  });

  it('finds the email question by its answers when no rule matches its text', () => {
    const head = [...HEAD];
    head[5] = 'How can we reach you?';
    const r = importStudents([head, ['1', '2025-01-10T10:00:00', '2025-01-10T10:05:00', 'anonymous', '', 'ana@example.org', 'Ana Lima', 'MSc European Political Economy', 'Consulting']]);
    expect(r.people.map((p) => p.person.email)).toEqual(['ana@example.org']);
  });

  it('changes nothing when some row has a real Email', () => {
    const r = importStudents([
      HEAD,
      ['1', '2025-01-10T10:00:00', '2025-01-10T10:05:00', 'staff@uni.ac.uk', 'Staff Member', 'other@example.org', 'Ana Lima', 'MSc European Political Economy', 'Consulting'],
      ['2', '2025-01-10T11:00:00', '2025-01-10T11:05:00', 'anonymous', '', 'bo@example.org', 'Bo Chen', 'MSc European Political Economy', 'Consulting'],
    ]);
    expect(r.notes).toEqual([]);
    expect(r.people.map((p) => p.person.email)).toEqual(['staff@uni.ac.uk']);
    expect(r.rejects.map((x) => x.problems[0]!.value)).toEqual(['anonymous']);
  });
});

describe('Qualtrics columns by export name', () => {
  const rows = [
    ['StartDate', 'EndDate', 'Status', 'RecordedDate', 'RecipientEmail', 'RecipientFirstName', 'RecipientLastName', 'Q1', 'Q4.1', 'Q4.2'],
    ['Startdatum', 'Enddatum', 'Antworttyp', 'Erfassungsdatum', 'E-Mail', 'Vorname', 'Nachname', 'Programme', 'Which?\nPick one', 'Which?\nPick one'],
    ['{"ImportId":"startDate"}', '{"ImportId":"endDate"}', '{"ImportId":"status"}', '{"ImportId":"recordedDate"}', '{"ImportId":"recipientEmail"}',
      '{"ImportId":"recipientFirstName"}', '{"ImportId":"recipientLastName"}', '{"ImportId":"QID1"}', '{"ImportId":"QID4_1"}', '{"ImportId":"QID4_2"}'],
    ['2024-05-01 10:00:00', '2024-05-01 10:05:00', 'IP Address', '2024-05-01 10:05:01', 'zoe@example.org', 'Zoë', 'Ōta', 'MSc European Political Economy', 'Banking', 'Law'],
    ['2024-05-01 10:00:00', '2024-05-01 10:05:00', 'Survey Preview', '2024-05-01 10:05:01', 'prev@example.org', 'P', 'Q', 'MSc European Political Economy', 'Banking', 'Law'],
  ];

  it('maps by export name, tells apart columns sharing one text, finds fields by ImportId and drops the preview', () => {
    const s = scheme();
    const t = table(rows);
    const plan = planColumns(t, 'students', s, 'auto', parseMapOptions(['Q4.2=sectors'], ['sectors']));
    expect(plan.layout.preset).toBe('qualtrics');
    expect(plan.missing).toEqual([]);
    const r = parseWithPlan<Student>(t, 'students', s, plan, 2027);
    expect(r.dropped).toEqual([{ file: 'in.csv', row: 5, reason: 'a Qualtrics survey preview' }]);
    expect(r.rejects).toEqual([]);
    const p = r.people[0]!.person;
    expect([p.email, p.name, p.submitted_at, p.sectors, p.programme]).toEqual(['zoe@example.org', 'Zoë Ōta', '2024-05-01T10:05:01', ['Law'], 'MSc European Political Economy']);
    expect(p.extra['Which?\nPick one [Q4.1]']).toBe('Banking');
  });

  it('refuses a shared question text, listing the export names compactly', () => {
    const map = parseMapOptions(['Which?\nPick one=sectors'], ['sectors']);
    expect(() => planColumns(table(rows), 'students', scheme(), 'auto', map)).toThrow(/2 columns have this question text/);
    try {
      planColumns(table(rows), 'students', scheme(), 'auto', map);
    } catch (e) {
      expect((e as { hint: string }).hint).toBe('name one by its export name: "Q4.1", "Q4.2"');
    }
  });

  it('lists at most a dozen columns when --map names none of them', () => {
    const wide = rows.map((r) => [...r, ...Array.from({ length: 40 }, (_, i) => (r[0]!.startsWith('{') ? `{"ImportId":"QID${i + 9}"}` : `Q${i + 9}`))]);
    try {
      planColumns(table(wide), 'students', scheme(), 'auto', parseMapOptions(['Q99=sectors'], ['sectors']));
      expect.unreachable();
    } catch (e) {
      const fix = (e as { hint: string }).hint;
      expect(fix).toMatch(/and \d+ more$/);
      expect(fix.length).toBeLessThan(300);
    }
  });
});

describe('columnOrder (every date column: people, check-ins, surveys)', () => {
  it('reads the order shown, falls back with a warning only when some date is ambiguous', async () => {
    const { columnOrder } = await import('../../../src/core/import/table-scan.js');
    const at = (...v: string[]) => v.map((value, k) => ({ row: k + 2, value }));
    expect(columnOrder('c.csv', 'Date of the meeting', at('10/28/2019', '11/02/2019'), 'DMY')).toEqual({ order: 'MDY' });
    expect(columnOrder('c.csv', 'Date of the meeting', at('2019-10-28', ''), 'DMY')).toEqual({ order: 'DMY' });
    const fallback = columnOrder('c.csv', 'Date of the meeting', at('01/02/2019'), 'MDY');
    expect(fallback.order).toBe('MDY');
    expect(fallback.warning).toMatch(/^c\.csv: column "Date of the meeting": .*month first.*\(MDY\)/);
    expect(() => columnOrder('c.csv', 'When', at('13/01/2019', '01/13/2019'), 'DMY')).toThrow(/row 2: "13\/01\/2019".*row 3: "01\/13\/2019"/);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { candidatesFor, columnFits, type FitInput, optionalFieldsWarning } from '../../../src/core/import/column-fit.js';
import { IGNORE, rememberRules, resolveColumns, type Target, unmatchedRuleNotes } from '../../../src/core/import/columns.js';
import { fieldsOf } from '../../../src/core/import/people.js';
import { planColumns } from '../../../src/core/import/pipeline.js';
import { defaultScheme } from '../../../src/core/scheme/defaults.js';
import { type MappingRule, parseScheme, type Scheme } from '../../../src/core/scheme/schema.js';

function scheme(mappings: Partial<Record<Target, MappingRule[]>> = {}): Scheme {
  const raw = defaultScheme() as { mappings: Record<string, MappingRule[]> };
  for (const [k, rules] of Object.entries(mappings)) raw.mappings[k] = [...rules, ...raw.mappings[k]!];
  const r = parseScheme(raw);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.scheme;
}

function resolve(headers: string[], s = scheme(), values?: string[][], target: 'students' | 'mentors' = 'students') {
  return resolveColumns(headers, target, fieldsOf(target), 'generic', s, new Map(), { values });
}

const fieldOf = (headers: string[], map: { fieldAt: (string | null)[] }, header: string) => map.fieldAt[headers.indexOf(header)];

describe('column rules that protect privacy', () => {
  it('never maps a private question onto the shared bio by pattern; the bio meant for the mentor is the bio', () => {
    const headers = ['Email', 'Name', 'Private note to the organisers about your bio (not shared)', 'Short bio for your mentor'];
    const map = resolve(headers);
    expect(fieldOf(headers, map, 'Short bio for your mentor')).toBe('bio');
    expect(fieldOf(headers, map, 'Private note to the organisers about your bio (not shared)')).toBeNull();
    expect(map.ambiguous).toEqual([]);
  });

  it.each(['Bio (private)', 'Your bio - confidential', 'Bio, for the organisers only', 'Anything else about your bio? Not shared', 'Confidential: your LinkedIn', 'Private: which sectors worry you?'])(
    '"%s" maps onto no shared field by pattern',
    (header) => {
      const map = resolve(['Email', 'Name', header]);
      expect(map.fieldAt[2] === null || ['first_name', 'submitted_at'].includes(map.fieldAt[2]!)).toBe(true);
    },
  );

  it('a private marker anywhere in a question keeps every pattern off the shared fields (property)', () => {
    const stem = fc.constantFrom('your bio', 'your LinkedIn profile', 'which sectors', 'areas of support', 'your country', 'your city', 'your programme', 'Full name');
    const marker = fc.constantFrom('(not shared)', 'PRIVATE', 'confidential', 'for the organisers', 'for the organizers', 'will not be shared');
    fc.assert(
      fc.property(stem, marker, fc.boolean(), (a, b, before) => {
        const header = before ? `${b} ${a}` : `${a} ${b}`;
        const map = resolve(['Email', header]);
        expect(map.fieldAt[1]).toBeNull();
      }),
    );
  });

  it('stops and names the candidates when several columns match one field', () => {
    const headers = ['Email', 'Name', 'Your bio for the mentor', 'Longer bio for the website'];
    const map = resolve(headers);
    expect(map.ambiguous).toEqual([{ field: 'bio', columns: [2, 3] }]);
    expect(map.fieldAt.slice(2)).toEqual([null, null]);
    // --map settles it, and is exact: it always wins.
    const chosen = resolveColumns(headers, 'students', fieldsOf('students'), 'generic', scheme(), new Map([['your bio for the mentor', 'bio']]));
    expect(chosen.ambiguous).toEqual([]);
    expect(chosen.fieldAt[2]).toBe('bio');
  });

  it('a consent question is the consent, never the bio or the LinkedIn profile', () => {
    const headers = ['Email', 'Name', 'Do you consent to your bio being shared?', 'Are you happy for your LinkedIn to be shared?'];
    const map = resolve(headers);
    expect(map.fieldAt.slice(2)).toEqual(['share_bio', 'share_linkedin']);
    // By its answers too: a "bio" column answered yes or no is a consent.
    const byAnswers = resolve(['Email', 'Name', 'Your bio'], scheme(), [['a@b.co'], ['Ann'], ['Yes', 'no', '', 'YES']]);
    expect(byAnswers.fieldAt[2]).toBe('share_bio');
    const real = resolve(['Email', 'Name', 'Your bio'], scheme(), [['a@b.co'], ['Ann'], ['I work in Brussels.', 'Yes, mostly policy.']]);
    expect(real.fieldAt[2]).toBe('bio');
  });
});

describe('remembered mappings', () => {
  it('are exact header rules before every pattern rule, replacing an earlier rule for the same header', () => {
    const existing: MappingRule[] = [{ pattern: 'sectors?', field: 'sectors' }, { header: 'Old question', field: 'bio' }, { header: 'Pick one', field: 'city' }];
    const r = rememberRules(existing, [{ header: ' Pick one ', field: 'sectors' }, { header: 'Favourite colour', field: null }]);
    expect(r.rules).toEqual([
      { header: 'Pick one', field: 'sectors' },
      { header: 'Favourite colour', field: IGNORE },
      { header: 'Old question', field: 'bio' },
      { pattern: 'sectors?', field: 'sectors' },
    ]);
    expect(r.added).toHaveLength(2);
    expect(rememberRules(r.rules, [{ header: 'Pick one', field: 'sectors' }]).added).toEqual([]);
  });

  it('are used on the next import, win over patterns and the preset, and one that matches no column is reported', () => {
    const s = scheme({ students: [{ header: 'Where do you want to work?', field: 'sectors' }, { header: 'Name', field: 'first_name' }, { header: 'Gone question', field: 'bio' }, { header: 'Sector notes', field: IGNORE }] });
    const headers = ['Email', 'Name', 'Full name', 'Where do you want to work?', 'Sector notes'];
    const map = resolveColumns(headers, 'students', fieldsOf('students'), 'msforms', s, new Map());
    expect(map.fieldAt).toEqual(['email', 'first_name', 'name', 'sectors', null]);
    expect(map.ambiguous).toEqual([]);
    expect(map.unmatchedRules).toEqual([{ header: 'Gone question', field: 'bio' }]);
    expect(unmatchedRuleNotes('students', map.unmatchedRules)[0]).toContain('no column is headed "Gone question" (remembered for bio)');
  });
});

describe('which columns could hold a field', () => {
  const headers = ['Timestamp', 'Contact', 'What should we call you?', 'Which MSc are you on?', 'Pick the ones that interest you', 'Do you consent to your bio being shared?', 'Tell us about yourself', 'Favourite colour'];
  const rows = [
    ['05/11/2025 10:00:00', 'ann@lse.ac.uk', 'Annie', 'MSc Conflict Studies', 'Law; Consulting', 'Yes', 'I like policy.', 'teal'],
    ['05/11/2025 11:00:00', 'bob@lse.ac.uk', 'Bob', 'MSc Conflict Studies', 'Consulting', 'No', 'Economist.', 'red'],
  ];
  const s = scheme();
  const input: FitInput = { headers, samples: headers.map((_, i) => rows.map((r) => r[i]!)), target: 'students', scheme: s, listSeparator: ';' };
  const none = headers.map(() => null);

  it('proposes a column by its answers or its question, and nothing that does not fit', () => {
    expect(candidatesFor(input, none, 'email')).toEqual([1]);
    expect(candidatesFor(input, none, 'programme')).toEqual([3]);
    expect(candidatesFor(input, none, 'sectors')).toEqual([4]);
    expect(candidatesFor(input, none, 'share_bio')).toEqual([5]);
    expect(candidatesFor(input, none, 'bio')).toEqual([6]);
    expect(candidatesFor(input, none, 'submitted_at')).toEqual([]); // Timestamp is bookkeeping the preset reads
    expect(candidatesFor(input, none, 'linkedin')).toEqual([]);
    expect(columnFits(input, 2, 'programme')).toBe(false);
    expect(columnFits(input, 2, 'first_name')).toBe(true);
  });

  it('a consent question is never proposed as the bio or the LinkedIn profile, whatever it says', () => {
    for (const h of ['Do you consent to your bio being shared?', 'May we share your LinkedIn?', 'Are you happy for your bio to be shared with your mentor?']) {
      const one: FitInput = { ...input, headers: [h], samples: [['Bio: I am an economist.']] };
      expect(columnFits(one, 0, 'bio')).toBe(false);
      expect(columnFits(one, 0, 'linkedin')).toBe(false);
    }
  });

  it('lists the optional fields no column holds once, with the --map for each', () => {
    const plan = planColumns({ file: 'f.csv', rows: [headers, ...rows], rowNumbers: [1, 2, 3] }, 'students', s, 'auto', new Map([['contact', 'email'], ['what should we call you?', 'name'], ['which msc are you on?', 'programme'], ['pick the ones that interest you', 'sectors']]));
    const w = optionalFieldsWarning({ ...input }, plan.columns.fieldAt, ['support_areas', 'bio', 'share_bio', 'linkedin']);
    expect(w).toContain('support_areas (--map "HEADER=support_areas")');
    expect(w).toContain('bio (--map "Tell us about yourself=bio")');
    expect(w).not.toContain('share_bio'); // the consent question's wording already mapped it
    expect(w).toContain('linkedin (--map "HEADER=linkedin")');
    expect(optionalFieldsWarning(input, plan.columns.fieldAt, [])).toBeNull();
  });
});

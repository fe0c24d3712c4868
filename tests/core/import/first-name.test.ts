import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstNameOf } from '../../../src/core/import/people.js';
import { parseWithPlan, planColumns } from '../../../src/core/import/pipeline.js';
import { defaultScheme } from '../../../src/core/scheme/defaults.js';
import { parseScheme } from '../../../src/core/scheme/schema.js';
import type { Student } from '../../../src/core/types.js';

describe('the first name a greeting uses', () => {
  it.each([
    ['Dr Aisha Bello', 'Aisha'],
    ['dr. Aisha Bello', 'Aisha'],
    ['DR. AISHA BELLO', 'AISHA'],
    ['Prof. Dr. Hans Weber', 'Hans'],
    ['Professor Mary Beard', 'Mary'],
    ['Mr John Smith', 'John'],
    ['Mrs. Jane Doe', 'Jane'],
    ['Ms Li Wei', 'Li'],
    ['Miss Marple', 'Marple'],
    ['Mx. Sam Taylor', 'Sam'],
    ['Sir Keir Starmer', 'Keir'],
    ['Dame Judi Dench', 'Judi'],
    ['Rev. Richard Coles', 'Richard'],
    ['House, MD', 'House'],
    ['Gregory House, MD', 'Gregory'],
    ["Helen O'Marsh", 'Helen'],
    ['  Ana   Lima ', 'Ana'],
    ['Drew Barrymore', 'Drew'],
    ['Misty Copeland', 'Misty'],
    ['Dr', 'Dr'],
    ['', ''],
  ])('%j is greeted as %j', (name, first) => {
    expect(firstNameOf(name)).toBe(first);
  });

  it('never greets anyone by a title or with punctuation at the end, whatever comes first', () => {
    const title = fc.constantFrom('Dr', 'dr.', 'PROF', 'Professor', 'mr.', 'Mrs', 'ms', 'Miss.', 'MX', 'sir', 'Dame', 'rev.');
    const word = fc.stringMatching(/^[A-Z][a-z]{1,8}$/).filter((w) => !/^(dr|prof|professor|mr|mrs|ms|miss|mx|sir|dame|rev)$/i.test(w));
    fc.assert(
      fc.property(fc.array(title, { maxLength: 3 }), word, fc.constantFrom('', ',', '.', ';'), word, (titles, first, punct, last) => {
        expect(firstNameOf([...titles, `${first}${punct}`, last].join(' '))).toBe(first);
      }),
    );
  });

  it('derives the first name on import, and a first_name column always wins', () => {
    const r0 = parseScheme(defaultScheme());
    if (!r0.ok) throw new Error('default scheme');
    const rows = [
      ['email', 'name', 'first_name', 'programme', 'sectors'],
      ['a@lse.ac.uk', 'Dr Aisha Bello', '', 'MSc Conflict Studies', 'Law'],
      ['b@lse.ac.uk', 'Prof. Bob Jones', 'Robert', 'MSc Conflict Studies', 'Law'],
      ['c@lse.ac.uk', 'Mr. Smith', 'Dr', 'MSc Conflict Studies', 'Law'],
    ];
    const t = { file: 'in.csv', rows, rowNumbers: rows.map((_, i) => i + 1) };
    const plan = planColumns(t, 'students', r0.scheme, 'auto', new Map());
    const r = parseWithPlan<Student>(t, 'students', r0.scheme, plan, 2027);
    expect(r.people.map((p) => p.person.first_name)).toEqual(['Aisha', 'Robert', 'Dr']);
  });
});

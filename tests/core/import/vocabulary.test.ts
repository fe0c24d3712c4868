import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitOptions, Vocabulary } from '../../../src/core/import/vocabulary.js';
import { SECTORS } from '../../../src/core/scheme/defaults.js';

const vocab = new Vocabulary(Object.entries(SECTORS).map(([value, synonyms]) => ({ value, synonyms })));

describe('Vocabulary', () => {
  it('splits a Google Forms answer whose options contain commas', () => {
    const { values, unknown } = vocab.parse('Think Tanks, Research & Policy Analysis, Consulting, NGOs, Charities & Civil Society', ', ');
    expect(values).toEqual(['Think Tanks, Research & Policy Analysis', 'Consulting', 'NGOs, Charities & Civil Society']);
    expect(unknown).toEqual([]);
  });

  it('splits Microsoft Forms answers with a trailing semicolon', () => {
    expect(vocab.parse('Law;Consulting;', ';').values).toEqual(['Law', 'Consulting']);
  });

  it('normalises synonyms whatever their case and punctuation', () => {
    expect(vocab.parse('consultancy; NGO; think-tank', ';').values).toEqual([
      'Consulting', 'NGOs, Charities & Civil Society', 'Think Tanks, Research & Policy Analysis',
    ]);
  });

  it('keeps unknown values as written and reports them', () => {
    const r = vocab.parse('Managment Consulting, Law', ', ');
    expect(r.values).toEqual(['Managment Consulting', 'Law']);
    expect(r.unknown).toEqual(['Managment Consulting']);
  });

  it('joins duplicates', () => {
    expect(vocab.parse('Law; law; Legal', ';').values).toEqual(['Law']);
  });

  it('round-trips any subset of options joined the way each form tool joins them', () => {
    const options = Object.keys(SECTORS);
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...options), { minLength: 1 }), fc.constantFrom(', ', ',', ';', '; '), (chosen, sep) => {
        expect(vocab.parse(chosen.join(sep), sep).values).toEqual(chosen);
      }),
      { numRuns: 300 },
    );
  });

  it('never loses text: unknown pieces come back whole', () => {
    expect(splitOptions('alpha, beta gamma', ', ', [])).toEqual(['alpha', 'beta gamma']);
  });
});

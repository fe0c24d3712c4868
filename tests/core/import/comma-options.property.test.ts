// Property: whatever options a form offers (some holding the separator) and whatever respondents
// pick, the options learnt from the whole file are exactly the unknown ones that hold a comma,
// and adding every option a warning names to the vocabulary gives each answer its true split.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commaOptions, splitOptions, Vocabulary } from '../../../src/core/import/vocabulary.js';

const word = fc.stringMatching(/^[A-Z][a-z]{2,7}$/);
const tail = fc.stringMatching(/^[a-z]{3,8}( [a-z]{2,6})?$/);
/** An option: "Word" or "Word, more words" (the tail in lower case, as a sentence goes on). */
const option = fc.tuple(word, fc.option(tail, { nil: undefined })).map(([w, t]) => (t ? `${w}, ${t}` : w));

describe('options with commas, learnt from the whole file', () => {
  it('finds exactly the unknown options holding a comma, and the vocabulary they go into splits right', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(option, { minLength: 2, maxLength: 8, selector: (o) => o.split(',')[0]!.toLowerCase() }),
        fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
        fc.array(fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 12 }),
        (options, knownFlags, picks) => {
          const known = options.filter((_, i) => knownFlags[i]);
          const vocab = new Vocabulary(known.map((value) => ({ value, synonyms: [] })));
          // Every option is chosen alone by someone, then the picked combinations, in order.
          const chosen = [...options.map((o) => [o]), ...picks.map((p) => [...new Set(p.map((n) => options[n % options.length]!))])];
          const answers = chosen.map((c) => c.join(', '));
          const learnt = commaOptions(answers, ', ', vocab);
          expect(new Set(learnt)).toEqual(new Set(options.filter((o) => o.includes(',') && !known.includes(o))));
          const fixed = new Vocabulary([...known, ...learnt].map((value) => ({ value, synonyms: [] })));
          chosen.forEach((c, k) => expect(splitOptions(answers[k]!, ', ', fixed.spellings)).toEqual(c));
        },
      ),
      { numRuns: 300 },
    );
  });
});

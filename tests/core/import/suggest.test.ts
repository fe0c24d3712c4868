import { describe, expect, it } from 'vitest';
import { mapSuggestions } from '../../../src/core/import/suggest.js';

describe('mapSuggestions: the --map a missing field is offered', () => {
  it('names a column whose answers fit, by its export name where there is one', () => {
    const columns = { headers: ['ID', 'Your university address', 'Programme'], exportNames: ['', 'Q2', ''], fieldAt: [null, null, 'programme'] };
    const answers = [['1', 'zoe@uni.example', 'MSc'], ['2', 'sam@uni.example', 'MSc']];
    expect(mapSuggestions(['email'], columns, answers)).toEqual([{ field: 'email', map: '--map "Q2=email"' }]);
  });

  it('never guesses: no column that fits gives no --map, even with free columns', () => {
    const columns = { headers: ['ID', 'Anfangsdatum'], fieldAt: [null, null] };
    expect(mapSuggestions(['sectors'], columns, [['1', 'x']])).toEqual([{ field: 'sectors', map: null }]);
  });

  it('falls back to the other judge, and refuses a name that cannot be typed in one flag', () => {
    const columns = { headers: ['Which areas "please" pick'], fieldAt: [null] };
    expect(mapSuggestions(['support_areas'], columns, [], () => [0])).toEqual([{ field: 'support_areas', map: null }]);
    expect(mapSuggestions(['sectors'], { headers: ['Kind of work'], fieldAt: [null] }, [], () => [0])).toEqual([{ field: 'sectors', map: '--map "Kind of work=sectors"' }]);
  });
});

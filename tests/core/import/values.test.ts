import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cleanLine, cleanText, normaliseEmail, parseCapacity, parseDate, parseDateTime, parseMeetingPreference, parseUnavailable, parseYear, parseYesNo,
} from '../../../src/core/import/values.js';

describe('parseDateTime', () => {
  it.each([
    ['2025-11-05', '2025-11-05'],
    ['2025-11-05T10:23:45Z', '2025-11-05T10:23:45'],
    ['2025-11-05 10:23:45', '2025-11-05T10:23:45'],
    ['05/11/2025 10:23:45', '2025-11-05T10:23:45'],
    ['05/11/2025 10:23', '2025-11-05T10:23:00'],
    ['5.11.25', '2025-11-05'],
    ['5 Nov 2025', '2025-11-05'],
    ['November 5, 2025', '2025-11-05'],
    ['2025/11/05 10:23:45 AM GMT', '2025-11-05T10:23:45'],
    ['05/11/2025 1:05:00 pm', '2025-11-05T13:05:00'],
    ['45966', '2025-11-05'],
  ])('%s -> %s (UK, day first)', (input, expected) => {
    expect(parseDateTime(input, 'DMY')).toBe(expected);
  });

  it('reads month first when the scheme says so', () => {
    expect(parseDate('11/05/2025', 'MDY')).toBe('2025-11-05');
  });

  it.each(['31/02/2026', '2026-13-01', 'next tuesday', '05/11/2025 25:00', ''])('rejects %j', (input) => {
    expect(parseDateTime(input, 'DMY')).toBeNull();
  });

  it('knows leap days', () => {
    expect(parseDate('29/02/2028')).toBe('2028-02-29');
    expect(parseDate('29/02/2026')).toBeNull();
  });
});

describe('answers', () => {
  it('treats no answer and unclear answers as no consent', () => {
    expect(parseYesNo('')).toEqual({ value: false, recognised: true });
    expect(parseYesNo('Yes')).toEqual({ value: true, recognised: true });
    expect(parseYesNo('No')).toEqual({ value: false, recognised: true });
    // Not a word alone: still no, and the import warns naming it (tests/trust/consent.test.ts).
    expect(parseYesNo('No thanks')).toEqual({ value: false, recognised: false });
    expect(parseYesNo('maybe later')).toEqual({ value: false, recognised: false });
  });

  it('understands capacities as forms write them', () => {
    expect(parseCapacity('')).toBe(1);
    expect(parseCapacity('two')).toBe(2);
    expect(parseCapacity('3 students')).toBe(3);
    expect(parseCapacity('2.0')).toBe(2);
    expect(parseCapacity('9')).toBeNull();
    expect(parseCapacity('lots')).toBeNull();
  });

  it('reads meeting preferences', () => {
    expect(parseMeetingPreference('In person')).toBe('in-person');
    expect(parseMeetingPreference('Online (video call)')).toBe('online');
    expect(parseMeetingPreference('No preference')).toBe('either');
    expect(parseMeetingPreference('carrier pigeon')).toBeNull();
  });

  it('reads graduation years, including Excel numbers', () => {
    expect(parseYear('2019', 2027)).toBe(2019);
    expect(parseYear('2019.0', 2027)).toBe(2019);
    expect(parseYear('', 2027)).toBeNull();
    expect(parseYear('2030', 2027)).toBe('invalid');
  });

  it('lower-cases emails and refuses what is not one', () => {
    expect(normaliseEmail(' Zoe.OBrien@LSE.ac.uk ')).toBe('zoe.obrien@lse.ac.uk');
    expect(normaliseEmail('mailto:a@b.org')).toBe('a@b.org');
    expect(normaliseEmail('not an email')).toBeNull();
    expect(normaliseEmail('a@b.org\r\nBcc: x@y.org')).toBeNull();
  });
});

describe('parseUnavailable', () => {
  it('reads the ways people write periods', () => {
    expect(parseUnavailable('01/02/2026 - 28/02/2026; 2026-03-01 to 2026-03-15')).toEqual([
      { from: '2026-02-01', to: '2026-02-28' },
      { from: '2026-03-01', to: '2026-03-15' },
    ]);
    expect(parseUnavailable('2025-12-15..2026-01-05')).toEqual([{ from: '2025-12-15', to: '2026-01-05' }]);
    expect(parseUnavailable('15/12/2025-05/01/2026')).toEqual([{ from: '2025-12-15', to: '2026-01-05' }]);
    expect(parseUnavailable('none')).toEqual([]);
  });

  it('refuses backwards or unreadable periods', () => {
    expect(parseUnavailable('28/02/2026 - 01/02/2026')).toBeNull();
    expect(parseUnavailable('most of spring')).toBeNull();
  });
});

describe('cleanText and cleanLine', () => {
  // The rules as first written, three replacements every time; the real ones skip the work when
  // a quick test finds nothing to clean, and must give exactly the same text.
  const text = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').replace(/\r\n?/g, '\n').trim();
  const line = (s: string) => text(s).replace(/\s+/g, ' ');
  const tricky = fc.constantFrom(' ', '  ', '\t', '\n', '\r', '\r\n', '\u000b', '\u0000', '\u001f', '\u007f', '\u00a0', '\u2028', '\ufeff', '\u3000', 'a', 'Zoë', "O'Brien");
  const answers = fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.array(tricky, { maxLength: 8 }).map((a) => a.join('')));

  it('clean exactly as the plain replacements do, for any answer', () => {
    fc.assert(
      fc.property(answers, (s) => {
        expect(cleanText(s)).toBe(text(s));
        expect(cleanLine(s)).toBe(line(s));
      }),
      { numRuns: 2000 },
    );
  });

  it('fold and trim what a form export really holds', () => {
    expect(cleanLine('  Zoë \t O\u00a0Brien\r\n')).toBe('Zoë O Brien');
    expect(cleanText('Line one\r\nline two\u0007 ')).toBe('Line one\nline two');
    expect(cleanLine('Ann Lee')).toBe('Ann Lee');
  });
});

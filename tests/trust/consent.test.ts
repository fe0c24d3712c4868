// Issue 18 item 5: refusals read as consent. "I agree not to share", "Yes, I do NOT consent",
// "Yes; No" and "Oui, mais non" were each taken as yes, and bios and profiles went out. The rule:
// yes only for a yes word alone (after trimming and case folding) in the scheme's languages; any
// other answer is no, with a warning naming it. Properties over answers, then the whole path from a
// form to the export and the drafts.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSENT_LANGUAGES, CONSENT_WORDS, consentRule, parseYesNo } from '../../src/core/import/values.js';
import { STUDENT_FIELDS } from '../../src/core/types.js';
import { cleanup, freshWorkspace, runIn, tempRoot } from './inproc.js';

const ENGLISH = consentRule(['en'], 'en-GB');
const ALL = consentRule(CONSENT_LANGUAGES, 'en-GB');
const yesWords = (rule: typeof ENGLISH) => rule.languages.flatMap((l) => CONSENT_WORDS[l].yes as readonly string[]);
const noWords = (rule: typeof ENGLISH) => rule.languages.flatMap((l) => CONSENT_WORDS[l].no as readonly string[]);

/** The review's refusals, and their relatives: a yes word with anything else said. */
export const NOT_CONSENT = [
  'I agree not to share', 'Yes, I do NOT consent', 'Yes; No', 'Oui, mais non', 'yes but no', 'Yes/No', 'Yes - I do not consent',
  'yes, no', 'No, yes', 'yes?', 'Yes!!', 'yes yes no', 'not yes', 'Yes (not my bio)', 'I would say yes if...', 'y e s', 'yes\u200b',
  '\u202eyes', 'yes\u0000', 'Yes, please do not', 'agree? no', 'OK - no', '1; 0', 'true/false', 'Yes No', 'Ja, aber nein', 'Sí, pero no',
  'maybe', 'N/A', 'prefer not to say', 'Yes.No', '"Yes"', 'yes, but only the first line',
];

describe('a consent answer (property)', () => {
  it('is yes exactly when it is one yes word alone, whatever the case and surrounding space', () => {
    const word = fc.constantFrom(...yesWords(ENGLISH));
    const casing = (w: string) => fc.array(fc.boolean(), { minLength: w.length, maxLength: w.length }).map((up) => [...w].map((c, i) => (up[i] ? c.toUpperCase() : c)).join(''));
    const space = fc.constantFrom('', ' ', '  ', '\t', '\n', ' \r\n');
    fc.assert(
      fc.property(word.chain((w) => fc.tuple(space, casing(w), space, fc.constantFrom('', '.', '!'))), ([a, w, b, stop]) => {
        expect(parseYesNo(`${a}${w}${stop}${b}`, ENGLISH)).toEqual({ value: true, recognised: true });
      }),
      { numRuns: 500 },
    );
  });

  it('is no for a yes word with anything more said before or after it', () => {
    const word = fc.constantFrom(...yesWords(ALL));
    // Something with a letter, digit or mark in it, beyond one closing full stop or exclamation mark.
    const more = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => /[^\s.!]/.test(s) || /[.!]{2}/.test(s));
    fc.assert(
      fc.property(word, more, fc.boolean(), (w, extra, before) => {
        const answer = before ? `${extra} ${w}` : `${w} ${extra}`;
        const folded = answer.trim().toLowerCase().replace(/\s+/g, ' ').replace(/[.!]$/, '');
        fc.pre(!yesWords(ALL).includes(folded));
        expect(parseYesNo(answer, ALL).value).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('is no for any text at all unless it folds to a yes word (arbitrary strings)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 20 }), (s) => {
        const folded = s.normalize('NFC').trim().toLocaleLowerCase('und').replace(/\s+/g, ' ').replace(/[.!]$/, '');
        const expected = yesWords(ALL).includes(folded) && !noWords(ALL).includes(folded);
        expect(parseYesNo(s, ALL).value).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it.each(NOT_CONSENT)('"%s" is not consent, and is not passed as a clear answer (it gets a warning)', (answer) => {
    const r = parseYesNo(answer, ALL);
    expect(r.value).toBe(false);
    expect(r.recognised).toBe(false);
  });

  it('takes the yes words of the languages the scheme sets, and no others', () => {
    expect(parseYesNo('Oui', ENGLISH).value).toBe(false);
    expect(parseYesNo('Oui', consentRule(['en', 'fr'], 'en-GB')).value).toBe(true);
    // By default: English and the locale's language.
    expect(parseYesNo('Ja', consentRule(undefined, 'de-DE')).value).toBe(true);
    expect(parseYesNo('Ja', consentRule(undefined, 'en-GB')).value).toBe(false);
    // "no" is a no word in English, so it never becomes yes through another language.
    expect(parseYesNo('no', consentRule(['en', 'es'], 'es-ES')).value).toBe(false);
  });

  it("takes the form's own yes option, whole, when the scheme names it", () => {
    const rule = consentRule(['en'], 'en-GB', ['Yes, I consent to my bio being shared']);
    expect(parseYesNo('  yes, I CONSENT to my bio being shared ', rule).value).toBe(true);
    expect(parseYesNo('Yes, I consent to my bio being shared, but not my LinkedIn', rule).value).toBe(false);
  });
});

describe('from the form to the export: a refusal never shares the bio or the profile', () => {
  let root = '';
  let ws = '';
  let importErr = '';
  const answers = [...NOT_CONSENT, 'Yes', 'yes', ' YES ', 'y'];
  const secret = (i: number) => `Secret bio number ${i} zq`;

  beforeAll(async () => {
    root = tempRoot('trust-consent-');
    ws = await freshWorkspace(root);
    const header = [...STUDENT_FIELDS];
    const rows = answers.map((a, i) => {
      const r: Record<string, string> = {
        email: `consent.${i}@lse.ac.uk`, name: `Consent Person${i}`, programme: 'MSc Conflict Studies', sectors: 'Consulting',
        support_areas: 'Networking', meeting_preference: 'online', linkedin: `https://linkedin.com/in/secret-${i}-zq`, share_linkedin: a,
        bio: secret(i), share_bio: a, submitted_at: '2025-11-10T09:00:00',
      };
      return header.map((h) => r[h] ?? '');
    });
    const students = path.join(root, 'consent-students.csv');
    fs.writeFileSync(students, stringify([header, ...rows], { record_delimiter: '\r\n' }));
    const mentorHeader = ['email', 'name', 'sectors', 'support_areas', 'capacity', 'courses', 'graduation_year'];
    const mentors = path.join(root, 'consent-mentors.csv');
    fs.writeFileSync(
      mentors,
      stringify([mentorHeader, ...answers.map((_, i) => [`m${i}@example.com`, `Mentor ${i}`, 'Consulting', 'Networking', '1', 'MSc Conflict Studies', '2015'])], { record_delimiter: '\r\n' }),
    );
    const r1 = await runIn(['import', 'students', students, '--workspace', ws, '--yes', '--verbose'], ws);
    importErr = r1.stderr;
    expect(r1.code, r1.stderr).toBe(0);
    expect((await runIn(['import', 'mentors', mentors, '--workspace', ws, '--yes'], ws)).code).toBe(0);
    expect((await runIn(['match', '--workspace', ws, '--yes'], ws)).code).toBe(0);
    expect((await runIn(['confirm', '--all', '--workspace', ws, '--yes'], ws)).code).toBe(0);
    const ex = await runIn(['export', '--workspace', ws, '--yes'], ws);
    expect(ex.code, ex.stderr).toBe(0);
    expect((await runIn(['emails', 'intro', '--workspace', ws, '--yes'], ws)).code).toBe(0);
  }, 300_000);

  afterAll(() => cleanup(root));

  it('the export and the drafts to mentors hold the bios and profiles of the clear yeses only', () => {
    const exported = fs.readFileSync(path.join(ws, 'out', 'export', 'for-mentors.csv'), 'utf8');
    const drafts = fs.readdirSync(path.join(ws, 'out', 'emails', 'intro'))
      .filter((f) => f.endsWith('.txt'))
      .map((f) => fs.readFileSync(path.join(ws, 'out', 'emails', 'intro', f), 'utf8'))
      .join('\n');
    expect(drafts.length).toBeGreaterThan(0);
    const leaked: string[] = [];
    const shared: number[] = [];
    answers.forEach((a, i) => {
      const clearYes = i >= NOT_CONSENT.length;
      for (const [what, text] of [['export', exported], ['drafts', drafts]] as const) {
        const has = text.includes(secret(i)) || text.includes(`secret-${i}-zq`);
        if (has && !clearYes) leaked.push(`${what}: ${JSON.stringify(a)}`);
        if (has && clearYes) shared.push(i);
      }
    });
    expect(leaked).toEqual([]);
    // The clear yeses did go out: the check can see a shared bio.
    expect(new Set(shared).size).toBe(answers.length - NOT_CONSENT.length);
  });

  it('each unclear answer is named in a warning', () => {
    const missing = NOT_CONSENT.filter((a) => {
      const shown = a.replace(/[\u0000-\u001f\u200b\u202e]/g, '').trim();
      return !importErr.includes(`the answer "${shown}`) && !importErr.includes(`the answer "${a.trim()}`);
    });
    expect(missing).toEqual([]);
  });
});

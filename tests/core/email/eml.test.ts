import fc from 'fast-check';
import { simpleParser, type AddressObject } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { introMentorContext } from '../../../src/core/email/contexts.js';
import { buildEml } from '../../../src/core/email/eml.js';
import { compileTemplate, type RenderedEmail } from '../../../src/core/email/template.js';
import { templateSpec } from '../../../src/core/email/contexts.js';
import { mentor, scheme, student } from '../policy/builders.js';

const S = scheme();
const DATE = new Date('2025-12-01T09:00:00Z');
const TEMPLATE = compileTemplate(
  '---\nto: {{recipient.name}} <{{recipient.email}}>\ncc: {{scheme.contact_email}}\nsubject: Introducing {{student.name}}\n---\nDear {{recipient.first_name}},\n\n{{student.name}}: {{student.bio}}\n',
  { name: 'intro-mentor', file: 'templates/intro-mentor.hbs', scheme: S, spec: templateSpec('intro-mentor') },
);

function render(studentName: string, mentorName: string, bio = 'Hello'): RenderedEmail {
  return TEMPLATE.render(introMentorContext(S, student({ name: studentName, bio }), mentor({ name: mentorName, first_name: mentorName.split(' ')[0]! })));
}

function addresses(a: AddressObject | AddressObject[] | undefined) {
  return (Array.isArray(a) ? a : a ? [a] : []).flatMap((x) => x.value);
}

describe('buildEml', () => {
  it('is an unsent Outlook draft with both alternatives, and names decode exactly', async () => {
    const name = "Zoë O'Brien, Jr.";
    const eml = await buildEml(render(name, name), { from: S.from, date: DATE, key: 'k' });
    const parsed = await simpleParser(eml);
    expect(parsed.headers.get('x-unsent')).toBe('1');
    expect(addresses(parsed.to)).toEqual([{ name, address: 'ann.lee@alumni.example.org' }]);
    expect(addresses(parsed.cc)).toEqual([{ name: '', address: 'ei.alumni@lse.ac.uk' }]);
    expect(addresses(parsed.from)).toEqual([{ name: 'EI Alumni Team', address: 'ei.alumni@lse.ac.uk' }]);
    expect(parsed.subject).toBe(`Introducing ${name}`);
    expect(parsed.text).toContain(`${name}: Hello`);
    expect(parsed.html).toContain('Zoë O&#39;Brien, Jr.: Hello');
    expect(eml.toString('latin1')).toMatch(/Content-Type: multipart\/alternative/);
  });

  it('leaves From out when the scheme has none, so Outlook uses the account', async () => {
    const parsed = await simpleParser(await buildEml(render('A B', 'C D'), { date: DATE, key: 'k' }));
    expect(parsed.from).toBeUndefined();
  });

  it('is the same bytes for the same draft and clock', async () => {
    const e = render('A B', 'C D');
    expect((await buildEml(e, { date: DATE, key: 'k' })).equals(await buildEml(e, { date: DATE, key: 'k' }))).toBe(true);
  });

  it('lets no line break in a name, subject or bio add a header or a recipient', async () => {
    const evil = 'Eve\r\nBcc: evil@example.com\r\nX-Evil: 1';
    const parsed = await simpleParser(await buildEml(render(evil, evil, `bio\r\nBcc: evil@example.com\r\n\r\n<script>x</script>`), { date: DATE, key: 'k' }));
    expect(parsed.bcc).toBeUndefined();
    expect(parsed.headers.has('x-evil')).toBe(false);
    expect(addresses(parsed.to)).toHaveLength(1);
    expect(addresses(parsed.to)[0]!.address).toBe('ann.lee@alumni.example.org');
    expect(parsed.text).toContain('<script>x</script>');
    expect(parsed.html).not.toContain('<script>');
  });

  it('round-trips any name and subject through Outlook-style encoding (property)', async () => {
    const nameChar = fc.constantFrom(...'aZéëØßçñ李 \'",.;:<>@()[]\\-{}=+!?&%#*'.split(''), ...['Ł', 'ü', '‘', '’', '😀']);
    await fc.assert(
      fc.asyncProperty(fc.array(nameChar, { minLength: 1, maxLength: 40 }).map((cs) => `A${cs.join('')}`), async (raw) => {
        const e = render(raw, raw);
        const parsed = await simpleParser(await buildEml(e, { date: DATE, key: raw }));
        const to = addresses(parsed.to);
        expect(to).toHaveLength(1);
        expect(to[0]).toEqual({ name: e.to[0]!.name, address: 'ann.lee@alumni.example.org' });
        expect(parsed.subject).toBe(e.subject);
        expect(parsed.bcc).toBeUndefined();
        expect(parsed.text?.replace(/\r\n/g, '\n')).toBe(e.text);
      }),
      { numRuns: 150 },
    );
  });
});

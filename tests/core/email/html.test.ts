import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, textToHtml } from '../../../src/core/email/html.js';

const body = (html: string) => html.slice(html.indexOf('<body'), html.indexOf('</body>')).replace(/^<body[^>]*>\n/, '');

describe('textToHtml', () => {
  it('makes paragraphs, line breaks, lists and headings', () => {
    const html = body(textToHtml('Dear Zoë,\n\nFirst line\nsecond line\n\nNext steps\n----------\n\n- one\n- two\n  continued\n\n1. first\n2. second\n', 'S'));
    expect(html).toBe(
      [
        '<p>Dear Zoë,</p>',
        '<p>First line<br>\nsecond line</p>',
        '<h3 style="font-size: 12pt; margin: 1.2em 0 0.4em;">Next steps</h3>',
        '<ul>\n  <li>one</li>\n  <li>two<br>\ncontinued</li>\n</ul>',
        '<ol>\n  <li>first</li>\n  <li>second</li>\n</ol>',
        '',
      ].join('\n'),
    );
  });

  it('links web addresses and email addresses, leaving trailing punctuation outside', () => {
    const html = body(textToHtml('See https://example.org/a?b=1&c=2. Write to ei.alumni@lse.ac.uk, please.', 'S'));
    expect(html).toContain('<a href="https://example.org/a?b=1&amp;c=2">https://example.org/a?b=1&amp;c=2</a>. ');
    expect(html).toContain('<a href="mailto:ei.alumni@lse.ac.uk">ei.alumni@lse.ac.uk</a>, please.');
  });

  it('titles the document with the escaped subject', () => {
    expect(textToHtml('x', 'A <b> & "c"')).toContain('<title>A &lt;b&gt; &amp; &quot;c&quot;</title>');
  });

  it('never lets text become markup (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii', maxLength: 200 }), (text) => {
        const html = body(textToHtml(text, 'S'));
        // Remove the markup this converter makes; what is left must hold no tag and no raw quote.
        const stripped = html.replace(/<\/?(p|ul|ol|li|br|hr)>|<h3 style="[^"]*">|<\/h3>|<a href="[^"]*">|<\/a>/g, '');
        expect(stripped).not.toMatch(/[<>]/);
        for (const m of html.matchAll(/href="([^"]*)"/g)) expect(m[1]).toMatch(/^(https?:\/\/|mailto:)/);
      }),
      { numRuns: 300 },
    );
  });

  it('escapes the five HTML characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

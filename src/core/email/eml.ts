// An Outlook draft: `X-Unsent: 1` makes Outlook open the .eml as a message ready to edit and send,
// not as a received one. Every header is made by nodemailer's MailComposer (encoded words for
// names and subjects, folding, address syntax): nothing here writes a header line by hand.
import { createHash } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type { Mailbox, RenderedEmail } from './template.js';

export interface EmlOptions {
  /** scheme.from, e.g. "EI Alumni Team <ei.alumni@lse.ac.uk>"; left out when unset (Outlook fills it). */
  from?: string;
  /** The Date header: the run's clock, so a pinned clock gives byte-identical drafts. */
  date: Date;
  /** Stable across runs for the same draft (boundaries and Message-ID derive from it). */
  key: string;
}

function addresses(list: readonly Mailbox[]): { name: string; address: string }[] {
  return list.map((m) => ({ name: m.name, address: m.address }));
}

function crlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

export async function buildEml(email: RenderedEmail, opts: EmlOptions): Promise<Buffer> {
  const digest = createHash('sha256').update(opts.key).update('\0').update(email.subject).update('\0').update(email.text).digest('hex');
  const domain = /@([^>\s]+)/.exec(opts.from ?? '')?.[1] ?? email.to[0]?.address.split('@')[1] ?? 'mentorship.local';
  const composer = new MailComposer({
    ...(opts.from ? { from: opts.from } : {}),
    to: addresses(email.to),
    ...(email.cc.length ? { cc: addresses(email.cc) } : {}),
    subject: email.subject,
    // CRLF given, rather than `newline: 'win'`, and base64 rather than quoted-printable: both
    // halve the time to build a draft (10,000 of them in a run), and Outlook reads either.
    text: crlf(email.text),
    html: crlf(email.html),
    date: opts.date,
    messageId: `<${digest.slice(0, 24)}.draft@${domain}>`,
    // Random boundaries would make every run rewrite every draft; these are unique per draft.
    baseBoundary: digest.slice(24, 40),
    headers: { 'X-Unsent': '1' },
    encoding: 'base64',
  });
  return composer.compile().build();
}

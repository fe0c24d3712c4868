// An Outlook draft: `X-Unsent: 1` makes Outlook open the .eml as a message ready to edit and send,
// not as a received one. nodemailer's MailComposer writes the message; the headers that carry
// participants' text (To, Cc, Subject) are encoded here first, with nodemailer's own encoder, because
// it leaves two things a reader gets wrong: a name or subject that looks like an RFC 2047 encoded
// word ("=?utf-8?B?...?=") is written as it is, and mail readers decode it into a different text;
// and a long word of plain ASCII is never folded, so a header line passes the 998 octets RFC 5322
// allows. Here any text that is not plain short words is written as encoded words, which fold.
import { createHash } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { encodeWord, foldLines } from 'nodemailer/lib/mime-funcs';
import { xmlSafe } from '../text.js';
/** Short words of printable ASCII, none looking like the start of an encoded word. */
function isPlainAscii(text) {
    return /^[\x20-\x7e]*$/.test(text) && !text.includes('=?') && text.split(' ').every((w) => w.length <= 60);
}
/** A header's free text (a subject): as it is when plain, otherwise UTF-8 encoded words. */
export function encodeHeaderText(text) {
    const clean = xmlSafe(text);
    return isPlainAscii(clean) ? clean : encodeWord(clean, 'B', 52);
}
/** A display name: a bare word run, a quoted string, or encoded words: never raw text a reader re-reads. */
export function encodeDisplayName(name) {
    const clean = xmlSafe(name);
    if (/^[A-Za-z0-9 ]*$/.test(clean) && isPlainAscii(clean))
        return clean;
    if (isPlainAscii(clean))
        return `"${clean.replace(/(["\\])/g, '\\$1')}"`;
    return encodeWord(clean, 'B', 52);
}
function mailboxList(list) {
    return list.map((m) => (m.name ? `${encodeDisplayName(m.name)} <${m.address}>` : m.address)).join(', ');
}
/**
 * nodemailer will not take a prepared To or Cc (it re-parses and re-quotes address headers), so
 * it writes them with bare addresses (and its own Subject) and this puts ours in their place, folded
 * at 76 columns: no header line comes near 998 octets.
 */
function replaceAddressHeaders(message, lines) {
    const end = message.indexOf('\r\n\r\n');
    const head = message.subarray(0, end).toString('latin1');
    const replaced = head.replace(/^(To|Cc|Subject):[^\r\n]*(?:\r\n[ \t][^\r\n]*)*/gm, (_m, key) => foldLines(`${key}: ${lines[key]}`));
    return Buffer.concat([Buffer.from(replaced, 'latin1'), message.subarray(end)]);
}
function crlf(text) {
    return text.replace(/\r?\n/g, '\r\n');
}
export async function buildEml(email, opts) {
    const digest = createHash('sha256').update(opts.key).update('\0').update(email.subject).update('\0').update(email.text).digest('hex');
    const domain = /@([^>\s]+)/.exec(opts.from ?? '')?.[1] ?? email.to[0]?.address.split('@')[1] ?? 'mentorship.local';
    const composer = new MailComposer({
        ...(opts.from ? { from: opts.from } : {}),
        to: email.to.map((m) => m.address),
        ...(email.cc.length ? { cc: email.cc.map((m) => m.address) } : {}),
        subject: email.subject,
        // CRLF given, rather than `newline: 'win'`, and base64 rather than quoted-printable: both
        // halve the time to build a draft (10,000 of them in a run), and Outlook reads either.
        text: crlf(xmlSafe(email.text)),
        html: crlf(xmlSafe(email.html)),
        date: opts.date,
        messageId: `<${digest.slice(0, 24)}.draft@${domain}>`,
        // Random boundaries would make every run rewrite every draft; these are unique per draft.
        baseBoundary: digest.slice(24, 40),
        headers: {
            'X-Unsent': '1',
        },
        encoding: 'base64',
    });
    const built = await composer.compile().build();
    return replaceAddressHeaders(built, { To: mailboxList(email.to), Cc: mailboxList(email.cc), Subject: encodeHeaderText(email.subject) });
}

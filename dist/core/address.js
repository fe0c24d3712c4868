// Email addresses, strictly: what goes into a To header must be an address every mail system reads
// the same way. The local part is plain ASCII (RFC 5322 dot-atom); the domain is ASCII, or an
// internationalised domain written in its ASCII form (IDNA punycode, "xn--..."), which is what is
// stored. Invisible characters (zero-width, bidi, soft hyphen, non-breaking spaces) are refused,
// not silently dropped: an address that differs invisibly from another is a different person's.
import { domainToASCII } from 'node:url';
const LOCAL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
// Format, control, separator (other than the ASCII space, already trimmed) and private-use characters.
const INVISIBLE = /[\p{Cf}\p{Cc}\p{Z}\p{Co}\p{Cs}]/u;
export function strictEmail(input) {
    const t = input.trim().replace(/^mailto:/i, '').toLowerCase();
    if (t.length > 254 || INVISIBLE.test(t))
        return null;
    const at = t.lastIndexOf('@');
    if (at <= 0 || at > 64)
        return null;
    const local = t.slice(0, at);
    if (!LOCAL.test(local))
        return null;
    const rawDomain = t.slice(at + 1);
    // eslint-disable-next-line no-control-regex
    const domain = /^[\x00-\x7f]*$/.test(rawDomain) ? rawDomain : domainToASCII(rawDomain);
    if (!domain || domain.length > 253)
        return null;
    const labels = domain.split('.');
    if (labels.length < 2 || !labels.every((l) => LABEL.test(l)) || /^\d+$/.test(labels[labels.length - 1]))
        return null;
    return `${local}@${domain}`;
}

// Email templates: front matter, a strict Handlebars body, and the rendered email. Pure: the
// caller reads the file (see src/commands/emails/drafts.ts loadTemplate).
//
//   compileTemplate(source, { name, file, scheme, spec }) -> CompiledTemplate   (throws DataError)
//   template.render(context) -> RenderedEmail { to, cc, subject, text, html }    (throws DataError)
//   template.partnerFields  -> the permitted partner fields it names (for the audit log)
//
// A template file:
//   ---
//   to: {{recipient.name}} <{{recipient.email}}>
//   cc: {{scheme.contact_email}}                 (optional; several addresses separated by ;)
//   subject: Your mentor for {{scheme.name}}
//   ---
//   Dear {{recipient.first_name}}, ...            (the body: plain text, see html.ts for the HTML)
//
// Rendering is strict (an unknown variable is an error) with only the helpers below:
//   {{join list}} / {{join list ", "}}  a list joined with "; " (or the separator given)
//   {{date iso}}                        "31 January 2026"; {{date iso "month"}} "January 2026",
//                                       {{date iso "weekday"}} "Saturday 31 January 2026"
// plus Handlebars' if / unless / each / with. The body is compiled once, without HTML escaping,
// into the plain text; the HTML part is made from that text by html.ts, which escapes all of it.
// Participants' answers are values, never template source, so a "{{" in a bio is just text.
// Recipient lists are split on ";" in the template source, before rendering, so no answer can add
// an address; each piece renders to one mailbox whose name is stripped of line breaks.
import Handlebars from 'handlebars';
import { DataError } from '../../errors.js';
import { strictEmail } from '../address.js';
import { cleanField } from '../text.js';
import { permittedFields } from '../policy/projection.js';
import { checkTemplate } from './check.js';
import { textToHtml } from './html.js';
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
function isOptions(v) {
    return typeof v === 'object' && v !== null && 'hash' in v && 'data' in v;
}
/** "2026-01-31" as "31 January 2026" (British order, no leading zero). */
export function formatDate(value, format = 'long') {
    const m = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})/.exec(value) : null;
    const d = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null;
    if (!m || !d || d.getUTCDate() !== +m[3])
        throw new Error(`date: "${String(value)}" is not a date written YYYY-MM-DD`);
    const day = d.getUTCDate();
    const month = MONTHS[d.getUTCMonth()];
    const year = d.getUTCFullYear();
    switch (format) {
        case 'long':
            return `${day} ${month} ${year}`;
        case 'month':
            return `${month} ${year}`;
        case 'day-month':
            return `${day} ${month}`;
        case 'weekday':
            return `${DAYS[d.getUTCDay()]} ${day} ${month} ${year}`;
        default:
            throw new Error(`date: unknown format "${format}" (use "long", "month", "day-month" or "weekday")`);
    }
}
function joinList(value, separator = '; ') {
    if (Array.isArray(value))
        return value.map(String).filter((v) => v !== '').join(separator);
    if (typeof value === 'string')
        return value;
    throw new Error(`join: expected a list, got ${value === undefined ? 'nothing' : typeof value}`);
}
// One isolated instance: no global helpers or partials can leak in from elsewhere in the process.
const hb = Handlebars.create();
hb.unregisterHelper('lookup');
hb.unregisterHelper('log');
hb.registerHelper('join', (...args) => {
    const params = args.filter((a) => !isOptions(a));
    return joinList(params[0], params[1] === undefined ? undefined : String(params[1]));
});
hb.registerHelper('date', (...args) => {
    const params = args.filter((a) => !isOptions(a));
    return formatDate(params[0], params[1] === undefined ? undefined : String(params[1]));
});
const COMPILE = {
    strict: true,
    knownHelpersOnly: true,
    knownHelpers: { join: true, date: true, lookup: false, log: false },
    noEscape: true,
};
const KEYS = new Set(['to', 'cc', 'subject']);
export function parseFrontMatter(source, file) {
    const lines = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
    const bad = (msg, fix) => new DataError(msg, { file }, fix);
    const example = 'start the file with ---, then to:, subject: (and optionally cc:) lines, then ---, then the body';
    if (lines[0]?.trim() !== '---')
        throw bad('has no front matter', example);
    const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
    if (end < 0)
        throw bad('the front matter is not closed by a --- line', example);
    const fields = new Map();
    for (let i = 1; i < end; i++) {
        const line = lines[i];
        if (line.trim() === '' || line.trim().startsWith('#'))
            continue;
        const m = /^\s*([A-Za-z_-]+)\s*:\s*(.*?)\s*$/.exec(line);
        if (!m)
            throw bad(`line ${i + 1} of the front matter is not "key: value"`, example);
        const key = m[1].toLowerCase();
        if (!KEYS.has(key))
            throw bad(`line ${i + 1}: unknown front matter key "${m[1]}"`, 'the keys are to, cc and subject');
        if (fields.has(key))
            throw bad(`line ${i + 1}: "${key}" is given twice`, 'keep one');
        let value = m[2];
        if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.endsWith(value[0]))
            value = value.slice(1, -1);
        fields.set(key, { value, line: i + 1 });
    }
    for (const key of ['to', 'subject']) {
        if (!fields.get(key)?.value.trim())
            throw bad(`the front matter has no "${key}:" line`, example);
    }
    return { fields, body: lines.slice(end + 1).join('\n'), bodyLine: end + 1 };
}
/** Header text: no line breaks or control characters can survive into a header. */
function headerText(text) {
    return cleanField(text).replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
}
function toMailbox(rendered) {
    const text = headerText(rendered);
    if (!text)
        return null;
    // The address is the last <...>: whatever a name holds, it stays in the name.
    const m = /^(.*)<([^<>]*)>$/.exec(text);
    const written = (m ? m[2] : text).trim();
    const name = cleanField(m ? m[1].trim().replace(/^"(.*)"$/, '$1').trim() : '');
    const address = strictEmail(written);
    if (!address)
        throw new Error(`"${written}" is not an email address (plain ASCII, or a domain in its xn-- form)`);
    return { name, address };
}
/** A template is a page or two of text; these are far beyond any real one (docs/LIMITS.md). */
export const TEMPLATE_LIMITS = { chars: 100_000, depth: 30 };
/**
 * Refuse, before Handlebars parses anything, a template too big or nested too deep: 8,000 nested
 * {{#if}} blocks took Handlebars a minute to refuse. One linear scan of the block tags.
 */
export function checkTemplateSize(source, file) {
    const fix = 'a template is an email: keep it under 100,000 characters and 30 nested blocks ({{#if}}, {{#each}}, {{#with}})';
    let depth = 0;
    let deepest = 0;
    for (const m of source.matchAll(/\{\{~?\s*([#^/])\s*([^\s}~]*)/g)) {
        if (m[1] === '/')
            depth = Math.max(0, depth - 1);
        else if (m[1] === '#' || m[2] !== '')
            deepest = Math.max(deepest, ++depth);
        if (deepest > TEMPLATE_LIMITS.depth) {
            throw new DataError(`the template nests blocks more than ${TEMPLATE_LIMITS.depth} deep`, { file }, fix);
        }
    }
    if (source.length > TEMPLATE_LIMITS.chars) {
        throw new DataError(`the template is ${source.length.toLocaleString('en-GB')} characters long, over the limit of ${TEMPLATE_LIMITS.chars.toLocaleString('en-GB')}`, { file }, fix);
    }
}
export function compileTemplate(source, opts) {
    const { name, file } = opts;
    checkTemplateSize(source, file);
    const parsed = parseFrontMatter(source, file);
    const wrap = (err, offset, where = '') => {
        if (err instanceof DataError)
            return err;
        const raw = err instanceof Error ? err.message : String(err);
        const lines = raw.split('\n').map((l) => l.trim()).filter(Boolean);
        // Handlebars counts lines from the start of the part; the administrator counts from the file.
        let message = (lines.length > 2 ? `${lines[0]} ${lines[lines.length - 1]}` : lines.join(' '))
            .replace(/on line (\d+)/, (_, n) => `on line ${Number(n) + offset}`);
        const missing = /^"([^"]+)" not defined in/.exec(message);
        const line = err.lineNumber;
        if (missing)
            message = `uses "${missing[1]}", which is not in the data this template receives`;
        else
            message = `${where ? `${where}: ` : ''}${message.replace(/ - \d+:\d+$/, '')}`;
        const at = line !== undefined && !/on line/.test(message) ? ` (line ${line + offset})` : '';
        return new DataError(`template ${name}${missing ? ' ' : ', '}${message}${at}`, { file }, `edit ${file}; the comment at the top of each default template lists what it can use`);
    };
    const part = (text, lineOffset) => {
        let ast;
        try {
            ast = hb.parse(text);
        }
        catch (err) {
            throw wrap(err, lineOffset);
        }
        const fields = checkTemplate(ast, { name, file, lineOffset, scheme: opts.scheme, partners: opts.spec.partners });
        const fn = hb.compile(ast, COMPILE);
        return { fn, fields };
    };
    const addressParts = (key) => {
        const f = parsed.fields.get(key);
        if (!f)
            return [];
        // Split in the source, before any data is in it: only the template decides how many addresses.
        return f.value.split(';').filter((p) => p.trim() !== '').map((p) => part(p, f.line - 1));
    };
    const subjectField = parsed.fields.get('subject');
    const subject = part(subjectField.value, subjectField.line - 1);
    const to = addressParts('to');
    const cc = addressParts('cc');
    // Trailing blank lines in the file are layout, not content.
    const body = part(parsed.body.replace(/\s*$/, '\n'), parsed.bodyLine);
    const partnerFields = {};
    for (const p of [subject, body, ...to, ...cc]) {
        for (const [k, list] of Object.entries(p.fields))
            partnerFields[k] = [...new Set([...(partnerFields[k] ?? []), ...list])];
    }
    for (const [k, list] of Object.entries(partnerFields)) {
        partnerFields[k] = permittedFields(opts.scheme, opts.spec.partners[k]).filter((f) => list.includes(f));
    }
    return {
        name,
        file,
        partnerFields: Object.freeze(partnerFields),
        render(context) {
            let step = 'to';
            try {
                const mailboxes = (parts) => parts.map((p) => toMailbox(p.fn(context))).filter((m) => m !== null);
                const toList = mailboxes(to);
                if (toList.length === 0)
                    throw new Error('its "to:" line rendered to no address');
                step = 'cc';
                const ccList = mailboxes(cc);
                step = 'subject';
                const subjectText = headerText(subject.fn(context));
                step = 'body';
                const text = body.fn(context).replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').replace(/^\n+/, '');
                return { to: toList, cc: ccList, subject: subjectText, text, html: textToHtml(text, subjectText) };
            }
            catch (err) {
                throw wrap(err, step === 'body' ? parsed.bodyLine : (parsed.fields.get(step)?.line ?? 1) - 1, step === 'body' ? '' : `${step}: line`);
            }
        },
    };
}

// The HTML part of a draft, made from its rendered plain text. A template body is written once, as
// plain text with light structure, and this turns it into simple HTML:
//   - a blank line separates paragraphs; a line break inside a paragraph is kept (<br>)
//   - a line underlined with ---- (or ====) is a heading
//   - lines starting "- " or "* " form a bulleted list, "1. " a numbered list; an indented line
//     continues the item above it
//   - http(s) links and email addresses become links
// Every character of the text (template wording and participants' answers alike) is escaped here,
// after rendering, so participants' text can never become markup, whatever it holds.
import { xmlSafe } from '../text.js';
const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(text) {
    // Characters XML forbids are no more valid in HTML (and break an XHTML reader): they go too.
    return xmlSafe(text).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}
// Matched on the raw text, then each piece escaped on its own, so a link never swallows markup.
// An address starts where a local part can start, so the scan stays linear in the line length.
const LINKABLE = /\bhttps?:\/\/[^\s<>"'`]+|(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
const TRAILING = /[.,;:!?)\]]+$/;
function inline(text) {
    if (!text.includes('@') && !text.includes('://'))
        return escapeHtml(text);
    let out = '';
    let last = 0;
    for (const m of text.matchAll(LINKABLE)) {
        let target = m[0];
        const trail = TRAILING.exec(target)?.[0] ?? '';
        target = target.slice(0, target.length - trail.length);
        if (!target)
            continue;
        const start = m.index;
        out += escapeHtml(text.slice(last, start));
        const href = target.includes('://') ? target : `mailto:${target}`;
        out += `<a href="${escapeHtml(href)}">${escapeHtml(target)}</a>`;
        last = start + target.length;
    }
    return out + escapeHtml(text.slice(last));
}
const BULLET = /^\s*[-*\u2022]\s+(.*)$/;
const NUMBERED = /^\s*\d{1,3}[.)]\s+(.*)$/;
const UNDERLINE = /^\s*(?:-{3,}|={3,})\s*$/;
function blocks(text) {
    const out = [];
    let para = null;
    let list = null;
    for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
        const line = raw.trimEnd();
        if (line.trim() === '') {
            para = null;
            list = null;
            continue;
        }
        if (UNDERLINE.test(line)) {
            // A line underlined with dashes is a heading, as plain-text emails have always written one.
            const heading = para?.lines.pop();
            if (heading !== undefined) {
                if (para.lines.length === 0)
                    out.splice(out.indexOf(para), 1);
                out.push({ kind: 'h', text: heading });
            }
            else {
                out.push({ kind: 'hr' });
            }
            para = null;
            list = null;
            continue;
        }
        const bullet = BULLET.exec(line);
        const numbered = bullet ? null : NUMBERED.exec(line);
        const kind = bullet ? 'ul' : numbered ? 'ol' : null;
        if (kind) {
            para = null;
            if (list?.kind !== kind) {
                list = { kind, items: [] };
                out.push(list);
            }
            list.items.push([(bullet ?? numbered)[1]]);
        }
        else if (list && /^\s/.test(line)) {
            list.items[list.items.length - 1].push(line.trim());
        }
        else {
            list = null;
            if (!para) {
                para = { kind: 'p', lines: [] };
                out.push(para);
            }
            para.lines.push(line.trim());
        }
    }
    return out;
}
const HEADING_STYLE = 'font-size: 12pt; margin: 1.2em 0 0.4em;';
const BODY_STYLE = 'font-family: Calibri, Arial, Helvetica, sans-serif; font-size: 11pt; line-height: 1.45; color: #222;';
/** A complete HTML document for the text, titled with the subject. */
export function textToHtml(text, title) {
    const parts = blocks(text).map((b) => {
        if (b.kind === 'p')
            return `<p>${b.lines.map(inline).join('<br>\n')}</p>`;
        if (b.kind === 'h')
            return `<h3 style="${HEADING_STYLE}">${inline(b.text)}</h3>`;
        if (b.kind === 'hr')
            return '<hr>';
        const items = b.items.map((lines) => `  <li>${lines.map(inline).join('<br>\n')}</li>`).join('\n');
        return `<${b.kind}>\n${items}\n</${b.kind}>`;
    });
    return [
        '<!DOCTYPE html>',
        '<html lang="en-GB">',
        '<head>',
        '<meta charset="utf-8">',
        `<title>${escapeHtml(title)}</title>`,
        '</head>',
        `<body style="${BODY_STYLE}">`,
        ...parts,
        '</body>',
        '</html>',
        '',
    ].join('\n');
}

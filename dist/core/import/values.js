// Parsing single answers the way form tools and Excel write them. Pure functions, no I/O.
import { strictEmail } from '../address.js';
function pad(n) {
    return String(n).padStart(2, '0');
}
function validDate(y, m, d) {
    if (m < 1 || m > 12 || d < 1)
        return false;
    const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return d <= days;
}
const MONTHS = {
    jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
/**
 * A date (and optional time) as forms, Excel and people write it: ISO, "05/11/2025 10:23",
 * "5.11.2025", "2025/11/05", "5 Nov 2025", an Excel serial number. Returns ISO "YYYY-MM-DD" or
 * "YYYY-MM-DDTHH:MM:SS", or null if it is not a real date.
 */
export function parseDateTime(input, order = 'DMY') {
    const text = input.trim().replace(/\s+(GMT|UTC|BST)([+-]\d+)?$/i, '');
    if (!text)
        return null;
    let y, m, d;
    let rest = '';
    let match;
    if ((match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(.*)$/.exec(text))) {
        y = +match[1];
        m = +match[2];
        d = +match[3];
        rest = match[4];
    }
    else if ((match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(.*)$/.exec(text))) {
        const a = +match[1];
        const b = +match[2];
        y = +match[3];
        if (y < 100)
            y += 2000;
        [d, m] = order === 'DMY' ? [a, b] : [b, a];
        rest = match[4];
    }
    else if ((match = /^(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})(.*)$/.exec(text))) {
        d = +match[1];
        m = MONTHS[match[2].slice(0, 3).toLowerCase()] ?? 0;
        y = +match[3];
        rest = match[4];
    }
    else if ((match = /^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})(.*)$/.exec(text))) {
        m = MONTHS[match[1].slice(0, 3).toLowerCase()] ?? 0;
        d = +match[2];
        y = +match[3];
        rest = match[4];
    }
    else if (/^\d{5}(\.\d+)?$/.test(text)) {
        // An Excel serial date that lost its format on a CSV round trip (days since 1899-12-30).
        const serial = Number(text);
        const ms = Math.round((serial - 25569) * 86400000);
        const dt = new Date(ms);
        const iso = dt.toISOString().slice(0, 19);
        // Midnight is a date alone, as below: a serial a hair off a whole day ("45966.00000000001",
        // Excel's floating point) was stored with "T00:00:00" and read back without it, so every
        // import of the same file "updated" the person.
        return iso.endsWith('T00:00:00') ? iso.slice(0, 10) : iso;
    }
    else {
        return null;
    }
    if (!validDate(y, m, d) || y < 1900 || y > 2200)
        return null;
    const date = `${y}-${pad(m)}-${pad(d)}`;
    const t = /^(?:T|\s+|,\s*)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(am|pm)?(Z|[+-]\d{2}:?\d{2})?$/i.exec(rest);
    if (!rest.trim())
        return date;
    if (!t)
        return null;
    let h = +t[1];
    const ampm = t[4]?.toLowerCase();
    if (ampm === 'pm' && h < 12)
        h += 12;
    if (ampm === 'am' && h === 12)
        h = 0;
    const mi = +t[2];
    const s = t[3] ? +t[3] : 0;
    if (h > 23 || mi > 59 || s > 59)
        return null;
    if (h === 0 && mi === 0 && s === 0)
        return date;
    return `${date}T${pad(h)}:${pad(mi)}:${pad(s)}`;
}
export function parseDate(input, order = 'DMY') {
    const dt = parseDateTime(input, order);
    return dt ? dt.slice(0, 10) : null;
}
/**
 * The words that are a clear yes or a clear no to a consent question, per language. Only the word
 * alone counts (after trimming, case folding and one closing full stop or exclamation mark):
 * "Yes, I do NOT consent", "I agree not to share" and "Oui, mais non" are not clear yes.
 */
export const CONSENT_WORDS = {
    en: { yes: ['yes', 'y', 'true', '1', 'agree', 'i agree', 'i consent', 'consent', 'ok', 'okay'], no: ['no', 'n', 'false', '0', 'disagree', 'i disagree', 'i do not agree', 'i do not consent', 'none', 'not'] },
    fr: { yes: ['oui', "d'accord", "j'accepte"], no: ['non', "je refuse"] },
    de: { yes: ['ja', 'einverstanden'], no: ['nein'] },
    es: { yes: ['sí', 'si', 'de acuerdo'], no: ['no'] },
    it: { yes: ['sì', 'si', "d'accordo"], no: ['no'] },
    pt: { yes: ['sim', 'concordo'], no: ['não', 'nao'] },
    nl: { yes: ['ja', 'akkoord'], no: ['nee'] },
};
export const CONSENT_LANGUAGES = Object.keys(CONSENT_WORDS);
function foldAnswer(input) {
    return input.normalize('NFC').trim().toLocaleLowerCase('und').replace(/\s+/g, ' ');
}
/** The consent rule a scheme sets: its languages (default English and the locale's), its own yes answers. */
export function consentRule(languages, locale, yesAnswers = []) {
    const fromLocale = locale.split('-')[0].toLowerCase();
    const chosen = languages ?? ['en', fromLocale];
    return { languages: [...new Set(chosen.filter((l) => l in CONSENT_WORDS))], yesAnswers: yesAnswers.map(foldAnswer) };
}
const ENGLISH = { languages: ['en'] };
/**
 * A consent answer. Yes only for a clear yes; anything else is no. `recognised` is false when the
 * answer was neither blank nor a clear yes or no word: the import warns, naming the answer.
 */
export function parseYesNo(input, rule = ENGLISH) {
    const folded = foldAnswer(input);
    if (folded === '')
        return { value: false, recognised: true };
    if (rule.yesAnswers?.includes(folded))
        return { value: true, recognised: true };
    const word = folded.replace(/[.!]$/, '');
    const yes = rule.languages.some((l) => CONSENT_WORDS[l].yes.includes(word));
    const no = rule.languages.some((l) => CONSENT_WORDS[l].no.includes(word));
    // A word that is yes in one chosen language and no in another ("no" is no in English) stays no.
    if (yes && !no)
        return { value: true, recognised: true };
    return { value: false, recognised: no };
}
export function parseMeetingPreference(input) {
    const t = input.trim().toLowerCase();
    if (t === '')
        return '';
    if (/^(either|both|no preference|any|flexible|happy with either)/.test(t))
        return 'either';
    if (/^(in[- ]?person|face[- ]to[- ]face|in real life|offline)/.test(t))
        return 'in-person';
    if (/^(online|virtual|video|remote|zoom|teams)/.test(t))
        return 'online';
    return null;
}
const WORDS = { one: 1, two: 2, three: 3, four: 4, five: 5 };
/** Mentor capacity: 1-5, blank means 1; "two" and "2 students" are understood. */
export function parseCapacity(input) {
    const t = input.trim().toLowerCase();
    if (t === '')
        return 1;
    const word = /^(one|two|three|four|five)\b/.exec(t);
    if (word)
        return WORDS[word[1]];
    const num = /^(\d+)(\.0+)?\b/.exec(t);
    if (!num)
        return null;
    const n = Number(num[1]);
    return n >= 1 && n <= 5 ? n : null;
}
export function parseYear(input, maxYear) {
    const t = input.trim();
    if (t === '')
        return null;
    const m = /^(\d{4})(\.0+)?$/.exec(t);
    if (!m)
        return 'invalid';
    const y = Number(m[1]);
    return y >= 1940 && y <= maxYear ? y : 'invalid';
}
/**
 * Unavailable periods: "01/02/2026 - 28/02/2026; 2026-03-01 to 2026-03-15". Blank or "none"
 * means always available.
 */
export function parseUnavailable(input, order = 'DMY') {
    const t = input.trim();
    if (t === '' || /^(none|n\/a|no|-|nope|not applicable)$/i.test(t))
        return [];
    const ranges = [];
    for (const part of t.split(/\s*(?:;|\n|,(?=\s*\d))\s*/)) {
        if (!part)
            continue;
        const halves = splitRange(part);
        if (!halves) {
            const single = parseDate(part, order);
            if (!single)
                return null;
            ranges.push({ from: single, to: single });
            continue;
        }
        const from = parseDate(halves[0], order);
        const to = parseDate(halves[1], order);
        if (!from || !to || to < from)
            return null;
        ranges.push({ from, to });
    }
    return ranges;
}
/** "a..b", "a to b", "a until b", "a – b", "a - b", or "dd/mm/yyyy-dd/mm/yyyy". */
function splitRange(part) {
    for (const sep of [/\.\./, /\s+(?:to|until|till)\s+/i, /\s*[–—]\s*/, /\s+-\s+/]) {
        const m = sep.exec(part);
        if (m)
            return [part.slice(0, m.index).trim(), part.slice(m.index + m[0].length).trim()];
    }
    const compact = /^(\d{1,2}[/.]\d{1,2}[/.]\d{2,4})-(\d{1,2}[/.]\d{1,2}[/.]\d{2,4})$/.exec(part.trim());
    return compact ? [compact[1], compact[2]] : null;
}
export function formatRanges(ranges) {
    return ranges.map((r) => `${r.from}..${r.to}`).join('; ');
}
/** Strict (see src/core/address.ts): ASCII, or an internationalised domain stored as punycode. */
export function normaliseEmail(input) {
    return strictEmail(input);
}
// Most answers need no cleaning: one test that finds nothing is much cheaper than the three
// replacements, on the ten or so text answers of each of 100,000 rows.
const TEXT_NEEDS_CLEANING = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\r]|^\s|\s$/;
const LINE_NEEDS_CLEANING = /[\u0000-\u001f\u007f]|[^\S ]| {2}|^ | $/;
/** Free-text answers (a bio): drop control characters, CRLF to LF, trim. */
export function cleanText(input) {
    if (!TEXT_NEEDS_CLEANING.test(input))
        return input;
    return input.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').replace(/\r\n?/g, '\n').trim();
}
/** One-line answers (a name, a city): as cleanText, and every run of white space one space. */
export function cleanLine(input) {
    if (!LINE_NEEDS_CLEANING.test(input))
        return input;
    return cleanText(input).replace(/\s+/g, ' ');
}
const NUMERIC_DATE = /(?<![\d/.-])(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(?![\d/.-])/g;
/**
 * What one answer shows about the order of its dates: a first part over 12 can only be a day,
 * a second part over 12 only a month's day. 'ambiguous' when it holds dates that settle nothing.
 */
export function dateOrderShown(text) {
    let shown = null;
    for (const m of text.matchAll(NUMERIC_DATE)) {
        const a = +m[1];
        const b = +m[3];
        if (a > 12 && b <= 12)
            return 'DMY';
        if (b > 12 && a <= 12)
            return 'MDY';
        if (a >= 1 && b >= 1 && a <= 12 && b <= 12)
            shown = 'ambiguous';
    }
    return shown;
}
/** The order a column's dates are written in, read from all of its answers. */
export function columnDateOrder(answers) {
    const seen = {};
    let ambiguous = false;
    for (const a of answers) {
        const shown = dateOrderShown(a.value);
        if (shown === 'ambiguous')
            ambiguous = true;
        else if (shown && !seen[shown])
            seen[shown] = a;
    }
    if (seen.DMY && seen.MDY)
        return { order: null, conflict: { DMY: seen.DMY, MDY: seen.MDY }, ambiguous };
    return { order: seen.DMY ? 'DMY' : seen.MDY ? 'MDY' : null, ambiguous };
}

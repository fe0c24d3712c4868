// The cell values our writers accept, and the CSV-injection rule shared by the CSV and XLSX writers.
export const LIST_JOINER = '; ';
/** Characters that make Excel or LibreOffice treat a CSV cell as a formula (OWASP CSV injection). */
const ESCAPABLE = /^'*[=+\-@\t\r]/;
const ESCAPED = /^'+[=+\-@\t\r]/;
/** The first characters ESCAPABLE can match at: an apostrophe or one it escapes. */
const FIRST = new Set([..."'=+-@\t\r"].map((c) => c.charCodeAt(0)));
/**
 * Where a spreadsheet may start a cell inside ours: Excel opens a CSV with the system's list
 * separator, ";" in much of Europe, or tab, and a file split on the wrong character ignores our
 * quotes, so "Analyst;=1+1" becomes the cells "Analyst" and "=1+1"; a line break inside a quoted
 * cell starts a new row. After any of , ; tab CR LF, a formula character gets the same apostrophe
 * (and the same one-more rule) as at the start, so the cell is text under every separator.
 */
const INSIDE_ESCAPABLE = /([,;\t\r\n])('*[=+\-@])/g;
const INSIDE_ESCAPED = /([,;\t\r\n])'('*[=+\-@])/g;
const INSIDE_TEST = /[,;\t\r\n]'*[=+\-@]/;
/**
 * Prefix a cell that would start a formula with an apostrophe, which spreadsheets show as text,
 * and do the same after each separator inside it (above). A text that already has apostrophes
 * before such a character gets one more, so that reading back (unescapeFormula) returns exactly
 * what was written.
 */
export function escapeFormula(text) {
    const inside = INSIDE_TEST.test(text) ? text.replace(INSIDE_ESCAPABLE, "$1'$2") : text;
    // Nearly every cell starts with a letter or digit: a look at the first character settles it.
    if (!FIRST.has(inside.charCodeAt(0)))
        return inside;
    return ESCAPABLE.test(inside) ? `'${inside}` : inside;
}
/** Undo escapeFormula when reading back a file we wrote (or the administrator re-saved). */
export function unescapeFormula(text) {
    // Both rules remove an apostrophe: a cell without one (nearly all) is read back as it is.
    if (!text.includes("'"))
        return text;
    const start = ESCAPED.test(text) ? text.slice(1) : text;
    return INSIDE_TEST.test(start) ? start.replace(INSIDE_ESCAPED, '$1$2') : start;
}
export function cellText(value) {
    if (value === null || value === undefined)
        return '';
    if (Array.isArray(value))
        return value.join(LIST_JOINER);
    if (value instanceof Date)
        return value.toISOString().slice(0, 10);
    if (typeof value === 'number')
        return Number.isFinite(value) ? String(value) : '';
    if (typeof value === 'boolean')
        return value ? 'yes' : 'no';
    return String(value);
}

// Text hygiene, pure. Participants' answers are cleaned once, where they enter (the import planner
// calls cleanField on every cell it reads); the writers and the terminal apply the narrower rule of
// their own format again, so that nothing read from a hand-edited file can break them either.
//
//   cleanField(text)    at the boundary: terminal escape sequences, C1 controls, bidi overrides and
//                       isolates, and everything xmlSafe removes. Tab, LF, CR stay (cleanText and
//                       cleanLine decide about them per field).
//   xmlSafe(text)       the characters XML 1.0 forbids: C0 controls other than tab, LF and CR,
//                       U+FFFE, U+FFFF and lone surrogates. For XLSX, HTML and email.
//   terminalSafe(text)  what a terminal would obey, for stderr/stdout: as cleanField, plus every
//                       C0 control other than tab and LF.
// ESC followed by a CSI (ESC [ ... final byte), an OSC/DCS/APC/PM/SOS string (up to BEL or ESC \),
// or any single character: the whole sequence goes, not just the ESC, so no "[31m" is left behind.
// The 8-bit forms (CSI U+009B, OSC U+009D, DCS, SOS, PM, APC) go the same way, with their text.
const ESCAPE_SEQUENCE = /\u001b(?:\[[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]?|[\]P^_X][^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|[\u0020-\u007e]?)|\u009b[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]?|[\u0090\u0098\u009d\u009e\u009f][^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?/g;
// 8-bit C1 controls (U+0080-U+009F, among them the one-character CSI U+009B).
const C1 = '\u0080-\u009f';
// Bidi embeddings and overrides (U+202A-U+202E) and isolates (U+2066-U+2069). Right-to-left text
// needs none of them (the Unicode bidi algorithm orders it); they exist to disguise text.
const BIDI_CONTROLS = '\u202a-\u202e\u2066-\u2069';
const XML_FORBIDDEN_CLASS = '\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff';
const LONE_SURROGATE = '[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]';
const XML_FORBIDDEN = new RegExp(`[${XML_FORBIDDEN_CLASS}]|${LONE_SURROGATE}`, 'g');
const XML_TEST = new RegExp(`[${XML_FORBIDDEN_CLASS}]|${LONE_SURROGATE}`);
const FIELD_UNSAFE = new RegExp(`[${C1}${BIDI_CONTROLS}]`, 'g');
// One cheap test first: nearly every answer has nothing to clean.
const FIELD_TEST = new RegExp(`[\u001b${C1}${BIDI_CONTROLS}${XML_FORBIDDEN_CLASS}\ud800-\udfff]`);
const TERMINAL_UNSAFE = new RegExp(`[\u0000-\u0008\u000b-\u001f\u007f${C1}${BIDI_CONTROLS}\ufffe\uffff]|${LONE_SURROGATE}`, 'g');
const TERMINAL_TEST = new RegExp(`[\u0000-\u0008\u000b-\u001f\u007f${C1}${BIDI_CONTROLS}\ufffe\uffff\ud800-\udfff]`);
export function xmlSafe(text) {
    return XML_TEST.test(text) ? text.replace(XML_FORBIDDEN, '') : text;
}
export function cleanField(text) {
    if (!FIELD_TEST.test(text))
        return text;
    return text.replace(ESCAPE_SEQUENCE, '').replace(FIELD_UNSAFE, '').replace(XML_FORBIDDEN, '');
}
// Colour (SGR) sequences, the only ones the tool itself prints (chalk), kept when colour is on.
const SGR = /^\u001b\[[0-9;]*m$/;
export function terminalSafe(text, keepColours = false) {
    if (!TERMINAL_TEST.test(text))
        return text;
    return text.replace(ESCAPE_SEQUENCE, (seq) => (keepColours && SGR.test(seq) ? seq : '')).replace(TERMINAL_UNSAFE, (c) => (c === '\u001b' ? c : ''));
}

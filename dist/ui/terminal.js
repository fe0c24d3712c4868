// Everything printed goes through here (src/main.ts): nothing read from a file can make the
// terminal obey it, whichever command prints it and whether or not the import cleaned it.
import { terminalSafe } from '../core/text.js';
export { terminalSafe };
// JSON.stringify escapes C0 controls but writes C1 controls, bidi controls, U+FFFE/U+FFFF and lone
// surrogates raw; as \u escapes they are the same JSON value and inert on a terminal.
const JSON_RAW_UNSAFE = /[\u0080-\u009f\u202a-\u202e\u2066-\u2069\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
export function jsonForTerminal(value) {
    return JSON.stringify(value, null, 2).replace(JSON_RAW_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

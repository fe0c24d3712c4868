// Multi-select answers: split against the known options, then map synonyms to one canonical value.
// Splitting needs the option list because an option may itself contain the separator
// ("Think Tanks, Research & Policy Analysis" in a Google Forms ", "-joined answer). No CSV or
// form library knows a scheme's options, so this is written here.
export function vocabKey(text) {
    return text
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/&/g, ' and ')
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim();
}
export class Vocabulary {
    entries;
    byKey = new Map();
    /** Answers repeat across thousands of rows: remember what each spelling normalised to. */
    cache = new Map();
    /** Every spelling we know, longest first, for splitting. */
    spellings;
    /** `options`: whole options found in the file (see commaOptions), known for splitting only. */
    constructor(entries, options = []) {
        this.entries = entries;
        const spellings = new Set(options);
        for (const e of entries) {
            this.byKey.set(vocabKey(e.value), e.value);
            spellings.add(e.value);
            for (const s of e.synonyms) {
                if (!this.byKey.has(vocabKey(s)))
                    this.byKey.set(vocabKey(s), e.value);
                spellings.add(s);
            }
        }
        this.spellings = [...spellings].sort((a, b) => b.length - a.length);
    }
    /** The same vocabulary, also splitting answers at these whole options (still reported unknown). */
    withOptions(options) {
        return options.length ? new Vocabulary(this.entries, [...this.spellings, ...options]) : this;
    }
    get size() {
        return this.byKey.size;
    }
    canonical(text) {
        let hit = this.cache.get(text);
        if (hit === undefined) {
            hit = this.byKey.get(vocabKey(text)) ?? null;
            if (this.cache.size < 100_000)
                this.cache.set(text, hit);
        }
        return hit ?? undefined;
    }
    /** Split and normalise one answer. Unknown values are kept as typed and returned separately. */
    parse(answer, separator) {
        const values = [];
        const unknown = [];
        for (const part of splitOptions(answer, separator, this.spellings)) {
            const canon = this.canonical(part);
            const value = canon ?? part;
            if (!canon)
                unknown.push(part);
            if (!values.includes(value))
                values.push(value);
        }
        return { values, unknown };
    }
}
const lowerCache = new Map();
function lowered(k) {
    let l = lowerCache.get(k);
    if (l === undefined) {
        l = k.toLowerCase();
        lowerCache.set(k, l);
    }
    return l;
}
function isSeparatorAt(text, i, seps) {
    for (const s of seps)
        if (text.startsWith(s, i))
            return s.length;
    return 0;
}
/**
 * Split `answer` on `separator` (and always on ";" and new lines), preferring at each position the
 * longest known option that ends at a separator or the end of the text.
 */
export function splitOptions(answer, separator, known) {
    const text = (answer.includes('\r') ? answer.replace(/\r\n?/g, '\n') : answer).trim();
    if (!text)
        return [];
    // No option contains ";" or a line break, so those separators need no option list.
    if (separator.trim() === ';' || !text.includes(separator.trim())) {
        return [...new Set(text.split(/[;\n]/).map((p) => p.trim()).filter(Boolean))];
    }
    return splitSpans(text, separator, known).map((p) => p.text);
}
/** splitOptions' split of a cleaned answer, with where each piece is in it. */
function splitSpans(text, separator, known) {
    const seps = [...new Set([separator, separator.trim(), ';', '\n'].filter((s) => s.length > 0))].sort((a, b) => b.length - a.length);
    const lower = text.toLowerCase();
    const out = [];
    let i = 0;
    while (i < text.length) {
        while (i < text.length && (text[i] === ' ' || isSeparatorAt(text, i, seps) > 0))
            i += Math.max(1, isSeparatorAt(text, i, seps));
        if (i >= text.length)
            break;
        let taken = 0;
        for (const k of known) {
            if (k.length === 0 || !lower.startsWith(lowered(k), i))
                continue;
            const end = i + k.length;
            let j = end;
            while (j < text.length && text[j] === ' ')
                j++;
            if (j >= text.length || isSeparatorAt(text, j, seps) > 0) {
                taken = k.length;
                break;
            }
        }
        if (taken === 0) {
            let j = i;
            while (j < text.length && isSeparatorAt(text, j, seps) === 0)
                j++;
            taken = j - i;
        }
        const piece = text.slice(i, i + taken).trim();
        if (piece)
            out.push({ text: piece, start: i, end: i + text.slice(i, i + taken).trimEnd().length });
        i += taken;
    }
    return out;
}
/**
 * Options that contain the separator and that the vocabulary does not know ("Sore, burning or
 * itchy eyes" in a ", "-joined answer), found from the whole file: unknown fragments that never
 * appear alone but always together, in order, are one option. Seen once only, or after different
 * fragments, the second must start in lower case (a sentence going on, not a second option).
 */
export function commaOptions(answers, separator, vocab) {
    if (!separator.includes(','))
        return [];
    const count = new Map();
    const next = new Map();
    const prev = new Map();
    const gap = new Map();
    const bump = (m, a, b) => {
        const inner = m.get(a) ?? new Map();
        inner.set(b, (inner.get(b) ?? 0) + 1);
        m.set(a, inner);
    };
    for (const answer of answers) {
        // Answers without a comma count too: they are where a fragment appears alone.
        const text = answer.replace(/\r\n?/g, '\n').trim();
        if (!text)
            continue;
        const spans = splitSpans(text, separator, vocab.spellings);
        spans.forEach((p, k) => {
            if (vocab.canonical(p.text))
                return;
            count.set(p.text, (count.get(p.text) ?? 0) + 1);
            const q = spans[k + 1];
            if (q && !vocab.canonical(q.text)) {
                bump(next, p.text, q.text);
                bump(prev, q.text, p.text);
                gap.set(`${p.text}\u0000${q.text}`, text.slice(p.end, q.start));
            }
        });
    }
    /** Always followed, wherever it appears, by one same fragment: never alone. */
    const follower = (f) => {
        const n = next.get(f);
        if (!n || n.size !== 1)
            return undefined;
        const [g, times] = [...n][0];
        return times === count.get(f) ? g : undefined;
    };
    /**
     * g goes on after f: f is always followed by g, and g never appears without a fragment that
     * is always followed by it (two options may share their last part: "Sore, itchy", "Dry, itchy").
     */
    const partner = (f) => {
        const g = follower(f);
        if (g === undefined)
            return undefined;
        const before = prev.get(g);
        const total = [...before.values()].reduce((a, b) => a + b, 0);
        if (total !== count.get(g) || [...before.keys()].some((p) => follower(p) !== g))
            return undefined;
        // Seen once, or after different fragments, it must read as a sentence going on (lower case).
        const goesOn = /^\p{Ll}/u.test(g);
        return goesOn || (count.get(g) >= 2 && before.size === 1) ? g : undefined;
    };
    const options = [];
    for (const f of count.keys()) {
        // Start at the head of a chain: a fragment that does not go on after another.
        if ([...(prev.get(f)?.keys() ?? [])].some((p) => partner(p) === f))
            continue;
        let option = f;
        const seen = new Set([f]);
        for (let at = f, g = partner(f); g !== undefined && !seen.has(g); at = g, g = partner(g)) {
            option += gap.get(`${at}\u0000${g}`) + g;
            seen.add(g);
        }
        if (option !== f)
            options.push(option);
    }
    return options;
}

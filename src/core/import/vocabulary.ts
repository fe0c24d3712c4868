// Multi-select answers: split against the known options, then map synonyms to one canonical value.
// Splitting needs the option list because an option may itself contain the separator
// ("Think Tanks, Research & Policy Analysis" in a Google Forms ", "-joined answer). No CSV or
// form library knows a scheme's options, so this is written here.

export interface VocabularyEntryLike {
  value: string;
  synonyms: readonly string[];
}

export function vocabKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export class Vocabulary {
  private readonly byKey = new Map<string, string>();
  /** Answers repeat across thousands of rows: remember what each spelling normalised to. */
  private readonly cache = new Map<string, string | null>();
  /** Every spelling we know, longest first, for splitting. */
  readonly spellings: string[];

  constructor(entries: readonly VocabularyEntryLike[]) {
    const spellings = new Set<string>();
    for (const e of entries) {
      this.byKey.set(vocabKey(e.value), e.value);
      spellings.add(e.value);
      for (const s of e.synonyms) {
        if (!this.byKey.has(vocabKey(s))) this.byKey.set(vocabKey(s), e.value);
        spellings.add(s);
      }
    }
    this.spellings = [...spellings].sort((a, b) => b.length - a.length);
  }

  get size(): number {
    return this.byKey.size;
  }

  canonical(text: string): string | undefined {
    let hit = this.cache.get(text);
    if (hit === undefined) {
      hit = this.byKey.get(vocabKey(text)) ?? null;
      if (this.cache.size < 100_000) this.cache.set(text, hit);
    }
    return hit ?? undefined;
  }

  /** Split and normalise one answer. Unknown values are kept as typed and returned separately. */
  parse(answer: string, separator: string): { values: string[]; unknown: string[] } {
    const values: string[] = [];
    const unknown: string[] = [];
    for (const part of splitOptions(answer, separator, this.spellings)) {
      const canon = this.canonical(part);
      const value = canon ?? part;
      if (!canon) unknown.push(part);
      if (!values.includes(value)) values.push(value);
    }
    return { values, unknown };
  }
}

const lowerCache = new Map<string, string>();
function lowered(k: string): string {
  let l = lowerCache.get(k);
  if (l === undefined) {
    l = k.toLowerCase();
    lowerCache.set(k, l);
  }
  return l;
}

function isSeparatorAt(text: string, i: number, seps: readonly string[]): number {
  for (const s of seps) if (text.startsWith(s, i)) return s.length;
  return 0;
}

/**
 * Split `answer` on `separator` (and always on ";" and new lines), preferring at each position the
 * longest known option that ends at a separator or the end of the text.
 */
export function splitOptions(answer: string, separator: string, known: readonly string[]): string[] {
  const text = (answer.includes('\r') ? answer.replace(/\r\n?/g, '\n') : answer).trim();
  if (!text) return [];
  // No option contains ";" or a line break, so those separators need no option list.
  if (separator.trim() === ';' || !text.includes(separator.trim())) {
    return [...new Set(text.split(/[;\n]/).map((p) => p.trim()).filter(Boolean))];
  }
  const seps = [...new Set([separator, separator.trim(), ';', '\n'].filter((s) => s.length > 0))].sort((a, b) => b.length - a.length);
  const lower = text.toLowerCase();
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && (text[i] === ' ' || isSeparatorAt(text, i, seps) > 0)) i += Math.max(1, isSeparatorAt(text, i, seps));
    if (i >= text.length) break;
    let taken = 0;
    for (const k of known) {
      if (k.length === 0 || !lower.startsWith(lowered(k), i)) continue;
      const end = i + k.length;
      let j = end;
      while (j < text.length && text[j] === ' ') j++;
      if (j >= text.length || isSeparatorAt(text, j, seps) > 0) {
        taken = k.length;
        break;
      }
    }
    if (taken === 0) {
      let j = i;
      while (j < text.length && isSeparatorAt(text, j, seps) === 0) j++;
      taken = j - i;
    }
    const piece = text.slice(i, i + taken).trim();
    if (piece) out.push(piece);
    i += taken;
  }
  return out;
}

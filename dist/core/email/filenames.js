// File names made from people's names. Whatever a name holds, the result is [a-z0-9-] only, so it
// cannot hold a separator, "..", or start with a dot: it cannot leave its folder (SPEC 10).
import { createHash } from 'node:crypto';
const MAX_SLUG = 40;
export function slugify(text) {
    const ascii = text
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        // Letters NFKD does not decompose, as people would spell them in ASCII.
        .replace(/ß/g, 'ss').replace(/[Ææ]/g, 'ae').replace(/[Œœ]/g, 'oe').replace(/[Øø]/g, 'o')
        .replace(/[Łł]/g, 'l').replace(/[Đđ]/g, 'd').replace(/[Þþ]/g, 'th').replace(/ı/g, 'i')
        .toLowerCase();
    const slug = ascii.replace(/['\u2019]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
    return slug.slice(0, MAX_SLUG).replace(/-+$/, '') || 'person';
}
export function shortHash(text, length = 8) {
    return createHash('sha256').update(text).digest('hex').slice(0, length);
}
/**
 * Unique base names for a batch: slug of the label plus a hash of the stable key, so a draft
 * keeps its file name from run to run whatever else changes. A clash (same slug, same short hash)
 * lengthens the hash.
 */
export function uniqueBaseNames(items) {
    const used = new Set();
    return items.map(({ label, key }) => {
        const slug = slugify(label);
        for (let attempt = 0;; attempt++) {
            const base = attempt < 4 ? `${slug}-${shortHash(key, 8 + attempt * 4)}` : `${slug}-${shortHash(key, 20)}-${attempt}`;
            if (!used.has(base)) {
                used.add(base);
                return base;
            }
        }
    });
}

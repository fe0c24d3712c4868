// The manifest of generated files (.mentorship/generated.json): what mentorship wrote, with each
// file's digest, so that a generated file a person edited is never replaced without --force.
import * as path from 'node:path';
import { z } from 'zod';
import { sha256 } from './bytes.js';
import { DataError } from '../errors.js';
import { nodeFs } from './fs-port.js';
import { patiently } from './held.js';
import { MANIFEST, MANIFEST_PATH, STATE_DIR } from './state.js';
export { MANIFEST, MANIFEST_PATH, STATE_DIR };
const Manifest = z.record(z.string(), z.string());
/** The manifest; an unreadable or malformed one counts as empty (every generated file then needs --force). */
export function readManifest(root, port = nodeFs) {
    const file = path.join(root, MANIFEST_PATH);
    let text;
    try {
        // Held open by another program: waited for, then said (read as empty, every generated file
        // would look edited by a person).
        text = patiently(port, root, file, () => port.readFileSync(file, 'utf8'));
    }
    catch (err) {
        if (err instanceof DataError)
            throw err;
        return {};
    }
    try {
        const parsed = Manifest.safeParse(JSON.parse(text));
        return parsed.success ? parsed.data : {};
    }
    catch {
        return {};
    }
}
export function manifestText(manifest) {
    return Buffer.from(`${JSON.stringify(manifest, null, 1)}\n`);
}
/**
 * What mentorship wrote into a workspace: whether it wrote a file, and whether that file is still
 * exactly as written (safe to replace or remove without --force). Read once, ask many times.
 */
export function generatedFiles(root, port = nodeFs) {
    const manifest = readManifest(root, port);
    return {
        wrote: (rel) => Boolean(manifest[rel]),
        untouched: (rel) => {
            const known = manifest[rel];
            if (!known)
                return false;
            try {
                return sha256(port.readFileSync(path.join(root, rel))) === known;
            }
            catch {
                return false;
            }
        },
    };
}

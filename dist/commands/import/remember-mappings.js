// After a successful import, the columns mapped by hand (--map or the prompt) are remembered in
// scheme.json as exact header rules for that kind of file, so next week's download of the same
// form imports with no flags. The file is rewritten from its own JSON, not from the parsed scheme,
// so the administrator's settings stay as they wrote them.
import * as fs from 'node:fs';
import { DataError } from '../../errors.js';
import { rememberRules } from '../../core/import/columns.js';
import { SCHEME_FILE } from '../../workspace/workspace.js';
export function stageRememberedMappings(tx, ws, target, chosen, stale) {
    const r = rememberRules(ws.scheme.mappings[target], chosen, stale);
    if (!r.added.length && !r.replaced.length)
        return { added: [], replaced: [] };
    let raw;
    try {
        raw = JSON.parse(fs.readFileSync(ws.abs(SCHEME_FILE), 'utf8').replace(/^\uFEFF/, ''));
    }
    catch (err) {
        throw new DataError(`cannot read scheme.json to remember the mappings: ${err.message}`, { file: SCHEME_FILE }, 'run the import again; if it persists, check scheme.json');
    }
    raw.mappings = { ...(raw.mappings ?? {}), [target]: r.rules };
    tx.write(SCHEME_FILE, `${JSON.stringify(raw, null, 2)}\n`, { generated: false });
    return { added: r.added, replaced: r.replaced };
}
/** The summary's lines about what was remembered. */
export function rememberedLines(target, r, dryRun) {
    if (!r.added.length && !r.replaced.length)
        return [];
    const verb = dryRun ? 'would remember' : 'remembered';
    const rules = r.added.map((a) => `"${a.header}" = ${a.field}`).join(', ');
    const lines = r.added.length ? [`${verb} in scheme.json (mappings.${target}) for the next import of this form: ${rules}`] : [];
    for (const old of r.replaced)
        lines.push(`${dryRun ? 'would replace' : 'replaced'} the remembered column "${old.header}" (${old.field}), which is no longer in the file`);
    return lines;
}

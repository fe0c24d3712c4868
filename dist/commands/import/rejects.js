// The one writer of rejects files, for every kind of import: each input file's rejected rows go to
// out/rejects/ under a name of their own, so that the administrator can fix them and import again.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REJECT_PREFIX } from '../../core/import/columns.js';
import { csvLine, excelCsvChunks } from '../../io/csv-write.js';
import { generatedFiles } from '../../io/transaction.js';
import { REJECTS_DIR } from '../../workspace/layout.js';
/**
 * The rejected rows as an Excel-ready CSV, in chunks of lines: when a whole big export is rejected
 * (a wrong preset, say), one string of it and its copies would take several times its size.
 */
function rejectsCsv(rows) {
    const headers = rows[0].headers;
    // How to read the file again with no options: the layout and list separator of its source.
    const keys = ['file', 'row', 'column', 'value', 'reason', ...(rows[0].layout ? ['layout'] : [])];
    const meta = keys.map((k) => ({ key: `__${k}`, header: `${REJECT_PREFIX}${k}` }));
    const columns = [...meta, ...headers.map((h, i) => ({ key: `c${i}`, header: h }))];
    return excelCsvChunks(columns, rows.map((r) => {
        const out = {
            __file: r.file,
            __row: String(r.row),
            __column: r.problems.map((p) => p.column).join('; '),
            __value: r.problems.map((p) => p.value).join('; '),
            __reason: r.problems.map((p) => p.reason).join('; '),
            __layout: r.layout ?? '',
        };
        headers.forEach((_, i) => {
            out[`c${i}`] = r.cells[i] ?? '';
        });
        return Buffer.from(csvLine(columns, out), 'utf8');
    }));
}
function stemOf(file) {
    // Composed, as most file systems keep it (macOS decomposes "é" itself). A rejects file imported
    // again keeps its name: never "x.rejects.rejects.csv".
    const stem = path.basename(file, path.extname(file)).normalize('NFC').replace(/(\.rejects)+$/i, '');
    return stem.replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/^\.+/, '').slice(0, 80) || 'input';
}
/**
 * The names Windows and macOS would take for one file (case and Unicode normalisation aside) are
 * one name: "A.csv" and "a.csv" must not share a rejects file there either.
 */
function nameKey(name) {
    return name.normalize('NFC').toUpperCase().toLowerCase();
}
/**
 * Each input file's rejects file, in the order the files are given: `<stem>.rejects.csv` for
 * students and mentors, `<kind>-<stem>.rejects.csv` for meetings and feedback (so that a check-in
 * export and a survey export of one name stay apart); a name already taken in this run gets -2,
 * -3, ... Pure: the names depend only on the files' names.
 */
export function rejectsNames(kind, files) {
    const names = new Map();
    const taken = new Set();
    for (const file of files) {
        if (names.has(file))
            continue;
        const stem = stemOf(file);
        const base = kind === 'students' || kind === 'mentors' || stem.toLowerCase().startsWith(kind) ? stem : `${kind}-${stem}`;
        let name = base;
        for (let n = 2; taken.has(nameKey(name)); n++)
            name = `${base}-${n}`;
        taken.add(nameKey(name));
        names.set(file, `${REJECTS_DIR}/${name}.rejects.csv`);
    }
    return names;
}
/**
 * Stage the rejects files of one import; returns their paths. Rows rejected for what the
 * workspace holds (no cells: a person already on the other side) need no fixing in the file, so
 * they are reported but not written.
 */
export function stageRejects(tx, kind, files, rejects, 
/** Whether a rejects file may be replaced (absent, or as mentorship wrote it); else a new name is taken. */
replaceable = () => true, notes = []) {
    const byFile = new Map();
    for (const r of rejects) {
        if (r.headers.length === 0)
            continue;
        const list = byFile.get(r.file);
        if (list)
            list.push(r);
        else
            byFile.set(r.file, [r]);
    }
    // Named in the order the files were given, among those with rows to fix.
    const names = rejectsNames(kind, [...files, ...byFile.keys()].filter((f) => byFile.has(f)));
    const written = [];
    const used = new Set(names.values());
    for (const [file, rows] of byFile) {
        let rel = names.get(file);
        if (!replaceable(rel)) {
            // The administrator's edits (a rejects file fixed in place) are never overwritten, and never
            // block this import: the new rejected rows go beside it.
            const kept = rel;
            const base = rel.replace(/\.rejects\.csv$/, '');
            for (let n = 2; used.has(rel) || !replaceable(rel); n++)
                rel = `${base}-${n}.rejects.csv`;
            used.add(rel);
            notes.push(`${kept} was changed since mentorship wrote it, so it is kept as it is; this import's rejected rows from ${file} are in ${rel}`);
        }
        tx.write(rel, rejectsCsv(rows));
        written.push(rel);
    }
    return written;
}
/** A rejects file may be replaced when it is absent, or exactly as mentorship wrote it. */
export function replaceableIn(ws) {
    const generated = generatedFiles(ws.root);
    return (rel) => !fs.existsSync(path.join(ws.root, rel)) || generated.untouched(rel);
}

import { MENTOR_FIELDS, STUDENT_FIELDS } from '../types.js';
import { qualtricsColumns, qualtricsDropReason, qualtricsKind } from './qualtrics.js';
const CANONICAL = new Set([...STUDENT_FIELDS, ...MENTOR_FIELDS, 'meeting', 'date', 'extra']);
function norm(h) {
    return h.trim().toLowerCase();
}
/** What a rejects file records of its source, to be read again with no options. */
export function describeLayout(layout) {
    return `${layout.preset}; lists joined by "${layout.listSeparator}"`;
}
const PRESETS = new Set(['msforms', 'googleforms', 'qualtrics', 'canonical', 'generic']);
/** A rejects file we wrote: one header row, headed by field names where its source had a field. */
function rejectsLayout(first, rows) {
    const at = first.findIndex((h) => norm(h) === 'reject: layout');
    if (at < 0)
        return null;
    const recorded = rows.slice(1).map((r) => (r[at] ?? '').trim()).find(Boolean) ?? '';
    const m = /^(\w+); lists joined by "(.*)"$/.exec(recorded);
    if (!m || !PRESETS.has(m[1]))
        return null;
    return { preset: m[1], headers: first, firstDataIndex: 1, listSeparator: m[2], dropReason: () => null, variant: 'rejects file' };
}
export function detectLayout(rows, requested, scheme) {
    const first = (rows[0] ?? []).map((h) => h.trim());
    const lower = first.map(norm);
    const rejects = requested === 'auto' ? rejectsLayout(first, rows) : null;
    if (rejects)
        return rejects;
    const kind = qualtricsKind(rows);
    let preset;
    if (requested !== 'auto')
        preset = requested;
    else if (kind)
        preset = 'qualtrics';
    else if (lower.includes('id') && lower.includes('start time') && lower.includes('completion time'))
        preset = 'msforms';
    else if (lower[0] === 'timestamp' || (lower.includes('timestamp') && lower.includes('email address')))
        preset = 'googleforms';
    else if (lower.includes('email') && lower.filter((h) => CANONICAL.has(h)).length >= Math.min(3, lower.length))
        preset = 'canonical';
    else
        preset = 'generic';
    if (preset === 'qualtrics') {
        const cols = qualtricsColumns(rows, kind ?? 'three-row');
        const { statusAt: _s, channelAt: _c, ...shown } = cols;
        return {
            preset,
            ...shown,
            listSeparator: scheme.presets.qualtrics.list_separator,
            dropReason: (row) => qualtricsDropReason(row, cols.statusAt, cols.channelAt),
        };
    }
    const separator = preset === 'msforms' ? scheme.presets.msforms.list_separator :
        preset === 'googleforms' ? scheme.presets.googleforms.list_separator :
            ';';
    return { preset, headers: first, firstDataIndex: 1, listSeparator: separator, dropReason: () => null };
}

// Qualtrics' three export layouts, read the same way:
// - current (2017 on): row 1 export names, row 2 question texts, row 3 `{"ImportId":"QID1"}`;
// - 2016 ("Insights"): the same, but row 3 is written `{'ImportId': 'QID1'}` (Python quotes);
// - legacy: row 1 `V1..V10` then export names, row 2 `ResponseID, ResponseSet, ... Status ...`.
// The ImportId (or the legacy label) names the bookkeeping columns whatever the label's language.
const IMPORT_ID = /^\{\s*(["'])ImportId\1\s*:\s*(["'])(.*?)\2/;
function importIdOf(cell) {
    const m = IMPORT_ID.exec(cell.trim());
    return m ? m[3] : null;
}
/** Row 3 of the three-row layouts: every filled cell is an ImportId (an answer never is, all of them). */
function importIdRowKind(row) {
    const filled = (row ?? []).filter((c) => c.trim() !== '');
    if (filled.length < 2 || !filled.every((c) => importIdOf(c) !== null))
        return null;
    return filled[0].trim().startsWith('{"') ? 'json' : 'python';
}
const lower = (c) => (c ?? '').trim().toLowerCase();
export function qualtricsKind(rows) {
    const first = (rows[0] ?? []).map(lower);
    const second = (rows[1] ?? []).map(lower);
    if (first[0] === 'v1' && first[1] === 'v2' && first[2] === 'v3' && second.includes('responseid'))
        return 'legacy';
    const third = importIdRowKind(rows[2]);
    if (third)
        return third === 'json' ? 'three-row' : 'three-row-2016';
    if (first.includes('responseid') || (first.includes('startdate') && first.includes('enddate')))
        return 'two-row';
    return null;
}
/** Qualtrics' own columns (ImportIds, lower case, `panel-`/`location-` prefixes removed). */
const SYSTEM = new Set([
    'startdate', 'enddate', 'status', 'ipaddress', 'progress', 'duration', 'finished', 'recordeddate', '_recordid',
    'responseid', 'responsesetid', 'responseset', 'recipientlastname', 'recipientfirstname', 'recipientemail',
    'externaldatareference', 'externalreference', 'locationlatitude', 'locationlongitude', 'locationaccuracy',
    'distributionchannel', 'userlanguage', 'timezone', 'name', 'emailaddress',
]);
function systemId(id) {
    return id.toLowerCase().replace(/^(panel|location)-/, '');
}
export function qualtricsColumns(rows, kind) {
    const row1 = rows[0] ?? [];
    const row2 = rows[1] ?? [];
    const width = Math.max(row1.length, row2.length);
    // Each column's ImportId; the legacy layout has none, but its row 2 names Qualtrics' own columns.
    const ids = [];
    for (let i = 0; i < width; i++) {
        let id = '';
        if (kind === 'three-row' || kind === 'three-row-2016')
            id = importIdOf(rows[2]?.[i] ?? '') ?? '';
        else if (kind === 'legacy')
            id = /^v\d+$/i.test((row1[i] ?? '').trim()) ? (row2[i] ?? '').trim() : '';
        else
            id = (row1[i] ?? '').trim();
        ids.push(systemId(id));
    }
    // Row 1 (`V5`, `Q1`); the legacy layout's row 2 labels (`EmailAddress`) are its headers.
    const exportNames = Array.from({ length: width }, (_, i) => (row1[i] ?? '').trim());
    const texts = Array.from({ length: width }, (_, i) => (row2[i] ?? '').trim() || exportNames[i]);
    // Columns sharing one question text (a grid's rows, a multi-answer question's choices) are told
    // apart by their export name; otherwise their answers would share one key in the extra data.
    const count = new Map();
    for (const t of texts)
        count.set(t.toLowerCase(), (count.get(t.toLowerCase()) ?? 0) + 1);
    const headers = texts.map((t, i) => (t !== '' && count.get(t.toLowerCase()) > 1 && exportNames[i] && exportNames[i] !== t ? `${t} [${exportNames[i]}]` : t));
    const metadataAt = ids.map((id) => SYSTEM.has(id));
    const toolFields = ids.map(() => null);
    const at = (id) => ids.indexOf(id);
    const submitted = at('recordeddate') >= 0 ? at('recordeddate') : at('enddate');
    if (submitted >= 0)
        toolFields[submitted] = 'submitted_at';
    const email = at('recipientemail') >= 0 ? at('recipientemail') : at('emailaddress');
    if (email >= 0)
        toolFields[email] = 'email';
    const first = at('recipientfirstname');
    const last = at('recipientlastname');
    let statusAt = at('status');
    if (statusAt < 0)
        statusAt = texts.findIndex((t) => /^(status|response type)$/i.test(t));
    const variant = { 'three-row': 'three header rows', 'three-row-2016': 'three header rows, 2016 style', 'two-row': 'two header rows', legacy: 'legacy V1..V10 layout' }[kind];
    return {
        headers, exportNames, toolFields, metadataAt,
        ...(first >= 0 && last >= 0 ? { composed: { name: [first, last] } } : {}),
        firstDataIndex: kind === 'three-row' || kind === 'three-row-2016' ? 3 : 2,
        statusAt,
        channelAt: at('distributionchannel'),
        variant,
    };
}
// The response type as text (English and the languages Qualtrics exports labels in), or as the
// code numeric exports write: 0 a real answer, 1 preview, 2 test, 4 imported, 8 spam, 9 preview
// spam, 12 imported spam, 16 offline, 17 offline preview.
const PREVIEW = /^(survey preview|preview|offline survey preview|umfragevorschau|vorschau|aperçu|vista previa|anteprima|1|17)$/;
const TEST = /^(survey test|test|umfragetest|test de l'enquête|prueba|2)$/;
const SPAM = /^(spam|survey preview spam|imported spam|8|9|12)$/;
export function qualtricsDropReason(row, statusAt, channelAt) {
    const status = statusAt >= 0 ? lower(row[statusAt]) : '';
    const channel = channelAt >= 0 ? lower(row[channelAt]) : '';
    if (channel === 'preview')
        return 'a Qualtrics survey preview';
    if (channel === 'test')
        return 'a Qualtrics test response';
    if (SPAM.test(status))
        return 'marked as spam by Qualtrics';
    if (PREVIEW.test(status))
        return 'a Qualtrics survey preview';
    if (TEST.test(status))
        return 'a Qualtrics test response';
    return null;
}

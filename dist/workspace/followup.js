// The follow-up data of a workspace that several commands read: the students' reports that their
// mentor has not replied, the inputs of the chase report, and the programme figures kept after a purge.
import * as fs from 'node:fs';
import { todayIso } from '../context.js';
import { DataError } from '../errors.js';
import { toExcelCsv } from '../io/csv-write.js';
import { chaseReport } from '../core/followup/chase.js';
import { programmeFigures } from '../core/followup/programme.js';
import { emptyAggregates, parseAggregates } from '../core/followup/purge.js';
import { normaliseEmail, parseDate } from '../core/import/values.js';
import { parseDateOption } from '../core/scheme/date-option.js';
import { NoResponseRow } from '../core/store/rows.js';
import { loadChases, loadFeedback, loadMatches, loadMeetings, loadMentors, loadStudents, readTable } from './store.js';
import { FILES } from './layout.js';
const AGGREGATES_FILE = FILES.aggregates;
/** Students' reports that their mentor has not responded (written by `mentorship log no-response`). */
export const NO_RESPONSE_FILE = FILES.noResponse;
const NO_RESPONSE_KEYS = ['student_email', 'mentor_email', 'meeting', 'date'];
export function loadNoResponse(ws) {
    const table = readTable(ws, NO_RESPONSE_FILE);
    if (!table || table.rows.length === 0)
        return [];
    const headers = table.rows[0].map((h) => h.trim().toLowerCase());
    const at = NO_RESPONSE_KEYS.map((k) => headers.indexOf(k));
    const out = [];
    for (let r = 1; r < table.rows.length; r++) {
        const cells = table.rows[r].map((c) => c.trim());
        const get = (i) => (at[i] >= 0 ? (cells[at[i]] ?? '') : '');
        const row = table.rowNumbers[r];
        const student = normaliseEmail(get(0));
        const mentor = get(1) ? normaliseEmail(get(1)) : '';
        const meeting = Number(get(2));
        const date = parseDate(get(3), ws.scheme.date_order);
        const bad = !student ? [0, 'is not an email address'] : mentor === null ? [1, 'is not an email address'] : ![1, 2, 3].includes(meeting) ? [2, 'must be 1, 2 or 3'] : !date ? [3, 'is not a date'] : null;
        if (bad) {
            const [i, why] = bad;
            throw new DataError(`${why} (value "${get(i)}")`, { file: NO_RESPONSE_FILE, row, column: NO_RESPONSE_KEYS[i] }, 'correct the cell, or undo the hand edit, then run the command again');
        }
        out.push(NoResponseRow.parse({ student_email: student, mentor_email: mentor ?? '', meeting, date }));
    }
    return out;
}
export function stageNoResponse(tx, rows) {
    tx.write(NO_RESPONSE_FILE, toExcelCsv(NO_RESPONSE_KEYS.map((k) => ({ key: k, header: k, type: k === 'meeting' ? 'integer' : 'text' })), rows));
}
export function parseAsOf(ctx, ws, value) {
    if (!value)
        return todayIso(ctx);
    return parseDateOption(value, ws.scheme.date_order, '--as-of', `--as-of ${ws.scheme.timeline.programme_start}`);
}
export function buildChaseReport(ctx, ws, asOf) {
    const now = ctx.now();
    return chaseReport({
        scheme: ws.scheme, asOf, matches: loadMatches(ws), students: loadStudents(ws, now), mentors: loadMentors(ws, now),
        meetings: loadMeetings(ws), chases: loadChases(ws), noResponse: loadNoResponse(ws),
    });
}
export function loadAggregates(ws) {
    const abs = ws.abs(AGGREGATES_FILE);
    return (fs.existsSync(abs) && parseAggregates(fs.readFileSync(abs, 'utf8'))) || emptyAggregates();
}
/** The figures of the data in the workspace, or null when it holds no participants or pairs. */
export function liveFigures(ctx, ws) {
    const now = ctx.now();
    const students = loadStudents(ws, now);
    const mentors = loadMentors(ws, now);
    const matches = loadMatches(ws);
    if (!students.length && !mentors.length && !matches.length)
        return null;
    return programmeFigures({
        scheme: ws.scheme, today: todayIso(ctx), students, mentors, matches,
        meetings: loadMeetings(ws), chases: loadChases(ws), feedback: loadFeedback(ws),
    });
}
export function stageAggregates(tx, ws, figures, purgedOn) {
    const all = loadAggregates(ws);
    all.programmes[figures.programme_end] = purgedOn ? { ...figures, purged_on: purgedOn } : figures;
    tx.write(AGGREGATES_FILE, `${JSON.stringify(all, null, 2)}\n`);
    return all;
}

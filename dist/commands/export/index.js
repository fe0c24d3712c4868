import { changedOutcome } from '../../outcome.js';
import { toExcelCsv } from '../../io/csv-write.js';
import { exportSheets } from '../../core/policy/exports.js';
import { withheldCounts } from '../../core/policy/projection.js';
import { DEFAULT_SHARING } from '../../core/policy/widening.js';
import { stageAudit } from '../../workspace/store.js';
import { loadConfirmedPairs } from '../../workspace/pairs.js';
import { changeWorkspace, isoNow } from '../../workspace/change.js';
import { EXPORT_DIR } from '../../workspace/layout.js';
const asList = (counts) => Object.entries(counts).map(([field, people]) => ({ field, people }));
const FOLDER = EXPORT_DIR;
export async function exportProfiles(ctx) {
    return changeWorkspace(ctx, 'export', async (ws, tx) => {
        const now = ctx.now();
        const pairs = loadConfirmedPairs(ws, now, 'export');
        const { forStudents, forMentors } = exportSheets(pairs, ws.scheme);
        const { toXlsx } = await import('../../io/xlsx-write.js');
        const files = [];
        const stage = async (base, sheet) => {
            tx.write(`${FOLDER}/${base}.csv`, toExcelCsv(sheet.columns, sheet.rows));
            tx.write(`${FOLDER}/${base}.xlsx`, await toXlsx([sheet], now));
            files.push(`${FOLDER}/${base}.csv`, `${FOLDER}/${base}.xlsx`);
        };
        await stage('for-students', forStudents);
        await stage('for-mentors', forMentors);
        const withheld = {
            to_students: withheldCounts(pairs.map((p) => p.mentor), ws.scheme, 'to_student'),
            to_mentors: withheldCounts(pairs.map((p) => p.student), ws.scheme, 'to_mentor'),
        };
        const beyond = {
            to_students: forStudents.fields.filter((f) => !DEFAULT_SHARING.to_student.includes(f)),
            to_mentors: forMentors.fields.filter((f) => !DEFAULT_SHARING.to_mentor.includes(f)),
        };
        const summary = {
            pairs: pairs.length,
            files,
            fields: { toStudents: forStudents.fields, toMentors: forMentors.fields },
            beyondDefaults: { toStudents: beyond.to_students, toMentors: beyond.to_mentors },
            withheld: { toStudents: asList(withheld.to_students), toMentors: asList(withheld.to_mentors) },
        };
        stageAudit(tx, ws, {
            at: isoNow(ctx),
            command: 'export',
            rows: { for_students: forStudents.rows.length, for_mentors: forMentors.rows.length },
            fields_shared: { to_students: { mentor: forStudents.fields }, to_mentors: { student: forMentors.fields } },
            withheld_without_consent: withheld,
            // Only when the policy shares more than its defaults, so the record says who widened it and how.
            ...(beyond.to_students.length + beyond.to_mentors.length ? { beyond_policy_defaults: { ...beyond, acknowledged_in: 'scheme.json sharing.acknowledged' } } : {}),
            files,
        });
        return summary;
    });
}
/** What the administrator reads: who receives which fields, and what consent withheld. */
function says(s, dryRun) {
    const withheld = (w) => w.filter((x) => x.people > 0).map((x) => `${x.field} of ${x.people} withheld (no consent)`).join(', ');
    const lines = [
        `${dryRun ? 'Would export' : 'Exported'} ${s.pairs} confirmed pair${s.pairs === 1 ? '' : 's'}:`,
        `  students receive their mentor's ${s.fields.toStudents.join(', ')}${withheld(s.withheld.toStudents) ? `; ${withheld(s.withheld.toStudents)}` : ''}`,
        `  mentors receive their student's ${s.fields.toMentors.join(', ')}${withheld(s.withheld.toMentors) ? `; ${withheld(s.withheld.toMentors)}` : ''}`,
    ];
    const beyond = [
        ...(s.beyondDefaults.toStudents.length ? [`students get their mentor's ${s.beyondDefaults.toStudents.join(', ')}`] : []),
        ...(s.beyondDefaults.toMentors.length ? [`mentors get their student's ${s.beyondDefaults.toMentors.join(', ')}`] : []),
    ];
    if (beyond.length)
        lines.push(`  beyond the mentor policy's defaults, as acknowledged in scheme.json (sharing.acknowledged): ${beyond.join('; ')}`);
    return lines;
}
export async function run(ctx, _opts) {
    const changed = await exportProfiles(ctx);
    return changedOutcome(changed, { text: changed.result.files.join('\n'), messages: says(changed.result, changed.dryRun) });
}

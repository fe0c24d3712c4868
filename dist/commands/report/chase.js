import { info } from '../../outcome.js';
import { renderTable } from '../../ui/table.js';
import { chaseReportResult, chaseSummary } from '../../ui/chase-summary.js';
import { buildChaseReport, parseAsOf } from '../../workspace/followup.js';
import { reportOutcome, stageReport } from './output.js';
import { changeWorkspace } from '../../workspace/change.js';
import { warnTimeline } from '../../workspace/timeline.js';
const ORDER = { withdraw: 0, rematch: 1, chase: 2, wait: 3, ok: 4 };
export function chaseSheets(r) {
    const pairs = [...r.pairs].sort((a, b) => ORDER[a.action] - ORDER[b.action] || a.student_email.localeCompare(b.student_email));
    return [
        {
            name: 'Chase',
            columns: [
                { key: 'action', header: 'action' }, { key: 'student_email', header: 'student_email' }, { key: 'student_name', header: 'student_name' },
                { key: 'mentor_email', header: 'mentor_email' }, { key: 'mentor_name', header: 'mentor_name' }, { key: 'held', header: 'meetings_recorded' },
                { key: 'overdue', header: 'overdue_meetings' }, { key: 'due1', header: 'meeting_1_due', type: 'date' }, { key: 'due2', header: 'meeting_2_due', type: 'date' },
                { key: 'due3', header: 'meeting_3_due', type: 'date' }, { key: 'student_chases', header: 'student_chases', type: 'integer' },
                { key: 'last_student', header: 'last_student_chase', type: 'date' }, { key: 'mentor_chases', header: 'mentor_chases', type: 'integer' },
                { key: 'last_mentor', header: 'last_mentor_chase', type: 'date' }, { key: 'rematch', header: 'mentor_to_rematch' }, { key: 'reason', header: 'reason' },
                { key: 'due_note', header: 'due_dates_moved' },
            ],
            rows: pairs.map((p) => ({
                action: p.action, student_email: p.student_email, student_name: p.student_name, mentor_email: p.mentor_email, mentor_name: p.mentor_name,
                held: p.held.join(', '), overdue: p.overdue.map((o) => o.meeting).join(', '), due1: p.due[0]?.due, due2: p.due[1]?.due, due3: p.due[2]?.due,
                student_chases: p.student_chases.length, last_student: p.student_chases.at(-1) ?? '', mentor_chases: p.mentor_chases.length,
                last_mentor: p.mentor_chases.at(-1) ?? '', rematch: p.rematch_mentor, reason: p.reason, due_note: [...new Set(p.due.map((d) => d.why).filter(Boolean))].join('; '),
            })),
        },
        {
            name: 'To chase',
            columns: [
                { key: 'role', header: 'role' }, { key: 'email', header: 'email' }, { key: 'name', header: 'name' }, { key: 'meeting', header: 'meeting', type: 'integer' },
                { key: 'previous', header: 'chased_before', type: 'integer' }, { key: 'reason', header: 'reason' },
            ],
            rows: r.toChase.map((t) => ({ ...t })),
        },
    ];
}
function table(ctx, report) {
    const rows = [...report.pairs].filter((p) => p.action !== 'ok').sort((a, b) => ORDER[a.action] - ORDER[b.action] || a.student_email.localeCompare(b.student_email));
    if (!rows.length)
        return `Nobody to chase as of ${report.asOf}.`;
    const label = (a) => (a === 'withdraw' || a === 'rematch' ? ctx.chalk.red(a) : a === 'chase' ? ctx.chalk.yellow('chase') : a);
    return renderTable([{ header: 'action' }, { header: 'student', max: 34 }, { header: 'mentor', max: 34 }, { header: 'chased', align: 'right' }, { header: 'why', max: 70 }], rows.map((p) => [label(p.action), p.student_email, p.mentor_email, `${p.student_chases.length}/${report.maxChases}`, p.reason]));
}
function says(ctx, report, asOfGiven) {
    return [
        info(chaseSummary(ctx.chalk, report)),
        ...report.withdraw.map((p) => info(`  withdraw: mentorship withdraw ${p.student_email} --reason "chased more than ${report.maxChases} times" (frees ${p.rematch_mentor} for re-matching)`)),
        ...report.rematch.map((p) => info(`  rematch: ${p.mentor_email} was chased ${p.mentor_chases.length} times without answering ${p.student_email}; the next mentorship match ends the pair and offers the student another mentor (${p.mentor_email} gets no new student unless you pass --allow-mentor ${p.mentor_email})`)),
        ...(report.toChase.length ? [info('Draft the chases with: mentorship emails chase' + (asOfGiven ? ` --as-of ${report.asOf}` : '') + ' (add --record when you send them)')] : []),
    ];
}
export async function run(ctx, opts) {
    const changed = await changeWorkspace(ctx, 'report chase', async (ws, tx) => {
        const asOf = parseAsOf(ctx, ws, opts.asOf);
        warnTimeline(ctx, ws, 'chase', asOf);
        const report = buildChaseReport(ctx, ws, asOf);
        const files = await stageReport(ctx, tx, 'chase', chaseSheets(report));
        return { report, files };
    });
    const { report, files } = changed.result;
    return reportOutcome({ ...changed, result: { ...chaseReportResult(report), files } }, { text: table(ctx, report), messages: says(ctx, report, Boolean(opts.asOf)) });
}

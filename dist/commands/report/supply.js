import { info } from '../../outcome.js';
import { supplyReport } from '../../core/report/supply.js';
import { renderTable } from '../../ui/table.js';
import { loadMentors, loadStudents } from '../../workspace/store.js';
import { reportOutcome, stageReport } from './output.js';
import { changeWorkspace } from '../../workspace/change.js';
function table(ctx, report) {
    const short = (kind) => report.rows.filter((r) => r.kind === kind && (r.students > 0 || r.places > 0));
    return ['sector', 'support area']
        .map((kind) => renderTable([{ header: kind, max: 42 }, { header: 'students', align: 'right' }, { header: 'mentors', align: 'right' }, { header: 'places', align: 'right' }, { header: 'shortfall', align: 'right' }], short(kind).map((r) => [r.value, r.students, r.mentors, r.places, r.shortfall ? ctx.chalk.red(String(r.shortfall)) : '0'])))
        .join('\n');
}
function says(ctx, report) {
    const gaps = report.rows.filter((r) => r.shortfall > 0);
    return [
        info(`${report.students} students; ${report.mentors} available mentors offering ${report.places} places${report.unavailableMentors.length ? ` (${report.unavailableMentors.length} mentor(s) unavailable for the whole programme not counted)` : ''}.`),
        ...(report.places < report.students ? [info(ctx.chalk.red(`Not enough places overall: recruit at least ${report.students - report.places} more mentor places.`))] : []),
        ...(gaps.length ? [info(`Recruit mentors for: ${gaps.slice(0, 5).map((g) => `${g.value} (short ${g.shortfall})`).join(', ')}.`)] : []),
    ];
}
export async function run(ctx, _opts = {}) {
    const changed = await changeWorkspace(ctx, 'report supply', async (ws, tx) => {
        const now = ctx.now();
        const report = supplyReport(loadStudents(ws, now), loadMentors(ws, now), ws.scheme);
        const sheet = {
            name: 'Supply',
            columns: [
                { key: 'kind', header: 'kind' },
                { key: 'value', header: 'value' },
                { key: 'students', header: 'students asking', type: 'integer' },
                { key: 'mentors', header: 'mentors offering', type: 'integer' },
                { key: 'places', header: 'mentor places', type: 'integer' },
                { key: 'shortfall', header: 'shortfall', type: 'integer' },
                { key: 'note', header: 'note' },
            ],
            rows: report.rows.map((r) => ({ ...r, note: r.known ? '' : 'not in the scheme vocabulary' })),
        };
        return { ...report, files: await stageReport(ctx, tx, 'supply', [sheet]) };
    });
    return reportOutcome(changed, { text: table(ctx, changed.result), messages: says(ctx, changed.result) });
}

// mentorship report supply
import type { Context } from '../../context.js';
import type { SheetData } from '../../io/cells.js';
import { supplyReport } from '../../core/report/supply.js';
import { renderTable } from '../../ui/table.js';
import { loadMentors, loadStudents } from '../../workspace/store.js';
import { stageReport } from './output.js';
import { changeWorkspace, describeChanges } from '../../workspace/change.js';

export async function run(ctx: Context): Promise<void> {
  const changed = await changeWorkspace(ctx, 'report supply', async (ws, tx) => {
    const now = ctx.now();
    const report = supplyReport(loadStudents(ws, now), loadMentors(ws, now), ws.scheme);
    const sheet: SheetData = {
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
    const files = await stageReport(ctx, tx, 'supply', [sheet]);
    return { report, files };
  });
  const { report, files } = changed.result;
  if (ctx.opts.json) {
    ctx.printJson({ ...report, files, dryRun: changed.dryRun });
    return;
  }
  const short = (kind: string) => report.rows.filter((r) => r.kind === kind && (r.students > 0 || r.places > 0));
  for (const kind of ['sector', 'support area']) {
    ctx.print(
      renderTable(
        [{ header: kind, max: 42 }, { header: 'students', align: 'right' }, { header: 'mentors', align: 'right' }, { header: 'places', align: 'right' }, { header: 'shortfall', align: 'right' }],
        short(kind).map((r) => [r.value, r.students, r.mentors, r.places, r.shortfall ? ctx.chalk.red(String(r.shortfall)) : '0']),
      ) + (kind === 'sector' ? '\n' : ''),
    );
  }
  ctx.info(`${report.students} students; ${report.mentors} available mentors offering ${report.places} places${report.unavailableMentors.length ? ` (${report.unavailableMentors.length} mentor(s) unavailable for the whole programme not counted)` : ''}.`);
  const gaps = report.rows.filter((r) => r.shortfall > 0);
  if (report.places < report.students) ctx.info(ctx.chalk.red(`Not enough places overall: recruit at least ${report.students - report.places} more mentor places.`));
  if (gaps.length) ctx.info(`Recruit mentors for: ${gaps.slice(0, 5).map((g) => `${g.value} (short ${g.shortfall})`).join(', ')}.`);
  if (!changed.dryRun) ctx.info(`Written: ${files.join(', ')}`);
  describeChanges(ctx, changed);
}

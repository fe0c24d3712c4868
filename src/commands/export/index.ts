// mentorship export: each side's view of their partner, permitted fields only, as CSV and XLSX
// under out/export/ (mail-merge sources). The audit log records which fields went to whom.
import type { Context } from '../../context.js';
import { toExcelCsv } from '../../io/csv-write.js';
import { exportSheets, type ExportSheet } from '../../core/policy/exports.js';
import { withheldCounts } from '../../core/policy/projection.js';
import { DEFAULT_SHARING } from '../../core/policy/widening.js';
import { stageAudit } from '../../workspace/store.js';
import { loadConfirmedPairs } from '../../workspace/pairs.js';
import { changeWorkspace, describeChanges, isoNow } from '../../workspace/change.js';
import { EXPORT_DIR } from '../../workspace/layout.js';

export interface ExportSummary {
  pairs: number;
  files: string[];
  fields: { to_students: readonly string[]; to_mentors: readonly string[] };
  /** Fields shared beyond the mentor policy's defaults, each acknowledged in scheme.json (sharing.acknowledged). */
  beyond_defaults: { to_students: readonly string[]; to_mentors: readonly string[] };
  /** Per consent-gated field, how many people's values were left out for want of consent. */
  withheld: { to_students: Record<string, number>; to_mentors: Record<string, number> };
}

const FOLDER = EXPORT_DIR;

export async function exportProfiles(ctx: Context) {
  return changeWorkspace(ctx, 'export', async (ws, tx) => {
    const now = ctx.now();
    const pairs = loadConfirmedPairs(ws, now, 'export');
    const { forStudents, forMentors } = exportSheets(pairs, ws.scheme);
    const { toXlsx } = await import('../../io/xlsx-write.js');
    const files: string[] = [];
    const stage = async (base: string, sheet: ExportSheet) => {
      tx.write(`${FOLDER}/${base}.csv`, toExcelCsv(sheet.columns, sheet.rows));
      tx.write(`${FOLDER}/${base}.xlsx`, await toXlsx([sheet], now));
      files.push(`${FOLDER}/${base}.csv`, `${FOLDER}/${base}.xlsx`);
    };
    await stage('for-students', forStudents);
    await stage('for-mentors', forMentors);
    const summary: ExportSummary = {
      pairs: pairs.length,
      files,
      fields: { to_students: forStudents.fields, to_mentors: forMentors.fields },
      beyond_defaults: {
        to_students: forStudents.fields.filter((f) => !DEFAULT_SHARING.to_student.includes(f)),
        to_mentors: forMentors.fields.filter((f) => !DEFAULT_SHARING.to_mentor.includes(f)),
      },
      withheld: {
        to_students: withheldCounts(pairs.map((p) => p.mentor), ws.scheme, 'to_student'),
        to_mentors: withheldCounts(pairs.map((p) => p.student), ws.scheme, 'to_mentor'),
      },
    };
    stageAudit(tx, ws, {
      at: isoNow(ctx),
      command: 'export',
      rows: { for_students: forStudents.rows.length, for_mentors: forMentors.rows.length },
      fields_shared: { to_students: { mentor: forStudents.fields }, to_mentors: { student: forMentors.fields } },
      withheld_without_consent: summary.withheld,
      // Only when the policy shares more than its defaults, so the record says who widened it and how.
      ...(summary.beyond_defaults.to_students.length + summary.beyond_defaults.to_mentors.length
        ? { beyond_policy_defaults: { ...summary.beyond_defaults, acknowledged_in: 'scheme.json sharing.acknowledged' } }
        : {}),
      files,
    });
    return summary;
  });
}

function report(ctx: Context, s: ExportSummary, dryRun: boolean): void {
  const withheld = (w: Record<string, number>) =>
    Object.entries(w).filter(([, n]) => n > 0).map(([f, n]) => `${f} of ${n} withheld (no consent)`).join(', ');
  ctx.info(`${dryRun ? 'Would export' : 'Exported'} ${s.pairs} confirmed pair${s.pairs === 1 ? '' : 's'}:`);
  ctx.info(`  students receive their mentor's ${s.fields.to_students.join(', ')}${withheld(s.withheld.to_students) ? `; ${withheld(s.withheld.to_students)}` : ''}`);
  ctx.info(`  mentors receive their student's ${s.fields.to_mentors.join(', ')}${withheld(s.withheld.to_mentors) ? `; ${withheld(s.withheld.to_mentors)}` : ''}`);
  const beyond = [
    ...(s.beyond_defaults.to_students.length ? [`students get their mentor's ${s.beyond_defaults.to_students.join(', ')}`] : []),
    ...(s.beyond_defaults.to_mentors.length ? [`mentors get their student's ${s.beyond_defaults.to_mentors.join(', ')}`] : []),
  ];
  if (beyond.length) ctx.info(`  beyond the mentor policy's defaults, as acknowledged in scheme.json (sharing.acknowledged): ${beyond.join('; ')}`);
  for (const f of s.files) ctx.print(f);
}

export async function run(ctx: Context, _opts: unknown): Promise<void> {
  const changed = await exportProfiles(ctx);
  if (ctx.opts.json) ctx.printJson({ ...changed.result, dryRun: changed.dryRun, changes: changed.changes });
  else report(ctx, changed.result, changed.dryRun);
  describeChanges(ctx, changed);
}

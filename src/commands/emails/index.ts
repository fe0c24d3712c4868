// mentorship emails intro|chase|feedback: drafts for Outlook (.eml), to paste (.txt), and .html,
// under out/emails/KIND/. Each kind has its own file (intro.ts, chase.ts, feedback.ts).
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { describeChanges } from '../../workspace/change.js';

export interface EmailsOptions {
  record?: boolean;
  asOf?: string;
  survey?: string;
}

export async function run(ctx: Context, kind: string, opts: EmailsOptions): Promise<void> {
  if (kind === 'chase') {
    const mod = await import('./chase.js');
    await mod.run(ctx, opts);
    return;
  }
  if (kind === 'feedback') {
    const mod = await import('./feedback.js');
    await mod.run(ctx, opts);
    return;
  }
  if (kind !== 'intro') throw new UsageError(`there are no "${kind}" emails`, 'use: mentorship emails intro|chase|feedback');
  const { draftIntroductions, reportIntroductions } = await import('./intro.js');
  const changed = await draftIntroductions(ctx, opts);
  if (ctx.opts.json) ctx.printJson({ ...changed.result, dryRun: changed.dryRun, changes: changed.changes });
  else reportIntroductions(ctx, changed.result, changed.dryRun, Boolean(opts.record));
  describeChanges(ctx, changed);
}

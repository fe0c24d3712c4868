// mentorship emails intro|chase|feedback: drafts for Outlook (.eml), to paste (.txt), and .html,
// under out/emails/KIND/. This file does `intro`; chase and feedback have their own files.
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { introMentorContext, introStudentContext, schemeContext } from '../core/email/contexts.js';
import { stageAudit } from '../workspace/store.js';
import { type Draft, type DraftIndexRow, draftsAudit, loadTemplate, stageDrafts } from './email-drafts.js';
import { loadConfirmedPairs } from './pairs.js';
import { changeWorkspace, describeChanges, isoNow } from './shared.js';
import { warnTimeline } from './timeline-warnings.js';

export interface EmailsOptions {
  record?: boolean;
  asOf?: string;
  survey?: string;
}

export interface IntroSummary {
  pairs: number;
  drafts: DraftIndexRow[];
  folder: string;
}

export async function draftIntroductions(ctx: Context) {
  return changeWorkspace(ctx, 'emails intro', async (ws, tx) => {
    warnTimeline(ctx, ws, 'intro');
    const now = ctx.now();
    const pairs = loadConfirmedPairs(ws, now, 'introduce');
    // Compiled once, before any draft: a template the policy forbids fails here, with its name.
    const toStudent = loadTemplate(ws, 'intro-student');
    const toMentor = loadTemplate(ws, 'intro-mentor');
    const base = schemeContext(ws.scheme);
    const drafts: Draft[] = [];
    for (const { student, mentor } of pairs) {
      const key = `${student.email}|${mentor.email}`;
      drafts.push({ key, role: 'student', email: toStudent.render(introStudentContext(ws.scheme, student, mentor, base)) });
      drafts.push({ key, role: 'mentor', email: toMentor.render(introMentorContext(ws.scheme, student, mentor, base)) });
    }
    const rows = await stageDrafts(ctx, tx, ws, 'intro', drafts);
    stageAudit(tx, ws, { at: isoNow(ctx), command: 'emails intro', pairs: pairs.length, ...draftsAudit(rows, [toStudent, toMentor]) });
    return { pairs: pairs.length, drafts: rows, folder: 'out/emails/intro' } satisfies IntroSummary;
  });
}

function report(ctx: Context, s: IntroSummary, dryRun: boolean): void {
  if (dryRun) {
    const limit = ctx.opts.verbose ? Infinity : 20;
    for (const d of s.drafts.slice(0, limit)) ctx.print(`${d.role.padEnd(7)} ${d.recipient_name} <${d.recipient_email}>  ${d.subject}  (${s.folder}/${d.eml})`);
    if (s.drafts.length > limit) ctx.print(`... and ${s.drafts.length - limit} more (--verbose lists all)`);
  }
  ctx.info(
    `${dryRun ? 'Would write' : 'Wrote'} ${s.drafts.length} introduction drafts for ${s.pairs} pair${s.pairs === 1 ? '' : 's'} in ${s.folder}/ ` +
      '(.eml opens in Outlook as a draft; .txt to paste; index.csv lists them all)',
  );
}

export async function run(ctx: Context, kind: string, opts: EmailsOptions): Promise<void> {
  if (kind === 'chase') {
    const mod = await import('./emails-chase.js');
    await mod.run(ctx, opts);
    return;
  }
  if (kind === 'feedback') {
    const mod = await import('./emails-feedback.js');
    await mod.run(ctx, opts);
    return;
  }
  if (kind !== 'intro') throw new UsageError(`there are no "${kind}" emails`, 'use: mentorship emails intro|chase|feedback');
  const changed = await draftIntroductions(ctx);
  if (ctx.opts.json) ctx.printJson({ ...changed.result, dryRun: changed.dryRun, changes: changed.changes });
  else report(ctx, changed.result, changed.dryRun);
  describeChanges(ctx, changed);
}

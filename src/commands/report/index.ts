// mentorship report supply|chase|feedback|programme
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';

export interface ReportOptions {
  asOf?: string;
  survey?: string;
}

export async function run(ctx: Context, kind: string, opts: ReportOptions): Promise<void> {
  switch (kind) {
    case 'supply':
      return (await import('./supply.js')).run(ctx);
    case 'chase':
      return (await import('./chase.js')).run(ctx, opts);
    case 'feedback':
      return (await import('./feedback.js')).run(ctx, opts);
    case 'programme':
    case 'program':
      return (await import('./programme.js')).run(ctx, opts);
    default:
      throw new UsageError(`there is no "${kind}" report`, 'use: mentorship report supply|chase|feedback|programme');
  }
}

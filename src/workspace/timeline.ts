// Say out loud, on stderr, when the workspace's timeline does not fit today (core/timeline-check.ts).
import type { Context } from '../context.js';
import { todayIso } from '../context.js';
import { timelineWarnings, type TimelineUse, type TimelineWarning } from '../core/timeline-check.js';
import { loadMatches } from './store.js';
import type { Workspace } from './workspace.js';

export function warnTimeline(ctx: Context, ws: Workspace, use: TimelineUse, today = todayIso(ctx)): TimelineWarning[] {
  const confirmed = loadMatches(ws).filter((m) => m.status === 'confirmed' || m.status === 'completed').length;
  const warnings = timelineWarnings(ws.scheme, today, use, confirmed);
  for (const w of warnings) ctx.warn(`${w.message}.\n  Fix: ${w.fix}`);
  return warnings;
}

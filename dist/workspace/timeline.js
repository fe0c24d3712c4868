import { todayIso } from '../context.js';
import { timelineWarnings } from '../core/timeline-check.js';
import { loadMatches } from './store.js';
export function warnTimeline(ctx, ws, use, today = todayIso(ctx)) {
    const confirmed = loadMatches(ws).filter((m) => m.status === 'confirmed' || m.status === 'completed').length;
    const warnings = timelineWarnings(ws.scheme, today, use, confirmed);
    for (const w of warnings)
        ctx.warn(`${w.message}.\n  Fix: ${w.fix}`);
    return warnings;
}

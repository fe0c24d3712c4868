// The end of the programme: `mentorship confirm --completed` turns every confirmed pair into a
// completed one once the programme's end date has passed (docs/year.md says why it is a step the
// administrator takes rather than a side effect of whatever command runs first).
import type { Scheme } from './scheme/schema.js';
import { longDate } from './timeline.js';
import type { Match } from './types.js';

export type Completion = { ok: true; matches: Match[]; completed: number } | { ok: false; why: string; fix: string };

export function completePairs(matches: readonly Match[], scheme: Scheme, today: string): Completion {
  const end = scheme.timeline.programme_end;
  if (today <= end) {
    return { ok: false, why: `the programme runs until ${longDate(end)}; its pairs complete after that`, fix: 'run it after the end date, or move timeline.programme_end in scheme.json if the programme ended early' };
  }
  let completed = 0;
  const out = matches.map((m) => {
    if (m.status !== 'confirmed') return m;
    completed++;
    return { ...m, status: 'completed' as const, reason: m.reason || `programme ended ${end}` };
  });
  return { ok: true, matches: out, completed };
}

// Which introductions `emails intro` drafts on a given run, and what happens to the drafts of
// pairs that ended. Drafts are incremental: a pair is drafted once, and its drafts stay exactly
// as written (same bytes, date and Message-ID) until it is recorded as sent or withdrawn. Pure:
// the command says which pairs have drafts on disk and which were recorded.
import { leaverOf } from '../match/rules.js';
import type { Match } from '../types.js';
import { UNRESPONSIVE } from '../followup/chase.js';
import type { z } from 'zod';
import type { IntroductionRow } from '../store/rows.js';

export type NoticeKind = 'intro' | 'withdrawal';

/** One row of data/introductions.csv: an introduction (or a withdrawal notice) recorded as sent. */
export type Introduction = z.infer<typeof IntroductionRow>;

/** The key of a pair's drafts; file names carry a hash of it, so drafts are found by pair. */
export function introKey(student: string, mentor: string): string {
  return `${student}|${mentor}`;
}

export interface IntroPlanInput {
  /** Pairs in force that are introduced: confirmed ones. */
  confirmed: readonly Pick<Match, 'student_email' | 'mentor_email'>[];
  withdrawn: readonly Pick<Match, 'student_email' | 'mentor_email' | 'reason'>[];
  recorded: readonly Introduction[];
  /** Keys of the pairs whose introduction drafts exist, and of those whose withdrawal notices do. */
  drafted: ReadonlySet<string>;
  noticed: ReadonlySet<string>;
  /** --force: draft every pair not recorded again, whatever is on disk. */
  redraft: boolean;
}

export type Leaver = 'student' | 'mentor' | 'unresponsive';

export interface IntroPlan {
  /** Pairs to draft in this run (they are "new" in index.csv). */
  draft: string[];
  /** Pairs whose drafts exist and stay as they are. */
  kept: string[];
  /** Pairs recorded as sent: never drafted again. */
  sent: string[];
  /** Withdrawn pairs whose introduction drafts were never recorded as sent: to remove. */
  remove: string[];
  /** Withdrawn pairs that were introduced and whose notices are not drafted or sent yet. */
  notify: { key: string; student_email: string; mentor_email: string; leaver: Leaver }[];
}

/** Who ended a withdrawn pair, from the reason `withdraw` or `match` wrote. */
export function leaverFrom(reason: string): Leaver {
  if (reason.trim().toLowerCase().startsWith(UNRESPONSIVE)) return 'unresponsive';
  return leaverOf(reason) ?? 'student';
}

export function planIntroductions(input: IntroPlanInput): IntroPlan {
  const sentIntro = new Set(input.recorded.filter((r) => r.kind === 'intro').map((r) => introKey(r.student_email, r.mentor_email)));
  const sentNotice = new Set(input.recorded.filter((r) => r.kind === 'withdrawal').map((r) => introKey(r.student_email, r.mentor_email)));
  const plan: IntroPlan = { draft: [], kept: [], sent: [], remove: [], notify: [] };
  const live = new Set<string>();
  for (const m of input.confirmed) {
    const key = introKey(m.student_email, m.mentor_email);
    if (live.has(key)) continue;
    live.add(key);
    if (sentIntro.has(key)) plan.sent.push(key);
    else if (input.drafted.has(key) && !input.redraft) plan.kept.push(key);
    else plan.draft.push(key);
  }
  const ended = new Set<string>();
  for (const m of input.withdrawn) {
    const key = introKey(m.student_email, m.mentor_email);
    // A pair withdrawn and later confirmed again is in force; one withdrawn twice is one pair.
    if (live.has(key) || ended.has(key)) continue;
    ended.add(key);
    const drafted = input.drafted.has(key);
    if (drafted && !sentIntro.has(key)) plan.remove.push(key);
    // Only people who were introduced need telling that the pair has ended.
    if ((sentIntro.has(key) || drafted) && !sentNotice.has(key) && !input.noticed.has(key)) {
      plan.notify.push({ key, student_email: m.student_email, mentor_email: m.mentor_email, leaver: leaverFrom(m.reason) });
    }
  }
  return plan;
}

/** The rows `emails intro --record` appends: every introduction and notice drafted and not yet recorded. */
export function introductionsToRecord(pairs: readonly { student_email: string; mentor_email: string; kind: NoticeKind }[], date: string): Introduction[] {
  return pairs.map((p) => ({ student_email: p.student_email, mentor_email: p.mentor_email, date, kind: p.kind }));
}

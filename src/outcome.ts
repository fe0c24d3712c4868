// What every command handler returns. Handlers never print: src/ui/render.ts owns text, --json and
// which stream each part goes to, so every command's output has the same shape.
import type { PlannedChange } from './io/transaction.js';

export interface Message {
  level: 'info' | 'warning';
  text: string;
}

export interface Outcome<R = unknown> {
  /** The result, with camelCase keys (what --json prints as `result`). */
  result: R;
  /** The files written, or that a dry run would write; absent for a command that writes nothing. */
  changes?: readonly PlannedChange[];
  dryRun?: boolean;
  /** Text mode's stdout: the data (a table, file names). --json prints the envelope instead. */
  text?: string;
  /** For people, after the run (stderr in text mode). Live warnings go through ctx.warn. */
  messages?: readonly Message[];
  /** false: a dry run's messages already say what it would change in short, so text mode does not list every file (purge). */
  listChanges?: boolean;
}

export const info = (text: string): Message => ({ level: 'info', text });
export const warning = (text: string): Message => ({ level: 'warning', text });

/** The outcome of a changeWorkspace() run, with the text and messages to show. */
export function changedOutcome<R>(
  changed: { result: R; changes: readonly PlannedChange[]; dryRun: boolean },
  show: { text?: string; messages?: readonly (Message | string)[] } = {},
): Outcome<R> {
  return {
    result: changed.result,
    changes: changed.changes,
    dryRun: changed.dryRun,
    ...(show.text !== undefined ? { text: show.text } : {}),
    messages: (show.messages ?? []).map((m) => (typeof m === 'string' ? info(m) : m)),
  };
}

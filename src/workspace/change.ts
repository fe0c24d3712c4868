// What every changing command does the same way: lock, stage, dry-run or commit. The changes it
// returns are printed by src/ui/render.ts.
import type { Context } from '../context.js';
import { Transaction, type PlannedChange } from '../io/transaction.js';
import { openWorkspace, type Workspace } from './workspace.js';

export interface Changed<R> {
  result: R;
  changes: PlannedChange[];
  dryRun: boolean;
}

/**
 * Run `build` under the workspace lock with a fresh transaction. `build` only stages writes; they
 * land together at the end, or not at all (--dry-run, or any error).
 */
export async function changeWorkspace<R>(
  ctx: Context,
  command: string,
  build: (ws: Workspace, tx: Transaction) => Promise<R> | R,
): Promise<Changed<R>> {
  const { ws, release } = openWorkspace(ctx, command);
  const tx = new Transaction(ws.root, { force: ctx.opts.force, dryRun: ctx.opts.dryRun, fs: ctx.fs });
  try {
    const started = Date.now();
    const result = await build(ws, tx);
    ctx.debug(`${command}: computed in ${Date.now() - started} ms, ${tx.size} file(s) staged`);
    if (tx.dryRun && !ctx.opts.force) {
      for (const e of tx.editedByPeople()) ctx.warn(`${e} was edited since mentorship wrote it: the real run needs --force to replace it`);
    }
    const committing = Date.now();
    // A dry run's transaction only plans: commit() says what it would write and writes nothing.
    const changes = tx.commit();
    ctx.debug(`${command}: ${tx.dryRun ? 'planned' : 'written'} in ${Date.now() - committing} ms`);
    return { result, changes, dryRun: tx.dryRun };
  } finally {
    release();
  }
}

export function isoNow(ctx: Context): string {
  return ctx.now().toISOString().slice(0, 19);
}

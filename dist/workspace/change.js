import { Transaction } from '../io/transaction.js';
import { openWorkspace } from './workspace.js';
/**
 * Run `build` under the workspace lock with a fresh transaction. `build` only stages writes; they
 * land together at the end, or not at all (--dry-run, or any error).
 */
export async function changeWorkspace(ctx, command, build) {
    const { ws, release } = openWorkspace(ctx, command);
    const tx = new Transaction(ws.root, { force: ctx.opts.force, dryRun: ctx.opts.dryRun, fs: ctx.fs });
    try {
        const started = Date.now();
        const result = await build(ws, tx);
        ctx.debug(`${command}: computed in ${Date.now() - started} ms, ${tx.size} file(s) staged`);
        if (tx.dryRun && !ctx.opts.force) {
            for (const e of tx.editedByPeople())
                ctx.warn(`${e} was edited since mentorship wrote it: the real run needs --force to replace it`);
        }
        const committing = Date.now();
        // A dry run's transaction only plans: commit() says what it would write and writes nothing.
        const changes = tx.commit();
        ctx.debug(`${command}: ${tx.dryRun ? 'planned' : 'written'} in ${Date.now() - committing} ms`);
        return { result, changes, dryRun: tx.dryRun };
    }
    finally {
        release();
    }
}
export function isoNow(ctx) {
    return ctx.now().toISOString().slice(0, 19);
}

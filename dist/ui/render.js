// The one renderer. Text mode: the outcome's text on stdout, its messages on stderr, then what a
// dry run would write. --json: one envelope on stdout, the same shape for every command. Warnings
// reach stderr in both modes, so whoever runs a script still sees them.
import { stripVTControlCharacters } from 'node:util';
import { jsonForTerminal, terminalSafe } from './terminal.js';
export function envelope(command, o, live) {
    return {
        command,
        dryRun: o.dryRun ?? false,
        result: o.result ?? null,
        changes: (o.changes ?? []).map((c) => ({ path: c.path, action: c.action, bytes: c.bytes })),
        messages: [...live, ...(o.messages ?? [])].map((m) => ({ level: m.level, text: stripVTControlCharacters(m.text) })),
    };
}
export function render(ctx, command, o) {
    if (ctx.opts.json) {
        const live = [...ctx.said];
        for (const m of o.messages ?? [])
            if (m.level === 'warning')
                ctx.warn(m.text);
        ctx.stdout.write(`${jsonForTerminal(envelope(command, o, live))}\n`);
        return;
    }
    const colours = ctx.chalk.level > 0;
    if (o.text) {
        const safe = terminalSafe(o.text, colours);
        ctx.stdout.write(safe.endsWith('\n') ? safe : `${safe}\n`);
    }
    for (const m of o.messages ?? [])
        (m.level === 'warning' ? ctx.warn : ctx.info)(m.text);
    const real = (o.changes ?? []).filter((c) => c.action !== 'unchanged');
    if (o.dryRun && o.listChanges !== false) {
        ctx.info(ctx.chalk.bold(`dry run: nothing was written. ${real.length ? 'It would write:' : 'Nothing would change.'}`));
        for (const c of real)
            ctx.info(`  ${c.action.padEnd(7)} ${c.path}`);
    }
    else if (ctx.opts.verbose) {
        for (const c of real)
            ctx.debug(`  ${c.action.padEnd(7)} ${c.path}`);
    }
}

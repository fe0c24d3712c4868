export const info = (text) => ({ level: 'info', text });
export const warning = (text) => ({ level: 'warning', text });
/** The outcome of a changeWorkspace() run, with the text and messages to show. */
export function changedOutcome(changed, show = {}) {
    return {
        result: changed.result,
        changes: changed.changes,
        dryRun: changed.dryRun,
        ...(show.text !== undefined ? { text: show.text } : {}),
        messages: (show.messages ?? []).map((m) => (typeof m === 'string' ? info(m) : m)),
    };
}

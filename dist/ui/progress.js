const NOOP = { tick() { }, end() { } };
/**
 * total 0 means unknown (a streamed file): the count is shown instead of a percentage. At most
 * ten updates a second, however often the work ticks; with a known total, the last always shows.
 */
export function progress(stream, label, total, enabled, clock = Date.now) {
    if (!enabled || !stream.isTTY || (total > 0 && total < 1000))
        return NOOP;
    let last = 0;
    return {
        tick(done) {
            const now = clock();
            if (now - last < 100 && (total === 0 || done < total))
                return;
            last = now;
            if (total > 0)
                stream.write(`\r${label} ${Math.floor((done / total) * 100)}% (${done}/${total})`);
            else if (done >= 1000)
                stream.write(`\r${label} ${done} rows`);
        },
        end() {
            stream.write('\r\x1b[K');
        },
    };
}

// chalk 5 honours FORCE_COLOR but not NO_COLOR (https://no-color.org), so the level is decided here.
import { Chalk } from 'chalk';
export function colorLevel(env, isTTY) {
    const force = env.FORCE_COLOR;
    if (force !== undefined) {
        if (force === '0' || force === 'false')
            return 0;
        const n = Number(force);
        return n >= 1 && n <= 3 ? n : 1;
    }
    if (env.NO_COLOR !== undefined && env.NO_COLOR !== '')
        return 0;
    if (!isTTY || env.TERM === 'dumb')
        return 0;
    return 1;
}
export function makeChalk(env, isTTY) {
    return new Chalk({ level: colorLevel(env, isTTY) });
}

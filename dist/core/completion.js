import { longDate } from './timeline.js';
export function completePairs(matches, scheme, today) {
    const end = scheme.timeline.programme_end;
    if (today <= end) {
        return { ok: false, why: `the programme runs until ${longDate(end)}; its pairs complete after that`, fix: 'run it after the end date, or move timeline.programme_end in scheme.json if the programme ended early' };
    }
    let completed = 0;
    const out = matches.map((m) => {
        if (m.status !== 'confirmed')
            return m;
        completed++;
        return { ...m, status: 'completed', reason: m.reason || `programme ended ${end}` };
    });
    return { ok: true, matches: out, completed };
}

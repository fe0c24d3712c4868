export function addDays(iso, days) {
    const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + days);
    return d.toISOString().slice(0, 10);
}
export function addMonths(iso, months) {
    const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
    const day = d.getUTCDate();
    d.setUTCDate(1);
    d.setUTCMonth(d.getUTCMonth() + months);
    const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
    d.setUTCDate(Math.min(day, last));
    return d.toISOString().slice(0, 10);
}
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** 4 Dec 2026: a date as an administrator reads it, the same on every machine's locale. */
export function longDate(iso) {
    return `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
}
export function daysBetween(fromIso, toIso) {
    return Math.round((Date.parse(`${toIso.slice(0, 10)}T00:00:00Z`) - Date.parse(`${fromIso.slice(0, 10)}T00:00:00Z`)) / 86400000);
}
/** Days of [from, to] covered by the union of ranges. */
export function coveredDays(ranges, from, to) {
    let covered = 0;
    for (let d = from; d <= to; d = addDays(d, 1)) {
        if (ranges.some((r) => r.from <= d && d <= r.to))
            covered++;
    }
    return covered;
}
/** A mentor whose declared unavailability covers the whole programme cannot take a student. */
export function unavailableThroughout(mentor, scheme) {
    if (mentor.unavailable.length === 0)
        return false;
    const { programme_start: start, programme_end: end } = scheme.timeline;
    let day = start;
    // Walk forward through ranges that cover the current day; cheap because ranges are few.
    for (let guard = 0; guard < 1000; guard++) {
        const cover = mentor.unavailable.filter((r) => r.from <= day && day <= r.to);
        if (cover.length === 0)
            return false;
        const furthest = cover.reduce((m, r) => (r.to > m ? r.to : m), day);
        if (furthest >= end)
            return true;
        day = addDays(furthest, 1);
    }
    return false;
}
/** The one count of mentor places: a mentor unavailable for the whole programme offers none. */
export function mentorPlaces(mentors, scheme) {
    const unavailable = mentors.filter((m) => unavailableThroughout(m, scheme));
    const away = new Set(unavailable.map((m) => m.email));
    const available = mentors.filter((m) => !away.has(m.email));
    return { available: available.length, places: available.reduce((s, m) => s + m.capacity, 0), unavailable: unavailable.map((m) => m.email) };
}
/** How the places were counted, in words, for every report that shows them. */
export function placesNote(p) {
    return `places: the capacities of the ${p.available} mentor(s) available during the programme${p.unavailable.length ? `; ${p.unavailable.length} unavailable for all of it offer none` : ''}`;
}

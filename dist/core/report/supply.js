import { mentorPlaces, unavailableThroughout } from '../timeline.js';
export function supplyReport(students, mentors, scheme) {
    const available = mentors.filter((m) => !unavailableThroughout(m, scheme));
    const unavailableMentors = mentors.filter((m) => unavailableThroughout(m, scheme)).map((m) => m.email);
    const build = (kind, field, vocabulary) => {
        const known = vocabulary.map((v) => v.value);
        const values = new Set(known);
        for (const p of [...students, ...available])
            for (const v of p[field])
                values.add(v);
        const rows = [];
        for (const value of values) {
            const asking = students.filter((s) => s[field].includes(value)).length;
            const offering = available.filter((m) => m[field].includes(value));
            const places = offering.reduce((sum, m) => sum + m.capacity, 0);
            rows.push({ kind, value, students: asking, mentors: offering.length, places, shortfall: Math.max(0, asking - places), known: known.includes(value) });
        }
        // Biggest shortfall first, then most asked: the top of the table is who to recruit.
        return rows.sort((a, b) => b.shortfall - a.shortfall || b.students - a.students || a.value.localeCompare(b.value));
    };
    return {
        students: students.length,
        mentors: available.length,
        // The same count as status and report programme (core/timeline.ts mentorPlaces).
        places: mentorPlaces(mentors, scheme).places,
        unavailableMentors,
        rows: [...build('sector', 'sectors', scheme.vocabularies.sectors), ...build('support area', 'support_areas', scheme.vocabularies.support_areas)],
    };
}

// Before matching: for each sector and support area, how many students ask for it against how many
// mentor places cover it. This tells the administrator whom to recruit.
import type { Scheme } from '../scheme/schema.js';
import { mentorPlaces, unavailableThroughout } from '../timeline.js';
import type { Mentor, Student } from '../types.js';

export interface SupplyRow {
  kind: 'sector' | 'support area';
  value: string;
  students: number;
  mentors: number;
  places: number;
  shortfall: number;
  known: boolean;
}

export interface SupplyReport {
  students: number;
  mentors: number;
  places: number;
  unavailableMentors: string[];
  rows: SupplyRow[];
}

export function supplyReport(students: readonly Student[], mentors: readonly Mentor[], scheme: Scheme): SupplyReport {
  const available = mentors.filter((m) => !unavailableThroughout(m, scheme));
  const unavailableMentors = mentors.filter((m) => unavailableThroughout(m, scheme)).map((m) => m.email);
  const build = (kind: SupplyRow['kind'], field: 'sectors' | 'support_areas', vocabulary: readonly { value: string }[]): SupplyRow[] => {
    const known = vocabulary.map((v) => v.value);
    const values = new Set<string>(known);
    for (const p of [...students, ...available]) for (const v of p[field]) values.add(v);
    const rows: SupplyRow[] = [];
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

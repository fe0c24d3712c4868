// Dates of the programme year. ISO date strings compare correctly as strings.
import type { Scheme } from './scheme/schema.js';
import type { DateRange, Mentor } from './types.js';

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function addMonths(iso: string, months: number): string {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d.toISOString().slice(0, 10);
}

export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(`${toIso.slice(0, 10)}T00:00:00Z`) - Date.parse(`${fromIso.slice(0, 10)}T00:00:00Z`)) / 86400000);
}

/** Days of [from, to] covered by the union of ranges. */
export function coveredDays(ranges: readonly DateRange[], from: string, to: string): number {
  let covered = 0;
  for (let d = from; d <= to; d = addDays(d, 1)) {
    if (ranges.some((r) => r.from <= d && d <= r.to)) covered++;
  }
  return covered;
}

/** A mentor whose declared unavailability covers the whole programme cannot take a student. */
export function unavailableThroughout(mentor: Pick<Mentor, 'unavailable'>, scheme: Scheme): boolean {
  if (mentor.unavailable.length === 0) return false;
  const { programme_start: start, programme_end: end } = scheme.timeline;
  let day = start;
  // Walk forward through ranges that cover the current day; cheap because ranges are few.
  for (let guard = 0; guard < 1000; guard++) {
    const cover = mentor.unavailable.filter((r) => r.from <= day && day <= r.to);
    if (cover.length === 0) return false;
    const furthest = cover.reduce((m, r) => (r.to > m ? r.to : m), day);
    if (furthest >= end) return true;
    day = addDays(furthest, 1);
  }
  return false;
}

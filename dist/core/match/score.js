// A pair's score: four weighted components (docs/matching.md). Scoring every pair of a big cohort
// (5,000 x 2,000 = 10 million pairs) must take well under a second, so each person's values are
// turned once into bitmasks and small integer ids, and the hot loop allocates nothing. The
// explained form (shared sectors and support areas) is only built for the pairs people look at.
import { vocabKey } from '../import/vocabulary.js';
/** Two decimals, the precision of every score the tool shows or stores. */
export function round2(x) {
    return Math.round(x * 100) / 100;
}
function popcount(x) {
    x -= (x >>> 1) & 0x55555555;
    x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
    return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
/** Interns keys to dense ids, so a set of values becomes a row of bits. */
class Ids {
    map = new Map();
    id(key) {
        let id = this.map.get(key);
        if (id === undefined) {
            id = this.map.size;
            this.map.set(key, id);
        }
        return id;
    }
    get size() {
        return this.map.size;
    }
}
// Each distinct text's vocabKey (NFKD and four regular expressions) once per process: a cohort
// repeats a few dozen sectors, places and programmes thousands of times, and computing them again
// was a third of scoring 2,000 students against 800 mentors. The memo is pure (same text, same key).
const KEYS = new Map();
function key(text) {
    let k = KEYS.get(text);
    if (k === undefined)
        KEYS.set(text, (k = vocabKey(text)));
    return k;
}
/** The student's values the mentor also has, in the student's spelling, each once. */
function shared(mine, theirs) {
    const other = new Set(theirs.map(key));
    const seen = new Set();
    return mine.filter((v) => {
        const k = key(v);
        if (!other.has(k) || seen.has(k))
            return false;
        seen.add(k);
        return true;
    });
}
/** One row of `words` 32-bit words per person. */
function masks(keys, words) {
    const out = new Uint32Array(Math.max(1, keys.length * words));
    keys.forEach((row, p) => {
        for (const id of row)
            out[p * words + (id >>> 5)] |= 1 << (id & 31);
    });
    return out;
}
function distinctKeys(values, ids) {
    const out = [];
    for (const v of values) {
        const k = key(v);
        if (k === '')
            continue;
        const id = ids.id(k);
        if (!out.includes(id))
            out.push(id);
    }
    return out;
}
/**
 * Scores pairs of students[i] and mentors[j]. Student and mentor indexes are those of the arrays
 * given to the constructor.
 */
export class Scorer {
    students;
    mentors;
    sW; // words per sector mask
    aW; // words per support-area mask
    stuSectors;
    menSectors;
    stuSupport;
    menSupport;
    /** Points by number of shared values, per student, already rounded: row i starts at *Start[i]. */
    sectorPts;
    sectorStart;
    supportPts;
    supportStart;
    /** Programme points per (student programme, mentor): row P is "no programme". */
    programmePts;
    stuProgrammeRow;
    stuCountry;
    stuCity;
    stuInPerson;
    menCountry;
    /** The mentor's city for in-person meetings; -2 for a mentor who meets online only. */
    menMeetCity;
    halfLocation;
    weights;
    constructor(students, mentors, scheme) {
        this.students = students;
        this.mentors = mentors;
        this.weights = scheme.matching.weights;
        const w = this.weights;
        const sectorIds = new Ids();
        const supportIds = new Ids();
        const stuSectorKeys = students.map((s) => distinctKeys(s.sectors, sectorIds));
        const menSectorKeys = mentors.map((m) => distinctKeys(m.sectors, sectorIds));
        const stuSupportKeys = students.map((s) => distinctKeys(s.support_areas, supportIds));
        const menSupportKeys = mentors.map((m) => distinctKeys(m.support_areas, supportIds));
        this.sW = Math.max(1, Math.ceil(sectorIds.size / 32));
        this.aW = Math.max(1, Math.ceil(supportIds.size / 32));
        this.stuSectors = masks(stuSectorKeys, this.sW);
        this.menSectors = masks(menSectorKeys, this.sW);
        this.stuSupport = masks(stuSupportKeys, this.aW);
        this.menSupport = masks(menSupportKeys, this.aW);
        // Points for 0..k shared values, rounded once here so every path gives the same number.
        const table = (keys, weight, noneSought) => {
            const start = new Int32Array(keys.length);
            let size = 0;
            keys.forEach((k, i) => {
                start[i] = size;
                size += k.length + 1;
            });
            const pts = new Float64Array(size);
            keys.forEach((k, i) => {
                for (let c = 0; c <= k.length; c++)
                    pts[start[i] + c] = k.length ? round2((c * weight) / k.length) : noneSought;
            });
            return { start, pts };
        };
        const sec = table(stuSectorKeys, w.sector, 0);
        // A student who sought no support misses nothing: every mentor covers all of it.
        const sup = table(stuSupportKeys, w.support, w.support);
        this.sectorPts = sec.pts;
        this.sectorStart = sec.start;
        this.supportPts = sup.pts;
        this.supportStart = sup.start;
        const programmeIds = new Ids();
        for (const group of scheme.matching.programme_groups)
            for (const p of group)
                programmeIds.id(key(p));
        const stuProgramme = students.map((s) => (key(s.programme) ? programmeIds.id(key(s.programme)) : -1));
        const courseKeys = mentors.map((m) => distinctKeys(m.courses, programmeIds));
        const P = programmeIds.size;
        const sameGroup = new Set();
        for (const group of scheme.matching.programme_groups) {
            const members = [...new Set(group.map((p) => programmeIds.id(key(p))))];
            for (const a of members)
                for (const b of members)
                    sameGroup.add(a * P + b);
        }
        const M = mentors.length;
        this.programmePts = new Float64Array((P + 1) * M);
        const half = round2(w.programme / 2);
        for (let p = 0; p < P; p++) {
            courseKeys.forEach((courses, j) => {
                this.programmePts[p * M + j] = courses.includes(p) ? w.programme : courses.some((c) => sameGroup.has(p * P + c)) ? half : 0;
            });
        }
        this.stuProgrammeRow = Int32Array.from(stuProgramme, (p) => (p < 0 ? P : p) * M);
        const countries = new Ids();
        const cities = new Ids();
        const country = (c) => (key(c) ? countries.id(key(c)) : -1);
        // A city is only the same city in the same country (there is a London in Ontario).
        const city = (c, k) => (key(k) && key(c) ? cities.id(`${key(c)}|${key(k)}`) : -1);
        this.stuCountry = Int32Array.from(students, (s) => country(s.country));
        this.stuCity = Int32Array.from(students, (s) => city(s.country, s.city));
        this.stuInPerson = Uint8Array.from(students, (s) => (s.meeting_preference === 'in-person' ? 1 : 0));
        this.menCountry = Int32Array.from(mentors, (m) => country(m.country));
        this.menMeetCity = Int32Array.from(mentors, (m) => (m.meeting_preference === 'online' ? -2 : city(m.country, m.city)));
        this.halfLocation = round2(w.location / 2);
    }
    sharedSectorCount(i, j) {
        let n = 0;
        const a = i * this.sW;
        const b = j * this.sW;
        for (let k = 0; k < this.sW; k++)
            n += popcount(this.stuSectors[a + k] & this.menSectors[b + k]);
        return n;
    }
    sharedSupportCount(i, j) {
        let n = 0;
        const a = i * this.aW;
        const b = j * this.aW;
        for (let k = 0; k < this.aW; k++)
            n += popcount(this.stuSupport[a + k] & this.menSupport[b + k]);
        return n;
    }
    programmePoints(i, j) {
        return this.programmePts[this.stuProgrammeRow[i] + j];
    }
    locationPoints(i, j) {
        const c = this.stuCountry[i];
        if (c < 0 || c !== this.menCountry[j])
            return 0;
        if (!this.stuInPerson[i])
            return this.weights.location;
        // Meeting in person needs the same city, and a mentor who will meet face to face.
        const city = this.stuCity[i];
        return city >= 0 && city === this.menMeetCity[j] ? this.weights.location : this.halfLocation;
    }
    breakdown(i, j) {
        return {
            sector: this.sectorPts[this.sectorStart[i] + this.sharedSectorCount(i, j)],
            support: this.supportPts[this.supportStart[i] + this.sharedSupportCount(i, j)],
            programme: this.programmePoints(i, j),
            location: this.locationPoints(i, j),
        };
    }
    /** The score of one pair, 0-100 with the default weights; the sum of the rounded components. */
    score(i, j) {
        const b = this.breakdown(i, j);
        return round2(b.sector + b.support + b.programme + b.location);
    }
    /**
     * The hot loop: scores of student i against the mentors listed in `cols`, into out[base + j].
     * Pairs that break require_shared_sector or min_score get -Infinity. Same numbers as score().
     */
    scoreRow(i, cols, out, base, minScore, requireShared) {
        const sW = this.sW;
        const aW = this.aW;
        const ss = this.stuSectors;
        const ms = this.menSectors;
        const sa = this.stuSupport;
        const ma = this.menSupport;
        const secRow = this.sectorStart[i];
        const supRow = this.supportStart[i];
        const progRow = this.stuProgrammeRow[i];
        const country = this.stuCountry[i];
        const inPerson = this.stuInPerson[i] === 1;
        const city = this.stuCity[i];
        const full = this.weights.location;
        const half = this.halfLocation;
        for (let k = 0; k < cols.length; k++) {
            const j = cols[k];
            let sec = 0;
            for (let w = 0; w < sW; w++)
                sec += popcount(ss[i * sW + w] & ms[j * sW + w]);
            if (requireShared && sec === 0) {
                out[base + j] = -Infinity;
                continue;
            }
            let sup = 0;
            for (let w = 0; w < aW; w++)
                sup += popcount(sa[i * aW + w] & ma[j * aW + w]);
            const loc = country < 0 || country !== this.menCountry[j] ? 0 : !inPerson ? full : city >= 0 && city === this.menMeetCity[j] ? full : half;
            const s = round2(this.sectorPts[secRow + sec] + this.supportPts[supRow + sup] + this.programmePts[progRow + j] + loc);
            out[base + j] = s >= minScore ? s : -Infinity;
        }
    }
    /** Score, breakdown and the shared values in the student's own spelling. */
    explain(i, j) {
        const s = this.students[i];
        const m = this.mentors[j];
        const breakdown = this.breakdown(i, j);
        return {
            score: round2(breakdown.sector + breakdown.support + breakdown.programme + breakdown.location),
            breakdown,
            shared_sectors: shared(s.sectors, m.sectors),
            shared_support: shared(s.support_areas, m.support_areas),
        };
    }
}
/** One pair, without building a Scorer for the whole cohort by hand (tests, confirm). */
export function scorePair(student, mentor, scheme) {
    return new Scorer([student], [mentor], scheme).explain(0, 0);
}

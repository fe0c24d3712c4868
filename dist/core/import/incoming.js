import { peopleColumns, personRow } from '../store/people-rows.js';
import { SOURCE_KEY } from './people.js';
import { parseWithPlan } from './pipeline.js';
const ref = (e) => ({ file: e.file, row: e.row, submitted_at: e.person.submitted_at });
/**
 * Each person once, in the order they first came; of two submissions the later wins (the later
 * row when they tie or carry no time).
 */
function latestSubmissions(entries) {
    const byEmail = new Map();
    const dups = new Map();
    for (const entry of entries) {
        const email = entry.person.email;
        const current = byEmail.get(email);
        if (!current) {
            byEmail.set(email, entry);
            continue;
        }
        const laterWins = entry.person.submitted_at >= current.person.submitted_at;
        const kept = laterWins ? entry : current;
        const dropped = laterWins ? current : entry;
        const d = dups.get(email) ?? { email, kept: ref(kept), dropped: [] };
        d.kept = ref(kept);
        d.dropped = [...d.dropped.filter((x) => !(x.file === kept.file && x.row === kept.row)), ref(dropped)];
        dups.set(email, d);
        if (laterWins)
            byEmail.set(email, entry);
    }
    return { byEmail, duplicates: [...dups.values()] };
}
/** Whether two people would be written as the same line of the data file. */
function sameStored(keys, a, b) {
    const ra = personRow(a);
    const rb = personRow(b);
    return keys.every((k) => (ra[k] ?? '') === (rb[k] ?? ''));
}
function sameSource(a, b) {
    const source = a.extra[SOURCE_KEY];
    return source !== undefined && source === b.extra[SOURCE_KEY];
}
export function planImport(input) {
    const { target, scheme, maxYear } = input;
    const plan = { people: [], rejects: [], duplicates: [], warnings: [], dropped: [], notes: [], imported: 0, updated: 0, unchanged: 0, older: 0 };
    const rejectsByFile = new Map();
    const reject = (r) => {
        const list = rejectsByFile.get(r.file);
        if (list)
            list.push(r);
        else
            rejectsByFile.set(r.file, [r]);
    };
    const accepted = [];
    for (const { table, plan: columns } of input.files) {
        const parsed = parseWithPlan(table, target, scheme, columns, maxYear);
        if (parsed.error)
            throw parsed.error;
        plan.dropped.push(...parsed.dropped);
        plan.notes.push(...parsed.notes);
        parsed.rejects.forEach(reject);
        plan.warnings.push(...parsed.warnings);
        for (const p of parsed.people)
            accepted.push(p);
    }
    const { byEmail, duplicates } = latestSubmissions(accepted);
    plan.duplicates = duplicates;
    // The later import's row is the one rejected: the stored side stays as it is.
    const other = target === 'students' ? 'mentor' : 'student';
    for (const [email, e] of byEmail) {
        if (!input.otherSide.has(email))
            continue;
        byEmail.delete(email);
        reject({
            file: e.file, row: e.row, headers: [], cells: [],
            problems: [{ file: e.file, row: e.row, column: 'email', value: email, reason: `is already in the workspace as a ${other}; a person cannot be both` }],
        });
    }
    for (const list of rejectsByFile.values())
        plan.rejects.push(...list);
    const merged = new Map();
    const storedByEmail = new Map();
    for (const s of input.stored) {
        merged.set(s.email, s);
        storedByEmail.set(s.email, s);
    }
    const keys = peopleColumns(target).map((c) => c.key);
    for (const [email, { person }] of byEmail) {
        const s = storedByEmail.get(email);
        if (!s) {
            merged.set(email, person);
            plan.imported++;
        }
        else if (sameStored(keys, s, person))
            plan.unchanged++;
        // An older submission never replaces a newer one, except its own earlier reading: the same
        // person from the same source file is the same submission, read again after a fix.
        else if (person.submitted_at && s.submitted_at && person.submitted_at < s.submitted_at && !sameSource(s, person))
            plan.older++;
        else {
            merged.set(email, person);
            plan.updated++;
        }
    }
    plan.people = [...merged.values()];
    return plan;
}

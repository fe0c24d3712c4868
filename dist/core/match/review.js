// The review loop, pure: the rows of out/match-review.xlsx, and reading the decisions back from
// whatever Excel or LibreOffice saved (XLSX or CSV, any header position, any letter case).
import { DataError } from '../../errors.js';
import { normaliseEmail } from '../import/values.js';
import { UNMATCHED_TEXT } from './explain.js';
import { placesOf } from './plan.js';
import { BLOCK_TEXT, isActive, mentorRules, pairKey, readHistory } from './rules.js';
import { scorePair } from './score.js';
import { FILES } from '../../workspace/layout.js';
export const REVIEW_SHEET = 'Review';
export const UNMATCHED_SHEET = 'Unmatched';
export const DECISIONS = ['approve', 'reject'];
const text = (key, header = key) => ({ key, header });
const num = (key) => ({ key, header: key, type: 'number' });
const int = (key) => ({ key, header: key, type: 'integer' });
// `decision` comes first: it is the one column a reviewer edits, and it stays in view.
export const REVIEW_COLUMNS = [
    text('decision'),
    text('student_name'), text('student_email'), text('programme'), text('student_sectors'), text('support_sought'),
    text('student_country'), text('student_city'), text('student_meeting'),
    text('mentor_name'), text('mentor_email'), text('mentor_courses'), text('mentor_sectors'), text('support_offered'),
    text('mentor_country'), text('mentor_city'), text('mentor_meeting'), text('job_role'), int('capacity'), int('free_places'),
    num('score'), num('sector_points'), num('support_points'), num('programme_points'), num('location_points'),
    text('shared_sectors'), text('shared_support'), text('alternatives'),
];
export const UNMATCHED_COLUMNS = [
    text('student_name'), text('student_email'), text('programme'), text('student_sectors'), text('support_sought'),
    text('student_country'), text('student_city'), text('reason'), text('detail'),
];
function studentCells(s) {
    return {
        student_name: s.name, student_email: s.email, programme: s.programme, student_sectors: s.sectors,
        support_sought: s.support_areas, student_country: s.country, student_city: s.city,
    };
}
export function reviewSheets(s, unmatched) {
    const p = s.problem;
    const review = s.proposals.map((pr) => {
        const st = p.pool[pr.row];
        const m = p.mentors[pr.mentor];
        const places = placesOf(s, pr.mentor);
        return {
            decision: '',
            ...studentCells(st),
            student_meeting: st.meeting_preference,
            mentor_name: m.name, mentor_email: m.email, mentor_courses: m.courses, mentor_sectors: m.sectors,
            support_offered: m.support_areas, mentor_country: m.country, mentor_city: m.city, mentor_meeting: m.meeting_preference,
            job_role: m.job_role, capacity: m.capacity, free_places: places.free,
            score: pr.pair.score, sector_points: pr.pair.breakdown.sector, support_points: pr.pair.breakdown.support,
            programme_points: pr.pair.breakdown.programme, location_points: pr.pair.breakdown.location,
            shared_sectors: pr.pair.shared_sectors, shared_support: pr.pair.shared_support,
            alternatives: pr.alternatives.map((a) => `${p.mentors[a.mentor].email} (${a.score})`),
        };
    });
    const rest = unmatched.map((u) => ({ ...studentCells(p.pool[u.row]), reason: UNMATCHED_TEXT[u.reason], detail: u.detail }));
    return [
        {
            name: REVIEW_SHEET,
            columns: REVIEW_COLUMNS,
            rows: review,
            listValidation: { key: 'decision', values: [...DECISIONS], prompt: "approve, reject, or type a mentor's email to reassign" },
        },
        { name: UNMATCHED_SHEET, columns: UNMATCHED_COLUMNS, rows: rest },
    ];
}
const HEADER_SCAN = 20;
const FIX_DECISION = "write approve or reject, a mentor's email to reassign the student, or leave it blank";
function headerKey(h) {
    return h.trim().toLowerCase().replace(/[\s-]+/g, '_');
}
export function parseDecision(raw, proposed) {
    const t = raw.trim().toLowerCase();
    if (t === '')
        return { kind: 'none' };
    if (t === 'approve' || t === 'approved')
        return { kind: 'approve' };
    if (t === 'reject' || t === 'rejected')
        return { kind: 'reject' };
    const email = normaliseEmail(t);
    if (!email)
        return null;
    return email === proposed ? { kind: 'approve' } : { kind: 'reassign', mentor: email };
}
/** The decisions of a review sheet, wherever its header row is. Rows without a decision are kept. */
export function readReview(table) {
    const { file } = table;
    let header = -1;
    let col = { decision: -1, student: -1, mentor: -1 };
    for (let r = 0; r < Math.min(HEADER_SCAN, table.rows.length) && header < 0; r++) {
        const keys = table.rows[r].map(headerKey);
        const found = { decision: keys.indexOf('decision'), student: keys.indexOf('student_email'), mentor: keys.indexOf('mentor_email') };
        if (found.decision >= 0 && found.student >= 0 && found.mentor >= 0) {
            header = r;
            col = found;
        }
    }
    if (header < 0) {
        throw new DataError('no header row with the columns decision, student_email and mentor_email', { file }, 'give confirm the review sheet that mentorship match wrote (out/match-review.xlsx), keeping its header row, or use confirm --all');
    }
    const lines = [];
    const firstRow = new Map();
    for (let r = header + 1; r < table.rows.length; r++) {
        const cells = table.rows[r];
        const row = table.rowNumbers[r] ?? r + 1;
        const rawDecision = (cells[col.decision] ?? '').trim();
        const rawStudent = (cells[col.student] ?? '').trim();
        const rawMentor = (cells[col.mentor] ?? '').trim();
        if (!rawStudent && !rawMentor) {
            if (rawDecision)
                throw new DataError(`a decision ("${rawDecision}") on a row without a pair`, { file, row, column: 'decision' }, 'put the decision on the row of the pair it is about');
            continue;
        }
        const student = normaliseEmail(rawStudent);
        if (!student)
            throw new DataError(`"${rawStudent}" is not a student's email`, { file, row, column: 'student_email' }, 'restore the student_email cell as mentorship wrote it');
        const mentor = normaliseEmail(rawMentor);
        if (!mentor)
            throw new DataError(`"${rawMentor}" is not a mentor's email`, { file, row, column: 'mentor_email' }, 'restore the mentor_email cell as mentorship wrote it (to reassign, write the new email in decision)');
        const decision = parseDecision(rawDecision, mentor);
        if (!decision)
            throw new DataError(`"${rawDecision}" is not a decision`, { file, row, column: 'decision' }, FIX_DECISION);
        if (decision.kind !== 'none') {
            const earlier = firstRow.get(student);
            if (earlier !== undefined) {
                throw new DataError(`a second decision for ${student} (the first is on row ${earlier})`, { file, row, column: 'decision' }, 'keep one decision per student');
            }
            firstRow.set(student, row);
        }
        lines.push({ row, student_email: student, mentor_email: mentor, decision });
    }
    return lines;
}
export function applyDecisions(input) {
    const { file, matches, mentors, at } = input;
    const history = readHistory(matches, input.exclusions);
    const rule = mentorRules(mentors, history, input.scheme);
    const mentorIndex = new Map(mentors.map((m, j) => [m.email, j]));
    const active = new Map();
    matches.forEach((m, i) => {
        if (isActive(m))
            active.set(m.student_email, i);
    });
    const lines = input.lines === 'all'
        ? matches.flatMap((m, i) => (m.status === 'proposed' ? [{ row: i + 2, student_email: m.student_email, mentor_email: m.mentor_email, decision: { kind: 'approve' } }] : []))
        : input.lines;
    const where = (line, column = 'decision') => ({ file: input.lines === 'all' ? FILES.matches : file, row: line.row, ...(input.lines === 'all' ? {} : { column }) });
    const acts = [];
    let already = 0;
    for (const line of lines) {
        const d = line.decision;
        if (d.kind === 'none')
            continue;
        const index = active.get(line.student_email);
        const cur = index === undefined ? undefined : matches[index];
        const target = d.kind === 'reassign' ? d.mentor : line.mentor_email;
        if (cur && cur.status === 'confirmed' && d.kind !== 'reject' && cur.mentor_email === target) {
            already++;
            continue;
        }
        if (!cur || cur.status !== 'proposed' || cur.mentor_email !== line.mentor_email) {
            const now = cur ? `${line.student_email} is now ${cur.status} with ${cur.mentor_email}` : 'that proposal has been replaced or removed';
            throw new DataError(`${line.student_email} and ${line.mentor_email} are no longer a proposed pair (${now}): the sheet is older than data/matches.csv`, where(line), 'run mentorship match for a fresh review sheet, or clear this decision');
        }
        acts.push({ line, index: index });
    }
    const load = new Map(history.fixedLoad);
    const take = (act, mentor, column) => {
        const j = mentorIndex.get(mentor);
        if (j === undefined) {
            throw new DataError(`${mentor} is not a mentor in data/mentors.csv`, where(act.line, column), "write the email of a mentor in the workspace (the alternatives column lists mentors with free places)");
        }
        const m = mentors[j];
        const block = rule.block[j];
        if (block)
            throw new DataError(`${mentor} cannot take a student: ${BLOCK_TEXT[block]}`, where(act.line, column), 'choose another mentor (see the alternatives column)');
        const used = load.get(mentor) ?? 0;
        if (used + 1 > m.capacity) {
            throw new DataError(`${m.name} <${mentor}> has no free place: capacity ${m.capacity}, ${used} already confirmed or approved in this sheet`, where(act.line, column), 'choose another mentor (see the alternatives column), or leave this decision blank');
        }
        load.set(mentor, used + 1);
    };
    // Approvals first, then reassignments: a reassignment may only use a place nobody approved.
    for (const act of acts)
        if (act.line.decision.kind === 'approve')
            take(act, act.line.mentor_email, 'decision');
    const result = [...matches];
    const reassigned = [];
    const excluded = new Set(history.excluded.keys());
    const exclusions = [...input.exclusions];
    let approved = 0;
    let rejected = 0;
    for (const act of acts) {
        const d = act.line.decision;
        const cur = matches[act.index];
        if (d.kind === 'approve') {
            result[act.index] = { ...cur, status: 'confirmed', decided_at: at };
            approved++;
        }
        else if (d.kind === 'reassign') {
            if (excluded.has(pairKey(cur.student_email, d.mentor))) {
                throw new DataError(`${cur.student_email} and ${d.mentor} may not be paired: ${history.excluded.get(pairKey(cur.student_email, d.mentor))}`, where(act.line), 'choose another mentor (see the alternatives column)');
            }
            take(act, d.mentor, 'decision');
            const student = input.students.find((s) => s.email === cur.student_email);
            const mentor = mentors[mentorIndex.get(d.mentor)];
            const pair = student ? scorePair(student, mentor, input.scheme) : { score: 0, breakdown: cur.breakdown, shared_sectors: [], shared_support: [] };
            result[act.index] = { ...cur, ...pair, mentor_email: d.mentor, status: 'confirmed', decided_at: at, reason: `reassigned in review from ${cur.mentor_email}` };
            reassigned.push({ student: cur.student_email, from: cur.mentor_email, to: d.mentor });
        }
        else if (d.kind === 'reject') {
            result[act.index] = null;
            rejected++;
            const key = pairKey(cur.student_email, cur.mentor_email);
            if (!excluded.has(key)) {
                excluded.add(key);
                exclusions.push({ student_email: cur.student_email, mentor_email: cur.mentor_email, reason: 'rejected in review', added_at: at });
            }
        }
    }
    const kept = result.filter((m) => m !== null);
    return { matches: kept, exclusions, approved, rejected, reassigned, already, undecided: kept.filter((m) => m.status === 'proposed').length };
}

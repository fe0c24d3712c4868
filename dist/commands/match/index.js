import { changedOutcome } from '../../outcome.js';
import { DataError } from '../../errors.js';
import { chaseReport, unresponsiveReason } from '../../core/followup/chase.js';
import { normaliseEmail } from '../../core/import/values.js';
import { explainStudent, unmatchedOf } from '../../core/match/explain.js';
import { summarise } from '../../core/match/greedy.js';
import { buildProblem, matchesAfter, solve } from '../../core/match/plan.js';
import { reviewSheets } from '../../core/match/review.js';
import { pairKey } from '../../core/match/rules.js';
import { todayIso } from '../../context.js';
import { loadChases, loadExclusions, loadMatches, loadMeetings, loadMentors, loadStudents, stageAudit, stageMatches, REVIEW_FILE } from '../../workspace/store.js';
import { openWorkspace } from '../../workspace/workspace.js';
import { loadNoResponse } from '../../workspace/followup.js';
import { changeWorkspace, isoNow } from '../../workspace/change.js';
import { warnTimeline } from '../../workspace/timeline.js';
import { FILES } from '../../workspace/layout.js';
const scoreView = (p) => ({ score: p.score, breakdown: p.breakdown, sharedSectors: p.shared_sectors, sharedSupport: p.shared_support });
function explainView(e) {
    return {
        studentEmail: e.student_email,
        studentName: e.student_name,
        status: e.status,
        ...(e.mentor ? { mentor: { email: e.mentor.email, name: e.mentor.name, ...scoreView(e.mentor) } } : {}),
        note: e.note,
        options: e.options.map((o) => ({
            mentorEmail: o.mentor_email, mentorName: o.mentor_name, ...scoreView(o), kind: o.kind, why: o.why, ...(o.displaced ? { displaced: o.displaced } : {}),
        })),
    };
}
function loadInput(ctx, ws, opts) {
    const now = ctx.now();
    const allowMentors = (opts.allowMentor ?? []).map((e) => normaliseEmail(e) ?? e.trim().toLowerCase());
    const input = { students: loadStudents(ws, now), mentors: loadMentors(ws, now), matches: loadMatches(ws), exclusions: loadExclusions(ws), scheme: ws.scheme, allowMentors };
    if (!input.students.length)
        throw new DataError('there are no students to match', { file: FILES.students }, 'import the applications first: mentorship import students FILE');
    if (!input.mentors.length)
        throw new DataError('there are no mentors to match', { file: FILES.mentors }, 'import the alumni applications first: mentorship import mentors FILE');
    return input;
}
function timer(ctx) {
    let last = performance.now();
    return (what) => {
        const t = performance.now();
        ctx.debug(`${what}: ${Math.round(t - last)} ms`);
        last = t;
    };
}
const UNMATCHED_COUNTED = {
    'no-eligible-mentor': 'with no eligible mentor',
    'mentors-full': 'whose eligible mentors are all full',
    'below-min-score': 'below min_score with every mentor',
};
const pct = (x) => `${Math.round(x * 100)}%`;
const signed = (x) => (x > 0 ? `+${x}` : String(x));
function gainText(s) {
    const matched = s.gain.matched === 0 ? 'as many students matched' : `${signed(s.gain.matched)} students matched`;
    return `${matched}, ${signed(s.gain.meanScore)} mean score (greedy: ${s.greedy.matched} matched, mean ${s.greedy.meanScore})`;
}
function says(ctx, s, file, dryRun) {
    const c = ctx.chalk;
    if (!s.pool)
        return [`Every student is in a confirmed pair (${s.fixed}), or has left: nothing to propose.`];
    const lines = [`${c.bold(String(s.matched))} of ${s.pool} student(s) proposed a mentor${s.fixed ? `; ${s.fixed} already in a confirmed pair (kept)` : ''}${s.fair ? ' (--fair)' : ''}.`];
    if (s.unmatched) {
        const by = Object.entries(s.unmatchedBy).filter(([, n]) => n > 0).map(([r, n]) => `${n} ${UNMATCHED_COUNTED[r]}`);
        lines.push(`${c.yellow(`${s.unmatched} unmatched`)}: ${by.join(', ')} (reasons in the Unmatched sheet).`);
    }
    if (s.matched) {
        lines.push(`Scores: mean ${s.meanScore}, lowest ${s.lowestScore}; ${pct(s.sharedSectorShare)} of pairs share at least one sector.`);
        lines.push(`Against first come, first served on the same data: ${gainText(s)}.`);
        if (!dryRun)
            lines.push(`Review ${file} (decision column: approve, reject, or a mentor's email to reassign), then: mentorship confirm ${file}  (or confirm --all)`);
    }
    return lines;
}
async function propose(ctx, opts) {
    const fair = Boolean(opts.fair);
    const changed = await changeWorkspace(ctx, 'match', async (ws, tx) => {
        warnTimeline(ctx, ws, 'match');
        const lap = timer(ctx);
        const loaded = loadInput(ctx, ws, opts);
        // A mentor who did not answer after the last chase: the pair ends here, the student stays in
        // the pool and is offered another mentor in this same run (docs/followup.md).
        // From the people and pairs already loaded: reading them twice was a fifth of the command.
        const rematch = chaseReport({
            scheme: ws.scheme, asOf: todayIso(ctx), matches: loaded.matches, students: loaded.students, mentors: loaded.mentors,
            meetings: loadMeetings(ws), chases: loadChases(ws), noResponse: loadNoResponse(ws),
        }).rematch;
        const at = isoNow(ctx);
        const ending = new Map(rematch.map((p) => [pairKey(p.student_email, p.mentor_email), unresponsiveReason(p)]));
        const ended = (m) => m.status === 'confirmed' && ending.has(pairKey(m.student_email, m.mentor_email));
        const input = { ...loaded, matches: loaded.matches.map((m) => (ended(m) ? { ...m, status: 'withdrawn', decided_at: at, reason: ending.get(pairKey(m.student_email, m.mentor_email)) } : m)) };
        lap('load');
        const problem = buildProblem(input);
        lap(`score ${problem.pool.length} x ${problem.mentors.length}`);
        const solved = solve(problem, { fair, alternatives: ws.scheme.matching.alternatives });
        lap('solve');
        const unmatched = unmatchedOf(solved);
        const unmatchedBy = { 'no-eligible-mentor': 0, 'mentors-full': 0, 'below-min-score': 0 };
        for (const u of unmatched)
            unmatchedBy[u.reason]++;
        const summary = summarise(solved, unmatchedBy);
        lap('explain and compare');
        stageMatches(tx, matchesAfter(solved, isoNow(ctx)));
        const { toXlsx } = await import('../../io/xlsx-write.js');
        tx.write(REVIEW_FILE, await toXlsx(reviewSheets(solved, unmatched), ctx.now()));
        lap('write');
        stageAudit(tx, ws, {
            at: isoNow(ctx), command: 'match', fair, proposed: summary.matched, unmatched: summary.unmatched, fixed: summary.fixed,
            mean_score: summary.meanScore, lowest_score: summary.lowestScore, rematched: rematch.length,
        });
        const unmatchedRows = unmatched.map((u) => ({ email: problem.pool[u.row].email, reason: u.reason, detail: u.detail }));
        const ends = rematch.map((p) => ({ studentEmail: p.student_email, mentorEmail: p.mentor_email, reason: unresponsiveReason(p) }));
        return { summary, unmatched: unmatchedRows, files: [REVIEW_FILE, FILES.matches], ended: ends };
    });
    const { summary, unmatched, files, ended } = changed.result;
    const unmatchedBy = Object.entries(summary.unmatchedBy).map(([reason, students]) => ({ reason, students }));
    const result = { ...summary, unmatchedBy, unmatchedStudents: unmatched, endedUnresponsive: ended, files };
    const messages = [
        ...ended.map((e) => `${changed.dryRun ? 'would end' : 'ended'}: ${e.studentEmail} and ${e.mentorEmail} (${e.reason}); the student is offered another mentor, and ${e.mentorEmail} gets no new student unless you pass --allow-mentor ${e.mentorEmail}`),
        ...says(ctx, summary, REVIEW_FILE, changed.dryRun),
    ];
    return changedOutcome({ ...changed, result }, { messages });
}
function points(b) {
    return `sector ${b.sector}, support ${b.support}, programme ${b.programme}, location ${b.location}`;
}
function explanationText(e) {
    const lines = [`${e.student_name} <${e.student_email}>: ${e.status}${e.mentor ? ` with ${e.mentor.name} <${e.mentor.email}>, score ${e.mentor.score}` : ''}`];
    if (e.mentor) {
        lines.push(`  points: ${points(e.mentor.breakdown)}`);
        lines.push(`  shared sectors: ${e.mentor.shared_sectors.join('; ') || '(none)'}`);
        lines.push(`  shared support: ${e.mentor.shared_support.join('; ') || '(none)'}`);
    }
    lines.push(`  ${e.note}`);
    if (e.options.length)
        lines.push('', 'Next best options:');
    e.options.forEach((o, k) => {
        lines.push(`  ${k + 1}. ${o.mentor_name} <${o.mentor_email}>: score ${o.score} (${points(o.breakdown)})`);
        if (o.shared_sectors.length)
            lines.push(`     shared sectors: ${o.shared_sectors.join('; ')}`);
        lines.push(`     ${e.status === 'proposed' || e.status === 'unmatched' ? 'why not: ' : ''}${o.why}`);
    });
    return lines.join('\n');
}
/** Read-only: re-runs the same deterministic solve and explains one student; writes nothing. */
async function explain(ctx, email, opts) {
    const wanted = normaliseEmail(email);
    if (!wanted)
        throw new DataError(`"${email}" is not an email address`, {}, "give the student's email: mentorship match --explain name@example.ac.uk");
    const { ws, release } = openWorkspace(ctx);
    try {
        const input = loadInput(ctx, ws, opts);
        const solved = solve(buildProblem(input), { fair: Boolean(opts.fair), alternatives: ws.scheme.matching.alternatives });
        const e = explainStudent(input, solved, wanted, Math.max(3, ws.scheme.matching.alternatives));
        if (!e) {
            const isMentor = input.mentors.some((m) => m.email === wanted);
            throw new DataError(isMentor ? `${wanted} is a mentor; --explain takes a student's email` : `no student has the email ${wanted}`, { file: FILES.students }, isMentor ? 'give the email of one of their students' : 'check the spelling against data/students.csv');
        }
        return { result: explainView(e), text: explanationText(e) };
    }
    finally {
        release();
    }
}
export async function run(ctx, opts) {
    return opts.explain !== undefined ? explain(ctx, opts.explain, opts) : propose(ctx, opts);
}

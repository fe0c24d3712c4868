import { renderProgrammeHtml } from '../../core/report/programme-html.js';
import { liveFigures, loadAggregates, stageAggregates } from '../../workspace/followup.js';
import { reportOutcome, stageReport } from './output.js';
import { changeWorkspace } from '../../workspace/change.js';
import { PROGRAMME_REPORT } from '../../workspace/layout.js';
const pct = (r) => (r === null ? '' : `${Math.round(r * 1000) / 10}%`);
function sheets(f) {
    const m = f.matching;
    const rows = [
        ['applicants', 'students', f.applicants.students], ['applicants', 'mentors', f.applicants.mentors], ['applicants', 'mentor places', f.applicants.places],
        ['matching', 'students matched', m.matched_students], ['matching', 'match rate', pct(m.match_rate)], ['matching', 'active or completed pairs', m.pairs],
        ['matching', 'pairs withdrawn', m.withdrawn], ['matching', 'mentors used', m.mentors_used], ['matching', 'pairs sharing a sector', m.shared_sector_pairs],
        ['matching', 'share of pairs sharing a sector', pct(m.shared_sector_rate)], ['matching', 'mean match score', m.mean_score],
        ['meetings', 'meetings held', f.meetings.total], ['meetings', 'meetings per pair', f.meetings.mean_per_pair],
        ...f.meetings.per_pair.map((n, i) => ['meetings', `pairs with ${i} meeting${i === 1 ? '' : 's'}`, n]),
        ['meetings', 'share of pairs with all three', pct(f.meetings.all_three_rate)],
        ['chasing', 'chases sent', f.chases.total], ['chasing', 'students chased', f.chases.students_chased], ['chasing', 'mentors chased', f.chases.mentors_chased],
        ['chasing', 'withdrawals', f.chases.withdrawals],
        ...f.feedback.flatMap((s) => [
            [`feedback ${s.survey}`, 'student response rate', `${pct(s.students.rate)} (${s.students.responded}/${s.students.participants})`],
            [`feedback ${s.survey}`, 'mentor response rate', `${pct(s.mentors.rate)} (${s.mentors.responded}/${s.mentors.participants})`],
            ...s.questions.filter((q) => q.kind === 'rating').map((q) => [`feedback ${s.survey}`, `mean: ${q.question}`, q.mean]),
        ]),
        ...(f.satisfaction?.bands ?? []).map((b) => ['satisfaction by match score', `score ${b.band} (${b.pairs} pairs, ${b.ratings} ratings)`, b.mean]),
    ];
    return [
        {
            name: 'Programme',
            columns: [{ key: 'section', header: 'section' }, { key: 'measure', header: 'measure' }, { key: 'value', header: 'value' }],
            rows: rows.map(([section, measure, value]) => ({ section, measure, value: value === null ? '' : String(value) })),
        },
        {
            name: 'Meetings by month',
            columns: [{ key: 'month', header: 'month' }, { key: 'count', header: 'meetings', type: 'integer' }],
            rows: f.meetings.by_month.map((x) => ({ ...x })),
        },
        {
            name: 'Ratings',
            columns: [
                { key: 'survey', header: 'survey' }, { key: 'question', header: 'question' }, { key: 'rated', header: 'rated', type: 'integer' },
                { key: 'mean', header: 'mean', type: 'number' }, { key: 'meanStudents', header: 'mean_students', type: 'number' }, { key: 'meanMentors', header: 'mean_mentors', type: 'number' },
            ],
            rows: f.feedback.flatMap((s) => s.questions.filter((q) => q.kind === 'rating').map((q) => ({ survey: s.survey, ...q, distribution: undefined, choices: undefined }))),
        },
    ];
}
function text(f, purgedOn) {
    const m = f.matching;
    const lines = [
        `${f.scheme}${purgedOn ? ` (personal data purged on ${purgedOn}; kept figures)` : ''}`,
        `  applicants        ${f.applicants.students} students, ${f.applicants.mentors} mentors (${f.applicants.places} places; a mentor unavailable for the whole programme offers none)`,
        `  matched           ${m.matched_students} students (${pct(m.match_rate) || '–'}), ${m.pairs} pairs; ${pct(m.shared_sector_rate) || '–'} share a sector; mean score ${m.mean_score ?? '–'}`,
        `  meetings          ${f.meetings.total} held, ${f.meetings.mean_per_pair ?? '–'} per pair; ${pct(f.meetings.all_three_rate) || '–'} of pairs had all three`,
        `  by month          ${f.meetings.by_month.map((x) => `${x.month}: ${x.count}`).join(', ') || '–'}`,
        `  chasing           ${f.chases.total} chases (${f.chases.students_chased} students, ${f.chases.mentors_chased} mentors); ${f.chases.withdrawals} withdrawn`,
    ];
    for (const s of f.feedback) {
        lines.push(`  feedback ${s.survey.padEnd(8)} students ${pct(s.students.rate) || '–'}, mentors ${pct(s.mentors.rate) || '–'}; ${s.questions.filter((q) => q.kind === 'rating').map((q) => `${q.question.slice(0, 40)}: ${q.mean ?? '–'}`).join('; ')}`);
    }
    if (f.satisfaction) {
        lines.push(`  satisfaction by match score: ${f.satisfaction.bands.map((b) => `${b.band}: ${b.mean ?? '–'} (n=${b.ratings})`).join(', ')}`);
    }
    return lines.join('\n');
}
/** The figures with camelCase keys, as --json gives them (data/aggregates.json keeps its own). */
function figuresResult(f) {
    const m = f.matching;
    const t = f.meetings;
    const c = f.chases;
    return {
        scheme: f.scheme,
        programmeEnd: f.programme_end,
        computedOn: f.computed_on,
        applicants: f.applicants,
        matching: {
            matchedStudents: m.matched_students, matchRate: m.match_rate, pairs: m.pairs, completed: m.completed, withdrawn: m.withdrawn,
            mentorsUsed: m.mentors_used, sharedSectorPairs: m.shared_sector_pairs, sharedSectorRate: m.shared_sector_rate, meanScore: m.mean_score,
        },
        meetings: { total: t.total, perPair: t.per_pair, meanPerPair: t.mean_per_pair, allThreeRate: t.all_three_rate, byMonth: t.by_month },
        chases: {
            total: c.total, studentsChased: c.students_chased, mentorsChased: c.mentors_chased, studentChases: c.student_chases,
            mentorChases: c.mentor_chases, withdrawals: c.withdrawals,
        },
        feedback: f.feedback,
        satisfaction: f.satisfaction,
    };
}
export async function run(ctx, _opts = {}) {
    const changed = await changeWorkspace(ctx, 'report programme', async (ws, tx) => {
        let figures = liveFigures(ctx, ws);
        let purgedOn;
        if (figures) {
            stageAggregates(tx, ws, figures);
        }
        else {
            const kept = loadAggregates(ws).programmes;
            const stored = kept[ws.scheme.timeline.programme_end] ?? Object.entries(kept).sort((a, b) => a[0].localeCompare(b[0])).at(-1)?.[1];
            if (stored) {
                const { purged_on, ...rest } = stored;
                figures = rest;
                purgedOn = purged_on;
            }
        }
        if (!figures)
            return { figures: null, purgedOn, files: [] };
        const files = await stageReport(ctx, tx, 'programme', sheets(figures));
        tx.write(PROGRAMME_REPORT, renderProgrammeHtml(figures, { purged: purgedOn }));
        files.push(PROGRAMME_REPORT);
        return { figures, purgedOn, files };
    });
    const { figures, purgedOn, files } = changed.result;
    const result = { figures: figures && figuresResult(figures), purgedOn: purgedOn ?? null, files };
    if (!figures)
        return reportOutcome({ ...changed, result }, { text: 'No participants yet, and no kept figures: import the applications first (mentorship import students FILE).' });
    return reportOutcome({ ...changed, result }, { text: text(figures, purgedOn), also: '  (open programme.html in a browser for the charts)' });
}

import { UsageError } from '../../errors.js';
import { summariseSurvey, surveysIn } from '../../core/followup/feedback-report.js';
import { renderTable } from '../../ui/table.js';
import { loadFeedback, loadMatches } from '../../workspace/store.js';
import { reportOutcome, stageReport } from './output.js';
import { changeWorkspace } from '../../workspace/change.js';
const pct = (r) => (r === null ? '–' : `${Math.round(r * 100)}%`);
function sheets(surveys) {
    return [
        {
            name: 'Questions',
            columns: [
                { key: 'survey', header: 'survey' }, { key: 'question', header: 'question' }, { key: 'kind', header: 'kind' },
                { key: 'answered', header: 'answered', type: 'integer' }, { key: 'blank', header: 'blank', type: 'integer' },
                { key: 'rated', header: 'rated', type: 'integer' }, { key: 'notRated', header: 'not_rated', type: 'integer' },
                { key: 'mean', header: 'mean', type: 'number' }, { key: 'meanStudents', header: 'mean_students', type: 'number' },
                { key: 'meanMentors', header: 'mean_mentors', type: 'number' },
                ...[1, 2, 3, 4, 5].map((n) => ({ key: `r${n}`, header: `rated_${n}`, type: 'integer' })),
                { key: 'choices', header: 'answers' },
            ],
            rows: surveys.flatMap((s) => s.questions.map((q) => ({
                survey: s.survey, question: q.question, kind: q.kind, answered: q.answered, blank: q.blank,
                rated: q.kind === 'rating' ? q.rated : null, notRated: q.kind === 'rating' ? q.notRated : null,
                mean: q.mean, meanStudents: q.meanStudents, meanMentors: q.meanMentors,
                ...Object.fromEntries(q.distribution.map((n, i) => [`r${i + 1}`, q.kind === 'rating' ? n : null])),
                choices: q.choices.map((c) => `${c.value}: ${c.count}`).join('; '),
            }))),
        },
        {
            name: 'Response rates',
            columns: [
                { key: 'survey', header: 'survey' }, { key: 'side', header: 'side' }, { key: 'participants', header: 'participants', type: 'integer' },
                { key: 'responded', header: 'responded', type: 'integer' }, { key: 'rate', header: 'rate', type: 'number' }, { key: 'others', header: 'other_respondents', type: 'integer' },
            ],
            rows: surveys.flatMap((s) => ['students', 'mentors'].map((side) => ({ survey: s.survey, side, ...s[side] }))),
        },
        {
            name: 'Comments',
            columns: [{ key: 'survey', header: 'survey' }, { key: 'role', header: 'role' }, { key: 'question', header: 'question' }, { key: 'comment', header: 'comment' }],
            rows: surveys.flatMap((s) => s.comments.map((c) => ({ survey: s.survey, ...c }))),
        },
    ];
}
/** The survey as text mode shows it, each piece on its own line(s). */
function lines(ctx, s) {
    const out = [];
    out.push(`${s.title} (${s.survey}): ${s.respondents} respondent${s.respondents === 1 ? '' : 's'}; students ${s.students.responded}/${s.students.participants} (${pct(s.students.rate)}), mentors ${s.mentors.responded}/${s.mentors.participants} (${pct(s.mentors.rate)})`);
    const ratings = s.questions.filter((q) => q.kind === 'rating');
    if (ratings.length) {
        out.push(renderTable([{ header: 'question', max: 56 }, { header: 'n', align: 'right' }, { header: 'mean', align: 'right' }, { header: '1', align: 'right' }, { header: '2', align: 'right' }, { header: '3', align: 'right' }, { header: '4', align: 'right' }, { header: '5', align: 'right' }, { header: 'not rated', align: 'right' }], ratings.map((q) => [q.question, q.rated, q.mean ?? '–', ...q.distribution, q.notRated])));
    }
    for (const q of s.questions.filter((x) => x.kind === 'choice'))
        out.push(`${q.question}: ${q.choices.map((c) => `${c.value} ${c.count}`).join(', ')}`);
    if (s.comments.length) {
        out.push(`\nComments (${s.comments.length}):`);
        for (const c of s.comments.slice(0, ctx.opts.verbose ? Infinity : 12))
            out.push(`  [${c.role || '?'}] ${c.comment.replace(/\s+/g, ' ').slice(0, 160)}`);
        if (s.comments.length > 12 && !ctx.opts.verbose)
            out.push('  ... (all comments are in out/reports/feedback.xlsx, sheet Comments)');
    }
    out.push('');
    return out;
}
export async function run(ctx, opts) {
    const changed = await changeWorkspace(ctx, 'report feedback', async (ws, tx) => {
        const answers = loadFeedback(ws);
        const found = surveysIn(answers, ws.scheme.surveys);
        if (opts.survey && !found.includes(opts.survey)) {
            throw new UsageError(`no answers to a survey "${opts.survey}" yet`, found.length ? `surveys with answers: ${found.join(', ')}` : 'import them first: mentorship import feedback --survey NAME FILE');
        }
        const matches = loadMatches(ws);
        const surveys = (opts.survey ? [opts.survey] : found).map((s) => summariseSurvey(s, ws.scheme.surveys[s]?.title ?? s, answers, matches));
        const files = await stageReport(ctx, tx, 'feedback', sheets(surveys));
        return { surveys, files };
    });
    const { surveys } = changed.result;
    const pieces = surveys.length ? surveys.flatMap((s) => lines(ctx, s)) : ['No feedback yet: mentorship import feedback --survey NAME FILE'];
    return reportOutcome(changed, { text: pieces.map((t) => (t.endsWith('\n') ? t : `${t}\n`)).join('') });
}

import { mentorPlaces } from '../timeline.js';
import { parseRating } from './feedback.js';
import { activeParticipants, round, summariseSurvey, surveysIn } from './feedback-report.js';
export const SCORE_BANDS = [
    { label: 'under 50', from: 0, to: 50 },
    { label: '50-70', from: 50, to: 70 },
    { label: '70-85', from: 70, to: 85 },
    { label: '85+', from: 85, to: Infinity },
];
/** An answer given fewer times than this is shown as "other" in the kept figures: it may identify someone. */
const MIN_CHOICE_COUNT = 3;
const share = (n, of) => (of ? round(n / of, 4) : null);
const avg = (xs) => (xs.length ? round(xs.reduce((a, b) => a + b, 0) / xs.length) : null);
export function bandOf(score) {
    return SCORE_BANDS.find((b) => score >= b.from && score < b.to)?.label ?? SCORE_BANDS[0].label;
}
export function programmeFigures(input) {
    const { scheme, matches } = input;
    const active = matches.filter((m) => m.status === 'confirmed' || m.status === 'completed');
    const matchedStudents = new Set(active.map((m) => m.student_email));
    const pairKeys = new Set(active.map((m) => `${m.student_email}|${m.mentor_email}`));
    const held = input.meetings.filter((m) => pairKeys.has(`${m.student_email}|${m.mentor_email}`));
    const perPair = [0, 0, 0, 0];
    for (const m of active) {
        const n = new Set(held.filter((h) => h.student_email === m.student_email && h.mentor_email === m.mentor_email).map((h) => h.meeting)).size;
        perPair[Math.min(3, n)]++;
    }
    const months = new Map();
    for (const m of held)
        months.set(m.date.slice(0, 7), (months.get(m.date.slice(0, 7)) ?? 0) + 1);
    const surveys = surveysIn(input.feedback, scheme.surveys);
    const feedback = surveys.map((s) => surveyFigures(s, scheme.surveys[s]?.title ?? s, input.feedback, matches));
    return {
        scheme: scheme.name,
        programme_end: scheme.timeline.programme_end,
        computed_on: input.today,
        // The same count of places as status and report supply (core/timeline.ts mentorPlaces).
        applicants: { students: input.students.length, mentors: input.mentors.length, places: mentorPlaces(input.mentors, scheme).places },
        matching: {
            matched_students: matchedStudents.size,
            match_rate: share(matchedStudents.size, input.students.length),
            pairs: active.length,
            completed: active.filter((m) => m.status === 'completed').length,
            withdrawn: matches.filter((m) => m.status === 'withdrawn').length,
            mentors_used: new Set(active.map((m) => m.mentor_email)).size,
            shared_sector_pairs: active.filter((m) => m.shared_sectors.length > 0).length,
            shared_sector_rate: share(active.filter((m) => m.shared_sectors.length > 0).length, active.length),
            mean_score: avg(active.map((m) => m.score)),
        },
        meetings: {
            total: held.length,
            per_pair: perPair,
            mean_per_pair: active.length ? round(held.length / active.length) : null,
            all_three_rate: share(perPair[3], active.length),
            by_month: [...months].sort((a, b) => a[0].localeCompare(b[0])).map(([month, count]) => ({ month, count })),
        },
        chases: {
            total: input.chases.length,
            student_chases: input.chases.filter((c) => c.role === 'student').length,
            mentor_chases: input.chases.filter((c) => c.role === 'mentor').length,
            students_chased: new Set(input.chases.filter((c) => c.role === 'student').map((c) => c.email)).size,
            mentors_chased: new Set(input.chases.filter((c) => c.role === 'mentor').map((c) => c.email)).size,
            withdrawals: matches.filter((m) => m.status === 'withdrawn').length,
        },
        feedback,
        satisfaction: satisfactionByBand(input, feedback, active),
    };
}
function surveyFigures(survey, title, answers, matches) {
    const s = summariseSurvey(survey, title, answers, matches);
    const side = (r) => ({ participants: r.participants, responded: r.responded, rate: r.rate });
    return {
        survey, title, respondents: s.respondents, students: side(s.students), mentors: side(s.mentors),
        questions: s.questions.map((q) => {
            const common = q.choices.filter((c) => c.count >= MIN_CHOICE_COUNT);
            const rest = q.choices.filter((c) => c.count < MIN_CHOICE_COUNT).reduce((n, c) => n + c.count, 0);
            return {
                question: q.question, kind: q.kind, answered: q.answered, rated: q.rated, notRated: q.notRated, mean: q.mean,
                meanStudents: q.meanStudents, meanMentors: q.meanMentors, distribution: [...q.distribution],
                choices: rest ? [...common, { value: '(other)', count: rest }] : common,
            };
        }),
    };
}
/** The overall-satisfaction question: the first rating question that says "satisf", else "overall", else the first. */
export function satisfactionQuestion(questions) {
    const ratings = questions.filter((q) => q.kind === 'rating');
    return (ratings.find((q) => /satisf/i.test(q.question)) ?? ratings.find((q) => /overall/i.test(q.question)) ?? ratings[0])?.question ?? null;
}
/**
 * Did better-scored pairs go better? Each respondent counts once: a student in the band of their
 * pair's score, a mentor in the band of the mean score of their pairs.
 */
function satisfactionByBand(input, surveys, active) {
    const withRatings = surveys.filter((s) => s.questions.some((q) => q.kind === 'rating'));
    const survey = withRatings.find((s) => s.survey === 'final') ?? withRatings.at(-1);
    if (!survey)
        return null;
    const question = satisfactionQuestion(survey.questions);
    const scoreOf = new Map();
    const { students, mentors } = activeParticipants(active);
    for (const email of students)
        scoreOf.set(email, avg(active.filter((m) => m.student_email === email).map((m) => m.score)));
    for (const email of mentors)
        scoreOf.set(email, avg(active.filter((m) => m.mentor_email === email).map((m) => m.score)));
    const ratings = new Map(SCORE_BANDS.map((b) => [b.label, []]));
    for (const a of input.feedback) {
        if (a.survey !== survey.survey || a.question !== question)
            continue;
        const score = scoreOf.get(a.respondent);
        const r = parseRating(a.answer);
        if (score === undefined || r === null)
            continue;
        ratings.get(bandOf(score)).push(r);
    }
    return {
        survey: survey.survey,
        question,
        bands: SCORE_BANDS.map((b) => ({
            band: b.label,
            pairs: active.filter((m) => bandOf(m.score) === b.label).length,
            ratings: ratings.get(b.label).length,
            mean: avg(ratings.get(b.label)),
        })),
    };
}

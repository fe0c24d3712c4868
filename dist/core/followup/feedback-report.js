import { parseRating } from './feedback.js';
export function activeParticipants(matches) {
    const active = matches.filter((m) => m.status === 'confirmed' || m.status === 'completed');
    return { students: new Set(active.map((m) => m.student_email)), mentors: new Set(active.map((m) => m.mentor_email)) };
}
const mean = (xs) => (xs.length ? round(xs.reduce((a, b) => a + b, 0) / xs.length) : null);
export const round = (x, places = 2) => Math.round(x * 10 ** places) / 10 ** places;
/** A question is a rating question when most of its non-blank answers are ratings 1-5. */
export function classify(answers) {
    const given = answers.filter((a) => a.trim() !== '');
    if (given.length === 0)
        return 'text';
    const rated = given.filter((a) => parseRating(a) !== null).length;
    if (rated * 2 > given.length)
        return 'rating';
    const distinct = new Set(given.map((a) => a.trim().toLowerCase()));
    const short = given.every((a) => a.length <= 30 && !a.includes('\n'));
    return short && distinct.size <= 6 && given.length >= distinct.size + 2 ? 'choice' : 'text';
}
function summariseQuestion(question, rows) {
    const kind = classify(rows.map((r) => r.answer));
    const given = rows.filter((r) => r.answer.trim() !== '');
    const q = {
        question, kind, answered: given.length, blank: rows.length - given.length, distribution: [0, 0, 0, 0, 0],
        rated: 0, notRated: 0, mean: null, meanStudents: null, meanMentors: null, choices: [],
    };
    if (kind === 'rating') {
        const by = { all: [], student: [], mentor: [] };
        for (const r of given) {
            const n = parseRating(r.answer);
            if (n === null) {
                q.notRated++;
                continue;
            }
            q.distribution[n - 1]++;
            by.all.push(n);
            if (r.role)
                by[r.role].push(n);
        }
        q.rated = by.all.length;
        q.mean = mean(by.all);
        q.meanStudents = mean(by.student);
        q.meanMentors = mean(by.mentor);
    }
    else if (kind === 'choice') {
        const counts = new Map();
        for (const r of given) {
            const key = r.answer.trim().toLowerCase();
            const c = counts.get(key) ?? { value: r.answer.trim(), count: 0 };
            c.count++;
            counts.set(key, c);
        }
        q.choices = [...counts.values()].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    }
    return q;
}
function rate(respondents, participants) {
    const responded = [...respondents].filter((r) => participants.has(r)).length;
    return {
        participants: participants.size,
        responded,
        rate: participants.size ? round(responded / participants.size, 4) : null,
        others: respondents.size - responded,
    };
}
export function summariseSurvey(survey, title, answers, matches) {
    const rows = answers.filter((a) => a.survey === survey);
    const { students, mentors } = activeParticipants(matches);
    const respondents = new Set(rows.map((r) => r.respondent));
    const byRole = (role) => new Set(rows.filter((r) => r.role === role).map((r) => r.respondent));
    const questions = [];
    for (const r of rows)
        if (!questions.includes(r.question))
            questions.push(r.question);
    const summaries = questions.map((q) => summariseQuestion(q, rows.filter((r) => r.question === q)));
    const textQuestions = new Set(summaries.filter((s) => s.kind === 'text').map((s) => s.question));
    return {
        survey,
        title,
        respondents: respondents.size,
        students: rate(byRole('student'), students),
        mentors: rate(byRole('mentor'), mentors),
        questions: summaries,
        comments: rows.filter((r) => textQuestions.has(r.question) && r.answer.trim() !== '').map((r) => ({ role: r.role, question: r.question, comment: r.answer })),
    };
}
/** Surveys in the order of their dates in the scheme, then any others found in the answers. */
export function surveysIn(answers, known) {
    const found = new Set(answers.map((a) => a.survey));
    const dated = Object.entries(known).sort((a, b) => a[1].date.localeCompare(b[1].date)).map(([k]) => k).filter((k) => found.has(k));
    return [...dated, ...[...found].filter((s) => !dated.includes(s)).sort()];
}

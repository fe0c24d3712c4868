/**
 * Confirmed pairs in data/matches.csv order, each once. A pair naming someone who is no longer in
 * the data files is a problem, not a silent skip: an introduction that never goes out is a failure
 * the administrator must see.
 */
export function confirmedPairs(matches, students, mentors) {
    const studentBy = new Map(students.map((s) => [s.email, s]));
    const mentorBy = new Map(mentors.map((m) => [m.email, m]));
    const seen = new Set();
    const pairs = [];
    const problems = [];
    for (const match of matches) {
        if (match.status !== 'confirmed')
            continue;
        const key = `${match.student_email}\n${match.mentor_email}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        const student = studentBy.get(match.student_email);
        const mentor = mentorBy.get(match.mentor_email);
        const ids = { student_email: match.student_email, mentor_email: match.mentor_email };
        if (!student)
            problems.push({ ...ids, reason: `names the student ${match.student_email}, who is not in data/students.csv` });
        else if (!mentor)
            problems.push({ ...ids, reason: `names the mentor ${match.mentor_email}, who is not in data/mentors.csv` });
        else
            pairs.push({ student, mentor, match });
    }
    return { pairs, problems };
}

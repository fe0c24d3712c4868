/** The summary line, for a handler's messages. */
export function chaseSummary(chalk, r) {
    const c = r.counts;
    const students = r.toChase.filter((t) => t.role === 'student').length;
    const mentors = r.toChase.length - students;
    return `As of ${r.asOf}: ${c.pairs} active pair${c.pairs === 1 ? '' : 's'}; ${c.ok} on track, ${c.overdue} overdue; chase ${students} student${students === 1 ? '' : 's'} and ${mentors} mentor${mentors === 1 ? '' : 's'}; ${c.wait} chased in the last week; ${c.withdraw ? chalk.red(String(c.withdraw)) : '0'} to withdraw${c.rematch ? `; ${chalk.red(String(c.rematch))} to re-match (mentor unresponsive)` : ''}.`;
}
export function chaseTargetResult(t) {
    const { student_email, mentor_email, ...rest } = t;
    return { ...rest, studentEmail: student_email, mentorEmail: mentor_email };
}
export function pairChaseResult(p) {
    return {
        studentEmail: p.student_email, studentName: p.student_name, mentorEmail: p.mentor_email, mentorName: p.mentor_name,
        held: p.held, due: p.due, overdue: p.overdue, action: p.action, meeting: p.meeting, reason: p.reason,
        chase: p.chase.map(chaseTargetResult), studentChases: p.student_chases, mentorChases: p.mentor_chases, rematchMentor: p.rematch_mentor,
    };
}
/** The whole report for --json. */
export function chaseReportResult(r) {
    return {
        asOf: r.asOf, graceDays: r.graceDays, maxChases: r.maxChases, counts: r.counts,
        pairs: r.pairs.map(pairChaseResult), toChase: r.toChase.map(chaseTargetResult), withdraw: r.withdraw.map(pairChaseResult), rematch: r.rematch.map(pairChaseResult),
    };
}

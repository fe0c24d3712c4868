import { escapeHtml, hbarChart, PALETTE, ringChart, vbarChart } from './charts.js';
export const PROGRAMME_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
const pct = (r) => (r === null ? '–' : `${Math.round(r * 100)}%`);
const num = (n) => (n === null ? '–' : String(n));
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function monthLabel(ym) {
    const [y, m] = ym.split('-');
    return `${MONTHS[Number(m) - 1] ?? m} ${y?.slice(2) ?? ''}`;
}
function figure(label, value, note = '') {
    return `<div class="fig"><div class="v">${escapeHtml(value)}</div><div class="l">${escapeHtml(label)}</div>${note ? `<div class="n">${escapeHtml(note)}</div>` : ''}</div>`;
}
function card(title, body) {
    return `<section><h2>${escapeHtml(title)}</h2>${body}</section>`;
}
export function renderProgrammeHtml(f, opts = {}) {
    const m = f.matching;
    const sections = [];
    sections.push(card('Applications and matching', `<div class="figs">${figure('student applicants', String(f.applicants.students))}${figure('mentor applicants', String(f.applicants.mentors), `${f.applicants.places} places`)}${figure('students matched', `${m.matched_students}`, `${pct(m.match_rate)} of applicants`)}${figure('pairs sharing a sector', pct(m.shared_sector_rate), `${m.shared_sector_pairs} of ${m.pairs} pairs`)}${figure('mean match score', num(m.mean_score))}</div>` +
        `<div class="charts">${ringChart({ title: 'Match rate', share: m.match_rate, caption: `${m.matched_students} of ${f.applicants.students} students matched` })}` +
        `${ringChart({ title: 'Pairs with a shared sector', share: m.shared_sector_rate, caption: `${m.shared_sector_pairs} of ${m.pairs} pairs`, colour: PALETTE[0] })}</div>`));
    const meetingBars = f.meetings.by_month.map((x) => ({ label: monthLabel(x.month), value: x.count }));
    const perPair = f.meetings.per_pair.map((n, i) => ({ label: `${i} meeting${i === 1 ? '' : 's'}`, value: n, colour: PALETTE[i === 3 ? 2 : i === 0 ? 3 : 0] }));
    sections.push(card('Meetings', `<div class="figs">${figure('meetings held', String(f.meetings.total))}${figure('per pair', num(f.meetings.mean_per_pair))}${figure('pairs with all three', pct(f.meetings.all_three_rate))}${figure('chases sent', String(f.chases.total), `${f.chases.students_chased} students, ${f.chases.mentors_chased} mentors`)}${figure('withdrawals', String(f.chases.withdrawals))}</div>` +
        `<div class="charts">${vbarChart({ title: 'Meetings held by month', bars: meetingBars })}${hbarChart({ title: 'Pairs by meetings held', bars: perPair, width: 460, labelWidth: 110 })}</div>`));
    const rateBars = f.feedback.flatMap((s) => [
        { label: `${s.title}: students`, value: Math.round((s.students.rate ?? 0) * 100), text: `${pct(s.students.rate)} (${s.students.responded}/${s.students.participants})`, colour: PALETTE[0] },
        { label: `${s.title}: mentors`, value: Math.round((s.mentors.rate ?? 0) * 100), text: `${pct(s.mentors.rate)} (${s.mentors.responded}/${s.mentors.participants})`, colour: PALETTE[1] },
    ]);
    const ratingBars = f.feedback.flatMap((s) => s.questions.filter((q) => q.kind === 'rating').map((q) => ({ label: f.feedback.length > 1 ? `${s.survey}: ${q.question}` : q.question, value: q.mean ?? 0, text: `${num(q.mean)} (n=${q.rated})`, colour: PALETTE[2] })));
    const choices = f.feedback.flatMap((s) => s.questions.filter((q) => q.kind === 'choice').map((q) => `<p><b>${escapeHtml(q.question)}</b> ${q.choices.map((c) => `${escapeHtml(c.value)}: ${c.count}`).join(', ')}</p>`));
    sections.push(card('Feedback', `<div class="charts">${hbarChart({ title: 'Response rates (%)', bars: rateBars, max: 100, labelWidth: 240 })}${hbarChart({ title: 'Ratings by question (mean, 1-5)', bars: ratingBars, max: 5, labelWidth: 300, width: 640 })}</div>${choices.join('')}`));
    const sat = f.satisfaction;
    const bandBars = (sat?.bands ?? []).map((b) => ({ label: `score ${b.band} (${b.pairs} pairs)`, value: b.mean ?? 0, text: b.mean === null ? 'no answers' : `${b.mean} (n=${b.ratings})`, colour: PALETTE[4] }));
    sections.push(card('Satisfaction by match score', `${hbarChart({ title: 'Mean satisfaction by match-score band', bars: bandBars, max: 5, labelWidth: 220 })}<p class="note">${sat ? `“${escapeHtml(sat.question)}” (${escapeHtml(sat.survey)} survey). A student counts in the band of their pair's score, a mentor in the band of the mean score of their pairs.` : 'No rated feedback yet.'}</p>`));
    const purged = opts.purged ? `<p class="note">Personal data was deleted on ${escapeHtml(opts.purged)}; these are the figures kept.</p>` : '';
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${PROGRAMME_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(f.scheme)}: programme report</title>
<style>
body{font-family:system-ui,sans-serif;margin:24px auto;max-width:1180px;color:#222;background:#fff;padding:0 16px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:0 0 12px;color:#1d3f6e}
section{border:1px solid #dde3ea;border-radius:8px;padding:16px;margin:16px 0;background:#fafbfd}
.figs{display:flex;flex-wrap:wrap;gap:12px;margin-bottom:12px}.fig{background:#fff;border:1px solid #e3e8ee;border-radius:6px;padding:10px 14px;min-width:140px}
.v{font-size:24px;font-weight:700;color:#1d3f6e}.l{font-size:13px;color:#444}.n{font-size:12px;color:#777}
.charts{display:flex;flex-wrap:wrap;gap:24px;align-items:flex-start}.note{font-size:13px;color:#555}
</style>
</head>
<body>
<h1>${escapeHtml(f.scheme)}</h1>
<p class="note">Programme report, figures as of ${escapeHtml(f.computed_on)}; programme ends ${escapeHtml(f.programme_end)}.</p>
${purged}
${sections.join('\n')}
</body>
</html>
`;
}

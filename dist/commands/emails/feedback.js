import { changedOutcome } from '../../outcome.js';
import { todayIso } from '../../context.js';
import { DataError, UsageError } from '../../errors.js';
import { feedbackContext, schemeContext } from '../../core/email/contexts.js';
import { defaultSurvey } from '../../core/followup/feedback.js';
import { FILES, loadMatches, loadMentors, loadStudents, stageAudit } from '../../workspace/store.js';
import { draftsAudit, loadTemplate, stageDrafts } from './drafts.js';
import { changeWorkspace, isoNow } from '../../workspace/change.js';
import { warnTimeline } from '../../workspace/timeline.js';
import { isPlaceholderLink } from '../../core/scheme/defaults.js';
import { emailsDir } from '../../workspace/layout.js';
export async function run(ctx, opts) {
    const changed = await changeWorkspace(ctx, 'emails feedback', async (ws, tx) => {
        const known = Object.keys(ws.scheme.surveys);
        const survey = opts.survey ?? defaultSurvey(ws.scheme, todayIso(ctx));
        const def = ws.scheme.surveys[survey];
        if (!def) {
            throw new UsageError(`there is no survey "${survey}" in scheme.json`, known.length ? `use --survey with one of: ${known.join(', ')}` : 'add one under "surveys" in scheme.json (title, link, date)');
        }
        if (isPlaceholderLink(def.link)) {
            throw new DataError(`surveys.${survey}.link is still the placeholder (${def.link}); participants would be sent to a form that does not exist`, { file: 'scheme.json' }, `put the link of your own survey form in scheme.json at surveys.${survey}.link, then run this again`);
        }
        warnTimeline(ctx, ws, 'feedback');
        const now = ctx.now();
        const students = new Map(loadStudents(ws, now).map((s) => [s.email, s]));
        const mentors = new Map(loadMentors(ws, now).map((m) => [m.email, m]));
        const people = [];
        const seen = new Set();
        const missing = [];
        for (const m of loadMatches(ws)) {
            if (m.status !== 'confirmed' && m.status !== 'completed')
                continue;
            for (const [email, role, from] of [[m.student_email, 'student', students], [m.mentor_email, 'mentor', mentors]]) {
                if (seen.has(email))
                    continue;
                seen.add(email);
                const person = from.get(email);
                if (person)
                    people.push({ person, role });
                else
                    missing.push(email);
            }
        }
        if (missing.length) {
            throw new DataError(`${missing.length} participant(s) of active pairs are not in the data files (first: ${missing[0]})`, { file: FILES.matches }, 'import the missing people again, or withdraw their pairs, then run this again');
        }
        if (!people.length)
            throw new DataError('there are no active or completed pairs to ask for feedback', { file: FILES.matches }, 'confirm pairs first (mentorship confirm)');
        const template = loadTemplate(ws, 'feedback-request');
        const base = schemeContext(ws.scheme);
        const info = { name: survey, title: def.title, link: def.link, date: def.date };
        const drafts = people.map(({ person, role }) => ({
            key: `${survey}|${role}|${person.email}`, role, email: template.render(feedbackContext(ws.scheme, person, role, info, base)), index: { Survey: survey },
        }));
        const rows = await stageDrafts(ctx, tx, ws, 'feedback', drafts);
        stageAudit(tx, ws, { at: isoNow(ctx), command: 'emails feedback', survey, ...draftsAudit(rows, [template]) });
        return { survey, title: def.title, defaulted: !opts.survey, drafts: rows, folder: emailsDir('feedback') };
    });
    const r = changed.result;
    const students = r.drafts.filter((d) => d.role === 'student').length;
    return changedOutcome(changed, {
        messages: [
            ...(r.defaulted ? [`No --survey given: using "${r.survey}" (${r.title}), the survey dated nearest to today.`] : []),
            `${changed.dryRun ? 'Would write' : 'Wrote'} ${r.drafts.length} feedback request drafts (${students} students, ${r.drafts.length - students} mentors) for "${r.title}" in ${r.folder}/.`,
        ],
    });
}

// The confirmed pairs with both people, for the commands that share profiles (export, emails).
import { DataError } from '../errors.js';
import { confirmedPairs } from '../core/policy/pairs.js';
import { FILES, loadMatches, loadMentors, loadStudents } from './store.js';
/** A pair naming someone who is no longer in the data is an error, not a silent skip. */
export function loadConfirmedPairs(ws, now, purpose) {
    const { pairs, problems } = confirmedPairs(loadMatches(ws), loadStudents(ws, now), loadMentors(ws, now));
    if (problems.length) {
        const p = problems[0];
        throw new DataError(`the confirmed pair ${p.student_email} / ${p.mentor_email} ${p.reason}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`, { file: FILES.matches }, 'import the missing person again, or withdraw the pair (mentorship withdraw EMAIL), then run this again');
    }
    if (pairs.length === 0) {
        throw new DataError(`there are no confirmed pairs to ${purpose}`, { file: FILES.matches }, 'propose pairs with mentorship match, then confirm them with mentorship confirm');
    }
    return pairs;
}

export const DEFAULT_SHARING = Object.freeze({
    to_student: Object.freeze(['name', 'email', 'courses', 'graduation_year', 'country', 'job_role', 'bio', 'linkedin']),
    to_mentor: Object.freeze(['name', 'email', 'programme', 'sectors', 'support_areas', 'linkedin', 'bio']),
});
export const HARD_CONSENT = Object.freeze({ bio: 'share_bio', linkedin: 'share_linkedin' });
/** The fields a direction shares beyond the defaults, in the policy's order. */
export function widenedFields(sharing, direction) {
    return [...new Set(sharing[direction])].filter((f) => !DEFAULT_SHARING[direction].includes(f));
}
/** What parseScheme refuses: a consent rule that loosens the hard one, a widening not acknowledged. */
export function policyProblems(sharing) {
    const problems = [];
    for (const [field, gate] of Object.entries(HARD_CONSENT)) {
        const given = Object.prototype.hasOwnProperty.call(sharing.consent, field) ? sharing.consent[field] : gate;
        if (given !== gate) {
            problems.push({ path: `sharing.consent.${field}`, message: `must be "${gate}": a ${field} is shared only with the person's own consent, and this cannot be changed` });
        }
    }
    for (const direction of ['to_student', 'to_mentor']) {
        const acknowledged = sharing.acknowledged?.[direction] ?? [];
        const missing = widenedFields(sharing, direction).filter((f) => !acknowledged.includes(f));
        if (missing.length) {
            const who = direction === 'to_student' ? "a student receives about their mentor" : 'a mentor receives about their student';
            problems.push({
                path: `sharing.${direction}`,
                message: `shares ${missing.join(', ')} beyond the mentor policy's defaults for what ${who}; ` +
                    `to share ${missing.length === 1 ? 'it' : 'them'}, confirm each by adding ${JSON.stringify(missing)} to sharing.acknowledged.${direction}, or remove ${missing.length === 1 ? 'it' : 'them'}`,
            });
        }
    }
    return problems;
}

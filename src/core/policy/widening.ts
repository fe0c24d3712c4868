// The policy's floor, which scheme.json can narrow but not quietly widen (SPEC section 6).
//   - Consent for the bio and the LinkedIn profile is a hard rule: whatever sharing.consent says,
//     a bio travels only with share_bio = yes and a profile only with share_linkedin = yes.
//     sharing.consent can gate more fields, never fewer.
//   - The default fields are the mentor policy's table. A field beyond them (a mentor's city for
//     students, a student's country for mentors...) is shared only when sharing.acknowledged names
//     it, field by field; `export` shows it in its summary and writes it to the audit log.
import type { Direction } from './projection.js';

export const DEFAULT_SHARING: Readonly<Record<Direction, readonly string[]>> = Object.freeze({
  to_student: Object.freeze(['name', 'email', 'courses', 'graduation_year', 'country', 'job_role', 'bio', 'linkedin']),
  to_mentor: Object.freeze(['name', 'email', 'programme', 'sectors', 'support_areas', 'linkedin', 'bio']),
});

export const HARD_CONSENT: Readonly<Record<string, 'share_bio' | 'share_linkedin'>> = Object.freeze({ bio: 'share_bio', linkedin: 'share_linkedin' });

interface SharingLike {
  to_student: readonly string[];
  to_mentor: readonly string[];
  consent: Readonly<Record<string, string>>;
  acknowledged?: { to_student?: readonly string[]; to_mentor?: readonly string[] };
}

/** The fields a direction shares beyond the defaults, in the policy's order. */
export function widenedFields(sharing: SharingLike, direction: Direction): string[] {
  return [...new Set(sharing[direction])].filter((f) => !DEFAULT_SHARING[direction].includes(f));
}

export interface PolicyProblem {
  path: string;
  message: string;
}

/** What parseScheme refuses: a consent rule that loosens the hard one, a widening not acknowledged. */
export function policyProblems(sharing: SharingLike): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  for (const [field, gate] of Object.entries(HARD_CONSENT)) {
    const given = Object.prototype.hasOwnProperty.call(sharing.consent, field) ? sharing.consent[field] : gate;
    if (given !== gate) {
      problems.push({ path: `sharing.consent.${field}`, message: `must be "${gate}": a ${field} is shared only with the person's own consent, and this cannot be changed` });
    }
  }
  for (const direction of ['to_student', 'to_mentor'] as const) {
    const acknowledged = sharing.acknowledged?.[direction] ?? [];
    const missing = widenedFields(sharing, direction).filter((f) => !acknowledged.includes(f));
    if (missing.length) {
      const who = direction === 'to_student' ? "a student receives about their mentor" : 'a mentor receives about their student';
      problems.push({
        path: `sharing.${direction}`,
        message:
          `shares ${missing.join(', ')} beyond the mentor policy's defaults for what ${who}; ` +
          `to share ${missing.length === 1 ? 'it' : 'them'}, confirm each by adding ${JSON.stringify(missing)} to sharing.acknowledged.${direction}, or remove ${missing.length === 1 ? 'it' : 'them'}`,
      });
    }
  }
  return problems;
}

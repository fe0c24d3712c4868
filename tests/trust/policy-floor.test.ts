// Issue 18 item 6: the consent gate could be configured away. `"sharing": {"consent": {}}` in
// scheme.json, or country, city and meeting preference added to what a mentor receives, were
// accepted silently and refused bios went out. Consent for the bio and LinkedIn is a hard rule
// (SPEC section 6); a widening beyond the defaults must be acknowledged field by field, and is shown
// in the export summary and written to the audit log.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { permittedFields, projectMentorForStudent, projectStudentForMentor } from '../../src/core/policy/projection.js';
import { DEFAULT_SHARING } from '../../src/core/policy/widening.js';
import { defaultScheme } from '../../src/core/scheme/defaults.js';
import { parseScheme, type Scheme } from '../../src/core/scheme/schema.js';
import { MENTOR_FIELDS, STUDENT_FIELDS } from '../../src/core/types.js';
import { mentor, student } from '../core/policy/builders.js';
import { cleanup, expectCleanFailure, expectUnchanged, freshWorkspace, runIn, snapshot, tempRoot } from './inproc.js';

type Raw = Omit<ReturnType<typeof defaultScheme>, 'sharing'> & { sharing: Omit<ReturnType<typeof defaultScheme>['sharing'], 'consent'> & { acknowledged?: unknown; consent: Partial<Record<string, string>> } };

function parse(patch: (raw: Raw) => void) {
  const raw = defaultScheme() as Raw;
  patch(raw);
  return parseScheme(raw);
}

describe('the consent rule for bio and LinkedIn cannot be configured away', () => {
  it.each([
    ['an empty consent map', (r: Raw) => void (r.sharing.consent = {})],
    ['bio left out of the map', (r: Raw) => void delete r.sharing.consent.bio],
    ['linkedin left out of the map', (r: Raw) => void delete r.sharing.consent.linkedin],
  ])('%s: the gate still holds', (_what, patch) => {
    const parsed = parse(patch);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const refusing = { share_bio: false, share_linkedin: false };
    expect(projectMentorForStudent(mentor(refusing), parsed.scheme)).toMatchObject({ bio: '', linkedin: '' });
    expect(projectStudentForMentor(student(refusing), parsed.scheme)).toMatchObject({ bio: '', linkedin: '' });
    // And the consenting person's values still travel, so the check can see a value.
    expect(projectMentorForStudent(mentor(), parsed.scheme).bio).not.toBe('');
  });

  it.each([
    ['bio gated by the LinkedIn answer', { bio: 'share_linkedin' }, 'sharing.consent.bio'],
    ['linkedin gated by the bio answer', { linkedin: 'share_bio' }, 'sharing.consent.linkedin'],
  ])('%s is refused by path', (_what, consent, where) => {
    const parsed = parse((r) => Object.assign(r.sharing.consent, consent));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => p.path)).toContain(where);
    expect(parsed.problems.find((p) => p.path === where)!.message).toMatch(/cannot be changed/);
  });

  it('with any sharing lists, consent map and acknowledgement, a refusing person\'s bio and profile never travel (property)', () => {
    const gates = fc.dictionary(fc.constantFrom(...MENTOR_FIELDS, ...STUDENT_FIELDS), fc.constantFrom('share_bio', 'share_linkedin'));
    fc.assert(
      fc.property(fc.subarray([...MENTOR_FIELDS]), fc.subarray([...STUDENT_FIELDS]), gates, fc.boolean(), (toStudent, toMentor, consent, ack) => {
        const parsed = parse((r) => {
          r.sharing.to_student = toStudent as typeof r.sharing.to_student;
          r.sharing.to_mentor = toMentor as typeof r.sharing.to_mentor;
          r.sharing.consent = { ...consent };
          if (ack) r.sharing.acknowledged = { to_student: toStudent, to_mentor: toMentor };
        });
        if (!parsed.ok) return; // refused: nothing can be shared at all
        const refusing = { share_bio: false, share_linkedin: false, bio: 'SECRET-BIO', linkedin: 'SECRET-LI' };
        const out = JSON.stringify([projectMentorForStudent(mentor(refusing), parsed.scheme), projectStudentForMentor(student(refusing), parsed.scheme)]);
        expect(out).not.toContain('SECRET');
      }),
      { numRuns: 500 },
    );
  });
});

describe('widening what is shared must be acknowledged field by field', () => {
  const beyond = (direction: 'to_student' | 'to_mentor') =>
    (direction === 'to_student' ? MENTOR_FIELDS : STUDENT_FIELDS).filter((f) => !DEFAULT_SHARING[direction].includes(f));

  it('the family: every field beyond the defaults, in each direction, is refused until acknowledged', () => {
    let checked = 0;
    for (const direction of ['to_student', 'to_mentor'] as const) {
      for (const field of beyond(direction)) {
        const refused = parse((r) => (r.sharing[direction] as string[]).push(field));
        expect(refused.ok, `${direction} ${field}`).toBe(false);
        if (!refused.ok) {
          const p = refused.problems.find((x) => x.path === `sharing.${direction}`);
          expect(p?.message, `${direction} ${field}`).toContain(field);
          expect(p?.message).toContain(`sharing.acknowledged.${direction}`);
        }
        const accepted = parse((r) => {
          (r.sharing[direction] as string[]).push(field);
          r.sharing.acknowledged = { [direction]: [field] };
        });
        expect(accepted.ok, `${direction} ${field} acknowledged`).toBe(true);
        if (accepted.ok) expect(permittedFields(accepted.scheme, direction)).toContain(field);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(15);
  });

  it('acknowledging one field does not acknowledge another', () => {
    const r = parse((raw) => {
      raw.sharing.to_mentor.push('country', 'city');
      raw.sharing.acknowledged = { to_mentor: ['country'] };
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.message).toMatch(/shares city beyond/);
  });

  it('a Scheme object built without the check still shares nothing unacknowledged', () => {
    const parsed = parse(() => {});
    if (!parsed.ok) throw new Error('default scheme refused');
    const forged: Scheme = { ...parsed.scheme, sharing: { ...parsed.scheme.sharing, to_mentor: [...parsed.scheme.sharing.to_mentor, 'city'] } };
    expect(permittedFields(forged, 'to_mentor')).not.toContain('city');
    expect(projectStudentForMentor(student({ city: 'Lewisham' }), forged)).not.toHaveProperty('city');
  });
});

describe('in a workspace', () => {
  let root = '';
  let ws = '';

  beforeAll(async () => {
    root = tempRoot('trust-policy-');
    ws = await freshWorkspace(root);
    const sh = [...STUDENT_FIELDS];
    const sRow = (i: number, consent: string) => {
      const r: Record<string, string> = {
        email: `p${i}@lse.ac.uk`, name: `Policy Student${i}`, programme: 'MSc Conflict Studies', sectors: 'Consulting', support_areas: 'Networking',
        country: `Country${i}zq`, city: `City${i}zq`, meeting_preference: 'online', linkedin: `https://linkedin.com/in/li-${i}-zq`,
        share_linkedin: consent, bio: `Bio ${i} zq`, share_bio: consent, submitted_at: '2025-11-10T09:00:00',
      };
      return sh.map((h) => r[h] ?? '');
    };
    fs.writeFileSync(path.join(root, 's.csv'), stringify([sh, sRow(0, 'no'), sRow(1, 'yes')], { record_delimiter: '\r\n' }));
    const mh = ['email', 'name', 'sectors', 'support_areas', 'capacity', 'courses', 'graduation_year'];
    fs.writeFileSync(path.join(root, 'm.csv'), stringify([mh, ['m0@example.com', 'M Zero', 'Consulting', 'Networking', '1', 'MSc Conflict Studies', '2015'], ['m1@example.com', 'M One', 'Consulting', 'Networking', '1', 'MSc Conflict Studies', '2015']], { record_delimiter: '\r\n' }));
    for (const args of [['import', 'students', path.join(root, 's.csv')], ['import', 'mentors', path.join(root, 'm.csv')], ['match'], ['confirm', '--all']]) {
      const r = await runIn([...args, '--workspace', ws, '--yes'], ws);
      expect(r.code, r.stderr).toBe(0);
    }
  }, 120_000);

  afterAll(() => cleanup(root));

  const editScheme = (patch: (raw: Raw) => void) => {
    const file = path.join(ws, 'scheme.json');
    const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Raw;
    patch(raw);
    fs.writeFileSync(file, JSON.stringify(raw, null, 2));
  };

  it('"consent": {} in scheme.json: the export still leaves out the refused bio and profile', async () => {
    editScheme((r) => void (r.sharing.consent = {}));
    const r = await runIn(['export', '--workspace', ws, '--yes'], ws);
    expect(r.code, r.stderr).toBe(0);
    const out = fs.readFileSync(path.join(ws, 'out/export/for-mentors.csv'), 'utf8');
    expect(out).not.toContain('Bio 0 zq');
    expect(out).not.toContain('li-0-zq');
    expect(out).toContain('Bio 1 zq');
  });

  it('country, city and meeting preference added for mentors: refused, naming them, with nothing written', async () => {
    editScheme((r) => void r.sharing.to_mentor.push('country', 'city', 'meeting_preference'));
    const before = snapshot(ws);
    const r = await runIn(['export', '--workspace', ws, '--yes'], ws);
    expect(r.code).toBe(1);
    expectCleanFailure(r, 'unacknowledged widening');
    expect(r.stderr).toMatch(/country, city, meeting_preference beyond the mentor policy's defaults/);
    expect(r.stderr).toContain('sharing.acknowledged.to_mentor');
    expectUnchanged(before, ws, 'a refused export');
    // The emails, too: the scheme is refused wherever it is read.
    expect((await runIn(['emails', 'intro', '--workspace', ws, '--yes'], ws)).code).toBe(1);
  });

  it('acknowledged field by field: exported, shown in the summary, and written to the audit log', async () => {
    editScheme((r) => void (r.sharing.acknowledged = { to_student: [], to_mentor: ['country', 'city', 'meeting_preference'] }));
    const r = await runIn(['export', '--workspace', ws, '--yes'], ws);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/beyond the mentor policy's defaults, as acknowledged in scheme.json \(sharing.acknowledged\): mentors get their student's country, city, meeting_preference/);
    expect(fs.readFileSync(path.join(ws, 'out/export/for-mentors.csv'), 'utf8')).toContain('City1zq');
    const audit = fs.readFileSync(path.join(ws, 'data/audit.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const last = audit.filter((a) => a.command === 'export').at(-1)!;
    expect(last.beyond_policy_defaults).toEqual({ to_students: [], to_mentors: ['country', 'city', 'meeting_preference'], acknowledged_in: 'scheme.json sharing.acknowledged' });
    const json = await runIn(['export', '--workspace', ws, '--yes', '--json'], ws);
    expect((JSON.parse(json.stdout) as { result: { beyondDefaults: unknown } }).result.beyondDefaults).toEqual({ toStudents: [], toMentors: ['country', 'city', 'meeting_preference'] });
  });
});

// Property: whatever participants wrote, nothing the policy withholds reaches any output of
// `export` or `emails intro`: not a field outside the policy, not a bio or LinkedIn profile
// without consent, not an extra form column. Each such value carries a unique marker, and every
// output file is searched, decoded (.eml parts, .xlsx parts) as well as raw.
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { run as runIntro } from '../../../src/commands/emails/intro.js';
import { run as runExport } from '../../../src/commands/export/index.js';
import { defaultScheme } from '../../../src/core/scheme/defaults.js';
import type { Mentor, Student } from '../../../src/core/types.js';
import { MENTOR_FIELDS, STUDENT_FIELDS } from '../../../src/core/types.js';
import { confirmed, dataFiles, mentor, student, testContext, writeWorkspace } from './builders.js';
import { readableOutputs } from './outputs.js';

let counter = 0;
const marker = (what: string) => `QZX${what.replace(/[^a-z]/gi, '')}${++counter}XZQ`;

// Text participants write: diacritics, quotes, commas, formula starts, markup and template syntax.
const hostile = fc
  .array(fc.constantFrom(...'aé ,\'"=+-@<>&{}#/\\;\n'.split(''), 'ë', 'Ø', '{{', '}}', '<script>', 'Bcc: x@y.org', '\r\n'), { maxLength: 30 })
  .map((parts) => parts.join(''));
const nameArb = fc
  .array(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'.split(''), 'é', 'ë', 'ø', "'", ',', ' ', '-', '.', '{{', '<', '='), { minLength: 1, maxLength: 20 })
  .map((cs) => `Z${cs.join('')}`);

interface Side {
  name: string;
  bio: string;
  shareBio: boolean;
  linkedin: string;
  shareLinkedin: boolean;
}
const sideArb = fc.record({ name: nameArb, bio: hostile, shareBio: fc.boolean(), linkedin: hostile, shareLinkedin: fc.boolean() });

/** A marker in every withheld text field; `secret` lists them, `sideSecret` those only the person's own files may hold. */
function people(i: number, s: Side, m: Side) {
  const secret: string[] = [];
  const studentOnly: string[] = [];
  const mentorOnly: string[] = [];
  const mk = (what: string, list = secret) => {
    const v = marker(what);
    list.push(v);
    return v;
  };
  const st: Student = student({
    email: `s${i}@lse.ac.uk`,
    name: s.name,
    first_name: mk('sfirst', studentOnly),
    country: mk('scountry'),
    city: mk('scity'),
    bio: s.shareBio ? `${s.bio} ok` : `${s.bio}${mk('sbio')}`,
    share_bio: s.shareBio,
    linkedin: s.shareLinkedin ? `${s.linkedin} ok` : mk('slinkedin'),
    share_linkedin: s.shareLinkedin,
    extra: { 'Phone number': mk('sphone'), 'Student ID': mk('sid') },
  });
  const mt: Mentor = mentor({
    email: `m${i}@alumni.example.org`,
    name: m.name,
    first_name: mk('mfirst', mentorOnly),
    employer: mk('memployer'),
    city: mk('mcity'),
    sectors: [mk('msector')],
    support_areas: [mk('msupport')],
    bio: m.shareBio ? `${m.bio} ok` : `${m.bio}${mk('mbio')}`,
    share_bio: m.shareBio,
    linkedin: m.shareLinkedin ? `${m.linkedin} ok` : mk('mlinkedin'),
    share_linkedin: m.shareLinkedin,
    extra: { 'Home address': mk('maddress') },
  });
  return { st, mt, secret, studentOnly, mentorOnly };
}

async function runBoth(root: string): Promise<Map<string, string>> {
  const t = testContext(root, { quiet: true });
  await runExport(t.ctx, {});
  await runIntro(t.ctx, {});
  return readableOutputs(root);
}

const mentorFacing = (f: string) => /for-mentors\.|\/mentor-/.test(f);
const studentFacing = (f: string) => /for-students\.|\/student-/.test(f);

describe('no withheld value reaches an output', () => {
  it('with the default policy and templates', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(sideArb, sideArb), { minLength: 1, maxLength: 3 }), async (sides) => {
        const built = sides.map(([s, m], i) => people(i, s, m));
        const root = writeWorkspace(dataFiles(built.map((b) => b.st), built.map((b) => b.mt), built.map((b) => confirmed(b.st, b.mt))));
        try {
          const outputs = await runBoth(root);
          expect(outputs.size).toBe(4 + 1 + 1 + sides.length * 6);
          for (const [file, text] of outputs) {
            for (const b of built) {
              for (const secret of b.secret) expect(text, `${secret} in ${file}`).not.toContain(secret);
              if (mentorFacing(file)) for (const secret of b.studentOnly) expect(text, `${secret} in ${file}`).not.toContain(secret);
              if (studentFacing(file)) for (const secret of b.mentorOnly) expect(text, `${secret} in ${file}`).not.toContain(secret);
            }
          }
          // The test can see a value when it is shared: each first name reaches its own side.
          const all = [...outputs.values()].join('\n');
          for (const b of built) expect(all).toContain(b.studentOnly[0]);
        } finally {
          fs.rmSync(root, { recursive: true, force: true });
        }
      }),
      { numRuns: 25 },
    );
  });

  // Templates that print every key of the partner show exactly what the projection holds.
  const DUMP = (side: string) =>
    `---\nto: {{recipient.name}} <{{recipient.email}}>\nsubject: Intro\n---\n{{#each ${side}}}{{@key}}: {{this}}\n{{/each}}\n`;
  const M_TEXT = ['courses', 'sectors', 'support_areas', 'country', 'city', 'job_role', 'employer', 'linkedin', 'bio'] as const;
  const S_TEXT = ['programme', 'sectors', 'support_areas', 'country', 'city', 'linkedin', 'bio'] as const;

  it('with any policy: a field is in the outputs exactly when the policy and consent allow it', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.subarray([...MENTOR_FIELDS]),
        fc.subarray([...STUDENT_FIELDS]),
        fc.boolean(),
        fc.boolean(),
        async (toStudent, toMentor, shareBio, shareLinkedin) => {
          const raw = defaultScheme();
          raw.sharing.to_student = toStudent as typeof raw.sharing.to_student;
          raw.sharing.to_mentor = toMentor as typeof raw.sharing.to_mentor;
          // A widening must be acknowledged field by field (src/core/policy/widening.ts).
          Object.assign(raw.sharing, { acknowledged: { to_student: toStudent, to_mentor: toMentor } });
          const mValues = Object.fromEntries(M_TEXT.map((f) => [f, marker(`m${f}`)]));
          const sValues = Object.fromEntries(S_TEXT.map((f) => [f, marker(`s${f}`)]));
          const secretExtra = marker('extra');
          const m = mentor({
            ...mValues, courses: [mValues.courses!], sectors: [mValues.sectors!], support_areas: [mValues.support_areas!],
            share_bio: shareBio, share_linkedin: shareLinkedin, extra: { Notes: secretExtra },
          });
          const s = student({
            ...sValues, sectors: [sValues.sectors!], support_areas: [sValues.support_areas!],
            share_bio: shareBio, share_linkedin: shareLinkedin, extra: { Notes: secretExtra },
          });
          const root = writeWorkspace(
            { ...dataFiles([s], [m], [confirmed(s, m)]), 'templates/intro-student.hbs': DUMP('mentor'), 'templates/intro-mentor.hbs': DUMP('student') },
            raw,
          );
          try {
            const all = [...(await runBoth(root)).values()].join('\n');
            const allowed = (field: string, policy: readonly string[]) =>
              policy.includes(field) && (field === 'bio' ? shareBio : field === 'linkedin' ? shareLinkedin : true);
            for (const f of M_TEXT) expect(all.includes(mValues[f]!), `mentor ${f}`).toBe(allowed(f, toStudent));
            for (const f of S_TEXT) expect(all.includes(sValues[f]!), `student ${f}`).toBe(allowed(f, toMentor));
            expect(all).not.toContain(secretExtra);
          } finally {
            fs.rmSync(root, { recursive: true, force: true });
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});

// Keep the helper honest: the decoder must find a marker that only exists inside encoded parts.
describe('readableOutputs', () => {
  it('finds text that is only in an encoded .eml body or a compressed .xlsx', async () => {
    const s = student({ bio: 'Accents are quoted-printable: QZXdécodéXZQ', share_bio: true });
    const m = mentor();
    const root = writeWorkspace(dataFiles([s], [m], [confirmed(s, m)]));
    try {
      const outputs = await runBoth(root);
      const eml = [...outputs.entries()].find(([f]) => f.endsWith('.eml') && f.includes('/mentor-'))!;
      expect(fs.readFileSync(path.join(root, eml[0])).toString('latin1')).not.toContain('QZXdécodéXZQ');
      expect(eml[1]).toContain('QZXdécodéXZQ');
      expect(outputs.get('out/export/for-mentors.xlsx')).toContain('QZXdécodéXZQ');
      expect(fs.readFileSync(path.join(root, 'out/export/for-mentors.xlsx')).toString('latin1')).not.toContain('QZXdécodéXZQ');
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

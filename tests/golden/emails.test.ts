// Golden files: the default templates rendered for a fixed set of participants, and the export
// rows for them. A change to a template or the renderer shows up as a diff to review.
// Update after an intended change:  UPDATE_GOLDEN=1 npx vitest run tests/golden
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  chaseContext,
  feedbackContext,
  introMentorContext,
  introStudentContext,
  templateSpec,
  withdrawalContext,
} from '../../src/core/email/contexts.js';
import { compileTemplate } from '../../src/core/email/template.js';
import { firstNameOf } from '../../src/core/import/people.js';
import { exportSheets } from '../../src/core/policy/exports.js';
import { confirmedPairs } from '../../src/core/policy/pairs.js';
import { toExcelCsv } from '../../src/io/csv-write.js';
import { confirmed, mentor, scheme, student } from '../core/policy/builders.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const DIR = path.join(import.meta.dirname, 'emails');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const S = scheme();

const zoe = student({ name: "Zoë O'Brien, Jr.", first_name: 'Zoë' });
const sam = student({
  email: 'sam.taylor@lse.ac.uk',
  name: 'Sam Taylor',
  first_name: 'Sam',
  programme: 'MSc European and International Public Policy',
  sectors: ['EU Institutions'],
  support_areas: [],
  linkedin: '',
  share_linkedin: false,
  bio: 'I write <b>bold</b> claims & use {{braces}}.\nSecond line of my bio.',
  share_bio: true,
});
const siobhan = mentor({
  email: 'siobhan@alumni.example.org',
  name: 'Dr Siobhán Ní Bhriain',
  // Derived as on import: the greeting skips the title ("Dear Siobhán,", never "Dear Dr,").
  first_name: firstNameOf('Dr Siobhán Ní Bhriain'),
  courses: ['MSc European Political Economy', 'MSc Political Economy of Europe'],
  graduation_year: 2009,
  job_role: 'Head of Policy',
  employer: 'NOT SHARED Ltd',
  bio: 'NOT SHARED: no consent',
  share_bio: false,
});
const ann = mentor();

/** Nothing volatile is rendered today; this is where a date or id would be pinned. */
function normalise(text: string): string {
  return text.replace(/\r\n/g, '\n');
}

function golden(name: string, actual: string): void {
  const file = path.join(DIR, name);
  const text = normalise(actual);
  if (UPDATE || !fs.existsSync(file)) {
    fs.mkdirSync(DIR, { recursive: true });
    fs.writeFileSync(file, text);
    if (!UPDATE) throw new Error(`wrote the missing golden file ${name}; check it, then run again`);
    return;
  }
  expect(text, `${name} differs from its golden file (UPDATE_GOLDEN=1 to accept)`).toBe(fs.readFileSync(file, 'utf8'));
}

function load(name: string) {
  const source = fs.readFileSync(path.join(REPO, 'templates', `${name}.hbs`), 'utf8');
  return compileTemplate(source, { name, file: `templates/${name}.hbs`, scheme: S, spec: templateSpec(name) });
}

const cases: [string, string, object][] = [
  ['intro-student-zoe', 'intro-student', introStudentContext(S, zoe, siobhan)],
  ['intro-mentor-siobhan', 'intro-mentor', introMentorContext(S, zoe, siobhan)],
  ['intro-student-sam', 'intro-student', introStudentContext(S, sam, ann)],
  ['intro-mentor-ann', 'intro-mentor', introMentorContext(S, sam, ann)],
  ['chase-student-zoe', 'chase-student', chaseContext(S, { recipient: zoe, role: 'student', partner: siobhan, meeting: 1, due: '2026-01-31', chasedBefore: 0 })],
  ['chase-student-zoe-final', 'chase-student', chaseContext(S, { recipient: zoe, role: 'student', partner: siobhan, meeting: 2, due: '2026-02-28', chasedBefore: 1 })],
  ['chase-mentor-siobhan', 'chase-mentor', chaseContext(S, { recipient: siobhan, role: 'mentor', partner: zoe, meeting: 1, due: '2026-01-31', chasedBefore: 0 })],
  ['chase-mentor-siobhan-final', 'chase-mentor', chaseContext(S, { recipient: siobhan, role: 'mentor', partner: zoe, meeting: 1, due: '2026-01-31', chasedBefore: 1 })],
  ...(['student', 'mentor', 'unresponsive'] as const).flatMap((leaver) =>
    (['student', 'mentor'] as const).map((role): [string, string, object] => [
      `withdrawal-${leaver}-left-to-${role}`.replace('unresponsive-left', 'mentor-unresponsive'),
      'withdrawal',
      withdrawalContext(S, { student: zoe, mentor: siobhan, leaver, reason: leaver === 'unresponsive' ? 'mentor unresponsive after 2 chases (2026-02-10, 2026-03-10)' : `${leaver} left: moving abroad` }, role),
    ]),
  ),
  ['feedback-request-student', 'feedback-request', feedbackContext(S, zoe, 'student', { name: 'final', ...S.surveys.final! })],
  ['feedback-request-mentor', 'feedback-request', feedbackContext(S, siobhan, 'mentor', { name: 'midway', ...S.surveys.midway! })],
];

describe('default templates (golden)', () => {
  it.each(cases)('%s', (file, template, context) => {
    const e = load(template).render(context);
    const head = `To: ${e.to.map((m) => `${m.name} <${m.address}>`).join('; ')}\nCc: ${e.cc.map((m) => m.address).join('; ')}\nSubject: ${e.subject}\n\n`;
    golden(`${file}.txt`, head + e.text);
    golden(`${file}.html`, e.html);
    expect(e.text).not.toContain('NOT SHARED');
    expect(e.html).not.toContain('NOT SHARED');
  });

  it('export rows', () => {
    const { pairs } = confirmedPairs([confirmed(zoe, siobhan), confirmed(sam, ann)], [zoe, sam], [siobhan, ann]);
    const { forStudents, forMentors } = exportSheets(pairs, S);
    golden('for-students.csv', toExcelCsv(forStudents.columns, forStudents.rows).toString('utf8'));
    golden('for-mentors.csv', toExcelCsv(forMentors.columns, forMentors.rows).toString('utf8'));
  });
});

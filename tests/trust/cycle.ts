// The whole yearly cycle, run on the bundled sample data plus hostile participants: every step
// must succeed. Used by the LibreOffice, hostile-text, fault and Excel re-save tests, so each of
// them covers every output.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { MENTOR_FIELDS, STUDENT_FIELDS } from '../../src/core/types.js';
import { FIXTURES } from '../helpers/cli.js';
import { type RunResult, runIn } from './inproc.js';

export interface Step {
  name: string;
  args: string[];
  /** Steps that must have run before this one (the order of cycleSteps keeps it so). */
  needs: string[];
  /** The day the step runs (MENTORSHIP_TODAY); the follow-up steps run after the programme. */
  today?: string;
}

export interface StepOutcome {
  step: Step;
  status: 'ran';
  result: RunResult;
}

export const AS_OF = '2026-03-20';
export const AFTER = '2026-05-20';

export function cycleSteps(inputs: { students: string; mentors: string }): Step[] {
  return [
    { name: 'import students', args: ['import', 'students', path.join(FIXTURES, 'students-msforms.xlsx'), inputs.students], needs: [] },
    { name: 'import mentors', args: ['import', 'mentors', path.join(FIXTURES, 'mentors-googleforms.csv'), inputs.mentors], needs: [] },
    { name: 'report supply', args: ['report', 'supply'], needs: ['import students', 'import mentors'] },
    { name: 'match', args: ['match'], needs: ['import students', 'import mentors'] },
    { name: 'confirm', args: ['confirm', '--all'], needs: ['match'] },
    { name: 'export', args: ['export'], needs: ['confirm'] },
    { name: 'emails intro', args: ['emails', 'intro'], needs: ['confirm'] },
    { name: 'import meetings', args: ['import', 'meetings', path.join(FIXTURES, 'meetings-checkin.csv')], needs: ['confirm'], today: AFTER },
    { name: 'report chase', args: ['report', 'chase', '--as-of', AS_OF], needs: ['confirm'], today: AFTER },
    { name: 'emails chase', args: ['emails', 'chase', '--as-of', AS_OF, '--record'], needs: ['confirm'], today: AFTER },
    { name: 'log meeting', args: ['log', 'meeting', 'hostile.zero@lse.ac.uk', '2', '2026-02-20'], needs: ['confirm'], today: AFTER },
    { name: 'withdraw', args: ['withdraw', 'hostile.minus@lse.ac.uk', '--reason', '=HYPERLINK("http://x","withdrawn") <script>alert(1)</script>'], needs: ['confirm'], today: AFTER },
    { name: 'import feedback', args: ['import', 'feedback', path.join(FIXTURES, 'feedback-final.csv'), '--survey', 'final'], needs: ['confirm'], today: AFTER },
    { name: 'emails feedback', args: ['emails', 'feedback', '--survey', 'final'], needs: ['confirm'], today: AFTER },
    { name: 'report feedback', args: ['report', 'feedback'], needs: ['import feedback'], today: AFTER },
    { name: 'report programme', args: ['report', 'programme'], needs: ['confirm'], today: AFTER },
  ];
}

/** Run every step in order in `ws`. Throws when a step fails. */
export async function runCycle(ws: string, steps: Step[], env: NodeJS.ProcessEnv = {}): Promise<StepOutcome[]> {
  const out: StepOutcome[] = [];
  const ran = new Set<string>();
  for (const step of steps) {
    const missing = step.needs.filter((n) => !ran.has(n));
    if (missing.length) throw new Error(`cycle step "${step.name}" needs ${missing.join(', ')} to run first`);
    const result = await runIn([...step.args, '--workspace', ws, '--yes', '--force'], ws, { ...(step.today ? { MENTORSHIP_TODAY: step.today } : {}), ...env });
    if (result.code !== 0) {
      throw new Error(`cycle step "${step.name}" failed (exit ${result.code}):\n${result.stderr.slice(0, 2000)}`);
    }
    ran.add(step.name);
    out.push({ step, status: 'ran', result });
  }
  return out;
}

/** Deleting personal data past retention: last, since it empties what the other checks read. */
export const PURGE: Step = { name: 'purge', args: ['purge', '--before', '2099-01-01'], needs: [], today: '2027-12-01' };

export function describeCycle(outcomes: StepOutcome[]): string {
  return outcomes.map((o) => `${o.step.name}: ${o.status}`).join('; ');
}

// ---- hostile participants ----

export const BIG_BIO = `${'A very long bio. '.repeat(6_000)}END`; // about 100 KB: over the 20,000 limit, so rejected
export const LONG_BIO = `${'Long but allowed. '.repeat(1_100)}END`; // about 19,800 characters

/** Texts that must stay inert in every output. */
export const HOSTILE = {
  formulaName: '=HYPERLINK("http://evil.example","click")',
  formulaBio: '=HYPERLINK("http://x","y")',
  plusName: '+Plus Minus',
  atName: '@At Sign',
  minusName: '-Minus Sign',
  zeroName: '007',
  phone: '00441234567890',
  longDigits: '12345678901234567890',
  traversalName: '../../escaped',
  winTraversalName: '..\\..\\escaped-too',
  crlfBio: 'Hello\r\nBcc: victim@evil.example\r\nX-Injected: yes\r\n\r\n<b>body</b>',
  headerName: 'Mallory\r\nBcc: victim@evil.example',
  scriptName: '<script>alert("n")</script>',
  scriptBio: '<script>document.title="pwned"</script><img src=x onerror="document.body.dataset.pwned=1">',
  templateBio: '{{scheme.contact_email}} {{#each students}}x{{/each}} {{{raw}}}',
  templateName: '{{mentor.email}}',
  rtlName: 'Evil \u202Eexe.txt',
  zeroWidthName: 'Zero\u200BWidth\u200DName',
  diacritics: ['Zoë Ærø', 'Łukasz Żółć', 'Nguyễn Thị Ngọc'],
};

const STUDENT_SECTORS = 'Government & Public Policy; EU Institutions; Consulting';
const MENTOR_SECTORS = 'Government & Public Policy; EU Institutions; Consulting; International Organisations; Think Tanks, Research & Policy Analysis; NGOs, Charities & Civil Society; Finance & Banking; Law; Technology; Energy & Environment';

function row(fields: readonly string[], values: Record<string, string>): string[] {
  return fields.map((f) => values[f] ?? '');
}

/** Write hostile students.csv and mentors.csv (canonical headers plus a Phone column) into `dir`. */
export function writeHostileInputs(dir: string): { students: string; mentors: string; studentEmails: string[] } {
  const studentHeader = [...STUDENT_FIELDS, 'Phone'];
  const base = { programme: 'MSc Conflict Studies', sectors: STUDENT_SECTORS, support_areas: 'Networking; Interviews', meeting_preference: 'online', share_bio: 'yes', share_linkedin: 'yes', submitted_at: '2025-11-10T09:00:00' };
  const students: Record<string, string>[] = (<Record<string, string>[]>[
    { email: 'hostile.formula@lse.ac.uk', name: HOSTILE.formulaName, bio: HOSTILE.formulaBio },
    { email: 'hostile.plus@lse.ac.uk', name: HOSTILE.plusName, bio: '+1 555 0100' },
    { email: 'hostile.at@lse.ac.uk', name: HOSTILE.atName, bio: '@SUM(1+1)*cmd|\' /C calc\'!A0' },
    { email: 'hostile.minus@lse.ac.uk', name: HOSTILE.minusName, bio: '-2+3' },
    { email: 'hostile.zero@lse.ac.uk', name: HOSTILE.zeroName, first_name: '007', Phone: HOSTILE.phone, bio: HOSTILE.longDigits, linkedin: HOSTILE.longDigits },
    { email: 'hostile.path@lse.ac.uk', name: HOSTILE.traversalName, first_name: '../..' },
    { email: 'hostile.winpath@lse.ac.uk', name: HOSTILE.winTraversalName },
    { email: 'hostile.crlf@lse.ac.uk', name: HOSTILE.headerName, first_name: 'Mallory\r\nBcc: victim2@evil.example', bio: HOSTILE.crlfBio },
    { email: 'hostile.script@lse.ac.uk', name: HOSTILE.scriptName, first_name: '<script>', bio: HOSTILE.scriptBio },
    { email: 'hostile.template@lse.ac.uk', name: HOSTILE.templateName, first_name: '{{this}}', bio: HOSTILE.templateBio },
    { email: 'hostile.rtl@lse.ac.uk', name: HOSTILE.rtlName, bio: `${HOSTILE.rtlName} ${HOSTILE.zeroWidthName}` },
    { email: 'hostile.zw@lse.ac.uk', name: HOSTILE.zeroWidthName, bio: LONG_BIO },
    { email: 'hostile.big@lse.ac.uk', name: 'Big Bio', bio: BIG_BIO },
    { email: 'hostile.zoe@lse.ac.uk', name: HOSTILE.diacritics[0]!, bio: HOSTILE.diacritics.join(', ') },
    { email: 'hostile.lukasz@lse.ac.uk', name: HOSTILE.diacritics[1]! },
    { email: 'hostile.nguyen@lse.ac.uk', name: HOSTILE.diacritics[2]! },
    { email: '=cmd@evil.example', name: 'Formula Email' },
    { email: '{{x}}@evil.example', name: 'Template Email' },
    // Rejected (not an email): its value is echoed in the rejection message and the rejects file.
    { email: 'bad\u001b[2J\u001b]0;owned\u0007@evil.example', name: 'Terminal \u001b[31mEscape' },
  ]).map((s) => ({ ...base, ...s }));
  const mentorHeader = [...MENTOR_FIELDS, 'Phone'];
  const mbase = { sectors: MENTOR_SECTORS, support_areas: 'Networking; Interviews; Career path & decision making; CVs & applications; Job search; Sector knowledge', courses: 'MSc Conflict Studies', graduation_year: '2015', capacity: '5', country: 'United Kingdom', meeting_preference: 'either', share_bio: 'yes', share_linkedin: 'yes', submitted_at: '2025-11-10T09:00:00', linkedin: 'https://www.linkedin.com/in/hostile' };
  const mentors: Record<string, string>[] = (<Record<string, string>[]>[
    { email: 'hostile.mentor1@example.com', name: '=cmd|\' /C calc\'!A0', job_role: '{{#each mentors}}{{email}}{{/each}}', employer: '<script>alert(1)</script>', bio: HOSTILE.scriptBio, Phone: HOSTILE.phone },
    { email: 'hostile.mentor2@example.com', name: HOSTILE.headerName, first_name: '../../mentor', job_role: '@Director', employer: '-Employer', bio: HOSTILE.crlfBio },
    { email: 'hostile.mentor3@example.com', name: 'Renée Žižek-Nguyễn', job_role: HOSTILE.rtlName, employer: HOSTILE.zeroWidthName, bio: `${HOSTILE.templateBio} ${HOSTILE.formulaBio}`, graduation_year: '2019' },
    { email: 'hostile.mentor4@example.com', name: '007 Bond', job_role: '+Agent', employer: HOSTILE.traversalName, bio: LONG_BIO, capacity: '2.0' },
  ]).map((m) => ({ ...mbase, ...m }));
  const write = (file: string, header: string[], rows: Record<string, string>[]) => {
    const text = stringify([header, ...rows.map((r) => row(header, r))], { record_delimiter: '\r\n' });
    fs.writeFileSync(file, `\uFEFF${text}`);
  };
  const s = path.join(dir, 'hostile-students.csv');
  const m = path.join(dir, 'hostile-mentors.csv');
  write(s, studentHeader, students);
  write(m, mentorHeader, mentors);
  return { students: s, mentors: m, studentEmails: students.map((x) => x.email!) };
}

// Builders for sharing and email tests: whole participants with overridable fields, the data
// files `import` and `confirm` would have written, and an in-process Context with buffers.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { Context, GlobalOptions } from '../../../src/context.js';
import { toExcelCsv } from '../../../src/io/csv-write.js';
import { makeContext } from '../../../src/main.js';
import { defaultScheme } from '../../../src/core/scheme/defaults.js';
import { parseScheme, type Scheme } from '../../../src/core/scheme/schema.js';
import { peopleColumns, personRow } from '../../../src/core/store/people-rows.js';
import type { Match, Mentor, Student } from '../../../src/core/types.js';
import { MATCH_COLUMNS, matchRow } from '../../../src/workspace/store.js';

export function scheme(patch: (raw: ReturnType<typeof defaultScheme>) => void = () => {}): Scheme {
  const raw = defaultScheme();
  patch(raw);
  const parsed = parseScheme(raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.scheme;
}

export function student(o: Partial<Student> = {}): Student {
  return {
    email: 'zoe.obrien@lse.ac.uk',
    name: "Zoë O'Brien",
    first_name: 'Zoë',
    programme: 'MSc Conflict Studies',
    sectors: ['Consulting', 'Think Tanks, Research & Policy Analysis'],
    support_areas: ['Networking', 'CVs & applications'],
    country: 'United Kingdom',
    city: 'London',
    meeting_preference: 'online',
    linkedin: 'https://www.linkedin.com/in/zoe-obrien',
    share_linkedin: true,
    bio: 'I spent two years in Brussels before my MSc.',
    share_bio: true,
    submitted_at: '2025-11-05T10:00:00',
    extra: {},
    ...o,
  };
}

export function mentor(o: Partial<Mentor> = {}): Mentor {
  return {
    email: 'ann.lee@alumni.example.org',
    name: 'Ann Lee',
    first_name: 'Ann',
    courses: ['MSc Conflict Studies'],
    graduation_year: 2015,
    sectors: ['Consulting'],
    support_areas: ['Networking', 'Interviews'],
    country: 'Belgium',
    city: 'Brussels',
    meeting_preference: 'either',
    job_role: 'Senior Consultant',
    employer: 'Deloitte',
    capacity: 2,
    unavailable: [],
    linkedin: 'https://www.linkedin.com/in/ann-lee',
    share_linkedin: true,
    bio: 'I work on public-sector strategy.',
    share_bio: true,
    submitted_at: '2025-11-06T10:00:00',
    extra: {},
    ...o,
  };
}

export function confirmed(s: Student, m: Mentor, status: Match['status'] = 'confirmed'): Match {
  return {
    student_email: s.email,
    mentor_email: m.email,
    status,
    score: 80,
    breakdown: { sector: 50, support: 10, programme: 15, location: 5 },
    shared_sectors: ['Consulting'],
    shared_support: ['Networking'],
    proposed_at: '2025-11-28T10:00:00',
    decided_at: '2025-11-29T10:00:00',
    reason: '',
  };
}

/** The data files for these participants and pairs, as the tool itself writes them. */
export function dataFiles(students: readonly Student[], mentors: readonly Mentor[], matches: readonly Match[]): Record<string, Buffer> {
  return {
    'data/students.csv': toExcelCsv(peopleColumns('students'), students.map(personRow)),
    'data/mentors.csv': toExcelCsv(peopleColumns('mentors'), mentors.map(personRow)),
    'data/matches.csv': toExcelCsv(MATCH_COLUMNS, matches.map(matchRow)),
  };
}

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** A workspace without spawning the CLI: scheme.json, the default templates, and the given files. */
export function writeWorkspace(files: Record<string, string | Buffer>, schemeJson: unknown = defaultScheme()): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mentorship-share-'));
  fs.writeFileSync(path.join(dir, 'scheme.json'), `${JSON.stringify(schemeJson, null, 2)}\n`);
  fs.mkdirSync(path.join(dir, 'templates'));
  for (const f of fs.readdirSync(path.join(REPO, 'templates'))) fs.copyFileSync(path.join(REPO, 'templates', f), path.join(dir, 'templates', f));
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  }
  return dir;
}

export interface TestContext {
  ctx: Context;
  stdout(): string;
  stderr(): string;
}

function sink(): { stream: Writable; text: () => string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

export function testContext(cwd: string, opts: Partial<GlobalOptions> = {}, today = '2025-12-01'): TestContext {
  const out = sink();
  const err = sink();
  const ctx = makeContext(
    { json: false, dryRun: false, yes: true, force: false, quiet: false, verbose: false, ...opts },
    { cwd, env: { NO_COLOR: '1', MENTORSHIP_TODAY: today }, stdout: out.stream, stderr: err.stream, stdin: new PassThrough() },
  );
  return { ctx, stdout: out.text, stderr: err.text };
}

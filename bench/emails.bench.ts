/**
 * Sharing bench: `npx tsx bench/emails.bench.ts` prints a table; `benchEmails()` returns the rows.
 * A workspace with 5,000 confirmed pairs (bench/cohort.ts people, student i paired with mentor i),
 * then the built CLI as a child process (as an administrator runs it):
 *   emails intro        10,000 drafts x 3 files (.eml, .txt, .html) + index.csv, committed
 *   emails intro again  the same run over its own output (every file compared, nothing to replace)
 *   export              for-students / for-mentors, CSV and XLSX
 * Figures only: no assertion about time, which depends on the machine (target: intro < 10 s).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultScheme } from '../src/core/scheme/defaults.js';
import { parseScheme } from '../src/core/scheme/schema.js';
import type { Match } from '../src/core/types.js';
import { toExcelCsv } from '../src/io/csv-write.js';
import { TEMPLATES_DIR } from '../src/paths.js';
import { loadMentors, loadStudents, MATCH_COLUMNS, matchRow } from '../src/workspace/store.js';
import { makeWorkspace } from '../src/workspace/workspace.js';
import { writeCohort } from './cohort.js';
import { measureCli } from './measure.js';

type Row = Record<string, string | number>;

const PAIRS = 5000;
const TODAY = '2025-12-01';


export async function setUp(pairs: number): Promise<string> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mentorship-bench-emails-'));
  const raw = defaultScheme();
  fs.writeFileSync(path.join(root, 'scheme.json'), JSON.stringify(raw, null, 2));
  fs.mkdirSync(path.join(root, 'templates'));
  for (const f of fs.readdirSync(TEMPLATES_DIR)) fs.copyFileSync(path.join(TEMPLATES_DIR, f), path.join(root, 'templates', f));
  await writeCohort(path.join(root, 'data'), { students: pairs, mentors: pairs });
  const parsed = parseScheme(raw);
  if (!parsed.ok) throw new Error('the default scheme does not validate');
  const ws = makeWorkspace(root, parsed.scheme);
  const now = new Date(`${TODAY}T09:00:00Z`);
  const students = loadStudents(ws, now);
  const mentors = loadMentors(ws, now);
  const matches: Match[] = students.map((s, i) => ({
    student_email: s.email,
    mentor_email: mentors[i]!.email,
    status: 'confirmed',
    score: 75,
    breakdown: { sector: 50, support: 10, programme: 10, location: 5 },
    shared_sectors: [],
    shared_support: [],
    proposed_at: '2025-11-28T10:00:00',
    decided_at: '2025-11-29T10:00:00',
    reason: '',
  }));
  fs.writeFileSync(path.join(root, 'data', 'matches.csv'), toExcelCsv(MATCH_COLUMNS, matches.map(matchRow)));
  return root;
}


/** The built CLI as a child process, as an administrator runs it (worker threads included). */
function cli(label: string, root: string, args: string[]): Row {
  const m = measureCli([...args, '--quiet'], root, { MENTORSHIP_TODAY: TODAY });
  if (m.code !== 0) throw new Error(`${args.join(' ')} failed: ${m.stderr}`);
  return { step: label, seconds: Number(m.seconds.toFixed(2)), peak_mb: Math.round(m.maxRssMb) };
}

export async function benchEmails(pairs = PAIRS): Promise<Row[]> {
  const root = await setUp(pairs);
  const rows: Row[] = [];
  try {
    rows.push(cli(`emails intro (${pairs} pairs, ${pairs * 2} drafts x 3 files)`, root, ['emails', 'intro']));
    const written = fs.readdirSync(path.join(root, 'out', 'emails', 'intro')).length;
    rows[0]!.files = written;
    rows.push({ ...cli('emails intro again (all unchanged)', root, ['emails', 'intro']), files: written });
    rows.push({ ...cli(`export (${pairs} pairs, CSV + XLSX per side)`, root, ['export']), files: 4 });
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const pairs = Number(process.argv[2] ?? PAIRS);
  const rows = await benchEmails(pairs);
  console.table(rows);
}

// mentorship demo [DIR]: the whole year on the bundled sample data, in a new workspace, in date
// order. Each step is the real command, run in-process through main() with the clock pinned to its
// day and --json, into buffers of its own: its envelope gives the step's figure and the files it wrote;
// the check-in form is imported as downloaded on each chasing round's day (fixtures/README.md).
// The scheme's rule runs to its end: students chased more than twice are withdrawn, their mentors
// matched again.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Readable, Writable } from 'node:stream';
import type { Context } from '../../context.js';
import { DataError, InternalError, UsageError } from '../../errors.js';
import type { PlannedChange } from '../../io/transaction.js';
import type { Outcome } from '../../outcome.js';
import type { Envelope } from '../../ui/render.js';
import { FIXTURES_DIR } from '../../paths.js';
import { readCsvBytes } from '../../io/csv-read.js';
import { DATA_DIR, emailsDir, EXPORT_DIR, FILES, OUT_DIR, PROGRAMME_REPORT, REVIEW_FILE, reportFile, STATE_DIR } from '../../workspace/layout.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Step {
  title: string;
  today: string;
  argv: string[];
  /** The key figure, from the step's --json output. */
  figure(out: Json): string;
  /** Steps that follow from this one's result (the students to withdraw, say). */
  then?(out: Json): Step[];
  /** A step the administrator does by hand (an edit of scheme.json), done here instead of a command. */
  edit?(root: string): string;
}

export interface StepResult {
  step: string;
  today: string;
  command: string;
  status: 'done';
  figure: string;
}

const n = (v: unknown): string => (typeof v === 'number' ? String(v) : Array.isArray(v) ? String(v.length) : '?');
const pct = (v: unknown): string => (typeof v === 'number' ? `${Math.round(v * 100)}%` : '?');

/** The demo's survey forms: init writes placeholders, which emails feedback refuses to mail. */
function setSurveyLinks(root: string): string {
  const file = path.join(root, 'scheme.json');
  const scheme = JSON.parse(fs.readFileSync(file, 'utf8')) as { surveys: Record<string, { link: string }> };
  for (const [key, survey] of Object.entries(scheme.surveys)) survey.link = `https://forms.office.com/r/ei-demo-${key}`;
  fs.writeFileSync(file, `${JSON.stringify(scheme, null, 2)}\n`);
  return `surveys: ${Object.keys(scheme.surveys).join(', ')}`;
}

/** The mentors of data/matches.csv's proposed pairs, to tell which freed mentors got a new student. */
function proposedMentors(root: string): string[] {
  const { rows } = readCsvBytes(fs.readFileSync(path.join(root, FILES.matches)), FILES.matches);
  const head = rows[0] ?? [];
  const [status, mentor] = [head.indexOf('status'), head.indexOf('mentor_email')];
  return rows.slice(1).filter((r) => r[status] === 'proposed').map((r) => r[mentor] ?? '');
}

/**
 * The scheme's rule to its end: each student chased more than twice leaves, their mentor's place
 * is free again, the waiting list (late applications) comes in, and match offers the free places.
 */
function withdrawAndRematch(root: string, fx: (f: string) => string) {
  return (out: Json): Step[] => {
    const leaving = (out.withdraw ?? []) as { studentEmail: string; mentorEmail: string }[];
    const freed = new Set(leaving.map((p) => p.mentorEmail));
    return [
      ...leaving.map((p): Step => ({
        title: 'withdraw a student chased more than twice', today: '2026-04-07', argv: ['withdraw', p.studentEmail, '--reason', 'chased more than twice'],
        figure: (o) => `${o.email ?? p.studentEmail} withdrawn; mentor ${o.pairs?.[0]?.mentorEmail ?? p.mentorEmail} freed`,
      })),
      {
        title: 'import the waiting list (late applications)', today: '2026-04-07', argv: ['import', 'students', fx('students-waiting-list.csv')],
        figure: (o) => `${n(o.imported)} students waiting for a mentor`,
      },
      {
        title: 're-match: free places to the waiting list', today: '2026-04-07', argv: ['match'],
        figure: (o) => {
          const mentors = proposedMentors(root);
          return `${n(o.matched)} new pair(s) proposed, ${mentors.filter((m) => freed.has(m)).length} of them with a mentor freed by a withdrawal`;
        },
      },
      { title: 'confirm the new pairs', today: '2026-04-07', argv: ['confirm', '--all'], figure: (o) => `${n(o.approved)} pairs confirmed` },
      { title: 'introduce the new pairs', today: '2026-04-08', argv: ['emails', 'intro'], figure: (o) => {
        return `${n(o.added)} new drafts for the new pairs; the other ${n(o.kept)} left as they were; ${n(o.noticesAdded)} withdrawal notices`;
      } },
    ];
  };
}

function steps(dir: string): Step[] {
  const fx = (f: string) => path.join(FIXTURES_DIR, f);
  const chaseRound = (title: string, today: string, download: string): Step[] => [
    {
      title: `record the meetings (check-in form, ${download})`, today, argv: ['import', 'meetings', fx(`meetings-checkin-${download}.csv`)],
      figure: (o) => `${n(o.added)} meetings recorded, ${n(o.duplicates)} duplicate, ${n(o.rejected)} rejected`,
    },
    {
      title, today, argv: ['emails', 'chase', '--as-of', today, '--record'],
      figure: (o) => `${n(o.drafts)} chase drafts, ${n(o.recorded)} chases recorded`,
    },
  ];
  return [
    { title: 'create the workspace', today: '2025-11-03', argv: ['init', dir], figure: (o) => `${o.year ?? ''} workspace in ${o.workspace ?? dir}` },
    { title: "put the year's survey links in scheme.json", today: '2025-11-03', argv: [], edit: setSurveyLinks, figure: () => '' },
    {
      title: 'import student applications (Microsoft Forms)', today: '2025-11-24', argv: ['import', 'students', fx('students-msforms.xlsx')],
      figure: (o) => `${n(o.imported)} students imported, ${n(o.rejected)} rejected, ${n(o.duplicates)} duplicate`,
    },
    {
      title: 'import alumni applications (Google Forms)', today: '2025-11-24', argv: ['import', 'mentors', fx('mentors-googleforms.csv')],
      figure: (o) => `${n(o.imported)} mentors imported, ${n(o.rejected)} rejected, ${n(o.duplicates)} duplicate`,
    },
    { title: 'check supply against demand', today: '2025-11-25', argv: ['report', 'supply'], figure: (o) => `${n(o.students)} students, ${n(o.places)} mentor places` },
    { title: 'propose the optimal pairs', today: '2025-11-28', argv: ['match'], figure: (o) => `${n(o.matched)} students matched, mean score ${n(o.meanScore)}` },
    { title: 'confirm every proposal', today: '2025-11-28', argv: ['confirm', '--all'], figure: (o) => `${n(o.approved)} pairs confirmed` },
    { title: 'export the permitted profiles', today: '2025-12-08', argv: ['export'], figure: (o) => `${n(o.pairs)} pairs, each side's permitted fields` },
    { title: 'draft the introductions', today: '2025-12-08', argv: ['emails', 'intro'], figure: (o) => `${n(o.drafts)} introduction drafts` },
    ...chaseRound('first round of chases, in February', '2026-02-10', 'february'),
    { title: 'ask how it is going (mid-way survey)', today: '2026-02-16', argv: ['emails', 'feedback', '--survey', 'midway'], figure: (o) => `${n(o.drafts)} mid-way check-in requests` },
    ...chaseRound('second round of chases, in March', '2026-03-10', 'march'),
    {
      title: 'record the meetings (check-in form, april)', today: '2026-04-07', argv: ['import', 'meetings', fx('meetings-checkin-april.csv')],
      figure: (o) => `${n(o.added)} meetings recorded, ${n(o.duplicates)} duplicate, ${n(o.rejected)} rejected`,
    },
    {
      title: 'who has been chased too often', today: '2026-04-07', argv: ['report', 'chase', '--as-of', '2026-04-07'],
      figure: (o) => `${n(o.withdraw)} students to withdraw (their mentors to re-match), ${n(o.toChase)} to chase`,
      then: withdrawAndRematch(dir, fx),
    },
    {
      title: 'record the last meetings (check-in form)', today: '2026-05-01', argv: ['import', 'meetings', fx('meetings-checkin.csv')],
      figure: (o) => `${n(o.added)} meetings recorded, ${n(o.duplicates)} duplicate, ${n(o.rejected)} rejected`,
    },
    { title: 'close the programme (pairs completed)', today: '2026-05-01', argv: ['confirm', '--completed'], figure: (o) => `${n(o.completed)} pairs completed` },
    { title: 'ask for feedback', today: '2026-05-11', argv: ['emails', 'feedback', '--survey', 'final'], figure: (o) => `${n(o.drafts)} feedback requests` },
    {
      title: 'import the feedback survey', today: '2026-05-25', argv: ['import', 'feedback', '--survey', 'final', fx('feedback-final.csv')],
      figure: (o) => `${n(o.added)} respondents, ${n(o.rejected)} rejected`,
    },
    {
      title: 'report the feedback', today: '2026-05-25', argv: ['report', 'feedback'],
      figure: (o) => {
        const s = o.surveys?.find((x: Json) => x.survey === 'final') ?? o.surveys?.[0];
        return s ? `students ${pct(s.students?.rate)}, mentors ${pct(s.mentors?.rate)} responded` : 'no answers';
      },
    },
    {
      title: 'report the programme', today: '2026-05-25', argv: ['report', 'programme'],
      figure: (o) => `match rate ${pct(o.figures?.matching?.matchRate)}, ${n(o.figures?.meetings?.total)} meetings held, ${n(o.figures?.chases?.total)} chases`,
    },
  ];
}

class Sink extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

/** A step's --json envelope: its result (the figures) and the files it wrote. */
function readStep(command: string, stdout: string): { out: Json; changes: PlannedChange[] } {
  try {
    const envelope = JSON.parse(stdout) as Envelope;
    return { out: envelope.result as Json, changes: envelope.changes as PlannedChange[] };
  } catch (err) {
    throw new InternalError(`demo: ${command} --json printed no envelope`, { stdout: stdout.slice(0, 200), err });
  }
}

/** The year's changes as one list: a file created and then rewritten was created; created and then deleted, it is not there. */
function mergeChanges(into: Map<string, PlannedChange>, changes: readonly PlannedChange[]): void {
  for (const c of changes) {
    const before = into.get(c.path);
    if (before?.action === 'create' && c.action === 'delete') {
      into.delete(c.path);
      continue;
    }
    const action = !before || before.action === 'unchanged' || c.action === 'delete' ? c.action : before.action;
    into.set(c.path, { path: c.path, action, bytes: c.bytes });
  }
}

function prepare(ctx: Context, root: string): void {
  if (!fs.existsSync(root) || fs.readdirSync(root).length === 0) return;
  if (!ctx.opts.force) throw new UsageError(`${root} exists and is not empty`, 'choose another folder (mentorship demo DIR), or add --force to reuse it');
  if (!fs.existsSync(path.join(root, 'scheme.json'))) return;
  // Only a workspace's own folders go, so an earlier demo does not leak into this one.
  for (const sub of [DATA_DIR, OUT_DIR, STATE_DIR]) fs.rmSync(path.join(root, sub), { recursive: true, force: true });
}

export interface DemoYear {
  workspace: string;
  steps: StepResult[];
  /** Every file the year wrote, relative to the workspace. */
  changes: PlannedChange[];
}

export async function runDemo(ctx: Context, dir: string): Promise<DemoYear> {
  const root = path.resolve(ctx.cwd, dir);
  prepare(ctx, root);
  const { main } = await import('../../main.js');
  const results: StepResult[] = [];
  const changes = new Map<string, PlannedChange>();
  const queue = steps(root);
  for (let step = queue.shift(); step; step = queue.shift()) {
    if (step.edit) {
      const figure = step.edit(root);
      mergeChanges(changes, [{ path: 'scheme.json', action: 'replace', bytes: fs.statSync(path.join(root, 'scheme.json')).size }]);
      results.push({ step: step.title, today: step.today, command: '(edit scheme.json by hand)', status: 'done', figure });
      continue;
    }
    const stdout = new Sink();
    const stderr = new Sink();
    const argv = [...step.argv, ...(step.argv[0] === 'init' ? (ctx.opts.force ? ['--force'] : []) : ['--workspace', root]), '--json', '--yes'];
    const code = await main(argv, {
      cwd: ctx.cwd, env: { ...ctx.env, MENTORSHIP_TODAY: step.today, NO_COLOR: '1', FORCE_COLOR: '0' }, stdout, stderr, stdin: Readable.from([]),
    });
    const shown = step.argv.map((a) => (a.startsWith(FIXTURES_DIR) ? `fixtures/${path.basename(a)}` : a === root ? dir : /\s/.test(a) ? `"${a}"` : a));
    const command = `mentorship ${shown.join(' ')}`;
    ctx.debug(`${command} (MENTORSHIP_TODAY=${step.today}): exit ${code}`);
    if (code !== 0) {
      throw new DataError(`demo step "${step.title}" (${command}) failed with exit ${code}: ${stderr.text.trim().split('\n').slice(0, 3).join(' / ')}`, {}, 'run that command by hand in the demo folder with --verbose to see why');
    }
    const { out, changes: made } = readStep(command, stdout.text);
    mergeChanges(changes, made);
    let figure = 'done';
    try {
      figure = step.figure(out);
    } catch {
      /* a figure the result does not have: the step still ran (the demo tests catch it) */
    }
    results.push({ step: step.title, today: step.today, command, status: 'done', figure });
    if (step.then) queue.unshift(...step.then(out));
  }
  return { workspace: root, steps: results, changes: [...changes.values()] };
}

const OPEN = [PROGRAMME_REPORT, REVIEW_FILE, `${EXPORT_DIR}/for-students.xlsx`, `${emailsDir('intro')}/index.csv`, reportFile('chase', 'xlsx'), reportFile('feedback', 'xlsx')];

export interface DemoResult {
  workspace: string;
  steps: StepResult[];
  /** The files to open first, as absolute paths. */
  open: string[];
}

export async function run(ctx: Context, dir: string): Promise<Outcome<DemoResult>> {
  if (ctx.opts.dryRun) throw new UsageError('demo has no --dry-run: it only ever writes to its own new folder', 'run mentorship demo /tmp/somewhere-new');
  ctx.info(`Running a whole programme year on the bundled sample data (150 students, 80 alumni) in ${path.resolve(ctx.cwd, dir)} ...`);
  const year = await runDemo(ctx, dir);
  const open = OPEN.filter((f) => fs.existsSync(path.join(year.workspace, f))).map((f) => path.join(year.workspace, f));
  // One command that works as typed in cmd, PowerShell 5 (no &&) and POSIX shells.
  const where = path.relative(ctx.cwd, year.workspace) || '.';
  const text = [
    ...year.steps.map((s, i) => `${String(i + 1).padStart(2)}. ${s.today}  ${s.step.padEnd(46)} ${s.figure}`),
    `\nThe workspace is ${year.workspace}. Open:`,
    ...open.map((f) => `  ${f}`),
    `Try: mentorship status --workspace ${/^[\w./\\:-]+$/.test(where) ? where : `"${where}"`}`,
  ].join('\n');
  return { result: { workspace: year.workspace, steps: year.steps, open }, changes: year.changes, dryRun: false, text };
}

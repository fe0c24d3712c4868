// mentorship demo [DIR]: the whole year on the bundled sample data, in a new workspace. Each step
// is the real command, run in-process through main() with the clock pinned to a date that suits it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Readable, Writable } from 'node:stream';
import type { Context } from '../context.js';
import { DataError, UsageError } from '../errors.js';
import { FIXTURES_DIR } from '../paths.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Step {
  title: string;
  today: string;
  argv: string[];
  /** The key figure, from the step's --json output. */
  figure(out: Json): string;
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

function steps(dir: string): Step[] {
  const fx = (f: string) => path.join(FIXTURES_DIR, f);
  return [
    { title: 'create the workspace', today: '2025-11-03', argv: ['init', dir], figure: (o) => `workspace in ${o.workspace ?? dir}` },
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
    {
      title: 'record the meetings (check-in form)', today: '2026-05-01', argv: ['import', 'meetings', fx('meetings-checkin.csv')],
      figure: (o) => `${n(o.added)} meetings recorded, ${n(o.duplicates)} duplicate, ${n(o.rejected)} rejected`,
    },
    {
      title: 'who to chase in February', today: '2026-02-10', argv: ['report', 'chase', '--as-of', '2026-02-10'],
      figure: (o) => `${n(o.toChase)} to chase, ${n(o.withdraw)} to withdraw, of ${n(o.counts?.pairs)} pairs`,
    },
    {
      title: 'draft and record the chases', today: '2026-02-10', argv: ['emails', 'chase', '--as-of', '2026-02-10', '--record'],
      figure: (o) => `${n(o.drafts)} chase drafts, ${n(o.recorded)} chases recorded`,
    },
    {
      title: 'second round of chases, in March', today: '2026-03-10', argv: ['emails', 'chase', '--as-of', '2026-03-10', '--record'],
      figure: (o) => `${n(o.drafts)} chase drafts, ${n(o.recorded)} chases recorded`,
    },
    {
      title: 'who has been chased too often', today: '2026-04-07', argv: ['report', 'chase', '--as-of', '2026-04-07'],
      figure: (o) => `${n(o.withdraw)} students to withdraw (their mentors to re-match), ${n(o.toChase)} to chase`,
    },
    { title: 'ask for feedback', today: '2026-05-11', argv: ['emails', 'feedback', '--survey', 'final'], figure: (o) => `${n(o.drafts)} feedback requests` },
    {
      title: 'import the feedback survey', today: '2026-05-25', argv: ['import', 'feedback', '--survey', 'final', fx('feedback-final.csv')],
      figure: (o) => `${n(o.added)} respondents, ${n(o.rejected)} rejected`,
    },
    {
      title: 'report the feedback', today: '2026-05-25', argv: ['report', 'feedback'],
      figure: (o) => {
        const s = o.surveys?.[0];
        return s ? `students ${pct(s.students?.rate)}, mentors ${pct(s.mentors?.rate)} responded` : 'no answers';
      },
    },
    {
      title: 'report the programme', today: '2026-05-25', argv: ['report', 'programme'],
      figure: (o) => `match rate ${pct(o.figures?.matching?.match_rate)}, ${n(o.figures?.meetings?.total)} meetings held, ${n(o.figures?.chases?.total)} chases`,
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

function prepare(ctx: Context, root: string): void {
  if (!fs.existsSync(root) || fs.readdirSync(root).length === 0) return;
  if (!ctx.opts.force) throw new UsageError(`${root} exists and is not empty`, 'choose another folder (mentorship demo DIR), or add --force to reuse it');
  if (!fs.existsSync(path.join(root, 'scheme.json'))) return;
  // Only a workspace's own folders go, so an earlier demo does not leak into this one.
  for (const sub of ['data', 'out', '.mentorship']) fs.rmSync(path.join(root, sub), { recursive: true, force: true });
}

export async function runDemo(ctx: Context, dir: string): Promise<{ workspace: string; steps: StepResult[] }> {
  const root = path.resolve(ctx.cwd, dir);
  prepare(ctx, root);
  const { main } = await import('../main.js');
  const results: StepResult[] = [];
  for (const step of steps(root)) {
    const stdout = new Sink();
    const stderr = new Sink();
    const argv = [...step.argv, ...(step.argv[0] === 'init' ? (ctx.opts.force ? ['--force'] : []) : ['--workspace', root]), '--json', '--yes'];
    const code = await main(argv, {
      cwd: ctx.cwd, env: { ...ctx.env, MENTORSHIP_TODAY: step.today, NO_COLOR: '1', FORCE_COLOR: '0' }, stdout, stderr, stdin: Readable.from([]),
    });
    const command = `mentorship ${step.argv.map((a) => (a.startsWith(FIXTURES_DIR) ? `fixtures/${path.basename(a)}` : a === root ? dir : a)).join(' ')}`;
    ctx.debug(`${command} (MENTORSHIP_TODAY=${step.today}): exit ${code}`);
    if (code !== 0) {
      throw new DataError(`demo step "${step.title}" (${command}) failed with exit ${code}: ${stderr.text.trim().split('\n').slice(0, 3).join(' / ')}`, {}, 'run that command by hand in the demo folder with --verbose to see why');
    }
    let figure = 'done';
    try {
      figure = step.figure(JSON.parse(stdout.text) as Json);
    } catch {
      /* a command without --json output: the step still ran */
    }
    results.push({ step: step.title, today: step.today, command, status: 'done', figure });
  }
  return { workspace: root, steps: results };
}

const OPEN = ['out/reports/programme.html', 'out/match-review.xlsx', 'out/export/for-students.xlsx', 'out/emails/intro/index.csv', 'out/reports/chase.xlsx', 'out/reports/feedback.xlsx'];

export async function run(ctx: Context, dir: string): Promise<void> {
  if (ctx.opts.dryRun) throw new UsageError('demo has no --dry-run: it only ever writes to its own new folder', 'run mentorship demo /tmp/somewhere-new');
  ctx.info(`Running a whole programme year on the bundled sample data (150 students, 80 alumni) in ${path.resolve(ctx.cwd, dir)} ...`);
  const result = await runDemo(ctx, dir);
  const files = OPEN.filter((f) => fs.existsSync(path.join(result.workspace, f)));
  if (ctx.opts.json) {
    ctx.printJson({ ...result, open: files.map((f) => path.join(result.workspace, f)) });
    return;
  }
  result.steps.forEach((s, i) => {
    ctx.print(`${String(i + 1).padStart(2)}. ${s.today}  ${s.step.padEnd(46)} ${s.figure}`);
  });
  ctx.print(`\nThe workspace is ${result.workspace}. Open:`);
  for (const f of files) ctx.print(`  ${path.join(result.workspace, f)}`);
  ctx.print(`Try: cd ${path.relative(ctx.cwd, result.workspace) || '.'} && mentorship status`);
}

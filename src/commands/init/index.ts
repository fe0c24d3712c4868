// mentorship init [DIR] [--year 2026-27] [--from OLD]: a new workspace for one scheme year, with
// documented defaults or last year's settings (docs/year.md).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Context } from '../../context.js';
import { todayIso } from '../../context.js';
import { UsageError } from '../../errors.js';
import { Transaction } from '../../io/transaction.js';
import { changedOutcome, type Outcome } from '../../outcome.js';
import { defaultScheme } from '../../core/scheme/defaults.js';
import { carriedExclusions, nextYearScheme } from '../../core/scheme/next-year.js';
import { parseYear, timelineYear, yearInText, yearLabel, yearOf } from '../../core/year.js';
import { TEMPLATES_DIR } from '../../paths.js';
import { loadExclusions, loadMatches, stageExclusions } from '../../workspace/store.js';
import { loadScheme, makeWorkspace, SCHEME_FILE } from '../../workspace/workspace.js';
import { type Changed, isoNow } from '../../workspace/change.js';
import { DATA_DIR, OUT_DIR } from '../../workspace/layout.js';

export interface InitOptions {
  name?: string;
  year?: string;
  from?: string;
}

export interface InitResult {
  workspace: string;
  year: string;
  created: string[];
  /** With --from: where the settings came from, the templates kept as edited, the exclusions carried. */
  from?: { workspace: string; year: string; editedTemplates: string[]; exclusions: number };
}

/** The year to write: --year, else a year the --name gives, else the calendar's (after --from's). */
function chooseYear(ctx: Context, opts: InitOptions, fromYear?: number): number {
  let given: number | undefined;
  if (opts.year !== undefined) {
    given = parseYear(opts.year);
    if (given === undefined) throw new UsageError(`--year ${opts.year} is not a scheme year`, 'write it as the academic year it runs, June to May: --year 2026-27');
  }
  const named = opts.name === undefined ? undefined : yearInText(opts.name);
  if (given !== undefined && named !== undefined && named !== given) {
    throw new UsageError(`--name says ${yearLabel(named)} but --year says ${yearLabel(given)}`, 'make them agree, or leave the year out of --name');
  }
  const calendar = yearOf(todayIso(ctx));
  const year = given ?? named ?? (fromYear === undefined ? calendar : Math.max(calendar, fromYear + 1));
  if (fromYear !== undefined && year <= fromYear) {
    throw new UsageError(`--from ${opts.from} is the ${yearLabel(fromYear)} workspace; the new one must be a later year`, `use --year ${yearLabel(fromYear + 1)}`);
  }
  return year;
}

/** Default templates, with any the administrator edited (or added) in the old workspace instead. */
function templates(fromRoot?: string): { files: Map<string, Buffer>; edited: string[] } {
  const files = new Map<string, Buffer>();
  if (fs.existsSync(TEMPLATES_DIR)) {
    for (const f of fs.readdirSync(TEMPLATES_DIR).sort()) if (f.endsWith('.hbs')) files.set(f, fs.readFileSync(path.join(TEMPLATES_DIR, f)));
  }
  const edited: string[] = [];
  const dir = fromRoot && path.join(fromRoot, 'templates');
  if (dir && fs.existsSync(dir)) {
    for (const f of fs.readdirSync(dir).sort()) {
      if (!f.endsWith('.hbs')) continue;
      const text = fs.readFileSync(path.join(dir, f));
      if (files.get(f)?.equals(text)) continue;
      files.set(f, text);
      edited.push(f);
    }
  }
  return { files, edited };
}

async function initWorkspace(ctx: Context, dir: string, o: InitOptions): Promise<Changed<InitResult>> {
  const root = path.resolve(ctx.cwd, dir);
  if (fs.existsSync(path.join(root, SCHEME_FILE)) && !ctx.opts.force) {
    throw new UsageError(`${root} already holds a scheme workspace`, 'use another folder, or --force to reset scheme.json and the templates (data/ is kept)');
  }
  let fromRoot: string | undefined;
  let fromYear: number | undefined;
  if (o.from !== undefined) {
    fromRoot = path.resolve(ctx.cwd, o.from);
    if (!fs.existsSync(path.join(fromRoot, SCHEME_FILE))) throw new UsageError(`--from ${o.from} is not a scheme workspace (it has no scheme.json)`, "give the folder of last year's workspace");
    if (fromRoot === root) throw new UsageError('--from names the folder being created', 'start the new year in a new folder: mentorship init ei-2026-27 --from .');
    fromYear = timelineYear(loadScheme(fromRoot).timeline);
  }
  const year = chooseYear(ctx, o, fromYear);
  const tx = new Transaction(root, { force: true, dryRun: ctx.opts.dryRun, fs: ctx.fs });
  let from: InitResult['from'];
  let scheme: Record<string, unknown>;
  const tpl = templates(fromRoot);
  if (fromRoot !== undefined && fromYear !== undefined) {
    // Read only: the old workspace is never locked or changed.
    const old = makeWorkspace(fromRoot, loadScheme(fromRoot));
    const raw = JSON.parse(fs.readFileSync(path.join(fromRoot, SCHEME_FILE), 'utf8').replace(/^\uFEFF/, '')) as Record<string, unknown>;
    scheme = nextYearScheme(raw, fromYear, year);
    if (o.name !== undefined) scheme.name = o.name;
    const exclusions = carriedExclusions(loadMatches(old), loadExclusions(old), fromYear, isoNow(ctx));
    if (exclusions.length) stageExclusions(tx, exclusions);
    from = { workspace: fromRoot, year: yearLabel(fromYear), editedTemplates: tpl.edited, exclusions: exclusions.length };
  } else {
    scheme = defaultScheme(o.name, year);
  }
  tx.write(SCHEME_FILE, `${JSON.stringify(scheme, null, 2)}\n`, { generated: false });
  for (const [f, text] of tpl.files) tx.write(`templates/${f}`, text, { generated: false });
  tx.write(
    'README.txt',
    [
      `This folder is a mentorship scheme workspace for ${yearLabel(year)} (see \`mentorship --help\`).`,
      '',
      'scheme.json   settings: timeline, matching weights, sharing policy, vocabularies, column mappings',
      'templates/    the email templates (Handlebars); edit them freely',
      'data/         the participants, pairs, meetings, chases and feedback, as CSV you may open in Excel',
      'out/          everything generated for people: review sheets, exports, email drafts, reports',
      '',
      'Next: mentorship import students FILE, then mentorship import mentors FILE.',
      '',
    ].join('\r\n'),
    { generated: false },
  );
  for (const folder of ['data', 'out', 'templates']) tx.folder(folder);
  const changes = tx.commit();
  const result = { workspace: root, year: yearLabel(year), created: [...changes.map((c) => c.path), `${DATA_DIR}/`, `${OUT_DIR}/`], ...(from ? { from } : {}) };
  return { result, changes, dryRun: tx.dryRun };
}

export async function run(ctx: Context, dir: string, opts: InitOptions): Promise<Outcome<InitResult>> {
  const changed = await initWorkspace(ctx, dir, opts);
  return changedOutcome(changed, { messages: says(ctx, changed.result, changed.dryRun) });
}

/** What was created, what came from last year, and the next steps. A dry run's files are listed by the renderer. */
function says(ctx: Context, result: InitResult, dryRun: boolean): string[] {
  const out = [`${dryRun ? 'Would create' : 'Created'} a scheme workspace for ${result.year} in ${result.workspace}`];
  if (!dryRun) out.push(...result.created.map((c) => `  ${c}`));
  if (result.from) {
    const f = result.from;
    out.push(
      `\nFrom the ${f.year} workspace (${f.workspace}, unchanged): its settings, column mappings and vocabularies, with ${result.year}'s dates;`,
      `  ${f.editedTemplates.length ? `your edited templates (${f.editedTemplates.join(', ')})` : 'no edited templates (the defaults are in templates/)'};`,
      `  ${f.exclusions} pair(s) from ${f.year} as exclusions, so nobody gets the same mentor again. No other personal data was copied.`,
      'The survey links are placeholders again: put this year\'s forms in scheme.json (surveys) before mentorship emails feedback.',
    );
  }
  out.push(`\nNext: review scheme.json (the ${result.year} timeline, sharing policy, vocabularies), then`);
  const rel = path.relative(ctx.cwd, result.workspace) || '.';
  // Two lines, not `cd X && ...`: Windows PowerShell 5 has no `&&`. Quoted when it holds a space.
  out.push(`  cd ${/[\s'"&]/.test(rel) ? `"${rel}"` : rel}`, '  mentorship import students APPLICATIONS.xlsx');
  return out;
}

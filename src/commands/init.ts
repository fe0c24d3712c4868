// mentorship init [DIR]: a new workspace with documented defaults.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { Transaction } from '../io/transaction.js';
import { defaultScheme } from '../core/scheme/defaults.js';
import { TEMPLATES_DIR } from '../paths.js';
import { SCHEME_FILE } from '../workspace/workspace.js';

export interface InitResult {
  workspace: string;
  created: string[];
}

export async function initWorkspace(ctx: Context, dir: string, name?: string): Promise<InitResult> {
  const root = path.resolve(ctx.cwd, dir);
  if (fs.existsSync(path.join(root, SCHEME_FILE)) && !ctx.opts.force) {
    throw new UsageError(`${root} already holds a scheme workspace`, 'use another folder, or --force to reset scheme.json and the templates (data/ is kept)');
  }
  const tx = new Transaction(root, { force: true, dryRun: ctx.opts.dryRun, fs: ctx.fs });
  tx.write(SCHEME_FILE, `${JSON.stringify(defaultScheme(name), null, 2)}\n`, { generated: false });
  if (fs.existsSync(TEMPLATES_DIR)) {
    for (const f of fs.readdirSync(TEMPLATES_DIR).sort()) {
      if (f.endsWith('.hbs')) tx.write(`templates/${f}`, fs.readFileSync(path.join(TEMPLATES_DIR, f)), { generated: false });
    }
  }
  tx.write(
    'README.txt',
    [
      'This folder is a mentorship scheme workspace (see `mentorship --help`).',
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
  const planned = tx.commit().map((c) => c.path);
  return { workspace: root, created: [...planned, 'data/', 'out/'] };
}

export async function run(ctx: Context, dir: string, opts: { name?: string }): Promise<void> {
  const result = await initWorkspace(ctx, dir, opts.name);
  if (ctx.opts.json) {
    ctx.printJson({ ...result, dryRun: ctx.opts.dryRun });
    return;
  }
  if (ctx.opts.dryRun) ctx.info('dry run: nothing was written.');
  ctx.info(`${ctx.opts.dryRun ? 'Would create' : 'Created'} a scheme workspace in ${result.workspace}`);
  for (const c of result.created) ctx.info(`  ${c}`);
  ctx.info('\nNext: review scheme.json (timeline, sharing policy, vocabularies), then');
  const rel = path.relative(ctx.cwd, result.workspace) || '.';
  ctx.info(`  cd ${rel} && mentorship import students APPLICATIONS.xlsx`);
}

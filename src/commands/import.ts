// mentorship import students|mentors|meetings|feedback FILE...
import * as path from 'node:path';
import type { Context } from '../context.js';
import { DataError, oneLine, UsageError } from '../errors.js';
import { csvLine, excelCsvChunks } from '../io/csv-write.js';
import { progress } from '../ui/progress.js';
import { parseMapOptions, REJECT_PREFIX } from '../core/import/columns.js';
import type { PresetOption } from '../core/import/layout.js';
import { type Duplicate, IncomingPeople, mergeLines } from '../core/import/incoming.js';
import { fieldsOf, type PeopleTarget, type RejectedRow } from '../core/import/people.js';
import type { ColumnPlan } from '../core/import/pipeline.js';
import type { RowProblem } from '../core/types.js';
import type { Transaction } from '../io/transaction.js';
import { stageAudit, stagePeopleLines } from '../workspace/store.js';
import type { Workspace } from '../workspace/workspace.js';
import { LineBook, spoolDirs } from './import-lines.js';
import { partPeople } from './import-part.js';
import { readPeopleFile } from './import-read.js';
import { storedLines } from './import-stored.js';
import { changeWorkspace, describeChanges, isoNow } from './shared.js';

export interface ImportOptions {
  preset: PresetOption;
  map: string[];
  sheet?: string;
  encoding?: string;
  delimiter?: string;
  strict?: boolean;
  survey?: string;
}

export interface ImportSummary {
  kind: PeopleTarget;
  files: string[];
  imported: number;
  updated: number;
  unchanged: number;
  older: number;
  rejected: number;
  duplicates: Duplicate[];
  dropped: { file: string; row: number; reason: string }[];
  rejects: RowProblem[];
  warnings: RowProblem[];
  notes: string[];
  rejectFiles: string[];
  total: number;
}

export async function askForColumns(ctx: Context, plan: ColumnPlan, file: string): Promise<void> {
  const { select } = await import('@inquirer/prompts');
  for (const field of plan.missing) {
    const free = plan.layout.headers.map((h, i) => ({ h, i })).filter(({ h, i }) => plan.columns.fieldAt[i] === null && h.trim() !== '');
    const choice = await select<number>(
      {
        message: `${file}: which column holds "${field}"?`,
        choices: [...free.map(({ h, i }) => ({ name: h, value: i })), { name: '(none of them: stop)', value: -1 }],
      },
      { input: ctx.stdin, output: ctx.stderr },
    );
    if (choice < 0) break;
    plan.columns.fieldAt[choice] = field;
  }
  plan.missing = plan.missing.filter((f) => !plan.columns.fieldAt.includes(f));
}

function clipHeader(h: string): string {
  return h.length > 60 ? `${h.slice(0, 57)}...` : h;
}

export function unmappedError(plan: ColumnPlan, file: string): DataError {
  const free = plan.layout.headers.filter((h, i) => plan.columns.fieldAt[i] === null && h.trim() !== '' && !h.toLowerCase().startsWith(REJECT_PREFIX));
  const field = plan.missing[0]!;
  if (free.length === 0) {
    // Every column already holds a field: the file simply lacks this one.
    return new DataError(
      `no column holds the required field${plan.missing.length > 1 ? 's' : ''} ${plan.missing.join(', ')}, and every column of the file is already used`,
      { file },
      `add --map "HEADER=${field}" naming the column that holds it, or add a "${field}" column to the file and fill it in`,
    );
  }
  let guess = free.find((h) => h.toLowerCase().includes(field.split('_')[0]!)) ?? free[0]!;
  if (guess.length > 200) guess = 'HEADER';
  return new DataError(
    `no column holds the required field${plan.missing.length > 1 ? 's' : ''} ${plan.missing.join(', ')}. Unmapped columns: ${free.map((h) => `"${clipHeader(h)}"`).join(', ')}`,
    { file },
    `add --map "${guess}=${field}"${plan.missing.length > 1 ? ' (one --map per missing field)' : ''}, or a rule in scheme.json "mappings"`,
  );
}

/**
 * The rejected rows as an Excel-ready CSV, in chunks of lines: when a whole big export is rejected
 * (a wrong preset, say), one string of it and its copies would take several times its size.
 */
function rejectsCsv(rows: readonly RejectedRow[]): Buffer[] {
  const headers = rows[0]!.headers;
  const columns = [
    { key: '__file', header: `${REJECT_PREFIX}file` },
    { key: '__row', header: `${REJECT_PREFIX}row` },
    { key: '__column', header: `${REJECT_PREFIX}column` },
    { key: '__value', header: `${REJECT_PREFIX}value` },
    { key: '__reason', header: `${REJECT_PREFIX}reason` },
    ...headers.map((h, i) => ({ key: `c${i}`, header: h })),
  ];
  return excelCsvChunks(
    columns,
    rows.map((r) => {
      const out: Record<string, string> = {
        __file: r.file,
        __row: String(r.row),
        __column: r.problems.map((p) => p.column).join('; '),
        __value: r.problems.map((p) => p.value).join('; '),
        __reason: r.problems.map((p) => p.reason).join('; '),
      };
      headers.forEach((_, i) => {
        out[`c${i}`] = r.cells[i] ?? '';
      });
      return Buffer.from(csvLine(columns, out), 'utf8');
    }),
  );
}

function safeBase(file: string): string {
  const stem = path.basename(file, path.extname(file));
  return stem.replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/^\.+/, '').slice(0, 80) || 'input';
}

function memory(): string {
  const m = process.memoryUsage();
  return `heap ${Math.round(m.heapUsed / 1e6)} MB, buffers ${Math.round(m.arrayBuffers / 1e6)} MB, rss ${Math.round(m.rss / 1e6)} MB`;
}

export async function importPeople(ctx: Context, kind: PeopleTarget, files: string[], opts: ImportOptions) {
  const maps = parseMapOptions(opts.map ?? [], [...fieldsOf(kind)]);
  // The lines read, spooled to disk; the commit reads them back, so they are closed after it.
  const book = new LineBook();
  try {
    return await changeWorkspace(ctx, `import ${kind}`, async (ws, tx) => build(ctx, ws, tx, kind, files, opts, maps, book));
  } finally {
    book.close();
  }
}

async function build(
  ctx: Context, ws: Workspace, tx: Transaction, kind: PeopleTarget, files: string[], opts: ImportOptions,
  maps: Map<string, string | null>, book: LineBook,
): Promise<ImportSummary> {
  const now = ctx.now();
  const summary: ImportSummary = {
    kind, files, imported: 0, updated: 0, unchanged: 0, older: 0, rejected: 0, duplicates: [], dropped: [], rejects: [],
    warnings: [], notes: [], rejectFiles: [], total: 0,
  };
  const incoming = new IncomingPeople<number>();
  const rejectsByFile = new Map<string, RejectedRow[]>();
  const bar = progress(ctx.stderr, `importing ${kind}`, 0, !ctx.opts.quiet);
  for (const file of files) {
    const { parts, notes } = await readPeopleFile(ctx, file, {
      kind, scheme: ws.scheme, opts, maps, maxYear: now.getUTCFullYear() + 1,
      ask: askForColumns, unmapped: unmappedError, tick: (n) => bar.tick(summary.total + n), spoolDirs: spoolDirs(ws),
    });
    if (parts.length === 0) throw new DataError('the file has no rows', { file }, 'export the form responses again');
    summary.notes.push(...notes);
    let answers = 0;
    for (const part of parts) {
      answers += part.answers;
      for (const d of part.dropped) summary.dropped.push(d);
      if (part.rejects.length) rejectsByFile.set(file, [...(rejectsByFile.get(file) ?? []), ...part.rejects]);
      for (const w of part.warnings) summary.warnings.push(w);
      for (const p of partPeople(part, book.add(part))) incoming.add(p.email, { line: p.line, submitted_at: p.submitted_at, file, row: p.row });
    }
    bar.tick(summary.total + answers);
    if (answers === 0) {
      throw new DataError('the file has a header but no responses', { file }, 'export the form responses again (were any submitted?)');
    }
    summary.total += answers;
  }
  bar.end();
  ctx.debug(`read ${summary.total} rows; ${memory()}`);
  summary.duplicates = incoming.duplicates;
  // A person cannot be both a student and a mentor: the later import's row is rejected.
  const other = kind === 'students' ? 'mentors' : 'students';
  // Only the emails are needed: the other side's lines are let go at once.
  const otherBook = new LineBook();
  const otherEmails = await storedLines(ctx, ws, other, now, otherBook).finally(() => otherBook.close());
  for (const [email, e] of incoming.entries()) {
    if (!otherEmails.has(email)) continue;
    incoming.delete(email);
    const list = rejectsByFile.get(e.file) ?? [];
    list.push({
      file: e.file, row: e.row, headers: [], cells: [],
      problems: [{ file: e.file, row: e.row, column: 'email', value: email, reason: `is already in the workspace as a ${other === 'mentors' ? 'mentor' : 'student'}; a person cannot be both` }],
    });
    rejectsByFile.set(e.file, list);
  }
  otherEmails.clear();
  for (const list of rejectsByFile.values()) {
    summary.rejected += list.length;
    for (const r of list) summary.rejects.push(...r.problems);
  }
  if (opts.strict && summary.rejected > 0) {
    const first = summary.rejects[0]!;
    throw new DataError(
      `${summary.rejected} row(s) rejected and --strict is set, so nothing was imported. First: ${first.reason} (value "${first.value}")`,
      { file: first.file, row: first.row, column: first.column },
      'fix the rows (run without --strict to get them in out/rejects/), then import again',
    );
  }
  const stored = await storedLines(ctx, ws, kind, now, book);
  ctx.debug(`loaded ${stored.size} stored ${kind}; ${memory()}`);
  const merged = mergeLines(stored, incoming, (a, b) => book.same(a, b));
  stored.clear();
  summary.imported = merged.imported;
  summary.updated = merged.updated;
  summary.unchanged = merged.unchanged;
  summary.older = merged.older;
  stagePeopleLines(tx, kind, book.source(merged.lines));
  for (const [file, list] of rejectsByFile) {
    // Rows rejected for being on the other side have no cells: they need no fixing in the file.
    const fixable = list.filter((r) => r.headers.length > 0);
    if (!fixable.length) continue;
    // Two inputs with the same name (a/students.csv, b/students.csv) must not share a rejects file.
    let rel = `out/rejects/${safeBase(file)}.rejects.csv`;
    for (let n = 2; summary.rejectFiles.includes(rel); n++) rel = `out/rejects/${safeBase(file)}-${n}.rejects.csv`;
    tx.write(rel, rejectsCsv(fixable));
    summary.rejectFiles.push(rel);
  }
  stageAudit(tx, ws, {
    at: isoNow(ctx), command: `import ${kind}`, files, imported: summary.imported, updated: summary.updated,
    unchanged: summary.unchanged, rejected: summary.rejected, duplicates: summary.duplicates.length,
  });
  return summary;
}

function report(ctx: Context, s: ImportSummary): void {
  const c = ctx.chalk;
  const limit = ctx.opts.verbose ? Infinity : 10;
  for (const d of s.dropped.slice(0, limit)) ctx.info(`${d.file}, row ${d.row}: skipped, ${d.reason}`);
  for (const d of s.duplicates.slice(0, limit)) {
    ctx.info(
      `duplicate: ${d.email} submitted ${d.dropped.length + 1} times; kept ${d.kept.file} row ${d.kept.row}${d.kept.submitted_at ? ` (${d.kept.submitted_at})` : ''}, dropped ${d.dropped.map((x) => `row ${x.row}`).join(', ')}`,
    );
  }
  for (const r of s.rejects.slice(0, limit)) {
    ctx.info(`${c.red('rejected:')} ${r.file}, row ${r.row}, column "${oneLine(r.column)}": ${oneLine(r.reason)}${r.value ? ` (value "${oneLine(r.value.slice(0, 60))}")` : ''}`);
  }
  if (s.rejects.length > limit) ctx.info(`  ... and ${s.rejects.length - limit} more rejected (see out/rejects/, or --verbose)`);
  const seen = new Set<string>();
  let shown = 0;
  for (const w of s.warnings) {
    const key = `${w.column}|${w.value}|${w.reason}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (shown++ < limit) ctx.warn(`${w.file}, row ${w.row}, column "${oneLine(w.column)}": ${oneLine(w.reason)}`);
  }
  if (shown > limit) ctx.info(`  ... and ${shown - limit} more warnings (--verbose shows all)`);
  for (const n of s.notes) ctx.warn(oneLine(n));
  const line = [
    `${c.bold(String(s.imported))} imported`,
    `${s.updated} updated`,
    `${s.unchanged} unchanged`,
    `${s.rejected ? c.red(String(s.rejected)) : '0'} rejected`,
    `${s.duplicates.length} duplicate${s.duplicates.length === 1 ? '' : 's'}`,
  ];
  if (s.older) line.push(`${s.older} older than the stored answer (kept the stored one)`);
  if (s.dropped.length) line.push(`${s.dropped.length} preview/test skipped`);
  ctx.info(`${s.kind}: ${line.join(', ')}`);
  if (s.rejectFiles.length) ctx.info(`Rejected rows, to fix and import again: ${s.rejectFiles.join(', ')}`);
}

export async function run(ctx: Context, kind: string, files: string[], opts: ImportOptions): Promise<void> {
  if (kind === 'meetings' || kind === 'feedback') {
    const mod = await import('./import-followup.js');
    await mod.run(ctx, kind, files, opts);
    return;
  }
  if (kind !== 'students' && kind !== 'mentors') {
    throw new UsageError(`cannot import "${kind}"`, 'use: mentorship import students|mentors|meetings|feedback FILE...');
  }
  const changed = await importPeople(ctx, kind, files, opts);
  if (ctx.opts.json) ctx.printJson({ ...changed.result, dryRun: changed.dryRun, changes: changed.changes });
  else report(ctx, changed.result);
  describeChanges(ctx, changed);
}

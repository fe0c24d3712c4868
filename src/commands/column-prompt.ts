// The column prompt (a TTY only) and the error a run without one gets instead. Pressing Enter
// never maps a column that does not fit: the cursor starts on the one column whose question or
// answers fit the field, and otherwise on "none of them".
import type { Context } from '../context.js';
import { DataError } from '../errors.js';
import { candidatesFor, type FitInput, mapOption } from '../core/import/column-fit.js';
import { type ChosenColumn, REJECT_PREFIX, type Target } from '../core/import/columns.js';
import type { ColumnPlan } from '../core/import/pipeline.js';
import type { Scheme } from '../core/scheme/schema.js';

function clipHeader(h: string): string {
  return h.length > 60 ? `${h.slice(0, 57)}...` : h;
}

export function fitInput(plan: ColumnPlan, target: Target, scheme: Scheme): FitInput {
  return { headers: plan.layout.headers, samples: plan.samples, target, scheme, listSeparator: plan.layout.listSeparator };
}

function freeColumns(plan: ColumnPlan): number[] {
  return plan.layout.headers
    .map((_, i) => i)
    .filter((i) => plan.columns.fieldAt[i] === null && plan.layout.headers[i]!.trim() !== '' && !plan.layout.headers[i]!.toLowerCase().startsWith(REJECT_PREFIX));
}

/**
 * Asks which column holds each field that several columns matched, then each required field no
 * column holds. The answers go into the plan; the columns chosen are returned, to be remembered.
 */
export async function askForColumns(ctx: Context, plan: ColumnPlan, file: string, target: Target, scheme: Scheme): Promise<ChosenColumn[]> {
  const { select, Separator } = await import('@inquirer/prompts');
  const io = { input: ctx.stdin, output: ctx.stderr };
  const headers = plan.layout.headers;
  const chosen: ChosenColumn[] = [];
  const fit = fitInput(plan, target, scheme);
  for (const { field, columns } of [...plan.columns.ambiguous]) {
    const choice = await select<number>(
      {
        message: `${file}: several columns could hold "${field}"; which one does?`,
        choices: [...columns.map((i) => ({ name: clipHeader(headers[i]!), value: i })), { name: `(none of them: leave ${field} empty)`, value: -1 }],
        default: -1,
      },
      io,
    );
    plan.columns.ambiguous = plan.columns.ambiguous.filter((a) => a.field !== field);
    if (choice >= 0) {
      plan.columns.fieldAt[choice] = field;
      chosen.push({ header: headers[choice]!, field });
    }
  }
  plan.missing = plan.missing.filter((f) => !plan.columns.fieldAt.includes(f));
  for (const field of [...plan.missing]) {
    const fits = candidatesFor(fit, plan.columns.fieldAt, field);
    const others = freeColumns(plan).filter((i) => !fits.includes(i));
    const choice = await select<number>(
      {
        message: `${file}: which column holds "${field}"?`,
        choices: [
          ...fits.map((i) => ({ name: `${clipHeader(headers[i]!)}  (looks like ${field})`, value: i })),
          ...(fits.length && others.length ? [new Separator()] : []),
          ...others.map((i) => ({ name: clipHeader(headers[i]!), value: i })),
          { name: '(none of them: stop)', value: -1 },
        ],
        // Only a column that fits may be the default; two that fit are the administrator's choice.
        default: fits.length === 1 ? fits[0] : -1,
      },
      io,
    );
    if (choice < 0) break;
    plan.columns.fieldAt[choice] = field;
    chosen.push({ header: headers[choice]!, field });
  }
  plan.missing = plan.missing.filter((f) => !plan.columns.fieldAt.includes(f));
  return chosen;
}

/** Why the import stops without a prompt: the fields several columns match, or none holds. */
export function unmappedError(plan: ColumnPlan, file: string, target: Target, scheme: Scheme): DataError {
  const headers = plan.layout.headers;
  const amb = plan.columns.ambiguous[0];
  if (amb) {
    const names = amb.columns.map((i) => `"${clipHeader(headers[i]!)}"`).join(', ');
    return new DataError(
      `several columns could hold ${amb.field}: ${names}; the import does not guess which`,
      { file },
      `add ${amb.columns.map((i) => mapOption(headers[i]!, amb.field)).join(' or ')} naming the one that holds it (the others are kept as extra data, never shared)`,
    );
  }
  const free = freeColumns(plan).map((i) => headers[i]!);
  const field = plan.missing[0]!;
  const plural = plan.missing.length > 1 ? 's' : '';
  if (free.length === 0) {
    // Every column already holds a field: the file simply lacks this one.
    return new DataError(
      `no column holds the required field${plural} ${plan.missing.join(', ')}, and every column of the file is already used`,
      { file },
      `add --map "HEADER=${field}" naming the column that holds it, or add a "${field}" column to the file and fill it in`,
    );
  }
  const fits = candidatesFor(fitInput(plan, target, scheme), plan.columns.fieldAt, field);
  return new DataError(
    `no column holds the required field${plural} ${plan.missing.join(', ')}. Unmapped columns: ${free.map((h) => `"${clipHeader(h)}"`).join(', ')}`,
    { file },
    `add ${mapOption(fits.length === 1 ? headers[fits[0]!]! : 'HEADER', field)}${plan.missing.length > 1 ? ' (one --map per missing field)' : ''}, or a rule in scheme.json "mappings"`,
  );
}

import { DataError } from '../../errors.js';
import { candidatesFor, columnFits, mapOption } from '../../core/import/column-fit.js';
import { compactColumns, REJECT_PREFIX } from '../../core/import/columns.js';
import { fittingColumns, mapSuggestions } from '../../core/import/suggest.js';
function clipHeader(h) {
    return h.length > 60 ? `${h.slice(0, 57)}...` : h;
}
export function fitInput(plan, target, scheme) {
    return { headers: plan.layout.headers, samples: plan.samples, target, scheme, listSeparator: plan.layout.listSeparator };
}
/** The columns that fit a field by either judge (suggest.ts, column-fit.ts), in file order. */
function fitting(plan, fit, field) {
    const rows = plan.samples[0]?.map((_, r) => plan.samples.map((col) => col[r] ?? '')) ?? [];
    const bySuggest = fittingColumns(field, plan.layout.headers, plan.columns.fieldAt, rows);
    // A consent question is never the bio or the LinkedIn profile, whichever judge proposes it.
    const both = new Set([...bySuggest.filter((i) => columnFits(fit, i, field) || !['bio', 'linkedin', 'share_bio', 'share_linkedin'].includes(field)), ...candidatesFor(fit, plan.columns.fieldAt, field)]);
    return [...both].sort((a, b) => a - b);
}
function freeColumns(plan) {
    return plan.layout.headers
        .map((_, i) => i)
        .filter((i) => plan.columns.fieldAt[i] === null && plan.layout.headers[i].trim() !== '' && !plan.layout.headers[i].toLowerCase().startsWith(REJECT_PREFIX));
}
/**
 * Asks which column holds each field that several columns matched, then each required field no
 * column holds. The answers go into the plan; the columns chosen are returned, to be remembered.
 */
export async function askForColumns(ctx, plan, file, target, scheme) {
    const { select, Separator } = await import('@inquirer/prompts');
    const io = { input: ctx.stdin, output: ctx.stderr };
    const headers = plan.layout.headers;
    const chosen = [];
    const fit = fitInput(plan, target, scheme);
    for (const { field, columns } of [...plan.columns.ambiguous]) {
        const choice = await select({
            message: `${file}: several columns could hold "${field}"; which one does?`,
            choices: [...columns.map((i) => ({ name: clipHeader(headers[i]), value: i })), { name: `(none of them: leave ${field} empty)`, value: -1 }],
            default: -1,
        }, io);
        plan.columns.ambiguous = plan.columns.ambiguous.filter((a) => a.field !== field);
        if (choice >= 0) {
            plan.columns.fieldAt[choice] = field;
            chosen.push({ header: headers[choice], field });
        }
    }
    plan.missing = plan.missing.filter((f) => !plan.columns.fieldAt.includes(f));
    for (const field of [...plan.missing]) {
        const fits = fitting(plan, fit, field);
        const others = freeColumns(plan).filter((i) => !fits.includes(i));
        const choice = await select({
            message: `${file}: which column holds "${field}"?`,
            choices: [
                ...fits.map((i) => ({ name: `${clipHeader(headers[i])}  (looks like ${field})`, value: i })),
                ...(fits.length && others.length ? [new Separator()] : []),
                ...others.map((i) => ({ name: clipHeader(headers[i]), value: i })),
                { name: '(none of them: stop)', value: -1 },
            ],
            // Only a column that fits may be the default; two that fit are the administrator's choice.
            default: fits.length === 1 ? fits[0] : -1,
        }, io);
        if (choice < 0)
            break;
        plan.columns.fieldAt[choice] = field;
        chosen.push({ header: headers[choice], field });
    }
    plan.missing = plan.missing.filter((f) => !plan.columns.fieldAt.includes(f));
    return chosen;
}
/**
 * Why the import stops without a prompt: the fields several columns match, or the required fields
 * no column holds. A fix names a column whose header or answers fit (by its export name where the
 * form tool has one), or none: never a guess. `answers`: some answer rows of the file.
 */
export function unmappedError(plan, file, target, scheme, answers = []) {
    const { headers, exportNames } = plan.layout;
    const nameOf = (i) => exportNames?.[i] || headers[i];
    const amb = plan.columns.ambiguous[0];
    if (amb) {
        const names = compactColumns(amb.columns.map(nameOf));
        return new DataError(`several columns could hold ${amb.field}: ${names}; the import does not guess which`, { file }, `add ${amb.columns.map((i) => mapOption(nameOf(i), amb.field)).join(' or ')} naming the one that holds it (the others are kept as extra data, never shared)`);
    }
    const free = freeColumns(plan);
    const s = plan.missing.length > 1 ? 's' : '';
    const what = `no column holds the required field${s} ${plan.missing.join(', ')}`;
    if (free.length === 0) {
        // Every column already holds a field: the file simply lacks this one.
        return new DataError(`${what}, and every column of the file is already used`, { file }, `add --map "HEADER=${plan.missing[0]}" naming the column that holds it, or add a "${plan.missing[0]}" column to the file and fill it in`);
    }
    const fit = fitInput(plan, target, scheme);
    const fixes = mapSuggestions(plan.missing, { headers, exportNames, fieldAt: plan.columns.fieldAt }, answers, (field) => candidatesFor(fit, plan.columns.fieldAt, field));
    const found = fixes.filter((f) => f.map);
    const none = fixes.filter((f) => !f.map).map((f) => f.field);
    const parts = [
        ...(found.length ? [`add ${found.map((f) => f.map).join(' ')}`] : []),
        ...(none.length ? [`no column looks like ${none.join(' or ')}: add --map "COLUMN=${none[0]}" naming the column that holds it${none.length > 1 ? ' (one --map per field)' : ''}, or add the question to the form`] : []),
    ];
    // A remembered question that is gone is the likeliest cause: the form's wording changed.
    const renamed = plan.columns.unmatchedRules
        .filter((r) => plan.missing.includes(r.field))
        .map((r) => ` The column remembered for ${r.field}, "${clipHeader(r.header)}", is not in this file: was the question renamed?`);
    return new DataError(`${what}. Unmapped columns: ${compactColumns(free.map(nameOf))}.${renamed.join('')}`, { file }, `${parts.join('; ')}; or a rule in scheme.json "mappings" (a --map is remembered for the next import)`);
}

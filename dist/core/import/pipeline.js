import { missingRequired, resolveColumns } from './columns.js';
import { detectLayout } from './layout.js';
import { scanTable } from './table-scan.js';
import { fieldsOf, parsePeople, REQUIRED, vocabulariesOf } from './people.js';
/** How many answers of each column the column rules and the prompt look at. */
const SAMPLE_ROWS = 50;
export function planColumns(table, target, scheme, preset, maps) {
    const layout = detectLayout(table.rows, preset, scheme);
    const rows = table.rows.slice(layout.firstDataIndex, layout.firstDataIndex + SAMPLE_ROWS);
    const samples = layout.headers.map((_, i) => rows.map((r) => r[i] ?? ''));
    const columns = resolveColumns(layout.headers, target, fieldsOf(target), layout.preset, scheme, maps, { ...layout, values: samples });
    // A field the layout composes from other columns (Qualtrics' recipient name) is not missing.
    const missing = missingRequired(columns, REQUIRED[target]).filter((f) => !layout.composed?.[f]);
    return { layout, columns, missing, samples };
}
export function parseWithPlan(table, target, scheme, plan, maxYear, vocab = vocabulariesOf(scheme)) {
    // What only the whole file tells (date order per column, options with commas, Microsoft Forms'
    // anonymous respondents) is settled before any row is read.
    const facts = scanTable({ ...table, target, layout: plan.layout, columns: plan.columns, scheme, vocab });
    const parsed = parsePeople({
        target,
        file: table.file,
        rows: table.rows,
        rowNumbers: table.rowNumbers,
        layout: plan.layout,
        columns: facts.columns,
        scheme,
        vocab: facts.vocab,
        maxYear,
        dateOrders: facts.dateOrders,
    });
    parsed.notes.push(...facts.notes, ...facts.warnings);
    if (facts.error)
        parsed.error = facts.error;
    return parsed;
}

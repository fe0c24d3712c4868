// What only the whole file can tell, read before any row is parsed: the order each date column is
// written in, and list options that contain the separator.
import { DataError } from '../../errors.js';
import { columnDateOrder } from './values.js';
import { commaOptions } from './vocabulary.js';
import { outsideRespondents } from './msforms.js';
const DATE_FIELDS = ['submitted_at', 'unavailable'];
const LIST_FIELDS = ['sectors', 'support_areas'];
/**
 * The order one date column is written in: as its answers show it, else `fallback` with a warning
 * naming the column and the setting. A column showing both orders is an error naming a row of each.
 */
export function columnOrder(file, header, answers, fallback) {
    const shown = columnDateOrder(answers);
    if (shown.conflict) {
        const { DMY, MDY } = shown.conflict;
        throw new DataError(`column "${header}" has dates written day first (row ${DMY.row}: "${DMY.value}") and month first (row ${MDY.row}: "${MDY.value}")`, { file, column: header }, 'correct the dates that are in the wrong order (one order for the whole column), then import again');
    }
    if (shown.order)
        return { order: shown.order };
    if (!shown.ambiguous)
        return { order: fallback };
    const words = fallback === 'DMY' ? 'day first' : 'month first';
    return {
        order: fallback,
        warning: `${file}: column "${header}": no date in it shows whether it is written day first or month first; read as ${words}, the scheme's "date_order" setting (${fallback}) in scheme.json`,
    };
}
export function scanTable(input) {
    const { file, rows, rowNumbers, layout, scheme } = input;
    let columns = input.columns;
    const notes = [];
    const outside = outsideRespondents(layout, columns, rows.slice(layout.firstDataIndex), input.target, scheme);
    if (outside) {
        columns = outside.columns;
        notes.push(`${file}: ${outside.note}`);
    }
    const answers = function* (col) {
        for (let r = layout.firstDataIndex; r < rows.length; r++) {
            const cells = rows[r];
            if (layout.dropReason(cells))
                continue;
            yield { row: rowNumbers[r] ?? r + 1, value: cells[col] ?? '' };
        }
    };
    const facts = { dateOrders: {}, vocab: input.vocab, columns, warnings: [], notes };
    for (const field of DATE_FIELDS) {
        const col = columns.fieldAt.indexOf(field);
        if (col < 0)
            continue;
        try {
            const read = columnOrder(file, layout.headers[col], answers(col), scheme.date_order);
            facts.dateOrders[field] = read.order;
            if (read.warning)
                facts.warnings.push(read.warning);
        }
        catch (err) {
            // Parsing goes on (it never throws); the caller stops the import with this error.
            if (!(err instanceof DataError))
                throw err;
            facts.error ??= err;
        }
    }
    const vocab = { ...input.vocab };
    for (const field of LIST_FIELDS) {
        const col = columns.fieldAt.indexOf(field);
        if (col < 0)
            continue;
        const found = commaOptions([...answers(col)].map((a) => a.value), layout.listSeparator, vocab[field]);
        vocab[field] = vocab[field].withOptions(found);
    }
    facts.vocab = vocab;
    return facts;
}

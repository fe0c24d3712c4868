// The one parser of the dates typed on the command line (--as-of, --before, log's DATE). It reads
// them in the scheme's date order, as the imports read the forms: 03/04/2027 is 3 April in a UK
// scheme and March 4th in a US one. ISO dates (2027-04-03) mean the same everywhere.
import { UsageError } from '../../errors.js';
import { parseDate } from '../import/values.js';
/** How the scheme writes a date, for messages. */
export function dateShape(order) {
    return order === 'MDY' ? 'YYYY-MM-DD or mm/dd/yyyy' : 'YYYY-MM-DD or dd/mm/yyyy';
}
/** `label` is how the administrator typed it (`--as-of`, `DATE`); the example is a valid value. */
export function parseDateOption(value, order, label, example) {
    const day = parseDate(value.trim(), order);
    if (!day)
        throw new UsageError(`${label} "${value}" is not a date`, `write it as ${dateShape(order)}, e.g. ${example}`);
    return day;
}

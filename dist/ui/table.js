// A plain aligned table for the terminal. Wide cells are cut so a table never wraps into noise.
function width(s) {
    // Combining marks take no column; good enough for names with diacritics.
    return [...s.normalize('NFC').replace(/[\u0300-\u036f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '')].length;
}
function clip(s, max) {
    const one = s.replace(/[\r\n\t]+/g, ' ');
    if (width(one) <= max)
        return one;
    return `${[...one].slice(0, Math.max(1, max - 1)).join('')}…`;
}
export function renderTable(columns, rows) {
    const cells = rows.map((r) => r.map((c, i) => clip(String(c), columns[i]?.max ?? 40)));
    const widths = columns.map((c, i) => Math.max(width(c.header), ...cells.map((r) => width(r[i] ?? ''))));
    const line = (values) => values
        .map((v, i) => {
        const pad = ' '.repeat(Math.max(0, widths[i] - width(v)));
        return columns[i]?.align === 'right' ? pad + v : v + pad;
    })
        .join('  ')
        .trimEnd();
    const out = [line(columns.map((c) => c.header)), line(widths.map((w) => '-'.repeat(w)))];
    for (const r of cells)
        out.push(line(r));
    return `${out.join('\n')}\n`;
}

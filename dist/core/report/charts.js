// Small inline SVG charts for reports that must open anywhere and fetch nothing. Every label is
// escaped here, so a caller cannot forget to.
import { xmlSafe } from '../text.js';
export function escapeHtml(text) {
    return xmlSafe(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}
export const PALETTE = ['#2f6db5', '#e07b39', '#3a9d5d', '#b5452f', '#7a57b5', '#c9a227'];
const FONT = 'font-family="system-ui, sans-serif"';
function fmt(n) {
    return Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0$/, '');
}
function clip(text, max) {
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
/** Horizontal bars, one per row: good for long labels (questions, bands). */
export function hbarChart(opts) {
    const width = opts.width ?? 560;
    const labelW = opts.labelWidth ?? 220;
    const rowH = 28;
    const top = 34;
    const height = top + Math.max(1, opts.bars.length) * rowH + 10;
    const max = opts.max ?? Math.max(1, ...opts.bars.map((b) => b.value));
    const plotW = width - labelW - 60;
    const parts = [
        `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
        `<title>${escapeHtml(opts.title)}</title>`,
        `<text x="0" y="18" ${FONT} font-size="15" font-weight="600" fill="#222">${escapeHtml(opts.title)}</text>`,
    ];
    if (opts.bars.length === 0)
        parts.push(`<text x="0" y="${top + 16}" ${FONT} font-size="13" fill="#777">no data yet</text>`);
    opts.bars.forEach((b, i) => {
        const y = top + i * rowH;
        const w = Math.max(0, Math.round((Math.max(0, b.value) / max) * plotW));
        parts.push(`<text x="${labelW - 8}" y="${y + 17}" ${FONT} font-size="12" fill="#333" text-anchor="end">${escapeHtml(clip(b.label, Math.floor(labelW / 7.6)) /* DejaVu Sans at 12px averages about 7 px a character */)}</text>`, `<rect x="${labelW}" y="${y + 4}" width="${plotW}" height="18" fill="#eef1f5"/>`, `<rect x="${labelW}" y="${y + 4}" width="${w}" height="18" fill="${b.colour ?? PALETTE[0]}"/>`, `<text x="${labelW + w + 6}" y="${y + 17}" ${FONT} font-size="12" fill="#222">${escapeHtml(b.text ?? fmt(b.value))}</text>`);
    });
    parts.push('</svg>');
    return parts.join('');
}
/** Vertical bars along a time axis (months). */
export function vbarChart(opts) {
    const width = opts.width ?? 560;
    const height = opts.height ?? 260;
    const top = 40;
    const bottom = 36;
    const plotH = height - top - bottom;
    const n = Math.max(1, opts.bars.length);
    const slot = (width - 20) / n;
    const barW = Math.max(6, Math.min(48, slot * 0.7));
    const max = Math.max(1, ...opts.bars.map((b) => b.value));
    const parts = [
        `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
        `<title>${escapeHtml(opts.title)}</title>`,
        `<text x="0" y="18" ${FONT} font-size="15" font-weight="600" fill="#222">${escapeHtml(opts.title)}</text>`,
        `<line x1="10" y1="${top + plotH}" x2="${width - 10}" y2="${top + plotH}" stroke="#999"/>`,
    ];
    if (opts.bars.length === 0)
        parts.push(`<text x="10" y="${top + 20}" ${FONT} font-size="13" fill="#777">no data yet</text>`);
    opts.bars.forEach((b, i) => {
        const h = Math.round((Math.max(0, b.value) / max) * plotH);
        const x = 10 + i * slot + (slot - barW) / 2;
        const cx = x + barW / 2;
        parts.push(`<rect x="${x.toFixed(1)}" y="${top + plotH - h}" width="${barW.toFixed(1)}" height="${h}" fill="${b.colour ?? PALETTE[0]}"/>`, `<text x="${cx.toFixed(1)}" y="${top + plotH - h - 5}" ${FONT} font-size="11" fill="#222" text-anchor="middle">${escapeHtml(b.text ?? fmt(b.value))}</text>`, `<text x="${cx.toFixed(1)}" y="${top + plotH + 16}" ${FONT} font-size="11" fill="#333" text-anchor="middle">${escapeHtml(clip(b.label, 10))}</text>`);
    });
    parts.push('</svg>');
    return parts.join('');
}
/** A ring showing one share (0..1) with a big percentage in the middle. */
export function ringChart(opts) {
    const size = 200;
    const r = 62;
    const c = 2 * Math.PI * r;
    const share = Math.max(0, Math.min(1, opts.share ?? 0));
    const parts = [
        `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" width="${size + 80}" height="${size + 20}" viewBox="0 0 ${size + 80} ${size + 20}">`,
        `<title>${escapeHtml(opts.title)}</title>`,
        `<text x="0" y="18" ${FONT} font-size="15" font-weight="600" fill="#222">${escapeHtml(opts.title)}</text>`,
        `<circle cx="${size / 2 + 40}" cy="${size / 2 + 20}" r="${r}" fill="none" stroke="#eef1f5" stroke-width="22"/>`,
        `<circle cx="${size / 2 + 40}" cy="${size / 2 + 20}" r="${r}" fill="none" stroke="${opts.colour ?? PALETTE[2]}" stroke-width="22" stroke-dasharray="${(share * c).toFixed(1)} ${c.toFixed(1)}" transform="rotate(-90 ${size / 2 + 40} ${size / 2 + 20})"/>`,
        `<text x="${size / 2 + 40}" y="${size / 2 + 27}" ${FONT} font-size="24" font-weight="700" fill="#222" text-anchor="middle">${opts.share === null ? '–' : `${Math.round(share * 100)}%`}</text>`,
        `<text x="${size / 2 + 40}" y="${size + 12}" ${FONT} font-size="12" fill="#444" text-anchor="middle">${escapeHtml(opts.caption)}</text>`,
        '</svg>',
    ];
    return parts.join('');
}

// The drafting API shared by every `mentorship emails KIND` command:
//
//   loadTemplate(ws, name) -> CompiledTemplate
//     templates/NAME.hbs from the workspace, else the package's default; compiled once, checked
//     against the sharing policy (src/core/email/template.ts). Render it once per draft:
//     `tpl.render(introStudentContext(...))` / chaseContext / feedbackContext (core/email/contexts.ts).
//
//   stageDrafts(ctx, tx, ws, kind, drafts) -> Promise<DraftIndexRow[]>
//     stages out/emails/KIND/<name>.eml (Outlook draft), .txt and .html for each draft, plus
//     out/emails/KIND/index.csv; drafts of an earlier run that are no longer wanted are removed
//     if nobody edited them. File names come from the recipient's name (slugified) and a hash of
//     Draft.key, so a draft keeps its name from run to run. Nothing is written until the
//     transaction commits; a draft someone edited needs --force (the Transaction enforces it).
//
//   draftsAudit(drafts, templates) -> the audit fields: how many drafts, which partner fields
//     went to whom.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DataError, UsageError } from '../../errors.js';
import { toExcelCsv } from '../../io/csv-write.js';
import { generatedFiles } from '../../io/transaction.js';
import { templateSpec } from '../../core/email/contexts.js';
import { buildEml } from '../../core/email/eml.js';
import { uniqueBaseNames } from '../../core/email/filenames.js';
import { compileTemplate } from '../../core/email/template.js';
import { TEMPLATES_DIR } from '../../paths.js';
import { progress } from '../../ui/progress.js';
import { emailsDir } from '../../workspace/layout.js';
/** How a draft is listed on stdout: who gets it, and its subject. */
export function draftLine(d) {
    return `${d.role.padEnd(7)} ${d.recipientName} <${d.recipientEmail}>  ${d.subject}`;
}
/** The value of one of a draft's own index.csv columns ('' when it has none). */
export function extraValue(row, header) {
    return row.extra.find((e) => e.header === header)?.value ?? '';
}
export function loadTemplate(ws, name, spec = templateSpec(name)) {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(name))
        throw new UsageError(`"${name}" is not a template name`);
    const local = `templates/${name}.hbs`;
    const fallback = path.join(TEMPLATES_DIR, `${name}.hbs`);
    let file;
    let source;
    if (fs.existsSync(ws.abs(local))) {
        file = local;
        source = fs.readFileSync(ws.abs(local), 'utf8');
    }
    else if (fs.existsSync(fallback)) {
        file = `${local} (missing, so the default was used)`;
        source = fs.readFileSync(fallback, 'utf8');
    }
    else {
        throw new DataError(`the template ${local} is missing`, { file: local }, 'copy it from another workspace, or create one with mentorship init and copy its templates/ folder');
    }
    return compileTemplate(source, { name, file, scheme: ws.scheme, spec });
}
function mailboxText(list) {
    return list.map((m) => (m.name ? `${m.name} <${m.address}>` : m.address)).join('; ');
}
const INDEX_COLUMNS = [
    { key: 'role', header: 'Recipient role' },
    { key: 'recipientName', header: 'Recipient name' },
    { key: 'recipientEmail', header: 'Recipient email' },
    { key: 'cc', header: 'Cc' },
    { key: 'subject', header: 'Subject' },
    { key: 'eml', header: 'Outlook draft (.eml)' },
    { key: 'txt', header: 'Plain text (.txt)' },
    { key: 'html', header: 'HTML (.html)' },
];
const DRAFT_FILE = /\.(eml|txt|html)$/;
function stageStaleRemovals(ctx, tx, ws, folder, keep) {
    const dir = ws.abs(folder);
    if (!fs.existsSync(dir))
        return 0;
    const generated = generatedFiles(ws.root);
    let removed = 0;
    for (const name of fs.readdirSync(dir).sort()) {
        const rel = `${folder}/${name}`;
        // Only drafts we wrote are ours to clear away: an untouched one goes, an edited one needs --force.
        if (!DRAFT_FILE.test(name) || keep.has(rel) || !generated.wrote(rel))
            continue;
        if (generated.untouched(rel) || ctx.opts.force) {
            tx.remove(rel);
            removed++;
        }
        else {
            ctx.warn(`${rel} is no longer wanted (its pair changed) but was edited, so it was kept; delete it yourself, or use --force`);
        }
    }
    return removed;
}
function baseNames(kind, drafts) {
    return uniqueBaseNames(drafts.map((d) => ({ label: `${d.role} ${d.email.to[0]?.name || d.email.to[0]?.address || ''}`, key: `${kind}\n${d.key}` })));
}
/** Whether each draft of the batch is on disk already (its .eml), named as stageDrafts names it. */
export function draftsOnDisk(ws, kind, drafts) {
    return baseNames(kind, drafts).map((base) => fs.existsSync(ws.abs(`${emailsDir(kind)}/${base}.eml`)));
}
export async function stageDrafts(ctx, tx, ws, kind, drafts) {
    if (!/^[a-z0-9-]+$/.test(kind))
        throw new UsageError(`"${kind}" is not a kind of email`);
    const folder = emailsDir(kind);
    const bases = baseNames(kind, drafts);
    const date = ctx.now();
    const from = ws.scheme.from ? { from: ws.scheme.from } : {};
    const bar = progress(ctx.stderr, `drafting ${kind} emails`, drafts.length, !ctx.opts.quiet);
    const rows = [];
    const keep = new Set();
    const building = Date.now();
    for (let i = 0; i < drafts.length; i++) {
        const d = drafts[i];
        const base = bases[i];
        const files = { eml: `${base}.eml`, txt: `${base}.txt`, html: `${base}.html` };
        // A draft kept from an earlier run is not rendered to disk again: an edit of it survives.
        if (!d.keep || !fs.existsSync(ws.abs(`${folder}/${files.eml}`))) {
            tx.write(`${folder}/${files.eml}`, await buildEml(d.email, { ...from, date, key: `${kind}\n${d.key}` }));
            // CRLF: the .txt is for Windows users to open and paste.
            tx.write(`${folder}/${files.txt}`, d.email.text.replace(/\r?\n/g, '\r\n'));
            tx.write(`${folder}/${files.html}`, d.email.html);
        }
        for (const f of Object.values(files))
            keep.add(`${folder}/${f}`);
        const to = d.email.to[0];
        rows.push({
            role: d.role,
            recipientName: to.name,
            recipientEmail: to.address,
            cc: mailboxText(d.email.cc),
            subject: d.email.subject,
            ...files,
            extra: Object.entries(d.index ?? {}).map(([header, value]) => ({ header, value })),
        });
        bar.tick(i + 1);
    }
    ctx.debug(`built ${drafts.length} .eml drafts in ${Date.now() - building} ms`);
    bar.end();
    const extraHeaders = [...new Set(rows.flatMap((r) => r.extra.map((e) => e.header)))];
    const columns = [...INDEX_COLUMNS, ...extraHeaders.map((h, k) => ({ key: `extra${k}`, header: h }))];
    const indexRows = rows.map((r) => {
        const { extra: _extra, ...fixed } = r;
        const out = { ...fixed };
        extraHeaders.forEach((h, k) => {
            out[`extra${k}`] = extraValue(r, h);
        });
        return out;
    });
    tx.write(`${folder}/index.csv`, toExcelCsv(columns, indexRows));
    stageStaleRemovals(ctx, tx, ws, folder, keep);
    return rows;
}
/** The audit entry's fields for a batch of drafts: counts, and which partner fields each side got. */
export function draftsAudit(rows, templates) {
    const shared = {};
    for (const t of templates)
        if (Object.keys(t.partnerFields).length)
            shared[t.name] = t.partnerFields;
    return {
        count: rows.length,
        to_students: rows.filter((r) => r.role === 'student').length,
        to_mentors: rows.filter((r) => r.role === 'mentor').length,
        templates: templates.map((t) => t.file),
        fields_shared: shared,
    };
}

// Hostile text through every output: names and bios with path separators, CR/LF and "Bcc:", HTML
// and scripts, template syntax, 100 KB, right-to-left overrides and zero-width characters. They must
// stay inert: no file outside the workspace's folders, no extra header or recipient in an email, no
// unescaped script in HTML, template syntax printed literally, no formula in a spreadsheet cell, and
// nothing on the terminal that a terminal would obey.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsvBytes } from '../../src/io/csv-read.js';
import { BIG_BIO, cycleSteps, describeCycle, HOSTILE, LONG_BIO, runCycle, type StepOutcome, writeHostileInputs } from './cycle.js';
import { cleanup, freshWorkspace, listFiles, tempRoot } from './inproc.js';

let root = '';
let ws = '';
let outcomes: StepOutcome[] = [];
let inputs: ReturnType<typeof writeHostileInputs>;
let tmpBefore: string[] = [];
const figures = { files: 0, eml: 0, html: 0, txt: 0, csv: 0, xlsx: 0 };

beforeAll(async () => {
  tmpBefore = fs.readdirSync(os.tmpdir());
  root = tempRoot('trust-hostile-');
  inputs = writeHostileInputs(root);
  ws = await freshWorkspace(root);
  outcomes = await runCycle(ws, cycleSteps(inputs));
}, 300_000);

afterAll(() => {
  cleanup(root);
  console.log(
    `[trust] hostile text: ${figures.files} files listed, ${figures.eml} .eml parsed, ${figures.html} .html, ${figures.txt} .txt, ` +
      `${figures.csv} CSV and ${figures.xlsx} XLSX files scanned; cycle: ${describeCycle(outcomes)}`,
  );
});

function files(ext: string): string[] {
  return listFiles(ws).filter((f) => f.toLowerCase().endsWith(ext));
}

function ran(step: string): boolean {
  return outcomes.some((o) => o.step.name === step && o.status === 'ran');
}

/** Every step of the cycle exists now: a check that depends on one first asserts that it ran. */
function mustHaveRun(step: string): void {
  expect(outcomes.find((o) => o.step.name === step)?.status, `the cycle step "${step}"`).toBe('ran');
}

// Bidi overrides and isolates are removed where text enters (src/core/text.ts): the name is kept
// without them, and no output holds one.
const RTL_CLEAN = HOSTILE.rtlName.replace(/[\u202a-\u202e\u2066-\u2069]/g, '');

describe('hostile text stays inert', () => {
  it('nothing is written outside the workspace, and inside it only under data/, out/ and .mentorship/', () => {
    const all = listFiles(root);
    figures.files = all.length;
    const wsRel = path.relative(root, ws);
    const allowedTop = new Set(['data', 'out', '.mentorship', 'templates', 'scheme.json', 'README.txt']);
    const outside = all.filter((f) => {
      if (f === path.basename(inputs.students) || f === path.basename(inputs.mentors)) return false;
      if (!f.startsWith(`${wsRel}${path.sep}`)) return true;
      return !allowedTop.has(f.slice(wsRel.length + 1).split(path.sep)[0]!);
    });
    expect(outside).toEqual([]);
    // The folders the traversal names point at from inside out/emails/KIND/ and from the workspace.
    const newInTmp = fs.readdirSync(os.tmpdir()).filter((f) => !tmpBefore.includes(f) && /escaped/.test(f)); // other tests make their own temporary folders meanwhile
    expect(newInTmp).toEqual([]);
    expect(fs.existsSync(path.join(ws, 'out', 'escaped'))).toBe(false);
    expect(fs.existsSync(path.join(ws, 'escaped'))).toBe(false);
  });

  it('file names built from people\'s names are plain: no separators, dot-dot, bidi overrides or zero-width characters', () => {
    const bad = listFiles(path.join(ws, 'out')).filter((f) => {
      const base = path.basename(f);
      return !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(base) || base.includes('..') || /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/.test(f);
    });
    expect(bad).toEqual([]);
  });

  it('no email draft gets an extra header or recipient, and every recipient is a participant', async () => {
    const emls = files('.eml');
    mustHaveRun('emails intro');
    expect(emls.length).toBeGreaterThan(0);
    const participants = new Set<string>();
    for (const f of ['data/students.csv', 'data/mentors.csv']) {
      const t = readCsvBytes(fs.readFileSync(path.join(ws, f)), f);
      const at = t.rows[0]!.indexOf('email');
      for (const r of t.rows.slice(1)) participants.add(r[at]!.replace(/^'/, ''));
    }
    const allowed = new Set(['x-unsent', 'from', 'to', 'cc', 'reply-to', 'subject', 'message-id', 'date', 'mime-version', 'content-type', 'content-transfer-encoding']);
    const problems: string[] = [];
    for (const f of emls) {
      figures.eml++;
      const raw = fs.readFileSync(path.join(ws, f));
      const head = raw.toString('utf8').split(/\r?\n\r?\n/)[0]!;
      for (const line of head.split(/\r?\n/)) {
        if (/^[ \t]/.test(line)) continue; // a folded continuation
        const name = /^([^:\s]+):/.exec(line)?.[1]?.toLowerCase();
        if (!name || !allowed.has(name)) problems.push(`${f}: header line ${JSON.stringify(line.slice(0, 80))}`);
      }
      const mail = await simpleParser(raw);
      const to = mail.to && !Array.isArray(mail.to) ? mail.to.value : [];
      if (to.length !== 1) problems.push(`${f}: ${to.length} recipients in To`);
      for (const a of to) if (!participants.has(a.address ?? '')) problems.push(`${f}: To ${a.address} is not a participant`);
      if (mail.bcc) problems.push(`${f}: has Bcc`);
      const cc = mail.cc && !Array.isArray(mail.cc) ? mail.cc.value : [];
      for (const a of cc) if (!participants.has(a.address ?? '') && a.address !== 'ei.alumni@lse.ac.uk') problems.push(`${f}: Cc ${a.address}`);
      if (/[\r\n]/.test(mail.subject ?? '')) problems.push(`${f}: the subject holds a line break`);
      if (mail.headers.has('x-injected')) problems.push(`${f}: X-Injected header`);
      if (mail.headers.get('x-unsent') !== '1') problems.push(`${f}: not an unsent draft`);
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it('the CR/LF + Bcc name and bio reach the drafts as text, inside the body', async () => {
    mustHaveRun('emails intro');
    const texts = files('.txt').map((f) => fs.readFileSync(path.join(ws, f), 'utf8'));
    figures.txt = texts.length;
    // The student whose name carried "\r\nBcc:" gets their draft, addressed to them alone.
    const emls = files('.eml').map((f) => fs.readFileSync(path.join(ws, f), 'utf8'));
    const toCrlf = emls.filter((e) => /^To: .*<hostile\.crlf@lse\.ac\.uk>/m.test(e));
    expect(toCrlf.length).toBeGreaterThan(0);
    for (const e of toCrlf) expect(e).not.toMatch(/^Bcc:/im);
    // Plain text is not HTML-escaped: the script-carrying bio appears as typed (and inert) in some .txt.
    expect(texts.some((t) => t.includes('<script>document.title="pwned"</script>'))).toBe(true);
  });

  it('HTML outputs escape participants\' text: no script, event handler or tag from data', () => {
    const htmls = files('.html');
    figures.html = htmls.length;
    mustHaveRun('emails intro');
    expect(htmls.length).toBeGreaterThan(0);
    const bad: string[] = [];
    for (const f of htmls) {
      const html = fs.readFileSync(path.join(ws, f), 'utf8');
      for (const needle of ['<script>alert(', '<script>document.title', '<img src=x onerror', '<b>body</b>', '</script><img']) {
        if (html.includes(needle)) bad.push(`${f}: ${needle}`);
      }
    }
    expect(bad.slice(0, 20)).toEqual([]);
    // ... while the text itself is kept, escaped, where it is shared.
    {
      expect(htmls.some((f) => fs.readFileSync(path.join(ws, f), 'utf8').includes('&lt;script&gt;'))).toBe(true);
    }
  });

  it('template syntax in names and bios is printed literally, never evaluated', () => {
    mustHaveRun('emails intro');
    const texts = files('.txt').map((f) => fs.readFileSync(path.join(ws, f), 'utf8'));
    expect(texts.some((t) => t.includes(HOSTILE.templateBio)), 'the {{...}} bio appears as typed').toBe(true);
    expect(texts.some((t) => t.includes(HOSTILE.templateName)), 'the {{mentor.email}} name appears as typed').toBe(true);
    expect(texts.some((t) => t.includes('{{#each mentors}}{{email}}{{/each}}')), 'the job role appears as typed').toBe(true);
  });

  it('CSV outputs escape every cell that would start a formula (numbers aside)', () => {
    const bad: string[] = [];
    for (const f of files('.csv')) {
      figures.csv++;
      const t = readCsvBytes(fs.readFileSync(path.join(ws, f)), f);
      t.rows.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (/^[=+\-@\t\r]/.test(cell) && !Number.isFinite(Number(cell))) bad.push(`${f} R${t.rowNumbers[r]}C${c + 1}: ${JSON.stringify(cell.slice(0, 60))}`);
        }),
      );
    }
    expect(figures.csv).toBeGreaterThan(3);
    expect(bad.slice(0, 20)).toEqual([]);
  });

  it('XLSX outputs hold no formula cell and keep the hostile texts as strings', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const bad: string[] = [];
    const strings = new Set<string>();
    for (const f of files('.xlsx')) {
      figures.xlsx++;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(fs.readFileSync(path.join(ws, f)) as unknown as ArrayBuffer);
      wb.eachSheet((sheet) =>
        sheet.eachRow((row) =>
          row.eachCell((cell) => {
            if (cell.type === ExcelJS.ValueType.Formula || cell.formula) bad.push(`${f} ${sheet.name}!${cell.address}: ${cell.formula}`);
            if (typeof cell.value === 'string') strings.add(cell.value);
          }),
        ),
      );
    }
    expect(bad).toEqual([]);
    expect(figures.xlsx).toBeGreaterThan(0);
    mustHaveRun('match');
    {
      for (const h of [HOSTILE.formulaName, HOSTILE.plusName, HOSTILE.atName, HOSTILE.minusName, HOSTILE.zeroName, RTL_CLEAN]) expect(strings).toContain(h);
      expect([...strings].filter((t) => /[\u202a-\u202e\u2066-\u2069]/.test(t))).toEqual([]);
    }
  });

  it('the 100 KB bio is rejected with a clear reason and kept whole in the rejects file; a long allowed bio survives intact', () => {
    const rejects = fs.readFileSync(path.join(ws, 'out/rejects/hostile-students.rejects.csv'), 'utf8');
    expect(rejects).toContain(BIG_BIO);
    expect(rejects).toMatch(/longer than 20,000 characters/);
    const students = fs.readFileSync(path.join(ws, 'data/students.csv'), 'utf8');
    expect(students).toContain(LONG_BIO);
    expect(students).toContain(RTL_CLEAN);
    expect(students).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(students).toContain(HOSTILE.zeroWidthName);
  });

  it('nothing a terminal would obey reaches stderr: no escape sequences, bells or carriage returns from data', () => {
    const bad: string[] = [];
    expect(outcomes.filter((o) => o.result).length).toBeGreaterThan(10);
    for (const o of outcomes) {
      const err = o.result?.stderr ?? '';
      const m = /[\u0000-\u0008\u000b-\u001f\u007f\u0080-\u009f\u202a-\u202e\u2066-\u2069]/.exec(err);
      if (m) bad.push(`${o.step.name}: ${JSON.stringify(err.slice(Math.max(0, m.index - 60), m.index + 40))}`);
    }
    expect(bad).toEqual([]);
  });
});

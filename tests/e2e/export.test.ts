// mentorship export, run as the administrator runs it (the built CLI in a temporary workspace).
// Build first: npx tsc -p tsconfig.build.json
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { nonCamelKeys } from '../helpers/json-keys.js';
import { makeWorkspace, runCli, snapshot } from '../helpers/cli.js';
import { confirmed, dataFiles, mentor, student } from '../core/policy/builders.js';

const zoe = student({ name: "Zoë O'Brien, Jr.", first_name: 'Zoë', city: 'Lewisham', extra: { 'Student ID': '20251234' } });
const sam = student({ email: 'sam.taylor@lse.ac.uk', name: 'Sam Taylor', first_name: 'Sam', share_bio: false, bio: 'PRIVATE BIO' });
const ann = mentor({ job_role: '=HYPERLINK("http://evil.example","click")', employer: 'Deloitte LLP', city: 'Ixelles' });
const raj = mentor({ email: 'raj@alumni.example.org', name: 'Raj Patel', first_name: 'Raj', share_linkedin: false, linkedin: 'https://linkedin.com/in/private-raj' });
const proposedOnly = student({ email: 'pat@lse.ac.uk', name: 'Pat Proposed' });

function workspace(extra: Record<string, string | Buffer> = {}) {
  return makeWorkspace({
    ...dataFiles([zoe, sam, proposedOnly], [ann, raj], [confirmed(zoe, ann), confirmed(sam, raj), confirmed(proposedOnly, raj, 'proposed')]),
    ...extra,
  });
}

function csvLines(file: string): string[] {
  return fs.readFileSync(file, 'utf8').split('\r\n').filter(Boolean);
}

describe('mentorship export', () => {
  it('writes one row per confirmed pair for each side, permitted fields only', async () => {
    const dir = workspace();
    const r = runCli(['export'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Exported 2 confirmed pairs');
    expect(r.stderr).toMatch(/bio of 1 withheld/);

    const students = csvLines(path.join(dir, 'out/export/for-students.csv'));
    expect(fs.readFileSync(path.join(dir, 'out/export/for-students.csv')).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(students[0]).toBe(
      '\uFEFF"Recipient name","Recipient email","Recipient first name","Mentor name","Mentor email","Course(s) studied","Year of graduation","Current country","Current job role","Brief bio","LinkedIn profile"',
    );
    expect(students).toHaveLength(3);
    expect(students[1]).toContain('"Zoë O\'Brien, Jr.",zoe.obrien@lse.ac.uk,Zoë,"Ann Lee"');
    // A formula in a participant's answer stays text in Excel.
    expect(students[1]).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(students[2]).not.toContain('private-raj');

    const mentors = fs.readFileSync(path.join(dir, 'out/export/for-mentors.csv'), 'utf8');
    expect(mentors).toContain('"Student name","Student email","MSc programme","Employment sectors of interest","Areas of support sought"');
    for (const secret of ['Lewisham', '20251234', 'PRIVATE BIO', 'Deloitte', 'Pat Proposed', 'Ixelles']) {
      expect(mentors).not.toContain(secret);
      expect(fs.readFileSync(path.join(dir, 'out/export/for-students.csv'), 'utf8')).not.toContain(secret);
    }
  });

  it('writes workbooks with a frozen, filtered header and text cells', async () => {
    const dir = workspace();
    expect(runCli(['export'], { cwd: dir }).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'out/export/for-mentors.xlsx'));
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('For mentors');
    expect(ws.getRow(1).getCell(4).value).toBe('Student name');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.rowCount).toBe(3);
    expect(ws.getRow(2).getCell(1).value).toBe('Ann Lee');
    const students = new ExcelJS.Workbook();
    await students.xlsx.readFile(path.join(dir, 'out/export/for-students.xlsx'));
    const cell = students.worksheets[0]!.getRow(2).getCell(9);
    expect(cell.value).toBe('=HYPERLINK("http://evil.example","click")');
    expect(cell.formula).toBeUndefined();
  });

  it('records in the audit log which fields went to whom', () => {
    const dir = workspace();
    expect(runCli(['export'], { cwd: dir }).code).toBe(0);
    const audit = fs.readFileSync(path.join(dir, 'data/audit.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const entry = audit.find((a) => a.command === 'export');
    expect(entry).toMatchObject({
      rows: { for_students: 2, for_mentors: 2 },
      fields_shared: {
        to_students: { mentor: ['name', 'email', 'courses', 'graduation_year', 'country', 'job_role', 'bio', 'linkedin'] },
        to_mentors: { student: ['name', 'email', 'programme', 'sectors', 'support_areas', 'linkedin', 'bio'] },
      },
      withheld_without_consent: { to_students: { bio: 0, linkedin: 1 }, to_mentors: { linkedin: 0, bio: 1 } },
    });
    expect(entry.at).toMatch(/^2025-11-25T/);
  });

  it('--dry-run writes nothing and says what it would write; --json is machine-readable', () => {
    const dir = workspace();
    const before = snapshot(dir);
    const r = runCli(['export', '--dry-run', '--json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ command: 'export', dryRun: true, result: { pairs: 2, files: expect.arrayContaining(['out/export/for-students.csv']) } });
    expect(out.result.withheld.toStudents).toEqual(expect.arrayContaining([{ field: 'linkedin', people: 1 }]));
    expect(nonCamelKeys(out)).toEqual([]);
    expect(out.changes.map((c: { path: string }) => c.path)).toEqual(expect.arrayContaining(['out/export/for-mentors.xlsx', 'data/audit.jsonl']));
    expect(snapshot(dir)).toEqual(before);
  });

  it('replaces its own untouched files, and keeps an edited one unless --force', () => {
    const dir = workspace();
    expect(runCli(['export'], { cwd: dir }).code).toBe(0);
    expect(runCli(['export'], { cwd: dir }).code).toBe(0);
    fs.appendFileSync(path.join(dir, 'out/export/for-students.csv'), 'my notes\r\n');
    const r = runCli(['export'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--force');
    expect(runCli(['export', '--force'], { cwd: dir }).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'out/export/for-students.csv'), 'utf8')).not.toContain('my notes');
  });

  it('stops with a clear message when there is nothing to export, writing nothing', () => {
    const dir = makeWorkspace(dataFiles([zoe], [ann], [confirmed(zoe, ann, 'proposed')]));
    const before = snapshot(dir);
    const r = runCli(['export'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: data/matches.csv: there are no confirmed pairs to export');
    expect(r.stderr).toContain('fix: ');
    expect(snapshot(dir)).toEqual(before);
  });

  it('names a confirmed pair whose student is missing', () => {
    const dir = makeWorkspace(dataFiles([zoe], [ann], [confirmed(zoe, ann), confirmed(sam, ann)]));
    const r = runCli(['export'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('sam.taylor@lse.ac.uk, who is not in data/students.csv');
  });

  it('rejects a policy naming an unknown field, by JSON path', () => {
    const dir = workspace();
    const scheme = JSON.parse(fs.readFileSync(path.join(dir, 'scheme.json'), 'utf8'));
    scheme.sharing.to_student.push('salary');
    fs.writeFileSync(path.join(dir, 'scheme.json'), JSON.stringify(scheme));
    const r = runCli(['export'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('scheme.json: sharing.to_student[8]');
  });
});

// The real CLI on the bundled fixtures and on the bad files administrators really produce.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { FIXTURES, makeWorkspace, runCli, snapshot } from '../helpers/cli.js';
import { keyCount, nonCamelKeys } from '../helpers/json-keys.js';

const fx = (f: string) => path.join(FIXTURES, f);

function readStudents(ws: string): string {
  return fs.readFileSync(path.join(ws, 'data/students.csv'), 'utf8');
}

describe('import students and mentors from real form exports', () => {
  it('imports the Microsoft Forms workbook: duplicates, rejects, unknown sectors, formula names', () => {
    const ws = makeWorkspace();
    const r = runCli(['import', 'students', fx('students-msforms.xlsx')], { cwd: ws });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('students: 149 imported, 0 updated, 0 unchanged, 1 rejected, 1 duplicate');
    expect(r.stderr).toMatch(/duplicate: amelia\.clarke@lse\.ac\.uk submitted 2 times; kept .* row 109/);
    expect(r.stderr).toMatch(/row 24, column "Which MSc programme are you studying\?": the MSc programme is required/);
    expect(r.stderr).toContain('unknown sector "Managment Consulting"');
    expect(r.stdout).toBe('');
    const data = readStudents(ws);
    expect(data.charCodeAt(0)).toBe(0xfeff);
    expect(data).toContain('\r\n');
    expect(data).toContain(`"'=Sam Taylor"`);
    expect(data).toContain("Zoë O'Brien");
    expect(data).toMatch(/amelia\.clarke@lse\.ac\.uk,[^\r\n]*,either,/);
    const rejects = fs.readFileSync(path.join(ws, 'out/rejects/students-msforms.rejects.csv'), 'utf8');
    expect(rejects).toContain('tomas.novak@lse.ac.uk');
    expect(rejects).toContain('the MSc programme is required');
    // Excel-ready: BOM, CRLF, the reject columns first, then the file's own columns, every record whole.
    expect(rejects.charCodeAt(0)).toBe(0xfeff);
    expect(rejects.replace(/"[^"]*"/g, '').split('\n').slice(0, -1).every((l) => l.endsWith('\r'))).toBe(true);
    const records = parse(rejects.slice(1)) as string[][];
    expect(records[0]!.slice(0, 5)).toEqual(['reject: file', 'reject: row', 'reject: column', 'reject: value', 'reject: reason']);
    expect(records.slice(1).every((r) => r.length === records[0]!.length)).toBe(true);
  });

  it('re-importing the same file changes nothing, and the Qualtrics export of the same students agrees', () => {
    const ws = makeWorkspace();
    expect(runCli(['import', 'students', fx('students-qualtrics.csv')], { cwd: ws }).code).toBe(0);
    const before = readStudents(ws);
    const again = runCli(['import', 'students', fx('students-qualtrics.csv')], { cwd: ws });
    expect(again.stderr).toContain('0 imported, 0 updated, 149 unchanged, 1 rejected, 1 duplicate, 2 preview/test skipped');
    expect(readStudents(ws)).toBe(before);
    expect(before).not.toContain('test.student@lse.ac.uk');
    expect(before).not.toContain('ei.alumni@lse.ac.uk');
  });

  it('imports the Google Forms alumni: capacities, unavailability, options with commas', () => {
    const ws = makeWorkspace();
    const r = runCli(['import', 'mentors', fx('mentors-googleforms.csv'), '--json'], { cwd: ws });
    expect(r.code).toBe(0);
    const envelope = JSON.parse(r.stdout);
    expect(envelope).toMatchObject({ command: 'import mentors', dryRun: false });
    expect(envelope.changes.map((c: { path: string }) => c.path)).toContain('data/mentors.csv');
    // One key casing: no key of the envelope is snake_case (a duplicate's submittedAt, say).
    expect(keyCount(envelope)).toBeGreaterThan(20);
    expect(nonCamelKeys(envelope)).toEqual([]);
    const out = envelope.result;
    expect(out).toMatchObject({ kind: 'mentors', imported: 79, rejected: 1 });
    expect(out.duplicates[0].email).toBe('helen.marsh@example.com');
    expect(out.duplicates[0].kept.submittedAt).toMatch(/^\d{4}-\d{2}-\d{2}/);
    const data = fs.readFileSync(path.join(ws, 'data/mentors.csv'), 'utf8');
    const philippe = data.split('\r\n').find((l) => l.startsWith('philippe.renard@example.com'))!;
    expect(philippe).toMatch(/,2,/);
    expect(data).toContain('2025-12-01..2026-05-31');
    expect(data).toContain('Think Tanks, Research & Policy Analysis');
  });

  it('refuses a person who is already on the other side', () => {
    const ws = makeWorkspace({
      's.csv': 'email,name,programme,sectors\r\nboth@x.org,Both Sides,MSc Conflict Studies,Law\r\n',
      'm.csv': 'email,name,sectors\r\nBOTH@x.org,Both Sides,Law\r\nok@x.org,Fine Mentor,Law\r\n',
    });
    expect(runCli(['import', 'students', 's.csv'], { cwd: ws }).code).toBe(0);
    const r = runCli(['import', 'mentors', 'm.csv'], { cwd: ws });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('is already in the workspace as a student');
    expect(r.stderr).toContain('1 imported');
  });

  it('--strict aborts with nothing written', () => {
    const ws = makeWorkspace();
    const before = snapshot(ws);
    const r = runCli(['import', 'students', fx('students-msforms.xlsx'), '--strict'], { cwd: ws });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: .*row 24.*--strict/m);
    expect(snapshot(ws)).toEqual(before);
  });

  it('--dry-run reports and writes nothing', () => {
    const ws = makeWorkspace();
    const before = snapshot(ws);
    const r = runCli(['import', 'mentors', fx('mentors-googleforms.csv'), '--dry-run'], { cwd: ws });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('dry run: nothing was written');
    expect(r.stderr).toContain('create  data/mentors.csv');
    expect(snapshot(ws)).toEqual(before);
  });
});

describe('the bad files administrators produce', () => {
  it('accepts an Excel re-save in Windows-1252 with ; delimiters', () => {
    const ws = makeWorkspace();
    const r = runCli(['import', 'students', fx('bad/excel-resave-1252.csv')], { cwd: ws });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('6 imported');
    const data = readStudents(ws);
    expect(data).toContain('José Álvarez-Núñez');
    expect(data).toContain('I’m keen to work on EU–UK relations — ideally');
    expect(data).toContain('2025-11-14T17:15:00');
  });

  it('accepts UTF-16 text with tabs (Excel "Unicode text")', () => {
    const ws = makeWorkspace();
    const r = runCli(['import', 'students', fx('bad/utf16.csv')], { cwd: ws });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('3 imported');
  });

  it.each([
    ['missing-column.csv', /no column holds the required field programme[^\n]*\n\s+fix: add --map "[^"]+=programme"/],
    ['empty.csv', /error: .*empty\.csv: the file is empty/],
    ['header-only.csv', /error: .*header-only\.csv: the file has a header but no responses/],
    ['truncated.xlsx', /error: .*truncated\.xlsx: the workbook is damaged: it is cut short/],
    ['junk.csv', /error: .*junk\.csv: this does not look like a text \(CSV\) file/],
  ])('%s: a clear one-line error, exit 1, nothing half-written', (file, message) => {
    const ws = makeWorkspace();
    const before = snapshot(ws);
    const r = runCli(['import', 'students', fx(`bad/${file}`)], { cwd: ws });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(snapshot(ws)).toEqual(before);
  });

  it('keeps the first of two same-named columns and says so', () => {
    const ws = makeWorkspace();
    const r = runCli(['import', 'students', fx('bad/duplicate-headers.csv')], { cwd: ws });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/columns "email" and "email" both look like email/);
  });

  it('a missing file is an error naming it', () => {
    const ws = makeWorkspace();
    const r = runCli(['import', 'students', 'nope.csv'], { cwd: ws });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('error: nope.csv: no such file\n  fix: check the path (quote names with spaces)\n');
  });

  it('--map fixes an unmapped column, and a wrong --map is a usage error', () => {
    const ws = makeWorkspace();
    const bad = runCli(['import', 'students', fx('bad/missing-column.csv'), '--map', 'country=nonsense'], { cwd: ws });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/usage error: --map "country=nonsense": "nonsense" is not a field here/);
    const ok = runCli(['import', 'students', fx('bad/missing-column.csv'), '--map', 'city=programme'], { cwd: ws });
    expect(ok.code).toBe(0);
  });
});

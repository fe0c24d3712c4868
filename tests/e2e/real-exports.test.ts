// Real form exports (../shared/real-exports) and our own in their layouts, imported with the real
// CLI as an administrator would: what is stored, what is dropped or rejected and why, what the
// messages say, and the rejects file's round trip.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { FIXTURES, makeWorkspace, REPO, runCli } from '../helpers/cli.js';

const REAL = path.resolve(REPO, '../shared/real-exports');
const EDITED = path.join(REAL, 'edited');

function stored(ws: string, kind: 'students' | 'mentors'): Record<string, string>[] {
  return parse(fs.readFileSync(path.join(ws, `data/${kind}.csv`), 'utf8').replace(/^\ufeff/, ''), { columns: true }) as Record<string, string>[];
}

function json(r: { stdout: string; stderr: string; code: number }) {
  expect(r.stdout, r.stderr).not.toBe('');
  return (JSON.parse(r.stdout) as { result: Record<string, unknown> & { imported: number; updated: number; older: number; rejected: number; unchanged: number } }).result;
}

describe('real exports through the CLI', () => {
  it('US Google Forms (mauriciobranda): all 490 stored with month-first times and no setting', () => {
    const ws = makeWorkspace();
    const r = runCli(['import', 'mentors', path.join(EDITED, 'mauriciobranda_favorites.edited.csv'), '--map', 'title=name', '--map', 'genres=sectors', '--json'], { cwd: ws });
    expect(r.code, r.stderr).toBe(0);
    expect(json(r)).toMatchObject({ imported: 490, rejected: 0 });
    const rows = stored(ws, 'mentors');
    expect(rows[0]).toMatchObject({ email: 'respondent001@example.org', name: 'Caes de Berlim', submitted_at: '2019-10-28T15:03:45', sectors: 'Drama; Sports' });
    expect(JSON.parse(rows[0]!.extra!)).toEqual({ '(imported from)': 'mauriciobranda_favorites.edited.csv' });
  });

  it('a file with no email column (untouched mauriciobranda): the fix names no arbitrary column', () => {
    const ws = makeWorkspace();
    const r = runCli(['import', 'mentors', path.join(REAL, 'mauriciobranda_favorites.csv'), '--map', 'title=name', '--map', 'genres=sectors'], { cwd: ws });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no column holds the required field email, and every column of the file is already used/);
    expect(r.stderr).not.toMatch(/--map "(Timestamp|title|genres)=email"/);
  });

  it('the fix names no column when none fits', () => {
    const ws = makeWorkspace({ 'in.csv': 'ID,Anfangsdatum,Full name,Sectors,Notes\r\n1,03/11/2025 09:00:00,Ana Lima,Consulting,hi\r\n' });
    const r = runCli(['import', 'mentors', 'in.csv'], { cwd: ws });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no column looks like email: add --map "COLUMN=email"/);
    expect(r.stderr).not.toMatch(/--map "(ID|Anfangsdatum|Notes)=email"/);
  });

  it('the fix names the column whose answers are email addresses', () => {
    const ws = makeWorkspace({ 'in.csv': 'Timestamp,How can we reach you?,Full name,Sectors\r\n03/11/2025 09:00:00,ana@example.org,Ana Lima,Consulting\r\n' });
    const r = runCli(['import', 'mentors', 'in.csv'], { cwd: ws });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--map "How can we reach you?=email"');
  });

  it('every row rejected (ropensci_sample, no email): exits 1 after writing the rejects', () => {
    const ws = makeWorkspace();
    const r = runCli(['import', 'students', path.join(REAL, 'ropensci_sample.csv'), '--map', 'Q1=programme', '--map', 'Q2=sectors'], { cwd: ws });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nothing was imported: all 1 row was rejected/);
    expect(fs.existsSync(path.join(ws, 'out/rejects/ropensci_sample.rejects.csv'))).toBe(true);
  });

  it('Qualtrics 2016 layout with --strict: the ImportId row is a header, the 5 test responses are skipped', () => {
    const ws = makeWorkspace();
    const r = runCli(['import', 'students', path.join(REAL, 'ctesta01_Multiple_Answer_MC_Questions (Insights).csv'), '--strict', '--map', 'Q2_1=programme', '--map', 'Q2_2=sectors'], { cwd: ws });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/row 4: skipped, a Qualtrics test response/);
    expect(r.stderr).toMatch(/0 imported.*0 rejected.*5 preview\/test skipped/);
  });

  it('--map naming no column lists the columns compactly', () => {
    const ws = makeWorkspace();
    const r = runCli(['import', 'students', path.join(REAL, 'ctesta01_Questions_with_Text_Entry_Components.csv'), '--map', 'Q99=sectors'], { cwd: ws });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/"MCSA_single_text".* and \d+ more/);
    expect(r.stderr.length).toBeLessThan(1200);
  });

  it('a cross-file duplicate names the file and row of every submission (skoofer 1 and 2)', () => {
    const ws = makeWorkspace();
    const r = runCli(['import', 'students', path.join(REAL, 'skoofer_Category-1.xlsx'), path.join(REAL, 'skoofer_Category-2.xlsx'), '--map', 'Q2=programme', '--map', 'Q4=sectors'], { cwd: ws });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('duplicate: test1@test.com submitted 2 times; kept');
    expect(r.stderr).toMatch(/kept .*skoofer_Category-2\.xlsx row 2 \(2020-05-22T18:03:46\), dropped .*skoofer_Category-1\.xlsx row 2/);
    expect(stored(ws, 'students').map((p) => p.name)[0]).toBe('Person 7');
  });
});

describe('dates as the column shows them, and corrections replace', () => {
  const US = 'Timestamp,Email Address,Full name,Which MSc programme are you on?,Which sectors interest you?\r\n'
    + '5/9/2024 10:00:00,ana@example.org,Ana Lima,MSc European Political Economy,Consulting\r\n'
    + '3/4/2024 11:00:00,bo@example.org,Bo Chen,MSc European Political Economy,Law\r\n';

  it('a column that never settles the order is read by date_order with one warning; after the setting is fixed, importing again corrects it', () => {
    const ws = makeWorkspace({ 'us.csv': US });
    const first = runCli(['import', 'students', 'us.csv'], { cwd: ws });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr.match(/column "Timestamp": no date in it shows whether/g)).toHaveLength(1);
    expect(first.stderr).toMatch(/"date_order" setting \(DMY\)/);
    expect(stored(ws, 'students').map((p) => p.submitted_at)).toEqual(['2024-09-05T10:00:00', '2024-04-03T11:00:00']);
    const schemeFile = path.join(ws, 'scheme.json');
    fs.writeFileSync(schemeFile, fs.readFileSync(schemeFile, 'utf8').replace('"date_order": "DMY"', '"date_order": "MDY"'));
    const again = runCli(['import', 'students', 'us.csv', '--json'], { cwd: ws });
    expect(again.code, again.stderr).toBe(0);
    // 9 May now reads earlier than the stored 5 September: the same submission, so it replaces it.
    expect(json(again)).toMatchObject({ updated: 2, older: 0 });
    expect(stored(ws, 'students').map((p) => p.submitted_at)).toEqual(['2024-05-09T10:00:00', '2024-03-04T11:00:00']);
  });

  it('an earlier answer from another file is still kept out', () => {
    const ws = makeWorkspace({ 'us.csv': US, 'later.csv': US.replace('5/9/2024 10:00:00', '12/31/2024 10:00:00') });
    expect(runCli(['import', 'students', 'later.csv'], { cwd: ws }).code).toBe(0);
    const r = runCli(['import', 'students', 'us.csv', '--json'], { cwd: ws });
    expect(json(r).older).toBe(1);
  });

  it('a column showing both orders is an error naming a row of each', () => {
    const ws = makeWorkspace({ 'mixed.csv': `${US}13/05/2024 10:00:00,cy@example.org,Cy Diaz,MSc European Political Economy,Law\r\n05/13/2024 10:00:00,di@example.org,Di Eze,MSc European Political Economy,Law\r\n` });
    const r = runCli(['import', 'students', 'mixed.csv'], { cwd: ws });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/column "Timestamp" has dates written day first \(row 4: "13\/05\/2024 10:00:00"\) and month first \(row 5: "05\/13\/2024 10:00:00"\)/);
    expect(fs.existsSync(path.join(ws, 'data/students.csv')) && stored(ws, 'students').length).toBeFalsy();
  });
});

describe('a rejects file round-trips', () => {
  // Qualtrics, German labels: the email and the submission time are found by ImportId.
  const QUALTRICS = [
    'StartDate,RecordedDate,Status,RecipientEmail,RecipientFirstName,RecipientLastName,Q1,Q2',
    'Anfangsdatum,Erfassungsdatum,Antworttyp,E-Mail des Empfängers,Vorname des Empfängers,Nachname des Empfängers,Studiengang,Branchen',
    '"{""ImportId"":""startDate""}","{""ImportId"":""recordedDate""}","{""ImportId"":""status""}","{""ImportId"":""recipientEmail""}","{""ImportId"":""recipientFirstName""}","{""ImportId"":""recipientLastName""}","{""ImportId"":""QID1""}","{""ImportId"":""QID2""}"',
    '2025-11-03 09:00:00,2025-11-03 09:05:00,IP-Adresse,ana@example.org,Ana,Lima,MSc European Political Economy,"Consulting,Law"',
    '2025-11-03 10:00:00,2025-11-03 10:05:00,IP-Adresse,,Jörg,Maier,MSc European Political Economy,"Consulting,Law"',
  ].join('\r\n');

  it('records how to read it, re-imports with no options, keeps its name, and an edited one never blocks the original', () => {
    const ws = makeWorkspace({ 'export.csv': QUALTRICS });
    const maps = ['--map', 'Q1=programme', '--map', 'Q2=sectors'];
    const first = runCli(['import', 'students', 'export.csv', ...maps, '--json'], { cwd: ws });
    expect(first.code, first.stderr).toBe(0);
    expect(json(first)).toMatchObject({ imported: 1, rejected: 1 });
    const rel = 'out/rejects/export.rejects.csv';
    const text = fs.readFileSync(path.join(ws, rel), 'utf8').replace(/^\ufeff/, '');
    const [header, row] = parse(text) as string[][];
    expect(header).toContain('reject: layout');
    expect(row![header!.indexOf('reject: layout')]).toBe('qualtrics; lists joined by ","');
    expect(header).toEqual(expect.arrayContaining(['email', 'submitted_at', 'programme', 'sectors']));
    // The administrator fills in the missing email, in place, and imports the rejects file as it is.
    fs.writeFileSync(path.join(ws, rel), text.replace(',,Jörg', ',jorg@example.org,Jörg').replace(/(IP-Adresse,)(,)/, '$1jorg@example.org$2'));
    const fixed = runCli(['import', 'students', rel, '--json'], { cwd: ws });
    expect(fixed.code, fixed.stderr).toBe(0);
    expect(json(fixed)).toMatchObject({ imported: 1, rejected: 0 });
    const jorg = stored(ws, 'students').find((p) => p.email === 'jorg@example.org')!;
    expect(jorg).toMatchObject({ name: 'Jörg Maier', sectors: 'Consulting; Law', submitted_at: '2025-11-03T10:05:00', programme: 'MSc European Political Economy' });
    expect(fs.readdirSync(path.join(ws, 'out/rejects')).filter((f) => f.includes('rejects.rejects'))).toEqual([]);
    // Next week's download of the same export, with the row still unfixed at the source.
    const next = runCli(['import', 'students', 'export.csv', ...maps, '--json'], { cwd: ws });
    expect(next.code, next.stderr).toBe(0);
    const summary = json(next);
    expect(summary.rejectFiles).toEqual(['out/rejects/export-2.rejects.csv']);
    expect((summary.notes as string[]).join('\n')).toMatch(/out\/rejects\/export\.rejects\.csv was changed since mentorship wrote it, so it is kept as it is; .* are in out\/rejects\/export-2\.rejects\.csv/);
  });
});

describe('our own exports through the CLI (fixtures/real-like)', () => {
  it('Windows-1252 Google Sheets download', () => {
    const ws = makeWorkspace();
    const r = runCli(['import', 'students', path.join(FIXTURES, 'real-like/googlesheets-windows-1252.csv'), '--json'], { cwd: ws });
    expect(r.code, r.stderr).toBe(0);
    expect(stored(ws, 'students').map((p) => [p.name, p.submitted_at])).toEqual([['Chloé Lefèvre', '2025-11-03T09:15:42'], ['Seán O’Brien', '2025-11-14T16:40:05']]);
  });

  it('US Google Forms with an unknown option holding a comma: one warning naming the whole option', () => {
    const ws = makeWorkspace();
    const r = runCli(['import', 'students', path.join(FIXTURES, 'real-like/googleforms-us-comma-option.csv')], { cwd: ws });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/unknown sector "Arts, culture & heritage"/);
    expect(r.stderr).not.toMatch(/unknown sector "Arts"/);
  });
});

describe('Microsoft Forms open to people outside the organisation', () => {
  it('Email "anonymous" and Name blank in every row: the form\'s own questions are used, with a note', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Sheet1');
    sheet.addRow(['ID', 'Start time', 'Completion time', 'Email', 'Name', 'Your email address', 'Your full name', 'Which MSc programme are you on?', 'Which sectors interest you?']);
    sheet.addRow([1, new Date(Date.UTC(2025, 10, 3, 9)), new Date(Date.UTC(2025, 10, 3, 9, 5)), 'anonymous', null, 'Ana.Lima@example.org', 'Ana Lima', 'MSc European Political Economy', 'Consulting;Law;']);
    sheet.addRow([2, new Date(Date.UTC(2025, 10, 4, 9)), new Date(Date.UTC(2025, 10, 4, 9, 5)), 'anonymous', null, 'bo@example.org', 'Bo Chen', 'MSc European Political Economy', 'Law;']);
    const ws = makeWorkspace({ 'alumni.xlsx': Buffer.from(await wb.xlsx.writeBuffer()) });
    const r = runCli(['import', 'students', 'alumni.xlsx'], { cwd: ws });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/"anonymous" in Email .* using the form's own questions "Your email address" for email and "Your full name" for name/);
    expect(stored(ws, 'students').map((p) => [p.email, p.name, p.sectors, p.submitted_at])).toEqual([
      ['ana.lima@example.org', 'Ana Lima', 'Consulting; Law', '2025-11-03T09:05:00'],
      ['bo@example.org', 'Bo Chen', 'Law', '2025-11-04T09:05:00'],
    ]);
  });
});

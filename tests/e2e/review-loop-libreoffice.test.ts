// The review loop through a real spreadsheet program: LibreOffice opens out/match-review.xlsx, the
// decisions are typed, and it saves the sheet as XLSX and as a Windows-1252 ";" CSV, the way a
// continental Excel would. `confirm` must read both to the same result.
// LibreOffice is required (CI installs libreoffice-calc-nogui); without it this test fails.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { FIXTURES, makeWorkspace, runCli, tempDir } from '../helpers/cli.js';

const CSV_FILTER = 'Text - txt - csv (StarCalc)';
// Field separator ";" (59), text delimiter '"' (34), then the character set: 76 UTF-8, 1 Windows-1252.
const UTF8_SEMICOLON = `${CSV_FILTER}:59,34,76,1`;
const CP1252_SEMICOLON = `${CSV_FILTER}:59,34,1,1`;

function soffice(): string | null {
  const r = spawnSync('sh', ['-c', 'command -v soffice || command -v libreoffice'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim().split('\n')[0]! : null;
}

/** One conversion in its own LibreOffice profile, so parallel runs never fight over a lock. */
function convert(bin: string, input: string, to: string, outDir: string, infilter?: string): string {
  const profile = tempDir('lo-profile-');
  fs.mkdirSync(outDir, { recursive: true });
  const args = [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore'];
  if (infilter) args.push(`--infilter=${infilter}`);
  args.push('--convert-to', to, '--outdir', outDir, input);
  const r = spawnSync(bin, args, { encoding: 'utf8', timeout: 120_000 });
  const ext = to.split(':')[0]!;
  const out = path.join(outDir, `${path.basename(input, path.extname(input))}.${ext}`);
  if (!fs.existsSync(out)) throw new Error(`soffice did not convert ${input} to ${to}: ${r.stderr || r.stdout}`);
  fs.rmSync(profile, { recursive: true, force: true });
  return out;
}

describe('the review loop through LibreOffice', () => {
  it('confirms the same decisions from a LibreOffice XLSX and a Windows-1252 ";" CSV', () => {
    const bin = soffice();
    if (!bin) throw new Error('LibreOffice (soffice) is not installed: this test needs it. Install it with: apt-get install libreoffice-calc-nogui');

    const ws = makeWorkspace();
    expect(runCli(['import', 'students', path.join(FIXTURES, 'students-msforms.xlsx')], { cwd: ws }).code).toBe(0);
    expect(runCli(['import', 'mentors', path.join(FIXTURES, 'mentors-googleforms.csv')], { cwd: ws }).code).toBe(0);
    expect(runCli(['match'], { cwd: ws }).code).toBe(0);

    const work = tempDir('lo-review-');
    const exported = convert(bin, path.join(ws, 'out/match-review.xlsx'), `csv:${UTF8_SEMICOLON}`, path.join(work, 'exported'));
    const rows = parse(fs.readFileSync(exported, 'utf8'), { delimiter: ';', bom: true, relax_column_count: true }) as string[][];
    const header = rows[0]!;
    const col = (name: string) => header.indexOf(name);
    expect(col('decision')).toBe(0);
    const zoeRow = rows.find((r) => r[col('student_email')] === 'zoe.obrien@lse.ac.uk')!;
    expect(zoeRow[col('student_name')]).toBe("Zoë O'Brien");

    // Zoë approved, the next student rejected, the one after moved to their first alternative.
    const data = rows.slice(1);
    const approve = data.indexOf(zoeRow);
    const reject = approve === 0 ? 1 : 0;
    const reassign = data.findIndex((r, i) => i !== approve && i !== reject && r[col('alternatives')]);
    const target = data[reassign]![col('alternatives')]!.split(' (')[0]!;
    data[approve]![0] = 'approve';
    data[reject]![0] = 'Reject';
    data[reassign]![0] = target;
    const edited = path.join(work, 'edited', 'reviewed.csv');
    fs.mkdirSync(path.dirname(edited), { recursive: true });
    fs.writeFileSync(edited, stringify([header, ...data], { delimiter: ';' }));

    const xlsx = convert(bin, edited, 'xlsx', path.join(work, 'xlsx'), UTF8_SEMICOLON);
    const cp1252 = convert(bin, edited, `csv:${CP1252_SEMICOLON}`, path.join(work, 'cp1252'), UTF8_SEMICOLON);
    const bytes = fs.readFileSync(cp1252);
    expect(bytes.includes(Buffer.from("Zo\xeb O'Brien", 'latin1'))).toBe(true); // ë as the single byte 0xEB
    expect(bytes.includes(Buffer.from('Zoë', 'utf8'))).toBe(false);

    const twin = `${ws}-twin`;
    fs.cpSync(ws, twin, { recursive: true });
    const fromXlsx = runCli(['confirm', xlsx], { cwd: ws });
    expect(fromXlsx.stderr).toContain('1 approved, 1 rejected, 1 reassigned');
    expect(fromXlsx.code).toBe(0);
    const fromCsv = runCli(['confirm', cp1252], { cwd: twin });
    expect(fromCsv.stderr).toContain('1 approved, 1 rejected, 1 reassigned');
    expect(fromCsv.code).toBe(0);
    for (const f of ['data/matches.csv', 'data/exclusions.csv']) {
      expect(fs.readFileSync(path.join(twin, f), 'utf8')).toBe(fs.readFileSync(path.join(ws, f), 'utf8'));
    }
    const matches = fs.readFileSync(path.join(ws, 'data/matches.csv'), 'utf8');
    expect(matches).toMatch(new RegExp(`zoe\\.obrien@lse\\.ac\\.uk,${zoeRow[col('mentor_email')]!.replace(/\./g, '\\.')},confirmed`));
    expect(matches).toContain(`${data[reassign]![col('student_email')]},${target},confirmed`);
    expect(fs.readFileSync(path.join(ws, 'data/exclusions.csv'), 'utf8')).toContain(`${data[reject]![col('student_email')]},${data[reject]![col('mentor_email')]}`);

    // The rejected student is proposed someone else on the next run.
    expect(runCli(['match'], { cwd: ws }).code).toBe(0);
    const again = fs.readFileSync(path.join(ws, 'data/matches.csv'), 'utf8');
    const line = again.split('\r\n').find((l) => l.startsWith(`${data[reject]![col('student_email')]},`))!;
    expect(line).toContain(',proposed,');
    expect(line).not.toContain(data[reject]![col('mentor_email')]!);
  }, 300_000);
});

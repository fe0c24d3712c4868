import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { FIXTURES, makeWorkspace, runCli } from '../helpers/cli.js';
import { keyCount, nonCamelKeys } from '../helpers/json-keys.js';

describe('mentorship report supply', () => {
  it('tells the administrator whom to recruit, in the terminal, CSV and XLSX', async () => {
    const ws = makeWorkspace();
    expect(runCli(['import', 'students', path.join(FIXTURES, 'students-msforms.xlsx')], { cwd: ws }).code).toBe(0);
    expect(runCli(['import', 'mentors', path.join(FIXTURES, 'mentors-googleforms.csv')], { cwd: ws }).code).toBe(0);
    const r = runCli(['report', 'supply'], { cwd: ws });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^sector\s+students\s+mentors\s+places\s+shortfall$/m);
    expect(r.stdout).toMatch(/^Consulting\s+\d+\s+\d+\s+\d+\s+[1-9]\d*$/m);
    expect(r.stderr).toMatch(/149 students; 78 available mentors offering \d+ places \(1 mentor\(s\) unavailable for the whole programme not counted\)/);
    expect(r.stderr).toMatch(/Recruit mentors for: Consulting \(short \d+\)/);
    const csv = fs.readFileSync(path.join(ws, 'out/reports/supply.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toBe('\uFEFFkind,value,"students asking","mentors offering","mentor places",shortfall,note');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(ws, 'out/reports/supply.xlsx'));
    const sheet = wb.getWorksheet('Supply')!;
    expect(sheet.getCell('B2').value).toBe('Consulting');
    expect(typeof sheet.getCell('C2').value).toBe('number');
    const json = JSON.parse(runCli(['report', 'supply', '--json'], { cwd: ws }).stdout);
    expect(json.result.rows.find((x: { value: string }) => x.value === 'Consulting').shortfall).toBeGreaterThan(0);
    expect(json).toMatchObject({ command: 'report supply', dryRun: false, result: { files: ['out/reports/supply.csv', 'out/reports/supply.xlsx'] } });
    expect(json.changes.map((c: { path: string }) => c.path)).toEqual(['out/reports/supply.csv', 'out/reports/supply.xlsx']);
    expect(json.messages[0].text).toMatch(/^149 students; 78 available mentors/);
    expect(keyCount(json)).toBeGreaterThan(20);
    expect(nonCamelKeys(json)).toEqual([]);
  });
});

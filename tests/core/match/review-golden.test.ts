// The review sheet, cell by cell, for a small fixed workspace. UPDATE_GOLDEN=1 rewrites the golden
// file after a deliberate change; review the diff before committing it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { toXlsx } from '../../../src/io/xlsx-write.js';
import { unmatchedOf } from '../../../src/core/match/explain.js';
import { buildProblem, solve } from '../../../src/core/match/plan.js';
import { reviewSheets } from '../../../src/core/match/review.js';
import { makeExclusion, makeMatch, makeMentor, makeScheme, makeStudent } from './builders.js';

const GOLDEN = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../golden/match-review/review.json');

function fixedWorkspace() {
  const zoe = makeStudent({ email: 'zoe.obrien@lse.ac.uk', name: "Zoë O'Brien", programme: 'MSc Conflict Studies', sectors: ['Consulting', 'Law'], support_areas: ['Interviews', 'Networking'], meeting_preference: 'in-person' });
  const sam = makeStudent({ email: 'sam.taylor@lse.ac.uk', name: '=Sam Taylor', programme: 'MSc European Political Economy', sectors: ['Finance & Banking'], support_areas: [], country: 'Belgium', city: 'Brussels' });
  const ana = makeStudent({ email: 'ana.popescu@lse.ac.uk', name: 'Ana-Maria Popescu', programme: 'MSc European Studies (Research)', sectors: ['Law'], support_areas: ['Job search'] });
  const tom = makeStudent({ email: 'tom.reed@lse.ac.uk', name: 'Tom Reed', sectors: ['Technology'] });
  const kim = makeStudent({ email: 'kim.lee@lse.ac.uk', name: 'Kim Lee', sectors: ['Law'] });
  const jane = makeMentor({ email: 'jane.doe@alumni.example', name: 'Jane Doe', courses: ['MSc Conflict Studies'], sectors: ['Consulting', 'Law'], support_areas: ['Interviews'], capacity: 2, job_role: 'Partner' });
  const omar = makeMentor({ email: 'omar.haddad@alumni.example', name: 'Omar Haddad', courses: ['MSc Political Economy of Europe'], sectors: ['Finance & Banking', 'Law'], support_areas: ['Networking', 'Job search'], country: 'Belgium', city: 'Brussels', meeting_preference: 'online', job_role: 'Economist' });
  const raj = makeMentor({ email: 'raj.patel@alumni.example', name: 'Raj Patel', courses: [], sectors: ['Technology', 'Consulting'], support_areas: ['Interviews', 'Job search'], capacity: 3, job_role: 'Engineer' });
  const eve = makeStudent({ email: 'eve.adams@lse.ac.uk', name: 'Eve Adams', sectors: ['Finance & Banking'] });
  const finn = makeStudent({ email: 'finn.walsh@lse.ac.uk', name: 'Finn Walsh', sectors: ['Law'] });
  const gus = makeStudent({ email: 'gus.byrne@lse.ac.uk', name: 'Gus Byrne', sectors: ['Law'] });
  const lea = makeMentor({ email: 'lea.martin@alumni.example', name: 'Léa Martin', courses: ['MSc Global Europe: Culture and Conflict'], sectors: ['Law', 'EU Institutions'], support_areas: ['Job search'], country: 'France', city: 'Paris', capacity: 2, job_role: 'Lawyer' });
  return {
    students: [zoe, sam, ana, tom, kim, eve, finn, gus],
    mentors: [jane, omar, lea, raj],
    matches: [makeMatch(kim, lea)],
    // Eve and Finn can only have Omar (one place); Gus can have nobody.
    exclusions: [jane, lea, raj].flatMap((m) => [makeExclusion(eve, m), makeExclusion(finn, m), makeExclusion(gus, m)]).concat(makeExclusion(gus, omar), makeExclusion(tom, jane)),
    scheme: makeScheme(),
  };
}

type Cell = string | number | null;

async function readBack(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const rows: Cell[][] = [];
    ws.eachRow({ includeEmpty: true }, (row) => {
      const cells: Cell[] = [];
      for (let c = 1; c <= ws.columnCount; c++) {
        const v = row.getCell(c).value;
        cells.push(v === null || v === undefined ? null : typeof v === 'number' || typeof v === 'string' ? v : JSON.stringify(v));
      }
      rows.push(cells);
    });
    return { name: ws.name, rows };
  });
}

describe('the review sheet', () => {
  it('matches the golden cell values', async () => {
    const solved = solve(buildProblem(fixedWorkspace()), { fair: false, alternatives: 3 });
    const bytes = await toXlsx(reviewSheets(solved, unmatchedOf(solved)), new Date('2025-11-25T09:00:00Z'));
    const sheets = await readBack(bytes);
    if (process.env.UPDATE_GOLDEN === '1') {
      fs.mkdirSync(path.dirname(GOLDEN), { recursive: true });
      fs.writeFileSync(GOLDEN, `${JSON.stringify(sheets, null, 1)}\n`);
    }
    expect(sheets).toEqual(JSON.parse(fs.readFileSync(GOLDEN, 'utf8')));
  });

  it('is the same sheet for the same rows', async () => {
    const a = solve(buildProblem(fixedWorkspace()), { fair: false, alternatives: 3 });
    const when = new Date('2025-11-25T09:00:00Z');
    const first = await readBack(await toXlsx(reviewSheets(a, unmatchedOf(a)), when));
    const second = await readBack(await toXlsx(reviewSheets(a, unmatchedOf(a)), when));
    expect(second).toEqual(first);
  });

  it('keeps text as text, freezes and filters the header, and offers the decision drop-down', async () => {
    const solved = solve(buildProblem(fixedWorkspace()), { fair: false, alternatives: 3 });
    const bytes = await toXlsx(reviewSheets(solved, unmatchedOf(solved)), new Date('2025-11-25T09:00:00Z'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const review = wb.getWorksheet('Review')!;
    expect(review.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(review.autoFilter).toBeTruthy();
    expect(review.getCell('A1').font?.bold).toBe(true);
    const samRow = [...Array(review.rowCount).keys()].map((i) => review.getRow(i + 1)).find((r) => r.getCell(3).value === 'sam.taylor@lse.ac.uk')!;
    expect(samRow.getCell(2).value).toBe('=Sam Taylor'); // a string, not a formula
    const validation = review.getCell('A2').dataValidation;
    expect(validation).toMatchObject({ type: 'list', formulae: ['"approve,reject"'] });
    // Absent means false in OOXML: typing a mentor's email (not in the list) is allowed.
    expect(validation?.showErrorMessage ?? false).toBe(false);
    expect(review.getCell(`A${review.rowCount}`).dataValidation).toMatchObject({ type: 'list' });
    expect(review.getCell('S2').numFmt).toBe('0'); // capacity, an integer
    expect(review.getCell('U2').numFmt).toBe('0.##'); // score
    expect(review.getCell('A2').numFmt).toBe('@'); // decision: typed emails stay text
  });
});

// Every kind of import writes each input file's rejected rows to a rejects file of its own: two
// inputs of one name in different folders, names that only differ in a character the file name
// cannot keep ("a b" and "a_b"), or only in case (one file on Windows and macOS) never share one.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { rejectsNames } from '../../src/commands/import/rejects.js';
import { makeWorkspace, runCli } from '../helpers/cli.js';
import { smallCohort } from '../core/followup/builders.js';

const HEADER = 'email,name,programme,sectors';
const student = (email: string) => `${email},Student ${email[0]},MSc European and International Public Policy,Consulting`;

/** The rows of a rejects file (its header row left out), by the email in the row. */
function rejectedEmails(ws: string, rel: string): string[] {
  const records = parse(fs.readFileSync(path.join(ws, rel), 'utf8').slice(1)) as string[][];
  const at = records[0]!.findIndex((h) => /^e-?mail/i.test(h));
  return records.slice(1).map((r) => r[at]!);
}

function listRejects(ws: string): string[] {
  const dir = path.join(ws, 'out/rejects');
  return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
}

describe('rejects files', () => {
  it('import meetings a/x.csv b/x.csv: each file its own rejects file, no row lost', () => {
    const checkin = (who: string) => `Timestamp,Email Address,Which meeting are you reporting?,Date of the meeting\r\n20/01/2026 10:00:00,${who},Meeting 1,19/01/2026\r\n`;
    const ws = makeWorkspace({ ...smallCohort().files, 'a/x.csv': checkin('stranger.a@example.com'), 'b/x.csv': checkin('stranger.b@example.com') });
    const r = runCli(['import', 'meetings', 'a/x.csv', 'b/x.csv', '--json'], { cwd: ws, env: { MENTORSHIP_TODAY: '2026-02-01' } });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).result.rejectFiles).toEqual(['out/rejects/meetings-x.rejects.csv', 'out/rejects/meetings-x-2.rejects.csv']);
    expect(listRejects(ws)).toEqual(['meetings-x-2.rejects.csv', 'meetings-x.rejects.csv']);
    expect(rejectedEmails(ws, 'out/rejects/meetings-x.rejects.csv')).toEqual(['stranger.a@example.com']);
    expect(rejectedEmails(ws, 'out/rejects/meetings-x-2.rejects.csv')).toEqual(['stranger.b@example.com']);
  });

  it('import feedback a/x.csv b/x.csv: the same', () => {
    const survey = (who: string) => `Timestamp,Email Address,How useful was the scheme?\r\n20/05/2026 10:00:00,${who},5\r\n`;
    const ws = makeWorkspace({ ...smallCohort().files, 'a/x.csv': survey('stranger.a@example.com'), 'b/x.csv': survey('stranger.b@example.com') });
    const survey0 = JSON.parse(fs.readFileSync(path.join(ws, 'scheme.json'), 'utf8')).surveys as Record<string, unknown>;
    const r = runCli(['import', 'feedback', 'a/x.csv', 'b/x.csv', '--survey', Object.keys(survey0)[0]!], { cwd: ws, env: { MENTORSHIP_TODAY: '2026-06-01' } });
    expect(r.code, r.stderr).toBe(0);
    expect(listRejects(ws)).toEqual(['feedback-x-2.rejects.csv', 'feedback-x.rejects.csv']);
    expect(rejectedEmails(ws, 'out/rejects/feedback-x.rejects.csv')).toEqual(['stranger.a@example.com']);
    expect(rejectedEmails(ws, 'out/rejects/feedback-x-2.rejects.csv')).toEqual(['stranger.b@example.com']);
  });

  it.each([
    { kind: 'students', names: ['a b.csv', 'a_b.csv'], expected: ['a_b-2.rejects.csv', 'a_b.rejects.csv'] },
    { kind: 'mentors', names: ['A.csv', 'a.csv'], expected: ['A.rejects.csv', 'a-2.rejects.csv'] },
    { kind: 'students', names: ['one/students.csv', 'two/students.csv', 'students-2.csv'], expected: ['students-2-2.rejects.csv', 'students-2.rejects.csv', 'students.rejects.csv'] },
  ])('import $kind $names: one rejects file each, whatever the file system folds together', ({ kind, names, expected }) => {
    const files: Record<string, string> = {};
    names.forEach((n, i) => {
      files[n] = `${HEADER}\r\n${student(`ok${i}@lse.ac.uk`)}\r\nnot-an-email-${i},Bad ${i},MSc European and International Public Policy,Consulting\r\n`;
    });
    const header = kind === 'mentors' ? 'email,name,sectors' : HEADER;
    if (kind === 'mentors') names.forEach((n, i) => (files[n] = `${header}\r\nok${i}@example.org,Mentor ${i},Consulting\r\nnot-an-email-${i},Bad ${i},Consulting\r\n`));
    const ws = makeWorkspace(files);
    const r = runCli(['import', kind, ...names], { cwd: ws });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`${names.length} rejected`);
    expect(listRejects(ws)).toEqual(expected);
    // Each input's rejected row is in exactly one rejects file, and no two files hold the same row.
    const all = expected.flatMap((f) => rejectedEmails(ws, `out/rejects/${f}`)).sort();
    expect(all).toEqual(names.map((_, i) => `not-an-email-${i}`).sort());
    // Names that one case-insensitive file system would take for one file are not used twice.
    expect(new Set(expected.map((f) => f.toLowerCase())).size).toBe(expected.length);
  });
});

describe('rejectsNames', () => {
  it('gives each file a name of its own, in the order given, the kind first for meetings and feedback', () => {
    expect([...rejectsNames('meetings', ['a/x.csv', 'b/x.csv', 'X.csv', 'meetings-jan.csv']).values()]).toEqual([
      'out/rejects/meetings-x.rejects.csv', 'out/rejects/meetings-x-2.rejects.csv', 'out/rejects/meetings-X-3.rejects.csv', 'out/rejects/meetings-jan.rejects.csv',
    ]);
    // "é" composed and decomposed is one name on macOS.
    expect([...rejectsNames('students', ['caf\u00e9.csv', 'cafe\u0301.csv']).values()]).toEqual([
      'out/rejects/caf\u00e9.rejects.csv', 'out/rejects/caf\u00e9-2.rejects.csv',
    ]);
  });
});

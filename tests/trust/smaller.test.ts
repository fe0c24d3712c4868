// Issue 18 item 10, the smaller ones, each with its family:
//   - names typed on the command line that are also properties of every JavaScript object
//     (--survey constructor, toString, __proto__) were taken as survey names;
//   - {{#with mentor as |m|}}{{m.employer}}{{/with}} passed the template field check (SPEC 7);
//   - a hand-edited meeting number of 99999999999999999999 was read back silently.
// (The rejects-file name collisions of item 10 are tested in tests/e2e/import-rejects.test.ts.)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileTemplate } from '../../src/core/email/template.js';
import { templateSpec } from '../../src/core/email/contexts.js';
import { defaultScheme } from '../../src/core/scheme/defaults.js';
import { parseScheme, type Scheme } from '../../src/core/scheme/schema.js';
import { cleanup, expectCleanFailure, expectUnchanged, freshWorkspace, runIn, snapshot, tempRoot } from './inproc.js';

const OBJECT_NAMES = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', '__defineGetter__', '__lookupGetter__'];

function scheme(): Scheme {
  const r = parseScheme(defaultScheme());
  if (!r.ok) throw new Error('the default scheme is refused');
  return r.scheme;
}

describe('template field check: every way of reaching a field not permitted fails', () => {
  const compile = (body: string) =>
    compileTemplate(`---\nto: {{recipient.name}} <{{recipient.email}}>\nsubject: Hi\n---\n${body}\n`, {
      name: 'intro-student',
      file: 'templates/intro-student.hbs',
      scheme: scheme(),
      spec: templateSpec('intro-student'),
    });

  it.each([
    '{{#with mentor as |m|}}{{m.employer}}{{/with}}',
    '{{#with mentor}}{{employer}}{{/with}}',
    '{{#with mentor}}{{this.employer}}{{/with}}',
    '{{#with mentor}}{{#if employer}}x{{/if}}{{/with}}',
    '{{#with mentor as |m|}}{{#if m.city}}x{{/if}}{{/with}}',
    '{{#with mentor as |m|}}{{#with m as |n|}}{{n.employer}}{{/with}}{{/with}}',
    '{{#with mentor as |m|}}{{#each m.courses}}{{../m.capacity}}{{/each}}{{/with}}',
    '{{#with mentor}}{{../mentor.employer}}{{/with}}',
    '{{@root.mentor.employer}}',
    '{{#with recipient}}{{../mentor.city}}{{/with}}',
    '{{#each mentor.courses}}{{@root.mentor.unavailable}}{{/each}}',
    '{{#if mentor.name}}{{#with mentor as |x|}}{{join x.sectors}}{{/with}}{{/if}}',
    '{{#unless mentor.name}}{{else}}{{#with mentor as |m|}}{{m.share_bio}}{{/with}}{{/unless}}',
  ])('%s', (body) => {
    expect(() => compile(body)).toThrow(/which the sharing policy does not permit|which is not a mentor field the sharing policy permits/);
  });

  it.each([
    ['{{#with mentor as |m|}}{{m.name}} ({{m.job_role}}){{/with}}', 'Ann Lee (Analyst)'],
    ['{{#with mentor}}{{name}}{{/with}}', 'Ann Lee'],
    ['{{#with recipient as |mentor|}}{{mentor.name}}{{/with}}', 'Zoë'],
    ['{{#each mentor.courses as |c|}}{{c}};{{/each}}', 'MSc A;'],
  ])('what is permitted still renders: %s', (body, expected) => {
    const t = compile(body);
    const out = t.render({
      recipient: { name: 'Zoë', email: 'z@lse.ac.uk', first_name: 'Zoë' },
      mentor: { name: 'Ann Lee', email: 'a@b.co', courses: ['MSc A'], graduation_year: '2015', country: 'UK', job_role: 'Analyst', bio: '', linkedin: '' },
      scheme: { name: 'S', contact_email: 'ei.alumni@lse.ac.uk' },
    });
    expect(out.text.trim()).toBe(expected);
  });
});

describe('in a workspace', () => {
  let root = '';
  let ws = '';

  beforeAll(async () => {
    root = tempRoot('trust-smaller-');
    ws = await freshWorkspace(root);
    fs.writeFileSync(path.join(root, 's.csv'), 'email,name,programme,sectors\ns@lse.ac.uk,S One,MSc Conflict Studies,Consulting\n');
    fs.writeFileSync(path.join(root, 'm.csv'), 'email,name,sectors\nm@example.com,M One,Consulting\n');
    fs.writeFileSync(path.join(root, 'feedback.csv'), 'email,How useful was it?\ns@lse.ac.uk,Very\n');
    for (const args of [['import', 'students', path.join(root, 's.csv')], ['import', 'mentors', path.join(root, 'm.csv')], ['match'], ['confirm', '--all']]) {
      const r = await runIn([...args, '--workspace', ws, '--yes'], ws);
      expect(r.code, r.stderr).toBe(0);
    }
  }, 120_000);

  afterAll(() => cleanup(root));

  it.each(OBJECT_NAMES)('--survey %s is not a survey: emails feedback and import feedback refuse it, writing nothing', async (name) => {
    const before = snapshot(ws);
    for (const args of [['emails', 'feedback', '--survey', name], ['import', 'feedback', path.join(root, 'feedback.csv'), '--survey', name]]) {
      const r = await runIn([...args, '--workspace', ws, '--yes'], ws, { MENTORSHIP_TODAY: '2026-05-20' });
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
      expectCleanFailure(r, args.join(' '));
      expect(r.stderr).toContain(`there is no survey "${name}"`);
    }
    expectUnchanged(before, ws, `--survey ${name}`);
  });

  it.each(['99999999999999999999', '9007199254740993', '4', '0', '-1', '1.5', '1e3', 'two', '0x2'])('a hand-edited meeting number %s is a data error naming the file, row and column', async (n) => {
    const file = path.join(ws, 'data', 'meetings.csv');
    fs.writeFileSync(file, `\uFEFFstudent_email,mentor_email,meeting,date,source\r\ns@lse.ac.uk,m@example.com,1,2026-01-20,checkin\r\ns@lse.ac.uk,m@example.com,${n},2026-02-20,checkin\r\n`);
    try {
      const r = await runIn(['report', 'chase', '--workspace', ws, '--yes'], ws, { MENTORSHIP_TODAY: '2026-03-20' });
      expect(r.code, r.stderr).toBe(1);
      expectCleanFailure(r, `meeting ${n}`);
      expect(r.stderr).toMatch(/data\/meetings\.csv.*row 3.*meeting/);
      expect(r.stderr).toMatch(/must be (a whole number|from 1 to 3)/);
    } finally {
      fs.rmSync(file);
    }
  });

  it('meeting numbers 1, 2 and 3 are read as they are', async () => {
    const file = path.join(ws, 'data', 'meetings.csv');
    fs.writeFileSync(file, `\uFEFFstudent_email,mentor_email,meeting,date,source\r\n${[1, 2, 3].map((m) => `s@lse.ac.uk,m@example.com,${m},2026-0${m}-20,checkin`).join('\r\n')}\r\n`);
    try {
      const r = await runIn(['report', 'chase', '--workspace', ws, '--yes'], ws, { MENTORSHIP_TODAY: '2026-03-20' });
      expect(r.code, r.stderr).toBe(0);
    } finally {
      fs.rmSync(file);
    }
  });
});

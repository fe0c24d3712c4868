import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../../src/errors.js';
import {
  chaseContext,
  feedbackContext,
  introMentorContext,
  introStudentContext,
  TEMPLATE_NAMES,
  withdrawalContext,
  templateSpec,
} from '../../../src/core/email/contexts.js';
import { compileTemplate, formatDate, parseFrontMatter } from '../../../src/core/email/template.js';
import { mentor, scheme, student } from '../policy/builders.js';

const REPO = path.resolve(import.meta.dirname, '../../..');
const S = scheme();

function tpl(name: string, body: string, front = 'to: {{recipient.name}} <{{recipient.email}}>\nsubject: Hello') {
  return compileTemplate(`---\n${front}\n---\n${body}`, { name, file: `templates/${name}.hbs`, scheme: S, spec: templateSpec(name) });
}

function failure(fn: () => unknown): DataError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(DataError);
    return err as DataError;
  }
  throw new Error('expected a DataError');
}

const introForStudent = () => introStudentContext(S, student(), mentor());

describe('the sharing policy in templates', () => {
  it('refuses a mentor field the policy does not permit, naming it', () => {
    const err = failure(() => tpl('intro-student', 'Your mentor works at {{mentor.employer}}.'));
    expect(err.message).toContain('template intro-student uses "mentor.employer", which the sharing policy does not permit (scheme.json sharing.to_student)');
    expect(err.where.file).toBe('templates/intro-student.hbs');
  });

  it('refuses a student field the policy does not permit, naming it', () => {
    const err = failure(() => tpl('intro-mentor', 'Your student lives in {{student.city}}.'));
    expect(err.message).toContain('template intro-mentor uses "student.city", which the sharing policy does not permit (scheme.json sharing.to_mentor)');
  });

  it.each([
    ['{{#if mentor.employer}}x{{/if}}', 'in a condition'],
    ['{{join mentor.employer}}', 'as a helper argument'],
    ['{{#with mentor}}{{../mentor.employer}}{{/with}}', 'from an inner block'],
    ['{{@root.mentor.employer}}', 'through @root'],
    ['{{#if false}}{{mentor.employer}}{{/if}}', 'in a branch never taken'],
    ['{{mentor.employer.length}}', 'deeper in the path'],
  ])('refuses it %s (%s)', (body) => {
    expect(failure(() => tpl('intro-student', body)).message).toContain('"mentor.employer"');
  });

  it('refuses it in the subject and the address lines too', () => {
    expect(failure(() => tpl('intro-student', 'x', 'to: {{recipient.email}}\nsubject: {{mentor.employer}}')).message).toContain('"mentor.employer"');
    expect(failure(() => tpl('intro-student', 'x', 'to: {{mentor.city}} <{{recipient.email}}>\nsubject: s')).message).toContain('"mentor.city"');
  });

  it('says when a partner field does not exist at all', () => {
    expect(failure(() => tpl('intro-student', '{{mentor.salary}}')).message).toContain('"mentor.salary", which is not a mentor field the sharing policy permits');
  });

  it('gives the line in the file', () => {
    expect(failure(() => tpl('intro-student', 'Hello\n\n{{mentor.employer}}')).message).toContain('(line 7)');
  });

  it('follows the policy in scheme.json: a field it drops fails the default template', () => {
    const strict = scheme((raw) => {
      raw.sharing.to_student = ['name', 'email', 'courses', 'graduation_year', 'country', 'bio', 'linkedin'];
    });
    const source = fs.readFileSync(path.join(REPO, 'templates/intro-student.hbs'), 'utf8');
    const err = failure(() => compileTemplate(source, { name: 'intro-student', file: 'templates/intro-student.hbs', scheme: strict, spec: templateSpec('intro-student') }));
    expect(err.message).toContain('"mentor.job_role"');
  });

  it('lets a template iterate the partner: it sees only the projection', () => {
    const t = tpl('intro-student', '{{#each mentor}}{{@key}}={{this}}\n{{/each}}');
    const text = t.render(introStudentContext(S, student(), mentor({ share_bio: false }))).text;
    expect(text).toContain('job_role=Senior Consultant');
    expect(text).toContain('bio=\n');
    expect(text).not.toMatch(/employer|Deloitte|Brussels|capacity/);
    expect(t.partnerFields.mentor).toEqual(['name', 'email', 'courses', 'graduation_year', 'country', 'job_role', 'bio', 'linkedin']);
  });

  it('records which partner fields a template uses', () => {
    expect(tpl('intro-student', '{{mentor.name}} {{#if mentor.bio}}{{mentor.bio}}{{/if}}').partnerFields).toEqual({ mentor: ['name', 'bio'] });
  });
});

describe('strict rendering', () => {
  it('fails on an unknown variable, naming it and the template file', () => {
    const t = tpl('intro-student', 'Dear {{recipient.nickname}}');
    const err = failure(() => t.render(introForStudent()));
    expect(err.message).toContain('template intro-student uses "nickname"');
    expect(err.where.file).toBe('templates/intro-student.hbs');
  });

  it.each([
    ['{{lookup mentor "employer"}}', 'lookup'],
    ['{{log mentor}}', 'log'],
    ['{{#each (lookup mentor "x")}}{{/each}}', 'lookup'],
    ['{{> footer}}', 'partial'],
  ])('allows only the registered helpers: %s', (body, what) => {
    expect(failure(() => tpl('intro-student', body)).message).toContain(what);
  });

  it('reports a syntax error with the line in the file', () => {
    const err = failure(() => tpl('intro-student', 'a\n{{#if recipient.name}}\nno end'));
    expect(err.message).toMatch(/^template intro-student, Parse error on line 8: .*got 'EOF'/);
  });
});

describe('participants’ text', () => {
  const hostile = mentor({
    name: 'Ann {{scheme.name}} Lee',
    bio: 'I <script>alert("x")</script> & {{recipient.email}} {{#each this}}x{{/each}}\n\n- not a list of yours',
  });

  it('stays inert: "{{" is printed, never compiled', () => {
    const e = tpl('intro-student', '{{mentor.name}}\n\n{{mentor.bio}}').render(introStudentContext(S, student(), hostile));
    expect(e.text).toContain('Ann {{scheme.name}} Lee');
    expect(e.text).toContain('{{recipient.email}} {{#each this}}x{{/each}}');
    expect(e.html).toContain('{{recipient.email}}');
  });

  it('is escaped in the HTML part and verbatim in the plain text', () => {
    const e = tpl('intro-student', '{{mentor.bio}}').render(introStudentContext(S, student(), hostile));
    expect(e.text).toContain('I <script>alert("x")</script> & ');
    expect(e.html).not.toContain('<script>');
    expect(e.html).toContain('I &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; ');
  });

  it('cannot add a header line or a recipient', () => {
    const evil = student({ name: 'Eve\r\nBcc: evil@example.com; Mallory <mallory@example.com>, x' });
    const e = tpl('intro-mentor', 'x', 'to: {{student.name}} <{{recipient.email}}>\ncc: {{scheme.contact_email}}\nsubject: About {{student.name}}').render(
      introMentorContext(S, evil, mentor()),
    );
    expect(e.to).toEqual([{ name: 'Eve Bcc: evil@example.com; Mallory <mallory@example.com>, x', address: 'ann.lee@alumni.example.org' }]);
    expect(e.cc).toEqual([{ name: '', address: 'ei.alumni@lse.ac.uk' }]);
    expect(e.subject).toBe('About Eve Bcc: evil@example.com; Mallory <mallory@example.com>, x');
  });

  it('splits recipient lists only where the template says', () => {
    const e = tpl('intro-student', 'x', 'to: {{recipient.name}} <{{recipient.email}}>\ncc: {{scheme.contact_email}}; Mentor <{{mentor.email}}>\nsubject: s').render(introForStudent());
    expect(e.cc.map((m) => m.address)).toEqual(['ei.alumni@lse.ac.uk', 'ann.lee@alumni.example.org']);
  });
});

describe('front matter', () => {
  it.each([
    ['no front matter', 'Hello', /has no front matter/],
    ['unclosed', '---\nto: a@b.org\nsubject: s\nHello', /not closed/],
    ['unknown key', '---\nto: a@b.org\nsubject: s\nbcc: x@y.org\n---\nHello', /unknown front matter key "bcc"/],
    ['no subject', '---\nto: a@b.org\n---\nHello', /no "subject:" line/],
    ['not key: value', '---\nto a@b.org\nsubject: s\n---\n', /not "key: value"/],
  ])('rejects %s', (_, source, message) => {
    const err = failure(() => parseFrontMatter(source, 'templates/x.hbs'));
    expect(err.message).toMatch(message);
    expect(err.where.file).toBe('templates/x.hbs');
  });

  it('accepts quotes, comments, CRLF and a BOM', () => {
    const src = '\uFEFF---\r\n# a comment\r\nto: "{{recipient.email}}"\r\nsubject: \'Hi {{recipient.first_name}}\'\r\n---\r\nBody\r\n';
    const e = compileTemplate(src, { name: 'x', file: 'x', scheme: S, spec: templateSpec('x') }).render(introForStudent());
    expect(e.subject).toBe('Hi Zoë');
    expect(e.to).toEqual([{ name: '', address: 'zoe.obrien@lse.ac.uk' }]);
    expect(e.text).toBe('Body\n');
  });

  it('rejects a "to" that renders to something that is not an address', () => {
    const t = tpl('intro-student', 'x', 'to: {{recipient.name}}\nsubject: s');
    expect(failure(() => t.render(introForStudent())).message).toContain('is not an email address');
  });
});

describe('helpers', () => {
  it('formats dates the British way', () => {
    expect(formatDate('2026-01-31')).toBe('31 January 2026');
    expect(formatDate('2026-02-28', 'month')).toBe('February 2026');
    expect(formatDate('2026-05-01', 'day-month')).toBe('1 May');
    expect(formatDate('2026-01-31', 'weekday')).toBe('Saturday 31 January 2026');
    expect(() => formatDate('31/01/2026')).toThrow(/YYYY-MM-DD/);
    expect(() => formatDate('2026-02-30')).toThrow(/YYYY-MM-DD/);
  });

  it('joins lists', () => {
    const e = tpl('intro-mentor', '{{join student.sectors}} | {{join student.sectors " / "}}').render(introMentorContext(S, student(), mentor()));
    expect(e.text).toBe('Consulting; Think Tanks, Research & Policy Analysis | Consulting / Think Tanks, Research & Policy Analysis\n');
  });

  it('fails a bad date argument, naming the template', () => {
    expect(failure(() => tpl('intro-student', '{{date recipient.name}}').render(introForStudent())).message).toContain('template intro-student');
  });
});

describe('the default templates', () => {
  it.each(TEMPLATE_NAMES)('%s compiles against the default policy and renders', (name) => {
    const source = fs.readFileSync(path.join(REPO, 'templates', `${name}.hbs`), 'utf8');
    const t = compileTemplate(source, { name, file: `templates/${name}.hbs`, scheme: S, spec: templateSpec(name) });
    const s = student();
    const m = mentor();
    const ctx =
      name === 'intro-student' ? introStudentContext(S, s, m)
      : name === 'intro-mentor' ? introMentorContext(S, s, m)
      : name === 'chase-student' ? chaseContext(S, { recipient: s, role: 'student', partner: m, meeting: 1, due: '2026-01-31', chasedBefore: 1 })
      : name === 'chase-mentor' ? chaseContext(S, { recipient: m, role: 'mentor', partner: s, meeting: 2, due: '2026-02-28', chasedBefore: 0 })
      : name === 'withdrawal' ? withdrawalContext(S, { student: s, mentor: m, leaver: 'student', reason: 'student left: moved abroad' }, 'mentor')
      : feedbackContext(S, s, 'student', { name: 'final', ...S.surveys.final! });
    const e = t.render(ctx);
    expect(e.subject).toContain(S.name);
    expect(e.text).toContain(S.contact_email);
    expect(e.text).not.toMatch(/\n{3,}/);
    expect(e.html).toContain('<p>');
  });
});

import { describe, expect, it } from 'vitest';
import { defaultScheme } from '../../../src/core/scheme/defaults.js';
import { parseScheme } from '../../../src/core/scheme/schema.js';
import {
  fieldHeader,
  permittedFields,
  projectMentorForStudent,
  projectStudentForMentor,
  withheldCounts,
} from '../../../src/core/policy/projection.js';
import { exportSheets } from '../../../src/core/policy/exports.js';
import { confirmedPairs } from '../../../src/core/policy/pairs.js';
import { confirmed, mentor, scheme, student } from './builders.js';

describe('permittedFields', () => {
  it('is the mentor policy by default (sections 4 and 5)', () => {
    const s = scheme();
    expect(permittedFields(s, 'to_student')).toEqual(['name', 'email', 'courses', 'graduation_year', 'country', 'job_role', 'bio', 'linkedin']);
    expect(permittedFields(s, 'to_mentor')).toEqual(['name', 'email', 'programme', 'sectors', 'support_areas', 'linkedin', 'bio']);
  });

  it('lists a field named twice once', () => {
    const s = scheme((raw) => {
      raw.sharing.to_mentor = ['name', 'email', 'name'];
    });
    expect(permittedFields(s, 'to_mentor')).toEqual(['name', 'email']);
  });
});

describe('projectMentorForStudent', () => {
  it('holds exactly the permitted fields, frozen, in plain values', () => {
    const p = projectMentorForStudent(mentor(), scheme());
    expect(Object.keys(p)).toEqual(['name', 'email', 'courses', 'graduation_year', 'country', 'job_role', 'bio', 'linkedin']);
    expect(p).toMatchObject({ name: 'Ann Lee', graduation_year: '2015', country: 'Belgium', job_role: 'Senior Consultant' });
    expect(p.courses).toEqual(['MSc Conflict Studies']);
    expect(Object.isFrozen(p)).toBe(true);
    expect(Object.isFrozen(p.courses)).toBe(true);
    expect(Object.getPrototypeOf(p)).toBe(Object.prototype);
  });

  it('never carries employer, city, capacity, availability, consents or extra columns', () => {
    const p = projectMentorForStudent(mentor({ extra: { 'Phone number': '07700 900123' } }), scheme()) as Record<string, unknown>;
    for (const f of ['employer', 'city', 'capacity', 'unavailable', 'share_bio', 'share_linkedin', 'extra', 'sectors', 'first_name', 'submitted_at']) {
      expect(p[f], f).toBeUndefined();
    }
    expect(JSON.stringify(p)).not.toContain('07700');
    expect(JSON.stringify(p)).not.toContain('Deloitte');
  });

  it("leaves a consent-gated field empty unless the person said yes (no answer means no)", () => {
    const s = scheme();
    const refused = projectMentorForStudent(mentor({ share_bio: false, share_linkedin: false }), s);
    expect(refused.bio).toBe('');
    expect(refused.linkedin).toBe('');
    const agreed = projectMentorForStudent(mentor(), s);
    expect(agreed.bio).toBe('I work on public-sector strategy.');
    expect(agreed.linkedin).toBe('https://www.linkedin.com/in/ann-lee');
  });

  it('turns an unknown graduation year into an empty value', () => {
    expect(projectMentorForStudent(mentor({ graduation_year: null }), scheme()).graduation_year).toBe('');
  });

  it('follows a policy that shares more, and one that shares less', () => {
    const more = scheme((raw) => {
      raw.sharing.to_student = ['name', 'employer', 'capacity', 'unavailable'];
      Object.assign(raw.sharing, { acknowledged: { to_student: ['employer', 'capacity', 'unavailable'] } });
    });
    const p = projectMentorForStudent(mentor({ unavailable: [{ from: '2026-02-01', to: '2026-02-28' }] }), more);
    expect(p).toEqual({ name: 'Ann Lee', employer: 'Deloitte', capacity: '2', unavailable: '2026-02-01..2026-02-28' });
    const less = scheme((raw) => {
      raw.sharing.to_student = ['name'];
    });
    expect(projectMentorForStudent(mentor(), less)).toEqual({ name: 'Ann Lee' });
  });

  it('gates any field the consent map names', () => {
    const s = scheme((raw) => {
      raw.sharing.to_student = ['name', 'job_role'];
      (raw.sharing.consent as Record<string, string>).job_role = 'share_bio';
    });
    expect(projectMentorForStudent(mentor({ share_bio: false }), s).job_role).toBe('');
    expect(projectMentorForStudent(mentor({ share_bio: true }), s).job_role).toBe('Senior Consultant');
  });
});

describe('projectStudentForMentor', () => {
  it('holds the programme, sectors and support sought, never where the student lives', () => {
    const p = projectStudentForMentor(student({ share_linkedin: false }), scheme()) as Record<string, unknown>;
    expect(Object.keys(p)).toEqual(['name', 'email', 'programme', 'sectors', 'support_areas', 'linkedin', 'bio']);
    expect(p.linkedin).toBe('');
    expect(p.bio).toBe('I spent two years in Brussels before my MSc.');
    expect(p.country).toBeUndefined();
    expect(p.city).toBeUndefined();
    expect(p.meeting_preference).toBeUndefined();
  });
});

describe('scheme.json sharing', () => {
  it('rejects a field that is not a mentor field, by JSON path', () => {
    const raw = defaultScheme();
    (raw.sharing.to_student as string[]).push('salary');
    const r = parseScheme(raw);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.path)).toEqual(['sharing.to_student[8]']);
    // The message lists the fields that are allowed, so the fix is in the message.
    expect(r.problems[0]!.message).toMatch(/job_role/);
  });

  it('rejects a mentor-only field in the student policy, by JSON path', () => {
    const raw = defaultScheme();
    raw.sharing.to_mentor = ['name', 'email', 'employer'];
    const r = parseScheme(raw);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.path)).toEqual(['sharing.to_mentor[2]']);
  });

  it('rejects a consent rule for a field participants do not have', () => {
    const raw = defaultScheme();
    (raw.sharing.consent as Record<string, string>).photo = 'share_bio';
    const r = parseScheme(raw);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.path)).toEqual(['sharing.consent.photo']);
  });
});

describe('export rows', () => {
  it('puts the recipient first, then the partner under mail-merge headers', () => {
    const s = scheme();
    const st = student({ share_bio: false, city: 'Lewisham' });
    const m = mentor();
    const { pairs } = confirmedPairs([confirmed(st, m)], [st], [m]);
    const { forStudents, forMentors } = exportSheets(pairs, s);
    expect(forStudents.columns.map((c) => c.header)).toEqual([
      'Recipient name', 'Recipient email', 'Recipient first name', 'Mentor name', 'Mentor email', 'Course(s) studied',
      'Year of graduation', 'Current country', 'Current job role', 'Brief bio', 'LinkedIn profile',
    ]);
    expect(forMentors.columns.map((c) => c.header)).toEqual([
      'Recipient name', 'Recipient email', 'Recipient first name', 'Student name', 'Student email', 'MSc programme',
      'Employment sectors of interest', 'Areas of support sought', 'LinkedIn profile', 'Brief bio',
    ]);
    expect(forStudents.rows[0]).toMatchObject({ recipient_name: "Zoë O'Brien", recipient_email: 'zoe.obrien@lse.ac.uk', partner_name: 'Ann Lee' });
    expect(forMentors.rows[0]).toMatchObject({ recipient_name: 'Ann Lee', partner_bio: '' });
    expect(JSON.stringify(forMentors.rows)).not.toContain('Lewisham');
    expect(JSON.stringify(forStudents.rows)).not.toContain('Deloitte');
  });

  it('counts the values withheld for want of consent', () => {
    const s = scheme();
    expect(withheldCounts([student({ share_bio: false }), student()], s, 'to_mentor')).toEqual({ linkedin: 0, bio: 1 });
  });

  it('has a human header for every participant field', () => {
    for (const f of ['courses', 'graduation_year', 'country', 'job_role', 'bio', 'linkedin', 'programme']) expect(fieldHeader(f)).not.toBe(f);
    expect(fieldHeader('sectors', 'to_mentor')).toBe('Employment sectors of interest');
    expect(fieldHeader('sectors', 'to_student')).toBe('Sectors they can speak to');
  });
});

describe('confirmedPairs', () => {
  it('keeps confirmed pairs only, once each, and reports people who are missing', () => {
    const a = student();
    const b = student({ email: 'b@lse.ac.uk' });
    const m = mentor();
    const { pairs, problems } = confirmedPairs(
      [confirmed(a, m), confirmed(a, m), confirmed(b, m, 'proposed'), confirmed(student({ email: 'gone@lse.ac.uk' }), m)],
      [a, b],
      [m],
    );
    expect(pairs.map((p) => p.student.email)).toEqual([a.email]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.reason).toContain('gone@lse.ac.uk');
  });
});

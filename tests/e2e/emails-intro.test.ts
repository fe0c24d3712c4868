// mentorship emails intro, run as the administrator runs it (the built CLI in a temporary
// workspace), every draft read back the way a mail client would. Build first: npx tsc -p tsconfig.build.json
import * as fs from 'node:fs';
import * as path from 'node:path';
import { simpleParser, type AddressObject } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { listFiles, makeWorkspace, runCli, snapshot } from '../helpers/cli.js';
import { keyCount, nonCamelKeys } from '../helpers/json-keys.js';
import { confirmed, dataFiles, mentor, student } from '../core/policy/builders.js';

const zoe = student({ name: "Zoë O'Brien, Jr.", first_name: 'Zoë' });
const eve = student({
  email: 'eve@lse.ac.uk',
  name: 'Eve\r\nBcc: evil@example.com',
  first_name: 'Eve',
  bio: 'I like <script>alert("x")</script> and {{scheme.contact_email}}.\r\nBcc: evil@example.com\r\n\r\nTo: mallory@example.com',
  share_bio: true,
});
const ann = mentor({ name: 'Ann Lee', employer: 'Deloitte LLP' });
const dots = mentor({ email: 'dots@alumni.example.org', name: '../../.ssh/Ådne Ødegård', first_name: 'Ådne', share_bio: false, bio: 'PRIVATE' });
const PAIRS = [confirmed(zoe, ann), confirmed(eve, dots)];
const DIR = 'out/emails/intro';

function workspace() {
  return makeWorkspace(dataFiles([zoe, eve], [ann, dots], PAIRS));
}

function addresses(a: AddressObject | AddressObject[] | undefined) {
  return (Array.isArray(a) ? a : a ? [a] : []).flatMap((x) => x.value);
}

function indexRows(dir: string): string[][] {
  const text = fs.readFileSync(path.join(dir, DIR, 'index.csv'), 'utf8').replace(/^\uFEFF/, '');
  // Simple enough for these rows: quoted cells hold no quotes or line breaks here.
  return text.split('\r\n').filter(Boolean).map((line) => [...line.matchAll(/"([^"]*)"|([^,]+)|(?<=,)(?=,|$)/g)].map((m) => m[1] ?? m[2] ?? ''));
}

describe('mentorship emails intro', () => {
  it('writes an Outlook draft, a .txt and a .html for each side of each pair, and an index', async () => {
    const dir = workspace();
    const r = runCli(['emails', 'intro'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Wrote 4 new introduction drafts in out/emails/intro/ (0 from earlier runs');
    const files = fs.readdirSync(path.join(dir, DIR)).sort();
    expect(files).toHaveLength(13);
    for (const f of files.filter((f) => f !== 'index.csv')) expect(f).toMatch(/^(student|mentor)-[a-z0-9]+(-[a-z0-9]+)*-[0-9a-f]{8}\.(eml|txt|html)$/);
    expect(files.some((f) => f.startsWith('mentor-ssh-adne-odegard-'))).toBe(true);
    // Nothing escaped the folder.
    expect(listFiles(dir).filter((f) => f.startsWith('out/') && !f.startsWith(`${DIR}/`))).toEqual([]);

    const rows = indexRows(dir);
    expect(rows[0]).toEqual(['Recipient role', 'Recipient name', 'Recipient email', 'Cc', 'Subject', 'Outlook draft (.eml)', 'Plain text (.txt)', 'HTML (.html)', 'New in this run', 'Recorded as sent']);
    expect(rows.slice(1).map((r) => r[8])).toEqual(['yes', 'yes', 'yes', 'yes']);
    expect(rows).toHaveLength(5);
    for (const row of rows.slice(1)) {
      const [role, name, email, , subject, emlFile, txtFile, htmlFile] = row as [string, string, string, string, string, string, string, string];
      const parsed = await simpleParser(fs.readFileSync(path.join(dir, DIR, emlFile)));
      expect(parsed.headers.get('x-unsent')).toBe('1');
      expect(addresses(parsed.to)).toEqual([{ name, address: email }]);
      expect(addresses(parsed.from)).toEqual([{ name: 'EI Alumni Team', address: 'ei.alumni@lse.ac.uk' }]);
      expect(parsed.bcc).toBeUndefined();
      expect(parsed.subject).toBe(subject);
      expect(parsed.text).toBeTruthy();
      expect(parsed.html).toBeTruthy();
      expect(parsed.text!.replace(/\r\n/g, '\n')).toBe(fs.readFileSync(path.join(dir, DIR, txtFile), 'utf8').replace(/\r\n/g, '\n'));
      expect(parsed.html).toBe(fs.readFileSync(path.join(dir, DIR, htmlFile), 'utf8'));
      expect(['student', 'mentor']).toContain(role);
    }
    const toZoe = rows.find((r) => r[2] === 'zoe.obrien@lse.ac.uk')!;
    expect(toZoe[1]).toBe("Zoë O'Brien, Jr.");
    expect(toZoe[4]).toBe('EI Alumni Mentorship Programme 2025-26: meet your mentor, Ann Lee');
    const zoeEml = await simpleParser(fs.readFileSync(path.join(dir, DIR, toZoe[5]!)));
    expect(addresses(zoeEml.to)).toEqual([{ name: "Zoë O'Brien, Jr.", address: 'zoe.obrien@lse.ac.uk' }]);
  });

  it("keeps participants' text inert: escaped in HTML, verbatim in text, no header or recipient added", async () => {
    const dir = workspace();
    expect(runCli(['emails', 'intro'], { cwd: dir }).code).toBe(0);
    const row = indexRows(dir).find((r) => r[0] === 'mentor' && r[4]!.includes('Eve'))!;
    const parsed = await simpleParser(fs.readFileSync(path.join(dir, DIR, row[5]!)));
    expect(parsed.bcc).toBeUndefined();
    expect(addresses(parsed.to)).toEqual([{ name: expect.stringContaining('dne'), address: 'dots@alumni.example.org' }]);
    expect(parsed.headers.has('bcc')).toBe(false);
    expect(parsed.subject).toBe('EI Alumni Mentorship Programme 2025-26: introducing your student, Eve Bcc: evil@example.com');
    const txt = fs.readFileSync(path.join(dir, DIR, row[6]!), 'utf8');
    expect(txt).toContain('I like <script>alert("x")</script> and {{scheme.contact_email}}.');
    const html = fs.readFileSync(path.join(dir, DIR, row[7]!), 'utf8');
    expect(html).not.toContain('<script>');
    expect(html).toContain('I like &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; and {{scheme.contact_email}}.');
    // The mentor's withheld bio and employer reach no draft.
    for (const f of fs.readdirSync(path.join(dir, DIR))) {
      const text = fs.readFileSync(path.join(dir, DIR, f), 'utf8');
      expect(text).not.toContain('Deloitte');
      expect(text).not.toContain('PRIVATE');
    }
  });

  it('fails, naming the field and the file, when a template reaches past the policy; nothing is written', () => {
    const dir = workspace();
    const file = path.join(dir, 'templates/intro-student.hbs');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('- Name: {{mentor.name}}', '- Name: {{mentor.name}} at {{mentor.employer}}'));
    const before = snapshot(dir);
    const r = runCli(['emails', 'intro'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'error: templates/intro-student.hbs: template intro-student uses "mentor.employer", which the sharing policy does not permit (scheme.json sharing.to_student)',
    );
    expect(r.stderr).not.toContain('    at ');
    expect(snapshot(dir)).toEqual(before);
  });

  it('keeps the drafts of earlier runs byte for byte, never touches an edited one, and removes the unsent drafts of ended pairs', () => {
    const dir = workspace();
    expect(runCli(['emails', 'intro'], { cwd: dir }).code).toBe(0);
    const drafts = () => new Map([...snapshot(dir)].filter(([f]) => f.startsWith(`${DIR}/`) && !f.endsWith('index.csv')));
    const first = drafts();
    expect(first.size).toBe(12);
    const again = runCli(['emails', 'intro'], { cwd: dir, env: { MENTORSHIP_TODAY: '2025-12-09' } });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('Wrote 0 new introduction drafts in out/emails/intro/ (4 from earlier runs left exactly as they were');
    // No new date, no new Message-ID: the same bytes.
    expect(drafts()).toEqual(first);
    expect(indexRows(dir).slice(1).map((r) => r[8])).toEqual(['', '', '', '']);

    const txt = fs.readdirSync(path.join(dir, DIR)).find((f) => f.startsWith('student-zoe') && f.endsWith('.txt'))!;
    fs.appendFileSync(path.join(dir, DIR, txt), 'PS: my own words\r\n');
    const edited = runCli(['emails', 'intro', '--workspace', dir], { cwd: path.dirname(dir), env: { MENTORSHIP_TODAY: '2025-12-10' } });
    expect(edited.code, edited.stderr).toBe(0);
    expect(fs.readFileSync(path.join(dir, DIR, txt), 'utf8')).toContain('PS: my own words');
    // --force drafts the unsent pairs again, the edited one included.
    expect(runCli(['emails', 'intro', '--force'], { cwd: dir, env: { MENTORSHIP_TODAY: '2025-12-02' } }).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, DIR, txt), 'utf8')).not.toContain('PS: my own words');

    // Eve's pair ends: her unsent drafts go; the index no longer lists them; both sides get a notice.
    fs.writeFileSync(path.join(dir, 'data/matches.csv'), dataFiles([zoe, eve], [ann, dots], [PAIRS[0]!, confirmed(eve, dots, 'withdrawn')])['data/matches.csv']!);
    const ended = runCli(['emails', 'intro'], { cwd: dir });
    expect(ended.code, ended.stderr).toBe(0);
    expect(ended.stderr).toContain('Removed the unsent drafts of 1 withdrawn pair');
    const left = fs.readdirSync(path.join(dir, DIR));
    expect(left).toHaveLength(7);
    expect(left.some((f) => f.includes('eve') || f.includes('adne'))).toBe(false);
    expect(fs.readFileSync(path.join(dir, DIR, 'index.csv'), 'utf8')).not.toContain('eve@lse.ac.uk');
    expect(fs.readdirSync(path.join(dir, 'out/emails/withdrawal')).filter((f) => f.endsWith('.eml'))).toHaveLength(2);
  });

  it('--dry-run lists the drafts and writes nothing', () => {
    const dir = workspace();
    const before = snapshot(dir);
    const r = runCli(['emails', 'intro', '--dry-run'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("student Zoë O'Brien, Jr. <zoe.obrien@lse.ac.uk>  EI Alumni Mentorship Programme 2025-26: meet your mentor, Ann Lee");
    expect(r.stdout.trim().split('\n')).toHaveLength(4);
    expect(r.stderr).toContain('dry run: nothing was written');
    expect(r.stderr).toContain('Would write 4 new introduction drafts');
    expect(snapshot(dir)).toEqual(before);
  });

  it('records the drafts and the fields shared with each side in the audit log', () => {
    const dir = workspace();
    const r = runCli(['emails', 'intro', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ command: 'emails intro', dryRun: false, result: { pairs: 2, folder: DIR, added: 4, kept: 0 } });
    expect(out.result.drafts.map((d: { recipientEmail: string }) => d.recipientEmail).sort()).toEqual(['ann.lee@alumni.example.org', 'dots@alumni.example.org', 'eve@lse.ac.uk', 'zoe.obrien@lse.ac.uk']);
    expect(out.result.drafts[0].extra).toEqual([{ header: 'New in this run', value: 'yes' }, { header: 'Recorded as sent', value: '' }]);
    expect(out.changes.map((c: { path: string }) => c.path)).toEqual(expect.arrayContaining([`${DIR}/index.csv`, 'data/audit.jsonl']));
    expect(out.messages[0].text).toMatch(/^Wrote 4 new introduction drafts/);
    expect(keyCount(out)).toBeGreaterThan(20);
    expect(nonCamelKeys(out)).toEqual([]);
    const audit = fs.readFileSync(path.join(dir, 'data/audit.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(audit.at(-1)).toMatchObject({
      command: 'emails intro',
      pairs: 2,
      count: 4,
      to_students: 2,
      to_mentors: 2,
      fields_shared: {
        'intro-student': { mentor: ['name', 'email', 'courses', 'graduation_year', 'country', 'job_role', 'bio', 'linkedin'] },
        'intro-mentor': { student: ['name', 'email', 'programme', 'sectors', 'support_areas', 'linkedin', 'bio'] },
      },
    });
    const status = runCli(['status'], { cwd: dir });
    expect(status.stdout + status.stderr).not.toContain('draft the introductions');
  });

  it('says what to do when no pair is confirmed yet', () => {
    const dir = makeWorkspace(dataFiles([zoe], [ann], [confirmed(zoe, ann, 'proposed')]));
    const r = runCli(['emails', 'intro'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('there are no confirmed pairs to introduce');
    expect(r.stderr).toContain('mentorship confirm');
  });

  it('refuses an unknown kind of email as a usage error', () => {
    const dir = workspace();
    expect(runCli(['emails', 'welcome'], { cwd: dir }).code).toBe(2);
  });
});

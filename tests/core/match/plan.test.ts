import { describe, expect, it } from 'vitest';
import { explainStudent, unmatchedOf } from '../../../src/core/match/explain.js';
import { summarise } from '../../../src/core/match/greedy.js';
import { buildProblem, type MatchInput, matchesAfter, placesOf, solve } from '../../../src/core/match/plan.js';
import { withdrawalReason } from '../../../src/core/match/rules.js';
import type { Match } from '../../../src/core/types.js';
import { makeExclusion, makeMatch, makeMentor, makeScheme, makeStudent } from './builders.js';

function run(input: Partial<MatchInput> & Pick<MatchInput, 'students' | 'mentors'>, fair = false) {
  const full: MatchInput = { matches: [], exclusions: [], scheme: makeScheme(), ...input };
  const solved = solve(buildProblem(full), { fair, alternatives: 3 });
  const mentorOf = (email: string) => {
    const r = solved.problem.pool.findIndex((s) => s.email === email);
    const j = r < 0 ? -1 : solved.mentorOf[r]!;
    return j < 0 ? null : solved.problem.mentors[j]!.email;
  };
  return { input: full, solved, mentorOf };
}

describe('the hard rules', () => {
  it('keeps confirmed pairs fixed, counting them against the mentor\'s capacity', () => {
    const [a, b] = [makeStudent(), makeStudent()];
    const m = makeMentor({ capacity: 1 });
    const other = makeMentor({ sectors: ['Law'] });
    const { solved, mentorOf } = run({ students: [a, b], mentors: [m, other], matches: [makeMatch(a, m)] });
    expect(solved.problem.pool.map((s) => s.email)).toEqual([b.email]);
    expect(mentorOf(b.email)).toBe(other.email);
  });

  it('never proposes an excluded, withdrawn or unavailable pair', () => {
    const s = makeStudent();
    const excluded = makeMentor();
    const withdrawn = makeMentor();
    const away = makeMentor({ unavailable: [{ from: '2025-01-01', to: '2027-01-01' }] });
    const earlier = makeStudent();
    const { solved, mentorOf } = run({
      students: [s, earlier],
      mentors: [excluded, withdrawn, away],
      exclusions: [makeExclusion(s, excluded)],
      matches: [makeMatch(s, withdrawn, { status: 'withdrawn', reason: 'did not get on' })],
    });
    expect(mentorOf(s.email)).toBeNull();
    const why = unmatchedOf(solved).find((u) => solved.problem.pool[u.row]!.email === s.email)!;
    expect(why.reason).toBe('no-eligible-mentor');
    expect(why.detail).toBe('no eligible mentor: 2 excluded for this student, 1 unavailable for the whole programme');
    // The other student may take either free mentor; the unavailable one never.
    expect([excluded.email, withdrawn.email]).toContain(mentorOf(earlier.email));
  });

  it('replaces the proposals of an earlier run and keeps the decided rows', () => {
    const [a, b] = [makeStudent(), makeStudent()];
    const [m1, m2] = [makeMentor(), makeMentor()];
    const old: Match[] = [makeMatch(a, m1, { status: 'proposed', decided_at: '' }), makeMatch(b, m2, { status: 'withdrawn', reason: withdrawalReason('mentor', '') })];
    const { solved } = run({ students: [a, b], mentors: [m1, m2], matches: old });
    const after = matchesAfter(solved, '2025-11-25T09:00:00');
    expect(after.filter((m) => m.status === 'withdrawn')).toHaveLength(1);
    const proposed = after.filter((m) => m.status === 'proposed');
    // m2 left the scheme, so one place for two students.
    expect(proposed).toHaveLength(1);
    expect(proposed[0]).toMatchObject({ mentor_email: m1.email, proposed_at: '2025-11-25T09:00:00', decided_at: '' });
  });

  it('does not propose for a student who left the scheme', () => {
    const [a, b] = [makeStudent(), makeStudent()];
    const m = makeMentor({ capacity: 2 });
    const { solved } = run({ students: [a, b], mentors: [m], matches: [makeMatch(a, m, { status: 'withdrawn', reason: withdrawalReason('student', 'chased') })] });
    expect(solved.problem.pool.map((s) => s.email)).toEqual([b.email]);
    expect(placesOf(solved, 0)).toEqual({ capacity: 2, fixed: 0, proposed: 1, free: 1 });
  });

  it('explains min_score and require_shared_sector', () => {
    const s = makeStudent({ sectors: ['Law'], country: 'France' });
    const m = makeMentor({ sectors: ['Technology'], courses: [] });
    const low = run({ students: [s], mentors: [m], scheme: makeScheme({ min_score: 30 }) });
    expect(unmatchedOf(low.solved)[0]).toMatchObject({ reason: 'below-min-score' });
    expect(unmatchedOf(low.solved)[0]!.detail).toContain(`best: 25 with ${m.name} <${m.email}>`);
    const shared = run({ students: [s], mentors: [m], scheme: makeScheme({ require_shared_sector: true }) });
    expect(unmatchedOf(shared.solved)[0]).toMatchObject({ reason: 'no-eligible-mentor', detail: 'no mentor shares a sector with this student (require_shared_sector is on)' });
  });
});

describe('the optimum', () => {
  it('matches more students than first come, first served, and says so', () => {
    // The first student takes the only mentor the second could have; the optimum swaps them.
    const a = makeStudent({ sectors: ['Law', 'Consulting'] });
    const b = makeStudent({ sectors: ['Law'], support_areas: [] });
    const law = makeMentor({ sectors: ['Law'] });
    const consulting = makeMentor({ sectors: ['Consulting'], courses: [], country: 'France' });
    const { solved, mentorOf } = run({ students: [a, b], mentors: [law, consulting], scheme: makeScheme({ require_shared_sector: true }) });
    expect(mentorOf(a.email)).toBe(consulting.email);
    expect(mentorOf(b.email)).toBe(law.email);
    const summary = summarise(solved, { 'no-eligible-mentor': 0, 'mentors-full': 0, 'below-min-score': 0 });
    expect(summary).toMatchObject({ matched: 2, greedy: { matched: 1 }, gain: { matched: 1 }, sharedSectorShare: 1 });
  });

  it('names the full mentors of an unmatched student', () => {
    const [a, b] = [makeStudent(), makeStudent()];
    const m = makeMentor({ name: 'Ada Full' });
    const { solved } = run({ students: [a, b], mentors: [m] });
    const [u] = unmatchedOf(solved);
    expect(u).toMatchObject({ reason: 'mentors-full', detail: `every eligible mentor is full: Ada Full <${m.email}> (100)` });
  });

  it('lists alternatives with free places, best first', () => {
    const s = makeStudent({ sectors: ['Law', 'Consulting'] });
    const best = makeMentor({ sectors: ['Law', 'Consulting'] });
    const good = makeMentor({ sectors: ['Law'] });
    const fine = makeMentor({ sectors: ['Law'], country: 'France' });
    const poor = makeMentor({ sectors: [], courses: [] });
    const away = makeMentor({ unavailable: [{ from: '2025-01-01', to: '2027-01-01' }] });
    const { solved } = run({ students: [s], mentors: [poor, fine, away, good, best] });
    const [p] = solved.proposals;
    expect(solved.problem.mentors[p!.mentor]).toBe(best);
    expect(p!.alternatives.map((a) => [solved.problem.mentors[a.mentor]!.email, a.score])).toEqual([
      [good.email, 75],
      [fine.email, 65],
      [poor.email, 35],
    ]);
  });
});

describe('--explain', () => {
  it('says why the next best mentors were not chosen', () => {
    const star = makeStudent({ name: 'Star', sectors: ['Law'] });
    const me = makeStudent({ name: 'Me', sectors: ['Law'] });
    const top = makeMentor({ name: 'Top', sectors: ['Law'] });
    const excl = makeMentor({ name: 'Excl', sectors: ['Law'] });
    const mid = makeMentor({ name: 'Mid', sectors: ['Law'], country: 'France' });
    const low = makeMentor({ name: 'Low', sectors: ['Law'], courses: [], country: 'France' });
    const { input, solved } = run({ students: [star, me], mentors: [top, excl, mid, low], exclusions: [makeExclusion(me, excl), makeExclusion(star, mid), makeExclusion(star, excl)] });
    const e = explainStudent(input, solved, me.email, 3)!;
    expect(e.status).toBe('proposed');
    expect(e.mentor).toMatchObject({ email: mid.email, score: 90 });
    expect(e.options.map((o) => [o.mentor_name, o.kind])).toEqual([
      ['Top', 'taken'],
      ['Excl', 'excluded'],
      ['Low', 'lower-score'],
    ]);
    expect(e.options[0]!.why).toBe(`chosen for someone else: would have displaced Star <${star.email}> (100 with this mentor)`);
    expect(e.options[1]!.why).toBe('excluded: conflict of interest');
    expect(e.options[2]!.why).toBe('lower score (75 against 90); a place is still free');
  });

  it('explains a confirmed pair as fixed, a student who left, and an unknown email', () => {
    const [a, b] = [makeStudent(), makeStudent()];
    const m = makeMentor({ capacity: 2 });
    const { input, solved } = run({
      students: [a, b],
      mentors: [m],
      matches: [makeMatch(a, m, { decided_at: '2025-11-21T10:00:00' }), makeMatch(b, makeMentor(), { status: 'withdrawn', reason: 'student left: moved' })],
    });
    expect(explainStudent(input, solved, a.email, 3)).toMatchObject({ status: 'confirmed', mentor: { email: m.email }, note: 'the pair was confirmed on 2025-11-21; matching never moves a confirmed pair' });
    expect(explainStudent(input, solved, b.email, 3)).toMatchObject({ status: 'left' });
    expect(explainStudent(input, solved, 'nobody@x.org', 3)).toBeNull();
  });
});

// Where the scheme stands, and the one next step an administrator should take.
import type { ProgrammeInput } from './followup/programme.js';
import type { Match } from './types.js';

/** Everything the workspace holds, as the programme report sees it, and the commands already run. */
export interface StatusInput extends ProgrammeInput {
  commandsRun: ReadonlySet<string>;
}

export interface Status {
  students: number;
  mentors: number;
  places: number;
  pairs: Record<Match['status'], number>;
  studentsWithoutPair: number;
  meetings: number;
  chases: number;
  feedbackRespondents: number;
  next: string[];
}

export function schemeStatus(i: StatusInput): Status {
  const pairs = { proposed: 0, confirmed: 0, withdrawn: 0, completed: 0 };
  for (const m of i.matches) pairs[m.status]++;
  const paired = new Set(i.matches.filter((m) => m.status === 'confirmed' || m.status === 'completed').map((m) => m.student_email));
  const proposedFor = new Set(i.matches.filter((m) => m.status === 'proposed').map((m) => m.student_email));
  const without = i.students.filter((s) => !paired.has(s.email)).length;
  const next: string[] = [];
  const t = i.scheme.timeline;
  if (i.students.length === 0) next.push('import the student applications: mentorship import students FILE');
  if (i.mentors.length === 0) next.push('import the alumni applications: mentorship import mentors FILE');
  if (next.length === 0) {
    if (i.matches.length === 0) {
      if (!i.commandsRun.has('report supply')) next.push('check supply against demand: mentorship report supply');
      next.push('propose pairs: mentorship match');
    } else if (pairs.proposed > 0) {
      next.push('review out/match-review.xlsx (decision column), then: mentorship confirm out/match-review.xlsx (or confirm --all)');
    } else if (without > 0 && [...i.students].some((s) => !paired.has(s.email) && !proposedFor.has(s.email))) {
      next.push(`${without} student(s) have no confirmed mentor: mentorship match`);
    }
    if (pairs.confirmed > 0) {
      if (!i.commandsRun.has('export')) next.push('share the permitted profiles: mentorship export');
      if (!i.commandsRun.has('emails intro')) next.push('draft the introductions: mentorship emails intro');
      // Chasing is for the programme's months; after its end there is no one left to chase.
      else if (i.today > t.meeting_1_due && i.today <= t.programme_end) next.push('see who to chase: mentorship report chase');
      if (i.today >= t.feedback && !i.commandsRun.has('emails feedback')) next.push('ask for feedback: mentorship emails feedback --survey final');
      if (i.feedback.length > 0) next.push('see the results: mentorship report programme');
    }
  }
  return {
    students: i.students.length,
    mentors: i.mentors.length,
    places: i.mentors.reduce((s, m) => s + m.capacity, 0),
    pairs,
    studentsWithoutPair: without,
    meetings: i.meetings.length,
    chases: i.chases.length,
    feedbackRespondents: new Set(i.feedback.map((f) => f.respondent)).size,
    next,
  };
}

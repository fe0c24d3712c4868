// Every path of a workspace, defined once: the data files, the out/ folders and files, and the
// tool's state folder. Pure constants (no fs), so the core may import the names it needs.
export { JOURNAL_PATH, LOCK_PATH, MANIFEST_PATH, STATE_DIR } from '../io/state.js';
export const DATA_DIR = 'data';
export const OUT_DIR = 'out';
/** The data files, relative to the workspace root. */
export const FILES = {
    students: 'data/students.csv',
    mentors: 'data/mentors.csv',
    matches: 'data/matches.csv',
    meetings: 'data/meetings.csv',
    chases: 'data/chases.csv',
    introductions: 'data/introductions.csv',
    feedback: 'data/feedback.csv',
    exclusions: 'data/exclusions.csv',
    noResponse: 'data/no-response.csv',
    aggregates: 'data/aggregates.json',
    audit: 'data/audit.jsonl',
};
/** The review sheet `match` writes and `confirm` reads back. */
export const REVIEW_FILE = 'out/match-review.xlsx';
export const EXPORT_DIR = 'out/export';
export const REPORTS_DIR = 'out/reports';
export const REJECTS_DIR = 'out/rejects';
export const PROGRAMME_REPORT = `${REPORTS_DIR}/programme.html`;
/** The folder of one kind of email drafts. */
export const emailsDir = (kind) => `out/emails/${kind}`;
/** A report's file in out/reports/. */
export const reportFile = (name, ext) => `${REPORTS_DIR}/${name}.${ext}`;
/** Whether a workspace-relative path is under data/ or out/. */
export const inData = (rel) => rel.startsWith(`${DATA_DIR}/`);
export const inOut = (rel) => rel.startsWith(`${OUT_DIR}/`);

// The names of the tool's own state folder and the files in it. Pure constants, here and not in
// workspace/layout.ts so that io never depends on workspace; layout.ts re-exports them.
export const STATE_DIR = '.mentorship';
export const MANIFEST = 'generated.json';
export const MANIFEST_PATH = `${STATE_DIR}/${MANIFEST}`;
export const JOURNAL = 'journal.json';
export const JOURNAL_PATH = `${STATE_DIR}/${JOURNAL}`;
export const LOCK_PATH = `${STATE_DIR}/lock`;

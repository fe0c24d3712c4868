// The journal a commit writes before it renames anything (see transaction.ts), and what undoes a
// commit that did not reach its commit point: rollback, and the recovery the next command runs
// under the lock when an earlier one died half-way.
import * as fs from 'node:fs';
import * as path from 'node:path';

export const STATE_DIR = '.mentorship';
export const JOURNAL = 'journal.json';
export const TMP_SUFFIX = '.mentorship-tmp';
export const BAK_SUFFIX = '.mentorship-bak';

export interface Journal {
  /** `dir`: a whole new folder, built at `tmp` and renamed into place as one. */
  entries: { target: string; tmp: string | null; bak: string | null; dir?: boolean }[];
}

export function cleanupFiles(journal: Journal, committed = false): void {
  for (const e of journal.entries) {
    // After a commit the temporaries were renamed away: only backups are left to remove.
    if (e.tmp && !committed) fs.rmSync(e.tmp, { force: true, recursive: Boolean(e.dir) });
    if (e.bak) fs.rmSync(e.bak, { force: true });
  }
}

/** Undo a commit that did not reach its commit point: restore backups, remove new files. */
export function rollback(root: string): boolean {
  const journalPath = path.join(root, STATE_DIR, JOURNAL);
  let journal: Journal;
  try {
    journal = JSON.parse(fs.readFileSync(journalPath, 'utf8')) as Journal;
  } catch {
    fs.rmSync(journalPath, { force: true });
    return false;
  }
  // Journals of earlier versions hold absolute paths; path.resolve keeps those as they are.
  const at = (p: string) => path.resolve(root, p);
  for (const e of journal.entries) {
    if (e.bak && fs.existsSync(at(e.bak))) {
      fs.renameSync(at(e.bak), at(e.target));
      // rename() between two links to the same file does nothing: drop the spare link.
      fs.rmSync(at(e.bak), { force: true });
    } else if (!e.bak) fs.rmSync(at(e.target), { force: true, recursive: Boolean(e.dir) });
    if (e.tmp) fs.rmSync(at(e.tmp), { force: true, recursive: Boolean(e.dir) });
  }
  fs.rmSync(journalPath, { force: true });
  return true;
}

/** Did a command die half-way here (a journal, or temporaries and backups left behind)? Cheap: for read-only commands. */
export function needsRecovery(root: string): boolean {
  if (fs.existsSync(path.join(root, STATE_DIR, JOURNAL))) return true;
  const look = (dir: string, depth: number): boolean => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return false;
    }
    return entries.some((ent) =>
      ent.name.endsWith(TMP_SUFFIX) ||
      (ent.isDirectory() ? depth < 4 && ent.name !== 'node_modules' && look(path.join(dir, ent.name), depth + 1) : ent.name.endsWith(BAK_SUFFIX)),
    );
  };
  return look(root, 0);
}

/** Called under the lock before any command runs: finish the cleanup of an interrupted one. */
export function recoverWorkspace(root: string): boolean {
  const journalPath = path.join(root, STATE_DIR, JOURNAL);
  const rolledBack = fs.existsSync(journalPath) ? rollback(root) : false;
  // Temporaries and backups without a journal are leftovers of a command that died before its
  // journal was written (nothing changed) or after its commit point (backups no longer needed).
  const sweep = (dir: string, depth: number): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const ent of entries) {
      const abs = path.join(dir, ent.name);
      // A folder being built whole (see writeAhead) is a temporary too.
      if (ent.name.endsWith(TMP_SUFFIX)) fs.rmSync(abs, { force: true, recursive: ent.isDirectory() });
      else if (ent.isDirectory()) {
        if (depth < 4 && ent.name !== 'node_modules') sweep(abs, depth + 1);
      } else if (ent.name.endsWith(BAK_SUFFIX)) {
        fs.rmSync(abs, { force: true });
      }
    }
  };
  sweep(root, 0);
  return rolledBack;
}

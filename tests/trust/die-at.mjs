// Preloaded into a real `mentorship` process (node --import) by the kill tests: the process kills
// itself with SIGKILL at an exact point of a commit, so every window of the commit protocol is hit
// (a random kill almost never lands inside the sub-millisecond renames). TRUST_DIE_AT is one of:
//   before-journal   the temporaries and backups exist, the journal is not yet in place
//   rename:N         the journal is in place and N of the files have been renamed over their targets
//   after-commit     the journal is removed (the commit point), the backups are not yet cleaned up
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const at = process.env.TRUST_DIE_AT ?? '';
const die = () => process.kill(process.pid, 'SIGKILL');
const renameSync = fs.renameSync;
const rmSync = fs.rmSync;
let renamed = 0;

fs.renameSync = function (from, to) {
  const src = String(from);
  if (src.endsWith('journal.json.mentorship-tmp')) {
    if (at === 'before-journal') die();
  } else if (src.endsWith('.mentorship-tmp') && at.startsWith('rename:')) {
    if (renamed === Number(at.slice('rename:'.length))) die();
    renamed++;
  }
  return renameSync.call(this, from, to);
};

fs.rmSync = function (target, opts) {
  const result = rmSync.call(this, target, opts);
  if (at === 'after-commit' && String(target).endsWith(`${'.mentorship'}/journal.json`)) die();
  return result;
};

syncBuiltinESMExports();

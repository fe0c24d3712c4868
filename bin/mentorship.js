#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// dist/ is the compiled src/, committed (so a clone, a package and a git install all have it).
const built = new URL('../dist/main.js', import.meta.url);
// `mentorship ... | head` closes the pipe early: the reader has what it wanted, so stop quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}
if (existsSync(built)) {
  const { main } = await import(built.href);
  process.exitCode = await main(process.argv.slice(2));
} else {
  const root = fileURLToPath(new URL('..', import.meta.url));
  process.stderr.write(`error: this copy of mentorship is not built (${fileURLToPath(built)} is missing)\n  fix: in ${root} run: npm install && npm run compile  (or install it as the README says), then run the command again\n`);
  process.exitCode = 1;
}

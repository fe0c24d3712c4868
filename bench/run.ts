// npm run bench: every benchmark, each printing its figures. Nothing here asserts a time.
import { printTable } from './measure.js';

const suites: [string, string, string][] = [
  ['commands at a large scheme: 2,000 students, 800 alumni (issue 13)', './commands.bench.js', 'benchCommands'],
  ['a 100,000-row import, and start-up (issues 2, 13)', './import.bench.js', 'benchImport'],
  ['solver (issue 3)', './solver.bench.js', 'benchSolver'],
  ['mentorship match at 5,000 x 2,000 (issue 3)', './match.bench.js', 'benchMatch'],
];

const only = process.argv.slice(2);
for (const [title, file, fn] of suites) {
  if (only.length && !only.some((o) => title.includes(o) || file.includes(o))) continue;
  try {
    const mod = (await import(file)) as Record<string, () => Promise<Record<string, string | number>[]>>;
    const run = mod[fn];
    if (!run) throw new Error(`${file} exports no ${fn}`);
    printTable(title, await run());
  } catch (err) {
    console.log(`\n## ${title}\nfailed: ${(err as Error).message}`);
    process.exitCode = 1;
  }
}

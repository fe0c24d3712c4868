/**
 * A large university's scheme, command by command: 2,000 students and 800 alumni with canonical
 * headers (bench/cohort.ts), each step the built CLI as a whole process, as an administrator runs
 * it. Targets: each step under 1 s of wall time, `emails intro` (4,000 drafts: every student is paired) under 4 s.
 * Figures only: wall time depends on the machine and how busy it is, so CPU time is printed too.
 *   npx tsx bench/commands.bench.ts [STUDENTS] [MENTORS]
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeCohort } from './cohort.js';
import { measureCli, printTable, REPO, settleDisk } from './measure.js';

type Row = Record<string, string | number>;

const TODAY = '2025-11-25';

function createFiles(folder: string, n: number): number {
  fs.mkdirSync(folder, { recursive: true });
  settleDisk();
  const data = Buffer.alloc(2_000, 0x61);
  const started = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    const file = path.join(folder, `.draft-${i}.eml.tmp`);
    fs.writeFileSync(file, data);
    fs.renameSync(file, path.join(folder, `draft-${i}.eml`));
  }
  return Math.round(Number(process.hrtime.bigint() - started) / 1e6) / 1e3;
}

export async function benchCommands(students = 2000, mentors = 800): Promise<Row[]> {
  if (!fs.existsSync(path.join(REPO, 'dist', 'main.js'))) throw new Error('build first: npx tsc -p tsconfig.build.json');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mentorship-bench-commands-'));
  const rows: Row[] = [];
  try {
    const files = await writeCohort(path.join(dir, 'in'), { students, mentors, seed: 2025 });
    const ws = path.join(dir, 'ws');
    measureCli(['init', ws, '--quiet'], dir, { MENTORSHIP_TODAY: TODAY });
    const step = (label: string, args: string[], target = '< 1 s', json = false) => {
      const m = measureCli([...args, ...(json ? ['--json'] : ['--quiet'])], ws, { MENTORSHIP_TODAY: TODAY });
      if (m.code !== 0) throw new Error(`mentorship ${args.join(' ')} failed (${m.code}): ${m.stderr}`);
      rows.push({ step: label, seconds: m.seconds, 'cpu s': m.cpuSeconds, 'peak MB': Math.round(m.maxRssMb), target });
      return m;
    };
    step(`import students (${students})`, ['import', 'students', files.students]);
    step(`import mentors (${mentors})`, ['import', 'mentors', files.mentors]);
    step('report supply', ['report', 'supply']);
    step('match', ['match']);
    step('confirm --all', ['confirm', '--all']);
    step('export', ['export']);
    step('status', ['status']);
    // The disk's own speed at creating files varies several-fold on this machine (ext4 mounted with
    // discard, after the deletions of earlier benches), and emails intro creates 12,000: this
    // reference row, node alone creating as many files beside the workspace just before, says how
    // much of the step's time is the disk's today.
    rows.push({ step: 'reference: node creates 12,000 files here', seconds: createFiles(path.join(dir, 'reference'), 12_000), 'cpu s': '-', 'peak MB': '-', target: '-' });
    step('emails intro', ['emails', 'intro'], '< 4 s');
    const drafts = fs.readdirSync(path.join(ws, 'out', 'emails', 'intro')).filter((f) => f.endsWith('.eml')).length;
    rows[rows.length - 1]!.step = `emails intro (${drafts} drafts x 3 files)`;
    step('emails intro again (all unchanged)', ['emails', 'intro'], '-');
    return rows;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const [s, m] = process.argv.slice(2).map(Number);
  printTable('commands', await benchCommands(s || undefined, m || undefined));
}

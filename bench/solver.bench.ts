/**
 * Solver bench: `npx tsx bench/solver.bench.ts` prints a table; `benchSolver()` returns the rows
 * for other benches. It reports figures only and asserts nothing about time, because timings
 * depend on the machine.
 *
 * Each measurement runs in a fresh child process so that the peak RSS it reports
 * (process.resourceUsage().maxRSS) belongs to that size alone and not to whatever ran before.
 * The peak includes the dense S*M score matrix of the input itself (8 bytes a pair).
 */
import { execFile, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import {
  solveAssignment,
  solveWithCertificate,
  verifyOptimality,
  type AssignmentInput,
  type AssignmentResult,
} from '../src/core/match/solver.js';
import { makeBenchInstance } from './instances.js';
import { referenceMinCost } from './reference-mincost.js';
import { greedyAssignment as greedyAssign } from '../src/core/match/greedy.js';

type Row = Record<string, string | number>;
type Task =
  | { kind: 'solve'; students: number; fair: boolean; capacityRatio?: number }
  | { kind: 'reference'; students: number }
  | { kind: 'scipy'; students: number };

const SIZES = [2000, 5000, 10000];
/** The dense Hungarian reference is O(n^2 m) on slots: feasible at these sizes only. */
const REFERENCE_SIZES = [500, 2000];


const mb = (bytes: number): number => Math.round(bytes / 1048576);
const secs = (ms: number): number => Number((ms / 1000).toFixed(3));
const round2 = (x: number): number => Math.round(x * 100) / 100;

function runSolve(students: number, fair: boolean, capacityRatio = 1.2): Row {
  const instance = makeBenchInstance(students, 1, capacityRatio);
  const input: AssignmentInput = { ...instance, fair };
  const rssBefore = process.memoryUsage().rss;
  let t0 = performance.now();
  const result = solveAssignment(input);
  const seconds = secs(performance.now() - t0);
  const maxRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
  t0 = performance.now();
  solveAssignment(input);
  const warmSeconds = secs(performance.now() - t0);
  t0 = performance.now();
  const certified = solveWithCertificate(input);
  const verdict = verifyOptimality(input, certified);
  const verifySeconds = secs(performance.now() - t0);
  const greedy = greedyAssign(input);
  return {
    bench: `solve${fair ? ' fair' : ''}${capacityRatio === 1.2 ? '' : ` (places ${capacityRatio}x)`}`,
    students,
    mentors: instance.mentors,
    seconds,
    warmSeconds,
    matched: result.matched,
    totalScore: round2(result.totalScore),
    maxRssMB,
    inputMB: mb(instance.scores.byteLength),
    rssBeforeSolveMB: mb(rssBefore),
    pricingPasses: certified.iterations,
    candidatePairs: certified.candidatePairs,
    optimalityProof: verdict.ok ? `ok (max violation ${(verdict.maxViolation ?? 0).toExponential(1)})` : `FAILED: ${verdict.reason}`,
    solvePlusProofSeconds: verifySeconds,
    greedyMatched: greedy.matched,
    greedyTotal: round2(greedy.totalScore),
    vsGreedy: `+${result.matched - greedy.matched} matched, +${round2(result.totalScore - greedy.totalScore)} score`,
  };
}

function runReference(students: number): Row {
  const input = makeBenchInstance(students, 1);
  let t0 = performance.now();
  const ours = solveAssignment(input);
  const seconds = secs(performance.now() - t0);
  t0 = performance.now();
  const ref = referenceMinCost(input);
  const referenceSeconds = secs(performance.now() - t0);
  const agree = ours.matched === ref.matched && Math.abs(ours.totalScore - ref.totalScore) <= 1e-6 * (1 + Math.abs(ref.totalScore));
  return {
    bench: 'vs reference',
    students,
    mentors: input.mentors,
    seconds,
    referenceSeconds,
    matched: ours.matched,
    referenceMatched: ref.matched,
    totalScore: round2(ours.totalScore),
    referenceTotal: round2(ref.totalScore),
    agree: agree ? 'yes' : 'NO',
  };
}

/**
 * scipy's linear_sum_assignment (Debian's python3-scipy) on the same instance, columns expanded by
 * places: the issue's yardstick for the solver's speed. Skipped, saying so, where scipy is missing.
 */
function runScipy(students: number): Row {
  const input = makeBenchInstance(students, 1);
  let t0 = performance.now();
  const ours = solveAssignment(input);
  const seconds = secs(performance.now() - t0);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mentorship-scipy-'));
  try {
    const file = path.join(dir, 'scores.f64');
    fs.writeFileSync(file, new Uint8Array(input.scores.buffer, input.scores.byteOffset, input.scores.byteLength));
    const script = fileURLToPath(new URL('./scipy-reference.py', import.meta.url));
    let out: string;
    try {
      out = execFileSync('python3', [script, file, String(input.students), String(input.mentors), JSON.stringify(Array.from(input.capacity))], { encoding: 'utf8', maxBuffer: 1 << 20, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (err) {
      return { bench: 'vs scipy', students, seconds, scipySeconds: `not run: ${String((err as Error).message).split('\n').find((l) => /Error/.test(l)) ?? 'python3 failed'} (apt-get install python3-scipy)` };
    }
    const ref = JSON.parse(out.trim().split('\n').pop() ?? '{}') as { seconds: number; matched: number; total: number };
    const agree = ours.matched === ref.matched && Math.abs(ours.totalScore - ref.total) <= 1e-6 * (1 + Math.abs(ref.total));
    return {
      bench: 'vs scipy',
      students,
      mentors: input.mentors,
      seconds,
      scipySeconds: ref.seconds,
      speedup: `${(ref.seconds / seconds).toFixed(1)}x`,
      matched: ours.matched,
      scipyMatched: ref.matched,
      agree: agree ? 'yes' : 'NO',
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function inChild(task: Task): Promise<Row> {
  const self = fileURLToPath(import.meta.url);
  // execArgv carries tsx's loader, so the child runs this same TypeScript file.
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [...process.execArgv, '--expose-gc', self, '--child', JSON.stringify(task)],
    { maxBuffer: 1 << 20 },
  );
  const line = stdout.trim().split('\n').pop() ?? '{}';
  return JSON.parse(line) as Row;
}

export async function benchSolver(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const students of SIZES) rows.push(await inChild({ kind: 'solve', students, fair: false }));
  rows.push(await inChild({ kind: 'solve', students: 2000, fair: true }));
  // Fewer places than students: the solver must also choose who stays unmatched.
  rows.push(await inChild({ kind: 'solve', students: 2000, fair: false, capacityRatio: 0.9 }));
  for (const students of REFERENCE_SIZES) rows.push(await inChild({ kind: 'reference', students }));
  rows.push(await inChild({ kind: 'scipy', students: 5000 }));
  return rows;
}

const childAt = process.argv.indexOf('--child');
if (childAt >= 0) {
  const task = JSON.parse(process.argv[childAt + 1] ?? '{}') as Task;
  const row =
    task.kind === 'solve' ? runSolve(task.students, task.fair, task.capacityRatio) :
    task.kind === 'scipy' ? runScipy(task.students) : runReference(task.students);
  process.stdout.write(`${JSON.stringify(row)}\n`);
} else if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = await benchSolver();
  const solveRows = rows.filter((r) => String(r.bench).startsWith('solve'));
  console.log('Solver (bench/instances.ts, seed 1); maxRssMB includes the S*M input (inputMB)');
  console.table(solveRows, ['bench', 'students', 'mentors', 'seconds', 'warmSeconds', 'maxRssMB', 'inputMB', 'matched', 'totalScore', 'pricingPasses', 'optimalityProof']);
  console.log('Versus first-come-first-served greedy');
  console.table(solveRows, ['bench', 'students', 'matched', 'greedyMatched', 'totalScore', 'greedyTotal', 'vsGreedy']);
  console.log('Versus textbook min-cost reference (dense Hungarian on expanded slots)');
  console.table(rows.filter((r) => r.bench === 'vs reference'), ['students', 'seconds', 'referenceSeconds', 'matched', 'referenceMatched', 'totalScore', 'referenceTotal', 'agree']);
  console.log("Versus scipy's linear_sum_assignment (places expanded to columns)");
  console.table(rows.filter((r) => r.bench === 'vs scipy'), ['students', 'mentors', 'seconds', 'scipySeconds', 'speedup', 'matched', 'scipyMatched', 'agree']);
}

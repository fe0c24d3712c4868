/**
 * `mentorship match` end to end on a 5,000-student / 2,000-mentor workspace, through the built CLI
 * (run `npx tsc -p tsconfig.build.json` first): seconds and peak RSS of each step. Figures only; no
 * timed assertion, since timings depend on the machine. The target is under 8 s for `match`.
 *   npx tsx bench/match.bench.ts [STUDENTS] [MENTORS]
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeCohort } from './cohort.js';

type Row = Record<string, string | number>;

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(REPO, 'bin', 'mentorship.js');
// Loaded before the CLI: on exit, writes the process's peak RSS (KiB) where RSS_FILE says.
const PEAK_RSS = `data:text/javascript,${encodeURIComponent(
  "import { writeFileSync } from 'node:fs'; process.on('exit', () => { if (process.env.RSS_FILE) writeFileSync(process.env.RSS_FILE, String(process.resourceUsage().maxRSS)); });",
)}`;

interface Timed {
  seconds: number;
  peakRssMb: number;
  stdout: string;
}

function cli(args: string[], cwd: string): Timed {
  const rssFile = path.join(os.tmpdir(), `mentorship-bench-rss-${process.pid}`);
  const started = performance.now();
  const r = spawnSync(process.execPath, ['--import', PEAK_RSS, BIN, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', MENTORSHIP_TODAY: '2025-11-25', RSS_FILE: rssFile },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`mentorship ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  const kib = Number(fs.readFileSync(rssFile, 'utf8'));
  fs.rmSync(rssFile, { force: true });
  return { seconds: Number(seconds.toFixed(2)), peakRssMb: Math.round(kib / 1024), stdout: r.stdout };
}

export async function benchMatch(students = 5000, mentors = 2000): Promise<Row[]> {
  if (!fs.existsSync(path.join(REPO, 'dist', 'main.js'))) throw new Error('build first: npx tsc -p tsconfig.build.json');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mentorship-bench-match-'));
  try {
    const files = await writeCohort(path.join(dir, 'in'), { students, mentors, seed: 2025 });
    const ws = path.join(dir, 'ws');
    cli(['init', ws], dir);
    const rows: Row[] = [];
    const size = `${students} x ${mentors}`;
    for (const [kind, file] of [['students', files.students], ['mentors', files.mentors]] as const) {
      const t = cli(['import', kind, file, '--quiet'], ws);
      rows.push({ step: `import ${kind}`, size, seconds: t.seconds, peakRssMb: t.peakRssMb });
    }
    for (const fair of [false, true]) {
      const t = cli(['match', '--json', '--force', ...(fair ? ['--fair'] : [])], ws);
      const s = (JSON.parse(t.stdout) as { result: { matched: number; unmatched: number; meanScore: number; lowestScore: number; gain: { matched: number; meanScore: number } } }).result;
      rows.push({
        step: fair ? 'match --fair' : 'match',
        size,
        seconds: t.seconds,
        peakRssMb: t.peakRssMb,
        matched: s.matched,
        unmatched: s.unmatched,
        meanScore: s.meanScore,
        lowestScore: s.lowestScore,
        vsGreedy: `${s.gain.matched >= 0 ? '+' : ''}${s.gain.matched} matched, ${s.gain.meanScore >= 0 ? '+' : ''}${s.gain.meanScore} mean`,
      });
    }
    const t = cli(['confirm', '--all', '--quiet'], ws);
    rows.push({ step: 'confirm --all', size, seconds: t.seconds, peakRssMb: t.peakRssMb });
    return rows;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const [s, m] = process.argv.slice(2).map(Number);
  const rows = await benchMatch(s || 5000, m || 2000);
  console.table(rows);
}

// Import and start-up figures: a 100,000-row CSV (one thread: target under 10 s and 600 MB), the
// same again over its own result, a 20,000-row XLSX, and `--help` against a bare `node -e ''`
// measured side by side.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeCohort } from './cohort.js';
import { parse } from 'csv-parse';
import { csvParseOptions } from '../src/io/csv-read.js';
import { measureCli, median, printTable, REPO, BIN, settleDisk, timeCommand } from './measure.js';

async function timeParse(file: string): Promise<number> {
  settleDisk();
  const started = process.hrtime.bigint();
  const parser = fs.createReadStream(file, { highWaterMark: 1 << 20 }).pipe(parse(csvParseOptions(',')));
  for await (const record of parser) void record;
  return Number(process.hrtime.bigint() - started) / 1e9;
}

export async function benchImport(): Promise<Record<string, string | number>[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mentorship-bench-import-'));
  await writeCohort(dir, { students: 100_000, mentors: 40_000, seed: 7, xlsxRows: 20_000 });
  const rows: Record<string, string | number>[] = [];
  const fresh = (name: string) => {
    const ws = path.join(dir, name);
    measureCli(['init', ws, '--quiet'], dir);
    return ws;
  };
  // How fast this machine is right now: csv-parse alone over the same file, in this process.
  // Shared virtual machines vary by a third from hour to hour.
  const parseOnly = await timeParse(path.join(dir, 'students.csv'));
  rows.push({ case: 'csv-parse alone, one thread (reference)', seconds: parseOnly, 'cpu s': '-', 'peak MB': '-', target: '-', exit: 0 });
  const csv = measureCli(['import', 'students', path.join(dir, 'students.csv'), '--quiet'], fresh('ws-csv'));
  rows.push({ case: 'import 100,000-row CSV', seconds: csv.seconds, 'cpu s': csv.cpuSeconds, 'peak MB': csv.maxRssMb, target: '< 10 s, < 600 MB', exit: csv.code });
  const xlsx = measureCli(['import', 'students', path.join(dir, 'students.xlsx'), '--quiet'], fresh('ws-xlsx'));
  rows.push({ case: 'import 20,000-row XLSX', seconds: xlsx.seconds, 'cpu s': xlsx.cpuSeconds, 'peak MB': xlsx.maxRssMb, target: '< 4 s', exit: xlsx.code });
  const again = measureCli(['import', 'students', path.join(dir, 'students.csv'), '--quiet'], path.join(dir, 'ws-csv'));
  rows.push({ case: 're-import the same 100,000 rows', seconds: again.seconds, 'cpu s': again.cpuSeconds, 'peak MB': again.maxRssMb, target: '-', exit: again.code });
  // --help against node itself, alternating so both see the same machine load.
  const help: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < 15; i++) {
    bare.push(timeCommand(process.execPath, ['-e', ''], REPO));
    help.push(timeCommand(process.execPath, [BIN, '--help'], REPO));
  }
  rows.push({ case: "node -e ''", seconds: median(bare), 'cpu s': '-', 'peak MB': '-', target: '-', exit: 0 });
  rows.push({ case: 'mentorship --help', seconds: median(help), 'cpu s': '-', 'peak MB': '-', target: `<= 2x node (${(median(help) / median(bare)).toFixed(2)}x)`, exit: 0 });
  fs.rmSync(dir, { recursive: true, force: true });
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  printTable('import', await benchImport());
}

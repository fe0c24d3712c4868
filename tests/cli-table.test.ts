// From argv to the handler and the options it is given, in-process: each verb's sub-kinds are real
// subcommands with only their own options, and whatever a handler reads reaches it.
import { describe, expect, it } from 'vitest';
import { buildProgram, type CliIo, CommanderError } from '../src/cli.js';
import type { GlobalOptions } from '../src/context.js';

interface Call {
  handler: unknown;
  globals: GlobalOptions;
  args: unknown[];
  command: string;
}

async function parse(argv: string[]): Promise<{ call?: Call; error?: CommanderError; stderr: string }> {
  let call: Call | undefined;
  let stderr = '';
  const io: CliIo = {
    async run(load, globals, args, command) {
      call = { handler: (await load()).run, globals, args, command };
    },
    writeOut: () => {},
    writeErr: (s) => {
      stderr += s;
    },
  };
  try {
    await buildProgram(io).parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) return { error: err, stderr };
    throw err;
  }
  return { call, stderr };
}

const handlers = {
  init: async () => (await import('../src/commands/init/index.js')).run,
  import: async () => (await import('../src/commands/import/index.js')).run,
  log: async () => (await import('../src/commands/log/index.js')).run,
  'report supply': async () => (await import('../src/commands/report/supply.js')).run,
  'report chase': async () => (await import('../src/commands/report/chase.js')).run,
  'report feedback': async () => (await import('../src/commands/report/feedback.js')).run,
  'report programme': async () => (await import('../src/commands/report/programme.js')).run,
  match: async () => (await import('../src/commands/match/index.js')).run,
  confirm: async () => (await import('../src/commands/confirm/index.js')).run,
  withdraw: async () => (await import('../src/commands/withdraw/index.js')).run,
  export: async () => (await import('../src/commands/export/index.js')).run,
  'emails intro': async () => (await import('../src/commands/emails/intro.js')).run,
  'emails chase': async () => (await import('../src/commands/emails/chase.js')).run,
  'emails feedback': async () => (await import('../src/commands/emails/feedback.js')).run,
  status: async () => (await import('../src/commands/status/index.js')).run,
  purge: async () => (await import('../src/commands/purge/index.js')).run,
  demo: async () => (await import('../src/commands/demo/index.js')).run,
};

const MAP = { map: [] as string[] };
const TABLE: [string, keyof typeof handlers, unknown[]][] = [
  ['init ws --year 2027-28 --from old --name X', 'init', ['ws', { year: '2027-28', from: 'old', name: 'X' }]],
  ['import students a.csv b.xlsx --map Q1=email --map Q2=name --sheet S --strict', 'import', ['students', ['a.csv', 'b.xlsx'], { preset: 'auto', map: ['Q1=email', 'Q2=name'], sheet: 'S', strict: true }]],
  ['import mentors a.csv --preset msforms --encoding windows-1252 --delimiter ;', 'import', ['mentors', ['a.csv'], { preset: 'msforms', map: [], encoding: 'windows-1252', delimiter: ';' }]],
  ['import meetings m.csv', 'import', ['meetings', ['m.csv'], { preset: 'auto', ...MAP }]],
  ['import feedback f.csv --survey final', 'import', ['feedback', ['f.csv'], { preset: 'auto', ...MAP, survey: 'final' }]],
  ['import pairs p.csv --strict', 'import', ['pairs', ['p.csv'], { ...MAP, strict: true }]],
  ['import exclusions x.csv', 'import', ['exclusions', ['x.csv'], MAP]],
  ['log meeting zoe@x.uk 1 2026-01-20', 'log', ['meeting', 'zoe@x.uk', '1', '2026-01-20', {}]],
  ['log no-response zoe@x.uk 2 2026-02-03', 'log', ['no-response', 'zoe@x.uk', '2', '2026-02-03', {}]],
  ['report supply', 'report supply', [{}]],
  ['report chase --as-of 2026-02-10', 'report chase', [{ asOf: '2026-02-10' }]],
  ['report feedback --survey final', 'report feedback', [{ survey: 'final' }]],
  ['report programme', 'report programme', [{}]],
  ['report program', 'report programme', [{}]],
  ['match --fair --explain zoe@x.uk --allow-mentor a@x.uk --allow-mentor b@x.uk', 'match', [{ fair: true, explain: 'zoe@x.uk', allowMentor: ['a@x.uk', 'b@x.uk'] }]],
  ['confirm reviewed.csv --all', 'confirm', ['reviewed.csv', { all: true }]],
  ['confirm --completed', 'confirm', [undefined, { completed: true }]],
  ['withdraw sam@x.uk --reason gone', 'withdraw', ['sam@x.uk', { reason: 'gone' }]],
  ['export', 'export', [{}]],
  ['emails intro --record', 'emails intro', [{ record: true }]],
  ['emails chase --record --as-of 2026-02-10', 'emails chase', [{ record: true, asOf: '2026-02-10' }]],
  ['emails feedback --survey final', 'emails feedback', [{ survey: 'final' }]],
  ['status', 'status', [{}]],
  ['purge --before 2027-06-01', 'purge', [{ before: '2027-06-01' }]],
  ['demo /tmp/d', 'demo', ['/tmp/d', {}]],
];

describe('argv to handler options', () => {
  it.each(TABLE)('%s', async (argv, verb, args) => {
    const { call, error } = await parse(argv.split(' '));
    expect(error).toBeUndefined();
    expect(call!.handler).toBe(await handlers[verb]());
    expect(call!.args).toEqual(args);
  });

  it('names the command in full for the --json envelope, an alias by its own name', async () => {
    expect((await parse(['report', 'program'])).call!.command).toBe('report programme');
    expect((await parse(['report', 'chase'])).call!.command).toBe('report chase');
    expect((await parse(['status'])).call!.command).toBe('status');
  });

  it('hands the common options over as globals', async () => {
    const { call } = await parse(['import', 'students', 'a.csv', '--dry-run', '--json', '-y', '--force', '-q', '--workspace', 'ws']);
    expect(call!.globals).toEqual({ workspace: 'ws', json: true, dryRun: true, yes: true, force: true, quiet: true, verbose: false });
    expect((await parse(['status', '-v'])).call!.globals).toMatchObject({ dryRun: false, force: false, verbose: true });
  });

  // Each one an option of a sibling (or of a writing command): a usage error, never silently ignored.
  it.each([
    'report supply --as-of 2026-01-01',
    'report programme --survey final',
    'import students a.csv --survey final',
    'import pairs p.csv --preset msforms',
    'emails intro --as-of 2026-01-01',
    'emails feedback --record',
    'status --dry-run',
    'status --force',
    'import',
    'import teachers a.csv',
    'report welcome',
    'emails welcome',
    'log lunch zoe@x.uk 1 2026-01-20',
    'log meeting zoe@x.uk 1',
  ])('%s is a usage error', async (argv) => {
    const { call, error, stderr } = await parse(argv.split(' '));
    expect(call).toBeUndefined();
    // main() turns every non-zero commander exit into exit code 2.
    expect(error!.exitCode).not.toBe(0);
    expect(stderr.length).toBeGreaterThan(0);
  });
});

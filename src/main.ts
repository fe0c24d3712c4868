// The one place that turns errors into messages and exit codes. bin/ calls main() and exits.
import type { Readable } from 'node:stream';
import { buildProgram, CommanderError } from './cli.js';
import type { Context, GlobalOptions, OutStream } from './context.js';
import { DataError, describeError, UsageError } from './errors.js';
import type { FsPort } from './io/fs-port.js';
import type { Message } from './outcome.js';
import { render } from './ui/render.js';
import { makeChalk } from './ui/color.js';
import { terminalSafe } from './ui/terminal.js';

export interface MainIo {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  stdout?: OutStream;
  stderr?: OutStream;
  stdin?: Readable & { isTTY?: boolean };
  /** The file-system port of the workspace's transaction and lock; tests inject faults through it. */
  fs?: FsPort;
}

function clock(env: NodeJS.ProcessEnv): () => Date {
  const pinned = env.MENTORSHIP_TODAY;
  if (pinned && /^\d{4}-\d{2}-\d{2}$/.test(pinned)) {
    const fixed = new Date(`${pinned}T09:00:00Z`);
    return () => new Date(fixed);
  }
  return () => new Date();
}

export function makeContext(opts: GlobalOptions, io: Required<Omit<MainIo, 'fs'>> & Pick<MainIo, 'fs'>): Context {
  const chalk = makeChalk(io.env, Boolean(io.stderr.isTTY));
  const colours = chalk.level > 0;
  const said: Message[] = [];
  return {
    said,
    cwd: io.cwd,
    env: io.env,
    stdout: io.stdout,
    stderr: io.stderr,
    stdin: io.stdin,
    opts,
    ...(io.fs ? { fs: io.fs } : {}),
    now: clock(io.env),
    chalk,
    interactive: Boolean(io.stdin.isTTY) && !opts.yes && io.env.CI !== 'true',
    info: (m) => {
      said.push({ level: 'info', text: m });
      if (!opts.quiet && !opts.json) io.stderr.write(`${terminalSafe(m, colours)}\n`);
    },
    warn: (m) => {
      said.push({ level: 'warning', text: m });
      io.stderr.write(`${chalk.yellow('warning:')} ${terminalSafe(m, colours)}\n`);
    },
    debug: (m) => {
      if (opts.verbose) io.stderr.write(`${chalk.dim(terminalSafe(m, colours))}\n`);
    },
  };
}

/** The terminal's folder; Node cannot tell it when it was deleted or renamed under the terminal. */
function currentFolder(): string {
  try {
    return process.cwd();
  } catch {
    throw new UsageError('the folder this terminal is in no longer exists (deleted or renamed?)', "cd to the scheme's folder and run the command again");
  }
}

export async function main(argv: string[], partial: MainIo = {}): Promise<number> {
  const io: Omit<Required<Omit<MainIo, 'fs'>>, 'cwd'> & Pick<MainIo, 'fs'> = {
    fs: partial.fs,
    env: partial.env ?? process.env,
    stdout: partial.stdout ?? process.stdout,
    stderr: partial.stderr ?? process.stderr,
    stdin: partial.stdin ?? process.stdin,
  };
  let verbose = argv.includes('--verbose') || argv.includes('-v');
  let exitCode = 0;
  const program = buildProgram({
    async run(load, globals, args, command) {
      verbose = globals.verbose;
      // Asked here, not up front: --help works in a folder that is gone, a command says so.
      const ctx = makeContext(globals, { ...io, cwd: partial.cwd ?? currentFolder() });
      const mod = await load();
      try {
        render(ctx, command, await mod.run(ctx, ...args));
      } catch (err) {
        if (err instanceof DataError && err.outcome) render(ctx, command, err.outcome);
        throw err;
      }
    },
    writeOut: (s) => io.stdout.write(s),
    writeErr: (s) => io.stderr.write(s),
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version exit 0; every other commander complaint is a usage error.
      exitCode = err.exitCode === 0 ? 0 : 2;
    } else {
      const d = describeError(err);
      io.stderr.write(`${terminalSafe(d.line)}\n`);
      if (verbose && err instanceof Error && err.stack) io.stderr.write(`${err.stack}\n`);
      exitCode = d.exitCode;
    }
  }
  return exitCode;
}

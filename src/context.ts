// What a command handler gets from the outside world. Tests build one with buffers and a fixed clock.
import type { Readable, Writable } from 'node:stream';
import type { ChalkInstance } from 'chalk';
import type { FsPort } from './io/fs-port.js';
import type { Message } from './outcome.js';

export interface GlobalOptions {
  workspace?: string;
  json: boolean;
  dryRun: boolean;
  yes: boolean;
  force: boolean;
  quiet: boolean;
  verbose: boolean;
}

export type OutStream = Writable & { isTTY?: boolean };

export interface Context {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: OutStream;
  stderr: OutStream;
  stdin: Readable & { isTTY?: boolean };
  opts: GlobalOptions;
  /** The file-system port for the workspace's transaction, journal and lock (node:fs when absent). */
  fs?: FsPort;
  /** The clock. MENTORSHIP_TODAY (YYYY-MM-DD) pins it, for demos and tests. */
  now(): Date;
  chalk: ChalkInstance;
  /** Prompts are allowed: stdin is a terminal and --yes was not given. */
  interactive: boolean;
  /**
   * For people, as the run goes: on stderr (info is silent with --quiet, and with --json, whose
   * envelope carries it); both are kept in `said` for the --json envelope.
   */
  info(message: string): void;
  warn(message: string): void;
  said: Message[];
  debug(message: string): void;
}

export function todayIso(ctx: Pick<Context, 'now'>): string {
  return ctx.now().toISOString().slice(0, 10);
}

// A handler's Context in this process, backed by buffers: handler tests call a command's run()
// directly and assert on the Outcome it returns (result, changes, messages), no child process.
import { Readable, Writable } from 'node:stream';
import type { Context, GlobalOptions } from '../../src/context.js';
import type { FsPort } from '../../src/io/fs-port.js';
import { makeContext } from '../../src/main.js';

export class Sink extends Writable {
  private chunks: string[] = [];
  isTTY = false;
  override _write(chunk: unknown, _enc: BufferEncoding, cb: (err?: Error | null) => void): void {
    this.chunks.push(String(chunk));
    cb();
  }
  text(): string {
    return this.chunks.join('');
  }
}

export interface TestContext {
  ctx: Context;
  stdout: () => string;
  stderr: () => string;
}

export function testContext(
  cwd: string,
  { today = '2025-11-25', opts = {}, env = {}, fs }: { today?: string; opts?: Partial<GlobalOptions>; env?: NodeJS.ProcessEnv; fs?: FsPort } = {},
): TestContext {
  const stdout = new Sink();
  const stderr = new Sink();
  const stdin = Object.assign(Readable.from([]), { isTTY: false });
  const globals: GlobalOptions = { json: false, dryRun: false, yes: true, force: false, quiet: false, verbose: false, ...opts };
  const ctx = makeContext(globals, {
    cwd,
    env: { NO_COLOR: '1', CI: 'true', MENTORSHIP_TODAY: today, ...env },
    stdout,
    stderr,
    stdin,
    ...(fs ? { fs } : {}),
  });
  return { ctx, stdout: () => stdout.text(), stderr: () => stderr.text() };
}

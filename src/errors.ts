// The three kinds of failure the tool knows. Only bin/ turns them into exit codes.
import type { Outcome } from './outcome.js';

/** The command line was wrong: exit 2. */
export class UsageError extends Error {
  readonly exitCode = 2;
  constructor(message: string, readonly hint?: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface Location {
  file?: string;
  row?: number;
  column?: string;
}

/** The input or the workspace data broke a rule: exit 1, nothing half-written. */
export class DataError extends Error {
  readonly exitCode = 1;
  /**
   * What the command did before it failed (an import whose every row was rejected wrote its
   * rejects): rendered like any outcome, text or --json, before the error.
   */
  outcome?: Outcome;
  constructor(
    message: string,
    readonly where: Location = {},
    readonly fix?: string,
  ) {
    super(message);
    this.name = 'DataError';
  }
}

/** A bug in the tool: ask for a report. */
export class InternalError extends Error {
  readonly exitCode = 70;
  constructor(message: string, readonly details?: unknown) {
    super(message);
    this.name = 'InternalError';
  }
}

/**
 * Messages quote people's data (headers, values). Control, line-break and bidirectional characters
 * in it are shown escaped, so an error stays one line and text cannot reorder the terminal.
 */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

export function formatLocation(where: Location): string {
  const parts: string[] = [];
  if (where.file) parts.push(where.file);
  if (where.row !== undefined) parts.push(`row ${where.row}`);
  if (where.column) parts.push(`column "${oneLine(where.column)}"`);
  return parts.join(', ');
}

/** One line: `error: file, row 3, column "email": message. fix`. */
export function describeError(err: unknown): { line: string; exitCode: number; internal: boolean } {
  if (err instanceof UsageError) {
    return { line: `usage error: ${oneLine(err.message)}${err.hint ? `\n  ${oneLine(err.hint)}` : ''}`, exitCode: 2, internal: false };
  }
  if (err instanceof DataError) {
    const where = formatLocation(err.where);
    return {
      line: `error: ${where ? `${oneLine(where)}: ` : ''}${oneLine(err.message)}${err.fix ? `\n  fix: ${oneLine(err.fix)}` : ''}`,
      exitCode: 1,
      internal: false,
    };
  }
  const message = err instanceof Error ? err.message : String(err);
  return {
    line: `internal error: ${oneLine(message)}\n  This is a bug in mentorship; please report it with the command you ran and the output of --verbose.`,
    exitCode: 70,
    internal: true,
  };
}

/**
 * What a failed file operation means to an administrator, by its errno code: the one map every
 * message about the disk uses (writing a workspace, reading an input, the lock).
 */
const ERRNO_REASONS: Readonly<Record<string, string>> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exceeded',
  EROFS: 'the folder is read-only',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EBUSY: 'the file is in use by another program',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder, not a file',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open',
  ENAMETOOLONG: 'the file name is too long',
  EIO: 'the disk reported an i/o error (EIO)',
};

export function errnoReason(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  return (e?.code && ERRNO_REASONS[e.code]) || (e instanceof Error ? e.message : String(err));
}

/** A failed write as the administrator can act on it: what could not be written, why, and the fix. */
export function ioError(err: unknown, file: string): DataError {
  return new DataError(`cannot write ${file}: ${errnoReason(err)}`, { file }, 'free some space or fix the folder permissions, then run the command again; nothing was changed');
}

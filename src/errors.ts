// The three kinds of failure the tool knows. Only bin/ turns them into exit codes.

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

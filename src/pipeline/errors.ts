/**
 * An input problem that names the file, the line and the reason, so a curator
 * can fix the plan without reading a stack trace. One bad plan raises one of
 * these; the callers catch it per file and go on with the others.
 */
export class PlanInputError extends Error {
  readonly file: string;
  readonly line: number;
  readonly reason: string;

  constructor(file: string, line: number, reason: string) {
    super(`${file}:${line}: ${reason}`);
    this.name = 'PlanInputError';
    this.file = file;
    this.line = line;
    this.reason = reason;
  }
}

/** What a file-system call was doing, for a sentence a curator can act on. */
const SYSCALL_VERB: Record<string, string> = {
  mkdir: 'cannot create the folder',
  open: 'cannot open',
  write: 'cannot write',
  rename: 'cannot replace',
  copyfile: 'cannot copy to',
  rm: 'cannot remove',
  rmdir: 'cannot remove',
  unlink: 'cannot remove',
  scandir: 'cannot list the folder',
  read: 'cannot read',
  stat: 'cannot reach',
  lstat: 'cannot reach',
};

/** Plain words for the errno codes a build meets on a full, read-only or misarranged disk. */
const ERRNO_REASON: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder, not a file',
  EEXIST: 'a file of that name is in the way',
  ENOENT: 'no such file or folder',
  ENOTEMPTY: 'the folder is not empty',
};

/**
 * One line for any error a CLI stops on: `file:line: reason` for bad input,
 * `cannot write PATH: reason (CODE)` for a file-system failure, the message
 * otherwise. Stack traces are for DEBUG only (see scripts/lib/cli.ts).
 */
export function formatError(error: unknown): string {
  if (error instanceof PlanInputError) return error.message;
  // A Zod error's message is its issues as JSON: name the first one instead.
  const issues = (error as { issues?: { path: PropertyKey[]; message: string }[] } | null)?.issues;
  if (error instanceof Error && error.name === 'ZodError' && issues?.length) {
    const [first] = issues as [{ path: PropertyKey[]; message: string }];
    const where = first.path.map(String).join('.') || 'record';
    return `invalid data at ${where}: ${first.message}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}`;
  }
  const e = error as Partial<NodeJS.ErrnoException & { dest: string }> | null;
  if (e && typeof e.code === 'string' && typeof e.path === 'string') {
    const verb = SYSCALL_VERB[e.syscall ?? ''] ?? 'cannot use';
    const target = e.syscall === 'rename' || e.syscall === 'copyfile' ? (e.dest ?? e.path) : e.path;
    return `${verb} ${target}: ${ERRNO_REASON[e.code] ?? e.message ?? e.code} (${e.code})`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}

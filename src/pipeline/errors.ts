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

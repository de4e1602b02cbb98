/**
 * The frame of a command-line script: its errors end it with one line that
 * names the file (and line) and the reason, and exit status 1. A stack trace
 * helps only whoever debugs the script itself, so it is printed only when
 * DEBUG is set.
 */
import { formatError } from '../../src/pipeline/errors.ts';

/** Runs `main`; an error it throws is printed as `name: <one line>` and exits 1. */
export async function runCli(name: string, main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    console.error(`${name}: ${formatError(error)}`);
    if (process.env.DEBUG && error instanceof Error && error.stack) console.error(error.stack);
    process.exitCode = 1;
  }
}

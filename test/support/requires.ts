/**
 * For a suite that needs something from the machine (a CJK font, a browser):
 * locally it is skipped, and says what to install; under CI=true a missing
 * requirement fails the run instead, so CI can never pass by skipping.
 */

/**
 * True when `present`; false (skip) when not, unless `env.CI` is "true",
 * where it throws naming what is missing and how to install it.
 */
export function needs(
  what: string,
  present: boolean,
  install: string,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  if (present) return true;
  if (env['CI'] === 'true')
    throw new Error(`${what} is missing, and under CI=true no suite may skip for it: ${install}`);
  return false;
}

/** The PlanInputError that `run` throws; any other outcome fails the test that asked. */
import { PlanInputError } from '../../src/pipeline/errors.ts';

export function inputErrorOf(run: () => unknown): PlanInputError {
  try {
    run();
  } catch (e) {
    if (e instanceof PlanInputError) return e;
    throw e;
  }
  throw new Error('expected a PlanInputError, but there was none');
}

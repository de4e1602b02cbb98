/**
 * Which of the paths a user gives are plans. A shell glob over a plans folder
 * (`content/plans/*`) also yields the `<stem>.yaml` metadata files beside Word,
 * PDF and web-page plans: those are read with their plan, not as plans.
 */
import { readdirSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PlanInputError } from './errors.ts';
import { SUPPORTED_EXTENSIONS, TEXT_EXTENSIONS } from './formats/sniff.ts';

export const DEFAULT_PLANS_DIR = fileURLToPath(new URL('../../content/plans', import.meta.url));

const SIDECAR_EXTENSIONS = ['.yaml', '.yml'];

/** A plan's id candidate: its file name without the extension. */
export function stemOf(file: string): string {
  return basename(file, extname(file));
}

const key = (path: string) => join(dirname(path), stemOf(path));
const ext = (path: string) => extname(path).toLowerCase();

export interface PlanArguments {
  /** Paths to read as plans, in the order given (a stray .yaml stays, so the reader names it). */
  plans: string[];
  /** Metadata files read with the plan beside them. */
  sidecars: string[];
  errors: PlanInputError[];
}

/** Splits the given paths into plans and the sidecars of plans among them. */
export function planArguments(paths: string[]): PlanArguments {
  const byKey = new Map<string, string[]>();
  for (const p of paths) {
    if (!SIDECAR_EXTENSIONS.includes(ext(p))) byKey.set(key(p), [...(byKey.get(key(p)) ?? []), p]);
  }
  const result: PlanArguments = { plans: [], sidecars: [], errors: [] };
  for (const p of paths) {
    if (!SIDECAR_EXTENSIONS.includes(ext(p))) {
      result.plans.push(p);
      continue;
    }
    const companions = byKey.get(key(p)) ?? [];
    if (companions.some((c) => !TEXT_EXTENSIONS.includes(ext(c)))) result.sidecars.push(p);
    else if (companions.length)
      result.errors.push(
        new PlanInputError(
          p,
          1,
          `${basename(companions[0]!)} is a text plan: its metadata goes in its front matter, and ${basename(p)} beside it is not read`,
        ),
      );
    else result.plans.push(p);
  }
  return result;
}

/** Plan files of a folder, sorted by name. */
export function listPlanFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => SUPPORTED_EXTENSIONS.includes(ext(f)))
    .sort()
    .map((f) => join(dir, f));
}

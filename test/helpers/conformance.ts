/**
 * Where the CSV conformance suites of other projects are (../shared/conformance beside the
 * project: csv-spectrum and Papa Parse's cases, see its README), read in place as the datasets
 * are (datasets.ts).
 *
 * - REVIEW_CONFORMANCE names the folder: then the tests must run, and a missing suite fails them
 *   (`.ci/run` sets it).
 * - Without it, the folder beside the project is used when it is there; when it is not, the
 *   tests are skipped with a message.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const NAMED = process.env.REVIEW_CONFORMANCE;
/** The conformance folder. */
export const CONFORMANCE = NAMED ? path.resolve(NAMED) : path.resolve(ROOT, '../shared/conformance');

/**
 * Whether these suites are there. Skips with a message when they are not and no variable asked
 * for them; throws when REVIEW_CONFORMANCE names a folder without them.
 */
export function conformance(test: string, ...suites: string[]): { have: boolean; SKIPPED: string } {
  const missing = suites.filter((n) => !existsSync(path.join(CONFORMANCE, n)));
  if (missing.length > 0 && NAMED)
    throw new Error(`${test}: REVIEW_CONFORMANCE names ${CONFORMANCE}, which has no ${missing.join(', ')}; the conformance tests must run`);
  if (missing.length > 0)
    console.warn(`${test}: conformance tests skipped: ${CONFORMANCE} is absent (set REVIEW_CONFORMANCE to a copy to run them)`);
  return { have: missing.length === 0, SKIPPED: missing.length === 0 ? '' : ` (skipped: ${CONFORMANCE} is absent)` };
}

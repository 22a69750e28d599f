/**
 * Where the real public exports are (../shared/datasets beside the project, each with its
 * SOURCE.md), and whether a test can use them. The tests read them in place, never copies.
 *
 * - REVIEW_DATASETS names the folder: then the tests must run, and a missing dataset fails them
 *   (`.ci/run` sets it).
 * - Without it, the folder beside the project is used when it is there; when it is not (a fresh
 *   clone, a fork's pull-request run on GitHub) the tests are skipped with a message.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ReviewConfig } from '../../src/lib/config/config-schema.ts';
import { loadConfig } from '../../src/lib/config/load-config.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const NAMED = process.env.REVIEW_DATASETS;
/** The datasets folder. */
export const DATASETS = NAMED ? path.resolve(NAMED) : path.resolve(ROOT, '../shared/datasets');
/** How the fixture configs name it: relative to their own folder (test/fixtures/<folder>/), as it is beside the project. */
const AS_WRITTEN = '../../../../shared/datasets';

/**
 * Whether these datasets are there. Skips with a message when they are not and no variable asked
 * for them; throws when REVIEW_DATASETS names a folder without them.
 * @param test the test's name, for the message
 * @param names dataset folders, e.g. 'boston-311-2015'
 */
export function datasets(test: string, ...names: string[]): { have: boolean; SKIPPED: string } {
  const missing = names.filter((n) => !existsSync(path.join(DATASETS, n)));
  if (missing.length > 0 && NAMED)
    throw new Error(`${test}: REVIEW_DATASETS names ${DATASETS}, which has no ${missing.join(', ')}; the real-dataset tests must run`);
  if (missing.length > 0)
    console.warn(`${test}: real-dataset tests skipped: ${DATASETS} is absent (set REVIEW_DATASETS to a copy to run them)`);
  return { have: missing.length === 0, SKIPPED: missing.length === 0 ? '' : ` (skipped: ${DATASETS} is absent)` };
}

/** A fixture config whose sources read the datasets: their globs point at DATASETS wherever it is. */
export function datasetConfig(file: string): ReviewConfig {
  const config = loadConfig(file);
  const here = path.relative(path.dirname(file), DATASETS).split(path.sep).join('/');
  const point = (g: string) => (g.startsWith(AS_WRITTEN) ? `${here}${g.slice(AS_WRITTEN.length)}` : g);
  return { ...config, sources: config.sources.map((s) => ({ ...s, files: Array.isArray(s.files) ? s.files.map(point) : point(s.files) })) };
}

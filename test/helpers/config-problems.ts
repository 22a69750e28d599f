/**
 * The problems a config gives, as the CLI prints them (one line each, with the path), or [] when it is valid.
 */
import { validateConfig } from '../../src/lib/config/load-config.ts';
import { ReviewError } from '../../src/lib/errors.ts';

export function problemsOf(raw: unknown): string[] {
  try {
    validateConfig(raw);
  } catch (e) {
    if (e instanceof ReviewError) return e.problems;
    throw e;
  }
  return [];
}

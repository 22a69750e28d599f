/**
 * Reads content/actions.yaml (the actions register, issue #18) and checks it against its schema
 * and the config. Every problem is reported at once, each as `file:line:col field: message`, the
 * line and column those of the value in the file (of the entry, when a field is missing).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { z } from 'zod';
import { ReviewError } from '../errors.ts';
import { formatPath, issueMessage } from '../util/format-zod-issues.ts';
import { yamlPlaces } from '../util/yaml-places.ts';
import { type Action, type ActionProblem, actionProblems, actionsFileSchema } from './actions-schema.ts';
import type { ReviewConfig } from './config-schema.ts';

/** The register as read: its actions, and where each value sits in the file (for later checks). */
export interface ActionsRegister {
  /** The file as messages name it (e.g. content/actions.yaml). */
  file: string;
  /** SHA-256 of the file's bytes: which edition of the register a build read. */
  sha256: string;
  actions: Action[];
  /** `file:line:col` of the value at a path ([2, 'moves', 'issue']), else of the nearest enclosing node. */
  locate(path: readonly (string | number)[]): string;
}

/** `moves.service` for the path [2, 'moves', 'service'] (the entry is named by the line). */
function fieldOf(path: readonly PropertyKey[]): string {
  return path.length <= 1 ? (path.length === 1 ? 'entry' : '(top level)') : formatPath(path.slice(1));
}

/** One located line per problem: `content/actions.yaml:12:14 moves.service: unknown service "x" …`. */
export function locatedLines(register: Pick<ActionsRegister, 'locate'>, problems: readonly ActionProblem[]): string[] {
  return problems.map((p) => `${register.locate(p.path)} ${fieldOf(p.path)}: ${p.message}`);
}

/**
 * Parses and checks a register's text.
 * @param text the YAML
 * @param shown the file as messages name it
 * @param config the config its services, priorities and survey scales are checked against
 * @throws ReviewError listing every problem, located
 */
export function parseActions(
  text: string,
  shown: string,
  config: Pick<ReviewConfig, 'services' | 'priorities' | 'surveys'>,
): ActionsRegister {
  const { doc, errors, valueAt } = yamlPlaces(text);
  if (errors.length > 0)
    throw new ReviewError(
      `${shown}: not valid YAML`,
      errors.map((e) => `${shown}:${e.line}:${e.col} ${e.message}`),
    );
  const locate = (path: readonly (string | number)[]) => {
    const p = valueAt(path);
    return p ? `${shown}:${p.line}:${p.col}` : `${shown}:1:1`;
  };
  const raw: unknown = doc.toJS() ?? [];
  const parsed = actionsFileSchema.safeParse(raw);
  const register = { file: shown, sha256: createHash('sha256').update(text).digest('hex'), locate };
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (issue) =>
        `${locate(issue.path as (string | number)[])} ${fieldOf(issue.path)}: ${issueMessage(issue as z.core.$ZodIssue, raw, actionsFileSchema)}`,
    );
    throw new ReviewError(`${shown}: ${lines.length} problem${lines.length === 1 ? '' : 's'} in the actions register`, [...new Set(lines)]);
  }
  const problems = actionProblems(parsed.data, config);
  if (problems.length > 0)
    throw new ReviewError(
      `${shown}: ${problems.length} problem${problems.length === 1 ? '' : 's'} in the actions register`,
      locatedLines(register, problems),
    );
  return { ...register, actions: parsed.data };
}

/**
 * Reads the register if the review has one.
 * @param file its path (content/actions.yaml beside the config)
 * @param shown how messages name it
 * @returns null when there is no such file (a review without an actions register)
 */
export function loadActions(
  file: string,
  shown: string,
  config: Pick<ReviewConfig, 'services' | 'priorities' | 'surveys'>,
): ActionsRegister | null {
  if (!existsSync(file)) return null;
  return parseActions(readFileSync(file, 'utf8'), shown, config);
}

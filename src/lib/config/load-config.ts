/**
 * Reads and validates the review config. All problems are collected and reported together,
 * each with the path of the bad value and what was found there.
 */
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { ReviewError } from '../errors.ts';
import { crossReferenceIssues, type ReviewConfig, reviewConfigSchema } from './config-schema.ts';

/** `services[2].target` from `['services', 2, 'target']`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out || '(top level)';
}

function valueAt(root: unknown, path: readonly PropertyKey[]): { found: boolean; value: unknown } {
  let cur: unknown = root;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object' || !(key in (cur as object))) return { found: false, value: undefined };
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return { found: true, value: cur };
}

function describeValue(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return String(v);
}

/** One line per zod issue: `path: message, got <value>`. */
export function formatIssues(issues: readonly z.core.$ZodIssue[], raw: unknown): string[] {
  const lines = issues.map((issue) => {
    const path = formatPath(issue.path);
    if (issue.code === 'unrecognized_keys') {
      return `${path}: unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    }
    const at = valueAt(raw, issue.path);
    if (!at.found || at.value === undefined) return `${path}: ${issue.message.replace(/, received undefined$/, '')} (missing)`;
    const message = issue.message.replace(/, received \w+$/, '');
    return `${path}: ${message}, got ${describeValue(at.value)}`;
  });
  return [...new Set(lines)];
}

/** Validates a parsed config object; throws a ReviewError listing every problem. */
export function validateConfig(raw: unknown, file = 'review.config.yaml'): ReviewConfig {
  const result = reviewConfigSchema.safeParse(raw);
  if (result.success) return result.data;
  // zod skips whole-config checks when the shape is wrong; run them on the raw input so every
  // problem shows at once (formatIssues drops the repeats when zod did run them).
  const cross = crossReferenceIssues(raw);
  const problems = formatIssues(
    [...result.error.issues, ...cross.map((c) => ({ ...c, code: 'custom' as const, input: undefined }))] as z.core.$ZodIssue[],
    raw,
  );
  throw new ReviewError(`${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'} in the config`, problems);
}

/** Reads a YAML config file and validates it. */
export function loadConfig(file: string): ReviewConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new ReviewError(`${file}: cannot read the config file (does it exist?)`);
  }
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ReviewError(
      `${file}: the config is not valid YAML`,
      doc.errors.map((e) => `line ${e.linePos?.[0]?.line ?? '?'}: ${e.message.split('\n')[0]}`),
    );
  }
  return validateConfig(doc.toJS(), file);
}

/**
 * zod's issues as one line each, `path: message, got <value>`: how the config, the actions register
 * and the commentary's front matter say what does not fit (every problem at once, each with its place).
 */
import type { z } from 'zod';

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
    // A key that is wrong (a misspelt field under a source's columns), whose value is beside the point, or a
    // message that names what it found: no value after it.
    if (issue.code === 'custom' && issue.params?.noValue === true) return `${path}: ${issue.message}`;
    const at = valueAt(raw, issue.path);
    if (!at.found || at.value === undefined) return `${path}: ${issue.message.replace(/, received undefined$/, '')} (missing)`;
    const message = issue.message.replace(/, received \w+$/, '');
    // A message that quotes what it found already (a time that does not exist, an interval 17:00–09:00) says it once.
    if (/\bgot\b/.test(message)) return `${path}: ${message}`;
    return `${path}: ${message}, got ${describeValue(at.value)}`;
  });
  return [...new Set(lines)];
}

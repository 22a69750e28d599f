/**
 * zod's issues as one line each, `path: message, got <value>`: how the config, the actions register
 * and the commentary's front matter say what does not fit (every problem at once, each with its place).
 */
import type { z } from 'zod';
import { closestName } from './did-you-mean.ts';

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

type SchemaDef = {
  type: string;
  innerType?: z.core.$ZodType;
  in?: z.core.$ZodType;
  getter?: () => z.core.$ZodType;
  shape?: Record<string, z.core.$ZodType>;
  element?: z.core.$ZodType;
  valueType?: z.core.$ZodType;
  options?: z.core.$ZodType[];
  items?: z.core.$ZodType[];
  left?: z.core.$ZodType;
  right?: z.core.$ZodType;
};
const defOf = (s: z.core.$ZodType): SchemaDef => s._zod.def as unknown as SchemaDef;
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'catch', 'readonly', 'nonoptional']);

/** The schema under its wrappers (optional, default, a pipe's input, a lazy schema's target). */
function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let s = schema;
  for (let guard = 0; guard < 32; guard++) {
    const d = defOf(s);
    if (WRAPPERS.has(d.type) && d.innerType) s = d.innerType;
    else if (d.type === 'pipe' && d.in) s = d.in;
    else if (d.type === 'lazy' && d.getter) s = d.getter();
    else break;
  }
  return s;
}

/** The object schemas a value at this place may be (a union of objects gives each of them). */
function objectsAt(schema: z.core.$ZodType, path: readonly PropertyKey[]): z.core.$ZodType[] {
  let here = [unwrap(schema)];
  for (const key of path) {
    const next: z.core.$ZodType[] = [];
    const visit = (s: z.core.$ZodType) => {
      const d = defOf(s);
      if (d.type === 'union' || d.type === 'intersection') {
        for (const o of d.options ?? [d.left, d.right]) if (o) visit(unwrap(o));
      } else if (d.type === 'object' && typeof key === 'string' && d.shape?.[key]) next.push(unwrap(d.shape[key]));
      else if (d.type === 'array' && typeof key === 'number' && d.element) next.push(unwrap(d.element));
      else if (d.type === 'tuple' && typeof key === 'number' && d.items?.[key]) next.push(unwrap(d.items[key]));
      else if (d.type === 'record' && d.valueType) next.push(unwrap(d.valueType));
    };
    for (const s of here) visit(s);
    here = next;
  }
  const objects: z.core.$ZodType[] = [];
  const collect = (s: z.core.$ZodType) => {
    const d = defOf(s);
    if (d.type === 'object') objects.push(s);
    else if (d.type === 'union' || d.type === 'intersection') for (const o of d.options ?? [d.left, d.right]) if (o) collect(unwrap(o));
  };
  for (const s of here) collect(s);
  return objects;
}

/**
 * The keys an object at `path` of `schema` takes, or null when the schema does not say (no object
 * there). Where the place may hold one of several objects, the keys of all of them.
 * @example keysAt(z.object({ review: z.object({ name: z.string(), timeZone: z.string() }) }), ['review']) // ['name', 'timeZone']
 */
export function keysAt(schema: z.core.$ZodType, path: readonly PropertyKey[]): string[] | null {
  const objects = objectsAt(schema, path);
  if (objects.length === 0) return null;
  return [...new Set(objects.flatMap((o) => Object.keys(defOf(o).shape ?? {})))];
}

/** `unknown key "timezone"; did you mean timeZone?`, or the keys the place takes when none is near. */
function unknownKeys(keys: readonly string[], known: readonly string[] | null): string {
  const quoted = keys.map((k) => `"${k}"`).join(', ');
  const head = `unknown key${keys.length > 1 ? 's' : ''} ${quoted}`;
  if (known === null || known.length === 0) return head;
  const near = keys.map((k) => closestName(k, known));
  if (keys.length === 1 && near[0] !== null) return `${head}; did you mean ${near[0]}?`;
  const hints = keys.flatMap((k, i) => (near[i] === null ? [] : [`${k} → ${near[i]}`]));
  if (hints.length > 0) return `${head}; did you mean ${hints.join(', ')}?`;
  return `${head} (expected one of ${known.join(', ')})`;
}

/**
 * What one zod issue says, without its path: `message, got <value>`, or for an unknown key the
 * nearest key the place takes (`unknown key "timezone"; did you mean timeZone?`), or the list of them.
 */
export function issueMessage(issue: z.core.$ZodIssue, raw: unknown, schema?: z.core.$ZodType): string {
  if (issue.code === 'unrecognized_keys') return unknownKeys(issue.keys, schema === undefined ? null : keysAt(schema, issue.path));
  // A key that is wrong (a misspelt field under a source's columns), whose value is beside the point, or a
  // message that names what it found: no value after it.
  if (issue.code === 'custom' && issue.params?.noValue === true) return issue.message;
  const at = valueAt(raw, issue.path);
  if (!at.found || at.value === undefined) return `${issue.message.replace(/, received undefined$/, '')} (missing)`;
  const message = issue.message.replace(/, received \w+$/, '');
  // A message that quotes what it found already (a time that does not exist, an interval 17:00–09:00) says it once.
  if (/\bgot\b/.test(message)) return message;
  return `${message}, got ${describeValue(at.value)}`;
}

/**
 * One line per zod issue: `path: message, got <value>`. Given the schema the issues came from, an
 * unknown key also gets the nearest key the place takes (`review: unknown key "timezone"; did you
 * mean timeZone?`), or the list of them.
 */
export function formatIssues(issues: readonly z.core.$ZodIssue[], raw: unknown, schema?: z.core.$ZodType): string[] {
  return [...new Set(issues.map((issue) => `${formatPath(issue.path)}: ${issueMessage(issue, raw, schema)}`))];
}

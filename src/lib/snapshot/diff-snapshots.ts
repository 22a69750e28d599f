/**
 * Per-figure differences between two snapshots of a period: every leaf value that changed,
 * with a readable path. Lists of records are matched by their identity (id, levelId, key,
 * date, file), not by position, so a new service or file shows as added rather than shifting
 * every row after it.
 */

export interface FigureChange {
  /** Readable path, e.g. `services[payments].availability`. */
  path: string;
  /** Value before; null when the figure is new. */
  old: unknown;
  /** Value after; null when the figure is gone. */
  new: unknown;
}

/**
 * Parts of a snapshot that are not its figures: how it was made, and the actions register as it
 * stood (issue #18). Actions move on after a review is published — that is what the live actions
 * page shows — so an edited content/actions.yaml never marks a published review as changed, and
 * its revision page stays as it was; a revision published later pins the actions as they stand then.
 */
export const PROVENANCE_KEYS = new Set(['tool', 'inputs', 'configSha256', 'actions']);

const IDENTITY_KEYS = ['id', 'levelId', 'key', 'date', 'file', 'name'];

function identityOf(item: unknown): string | null {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return null;
  for (const k of IDENTITY_KEYS) {
    const v = (item as Record<string, unknown>)[k];
    if (typeof v === 'string' || (typeof v === 'number' && k !== 'name')) return `${v}`;
    if (v === null && k === 'key') return '(none)';
  }
  return null;
}

function isLeaf(v: unknown): boolean {
  return v === null || typeof v !== 'object';
}

function walk(a: unknown, b: unknown, path: string, out: FigureChange[], skip: Set<string>): void {
  if (isLeaf(a) || isLeaf(b)) {
    if (!Object.is(a, b) && !(isLeaf(a) && isLeaf(b) && a === b)) {
      if (isLeaf(a) && isLeaf(b)) out.push({ path, old: a ?? null, new: b ?? null });
      else
        out.push({
          path,
          old: a === undefined ? null : isLeaf(a) ? a : '(removed)',
          new: b === undefined ? null : isLeaf(b) ? b : '(added)',
        });
    }
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const ids = a.map(identityOf);
    const keyed = ids.every((x) => x !== null) && b.every((x) => identityOf(x) !== null);
    if (keyed) {
      const left = new Map(a.map((x) => [identityOf(x) as string, x]));
      const right = new Map(b.map((x) => [identityOf(x) as string, x]));
      for (const [k, v] of left) walk(v, right.has(k) ? right.get(k) : undefined, `${path}[${k}]`, out, skip);
      for (const [k, v] of right) if (!left.has(k)) walk(undefined, v, `${path}[${k}]`, out, skip);
      return;
    }
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) walk(a[i], b[i], `${path}[${i}]`, out, skip);
    return;
  }
  if (Array.isArray(a) !== Array.isArray(b)) {
    out.push({ path, old: '(structure)', new: '(structure)' });
    return;
  }
  const ao = (a ?? {}) as Record<string, unknown>;
  const bo = (b ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(ao), ...Object.keys(bo)])];
  for (const k of keys) {
    if (path === '' && skip.has(k)) continue;
    walk(ao[k], bo[k], path ? `${path}.${k}` : k, out, skip);
  }
}

/**
 * Every changed figure between two snapshots, provenance left out (a changed input hash with
 * the same figures is not a changed review).
 * @example diffSnapshots({ a: 1, tool: 'x' }, { a: 2, tool: 'y' }) // [{ path: 'a', old: 1, new: 2 }]
 */
export function diffSnapshots(before: unknown, after: unknown, skip: Set<string> = PROVENANCE_KEYS): FigureChange[] {
  const out: FigureChange[] = [];
  walk(before, after, '', out, skip);
  return out;
}

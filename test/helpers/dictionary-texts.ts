/**
 * Every text of a dictionary (or a group of it) with its key path, messages called with sample
 * arguments of the kinds they take: counts, already-formatted figures, names.
 * @example texts({ a: 'x', b: { c: (n: number) => `${n} y` } }) // [['a', 'x'], ['b.c', '3 y']]
 */
export function texts(node: unknown, at = ''): Array<[string, string]> {
  if (typeof node === 'string') return [[at, node]];
  if (typeof node === 'function') {
    const args = Array.from({ length: node.length }, (_, i) => (i % 2 === 0 ? 3 : '示例'));
    return [[at, String(node(...args))]];
  }
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => texts(v, at ? `${at}.${k}` : k));
}

/**
 * Where things sit in a YAML text, for messages that name `file:line`: the actions register's
 * problems and a commentary's front matter. The yaml package keeps every node's range; its
 * LineCounter turns an offset into a line and column (both 1-based).
 */
import { type Document, isMap, isScalar, LineCounter, parseDocument } from 'yaml';

export interface YamlPlace {
  line: number;
  col: number;
}

export interface YamlPlaces {
  doc: Document;
  /** Syntax errors, each where the parser found it. */
  errors: Array<YamlPlace & { message: string }>;
  /** The place of the value at a path, else of the nearest enclosing node that has one; null in an empty document. */
  valueAt(path: readonly PropertyKey[]): YamlPlace | null;
  /** The place of the key naming a path's last step in its mapping; null when the mapping has no such key. */
  keyAt(path: readonly PropertyKey[]): YamlPlace | null;
}

const rangeOf = (node: unknown) => (node as { range?: [number, number, number] } | null | undefined)?.range;

/** Parses a YAML text keeping the place of every node (duplicate keys are errors, as in the config). */
export function yamlPlaces(text: string): YamlPlaces {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const at = (offset: number): YamlPlace => lineCounter.linePos(offset);
  const nodeAt = (path: readonly PropertyKey[]) => (path.length === 0 ? doc.contents : doc.getIn(path as unknown[], true));
  return {
    doc,
    errors: doc.errors.map((e) => ({ ...at(e.pos[0]), message: e.message.split('\n')[0] as string })),
    valueAt(path) {
      for (let n = path.length; n >= 0; n--) {
        const range = rangeOf(nodeAt(path.slice(0, n)));
        if (range) return at(range[0]);
      }
      return null;
    },
    keyAt(path) {
      if (path.length === 0) return null;
      const parent = nodeAt(path.slice(0, -1));
      if (!isMap(parent)) return null;
      const last = path[path.length - 1];
      const pair = parent.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === last);
      const range = rangeOf(pair?.key);
      return range ? at(range[0]) : null;
    },
  };
}

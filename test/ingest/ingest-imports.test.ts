/**
 * Layering of src/lib/ingest (issue #12): ingestion imports nothing from the later stages
 * (rollup/, metrics/, pipeline/, snapshot/, site/, format/) — only model/, time/, util/, fs/,
 * config/ and errors.ts besides itself and packages — and the modules it reaches import each
 * other without a cycle (type-only imports included, since they too tie modules together).
 * Imports are read from the source text: static `import … from '…'` and `export … from '…'`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const LIB = path.resolve(import.meta.dirname, '../../src/lib');
const INGEST = path.join(LIB, 'ingest');
const ALLOWED = ['ingest', 'model', 'time', 'util', 'fs', 'config', 'errors.ts'];

/** The relative imports of a module, as absolute paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+'(\.[^']+)'/gm))
    out.push(path.resolve(path.dirname(file), m[1] as string));
  for (const m of text.matchAll(/^\s*import\s+'(\.[^']+)'/gm)) out.push(path.resolve(path.dirname(file), m[1] as string));
  return out;
}

const ingestFiles = readdirSync(INGEST)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => path.join(INGEST, f));

describe('src/lib/ingest imports', () => {
  it('reach only model/, time/, util/, fs/, config/ and errors.ts outside ingest/', () => {
    const outside = ingestFiles.flatMap((f) =>
      importsOf(f)
        .map((target) => path.relative(LIB, target).split(path.sep)[0] as string)
        .filter((top) => !ALLOWED.includes(top))
        .map((top) => `${path.basename(f)} → ${top}`),
    );
    expect(outside).toEqual([]);
  });

  it('form no cycle among the modules ingestion reaches', () => {
    const graph = new Map<string, string[]>();
    const todo = [...ingestFiles];
    while (todo.length > 0) {
      const f = todo.pop() as string;
      if (graph.has(f)) continue;
      const next = importsOf(f);
      graph.set(f, next);
      todo.push(...next);
    }
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (f: string, trail: string[]) => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(f)), f].map((x) => path.relative(LIB, x)).join(' → '));
        return;
      }
      state.set(f, 'open');
      for (const g of graph.get(f) ?? []) visit(g, [...trail, f]);
      state.set(f, 'done');
    };
    for (const f of graph.keys()) visit(f, []);
    expect(graph.size).toBeGreaterThan(ingestFiles.length);
    expect(cycles).toEqual([]);
  });
});

/**
 * The floors of src/lib read in pipeline order (issue #12): an import never points up a floor.
 * util → model, time, fs, errors → config → ingest → rollup → metrics → snapshot → pipeline;
 * site and format read snapshots, never the pipeline. No module imports itself through others
 * (no cycle, type-only imports included). A file over 400 lines says why in its first lines.
 * Imports are read from the source text (static `import … from` and `export … from`).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const LIB = path.resolve(import.meta.dirname, '../src/lib');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : /\.(ts|mjs)$/.test(name) ? [p] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+'(\.[^']+)'/gm))
    out.push(path.resolve(path.dirname(file), m[1] as string));
  for (const m of text.matchAll(/^\s*import\s+'(\.[^']+)'/gm)) out.push(path.resolve(path.dirname(file), m[1] as string));
  return out.filter((p) => p.startsWith(LIB));
}

const floorOf = (file: string) => path.relative(LIB, file).split(path.sep)[0] as string;

/** What each floor may import besides itself. */
const MAY_IMPORT: Record<string, string[]> = {
  'errors.ts': [],
  model: ['util'],
  util: [],
  time: ['util'],
  fs: ['errors.ts'],
  format: [],
  config: ['model', 'time', 'util', 'errors.ts'],
  ingest: ['model', 'time', 'util', 'fs', 'config', 'errors.ts'],
  rollup: ['model', 'time', 'util'],
  metrics: ['model', 'time', 'util', 'rollup'],
  snapshot: ['model', 'time', 'util', 'fs', 'config', 'ingest', 'rollup', 'metrics', 'errors.ts'],
  pipeline: ['model', 'time', 'util', 'fs', 'config', 'ingest', 'rollup', 'metrics', 'snapshot', 'errors.ts'],
  site: ['model', 'time', 'util', 'fs', 'format', 'metrics', 'snapshot', 'errors.ts'],
};

const files = filesUnder(LIB);

describe('src/lib floors', () => {
  it('every file is on a known floor', () => {
    expect([...new Set(files.map(floorOf))].filter((f) => !(f in MAY_IMPORT))).toEqual([]);
  });

  it('no import points up a floor (ingest nothing from rollup, metrics or pipeline; metrics nothing from config or pipeline; snapshot and site nothing from pipeline)', () => {
    const wrong = files.flatMap((f) =>
      importsOf(f)
        .filter((t) => floorOf(t) !== floorOf(f) && !(MAY_IMPORT[floorOf(f)] ?? []).includes(floorOf(t)))
        .map((t) => `${path.relative(LIB, f)} → ${path.relative(LIB, t)}`),
    );
    expect(wrong).toEqual([]);
  });

  it('no cycle of imports', () => {
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (f: string, trail: string[]) => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(f)), f].map((x) => path.relative(LIB, x)).join(' → '));
        return;
      }
      state.set(f, 'open');
      for (const g of importsOf(f)) visit(g, [...trail, f]);
      state.set(f, 'done');
    };
    for (const f of files) visit(f, []);
    expect(cycles).toEqual([]);
  });

  it('a file over 400 lines gives a one-line reason at its top', () => {
    const long = files
      .map((f) => ({ f, text: readFileSync(f, 'utf8') }))
      .filter(({ text }) => text.split('\n').length > 420)
      .filter(({ text }) => !/\b(\d{3}|about \d+|over 400) lines\b/i.test(text.split('\n').slice(0, 4).join('\n')))
      .map(({ f }) => path.relative(LIB, f));
    expect(long).toEqual([]);
  });
});

import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEED, generateSampleData } from '../../scripts/generate-sample-data.ts';

const COMMITTED = fileURLToPath(new URL('../../data', import.meta.url));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

describe('generate-sample-data', () => {
  const dirs: string[] = [];

  beforeAll(() => {
    for (let i = 0; i < 2; i++) {
      const dir = mkdtempSync(join(tmpdir(), 'sample-data-'));
      dirs.push(dir);
      generateSampleData({ seed: DEFAULT_SEED, outDir: dir });
    }
  }, 60_000);

  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('writes byte-identical files for the same seed', () => {
    const [a, b] = dirs as [string, string];
    const files = filesUnder(a);
    expect(files).toEqual(filesUnder(b));
    expect(files.filter((f) => f.endsWith('.csv.gz'))).toHaveLength(6);
    for (const f of files) expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f).toBe(true);
  });

  it('writes gzip headers without file name or mtime', () => {
    const [a] = dirs as [string];
    for (const f of filesUnder(a).filter((x) => x.endsWith('.gz'))) {
      const gz = readFileSync(join(a, f));
      expect(gz[3], `${f} FLG`).toBe(0);
      expect(gz.readUInt32LE(4), `${f} MTIME`).toBe(0);
    }
  });

  it('matches the committed data/ (regenerate with `npm run sample-data`)', () => {
    const [a] = dirs as [string];
    for (const f of filesUnder(a)) {
      expect(readFileSync(join(COMMITTED, f)).equals(readFileSync(join(a, f))), `data/${f} is stale`).toBe(true);
    }
  });
});

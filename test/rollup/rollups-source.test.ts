/**
 * Item 4 of issue #17, the interchange half: on the sample data and every fixture review with
 * checks, a review built from the exported rollups (CSV and Parquet) is byte-identical to the one
 * built from the raw checks, apart from the provenance that names the input files.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSnapshots, copyCase, replaceChecksSources, rollupCases, withoutProvenance } from '../helpers/rollup-cases.ts';
import { runCli } from '../helpers/run-cli.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe.each(rollupCases())('$name: a review built from its rollups', (c) => {
  for (const format of ['csv', 'parquet'] as const)
    it(`equals the review built from the checks (${format})`, async () => {
      const work = copyCase(c);
      dirs.push(work);
      const raw = await buildSnapshots(work);
      const file = path.join(work, `rollups/all.${format}`);
      const exported = await runCli(['export-rollups', '--config', path.join(work, 'review.config.yaml'), '--out', file]);
      expect(exported.code, exported.err).toBe(0);
      replaceChecksSources(work, (s) => ({ id: s.id, kind: 'rollups', files: `rollups/all.${format}` }));
      const fromRollups = await buildSnapshots(work);
      expect([...fromRollups.keys()]).toEqual([...raw.keys()]);
      // The second build read the rollups file, not the checks.
      const kinds = (JSON.parse(fromRollups.get([...raw.keys()][0] as string) as string).inputs as Array<{ kind: string }>).map(
        (i) => i.kind,
      );
      expect(kinds).toContain('rollups');
      expect(kinds).not.toContain('checks');
      for (const [f, text] of raw) expect(withoutProvenance(fromRollups.get(f) as string), `${c.name} ${f}`).toBe(withoutProvenance(text));
    }, 120_000);
});

/**
 * Issue #12: a checks export with a day- or month-first date and no `dateOrder` was rejected by
 * the general path ("set dateOrder") but read as 11 March by the fast path, which defaulted the
 * option on its own. Every path now reads the one resolved option (src/lib/ingest/resolve-source.ts),
 * so the row is rejected alike on the fast path, the worker threads and csv-parse. The expected
 * reject is parseTimestamp's reason for a slash date under the default order (`ymd`).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/lib/config/load-config.ts';
import { type IngestOptions, ingestSources } from '../../src/lib/ingest/ingest-sources.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const config = (sourceExtra: string) => `review:
  name: Date order
  timeZone: UTC
services:
  - { id: api, name: API, owner: P, target: 0.99, latencyThresholdMs: 200 }
priorities:
  - { id: p1, name: P1, words: [P1], response: 15m, resolution: 4h }
sources:
  - { id: mon, kind: checks, files: "checks.csv"${sourceExtra} }
`;

const PATHS: Array<[string, Partial<IngestOptions>]> = [
  ['fast path (main thread)', { fastPath: true, workers: 0 }],
  ['worker threads', { fastPath: true, workers: 2, parallel: { minBytes: 0, blockBytes: 64 } }],
  ['general path (csv-parse)', { fastPath: false, workers: 0 }],
];

async function read(sourceExtra: string, rows: string[], options: Partial<IngestOptions>) {
  const dir = mkdtempSync(path.join(tmpdir(), 'date-order-'));
  dirs.push(dir);
  writeFileSync(path.join(dir, 'checks.csv'), `timestamp,service,status,latency_ms\n${rows.join('\n')}\n`);
  writeFileSync(path.join(dir, 'review.config.yaml'), config(sourceExtra));
  const r = await ingestSources(
    loadConfig(path.join(dir, 'review.config.yaml')),
    dir,
    { info() {} },
    {
      cacheDir: null,
      toolVersion: 't',
      ...options,
    },
  );
  const times = [...(r.checks.toMap().get('api')?.get('default')?.timesMs ?? [])];
  r.checks.close();
  return { file: r.files[0], times };
}

describe('a day- or month-first date without dateOrder', () => {
  for (const [name, options] of PATHS)
    it(`is rejected with "set dateOrder" on the ${name}`, async () => {
      const { file, times } = await read('', ['2026-11-03T08:00:00Z,api,up,10', '03/11/2026 08:15,api,up,12'], options);
      expect(times).toEqual([Date.UTC(2026, 10, 3, 8)]);
      expect(file?.accepted).toBe(1);
      expect(file?.rejects).toEqual([
        {
          line: 3,
          column: 1,
          field: 'timestamp',
          value: '03/11/2026 08:15',
          reason: 'expected a date like 2026-11-03 08:15, got "03/11/2026 08:15"; for day- or month-first dates set dateOrder: dmy or mdy',
        },
      ]);
    });

  for (const [name, options] of PATHS)
    it(`is read per the source's dateOrder on the ${name}`, async () => {
      const dmy = await read(', dateOrder: dmy', ['03/11/2026 08:15,api,up,12'], options);
      expect(dmy.times).toEqual([Date.UTC(2026, 10, 3, 8, 15)]);
      const mdy = await read(', dateOrder: mdy', ['03/11/2026 08:15,api,up,12'], options);
      expect(mdy.times).toEqual([Date.UTC(2026, 2, 11, 8, 15)]);
    });
});

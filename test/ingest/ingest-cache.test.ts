/**
 * The parsed-file cache (src/lib/ingest/ingest-cache.ts) keeps a checks file's accepted checks
 * in a binary sidecar written in chunks while the file is read. Replaying it must give the
 * same checks and accounting as parsing, over several chunks (40,000 checks, chunks of
 * 16,384), through the fast path, the worker threads and csv-parse; a sidecar cut short
 * (a crash between writes) is a miss, never an error.
 */
import { mkdtempSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/lib/config/load-config.ts';
import { type IngestOptions, ingestSources } from '../../src/lib/ingest/ingest-sources.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const CONFIG = `review:
  name: Cache
  timeZone: UTC
services:
  - { id: api, name: API, owner: P, target: 0.99, latencyThresholdMs: 200 }
  - { id: web, name: Web, owner: W, target: 0.99, latencyThresholdMs: 500 }
priorities:
  - { id: p1, name: P1, words: [P1], response: 15m, resolution: 4h }
sources:
  - { id: mon, kind: checks, files: "checks*.csv" }
`;

/** 40,000 checks over four series, interleaved, a minute apart per series; some rows bad, some quoted. */
function checksCsv(): string {
  const lines = ['timestamp,service,probe,status,latency_ms'];
  const start = Date.parse('2026-03-01T00:00:00Z');
  for (let i = 0; i < 10_000; i++) {
    const t = new Date(start + i * 60_000).toISOString();
    lines.push(`${t},api,eu,${i % 97 === 0 ? 'down' : 'up'},${i % 13 === 0 ? '' : 100 + (i % 50)}`);
    lines.push(`${t},api,us,${i % 89 === 0 ? 'degraded' : 'ok'},${120 + (i % 7)}`);
    lines.push(`${t},web,eu,${i % 5000 === 1 ? 'weird' : 'up'},${300 + (i % 11)}`);
    lines.push(`${t},web,us,up,${i === 9000 ? '"31"' : 310}`);
  }
  return `${lines.join('\n')}\n`;
}

function setup(): { config: string; dir: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'ingest-cache-'));
  dirs.push(dir);
  writeFileSync(path.join(dir, 'checks-1.csv'), checksCsv());
  writeFileSync(path.join(dir, 'review.config.yaml'), CONFIG);
  return { config: path.join(dir, 'review.config.yaml'), dir };
}

async function ingest(dir: string, options: Partial<IngestOptions>) {
  const r = await ingestSources(
    loadConfig(path.join(dir, 'review.config.yaml')),
    dir,
    { info() {} },
    {
      cacheDir: path.join(dir, '.cache'),
      toolVersion: 't',
      ...options,
    },
  );
  const checks = r.checks.toMap();
  r.checks.close();
  const plain = [...checks].map(([service, probes]) => [
    service,
    [...probes].map(([probe, s]) => [probe, [...s.timesMs], [...s.statuses], [...s.latenciesMs].map(String)]),
  ]);
  return { cache: r.cache, files: r.files, checks: plain };
}

describe('parsed-file cache of checks', () => {
  for (const [name, options] of [
    ['fast path', {}],
    ['worker threads', { workers: 2, parallel: { minBytes: 0, blockBytes: 64 * 1024 } }],
    ['csv-parse', { fastPath: false }],
  ] as Array<[string, Partial<IngestOptions>]>)
    it(`replays what the ${name} recorded, over several chunks`, async () => {
      const { dir } = setup();
      const parsed = await ingest(dir, options);
      expect(parsed.cache).toEqual({ hits: 0, parsed: 1 });
      expect(parsed.files[0]?.accepted).toBe(39_998);
      expect(parsed.files[0]?.rejected).toBe(2);
      const replayed = await ingest(dir, options);
      expect(replayed.cache).toEqual({ hits: 1, parsed: 0 });
      expect(replayed.files).toEqual(parsed.files);
      expect(replayed.checks).toEqual(parsed.checks);
      // And the same as with no cache at all.
      const uncached = await ingest(dir, { ...options, cacheDir: null });
      expect(uncached.checks).toEqual(parsed.checks);
      // No temp file is left in the cache folder.
      expect(readdirSync(path.join(dir, '.cache')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    });

  it('treats a sidecar cut short as a miss and parses the file again', async () => {
    const { dir } = setup();
    const parsed = await ingest(dir, {});
    const sidecar = readdirSync(path.join(dir, '.cache')).find((f) => f.endsWith('.checks')) as string;
    truncateSync(path.join(dir, '.cache', sidecar), 1000);
    const again = await ingest(dir, {});
    expect(again.cache).toEqual({ hits: 0, parsed: 1 });
    expect(again.checks).toEqual(parsed.checks);
    expect((await ingest(dir, {})).cache).toEqual({ hits: 1, parsed: 0 });
  });
});

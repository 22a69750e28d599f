/**
 * The parsed-file cache (src/lib/ingest/ingest-cache.ts) keeps a checks file's accepted checks
 * in a binary sidecar written in chunks while the file is read. Replaying it must give the
 * same checks and accounting as parsing, over several chunks (40,000 checks, chunks of
 * 16,384), through the fast path, the worker threads and csv-parse; a sidecar cut short
 * (a crash between writes) is a miss, never an error.
 *
 * Which files are opened and read, by the rule of src/lib/ingest/export-files.ts (KnownHashes):
 * a parsed file is opened once and each byte read once; an unchanged file whose fingerprint
 * has settled is replayed unopened; one read moments ago is hashed again first; an edited file
 * of the same size is parsed again.
 */
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/lib/config/load-config.ts';
import { ExportFile, RACY_WINDOW_NS, wallClockNs } from '../../src/lib/ingest/export-files.ts';
import { cacheKey, codeFingerprint, READING_CODE } from '../../src/lib/ingest/ingest-cache.ts';
import { type IngestOptions, ingestSources } from '../../src/lib/ingest/ingest-sources.ts';
import type { SourceOptions } from '../../src/lib/ingest/resolve-source.ts';

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

/** A clock past the racy window, so files written a moment ago count as settled (as they will be in a real next run). */
const LATER = { clockNs: () => wallClockNs() + 5n * RACY_WINDOW_NS };

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

describe('which files are opened and read', () => {
  /** The ExportFiles ingestion opens, recorded. */
  function watchOpens(): ExportFile[] {
    const opened: ExportFile[] = [];
    const open = ExportFile.open.bind(ExportFile);
    vi.spyOn(ExportFile, 'open').mockImplementation(async (...args) => {
      const f = await open(...args);
      opened.push(f);
      return f;
    });
    return opened;
  }
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** The test file without its one quoted cell, so no reader hands over (a handover re-reads the blocks in flight). */
  function plainSetup(): string {
    const { dir } = setup();
    writeFileSync(path.join(dir, 'checks-1.csv'), checksCsv().replace('"31"', '31'));
    return dir;
  }

  for (const [name, options] of [
    ['fast path', {}],
    ['worker threads', { workers: 2, parallel: { minBytes: 0, blockBytes: 64 * 1024 } }],
    ['csv-parse', { fastPath: false }],
  ] as Array<[string, Partial<IngestOptions>]>)
    it(`opens a parsed file once and reads each byte once (${name}), cache on or off`, async () => {
      for (const cacheDir of [undefined, null]) {
        const dir = plainSetup();
        const opened = watchOpens();
        const r = await ingest(dir, { ...options, ...(cacheDir === null ? { cacheDir } : {}) });
        const size = statSync(path.join(dir, 'checks-1.csv')).size;
        expect(opened.map((f) => f.bytesRead)).toEqual([size]);
        expect(r.files[0]?.bytes).toBe(size);
        vi.restoreAllMocks();
      }
    });

  it('replays a file unchanged since a settled read without opening it', async () => {
    const dir = plainSetup();
    const parsed = await ingest(dir, LATER);
    const opened = watchOpens();
    const replayed = await ingest(dir, LATER);
    expect(opened).toEqual([]);
    expect(replayed.cache).toEqual({ hits: 1, parsed: 0 });
    expect(replayed.files).toEqual(parsed.files);
    expect(replayed.checks).toEqual(parsed.checks);
  });

  it('hashes a file read moments after it was written again before replaying it (racy fingerprint)', async () => {
    const dir = plainSetup();
    await ingest(dir, {});
    const opened = watchOpens();
    const again = await ingest(dir, {});
    // Read for its hash (each byte once), not parsed: a cache hit.
    expect(again.cache).toEqual({ hits: 1, parsed: 0 });
    expect(opened.map((f) => f.bytesRead)).toEqual([statSync(path.join(dir, 'checks-1.csv')).size]);
  });

  it('parses a file edited in place with the same size again, however soon', async () => {
    const dir = plainSetup();
    const file = path.join(dir, 'checks-1.csv');
    const before = await ingest(dir, {});
    const text = checksCsv().replace('"31"', '31');
    // Same length: one status word for another of the same length.
    const edited = text.replaceAll(',weird,', ',error,');
    expect(edited.length).toBe(text.length);
    writeFileSync(file, edited);
    const after = await ingest(dir, {});
    expect(after.cache).toEqual({ hits: 0, parsed: 1 });
    expect(after.files[0]?.sha256).not.toBe(before.files[0]?.sha256);
    expect(after.files[0]?.rejected).toBe((before.files[0]?.rejected ?? 0) - 2);
  });

  it('parses a file replaced by another of the same size again, even after a settled read', async () => {
    const dir = plainSetup();
    const file = path.join(dir, 'checks-1.csv');
    await ingest(dir, LATER);
    // An editor's save: a new file renamed over the old one (a new inode).
    writeFileSync(`${file}.new`, checksCsv().replace('"31"', '31').replaceAll(',weird,', ',error,'));
    renameSync(`${file}.new`, file);
    const after = await ingest(dir, LATER);
    expect(after.cache).toEqual({ hits: 0, parsed: 1 });
  });
});

describe('the cache key follows the reading code, not only the tool version', () => {
  it('changes when any file of the code changes, or a file is added, and not otherwise', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'sr-code-fp-'));
    dirs.push(root);
    mkdirSync(path.join(root, 'ingest/deep'), { recursive: true });
    mkdirSync(path.join(root, 'site'), { recursive: true });
    writeFileSync(path.join(root, 'ingest/a.ts'), 'export const a = 1;\n');
    writeFileSync(path.join(root, 'ingest/deep/b.ts'), 'export const b = 2;\n');
    writeFileSync(path.join(root, 'site/page.ts'), 'export const p = 3;\n');
    const first = codeFingerprint(root, ['ingest', 'missing']);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(codeFingerprint(root, ['ingest'])).toBe(first);
    // A folder left out (the site's code) changes nothing.
    writeFileSync(path.join(root, 'site/page.ts'), 'export const p = 4;\n');
    expect(codeFingerprint(root, ['ingest'])).toBe(first);
    // A reason's wording changed in a nested file: another key, so the old records are not replayed.
    writeFileSync(path.join(root, 'ingest/deep/b.ts'), 'export const b = 20;\n');
    const edited = codeFingerprint(root, ['ingest']);
    expect(edited).not.toBe(first);
    writeFileSync(path.join(root, 'ingest/c.ts'), '');
    expect(codeFingerprint(root, ['ingest'])).not.toBe(edited);
    // A file's bytes moved to another file's name is another code.
    rmSync(path.join(root, 'ingest/c.ts'));
    renameSync(path.join(root, 'ingest/deep/b.ts'), path.join(root, 'ingest/deep/b2.ts'));
    expect(codeFingerprint(root, ['ingest'])).not.toBe(edited);
  });

  it('keys a file by the reading code as well as its bytes, options and the tool version', () => {
    const options = { id: 'mon' } as unknown as SourceOptions;
    const key = (version: string, code?: string) => cacheKey('0'.repeat(64), options, version, code);
    expect(key('0.1.0')).toBe(key('0.1.0'));
    expect(key('0.1.0', 'a')).not.toBe(key('0.1.0', 'b'));
    expect(key('0.1.0', 'a')).not.toBe(key('0.1.1', 'a'));
    // By default, this tool's own code: src/lib less the site's and the snapshots' folders.
    expect(key('0.1.0')).toBe(key('0.1.0', codeFingerprint(path.resolve(import.meta.dirname, '../../src/lib'), READING_CODE)));
  });
});

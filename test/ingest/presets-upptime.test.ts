/**
 * The upptime preset on the two real Upptime histories (../shared/datasets/upptime-toro and
 * upptime-manticore), through the real ingestion and the configs that docs/presets.md runs.
 *
 * Expected figures were counted independently of this code, in Python over the CSVs:
 *   toro: 5,250 rows; the 13 rows of the Upptime template's own monitor (google 3, hacker-news 3,
 *     i-pv6-test 3, test-broken-site 3, wikipedia 1) name no configured service → 13 rejected;
 *     5,237 accepted: up 5,050 (all code 200), down 187 (code 0 ×107, 530 ×68, 502 ×11, 500 ×1).
 *     (service_slug, lastUpdated) is unique → 0 duplicates.
 *   manticore: 336 rows; 4 template rows (google, hacker-news, secret-site, wikipedia) → 4 rejected;
 *     332 accepted: up 285 (code 200 ×270, 302 ×15 — slack-community), down 47 (0 ×27, 502 ×11,
 *     504 ×5, 500 ×2, 503 ×2); 18 services; 0 duplicates.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type IngestResult, ingestSources } from '../../src/lib/ingest/ingest-sources.ts';
import { type CheckSeries, STATUS_CODES } from '../../src/lib/model/check-series.ts';
import { datasetConfig, datasets } from '../helpers/datasets.ts';

const { have, SKIPPED } = datasets('presets-upptime', 'upptime-toro', 'upptime-manticore');
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/presets');
const utc = (iso: string) => Date.parse(iso);

/** Accepted checks per status over all services, and per service. */
function tally(result: IngestResult) {
  const statuses = { up: 0, degraded: 0, down: 0 };
  const perService: Record<string, number> = {};
  const names = Object.fromEntries(Object.entries(STATUS_CODES).map(([k, v]) => [v, k])) as Record<number, keyof typeof statuses>;
  for (const [service, probes] of result.checks.toMap()) {
    for (const series of probes.values()) {
      perService[service] = (perService[service] ?? 0) + series.timesMs.length;
      for (const s of series.statuses) statuses[names[s] as keyof typeof statuses]++;
    }
  }
  return { statuses, perService };
}

/** The check at this instant, as [status, latency]. */
function checkAt(result: IngestResult, service: string, iso: string): [string, number] | null {
  const series = result.checks.toMap().get(service)?.get('default') as CheckSeries | undefined;
  if (!series) return null;
  const i = series.timesMs.indexOf(utc(iso));
  if (i < 0) return null;
  const names = Object.fromEntries(Object.entries(STATUS_CODES).map(([k, v]) => [v, k]));
  return [names[series.statuses[i] as number] as string, series.latenciesMs[i] as number];
}

describe.skipIf(!have)(`upptime preset on TORO-Server's history${SKIPPED}`, () => {
  let result: IngestResult;
  beforeAll(async () => {
    result = await ingestSources(datasetConfig(path.join(FIXTURES, 'upptime-toro.config.yaml')), FIXTURES, { info() {} });
  });

  it('accounts for every row', () => {
    const [f] = result.files;
    expect([f?.rows, f?.accepted, f?.rejected, f?.duplicates]).toEqual([5_250, 5_237, 13, 0]);
    expect(f?.rejectsByReason).toEqual({ 'service_slug: unknown service "…" (not a configured id, alias or name)': 13 });
    expect(f?.rejects[0]).toMatchObject({ line: 2, column: 1, field: 'service_slug', value: 'google' });
  });

  it('lets the status word decide, whatever the HTTP code', () => {
    const { statuses, perService } = tally(result);
    expect(statuses).toEqual({ up: 5_050, degraded: 0, down: 187 });
    expect(perService['toro-dynmap']).toBe(2_475);
    expect(perService['toro-minecraft-server']).toBe(2_329);
    expect(Object.keys(perService)).toHaveLength(11);
    // Line 8: toro-dynmap down, code 0 in 0 ms, lastUpdated 2024-04-08T06:15:02.969Z (ISO with Z and ms).
    expect(checkAt(result, 'toro-dynmap', '2024-04-08T06:15:02.969Z')).toEqual(['down', 0]);
  });
});

describe.skipIf(!have)(`upptime preset on Manticore's history${SKIPPED}`, () => {
  let result: IngestResult;
  beforeAll(async () => {
    result = await ingestSources(datasetConfig(path.join(FIXTURES, 'upptime-manticore.config.yaml')), FIXTURES, { info() {} });
  });

  it('accounts for every row', () => {
    const [f] = result.files;
    expect([f?.rows, f?.accepted, f?.rejected, f?.duplicates]).toEqual([336, 332, 4, 0]);
    expect(f?.rejects.map((r) => [r.line, r.value])).toEqual([
      [2, 'google'],
      [3, 'hacker-news'],
      [4, 'secret-site'],
      [5, 'wikipedia'],
    ]);
  });

  it('counts a 302 with status "up" as up, and 5xx or 0 with status "down" as down', () => {
    const { statuses, perService } = tally(result);
    expect(statuses).toEqual({ up: 285, degraded: 0, down: 47 });
    expect(Object.keys(perService)).toHaveLength(18);
    // Line 6: slack-community up, code 302, 51 ms.
    expect(checkAt(result, 'slack-community', '2026-08-11T11:06:25.051Z')).toEqual(['up', 51]);
    // Line 62: community-forum down, code 502 after 457 ms.
    expect(checkAt(result, 'community-forum', '2026-08-13T11:03:31.272Z')).toEqual(['down', 457]);
  });

  it('reads commit_date with its mixed offsets when a source takes it as the time', async () => {
    // commit_date mixes +00:00 (bot) and +07:00 (18 accepted rows of one human commit); it is
    // unique per service too, so the accounting is the same as with lastUpdated.
    const config = datasetConfig(path.join(FIXTURES, 'upptime-manticore.config.yaml'));
    const source = config.sources[0];
    if (!source) throw new Error('the config has a source');
    source.columns = { timeMs: 'commit_date' };
    const byCommit = await ingestSources(config, FIXTURES, { info() {} });
    const [f] = byCommit.files;
    expect([f?.rows, f?.accepted, f?.rejected, f?.duplicates]).toEqual([336, 332, 4, 0]);
    // Line 127: catalog-demo, commit_date 2026-08-17T23:04:15+07:00 = 16:04:15Z (lastUpdated 15:31:18.547Z).
    expect(checkAt(byCommit, 'catalog-demo', '2026-08-17T16:04:15Z')).toEqual(['up', 1_031]);
  });
});

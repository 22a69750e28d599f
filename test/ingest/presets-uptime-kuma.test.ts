/**
 * The uptime-kuma preset on two small hand-written heartbeat exports in
 * test/fixtures/presets/kuma/ (Uptime Kuma's `heartbeat` table joined with the monitor name:
 * monitor, time, status, ping, msg, important, duration). The two exports overlap by one
 * heartbeat, which must count once, as a duplicate in the earlier file.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/lib/config/load-config.ts';
import { type IngestResult, ingestSources } from '../../src/lib/ingest/ingest-sources.ts';
import { STATUS_CODES } from '../../src/lib/model/check-series.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/presets');
const utc = (iso: string) => Date.parse(iso);

describe('uptime-kuma preset on hand-written heartbeat exports', () => {
  let result: IngestResult;
  beforeAll(async () => {
    result = await ingestSources(loadConfig(path.join(FIXTURES, 'uptime-kuma.config.yaml')), FIXTURES, { info() {} });
  });

  it('accounts for every row of both exports', () => {
    expect(result.files.map((f) => [f.file, f.rows, f.accepted, f.rejected, f.duplicates])).toEqual([
      ['kuma/heartbeats-2026-11-02.csv', 4, 3, 0, 1],
      ['kuma/heartbeats-2026-11-03.csv', 7, 6, 1, 0],
    ]);
    expect(result.files[1]?.rejects).toEqual([
      {
        line: 5,
        column: 3,
        field: 'status',
        value: '3',
        reason: 'maintenance heartbeat (status 3): it is neither up nor down; declare the window under maintenance in the config',
      },
    ]);
  });

  it('reads status codes 0/1/2 and UTC times without an offset', () => {
    const api = result.checks.toMap().get('public-api')?.get('default');
    // Times are UTC whatever the review zone (Europe/London here): 2026-11-02 23:59:01.731 → …Z.
    expect(Array.from(api?.timesMs ?? [])).toEqual([
      utc('2026-11-02T23:58:01.540Z'),
      utc('2026-11-02T23:59:01.731Z'),
      utc('2026-11-03T00:00:01.662Z'),
      utc('2026-11-03T00:01:01.702Z'),
      utc('2026-11-03T00:02:01.690Z'),
    ]);
    // up, down (timeout, no ping), degraded (PENDING: failed, retrying), up, up.
    expect(Array.from(api?.statuses ?? [])).toEqual([
      STATUS_CODES.up,
      STATUS_CODES.down,
      STATUS_CODES.degraded,
      STATUS_CODES.up,
      STATUS_CODES.up,
    ]);
    expect(Array.from(api?.latenciesMs ?? [])).toEqual([88, Number.NaN, Number.NaN, 95, 91]);
    // The maintenance heartbeat of Customer Portal is not a check.
    expect(result.checks.toMap().get('web-portal')?.get('default')?.timesMs).toHaveLength(3);
    expect(result.checks.toMap().get('search')?.get('default')?.timesMs).toHaveLength(1);
  });
});

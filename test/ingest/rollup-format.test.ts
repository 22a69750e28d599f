/**
 * The small pieces of the rollup interchange format (docs/rollups.md): the list cells' reader,
 * the probe names' encoding, and the zone offsets the SQL recipes cut days with.
 */
import { describe, expect, it } from 'vitest';
import { scanPairs } from '../../src/lib/ingest/rollup-rows.ts';
import { offsetChanges } from '../../src/lib/ingest/rollup-sql.ts';
import { decodeProbe, encodeProbe, type RollupRecord, rollupsCsv } from '../../src/lib/model/rollup-record.ts';

const COLON = ':'.charCodeAt(0);
const SLASH = '/'.charCodeAt(0);

describe('scanPairs', () => {
  it('reads index:count pairs, negative indices (latencies under 1 ms) included', () => {
    expect(scanPairs('233:2 -35:1', COLON, true)).toEqual([
      [233, -35],
      [2, 1],
    ]);
    expect(scanPairs('', COLON, true)).toEqual([[], []]);
    expect(scanPairs('  7:1   8:2 ', COLON, true)).toEqual([
      [7, 8],
      [1, 2],
    ]);
  });

  it('names the first bad pair', () => {
    expect(scanPairs('233:2 233-1 5:5', COLON, true)).toBe('233-1');
    expect(scanPairs('-5/10', SLASH, false)).toBe('-5/10');
    expect(scanPairs('5/', SLASH, false)).toBe('5/');
    expect(scanPairs('5:1x', COLON, true)).toBe('5:1x');
    expect(scanPairs('99999999999999999999/1', SLASH, false)).toBe('99999999999999999999/1');
  });
});

describe('probe names in the probes cell', () => {
  it('percent-encode only % and |, and read back', () => {
    expect(encodeProbe('eu|west 100%')).toBe('eu%7Cwest 100%25');
    for (const p of ['eu|west 100%', '%7C', 'a%25|', 'plain']) expect(decodeProbe(encodeProbe(p))).toBe(p);
  });

  it('need no CSV quoting unless a name holds a comma or a quote', () => {
    const day: RollupRecord = {
      service: 'api',
      date: '2026-10-01',
      dayMs: 86_400_000,
      upMs: 86_400_000,
      degradedMs: 0,
      downMs: 0,
      noDataMs: 0,
      maintenanceMs: 0,
      checks: 2,
      firstCheckMs: 1,
      lastCheckMs: 2,
      latency: { count: 2, zeroCount: 0, indices: [233, 234], counts: [1, 1] },
      fastChecks: 2,
      outages: [],
      probes: ['eu', 'us|east'],
    };
    expect(rollupsCsv([day]).split('\n')[1]).toBe('1,api,2026-10-01,86400000,86400000,0,0,0,0,2,1,2,2,0,233:1 234:1,2,,eu|us%7Ceast');
    expect(
      rollupsCsv([{ ...day, probes: ['a,b'] }])
        .split('\n')[1]
        ?.endsWith(',"a,b"'),
    ).toBe(true);
  });
});

describe('offsetChanges', () => {
  it('finds the October clock change in London to the millisecond', () => {
    // BST (+1 h) until Sun 25 Oct 2026 01:00 UTC, then GMT.
    expect(offsetChanges(['2026-10'], 'Europe/London')).toEqual([
      [Number.NEGATIVE_INFINITY, 3_600_000],
      [Date.UTC(2026, 9, 25, 1), 0],
    ]);
  });

  it('has one offset where nothing changes', () => {
    expect(offsetChanges(['2026-07', '2026-08'], 'Asia/Shanghai')).toEqual([[Number.NEGATIVE_INFINITY, 8 * 3_600_000]]);
  });
});

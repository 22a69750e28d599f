/**
 * A bad rollups file gets what any bad export gets: every row accepted, rejected with a located
 * reason, or a counted duplicate, and `check` lists the rejects by file, line and column.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';

const work = mkdtempSync(path.join(tmpdir(), 'sr-rollups-rejects-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const HEADER =
  'version,service,date,day_ms,up_ms,degraded_ms,down_ms,no_data_ms,maintenance_ms,checks,first_check_ms,last_check_ms,latency_count,latency_zero,latency_buckets,fast_checks,outages,probes';
// 2026-10-01 in Europe/London starts at 2026-09-30T23:00Z = 1790809200000 and is 86 400 000 ms long.
// 25 Oct 2026 (the clock change) is 25 h = 90 000 000 ms.
const D1 = 1790809200000;
const good = (date: string, dayMs: number, start: number) =>
  `1,api,${date},${dayMs},${dayMs - 600000},0,600000,0,0,3,${start},${start + 1200000},2,0,233:2,2,${start + 60000}/${start + 660000},eu`;
const ROWS = [
  good('2026-10-01', 86400000, D1), // line 2: accepted, later replaced by line 10 (a duplicate)
  `2,api,2026-10-02,86400000,86400000,0,0,0,0,0,,,0,0,,0,,`, // line 3: version
  `1,apii,2026-10-02,86400000,86400000,0,0,0,0,0,,,0,0,,0,,`, // line 4: unknown service
  `1,api,2026-10-32,86400000,86400000,0,0,0,0,0,,,0,0,,0,,`, // line 5: impossible date
  `1,api,2026-10-25,86400000,86400000,0,0,0,0,0,,,0,0,,0,,`, // line 6: a 25-hour day given as 24 h (another zone)
  `1,api,2026-10-03,86400000,86000000,0,0,0,0,0,,,0,0,,0,,`, // line 7: parts add up to 86 000 000
  `1,api,2026-10-04,86400000,86400000,0,0,0,0,1,${D1 + 3 * 86400000},${D1 + 3 * 86400000},1,0,233:1,1,,eu,x`, // line 8: 19 fields
  `1,api,2026-10-05,86400000,86400000,0,0,0,0,1,${D1 + 4 * 86400000},${D1 + 4 * 86400000},1,0,233:2,1,,eu`, // line 9: buckets sum to 2, not 1
  good('2026-10-01', 86400000, D1), // line 10: the same service-day again
  `1,api,2026-10-06,86400000,86400000,0,0,-5,0,0,,,0,0,,0,,`, // line 11: a negative time
  `1,api,2026-10-07,86400000,86400000,0,0,0,0,1,${D1 + 6 * 86400000},${D1 + 6 * 86400000},1,0,233-1,1,,eu`, // line 12: a bucket written 233-1
];

describe('a rollups file with bad rows', () => {
  mkdirSync(path.join(work, 'rollups'));
  writeFileSync(path.join(work, 'rollups/r.csv'), `${HEADER}\n${ROWS.join('\n')}\n`);
  writeFileSync(
    path.join(work, 'review.config.yaml'),
    `review: { name: R, timeZone: Europe/London }
services:
  - { id: api, name: Public API, owner: Platform, target: 0.99, latencyThresholdMs: 250 }
priorities:
  - { id: p1, name: P1, words: [P1], response: 30m, resolution: 4h }
sources:
  - { id: monitoring, kind: rollups, files: rollups/*.csv }
`,
  );

  it('accounts for every row and locates every reject', async () => {
    const r = await runCli(['check', '--json', '--config', path.join(work, 'review.config.yaml')]);
    expect(r.code, r.err).toBe(0);
    // check --json is { files, warnings }: the one file of this review is the first.
    const [f] = (
      JSON.parse(r.out) as {
        files: [
          {
            rows: number;
            accepted: number;
            rejected: number;
            duplicates: number;
            rejects: Array<{ line: number; column: number | null; field: string | null }>;
          },
        ];
      }
    ).files;
    // 11 rows: 1 accepted (line 10), 1 duplicate (line 2), 9 rejected.
    expect({ rows: f.rows, accepted: f.accepted, rejected: f.rejected, duplicates: f.duplicates }).toEqual({
      rows: 11,
      accepted: 1,
      rejected: 9,
      duplicates: 1,
    });
    const where = f.rejects.map((x: { line: number; column: number | null; field: string | null }) => [x.line, x.column, x.field]);
    expect(where).toEqual([
      [3, 1, 'version'],
      [4, 2, 'service'],
      [5, 3, 'date'],
      [6, 4, 'day_ms'],
      [7, 5, 'up_ms'],
      [8, null, null],
      [9, 13, 'latency_count'],
      [11, 8, 'no_data_ms'],
      [12, 15, 'latency_buckets'],
    ]);
  });

  it('prints the rejects as file:line:column field: reason', async () => {
    const r = await runCli(['check', '--rejects', '10', '--config', path.join(work, 'review.config.yaml')]);
    expect(r.out).toContain('rollups/r.csv:3:1 version: unsupported rollup format version "2"; this tool reads version 1');
    expect(r.out).toContain('rollups/r.csv:4:2 service: unknown service "apii" (rollups name services by their id: api)');
    expect(r.out).toContain(
      'rollups/r.csv:6:4 day_ms: 2026-10-25 is 25 h long in Europe/London, the review zone, not 24 h: were the rollups cut in another zone?',
    );
    expect(r.out).toContain("rollups/r.csv:7:5 up_ms: up + down + no data + maintenance is 23.8889 h, not the day's 24 h");
    expect(r.out).toContain('rollups/r.csv:11:8 no_data_ms: expected a whole number of 0 or more, got "-5"');
    expect(r.out).toContain('rollups/r.csv:8 expected 18 fields like the header, got 19');
    expect(r.out).toContain('rollups/r.csv:9:13 latency_count: the zeros (0) and the buckets (2) add up to 2, not 1');
    expect(r.out).toContain('rollups/r.csv:12:15 latency_buckets: expected "index:count" pairs separated by spaces, got "233-1"');
    expect(r.out).not.toMatch(/\n\s+at /);
  });
});

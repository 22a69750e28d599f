/**
 * Accepted rows outside the review's months are counted exactly, per file, for every kind of
 * source. Before, they were counted by the account's 30-day time bins, and only bins wholly
 * outside the review counted: with firstPeriod/lastPeriod set, a bin holding rows on both sides
 * of an edge counted none of them, so `lastPeriod: 2026-11` with checks on 20 Nov and 1 Dec
 * reported no row outside. Now each account counts its rows per month of the review zone
 * (FileAccount.monthRows), and the review is whole months of that zone.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/lib/config/load-config.ts';
import { ingestSources } from '../../src/lib/ingest/ingest-sources.ts';
import { reviewRange, rowsOutsideReview } from '../../src/lib/snapshot/build-snapshots.ts';
import { sourceHorizons } from '../../src/lib/snapshot/source-horizons.ts';
import { assertAsyncProperty, SEEDS } from '../helpers/property.ts';
import { runCli } from '../helpers/run-cli.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function reviewDir(config: string, files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sr-rows-outside-'));
  dirs.push(dir);
  writeFileSync(path.join(dir, 'review.config.yaml'), config);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

// Four instants in UTC, the review being November 2026 (1 Nov 00:00Z to 1 Dec 00:00Z). Epoch day 20,777 is
// 20 Nov 2026 (56 × 365 + 14 leap days to 1 Jan 2026, + 323), so 30-day bin 691 is 4 Oct–2 Nov and bin 692
// 3 Nov–2 Dec: each bin holds one row inside and one outside, and before, neither was counted.
const BEFORE = '2026-10-31 20:00'; // bin 691, before firstPeriod
const EARLY = '2026-11-02 08:00'; // bin 691, inside
const LATE = '2026-11-20 10:00'; // bin 692, inside
const AFTER = '2026-12-01 12:00'; // bin 692, at/after the end of lastPeriod
const TIMES = [BEFORE, EARLY, LATE, AFTER];

const CONFIG = `review: { name: R, timeZone: UTC, firstPeriod: 2026-11, lastPeriod: 2026-11 }
services:
  - { id: api, name: API, owner: P, target: 0.99, latencyThresholdMs: 200 }
priorities:
  - { id: p1, name: P1, words: [P1], response: 15m, resolution: 4h }
incidentLevels:
  - { id: major, name: Major, words: [Sev1], detect: 10m, acknowledge: 5m, restore: 2h }
sources:
  - { id: mon, kind: checks, files: checks.csv }
  - { id: desk, kind: tickets, files: tickets.csv }
  - { id: survey, kind: surveys, files: surveys.csv }
  - { id: inc, kind: incidents, files: incidents.csv }
  - { id: chg, kind: changes, files: changes.csv }
`;

const FILES = {
  'checks.csv': ['timestamp,service,probe,status,latency_ms', ...TIMES.map((t) => `${t.replace(' ', 'T')}:00Z,api,p1,up,100`)],
  'tickets.csv': ['id,created,first_response,resolved,priority', ...TIMES.map((t, i) => `T-${i},${t},,,P1`)],
  'surveys.csv': ['id,submitted_at,csat', ...TIMES.map((t, i) => `R-${i},${t},4`)],
  'incidents.csv': ['id,level,service,started,restored', ...TIMES.map((t, i) => `INC-${i},Sev1,api,${t},`)],
  'changes.csv': [
    'id,service,type,outcome,planned_start,planned_end,actual_start,actual_end',
    ...TIMES.map((t, i) => `CHG-${i},api,normal,successful,${t},,${t},`),
  ],
};

describe('rows outside the review', () => {
  it('are counted exactly at both edges of firstPeriod/lastPeriod, for every kind of export (hand-worked)', async () => {
    const dir = reviewDir(CONFIG, Object.fromEntries(Object.entries(FILES).map(([f, lines]) => [f, `${lines.join('\n')}\n`])));
    const config = path.join(dir, 'review.config.yaml');
    const json = await runCli(['check', '--json', '--config', config]);
    expect(json.code, json.err).toBe(0);
    const files = JSON.parse(json.out).files as Array<{ file: string; accepted: number; outsideReview: number }>;
    // Each file: 4 rows accepted, BEFORE and AFTER outside November: 2 (before: 0).
    expect(files.map((f) => [f.file, f.accepted, f.outsideReview])).toEqual(Object.keys(FILES).map((f) => [f, 4, 2]));
    const text = await runCli(['check', '--config', config]);
    expect(text.out).toContain('review periods: 2026-11 … 2026-11 (1 months)');
    expect(text.out.split("2 accepted rows lie outside the review's periods").length - 1).toBe(5);
    // Each says why: BEFORE is before firstPeriod, AFTER after lastPeriod (before: one reason for all, "far from the
    // bulk of the data, or outside firstPeriod/lastPeriod").
    const why =
      "  2 accepted rows lie outside the review's periods, not given periods: 1 before 2026-11 (review.firstPeriod); 1 after 2026-11 (review.lastPeriod)";
    expect(text.out.split(why).length - 1).toBe(5);
    const by = JSON.parse(json.out).files.map((f: { outsideReviewBy: unknown }) => f.outsideReviewBy);
    expect(by).toEqual(Object.keys(FILES).map(() => ({ before: 1, after: 1, atHorizon: 0, noMonths: 0 })));
  });

  it('only lastPeriod set: the December row of a November review is outside (the reported case)', async () => {
    const dir = reviewDir(CONFIG.replace('firstPeriod: 2026-11, ', ''), {
      'checks.csv': `${FILES['checks.csv'][0]}\n2026-11-20T10:00:00Z,api,p1,up,100\n2026-12-01T12:00:00Z,api,p1,up,100\n`,
      'tickets.csv': `${FILES['tickets.csv'][0]}\nT-1,${LATE},,,P1\nT-2,${AFTER},,,P1\n`,
      'surveys.csv': `${FILES['surveys.csv'][0]}\n`,
      'incidents.csv': `${FILES['incidents.csv'][0]}\n`,
      'changes.csv': `${FILES['changes.csv'][0]}\n`,
    });
    const json = await runCli(['check', '--json', '--config', path.join(dir, 'review.config.yaml')]);
    expect(json.code, json.err).toBe(0);
    const files = JSON.parse(json.out).files as Array<{ file: string; outsideReview: number }>;
    // The review starts with the data's first month (November) and ends with lastPeriod: 1 row outside in each file.
    expect(files.filter((f) => f.outsideReview > 0).map((f) => [f.file, f.outsideReview])).toEqual([
      ['checks.csv', 1],
      ['tickets.csv', 1],
    ]);
  });

  it('are accepted rows: a row replaced by a later one with the same key is not counted, and a cached read agrees', async () => {
    // 15 Feb 2027 is alone in its 30-day bin (Feb 2027 lies wholly after November), so before, its rows counted
    // outside even once replaced. Two ticket files and two check files, each key once outside, then inside:
    //   tickets-a: T-1 15 Feb 2027 (replaced by tickets-b's T-1), T-2 15 Feb 2027 then T-2 20 Nov (replaced within the file)
    //   tickets-b: T-1 20 Nov
    //   checks-a: 15 Feb 2027 12:00Z (replaced by checks-b's check at the same instant), 20 Nov 10:00Z
    //   checks-b: 15 Feb 2027 12:00Z
    // Accepted outside November: tickets-a 0 (T-2's 20 Nov row is its accepted one), tickets-b 0, checks-a 0, checks-b 1.
    const dir = reviewDir(
      `review: { name: R, timeZone: UTC, firstPeriod: 2026-11, lastPeriod: 2026-11 }
services: [{ id: api, name: API, owner: P, target: 0.99, latencyThresholdMs: 200 }]
priorities: [{ id: p1, name: P1, words: [P1], response: 15m, resolution: 4h }]
sources:
  - { id: mon, kind: checks, files: "checks-*.csv" }
  - { id: desk, kind: tickets, files: "tickets-*.csv" }
`,
      {
        'tickets-a.csv': `${FILES['tickets.csv'][0]}\nT-1,2027-02-15 12:00,,,P1\nT-2,2027-02-15 12:00,,,P1\nT-2,${LATE},,,P1\n`,
        'tickets-b.csv': `${FILES['tickets.csv'][0]}\nT-1,${LATE},,,P1\n`,
        'checks-a.csv': `${FILES['checks.csv'][0]}\n2027-02-15T12:00:00Z,api,p1,up,100\n2026-11-20T10:00:00Z,api,p1,up,100\n`,
        'checks-b.csv': `${FILES['checks.csv'][0]}\n2027-02-15T12:00:00Z,api,p1,down,\n`,
      },
    );
    const config = path.join(dir, 'review.config.yaml');
    type Out = { file: string; accepted: number; duplicates: number; outsideReview: number; monthRows: unknown };
    const read = async () => {
      const r = await runCli(['check', '--json', '--config', config]);
      expect(r.code, r.err).toBe(0);
      return (JSON.parse(r.out).files as Out[]).map((f) => [f.file, f.accepted, f.duplicates, f.outsideReview, f.monthRows]);
    };
    const first = await read();
    expect(first).toEqual([
      ['checks-a.csv', 1, 1, 0, { '2026-11': [1], '2027-02': [0] }],
      ['checks-b.csv', 1, 0, 1, { '2027-02': [1] }],
      ['tickets-a.csv', 1, 2, 0, { '2026-11': [1], '2027-02': [0] }],
      ['tickets-b.csv', 1, 0, 0, { '2026-11': [1] }],
    ]);
    // The second run replays the files from the parse cache (duplicates settled again): the same counts.
    expect(await read()).toEqual(first);
  });

  // Property: rows within 8 days of both edges of a London review (April–October 2026), across both DST
  // changes (29 March, 25 October), written in local time (ambiguous and skipped times are rejected): the
  // count outside equals a brute-force count over the accepted rows, against edges worked by hand: April
  // starts 1 Apr 00:00 BST = 31 Mar 23:00Z, November 1 Nov 00:00 GMT = 1 Nov 00:00Z. The sources' asOf is past
  // the review, so no month is dropped for starting after every source's horizon: the months are the config's.
  it('equals a brute-force count over the accepted rows near both edges, in a DST zone (fixed seeds)', async () => {
    console.log(`rows-outside-review: fast-check seeds ${SEEDS[0]}…${SEEDS[SEEDS.length - 1]} (FC_SEEDS for more)`);
    const fromMs = Date.UTC(2026, 2, 31, 23);
    const toMs = Date.UTC(2026, 10, 1);
    const minute = (edge: number) => fc.integer({ min: -8 * 1440, max: 8 * 1440 }).map((m) => edge + m * 60_000);
    // A local wall time in London for an instant, read as if UTC: the text the export writes.
    const local = (ms: number) => {
      const bst = ms >= Date.UTC(2026, 2, 29, 1) && ms < Date.UTC(2026, 9, 25, 1);
      return new Date(ms + (bst ? 3_600_000 : 0)).toISOString().slice(0, 16).replace('T', ' ');
    };
    // Wall times, some shifted by 30 min into the skipped (29 Mar 01:00–02:00) or repeated (25 Oct 01:00–02:00) hour.
    const wall = fc.oneof(minute(fromMs), minute(toMs)).map(local);
    const seen = { outside: 0, inside: 0, rejected: 0 };
    await assertAsyncProperty(
      fc.asyncProperty(
        fc.uniqueArray(fc.oneof(minute(fromMs), minute(toMs)), { minLength: 1, maxLength: 30 }),
        fc.array(fc.oneof(wall, fc.constantFrom('2026-03-29 01:30', '2026-10-25 01:30')), { minLength: 1, maxLength: 30 }),
        async (checkTimes, ticketTimes) => {
          const dir = reviewDir(
            `review: { name: R, timeZone: Europe/London, firstPeriod: 2026-04, lastPeriod: 2026-10 }
services: [{ id: api, name: API, owner: P, target: 0.99, latencyThresholdMs: 200 }]
priorities: [{ id: p1, name: P1, words: [P1], response: 15m, resolution: 4h }]
sources:
  - { id: mon, kind: checks, files: checks.csv, asOf: "2026-12-31 00:00" }
  - { id: desk, kind: tickets, files: tickets.csv, asOf: "2026-12-31 00:00" }
`,
            {
              'checks.csv': `timestamp,service,probe,status,latency_ms\n${checkTimes.map((t) => `${new Date(t).toISOString()},api,p1,up,1`).join('\n')}\n`,
              'tickets.csv': `id,created,first_response,resolved,priority\n${ticketTimes.map((t, i) => `T-${i},${t},,,P1`).join('\n')}\n`,
            },
          );
          const config = loadConfig(path.join(dir, 'review.config.yaml'));
          const ingest = await ingestSources(config, dir, { info: () => {} });
          const range = reviewRange(config, ingest, sourceHorizons(config, ingest));
          const { months } = range;
          expect([months[0], months[months.length - 1]]).toEqual(['2026-04', '2026-10']);
          const outside = new Map(rowsOutsideReview(ingest, range).map((o) => [o.file, o.rows]));
          const isOutside = (ms: number) => ms < fromMs || ms >= toMs;
          // Every check is accepted (unique instants, valid cells); the tickets accepted are those the ingest kept.
          expect(ingest.files[0]?.accepted).toBe(checkTimes.length);
          expect(outside.get('checks.csv') ?? 0).toBe(checkTimes.filter(isOutside).length);
          const tickets = ingest.tickets.filter((t) => t.source === 'desk');
          expect(tickets.length).toBe(ingest.files[1]?.accepted);
          expect(outside.get('tickets.csv') ?? 0).toBe(tickets.filter((t) => isOutside(t.createdMs)).length);
          seen.outside += checkTimes.filter(isOutside).length;
          seen.inside += checkTimes.filter((t) => !isOutside(t)).length;
          seen.rejected += ingest.files[1]?.rejected ?? 0;
          ingest.checks.close();
          rmSync(dir, { recursive: true, force: true });
        },
      ),
      { numRuns: 60 },
    );
    // The generated rows held both sides of the edges and times the DST rule rejects: the property did not hold vacuously.
    expect(seen.outside).toBeGreaterThan(0);
    expect(seen.inside).toBeGreaterThan(0);
    expect(seen.rejected).toBeGreaterThan(0);
  }, 240_000);
});

// The review's edges: a config that leaves no month, and a month cut at the horizon (review-range.ts: reviewRange).
describe('the edges of the review range', () => {
  const config = (review: string, mon = '') => `review: { name: R, timeZone: UTC${review} }
services: [{ id: api, name: API, owner: P, target: 0.99, latencyThresholdMs: 200 }]
priorities: [{ id: p1, name: P1, words: [P1], response: 15m, resolution: 4h }]
sources:
  - { id: mon, kind: checks, files: checks.csv${mon} }
  - { id: desk, kind: tickets, files: tickets.csv }
`;
  const checks = (...times: string[]) =>
    `${['timestamp,service,probe,status,latency_ms', ...times.map((t) => `${t},api,p1,up,100`)].join('\n')}\n`;
  const tickets = (...times: string[]) =>
    `${['id,created,first_response,resolved,priority', ...times.map((t, i) => `T-${i},${t},,,P1`)].join('\n')}\n`;
  type Json = {
    files: Array<{ file: string; accepted: number; outsideReview: number; outsideReviewBy: Record<string, number> }>;
    warnings: Array<{ kind: string; file: string; message: string }>;
  };
  const check = async (dir: string, ...flags: string[]) => runCli(['check', ...flags, '--config', path.join(dir, 'review.config.yaml')]);
  const leaves = 'the config leaves no month to review, and every accepted row lies outside the review';

  it('firstPeriod after every row: every accepted row is outside, with one warning naming review.firstPeriod; --strict fails', async () => {
    // Two checks and two tickets in November 2026; the review starts in January 2027, the data end in November.
    const dir = reviewDir(config(', firstPeriod: 2027-01'), {
      'checks.csv': checks('2026-11-20T10:00:00Z', '2026-11-21T10:00:00Z'),
      'tickets.csv': tickets('2026-11-20 10:00', '2026-11-21 10:00'),
    });
    const json = await check(dir, '--json');
    expect(json.code, json.err).toBe(0);
    const out = JSON.parse(json.out) as Json;
    // Before: outsideReview 0 in both files, and no warning.
    expect(out.files.map((f) => [f.file, f.accepted, f.outsideReview, f.outsideReviewBy.noMonths])).toEqual([
      ['checks.csv', 2, 2, 2],
      ['tickets.csv', 2, 2, 2],
    ]);
    const warning = `review.firstPeriod 2027-01 is after the last month of the data (2026-11): ${leaves}`;
    expect(out.warnings).toEqual([{ kind: 'no-review-months', file: 'review.config.yaml', message: warning }]);
    const text = await check(dir);
    expect(text.err).toContain(`warning: review.config.yaml: ${warning}`);
    expect(text.out).toContain(
      'checks.csv [mon, checks, utf-8, ","]: 2 rows, 2 accepted, 0 rejected, 0 duplicates; 2026-11-20T10:00:00Z … 2026-11-21T10:00:00Z\n  encoding utf-8: ASCII in the first 64 KiB, read as UTF-8\n  2 accepted rows lie outside the review\'s periods, not given periods: the config leaves no month to review (see the warning)',
    );
    const strict = await check(dir, '--strict');
    expect(strict.code).toBe(1);
    expect(strict.err).toContain('--strict: the config leaves no month to review');
  });

  it('lastPeriod before every row, firstPeriod after lastPeriod, and no accepted row at all each name their cause', async () => {
    const cases: Array<[string, Record<string, string>, string]> = [
      [
        ', lastPeriod: 2026-10',
        { 'checks.csv': checks('2026-11-20T10:00:00Z'), 'tickets.csv': tickets() },
        `review.lastPeriod 2026-10 is before the first month of the data (2026-11): ${leaves}`,
      ],
      [
        ', firstPeriod: 2026-12, lastPeriod: 2026-11',
        { 'checks.csv': checks('2026-11-20T10:00:00Z'), 'tickets.csv': tickets() },
        `review.firstPeriod 2026-12 is after review.lastPeriod 2026-11: ${leaves}`,
      ],
      ['', { 'checks.csv': checks(), 'tickets.csv': tickets() }, `no export has an accepted row: ${leaves}`],
    ];
    for (const [review, files, message] of cases) {
      const out = JSON.parse((await check(reviewDir(config(review), files), '--json')).out) as Json;
      expect(out.warnings.filter((w) => w.kind === 'no-review-months')).toEqual([
        { kind: 'no-review-months', file: 'review.config.yaml', message },
      ]);
    }
  });

  // The latest horizon is mon's latest check, 1 Dec 2026 00:00:00Z, exactly when December starts: December is not a
  // review month (the exports know nothing of it past its first instant), so the check at that instant is outside.
  it('a row at the instant a month starts, when that is the exports’ latest horizon, is outside, and check says why', async () => {
    const dir = reviewDir(config(''), {
      'checks.csv': checks('2026-11-20T10:00:00Z', '2026-12-01T00:00:00Z'),
      'tickets.csv': tickets('2026-11-20 10:00'),
    });
    const text = await check(dir);
    expect(text.code, text.err).toBe(0);
    expect(text.out).toContain('review periods: 2026-11 … 2026-11 (1 months)');
    // Before: "1 accepted rows lie outside the review's periods (far from the bulk of the data, or outside firstPeriod/lastPeriod)".
    expect(text.out).toContain(
      "  1 accepted rows lie outside the review's periods, not given periods: 1 from 2026-12 on: 2026-12 starts at the exports' latest data horizon, 2026-12-01T00:00:00Z (source mon's latest timestamp), and a month the exports know nothing of past its first instant is not reviewed",
    );
    const out = JSON.parse((await check(dir, '--json')).out) as Json;
    expect(out.files.map((f) => [f.file, f.outsideReview, f.outsideReviewBy.atHorizon])).toEqual([
      ['checks.csv', 1, 1],
      ['tickets.csv', 0, 0],
    ]);
    expect(out.warnings).toEqual([]);
  });

  it('when the horizon cuts every month: the asOf or firstPeriod responsible is named', async () => {
    // firstPeriod = lastPeriod = December; mon's asOf is 1 Dec 00:00, desk's horizon its 20 Nov ticket: no month is left.
    const byConfig = reviewDir(config(', firstPeriod: 2026-12, lastPeriod: 2026-12', ', asOf: "2026-12-01 00:00"'), {
      'checks.csv': checks('2026-11-20T10:00:00Z'),
      'tickets.csv': tickets('2026-11-20 10:00'),
    });
    const horizon =
      "2026-12 starts at the exports' latest data horizon, 2026-12-01T00:00:00Z (source mon's asOf, sources[0].asOf), and a month the exports know nothing of past its first instant is not reviewed";
    expect((JSON.parse((await check(byConfig, '--json')).out) as Json).warnings).toEqual([
      { kind: 'no-review-months', file: 'review.config.yaml', message: `review.firstPeriod: ${horizon}: ${leaves}` },
    ]);
    // No bounds in the config; the only check is at the asOf instant, 1 Dec 00:00 (allowed: at or before asOf).
    const byData = reviewDir(config('', ', asOf: "2026-12-01 00:00"'), {
      'checks.csv': checks('2026-12-01T00:00:00Z'),
      'tickets.csv': tickets(),
    });
    const out = JSON.parse((await check(byData, '--json')).out) as Json;
    expect(out.warnings.filter((w) => w.kind === 'no-review-months')).toEqual([
      { kind: 'no-review-months', file: 'review.config.yaml', message: `the data's first month, ${horizon}: ${leaves}` },
    ]);
    expect(out.files[0]?.outsideReview).toBe(1);
  });
});

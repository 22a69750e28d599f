/**
 * Cross-check: Upptime's own uptime figures (history/summary.json: all-time `uptime` and
 * `dailyMinutesDown`) against our availability for the same services and days, on the two real
 * Upptime histories (../shared/datasets/upptime-toro, upptime-manticore). docs/cross-checks.md
 * explains the figures; configs: test/fixtures/cross-checks/upptime-{toro,manticore}.config.yaml.
 *
 * Our side, as the site computes it: the samples through the upptime preset; per UTC month (the
 * period), serviceDayRollups with the default max_gap (2 × the median interval in the period) and
 * no maintenance; months merged with mergeDayRollups; availabilityFigures. The span is each
 * service's Upptime `startTime` (from history/<slug>.yml) to the file's last sample, the first
 * and last month clipped to it. A second run sets maxGap to 2 days (longer than any gap between
 * two samples of these files: 38.2 h at most), so that every instant is covered.
 *
 * Upptime's side (upptime/uptime-monitor, src/helpers/calculate-uptime.ts): downtime is the
 * lifetime of its GitHub "status" issues (opened when a check flips to down, closed when it is up
 * again); all-time uptime = 1 − downtime / (now − startTime); dailyMinutesDown = minutes of issue
 * time per UTC day of the last 365 days. Unless `skipDeleteIssues` is set, src/summary.ts deletes
 * closed issues that lasted under 15 minutes, so short outages vanish from every figure. A day's
 * uptime on Upptime's side is taken as 1 − dailyMinutesDown / 1440.
 *
 * Every expected figure was computed a second time, independently of this code, by
 *   python3 test/cross-checks/independent/upptime.py ../shared/datasets
 * (csv + json, its own implementation of the spec's availability rules).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReviewConfig } from '../../src/lib/config/config-schema.ts';
import { ingestSources } from '../../src/lib/ingest/ingest-sources.ts';
import { availabilityFigures } from '../../src/lib/metrics/availability-figures.ts';
import { type CheckSeries, STATUS_DOWN } from '../../src/lib/model/check-series.ts';
import { mergeDayRollups } from '../../src/lib/rollup/merge-day-rollups.ts';
import { type DayRollup, serviceDayRollups } from '../../src/lib/rollup/service-day-rollups.ts';
import { periodDays } from '../../src/lib/time/period-days.ts';
import { monthOf, monthsBetween } from '../../src/lib/time/periods.ts';
import { DATASETS as DATA, datasetConfig, datasets } from '../helpers/datasets.ts';

const { have, SKIPPED } = datasets('cross-checks/upptime', 'upptime-toro', 'upptime-manticore');
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/cross-checks');

const DAY = 86_400_000;
const MINUTE = 60_000;
/** Upptime deletes the issues of outages shorter than this (src/summary.ts, 900000 ms). */
const SHORT_OUTAGE_MS = 900_000;
const TWO_DAYS = 2 * DAY;

interface SummaryEntry {
  slug: string;
  uptime: string;
  dailyMinutesDown: Record<string, number>;
}

type DayClass = 'no Upptime incident' | 'outage under 15 min' | 'no data' | 'other';

interface SetComparison {
  /** slug → [Upptime %, ours % (4 dp), |difference| pp (4 dp), our coverage % (2 dp), our down minutes (1 dp)]. */
  services: Record<string, [number, number, number, number, number]>;
  /** Services whose all-time figures differ by at most 0.5 pp. */
  allTimeWithin: number;
  /** (service, day) pairs with eligible time on our side, in Upptime's 365-day window. */
  daysCompared: number;
  daysWithin: number;
  /** Days more than 0.5 pp apart, by cause. */
  dayClasses: Partial<Record<DayClass, number>>;
  /** `slug date` of every day more than 0.5 pp apart. */
  dayDiffs: string[];
}

const round = (x: number, dp: number) => Number(x.toFixed(dp));
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Down episodes from the samples: [first down sample, next sample that is not down); null end while still down. */
function episodes(s: CheckSeries): Array<[number, number | null]> {
  const out: Array<[number, number | null]> = [];
  for (let i = 0; i < s.timesMs.length; i++) {
    if (s.statuses[i] !== STATUS_DOWN) continue;
    const start = s.timesMs[i] as number;
    while (i < s.timesMs.length && s.statuses[i] === STATUS_DOWN) i++;
    out.push([start, i < s.timesMs.length ? (s.timesMs[i] as number) : null]);
  }
  return out;
}

/** Minutes per UTC day of these episodes, each episode's part of a day rounded like Upptime rounds an issue's. */
function minutesPerDay(eps: ReadonlyArray<[number, number]>, roundEach: boolean): Map<string, number> {
  const out = new Map<string, number>();
  for (const [a0, b] of eps) {
    for (let a = a0; a < b; ) {
      const e = Math.min(b, (Math.floor(a / DAY) + 1) * DAY);
      const m = (e - a) / MINUTE;
      out.set(isoDay(a), (out.get(isoDay(a)) ?? 0) + (roundEach ? Math.round(m) : m));
      a = e;
    }
  }
  return out;
}

/** Our day rollups of one service over [startMs, endMs), month by month as the site computes them. */
function rollups(
  series: CheckSeries | undefined,
  startMs: number,
  endMs: number,
  maxGapMs: number | null,
  thresholdMs: number,
): DayRollup[] {
  const out: DayRollup[] = [];
  for (const month of monthsBetween(monthOf(startMs, 'UTC'), monthOf(endMs - 1, 'UTC'))) {
    const days = periodDays(month, 'UTC')
      .map((d) => ({ date: d.date, startMs: Math.max(d.startMs, startMs), endMs: Math.min(d.endMs, endMs) }))
      .filter((d) => d.endMs > d.startMs);
    out.push(
      ...serviceDayRollups({
        probes: series ? [series] : [],
        days,
        maintenance: [],
        maxGapMs,
        confirm: null,
        latencyThresholdMs: thresholdMs,
      }),
    );
  }
  return out;
}

async function loadSet(name: 'toro' | 'manticore') {
  const folder = path.join(DATA, name === 'toro' ? 'upptime-toro/upptime-history-final' : 'upptime-manticore/history');
  const config: ReviewConfig = datasetConfig(path.join(FIXTURES, `upptime-${name}.config.yaml`));
  const checks = (await ingestSources(config, FIXTURES, { info() {} })).checks.toMap();
  const summary = JSON.parse(readFileSync(path.join(folder, 'summary.json'), 'utf8')) as SummaryEntry[];
  const startOf = (slug: string) => {
    const m = /^startTime: (.+)$/m.exec(readFileSync(path.join(folder, `${slug}.yml`), 'utf8'));
    if (!m) throw new Error(`${slug}.yml has no startTime`);
    return Date.parse(m[1] as string);
  };
  const seriesOf = (slug: string) => checks.get(slug)?.get('default');
  let endMs = 0;
  for (const probes of checks.values()) for (const s of probes.values()) endMs = Math.max(endMs, s.timesMs[s.timesMs.length - 1] as number);
  return { config, summary, startOf, seriesOf, endMs };
}

function compareSet(set: Awaited<ReturnType<typeof loadSet>>, maxGapMs: number | null): SetComparison {
  const { config, summary, startOf, seriesOf, endMs } = set;
  const out: SetComparison = { services: {}, allTimeWithin: 0, daysCompared: 0, daysWithin: 0, dayClasses: {}, dayDiffs: [] };
  const windowStart = isoDay(endMs - 364 * DAY);
  for (const entry of summary) {
    const service = config.services.find((s) => s.id === entry.slug);
    if (!service || service.target === undefined || service.latencyThresholdMs === undefined)
      throw new Error(`no configured monitored service ${entry.slug}`);
    const startMs = startOf(entry.slug);
    const series = seriesOf(entry.slug);
    const days = rollups(series, startMs, endMs, maxGapMs, service.latencyThresholdMs);
    const fig = availabilityFigures(mergeDayRollups(days), service.target, service.latencyThresholdMs, config.review.lowCoverageBelow);
    const ours = 100 * (fig.availability as number);
    const theirs = Number.parseFloat(entry.uptime);
    const diff = Math.abs(ours - theirs);
    out.services[entry.slug] = [
      theirs,
      round(ours, 4),
      round(diff, 4),
      round(100 * (fig.coverage as number), 2),
      round(fig.downMs / MINUTE, 1),
    ];
    if (diff <= 0.5) out.allTimeWithin++;

    const eps = (series ? episodes(series) : []).filter(([a]) => a >= startMs);
    const closed = eps.filter((e): e is [number, number] => e[1] !== null);
    const long = minutesPerDay(
      closed.filter(([a, b]) => b - a >= SHORT_OUTAGE_MS),
      false,
    );
    const short = minutesPerDay(
      closed.filter(([a, b]) => b - a < SHORT_OUTAGE_MS),
      false,
    );
    for (const d of days) {
      const eligible = d.upMs + d.downMs;
      if (d.date < windowStart || eligible === 0) continue;
      const listed = entry.dailyMinutesDown[d.date] ?? 0;
      const o = (100 * d.upMs) / eligible;
      const t = 100 - listed / 14.4;
      out.daysCompared++;
      if (Math.abs(o - t) <= 0.5) {
        out.daysWithin++;
        continue;
      }
      const cls: DayClass =
        (long.get(d.date) ?? 0) > listed + 1
          ? 'no Upptime incident'
          : (short.get(d.date) ?? 0) > 0
            ? 'outage under 15 min'
            : d.noDataMs > 0
              ? 'no data'
              : 'other';
      out.dayClasses[cls] = (out.dayClasses[cls] ?? 0) + 1;
      out.dayDiffs.push(`${entry.slug} ${d.date}`);
    }
  }
  return out;
}

/** Upptime's dailyMinutesDown rebuilt from the samples: down episodes of 15 minutes or more, per UTC day. */
function rebuiltDailyMinutes(set: Awaited<ReturnType<typeof loadSet>>, fromDate: string) {
  const out: Record<string, { upptime: Record<string, number>; samples: Record<string, number> }> = {};
  for (const entry of set.summary) {
    const series = set.seriesOf(entry.slug);
    const eps = (series ? episodes(series) : [])
      .filter((e): e is [number, number] => e[1] !== null && e[0] >= set.startOf(entry.slug))
      .filter(([a, b]) => b - a >= SHORT_OUTAGE_MS);
    const samples = Object.fromEntries([...minutesPerDay(eps, true)].filter(([d]) => d >= fromDate).sort());
    const upptime = Object.fromEntries(
      Object.entries(entry.dailyMinutesDown)
        .filter(([, m]) => m > 0)
        .sort(),
    );
    out[entry.slug] = { upptime, samples };
  }
  return out;
}

describe.skipIf(!have)(`Upptime: summary uptime against our availability${SKIPPED}`, () => {
  let toro: Awaited<ReturnType<typeof loadSet>>;
  let manticore: Awaited<ReturnType<typeof loadSet>>;
  beforeAll(async () => {
    toro = await loadSet('toro');
    manticore = await loadSet('manticore');
  });

  it('rebuilds Upptime’s dailyMinutesDown from the samples: outages of 15 min or more (Manticore)', () => {
    const rebuilt = rebuiltDailyMinutes(manticore, '0000');
    const differ = Object.entries(rebuilt).filter(([, r]) => JSON.stringify(r.upptime) !== JSON.stringify(r.samples));
    // One day in 18 services differs, by one minute (issue times are seconds after the commits).
    expect(differ).toEqual([
      ['my-sql-playground', { upptime: { '2026-08-18': 25, '2026-08-20': 25 }, samples: { '2026-08-18': 24, '2026-08-20': 25 } }],
    ]);
  });

  it('rebuilds it for TORO from 2026-03-07 on; before that Upptime has no incident at all', () => {
    const rebuilt = rebuiltDailyMinutes(toro, '2026-03-07');
    expect(Object.entries(rebuilt).filter(([, r]) => JSON.stringify(r.upptime) !== JSON.stringify(r.samples))).toEqual([]);
    // Earlier days with an outage of 15 min or more in the samples but none in the summary, within
    // Upptime's 365-day window (from 2025-06-20).
    const earlier = rebuiltDailyMinutes(toro, '2025-06-20');
    const missing = Object.fromEntries(
      Object.entries(earlier).map(([slug, r]) => [slug, Object.keys(r.samples).filter((d) => d < '2026-03-07').length]),
    );
    expect(missing).toMatchObject({ 'toro-dynmap': 41, 'toro-minecraft-server': 2, 'toro-pass-api': 0 });
    expect(Object.values(missing).reduce((a, b) => a + b, 0)).toBe(43);
  });

  it('TORO, default max_gap: 8 of 9 services within 0.5 pp all-time; 750 of 793 days', () => {
    const c = compareSet(toro, null);
    // [Upptime %, ours %, |diff| pp, our coverage %, our down minutes]
    expect(c.services).toEqual({
      'toro-minecraft-server': [99.94, 99.8008, 0.1392, 92.38, 1406.2],
      'toro-minecraft-server-minuma': [100, 100, 0, 99.95, 0],
      'toro-minecraft-server-lgb': [100, 100, 0, 99.95, 0],
      'toro-minecraft-server-doro': [100, 100, 0, 99.95, 0],
      'toro-minecraft-server-toto': [100, 100, 0, 99.95, 0],
      'toro-dynmap': [99.96, 98.2291, 1.7309, 91.66, 18_750.5],
      'toro-pass-api': [98.79, 98.7912, 0.0012, 99.93, 146],
      'toro-sound': [100, 100, 0, 99.95, 0],
      'toro-status-page': [100, 100, 0, 99.96, 0],
    });
    expect([c.allTimeWithin, c.daysCompared, c.daysWithin]).toEqual([8, 793, 750]);
    // Every day more than 0.5 pp apart is a day before 2026-03-07 with an outage Upptime has no issue for.
    expect(c.dayClasses).toEqual({ 'no Upptime incident': 43 });
    expect(c.dayDiffs.every((d) => d.slice(-10) < '2026-03-07')).toBe(true);
  });

  it('Manticore, default max_gap: 14 of 18 services within 0.5 pp all-time; 156 of 174 days', () => {
    const c = compareSet(manticore, null);
    expect(c.services).toEqual({
      'slack-community': [100, 100, 0, 100, 0],
      manual: [99.62, 99.0543, 0.5657, 64.56, 92.4],
      'manual-dev': [99.11, 98.4801, 0.6299, 71.69, 164.9],
      playground: [99.83, 99.7671, 0.0629, 100, 35.2],
      'did-you-mean-playground': [99.67, 99.4991, 0.1709, 94.86, 71.9],
      'my-sql-playground': [99.67, 99.5045, 0.1655, 94.87, 71.2],
      'package-repository': [100, 100, 0, 100, 0],
      'community-forum': [99.5, 99.2522, 0.2478, 87.42, 99],
      documentation: [100, 100, 0, 100, 0],
      chat: [100, 100, 0, 100, 0],
      'facet-demo': [99.7, 99.6972, 0.0028, 100, 45.8],
      'image-search-demo': [100, 100, 0, 100, 0],
      'git-hub': [98.74, 98.731, 0.009, 100, 192.1],
      'catalog-demo': [99.2, 98.6001, 0.5999, 78.61, 166.6],
      'facet-demo-search': [100, 100, 0, 99.67, 0],
      'catalog-search': [97.87, 92.9223, 4.9477, 36.15, 160],
      'catalog-autocomplete': [98.4, 97.9145, 0.4855, 80.09, 104.4],
      'cloudflare-monitor': [100, 100, 0, 99.67, 0],
    });
    expect([c.allTimeWithin, c.daysCompared, c.daysWithin]).toEqual([14, 174, 156]);
    expect(c.dayClasses).toEqual({ 'outage under 15 min': 16, 'no data': 2 });
  });

  it('with maxGap 2d every instant is covered: TORO unchanged at 8 of 9; Manticore 18 of 18, 160 of 174 days', () => {
    const t = compareSet(toro, TWO_DAYS);
    expect(t.services['toro-dynmap']).toEqual([99.96, 98.3769, 1.5831, 100, 18_750.5]);
    expect(t.services['toro-minecraft-server']).toEqual([99.94, 99.816, 0.124, 100, 1406.2]);
    expect([t.allTimeWithin, t.daysCompared, t.daysWithin]).toEqual([8, 793, 750]);
    expect(t.dayClasses).toEqual({ 'no Upptime incident': 43 });

    const m = compareSet(manticore, TWO_DAYS);
    expect(m.services).toMatchObject({
      manual: [99.62, 99.3894, 0.2306, 100, 92.4],
      'manual-dev': [99.11, 98.9104, 0.1996, 100, 164.9],
      'catalog-demo': [99.2, 98.8994, 0.3006, 100, 166.6],
      'catalog-search': [97.87, 97.4328, 0.4372, 99.67, 160],
      'catalog-autocomplete': [98.4, 98.3242, 0.0758, 99.67, 104.4],
    });
    const diffs = Object.values(m.services).map(([, , d]) => d);
    expect(Math.max(...diffs)).toBe(0.4372);
    expect([m.allTimeWithin, m.daysCompared, m.daysWithin]).toEqual([18, 174, 160]);
    // What remains is Upptime deleting the issues of outages shorter than 15 minutes.
    expect(m.dayClasses).toEqual({ 'outage under 15 min': 14 });
  });
});

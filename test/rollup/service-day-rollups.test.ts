import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { availabilityFigures } from '../../src/lib/metrics/availability-figures.ts';
import { seriesOf } from '../../src/lib/model/check-series.ts';
import type { CheckStatus } from '../../src/lib/model/records.ts';
import { histogramOf, histogramPercentile } from '../../src/lib/rollup/latency-histogram.ts';
import { mergeDayRollups } from '../../src/lib/rollup/merge-day-rollups.ts';
import { serviceDayRollups } from '../../src/lib/rollup/service-day-rollups.ts';
import type { DaySpan } from '../../src/lib/time/period-days.ts';
import { periodDays } from '../../src/lib/time/period-days.ts';
import { assertProperty } from '../helpers/property.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const day = (startMs: number, hours = 24, date = '2026-01-01'): DaySpan => ({ date, startMs, endMs: startMs + hours * HOUR });
const every = (fromMs: number, toMs: number, stepMs: number, status: (t: number) => CheckStatus, latency = 100) => {
  const out: Array<{ timeMs: number; status: CheckStatus; latencyMs: number | null }> = [];
  for (let t = fromMs; t < toMs; t += stepMs) {
    const s = status(t);
    out.push({ timeMs: t, status: s, latencyMs: s === 'down' ? null : latency });
  }
  return out;
};
const base = { maintenance: [], maxGapMs: null, confirm: null, latencyThresholdMs: 150 };

describe('serviceDayRollups', () => {
  it('one probe every minute, down for 30 minutes: 23.5 h up of 24 h', () => {
    // checks at 0,1,…,1439 min; down from 600 to 629 min → 30 one-minute segments down.
    const probe = seriesOf(every(0, 24 * HOUR, MIN, (t) => (t >= 600 * MIN && t < 630 * MIN ? 'down' : 'up')));
    const [r] = serviceDayRollups({ ...base, probes: [probe], days: [day(0)] });
    expect(r?.downMs).toBe(30 * MIN);
    expect(r?.upMs).toBe(24 * HOUR - 30 * MIN);
    expect(r?.noDataMs).toBe(0);
    expect(r?.outages).toEqual([[600 * MIN, 630 * MIN]]);
    const f = availabilityFigures(mergeDayRollups([r!]), 0.999, 150, 0.9);
    // 1410 / 1440 = 0.9791666…
    expect(f.availability).toBeCloseTo(1410 / 1440, 12);
    // allowed = 0.001 × 1440 min = 1.44 min; used = 30 / 1.44 = 20.833…
    expect(f.errorBudget.used).toBeCloseTo(30 / 1.44, 9);
    expect(f.verdict).toBe('breached');
  });

  it('a single probe reporting down among three is not an outage (majority confirmation)', () => {
    const up = seriesOf(every(0, 24 * HOUR, MIN, () => 'up'));
    const blip = seriesOf(every(0, 24 * HOUR, MIN, (t) => (t < 60 * MIN ? 'down' : 'up')));
    const [r] = serviceDayRollups({ ...base, probes: [up, up, blip], days: [day(0)] });
    expect(r?.downMs).toBe(0);
    // 1 of 3 down counts as degraded-or-down, but 1 < confirm (2): not degraded either.
    expect(r?.degradedMs).toBe(0);
    const twoDown = serviceDayRollups({ ...base, probes: [up, blip, blip], days: [day(0)] })[0];
    expect(twoDown?.downMs).toBe(60 * MIN);
  });

  it('with two covering probes, both must agree (strict majority of 2 is 2)', () => {
    const up = seriesOf(every(0, 24 * HOUR, MIN, () => 'up'));
    const down = seriesOf(every(0, 24 * HOUR, MIN, (t) => (t < 10 * MIN ? 'down' : 'up')));
    expect(serviceDayRollups({ ...base, probes: [up, down], days: [day(0)] })[0]?.downMs).toBe(0);
    expect(serviceDayRollups({ ...base, probes: [down, down], days: [day(0)] })[0]?.downMs).toBe(10 * MIN);
    expect(serviceDayRollups({ ...base, confirm: 1, probes: [up, down], days: [day(0)] })[0]?.downMs).toBe(10 * MIN);
  });

  it('degraded time is up time, reported apart', () => {
    const p = seriesOf(every(0, 24 * HOUR, MIN, (t) => (t < 120 * MIN ? 'degraded' : 'up')));
    const [r] = serviceDayRollups({ ...base, probes: [p], days: [day(0)] });
    expect(r?.upMs).toBe(24 * HOUR);
    expect(r?.degradedMs).toBe(120 * MIN);
  });

  it('a monitoring gap longer than max_gap is no data, not up', () => {
    // checks every minute except none between 06:00 and 12:00; the 05:59 check covers 2 min (2 × median 1 min).
    const checks = every(0, 24 * HOUR, MIN, () => 'up').filter((c) => c.timeMs < 6 * HOUR || c.timeMs >= 12 * HOUR);
    const [r] = serviceDayRollups({ ...base, probes: [seriesOf(checks)], days: [day(0)] });
    // covered: [0, 06:01) and [12:00, 24:00): uncovered 6 h − 1 min
    expect(r?.noDataMs).toBe(6 * HOUR - MIN);
    expect(r?.upMs).toBe(18 * HOUR + MIN);
    const f = availabilityFigures(mergeDayRollups([r!]), 0.99, 150, 0.9);
    expect(f.coverage).toBeCloseTo((18 * 60 + 1) / 1440, 12);
    expect(f.lowCoverage).toBe(true);
  });

  it('maintenance is neither up nor down, and its checks leave the latency population', () => {
    const p = seriesOf(every(0, 24 * HOUR, MIN, (t) => (t >= HOUR && t < 2 * HOUR ? 'down' : 'up')));
    const [r] = serviceDayRollups({ ...base, probes: [p], days: [day(0)], maintenance: [{ startMs: HOUR, endMs: 2 * HOUR }] });
    expect(r?.maintenanceMs).toBe(HOUR);
    expect(r?.downMs).toBe(0);
    expect(r?.upMs).toBe(23 * HOUR);
    // 1440 checks, 60 inside maintenance (all down, no latency anyway) → 1380 in the population
    expect(r?.latency.count).toBe(1380);
    const f = availabilityFigures(mergeDayRollups([r!]), 0.999, 150, 0.9);
    expect(f.coverage).toBe(1);
  });

  it('overlapping maintenance windows count once', () => {
    const p = seriesOf(every(0, 24 * HOUR, MIN, () => 'up'));
    const m = [
      { startMs: HOUR, endMs: 3 * HOUR },
      { startMs: 2 * HOUR, endMs: 4 * HOUR },
    ];
    expect(serviceDayRollups({ ...base, probes: [p], days: [day(0)], maintenance: m })[0]?.maintenanceMs).toBe(3 * HOUR);
  });

  it('an outage across midnight is split by day and re-joined on merge', () => {
    const p = seriesOf(every(0, 48 * HOUR, MIN, (t) => (t >= 23 * HOUR && t < 25 * HOUR ? 'down' : 'up')));
    const days = [day(0, 24, '2026-01-01'), day(24 * HOUR, 24, '2026-01-02')];
    const rollups = serviceDayRollups({ ...base, probes: [p], days });
    expect(rollups.map((r) => r.downMs)).toEqual([HOUR, HOUR]);
    const merged = mergeDayRollups(rollups);
    expect(merged.outages).toEqual([[23 * HOUR, 25 * HOUR]]);
    const f = availabilityFigures(merged, 0.999, 150, 0.9);
    expect(f.outages).toMatchObject({ count: 1, longestMs: 2 * HOUR, totalMs: 2 * HOUR, mttrMs: 2 * HOUR });
  });

  it('the October DST day in London is 25 hours of real time', () => {
    const days = periodDays('2026-10', 'Europe/London');
    const dst = days.find((d) => d.date === '2026-10-25')!;
    expect(dst.endMs - dst.startMs).toBe(25 * HOUR);
    const p = seriesOf(every(dst.startMs - HOUR, dst.endMs + HOUR, 5 * MIN, () => 'up'));
    const [r] = serviceDayRollups({ ...base, probes: [p], days: [dst] });
    expect(r?.upMs).toBe(25 * HOUR);
    const march = periodDays('2026-03', 'Europe/London').find((d) => d.date === '2026-03-29')!;
    expect(march.endMs - march.startMs).toBe(23 * HOUR);
  });

  it('an empty period has no data: availability null, no budget', () => {
    const [r] = serviceDayRollups({ ...base, probes: [], days: [day(0)] });
    const f = availabilityFigures(mergeDayRollups([r!]), 0.999, 150, 0.9);
    expect(f.availability).toBeNull();
    expect(f.verdict).toBe('no-data');
    expect(f.errorBudget).toEqual({ allowedDownMs: null, used: null, left: null });
    expect(f.coverage).toBe(0);
  });

  it('a single check tells no cadence, so it covers nothing unless max_gap is set', () => {
    const p = seriesOf([{ timeMs: HOUR, status: 'up', latencyMs: 10 }]);
    expect(serviceDayRollups({ ...base, probes: [p], days: [day(0)] })[0]?.upMs).toBe(0);
    expect(serviceDayRollups({ ...base, maxGapMs: 5 * MIN, probes: [p], days: [day(0)] })[0]?.upMs).toBe(5 * MIN);
  });

  it('all down: availability 0, the budget used many times over', () => {
    const p = seriesOf(every(0, 24 * HOUR, MIN, () => 'down'));
    const f = availabilityFigures(mergeDayRollups(serviceDayRollups({ ...base, probes: [p], days: [day(0)] })), 0.99, 150, 0.9);
    expect(f.availability).toBe(0);
    // allowed = 0.01 × 24 h; used = 24 h / 0.24 h = 100
    expect(f.errorBudget.used).toBeCloseTo(100, 9);
    expect(f.latency.n).toBe(0);
  });

  it('property: day rollups computed one day at a time merge to the two-day figures (fixed max_gap)', () => {
    assertProperty(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 48 * 60 - 1 }), fc.constantFrom<CheckStatus>('up', 'down', 'degraded')), {
          maxLength: 200,
        }),
        (raw) => {
          const checks = raw.map(([m, s]) => ({ timeMs: m * MIN, status: s, latencyMs: 50 }));
          const dedup = [...new Map(checks.map((c) => [c.timeMs, c])).values()];
          const probe = seriesOf(dedup);
          const opts = { ...base, maxGapMs: 7 * MIN, probes: [probe] };
          const whole = mergeDayRollups(serviceDayRollups({ ...opts, days: [day(0, 24, 'a'), day(24 * HOUR, 24, 'b')] }));
          const parts = mergeDayRollups([
            ...serviceDayRollups({ ...opts, days: [day(0, 24, 'a')] }),
            ...serviceDayRollups({ ...opts, days: [day(24 * HOUR, 24, 'b')] }),
          ]);
          expect(parts).toEqual(whole);
          expect(whole.upMs + whole.downMs + whole.noDataMs + whole.maintenanceMs).toBe(48 * HOUR);
          const f = availabilityFigures(whole, 0.99, 150, 0.9);
          if (f.availability !== null) expect(f.availability).toBeGreaterThanOrEqual(0);
          if (f.availability !== null) expect(f.availability).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it('property: the order of input checks changes nothing', () => {
    assertProperty(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 24 * 60 - 1 }), { maxLength: 100 }), fc.integer(), (minutes, seed) => {
        const checks = minutes.map((m) => ({ timeMs: m * MIN, status: (m % 3 === 0 ? 'down' : 'up') as CheckStatus, latencyMs: m }));
        const shuffled = [...checks].sort((a, b) => ((a.timeMs * 31 + seed) % 97) - ((b.timeMs * 31 + seed) % 97));
        const a = serviceDayRollups({ ...base, probes: [seriesOf(checks)], days: [day(0)] });
        const b = serviceDayRollups({ ...base, probes: [seriesOf(shuffled)], days: [day(0)] });
        expect(b).toEqual(a);
      }),
    );
  });
});

describe('latency histogram', () => {
  it('nearest-rank percentiles within 1 % of the exact value (property)', () => {
    assertProperty(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 60_000 }), { minLength: 1, maxLength: 500 }),
        fc.constantFrom(50, 95, 99),
        (values, p) => {
          const sorted = [...values].sort((a, b) => a - b);
          const exact = sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1] as number;
          const got = histogramPercentile(histogramOf(values), p) as number;
          expect(Math.abs(got - exact)).toBeLessThanOrEqual(exact * 0.01 + 1e-9);
        },
      ),
    );
  });

  it('p50 of 100, 200, 300, 400 is the 2nd value (nearest rank ⌈0.5 × 4⌉ = 2)', () => {
    expect(histogramPercentile(histogramOf([400, 100, 300, 200]), 50)).toBeCloseTo(200, -1);
    expect(histogramPercentile(histogramOf([]), 50)).toBeNull();
  });
});

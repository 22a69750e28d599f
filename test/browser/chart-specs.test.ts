/**
 * Chart configurations, without a browser: what each day's bar is drawn with, and that colour is
 * never the only cue. (The browser suite checks the charts draw; this checks what they draw.)
 */
import { describe, expect, it } from 'vitest';
import { dailyAvailabilityConfig, dailyCategories, dailyLatencyConfig, seriesConfig, zoomedMin } from '../../src/scripts/chart-specs.ts';
import { fourDays, theme } from '../helpers/chart-fixtures.ts';

const payload = fourDays;

type Ds = { label: string; data: Array<number | null>; backgroundColor?: unknown; borderDash?: number[]; pointStyle?: unknown };

describe('daily availability bars', () => {
  it('classes each day: met, below target, or no data; marks maintenance and partial data', () => {
    expect(dailyCategories(payload)).toEqual([
      { category: 'met', maintenance: false, partial: false },
      { category: 'below', maintenance: true, partial: false },
      { category: 'no-data', maintenance: false, partial: false },
      { category: 'met', maintenance: false, partial: true },
    ]);
  });

  it('never draws a no-data day in the met colour: it gets a grey cross-hatched bar of its own', () => {
    const datasets = dailyAvailabilityConfig(payload, theme).data.datasets as unknown as Ds[];
    const byLabel = Object.fromEntries(datasets.map((d) => [d.label, d]));
    const met = byLabel['Met target'] as Ds;
    const noData = byLabel['No data (not counted)'] as Ds;
    const below = byLabel['Below target'] as Ds;
    expect(met.backgroundColor).toBe('solid:green');
    expect(met.data).toEqual([1, null, null, 0.9999]);
    expect(noData.backgroundColor).toBe('crosshatch:grey');
    expect(noData.data[2]).not.toBeNull();
    expect(noData.data.filter((v) => v !== null)).toHaveLength(1);
    // Below target: a pattern, not only a colour.
    expect(below.backgroundColor).toBe('stripes:red');
    expect(below.data).toEqual([null, 0.98, null, null]);
    // Marks for maintenance and partial days, with shapes and legend labels.
    const maintenance = byLabel['Planned maintenance (excluded)'] as Ds;
    expect(maintenance.data.map((v) => v !== null)).toEqual([false, true, false, false]);
    expect(maintenance.pointStyle).toBe('rectRot');
    expect((byLabel['Part of the day without data'] as Ds).data.map((v) => v !== null)).toEqual([false, false, false, true]);
  });

  it('leaves out legend entries for kinds of day the month does not have', () => {
    const clean = { ...payload, availability: [1, 1, 1, 1], noDataMs: [0, 0, 0, 0], maintenanceMs: [0, 0, 0, 0] };
    const labels = (dailyAvailabilityConfig(clean, theme).data.datasets as unknown as Ds[]).map((d) => d.label);
    expect(labels).toEqual(['Met target', 'Target 99.50 %']);
  });

  it('never animates', () => {
    expect(dailyAvailabilityConfig(payload, theme).options?.animation).toBe(false);
  });
});

describe('line charts', () => {
  it('tells latency percentiles apart by dash and point shape as well as colour', () => {
    const cfg = dailyLatencyConfig(
      { kind: 'daily-latency', service: 'Search', dates: ['2026-10-01'], p50: [100], p95: [200], p99: [300], thresholdMs: 400 },
      theme,
    );
    const ds = cfg.data.datasets as unknown as Ds[];
    const styles = ds.slice(0, 3).map((d) => `${JSON.stringify(d.borderDash)} ${String(d.pointStyle)}`);
    expect(new Set(styles).size).toBe(3);
    expect(cfg.options?.animation).toBe(false);
  });

  it('adds a labelled reference line for a target', () => {
    const cfg = seriesConfig(
      {
        kind: 'lines',
        labels: ['2026-09', '2026-10'],
        series: [{ label: 'Availability', values: [0.999, 1] }],
        unit: 'ratio',
        reference: { label: 'Target 99.90 %', value: 0.999 },
        zoom: true,
      },
      theme,
    );
    const ds = cfg.data.datasets as unknown as Ds[];
    expect(ds.map((d) => d.label)).toEqual(['Availability', 'Target 99.90 %']);
    expect(ds[1]?.data).toEqual([0.999, 0.999]);
  });
});

describe('zoomedMin', () => {
  it('shows the values and the target with room, on a round step, never below 0', () => {
    expect(zoomedMin([1, 1], 0.999)).toBeCloseTo(0.998, 10);
    expect(zoomedMin([0.924, 1], 0.995)).toBeCloseTo(0.9, 10);
    expect(zoomedMin([null], null)).toBe(0);
    expect(zoomedMin([0.1], null)).toBe(0);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeChartPayload, encodeChartPayload } from '../../src/scripts/chart-payload-codec.ts';
import type { ChartPayload } from '../../src/scripts/chart-specs.ts';
import { assertProperty } from '../helpers/property.ts';

/** The payload as JSON carries it (a non-finite number becomes null, -0 becomes 0): what the chart script read before. */
const asJson = (p: ChartPayload): unknown => JSON.parse(JSON.stringify(p));

describe('encodeChartPayload / decodeChartPayload', () => {
  it('writes and reads the doc comment examples as stated', () => {
    expect(
      encodeChartPayload({
        kind: 'daily-latency',
        service: 'Search',
        dates: ['2024-02-28', '2024-02-29', '2024-03-01'],
        p50: [100, 120, 110],
        p95: [200, 250, 200],
        p99: [300, 310, 300],
        thresholdMs: 400,
      }),
    ).toBe(
      '{"kind":"daily-latency","service":"Search","dates":{"$days":["2024-02-28",3]},"p50":[100,120,110],"p95":[200,250,200],"p99":[300,310,300],"thresholdMs":400}',
    );
    expect(
      (
        decodeChartPayload(
          '{"kind":"daily-latency","service":"Search","dates":{"$days":["2024-12-31",2]},"p50":[1,2],"p95":[3,4],"p99":[5,6],"thresholdMs":400}',
        ) as { dates: string[] }
      ).dates,
    ).toEqual(['2024-12-31', '2025-01-01']);
  });

  it('writes a leap year of days as its first day and 366 (hand-checked)', () => {
    const dates = Array.from({ length: 366 }, (_, i) => new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10));
    const p: ChartPayload = {
      kind: 'daily-availability',
      service: 'Payments',
      dates,
      availability: dates.map((d) => (d === '2024-02-29' ? null : 1)),
      target: 0.999,
      noDataMs: dates.map((d) => (d === '2024-02-29' ? 86_400_000 : 0)),
      maintenanceMs: dates.map(() => 0),
      dayMs: dates.map((d) => (d === '2024-03-31' ? 82_800_000 : 86_400_000)),
    };
    const text = encodeChartPayload(p);
    expect(JSON.parse(text).dates).toEqual({ $days: ['2024-01-01', 366] });
    expect(decodeChartPayload(text)).toEqual(asJson(p));
    // 2026 has no 29 February: its 365 days are consecutive too, and 1900 (not a leap year) and 2000 (one) run on as the calendar does.
    for (const [year, days] of [
      [2026, 365],
      [1900, 365],
      [2000, 366],
    ] as const) {
      const year365 = Array.from({ length: days }, (_, i) => new Date(Date.UTC(year, 0, 1) + i * 86_400_000).toISOString().slice(0, 10));
      expect(JSON.parse(encodeChartPayload({ ...p, dates: year365 })).dates, String(year)).toEqual({ $days: [`${year}-01-01`, days] });
    }
    // 366 quoted dates (12 characters each), 365 commas and the brackets: 4,759 characters, where {"$days":["2024-01-01",366]} has 28.
    expect(JSON.stringify(p).length - text.length).toBe(366 * 12 + 365 + 2 - 28);
  });

  it('checks every chart against the run of days it starts (runs are made once and kept): a gap in a later chart of the same days is still seen', () => {
    const days = (n: number) => Array.from({ length: n }, (_, i) => `2026-10-${String(i + 1).padStart(2, '0')}`);
    const chart = (dates: string[]): ChartPayload => ({
      kind: 'daily-latency',
      service: 'S',
      dates,
      p50: [],
      p95: [],
      p99: [],
      thresholdMs: 1,
    });
    const october = days(31);
    const withGap = october.map((d, i) => (i === 30 ? '2026-11-01' : d));
    expect(JSON.parse(encodeChartPayload(chart(october))).dates).toEqual({ $days: ['2026-10-01', 31] });
    // The same first day and length, the last day wrong: written out in full, not as the kept run.
    expect(JSON.parse(encodeChartPayload(chart(withGap))).dates).toEqual(withGap);
    expect(JSON.parse(encodeChartPayload(chart([...october]))).dates).toEqual({ $days: ['2026-10-01', 31] });
    // A shorter run from the same day is a run of its own.
    expect(JSON.parse(encodeChartPayload(chart(days(30)))).dates).toEqual({ $days: ['2026-10-01', 30] });
  });

  it('leaves dates that are not consecutive days, and payloads without dates, as they were', () => {
    const gap: ChartPayload = {
      kind: 'daily-latency',
      service: 'S',
      dates: ['2026-10-01', '2026-10-02', '2026-10-04'],
      p50: [1, 2, 3],
      p95: [1, 2, 3],
      p99: [1, 2, 3],
      thresholdMs: 1,
    };
    expect(encodeChartPayload(gap)).toBe(JSON.stringify(gap));
    const series: ChartPayload = {
      kind: 'lines',
      labels: ['2026-10-01', '2026-10-02', '2026-10-03'],
      series: [{ label: 'A', values: [1, null, 0.5] }],
      unit: 'ratio',
    };
    expect(encodeChartPayload(series)).toBe(JSON.stringify(series));
  });

  // Generated payloads of every form: daily availability and latency, series; dates consecutive (across month
  // ends, 29 February and year ends, from 0001 to 9999) or not (a day left out, repeated, invalid, not a date).
  const consecutiveDays = fc
    .tuple(
      fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9998-12-01T00:00:00Z'), noInvalidDate: true }),
      fc.nat({ max: 400 }),
    )
    // UTC days are 86,400,000 ms each: consecutive dates by construction.
    .map(([start, n]) => Array.from({ length: n }, (_, i) => new Date(start.getTime() + i * 86_400_000).toISOString().slice(0, 10)));
  const dates = fc.oneof(
    consecutiveDays,
    consecutiveDays.chain((d) => fc.nat({ max: Math.max(0, d.length - 1) }).map((i) => d.filter((_, k) => k !== i))),
    consecutiveDays.chain((d) => fc.nat({ max: Math.max(0, d.length - 1) }).map((i) => [...d.slice(0, i + 1), ...d.slice(i)])),
    fc.array(
      fc.constantFrom(
        '2024-02-28',
        '2024-02-29',
        '2024-02-30',
        '2024-03-01',
        '2026-13-01',
        '2026-12-31',
        '2027-01-01',
        '9999-12-31',
        'x',
        '',
      ),
      {
        maxLength: 6,
      },
    ),
  );
  const values = fc.array(fc.oneof(fc.double(), fc.constant(null)), { maxLength: 5 });
  const payload: fc.Arbitrary<ChartPayload> = fc.oneof(
    fc.record({
      kind: fc.constant('daily-availability' as const),
      service: fc.string(),
      dates,
      availability: values,
      target: fc.double(),
      noDataMs: fc.array(fc.integer(), { maxLength: 5 }),
      maintenanceMs: fc.array(fc.integer(), { maxLength: 5 }),
      dayMs: fc.array(fc.integer(), { maxLength: 5 }),
    }),
    fc.record({
      kind: fc.constant('daily-latency' as const),
      service: fc.string(),
      dates,
      p50: values,
      p95: values,
      p99: values,
      thresholdMs: fc.integer(),
      locale: fc.constantFrom('en' as const, 'zh-CN' as const),
    }),
    fc.record({
      kind: fc.constantFrom('lines' as const, 'bars' as const),
      labels: dates,
      series: fc.array(fc.record({ label: fc.string(), values }), { maxLength: 3 }),
      unit: fc.constantFrom('ratio' as const, 'score' as const),
    }),
  );

  it('decodes every generated payload to the payload as JSON carries it, never longer than plain JSON (fixed seeds)', () => {
    assertProperty(
      fc.property(payload, (p) => {
        const text = encodeChartPayload(p);
        expect(decodeChartPayload(text)).toEqual(asJson(p));
        expect(text.length).toBeLessThanOrEqual(JSON.stringify(p).length);
      }),
      { numRuns: 1000 },
    );
  });
});

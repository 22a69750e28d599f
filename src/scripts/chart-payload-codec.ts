/**
 * A chart's payload as a page carries it in its `data-chart` attribute. A day-by-day chart's
 * dates are every day of the period, one after the other: written out, a year's 366 dates took
 * 8.4 KB of the attribute (each quoted, each quote escaped), twice on each service page. A list
 * of consecutive calendar days travels as `{"$days": [first, n]}`; everything else as it is.
 *
 * Lossless: decodeChartPayload(encodeChartPayload(p)) equals p as JSON carries it (the property
 * test in test/scripts/chart-payload-codec.test.ts). No payload has a key starting with `$`.
 */
import { daysInMonth } from '../lib/time/zoned-time.ts';
import type { ChartPayload } from './chart-specs.ts';

/**
 * The payload as the text of a `data-chart` attribute.
 * @example encodeChartPayload({ kind: 'daily-latency', service: 'Search', dates: ['2024-02-28', '2024-02-29', '2024-03-01'],
 *   p50: [100, 120, 110], p95: [200, 250, 200], p99: [300, 310, 300], thresholdMs: 400 })
 * // '{"kind":"daily-latency","service":"Search","dates":{"$days":["2024-02-28",3]},"p50":[100,120,110],"p95":[200,250,200],"p99":[300,310,300],"thresholdMs":400}'
 */
export function encodeChartPayload(payload: ChartPayload): string {
  if ('dates' in payload) {
    const days = daysOf(payload.dates);
    if (days) return JSON.stringify({ ...payload, dates: days });
  }
  return JSON.stringify(payload);
}

/**
 * The payload from the text of a `data-chart` attribute (as encodeChartPayload wrote it, or plain JSON).
 * @example decodeChartPayload('{"kind":"daily-latency","service":"Search","dates":{"$days":["2024-12-31",2]},"p50":[1,2],"p95":[3,4],"p99":[5,6],"thresholdMs":400}').dates
 * // ['2024-12-31', '2025-01-01']
 */
export function decodeChartPayload(text: string): ChartPayload {
  const p = JSON.parse(text) as Record<string, unknown>;
  const d = p.dates as { $days?: [string, number] } | undefined;
  if (d && !Array.isArray(d) && d.$days) {
    const [first, n] = d.$days;
    const dates = [first];
    for (let i = 1; i < n; i++) dates.push(nextDay(dates[i - 1] as string));
    p.dates = dates;
  }
  return p as unknown as ChartPayload;
}

/**
 * The calendar day after a YYYY-MM-DD day. Counted on the digits, not through Date as nextDate
 * (zoned-time.ts) does: encoding checks every day of a year on every chart. The month's length is
 * the calendar's own (daysInMonth), asked only from the 28th on.
 */
function nextDay(day: string): string {
  let y = Number(day.slice(0, 4));
  let m = Number(day.slice(5, 7));
  let d = Number(day.slice(8, 10)) + 1;
  if (d > 28 && d > daysInMonth(y, m)) {
    d = 1;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

const DAY = /^\d{4}-\d\d-\d\d$/;

/**
 * The consecutive calendar days from `first`, `n` of them, each run made once: every chart of a
 * period runs over the period's days, two charts on each of its service pages, so a build checks the
 * same few runs thousands of times (counted on day by day for every chart, they were most of the time
 * a chart's payload took to write: docs/benchmarks.md).
 */
const runs = new Map<string, readonly string[]>();
function consecutiveDays(first: string, n: number): readonly string[] {
  const key = `${first} ${n}`;
  let days = runs.get(key);
  if (!days) {
    const made = [first];
    for (let i = 1; i < n; i++) made.push(nextDay(made[i - 1] as string));
    days = made;
    runs.set(key, days);
  }
  return days;
}

/** `{"$days": [first, n]}` when the dates (more than two) are consecutive calendar days, else null. */
function daysOf(dates: readonly string[]): { $days: [string, number] } | null {
  const first = dates[0];
  if (dates.length < 3 || first === undefined || !DAY.test(first)) return null;
  const days = consecutiveDays(first, dates.length);
  for (let i = 1; i < dates.length; i++) {
    if (dates[i] !== days[i]) return null;
  }
  return { $days: [first, dates.length] };
}

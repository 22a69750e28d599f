/**
 * Review periods: calendar months in the review's time zone, and quarters and years built
 * from them. A month covers [first day 00:00, first day of next month 00:00) local time, so
 * a month holding a DST change is an hour shorter or longer in real elapsed time.
 */
import { formatDate, nextDate, startOfLocalDay, zonedParts } from './zoned-time.ts';

/** A month id `YYYY-MM`. */
export type MonthId = string;
/** A quarter id `YYYY-Qn`. */
export type QuarterId = string;

export interface PeriodBounds {
  /** First instant in the period (epoch ms). */
  startMs: number;
  /** First instant after the period (epoch ms). */
  endMs: number;
}

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER_RE = /^(\d{4})-Q([1-4])$/;

/** True for `YYYY-MM` with a month 01–12. */
export function isMonthId(id: string): boolean {
  return MONTH_RE.test(id);
}

/** True for `YYYY-Qn` with n 1–4. */
export function isQuarterId(id: string): boolean {
  return QUARTER_RE.test(id);
}

function splitMonth(id: MonthId): [number, number] {
  const m = MONTH_RE.exec(id);
  if (!m) throw new Error(`expected a month like 2026-10, got "${id}"`);
  return [Number(m[1]), Number(m[2])];
}

/**
 * The month an instant falls in, in a zone.
 * @example monthOf(Date.UTC(2026, 9, 31, 23, 30), 'Europe/London') // '2026-10' (23:30 GMT)
 * @example monthOf(Date.UTC(2026, 9, 31, 23, 30), 'Asia/Shanghai') // '2026-11' (07:30 next day)
 */
export function monthOf(ms: number, zone: string): MonthId {
  const p = zonedParts(ms, zone);
  return `${String(p.year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}`;
}

/** The month after `id`. @example nextMonth('2026-12') // '2027-01' */
export function nextMonth(id: MonthId): MonthId {
  const [y, m] = splitMonth(id);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The month before `id`. @example previousMonth('2026-01') // '2025-12' */
export function previousMonth(id: MonthId): MonthId {
  const [y, m] = splitMonth(id);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** Months from `first` to `last` inclusive, in order. @example monthsBetween('2026-11', '2027-01') // ['2026-11', '2026-12', '2027-01'] */
export function monthsBetween(first: MonthId, last: MonthId): MonthId[] {
  const out: MonthId[] = [];
  for (let m = first; m <= last; m = nextMonth(m)) out.push(m);
  return out;
}

/**
 * Bounds of a month in a zone, in real instants.
 * @example
 * // October 2026 in London: 1 Oct 00:00 BST (= 30 Sep 23:00 UTC) to 1 Nov 00:00 GMT; 31 days + 1 h
 * const b = monthBounds('2026-10', 'Europe/London');
 * (b.endMs - b.startMs) / 3_600_000 // 745
 */
export function monthBounds(id: MonthId, zone: string): PeriodBounds {
  const [y, m] = splitMonth(id);
  const [ny, nm] = splitMonth(nextMonth(id));
  return { startMs: startOfLocalDay(formatDate(y, m, 1), zone), endMs: startOfLocalDay(formatDate(ny, nm, 1), zone) };
}

/** The quarter a month belongs to. @example quarterOfMonth('2026-11') // '2026-Q4' */
export function quarterOfMonth(id: MonthId): QuarterId {
  const [y, m] = splitMonth(id);
  return `${y}-Q${Math.ceil(m / 3)}`;
}

/** The quarter after `id`. @example nextQuarter('2026-Q4') // '2027-Q1' */
export function nextQuarter(id: QuarterId): QuarterId {
  return quarterOfMonth(nextMonth(monthsOfQuarter(id)[2] as MonthId));
}

/** The quarter before `id`. @example previousQuarter('2026-Q1') // '2025-Q4' */
export function previousQuarter(id: QuarterId): QuarterId {
  return quarterOfMonth(previousMonth(monthsOfQuarter(id)[0] as MonthId));
}

/** The three months of a quarter. @example monthsOfQuarter('2026-Q2') // ['2026-04', '2026-05', '2026-06'] */
export function monthsOfQuarter(id: QuarterId): MonthId[] {
  const q = QUARTER_RE.exec(id);
  if (!q) throw new Error(`expected a quarter like 2026-Q4, got "${id}"`);
  const y = Number(q[1]);
  const first = (Number(q[2]) - 1) * 3 + 1;
  return [0, 1, 2].map((i) => `${y}-${String(first + i).padStart(2, '0')}`);
}

/** True for a year id `YYYY`. */
export function isYearId(id: string): boolean {
  return /^\d{4}$/.test(id);
}

/** The year id of a month. @example yearOfMonth('2026-11') // '2026' */
export function yearOfMonth(id: MonthId): string {
  return id.slice(0, 4);
}

/** The year before. @example previousYear('2026') // '2025' */
export function previousYear(id: string): string {
  return String(Number(id) - 1);
}

/** The twelve months of a year. @example monthsOfYear(2026)[11] // '2026-12' */
export function monthsOfYear(year: number): MonthId[] {
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

/** Local calendar dates (`YYYY-MM-DD`) of a month. @example datesOfMonth('2024-02').length // 29 */
export function datesOfMonth(id: MonthId): string[] {
  const [y, m] = splitMonth(id);
  const out: string[] = [];
  for (let d = formatDate(y, m, 1); d.startsWith(id); d = nextDate(d)) out.push(d);
  return out;
}

/** Buckets a memoised month function indexes in an array (about 28 years, centred on the first instant asked for); others go to a map. */
const MAX_DENSE_BUCKETS = 1_000_000;

/**
 * A memoised `monthOf` for one zone: the same answers, without calling Intl for every instant.
 * Results are cached per 15-minute bucket, since every zone's offset is a multiple of 15 minutes
 * and so no month boundary falls inside a bucket. The buckets around the first instant asked
 * for are looked up in an array (a build asks about a few years, millions of times), any
 * others in a map.
 * @example const m = monthOfIn('Europe/London'); m(Date.UTC(2026, 9, 31, 23, 30)) // '2026-10'
 */
export function monthOfIn(zone: string): (ms: number) => MonthId {
  const cache = new Map<number, MonthId>();
  const months: MonthId[] = [];
  const monthIndex = new Map<MonthId, number>();
  // Bucket − base → 1 + index into `months` (0: not yet known), for buckets within MAX_DENSE_BUCKETS / 2 of the first.
  let dense: Int32Array | null = null;
  let base = 0;
  return (ms) => {
    const bucket = Math.floor(ms / 900_000);
    if (dense === null && Number.isFinite(bucket)) {
      dense = new Int32Array(MAX_DENSE_BUCKETS);
      base = bucket - MAX_DENSE_BUCKETS / 2;
    }
    const at = bucket - base;
    if (dense !== null && at >= 0 && at < MAX_DENSE_BUCKETS) {
      const k = dense[at] as number;
      if (k > 0) return months[k - 1] as MonthId;
      const m = monthOf(ms, zone);
      let i = monthIndex.get(m);
      if (i === undefined) {
        i = months.length;
        months.push(m);
        monthIndex.set(m, i);
      }
      dense[at] = i + 1;
      return months[i] as MonthId;
    }
    let m = cache.get(bucket);
    if (m === undefined) cache.set(bucket, (m = monthOf(ms, zone)));
    return m;
  };
}

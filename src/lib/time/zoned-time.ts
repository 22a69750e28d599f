/**
 * Wall-clock ↔ instant conversion in IANA time zones, on the tz database that Node's ICU
 * already carries (no extra dependency). Unlike most date libraries, this reports the two
 * DST cases instead of silently picking: a local time in the skipped hour does not exist,
 * and one in the repeated hour is ambiguous.
 */

export interface LocalDateTime {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

export interface ZonedParts extends LocalDateTime {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
}

export type LocalResolution =
  | { kind: 'ok'; ms: number }
  /** In a skipped hour: `earlierMs` reads it with the offset after the jump, `laterMs` with the one before (as Temporal). */
  | { kind: 'nonexistent'; earlierMs: number; laterMs: number }
  | { kind: 'ambiguous'; earlierMs: number; laterMs: number };

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
      era: 'short',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** True when `zone` is an IANA zone name this runtime knows. */
export function isValidTimeZone(zone: string): boolean {
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** Wall-clock fields of an instant in a zone. */
export function zonedParts(ms: number, zone: string): ZonedParts {
  const parts = formatterFor(zone).formatToParts(new Date(ms));
  const out: ZonedParts = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0, millisecond: 0, weekday: 0 };
  let bc = false;
  for (const p of parts) {
    switch (p.type) {
      case 'year':
        out.year = Number(p.value);
        break;
      case 'month':
        out.month = Number(p.value);
        break;
      case 'day':
        out.day = Number(p.value);
        break;
      case 'hour':
        out.hour = Number(p.value);
        break;
      case 'minute':
        out.minute = Number(p.value);
        break;
      case 'second':
        out.second = Number(p.value);
        break;
      case 'weekday':
        out.weekday = WEEKDAYS[p.value] ?? 0;
        break;
      case 'era':
        bc = p.value === 'BC' || p.value === 'B';
        break;
    }
  }
  if (bc) out.year = 1 - out.year;
  out.millisecond = ((ms % 1000) + 1000) % 1000;
  return out;
}

/** UTC offset of `zone` at an instant, in minutes (east positive, e.g. +60 for BST). */
export function offsetMinutesAt(ms: number, zone: string): number {
  const p = zonedParts(ms, zone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond);
  return Math.round((asUtc - ms) / MINUTE_MS);
}

/** True when the fields name a real calendar date and time (29 Feb only in leap years, hour < 24). */
export function isValidLocalDateTime(t: LocalDateTime): boolean {
  if (!Number.isInteger(t.year) || t.month < 1 || t.month > 12 || t.day < 1) return false;
  if (t.day > daysInMonth(t.year, t.month)) return false;
  return (
    t.hour >= 0 &&
    t.hour <= 23 &&
    t.minute >= 0 &&
    t.minute <= 59 &&
    t.second >= 0 &&
    t.second <= 59 &&
    t.millisecond >= 0 &&
    t.millisecond <= 999
  );
}

/** Days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The instant(s) a wall-clock time denotes in a zone.
 * Offsets a day either side are the only candidates: tz rules never change twice in two days.
 */
export function resolveLocal(t: LocalDateTime, zone: string): LocalResolution {
  const asUtc = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second, t.millisecond);
  const offsets = new Set([offsetMinutesAt(asUtc - DAY_MS, zone), offsetMinutesAt(asUtc + DAY_MS, zone)]);
  const hits: number[] = [];
  for (const o of offsets) {
    const candidate = asUtc - o * MINUTE_MS;
    if (offsetMinutesAt(candidate, zone) === o && !hits.includes(candidate)) hits.push(candidate);
  }
  hits.sort((a, b) => a - b);
  if (hits.length === 0) {
    const shifted = [...offsets].map((o) => asUtc - o * MINUTE_MS);
    return { kind: 'nonexistent', earlierMs: Math.min(...shifted), laterMs: Math.max(...shifted) };
  }
  if (hits.length === 1) return { kind: 'ok', ms: hits[0] as number };
  return { kind: 'ambiguous', earlierMs: hits[0] as number, laterMs: hits[hits.length - 1] as number };
}

/**
 * The first instant at or after a wall-clock time: for times in a DST gap, the instant the
 * clocks jump to; for repeated times, the earlier one. Used for period and day boundaries,
 * where "midnight" must always exist.
 */
export function localToInstantLenient(t: LocalDateTime, zone: string): number {
  const r = resolveLocal(t, zone);
  if (r.kind === 'ok') return r.ms;
  if (r.kind === 'ambiguous') return r.earlierMs;
  const asUtc = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second, t.millisecond);
  // In a gap the offset before the jump maps the wall time past the jump; the jump itself is
  // where the offset changes, found by bisection between the two readings.
  const before = offsetMinutesAt(asUtc - DAY_MS, zone);
  let lo = asUtc - before * MINUTE_MS - DAY_MS;
  let hi = asUtc - before * MINUTE_MS + DAY_MS;
  while (hi - lo > 1000) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetMinutesAt(mid, zone) === before) lo = mid;
    else hi = mid;
  }
  return hi - (hi % 1000);
}

/** Local calendar date `YYYY-MM-DD` of an instant in a zone. */
export function localDateOf(ms: number, zone: string): string {
  const p = zonedParts(ms, zone);
  return formatDate(p.year, p.month, p.day);
}

/** `YYYY-MM-DD` from fields. */
export function formatDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Parses `YYYY-MM-DD` into fields, or null when it is not a real date. */
export function parseDate(s: string): { year: number; month: number; day: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** The date after `YYYY-MM-DD`. */
export function nextDate(date: string): string {
  const p = parseDate(date);
  if (!p) throw new Error(`nextDate requires a date like 2026-11-03, got "${date}"`);
  const d = new Date(Date.UTC(p.year, p.month - 1, p.day + 1));
  return formatDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a calendar date; zone-free. */
export function weekdayOfDate(date: string): number {
  const p = parseDate(date);
  if (!p) throw new Error(`weekdayOfDate requires a date like 2026-11-03, got "${date}"`);
  const w = new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay();
  return w === 0 ? 7 : w;
}

/** Start instant of a local calendar day (its first existing instant). */
export function startOfLocalDay(date: string, zone: string): number {
  const p = parseDate(date);
  if (!p) throw new Error(`startOfLocalDay requires a date like 2026-11-03, got "${date}"`);
  return localToInstantLenient({ ...p, hour: 0, minute: 0, second: 0, millisecond: 0 }, zone);
}

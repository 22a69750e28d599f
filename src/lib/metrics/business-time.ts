// About 470 lines: the day table and the three queries over it share its private layout, so they stay in one module.
/**
 * Business time: elapsed working time under a calendar (zone, weekly hours, holidays, make-up
 * working days), its inverse (the deadline after a number of working seconds), and one clock
 * interface over business time and plain 24×7 time. Pure: no I/O and no clock; the only
 * state is a per-calendar cache of days, invisible to callers.
 *
 * Working time is defined by wall clocks: an instant is working time when its local date in
 * the calendar's zone is a working day and its local wall-clock time lies in one of that day's
 * working intervals. So a working day on a DST change day is still 09:00–17:30 local, and the
 * real elapsed time inside it is what counts (a 00:00–24:00 day is 23 or 25 hours long).
 * A wall time in a skipped hour never occurs; one in a repeated hour occurs twice, and both
 * occurrences count.
 *
 * Method: days are numbered (days since 1970-01-01, as a civil date) and cached in a table
 * holding, per day, its first instant, its working intervals as instants, and the working time
 * of all earlier cached days (a prefix sum). Then elapsed business time is a difference of two
 * prefix values, each found in O(1), and a deadline is a galloping binary search over the
 * prefix sums: long spans (tickets open for months) cost no more than short ones, and no loop
 * walks minutes, days or weeks one by one. The table grows a year at a time as queries need
 * and covers every day between the earliest and latest instant asked about (building a day
 * costs a few microseconds, so a century takes well under a second; implausible timestamps
 * should be rejected at ingestion). A day is assumed to hold at most one UTC-offset change.
 */
import type { CalendarRules, ClockRule, WallInterval } from '../model/rules.ts';
import { formatDate, offsetMinutesAt, parseDate, startOfLocalDay } from '../time/zoned-time.ts';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** How many days the table grows beyond the day a query needs. */
const GROW_DAYS = 366;
/** A deadline search gives up after this many days (about 2,700 years): a guard, never reached with valid calendars. */
const MAX_SEARCH_DAYS = 1_000_000;

/** A calendar ready for business-time arithmetic; build it with {@link compileCalendar}. */
export interface CompiledCalendar {
  /** Calendar id from the configuration. */
  readonly id: string;
  /** IANA zone of the working hours. */
  readonly timeZone: string;
  /**
   * Working intervals of a local date as instants `[startMs, endMs)`, sorted and disjoint
   * (empty for a non-working day).
   */
  intervalsOn(date: string): Array<[number, number]>;
  /** @internal The day table; use the functions of this module instead. */
  readonly table: DayTable;
}

/** One clock for an SLA target: business time of a calendar, or elapsed 24×7 time. */
export interface SlaClock {
  /** Which time the clock measures. */
  readonly kind: '24x7' | 'business';
  /** Calendar id of a business clock, null for 24×7. */
  readonly calendarId: string | null;
  /** Time on this clock from `startMs` to `endMs`, whole seconds truncated toward zero (negative when end < start). */
  elapsedSeconds(startMs: number, endMs: number): number;
  /** The earliest instant at which `seconds` of this clock's time have elapsed since `startMs`. */
  deadline(startMs: number, seconds: number): number;
}

function dayNumberOf(date: string, what: string): number {
  const p = parseDate(date);
  if (!p) throw new Error(`${what}: expected a date like 2026-12-25, got "${date}"`);
  return Date.UTC(p.year, p.month - 1, p.day) / DAY_MS;
}

function dateOfDayNumber(n: number): string {
  const d = new Date(n * DAY_MS);
  return formatDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Sorts intervals and merges those that touch or overlap, into a flat `[start, end, …]` list. */
function mergeFlat(pieces: Array<[number, number]>): number[] {
  pieces.sort((a, b) => a[0] - b[0]);
  const flat: number[] = [];
  for (const [s, e] of pieces) {
    const n = flat.length;
    if (n > 0 && s <= (flat[n - 1] as number)) flat[n - 1] = Math.max(flat[n - 1] as number, e);
    else flat.push(s, e);
  }
  return flat;
}

/**
 * Lazily built table of days for one calendar. Days `[lo, hi)` are cached:
 * `starts[i]` is the first instant of day `lo + i` (length hi − lo + 1, so the last entry ends
 * the last day), `cum[i]` the working milliseconds of days `[lo, lo + i)`, and `ivs[i]` the
 * working intervals of day `lo + i` as a flat `[start, end, start, end, …]` list of instants.
 */
class DayTable {
  readonly zone: string;
  readonly weekHours: ReadonlyArray<readonly WallInterval[]>;
  readonly extraHours: readonly WallInterval[];
  readonly holidays: ReadonlySet<number>;
  readonly extraDays: ReadonlySet<number>;
  lo = 0;
  hi = 0;
  starts: number[] = [];
  /** UTC offset (minutes) at each entry of `starts`. */
  offs: number[] = [];
  cum: number[] = [];
  ivs: number[][] = [];

  constructor(
    zone: string,
    weekHours: ReadonlyArray<readonly WallInterval[]>,
    extraHours: readonly WallInterval[],
    holidays: ReadonlySet<number>,
    extraDays: ReadonlySet<number>,
  ) {
    this.zone = zone;
    this.weekHours = weekHours;
    this.extraHours = extraHours;
    this.holidays = holidays;
    this.extraDays = extraDays;
  }

  /** Wall intervals of day n: none on a holiday (a holiday wins over a make-up day), the make-up hours on an extra working day. */
  hoursOf(n: number): readonly WallInterval[] {
    if (this.holidays.has(n)) return [];
    if (this.extraDays.has(n)) return this.extraHours;
    // 1970-01-01 (day 0) was a Thursday, index 3 of mon…sun.
    return this.weekHours[(((n + 3) % 7) + 7) % 7] as readonly WallInterval[];
  }

  /** First instant of day n and the offset there. */
  startOfDay(n: number): [number, number] {
    const start = startOfLocalDay(dateOfDayNumber(n), this.zone);
    return [start, offsetMinutesAt(start, this.zone)];
  }

  /**
   * First instant of day n + 1 from that of day n: 24 h later when day n starts at midnight and
   * the offset 24 h later is the same (one Intl call instead of several), else computed in full.
   */
  startOfNextDay(n: number, start: number, offset: number): [number, number] {
    if ((start + offset * MINUTE_MS) % DAY_MS === 0) {
      const guess = start + DAY_MS;
      if (offsetMinutesAt(guess, this.zone) === offset) return [guess, offset];
    }
    return this.startOfDay(n + 1);
  }

  /**
   * Working intervals of day n as instants, given the day's first instant and the next day's,
   * with the offsets there. A day is assumed to hold at most one offset change (true of the tz
   * database for any zone with working hours): equal offsets at both ends mean none.
   */
  buildDay(n: number, start: number, next: number, o1: number, oNext: number): number[] {
    const hours = this.hoursOf(n);
    if (hours.length === 0) return [];
    // Offset segments of the day: one, or two around a DST change (found by bisection).
    const o2 = o1 === oNext ? o1 : offsetMinutesAt(next - 1, this.zone);
    const segments: Array<[number, number, number]> = [];
    if (o1 === o2) segments.push([start, next, o1]);
    else {
      let a = start;
      let b = next - 1;
      while (b - a > 1) {
        const mid = Math.floor((a + b) / 2);
        if (offsetMinutesAt(mid, this.zone) === o1) a = mid;
        else b = mid;
      }
      segments.push([start, b, o1], [b, next, o2]);
    }
    // Local midnight of the date read as if it were UTC: wall time w at offset o is instant w − o.
    const wallMidnight = n * DAY_MS;
    const pieces: Array<[number, number]> = [];
    for (const [sMin, eMin] of hours) {
      for (const [segStart, segEnd, offset] of segments) {
        const s = Math.max(wallMidnight + (sMin - offset) * MINUTE_MS, segStart);
        const e = Math.min(wallMidnight + (eMin - offset) * MINUTE_MS, segEnd);
        if (s < e) pieces.push([s, e]);
      }
    }
    return mergeFlat(pieces);
  }

  /** Makes sure days `from` … `to` (inclusive) are cached. */
  ensure(from: number, to: number): void {
    if (this.starts.length === 0) {
      const [start, offset] = this.startOfDay(from);
      this.lo = from;
      this.hi = from;
      this.starts = [start];
      this.offs = [offset];
      this.cum = [0];
      this.ivs = [];
    }
    if (to >= this.hi) this.growUp(to + 1 + GROW_DAYS);
    if (from < this.lo) this.growDown(from - GROW_DAYS);
  }

  private growUp(newHi: number): void {
    for (let n = this.hi; n < newHi; n++) {
      const i = n - this.lo;
      const start = this.starts[i] as number;
      const offset = this.offs[i] as number;
      const [next, nextOffset] = this.startOfNextDay(n, start, offset);
      const iv = this.buildDay(n, start, next, offset, nextOffset);
      this.starts.push(next);
      this.offs.push(nextOffset);
      this.ivs.push(iv);
      this.cum.push((this.cum[i] as number) + workMs(iv));
    }
    this.hi = newHi;
  }

  private growDown(newLo: number): void {
    const starts: number[] = [];
    const offs: number[] = [];
    const ivs: number[][] = [];
    // Built forwards from newLo, as growUp does, then joined to the cached days.
    let [start, offset] = this.startOfDay(newLo);
    for (let n = newLo; n < this.lo; n++) {
      starts.push(start);
      offs.push(offset);
      [start, offset] = n + 1 === this.lo ? [this.starts[0] as number, this.offs[0] as number] : this.startOfNextDay(n, start, offset);
    }
    starts.push(start);
    offs.push(offset);
    const cum: number[] = [0];
    for (let n = newLo; n < this.lo; n++) {
      const i = n - newLo;
      const iv = this.buildDay(n, starts[i] as number, starts[i + 1] as number, offs[i] as number, offs[i + 1] as number);
      ivs.push(iv);
      cum.push((cum[i] as number) + workMs(iv));
    }
    const shift = cum.pop() as number;
    starts.pop();
    offs.pop();
    this.starts = starts.concat(this.starts);
    this.offs = offs.concat(this.offs);
    this.ivs = ivs.concat(this.ivs);
    this.cum = cum.concat(this.cum.map((c) => c + shift));
    this.lo = newLo;
  }

  /** Table index of the day holding instant t; the days around it must be cached (see {@link ensureAround}). */
  indexOf(t: number): number {
    let i = Math.floor(t / DAY_MS) - this.lo;
    while (t < (this.starts[i] as number)) i--;
    while (t >= (this.starts[i + 1] as number)) i++;
    return i;
  }

  /** Caches the days around the instants (a local date is within a day of the UTC date). */
  ensureAround(a: number, b: number): void {
    const na = Math.floor(a / DAY_MS);
    const nb = Math.floor(b / DAY_MS);
    this.ensure(Math.min(na, nb) - 1, Math.max(na, nb) + 1);
  }

  /** Working ms from the start of the table to t (t's days must be cached). */
  prefix(t: number): number {
    const i = this.indexOf(t);
    return (this.cum[i] as number) + workMsBefore(this.ivs[i] as number[], t);
  }
}

function workMs(flat: number[]): number {
  let sum = 0;
  for (let k = 0; k < flat.length; k += 2) sum += (flat[k + 1] as number) - (flat[k] as number);
  return sum;
}

function workMsBefore(flat: number[], t: number): number {
  let sum = 0;
  for (let k = 0; k < flat.length; k += 2) {
    const s = flat[k] as number;
    if (s >= t) break;
    sum += Math.min(flat[k + 1] as number, t) - s;
  }
  return sum;
}

/**
 * Compiles a calendar for business-time arithmetic. The result caches the working intervals
 * of every day it has been asked about, so compile a calendar once and pass it on.
 *
 * Rules: each weekday has its intervals (`[[540, 720], [780, 1080]]` for 09:00–12:00 and
 * 13:00–18:00, a lunch break); a holiday has no hours, even when it is also listed as an extra
 * working day; an extra working day (make-up day, e.g. a working Saturday) has `extraDayHours`.
 *
 * @param cal the calendar's rules (config/resolve-rules.ts resolves them from the config)
 * @returns the compiled calendar
 * @throws when no weekday has working hours (a deadline would never come)
 * @example
 * const london = compileCalendar(resolveCalendar({ id: 'uk', timeZone: 'Europe/London',
 *   weeklyHours: { mon: [['09:00', '17:30']], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
 *   holidays: [], extraWorkingDays: [], extraDayHoursFrom: 'mon', changes: [] }));
 * london.intervalsOn('2026-11-02') // [[Date.UTC(2026, 10, 2, 9), Date.UTC(2026, 10, 2, 17, 30)]]
 */
export function compileCalendar(cal: CalendarRules): CompiledCalendar {
  if (cal.weekHours.every((h) => h.length === 0)) throw new Error(`calendar "${cal.id}" needs working hours on at least one weekday`);
  const table = new DayTable(cal.timeZone, cal.weekHours, cal.extraDayHours, cal.holidays, cal.extraWorkingDays);
  return {
    id: cal.id,
    timeZone: cal.timeZone,
    table,
    intervalsOn(date: string): Array<[number, number]> {
      const n = dayNumberOf(date, 'intervalsOn');
      table.ensure(n, n);
      const flat = table.ivs[n - table.lo] as number[];
      const out: Array<[number, number]> = [];
      for (let k = 0; k < flat.length; k += 2) out.push([flat[k] as number, flat[k + 1] as number]);
      return out;
    },
  };
}

/**
 * Business time between two instants in milliseconds: the total length of the calendar's
 * working intervals inside `[startMs, endMs)`; negative when `endMs < startMs`.
 * Method: difference of two cached prefix sums (O(1) once the days are cached).
 *
 * @param startMs first instant, epoch ms
 * @param endMs second instant, epoch ms
 * @param cal a compiled calendar
 * @returns working milliseconds from start to end
 * @example
 * // Mon–Fri 09:00–17:30 London; Friday 2026-11-06 17:00 GMT → Monday 09:30: 30 min + 30 min
 * businessMsBetween(Date.UTC(2026, 10, 6, 17), Date.UTC(2026, 10, 9, 9, 30), london) // 3_600_000
 */
export function businessMsBetween(startMs: number, endMs: number, cal: CompiledCalendar): number {
  const t = cal.table;
  t.ensureAround(startMs, endMs);
  return t.prefix(endMs) - t.prefix(startMs);
}

/**
 * Business time between two instants in whole seconds (truncated toward zero): the total
 * length of the calendar's working intervals inside `[startMs, endMs)`; negative when
 * `endMs < startMs`. Additive: between(a, c) = between(a, b) + between(b, c) for instants on
 * whole seconds.
 *
 * @param startMs first instant, epoch ms
 * @param endMs second instant, epoch ms
 * @param cal a compiled calendar
 * @returns working seconds from start to end
 * @example
 * // Mon–Fri 09:00–17:30 London; Friday 2026-11-06 17:00 GMT → Monday 09:30: 30 min + 30 min
 * businessSecondsBetween(Date.UTC(2026, 10, 6, 17), Date.UTC(2026, 10, 9, 9, 30), london) // 3600
 */
export function businessSecondsBetween(startMs: number, endMs: number, cal: CompiledCalendar): number {
  return Math.trunc(businessMsBetween(startMs, endMs, cal) / 1000);
}

/**
 * The deadline after `ms` milliseconds of business time: the earliest instant at which `ms`
 * of working time have elapsed since `startMs`. A start outside working hours begins counting
 * at the next working interval; a deadline that is reached exactly at the end of an interval
 * is that end (not the start of the next one). Zero gives `startMs` itself.
 * Method: galloping then binary search over the cached per-day prefix sums, then a walk through
 * the one day's intervals.
 *
 * @param startMs start instant, epoch ms
 * @param ms working time to add, milliseconds (≥ 0)
 * @param cal a compiled calendar
 * @returns the deadline, epoch ms
 * @throws when `ms` is negative or not finite
 * @example
 * // Mon–Fri 09:00–17:30 London; from Friday 2026-11-06 17:00 GMT, 1 h: 30 min on Friday, 30 min on Monday
 * addBusinessMs(Date.UTC(2026, 10, 6, 17), 3_600_000, london) // Date.UTC(2026, 10, 9, 9, 30)
 */
export function addBusinessMs(startMs: number, ms: number, cal: CompiledCalendar): number {
  if (!(ms >= 0 && Number.isFinite(ms))) throw new Error(`addBusinessMs requires a non-negative duration, got ${ms}`);
  if (ms === 0) return startMs;
  const t = cal.table;
  t.ensureAround(startMs, startMs);
  const i0 = t.indexOf(startMs);
  const goal = t.prefix(startMs) + ms;
  // Smallest m > i0 with cum[m] ≥ goal: gallop, then bisect in (low, high].
  let low = i0;
  let high = i0 + 1;
  let step = 1;
  for (;;) {
    if (high > t.hi - t.lo) t.ensure(t.lo + high, t.lo + high);
    if ((t.cum[high] as number) >= goal) break;
    if (step > MAX_SEARCH_DAYS) throw new Error(`addBusinessMs: calendar has no working time for ${MAX_SEARCH_DAYS} days after ${startMs}`);
    low = high;
    step *= 2;
    high = i0 + step;
  }
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if ((t.cum[mid] as number) >= goal) high = mid;
    else low = mid;
  }
  const d = high - 1;
  const from = d === i0 ? startMs : (t.starts[d] as number);
  let remaining = goal - ((t.cum[d] as number) + workMsBefore(t.ivs[d] as number[], from));
  const flat = t.ivs[d] as number[];
  for (let k = 0; k < flat.length; k += 2) {
    const s = Math.max(flat[k] as number, from);
    const e = flat[k + 1] as number;
    if (e <= s) continue;
    if (remaining <= e - s) return s + remaining;
    remaining -= e - s;
  }
  throw new Error('addBusinessMs: internal error, the deadline day has too little working time');
}

/**
 * The deadline after `seconds` of business time: the earliest instant at which `seconds` of
 * working time have elapsed since `startMs` (see {@link addBusinessMs}).
 *
 * @param startMs start instant, epoch ms
 * @param seconds working time to add, seconds (≥ 0)
 * @param cal a compiled calendar
 * @returns the deadline, epoch ms
 * @throws when `seconds` is negative or not finite
 * @example
 * // Mon–Fri 09:00–17:30 London; from Friday 2026-11-06 17:00 GMT, 1 h: 30 min on Friday, 30 min on Monday
 * addBusinessSeconds(Date.UTC(2026, 10, 6, 17), 3600, london) // Date.UTC(2026, 10, 9, 9, 30)
 */
export function addBusinessSeconds(startMs: number, seconds: number, cal: CompiledCalendar): number {
  if (!(seconds >= 0 && Number.isFinite(seconds))) throw new Error(`addBusinessSeconds requires a non-negative duration, got ${seconds}`);
  return addBusinessMs(startMs, seconds * 1000, cal);
}

/** The 24×7 clock: plain elapsed time. */
export const clock24x7: SlaClock = {
  kind: '24x7',
  calendarId: null,
  elapsedSeconds: (startMs, endMs) => Math.trunc((endMs - startMs) / 1000),
  deadline: (startMs, seconds) => {
    if (!(seconds >= 0 && Number.isFinite(seconds))) throw new Error(`deadline requires a non-negative duration, got ${seconds}`);
    return startMs + seconds * 1000;
  },
};

/**
 * The clock of a priority level's targets: business time of its calendar, or elapsed 24×7
 * time. Both offer the same two operations, so SLA code never asks which one it has. A business
 * clock compiles its calendar: make one clock per calendar and reuse it (see `clockCache`).
 *
 * @param rule the level's clock rule
 * @returns the clock
 * @example slaClock({ kind: '24x7' }).deadline(0, 90) // 90000
 */
export function slaClock(rule: ClockRule): SlaClock {
  if (rule.kind !== 'business') return clock24x7;
  const compiledCal = compileCalendar(rule.calendar);
  return {
    kind: 'business',
    calendarId: rule.calendar.id,
    elapsedSeconds: (startMs, endMs) => businessSecondsBetween(startMs, endMs, compiledCal),
    deadline: (startMs, seconds) => addBusinessSeconds(startMs, seconds, compiledCal),
  };
}

/**
 * One clock per calendar, made on first use: what a structure prepared once for many periods
 * keeps, so a calendar's day table is built once however many periods and levels use it.
 * @example const clockOf = clockCache(); clockOf({ kind: '24x7' }) === clockOf({ kind: '24x7' }) // true
 */
export function clockCache(): (rule: ClockRule) => SlaClock {
  const clocks = new Map<string, SlaClock>();
  return (rule) => {
    if (rule.kind !== 'business') return clock24x7;
    let clock = clocks.get(rule.calendar.key);
    if (!clock) clocks.set(rule.calendar.key, (clock = slaClock(rule)));
    return clock;
  };
}

// Over 400 lines: one scanner for every accepted timestamp form, whose parts share its cursor and zone-offset cache.
/**
 * The timestamp cell parser of exports.
 *
 * `parseTimestamp` runs once per timestamp cell, millions of times per build, so it scans
 * char codes by hand (no regex, no allocation on success) and caches the zone offset per
 * local hour: resolving a wall-clock time through Intl costs microseconds, a Map hit costs
 * nanoseconds. The commonest form, `YYYY-MM-DD HH:MM:SS`, is read at fixed positions first;
 * zones that are UTC by definition need no offset at all. Failures are cold and build a human
 * reason for the reject line.
 */
import { quoted, type Reason, reason, words } from '../util/reason.ts';
import { isValidLocalDateTime, type LocalDateTime, localToInstantLenient, resolveLocal } from './zoned-time.ts';

/** Field order of day-first or month-first dates such as 03/11/2026 (year-first dates are always ymd). */
export type DateOrder = 'ymd' | 'dmy' | 'mdy';
/** What a local time inside the repeated DST hour means. */
export type AmbiguousPolicy = 'reject' | 'earlier' | 'later';
/**
 * Unit of bare-number timestamps. `auto` reads 9–10 integer digits as seconds and 12–13 as
 * milliseconds and rejects any other length and any fraction (a unit typo, or a spreadsheet
 * serial, is never guessed); `s` and `ms` read any whole or fractional number in that unit;
 * `excel-serial` reads spreadsheet serial dates (days since 1899-12-30, local time).
 */
export type EpochUnit = 'auto' | 's' | 'ms' | 'excel-serial';

/** How to read one source's timestamps; mirrors the fields of the source config. */
export interface TimestampOptions {
  /** IANA zone of timestamps without an offset. */
  timeZone: string;
  dateOrder: DateOrder;
  ambiguous: AmbiguousPolicy;
  epochUnit: EpochUnit;
}

/** A cell that could not be read. `empty` tells a blank cell apart, so optional fields can accept it. */
export interface ParseFailure {
  ok: false;
  /** True when the cell is empty or only whitespace. */
  empty: boolean;
  /** Why, for the reject line: the tool's words, quoting the value as an exported text. */
  reason: Reason;
}

export type TimestampResult = { ok: true; ms: number } | ParseFailure;

const EMPTY: ParseFailure = Object.freeze({ ok: false, empty: true, reason: words('the value is empty') });

const HOUR_MS = 3_600_000;
/**
 * The sane range of service data: years 1970–2199. Anything outside is a typo (an epoch in the
 * wrong unit gives year 2537 or 1970-01-21), rejected with a reason rather than given periods.
 */
export const MIN_YEAR = 1970;
export const MAX_YEAR = 2199;
/** 1970-01-01T00:00:00Z and 2200-01-01T00:00:00Z: the instants of the sane range (the SQL recipes take the same). */
export const MIN_MS = 0;
export const END_MS = 7_258_118_400_000;
/** Spreadsheet serial day 0 (1899-12-30), as wall-clock ms read as UTC. */
const EXCEL_DAY0_MS = -2_209_161_600_000;
const MAX_CACHED_HOURS = 100_000;

const C_0 = 48;
const C_SPACE = 32;
const C_TAB = 9;
const C_DASH = 45;
const C_SLASH = 47;
const C_DOT = 46;
const C_COLON = 58;
const C_PLUS = 43;
const C_COMMA = 44;

// Scanner cursor shared by the helpers below: returning it through an object per call would
// allocate on the hot path.
let pos = 0;

/** Reads up to `max` ASCII digits at `pos`; returns the value (−1 when there is none) and advances `pos`. */
function readDigits(s: string, max: number): number {
  const start = pos;
  const end = Math.min(s.length, start + max);
  let v = 0;
  while (pos < end) {
    const d = s.charCodeAt(pos) - C_0;
    if (d < 0 || d > 9) break;
    v = v * 10 + d;
    pos++;
  }
  return pos === start ? -1 : v;
}

function isSpace(c: number): boolean {
  return c === C_SPACE || c === C_TAB;
}

/** Lower-cases an ASCII letter code (other codes are returned unchanged). */
function lower(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

function fail(why: Reason): ParseFailure {
  return { ok: false, empty: false, reason: why };
}

function expected(s: string, opts: TimestampOptions): ParseFailure {
  const like =
    opts.dateOrder === 'dmy'
      ? '2026-11-03 08:15 or 03/11/2026 08:15'
      : opts.dateOrder === 'mdy'
        ? '2026-11-03 08:15 or 11/03/2026 08:15'
        : '2026-11-03 08:15';
  let hint = '';
  // A day- or month-first date under the default order is a config gap, not bad data: say which setting fixes it.
  if (opts.dateOrder === 'ymd' && /^\d{1,2}(?:([/.])\d{1,2}\1\d\d(?:\d\d)?|-\d{1,2}-\d{4})(?:\D|$)/.test(s))
    hint = '; for day- or month-first dates set dateOrder: dmy or mdy';
  return fail(reason`expected a date like ${like}, got ${quoted(s)}${hint}`);
}

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Why fields that scanned well are still not a real date and time; null when they are. Cold path. */
function invalidFields(t: LocalDateTime): string | null {
  if (isValidLocalDateTime(t) && t.year >= MIN_YEAR && t.year <= MAX_YEAR) return null;
  if (t.year < MIN_YEAR || t.year > MAX_YEAR) return `is out of range: year ${t.year} (expected ${MIN_YEAR}–${MAX_YEAR})`;
  if (t.month < 1 || t.month > 12) return `is not a real date: there is no month ${t.month}`;
  const dim = daysIn(t.year, t.month);
  if (t.day < 1 || t.day > dim) return `is not a real date: ${MONTH_NAMES[t.month - 1]} ${t.year} has ${dim} days`;
  if (t.hour === 24 && t.minute === 0 && t.second === 0 && t.millisecond === 0)
    return 'is not a real time: 24:00 is not a time of day, write 00:00 of the next day';
  if (t.hour > 23) return `is not a real time: there is no hour ${t.hour}`;
  if (t.minute > 59) return `is not a real time: there is no minute ${t.minute}`;
  return `is not a real time: there is no second ${t.second}`;
}

// Zone offset (local minus UTC, ms) per local hour, keyed by the hour's wall clock read as UTC
// in hours. NaN marks an hour in which the offset changes: those resolve exactly every time.
const zoneCaches = new Map<string, Map<number, number>>();
let lastZone = '';
let lastCache = new Map<number, number>();
let lastIsUtc = false;

/** Zones that are UTC by definition (no rules to resolve): every local hour is offset 0. */
const UTC_ZONES = new Set(['UTC', 'Etc/UTC', 'GMT', 'Etc/GMT']);

function hourOffsetMs(zone: string, year: number, month: number, day: number, hour: number, hourAsUtc: number): number {
  if (zone !== lastZone) {
    let c = zoneCaches.get(zone);
    if (!c) zoneCaches.set(zone, (c = new Map()));
    lastZone = zone;
    lastCache = c;
    lastIsUtc = UTC_ZONES.has(zone);
  }
  if (lastIsUtc) return 0;
  const key = hourAsUtc / HOUR_MS;
  let off = lastCache.get(key);
  if (off === undefined) {
    // Offsets never change twice within an hour, so equal offsets at both ends hold for the whole hour.
    const first = resolveLocal({ year, month, day, hour, minute: 0, second: 0, millisecond: 0 }, zone);
    const last = resolveLocal({ year, month, day, hour, minute: 59, second: 59, millisecond: 999 }, zone);
    off =
      first.kind === 'ok' && last.kind === 'ok' && hourAsUtc - first.ms === hourAsUtc + HOUR_MS - 1 - last.ms
        ? hourAsUtc - first.ms
        : Number.NaN;
    if (lastCache.size >= MAX_CACHED_HOURS) lastCache.clear();
    lastCache.set(key, off);
  }
  return off;
}

function outOfRange(s: string, ms: number, unit: string): ParseFailure {
  const year = ms < MIN_MS ? 'before 1970' : `year ${new Date(ms).getUTCFullYear() || 'after 9999'}`;
  return fail(reason`${quoted(s)} read as ${unit} is out of range: ${year} (expected ${MIN_YEAR}–${MAX_YEAR}); check epochUnit`);
}

/** A spreadsheet serial date (days since 1899-12-30, fraction = time of day) in the source's zone. */
function parseSerial(s: string, value: number, opts: TimestampOptions): TimestampResult {
  const wall = Math.round((EXCEL_DAY0_MS + value * 86_400_000) / 1000) * 1000;
  const d = new Date(wall);
  const local = {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: 0,
  };
  if (!(local.year >= MIN_YEAR && local.year <= MAX_YEAR)) return outOfRange(s, wall, 'a spreadsheet serial date');
  return resolved(s, local, opts);
}

/**
 * A bare number. `auto` takes only the digit counts of a unit: 9–10 integer digits are
 * seconds, 12–13 milliseconds; other lengths, fractions and spreadsheet serials are rejected
 * with a reason naming epochUnit. A named unit reads any number in it. Either way the instant
 * must fall in the sane range.
 */
function parseEpoch(s: string, intValue: number, intEnd: number, opts: TimestampOptions): TimestampResult {
  const fractional = intEnd !== s.length;
  // Integers up to 15 digits are exact as scanned; anything longer or fractional goes through Number.
  const value = !fractional && intEnd <= 15 ? intValue : Number(s);
  if (opts.epochUnit === 'excel-serial') return parseSerial(s, value, opts);
  let asMs: boolean;
  if (opts.epochUnit === 'auto') {
    if (fractional) {
      const serial = intEnd === 5 ? '; a spreadsheet serial date needs epochUnit: excel-serial' : '';
      return fail(
        reason`${quoted(s)} is a fractional number; epoch timestamps are whole seconds (10 digits) or milliseconds (13 digits) unless epochUnit names the unit${serial}`,
      );
    }
    if (intEnd === 9 || intEnd === 10) asMs = false;
    else if (intEnd === 12 || intEnd === 13) asMs = true;
    else
      return fail(
        reason`${quoted(s)} has ${intEnd} digits; epoch timestamps have 10 (seconds) or 13 (milliseconds)${intEnd <= 5 ? ', and a spreadsheet serial date needs epochUnit: excel-serial' : ''}; set epochUnit to read other lengths`,
      );
  } else asMs = opts.epochUnit === 'ms';
  const ms = Math.round(asMs ? value : value * 1000);
  if (!(ms >= MIN_MS && ms < END_MS)) return outOfRange(s, ms, asMs ? 'epoch milliseconds' : 'epoch seconds');
  return { ok: true, ms };
}

/** A valid local wall-clock time to its instant, by the source's zone and ambiguous rule (cold path). */
function resolved(s: string, local: LocalDateTime, opts: TimestampOptions): TimestampResult {
  const r = resolveLocal(local, opts.timeZone);
  if (r.kind === 'ok') return { ok: true, ms: r.ms };
  // As the Temporal proposal's disambiguation: in a skipped hour, `earlier` moves the wall time
  // back by the gap (the offset after the jump), `later` forward (the offset before it).
  if (opts.ambiguous === 'earlier') return { ok: true, ms: r.earlierMs };
  if (opts.ambiguous === 'later') return { ok: true, ms: r.laterMs };
  if (r.kind === 'nonexistent')
    return fail(reason`${quoted(s)} does not exist in ${opts.timeZone} (clocks go forward); set ambiguous: earlier or later to read it`);
  return fail(reason`${quoted(s)} is ambiguous in ${opts.timeZone} (repeated hour when clocks go back); set ambiguous: earlier or later`);
}

const MONTH_NUMBERS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};

/** Reads an English month name or abbreviation at `pos`; its number, or -1 (pos unchanged). */
function readMonthName(s: string): number {
  let end = pos;
  while (end < s.length && (s.charCodeAt(end) | 32) >= 97 && (s.charCodeAt(end) | 32) <= 122) end++;
  if (end - pos < 3) return -1;
  const m = MONTH_NUMBERS[s.slice(pos, end).toLowerCase()];
  if (m === undefined) return -1;
  pos = end;
  return m;
}

/** Two ASCII digits at `i`, or -1. */
function d2(s: string, i: number): number {
  const x = s.charCodeAt(i) - C_0;
  const y = s.charCodeAt(i + 1) - C_0;
  return x >= 0 && x <= 9 && y >= 0 && y <= 9 ? x * 10 + y : -1;
}

/**
 * The most common export form, `YYYY-MM-DD HH:MM:SS` (or with `T`), optionally with `Z`, read at
 * fixed positions: the instant parseTimestamp's general reading gives for it. NaN when the
 * text is not exactly that form, its fields are not plainly in range (day above 28, say), or
 * the local hour holds a DST change: the general reading then decides.
 */
function isoSecondsMs(s: string, zone: string): number {
  const n = s.length;
  if (n !== 19 && !((n === 20 && (s.charCodeAt(19) === 90 /* Z */ || s.charCodeAt(19) === 122)) /* z */)) return Number.NaN;
  const t = s.charCodeAt(10);
  if (s.charCodeAt(4) !== C_DASH || s.charCodeAt(7) !== C_DASH || (t !== C_SPACE && t !== 84) /* T */) return Number.NaN;
  if (s.charCodeAt(13) !== C_COLON || s.charCodeAt(16) !== C_COLON) return Number.NaN;
  const y1 = d2(s, 0);
  const y2 = d2(s, 2);
  const month = d2(s, 5);
  const day = d2(s, 8);
  const hour = d2(s, 11);
  const minute = d2(s, 14);
  const second = d2(s, 17);
  if (y1 < 0 || y2 < 0 || hour < 0 || minute < 0 || second < 0) return Number.NaN;
  const year = y1 * 100 + y2;
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1 || day > 28 || hour > 23 || minute > 59 || second > 59)
    return Number.NaN;
  // Date.UTC(year, month − 1, day, hour), by the days-from-civil count of the proleptic Gregorian calendar.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const days = era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
  const hourAsUtc = days * 86_400_000 + hour * HOUR_MS;
  const rest = minute * 60_000 + second * 1000;
  if (n === 20) return hourAsUtc + rest;
  return hourAsUtc + rest - hourOffsetMs(zone, year, month, day, hour, hourAsUtc);
}

/**
 * Reads a timestamp cell into an instant (epoch ms).
 *
 * Accepted: ISO 8601 with `T` or space, optional seconds and fraction (truncated to ms) and an
 * optional offset (`Z`, `UTC`, `+08:00`, `+0800`, `+08`); a date alone (start of the local
 * day); year-first slash dates (`2026/11/3 8:15`); day- or month-first dates per
 * `dateOrder` with `/` or `-` (and `.` when dmy), two-digit years read as 20yy; day-first dates
 * with an English month name (`02/Nov/26 9:12 AM`, `2-Nov-2026`, `2 November 2026`); a 12-hour
 * clock with AM/PM; bare epoch seconds or milliseconds. A time without an offset is read in
 * `opts.timeZone`; in the skipped DST hour it is rejected, in the repeated hour it follows
 * `opts.ambiguous`.
 *
 * @param text the cell as exported; surrounding spaces are ignored
 * @param opts the source's timestamp settings
 * @returns `{ ok: true, ms }`, or `{ ok: false, empty, reason }` with the reason for the reject line (the
 *   value a quoted part of it, see util/reason.ts)
 * @example parseTimestamp('2026-11-03T08:15:00+08:00', { timeZone: 'UTC', dateOrder: 'ymd', ambiguous: 'reject', epochUnit: 'auto' })
 * // { ok: true, ms: 1762128900000 }  (2026-11-03T00:15:00Z)
 * @example parseTimestamp('2026-03-29 01:30', { timeZone: 'Europe/London', dateOrder: 'ymd', ambiguous: 'reject', epochUnit: 'auto' })
 * // { ok: false, empty: false, reason }, reasonText(reason):
 * // '"2026-03-29 01:30" does not exist in Europe/London (clocks go forward); set ambiguous: earlier or later to read it'
 */
export function parseTimestamp(text: string, opts: TimestampOptions): TimestampResult {
  const fast = isoSecondsMs(text, opts.timeZone);
  if (!Number.isNaN(fast)) return { ok: true, ms: fast };
  let s = text;
  let n = s.length;
  if (n === 0 || isSpace(s.charCodeAt(0)) || isSpace(s.charCodeAt(n - 1))) {
    s = s.trim();
    n = s.length;
    if (n === 0) return EMPTY;
  }

  pos = 0;
  const f1 = readDigits(s, 20);
  if (f1 < 0) return expected(s, opts);
  const len1 = pos;
  if (pos === n) return parseEpoch(s, f1, len1, opts);
  const sep = s.charCodeAt(pos);
  if (sep === C_DOT) {
    // "1762157700.5" is a fractional epoch; "03.11.2026" is a date.
    pos++;
    if (readDigits(s, 20) >= 0 && pos === n) return parseEpoch(s, f1, len1, opts);
    pos = len1;
  }
  if (sep !== C_DASH && sep !== C_SLASH && sep !== C_DOT && sep !== C_SPACE) return expected(s, opts);
  pos++;
  // A month written as a word ("02/Nov/26", Jira's default; "2-Nov-2026"; "2 November 2026")
  // is day-first whatever the source's dateOrder, so it is never ambiguous.
  const namedMonth = readMonthName(s);
  const f2 = namedMonth > 0 ? namedMonth : sep === C_SPACE ? -1 : readDigits(s, 2);
  if (f2 < 0 || pos >= n || s.charCodeAt(pos) !== sep) return expected(s, opts);
  pos++;
  const start3 = pos;
  const f3 = readDigits(s, 4);
  const len3 = pos - start3;
  if (f3 < 0) return expected(s, opts);

  let year: number;
  let month: number;
  let day: number;
  if (namedMonth > 0) {
    if (len1 > 2 || (len3 !== 2 && len3 !== 4)) return expected(s, opts);
    year = len3 === 2 ? 2000 + f3 : f3;
    month = namedMonth;
    day = f1;
  } else if (len1 === 4 && len3 <= 2 && sep !== C_DOT) {
    year = f1;
    month = f2;
    day = f3;
  } else if (len1 <= 2 && opts.dateOrder !== 'ymd' && (len3 === 4 || (len3 === 2 && sep !== C_DASH))) {
    // Dots mean day-first in every locale that writes them; two-digit years only appear in slash forms.
    if (sep === C_DOT && opts.dateOrder !== 'dmy') return expected(s, opts);
    year = len3 === 2 ? 2000 + f3 : f3;
    month = opts.dateOrder === 'dmy' ? f2 : f1;
    day = opts.dateOrder === 'dmy' ? f1 : f2;
  } else {
    return expected(s, opts);
  }

  let hour = 0;
  let minute = 0;
  let second = 0;
  let milli = 0;
  let offsetMin = 0;
  let hasOffset = false;
  const dateOnly = pos === n;
  if (!dateOnly) {
    const c = s.charCodeAt(pos);
    if (c === 84 /* T */) pos++;
    else if (isSpace(c)) while (pos < n && isSpace(s.charCodeAt(pos))) pos++;
    else return expected(s, opts);
    hour = readDigits(s, 2);
    if (hour < 0 || pos >= n || s.charCodeAt(pos) !== C_COLON) return expected(s, opts);
    pos++;
    const startMin = pos;
    minute = readDigits(s, 2);
    if (pos - startMin !== 2) return expected(s, opts);
    if (pos < n && s.charCodeAt(pos) === C_COLON) {
      pos++;
      const startSec = pos;
      second = readDigits(s, 2);
      if (pos - startSec !== 2) return expected(s, opts);
      const fc = pos < n ? s.charCodeAt(pos) : 0;
      if (fc === C_DOT || fc === C_COMMA) {
        pos++;
        const startFrac = pos;
        const frac = readDigits(s, 3);
        if (frac < 0) return expected(s, opts);
        // Truncate to whole milliseconds: rounding 59.9995 up would roll into the next minute.
        milli = frac * (pos - startFrac === 1 ? 100 : pos - startFrac === 2 ? 10 : 1);
        while (pos < n && s.charCodeAt(pos) - C_0 >= 0 && s.charCodeAt(pos) - C_0 <= 9) pos++;
      }
    }
    while (pos < n && isSpace(s.charCodeAt(pos))) pos++;
    if (pos + 1 < n) {
      const a = lower(s.charCodeAt(pos));
      // 97 = a, 112 = p, 109 = m
      if ((a === 97 || a === 112) && lower(s.charCodeAt(pos + 1)) === 109) {
        if (hour < 1 || hour > 12)
          return fail(reason`${quoted(s)} has hour ${hour} with ${a === 97 ? 'AM' : 'PM'}; a 12-hour clock runs 1–12`);
        // 12 AM is midnight and 12 PM is noon.
        hour = (hour % 12) + (a === 112 ? 12 : 0);
        pos += 2;
        while (pos < n && isSpace(s.charCodeAt(pos))) pos++;
      }
    }
    if (pos < n) {
      const z = s.charCodeAt(pos);
      if (z === 90 /* Z */ || z === 122 /* z */) {
        hasOffset = true;
        pos++;
      } else if (z === C_PLUS || z === C_DASH) {
        pos++;
        const startOff = pos;
        const oh = readDigits(s, 2);
        if (pos - startOff !== 2) return expected(s, opts);
        let om = 0;
        if (pos < n) {
          if (s.charCodeAt(pos) === C_COLON) pos++;
          const startOm = pos;
          om = readDigits(s, 2);
          if (pos - startOm !== 2) return expected(s, opts);
        }
        if (oh > 18 || om > 59) return fail(reason`${quoted(s)} has an impossible UTC offset`);
        offsetMin = (z === C_DASH ? -1 : 1) * (oh * 60 + om);
        hasOffset = true;
      } else if (n - pos === 3 && (s.endsWith('UTC') || s.endsWith('GMT'))) {
        hasOffset = true;
        pos = n;
      }
    }
    if (pos !== n) return expected(s, opts);
  }

  // Cheap range check first; the exact (and slower) check only runs when it might fail.
  if (month < 1 || month > 12 || day < 1 || day > 28 || hour > 23 || minute > 59 || second > 59 || year < MIN_YEAR || year > MAX_YEAR) {
    const why = invalidFields({ year, month, day, hour, minute, second, millisecond: milli });
    if (why) return fail(reason`${quoted(s)} ${why}`);
  }

  const hourAsUtc = Date.UTC(year, month - 1, day, hour);
  const rest = minute * 60_000 + second * 1000 + milli;
  if (hasOffset) return { ok: true, ms: hourAsUtc + rest - offsetMin * 60_000 };

  const off = hourOffsetMs(opts.timeZone, year, month, day, hour, hourAsUtc);
  if (!Number.isNaN(off)) return { ok: true, ms: hourAsUtc + rest - off };

  // The offset changes during this local hour (a DST change): resolve this exact minute.
  const local = { year, month, day, hour, minute, second, millisecond: milli };
  // A date alone names a day, whose start always exists even where midnight itself is skipped.
  if (dateOnly) return { ok: true, ms: localToInstantLenient(local, opts.timeZone) };
  return resolved(s, local, opts);
}

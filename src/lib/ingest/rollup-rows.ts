/**
 * Row → RollupRecord for `rollups` sources (the interchange format, model/rollup-record.ts and
 * docs/rollups.md). Every cell is checked, and so is the row as a whole: the day is the review
 * zone's day of that date, the parts add up to it, the histogram and the outages agree with the
 * counts and the down time. A row that does not hold is rejected with its column and reason,
 * like any export's; nothing is repaired.
 */
import { decodeProbe, ROLLUP_FORMAT_VERSION, type RollupRecord } from '../model/rollup-record.ts';
import { nextDate, parseDate, startOfLocalDay } from '../time/zoned-time.ts';
import { quoted, type Reason, reason, words } from '../util/reason.ts';
import type { Rejection } from './file-account.ts';
import type { ResolvedSource } from './resolve-source.ts';

class Reject {
  readonly row: Rejection;
  constructor(row: Rejection) {
    this.row = row;
  }
}

const INT_RE = /^\d+$/;

/**
 * Space-separated "a<sep>b" pairs of digits (a may start with "-" when `signed`) read by one scan
 * (a row holds some 60 histogram buckets: a regular expression and an array per pair made
 * reading 80 services × 365 days mostly garbage collection). The two lists, or the bad part.
 * @example scanPairs('233:2 -4:1', 58, true) // [[233, -4], [2, 1]]
 */
export function scanPairs(v: string, sep: number, signed: boolean): [number[], number[]] | string {
  const as: number[] = [];
  const bs: number[] = [];
  const n = v.length;
  let i = 0;
  while (i < n) {
    while (i < n && v.charCodeAt(i) === 32) i++;
    if (i >= n) break;
    const from = i;
    let neg = false;
    if (signed && v.charCodeAt(i) === 45) {
      neg = true;
      i++;
    }
    let a = 0;
    let digits = 0;
    for (let c = v.charCodeAt(i); c >= 48 && c <= 57; c = v.charCodeAt(++i), digits++) a = a * 10 + (c - 48);
    const ok = digits > 0 && v.charCodeAt(i) === sep;
    i++;
    let b = 0;
    let bDigits = 0;
    for (let c = v.charCodeAt(i); ok && c >= 48 && c <= 57; c = v.charCodeAt(++i), bDigits++) b = b * 10 + (c - 48);
    if (!ok || bDigits === 0 || (i < n && v.charCodeAt(i) !== 32) || !Number.isSafeInteger(a) || !Number.isSafeInteger(b)) {
      let end = from;
      while (end < n && v.charCodeAt(end) !== 32) end++;
      return v.slice(from, end);
    }
    as.push(neg ? -a : a);
    bs.push(b);
  }
  return [as, bs];
}
/** Durations in messages in hours, as a reader checks them (86400000 ms is no help). */
const hours = (ms: number) => `${Number((ms / 3_600_000).toFixed(4))} h`;

/** An accepted rollups row: timeMs and lastMs are its first and last check, null for a day without checks. */
export interface RollupRow {
  kind: 'rollup';
  rollup: RollupRecord;
  timeMs: number | null;
  lastMs: number | null;
}

/** The mapper of a rollups file once its header is known; days are cut in `options.timestamps.timeZone` (the review zone). */
export function rollupRowMapper(resolved: ResolvedSource): (fields: string[], line: number) => RollupRow | Rejection {
  const { options, header, indices } = resolved;
  const zone = options.timestamps.timeZone;
  const serviceIds = new Set(options.services.map((s) => s.id));
  const known = options.services.map((s) => s.id).join(', ');
  const dayStart = new Map<string, number>();
  const startOf = (date: string) => {
    let ms = dayStart.get(date);
    if (ms === undefined) dayStart.set(date, (ms = startOfLocalDay(date, zone)));
    return ms;
  };

  return (fields, line) => {
    if (fields.length !== header.length)
      return {
        line,
        column: null,
        field: null,
        value: null,
        reason: reason`expected ${header.length} fields like the header, got ${fields.length}`,
      };
    // Numbers and dates in a reason were read and checked first: the tool's words. Cells quoted as read are marked quoted().
    const fail = (field: string, value: string | null, why: Reason): never => {
      const i = indices[field];
      const shown = i === undefined ? field : (header[i] as string).trim();
      const row: Rejection = { line, column: i === undefined ? null : i + 1, field: shown, value, reason: why };
      if (field === 'date') row.timestampCell = true;
      throw new Reject(row);
    };
    const cell = (field: string) => (fields[indices[field] as number] as string).trim();
    const int = (field: string): number => {
      const v = cell(field);
      if (!INT_RE.test(v) || !Number.isSafeInteger(Number(v)))
        return fail(field, v, reason`expected a whole number of 0 or more, got ${quoted(v)}`);
      return Number(v);
    };
    // Empty, or \N: how ClickHouse, MySQL and PostgreSQL's COPY write NULL in CSV.
    const optionalInt = (field: string): number | null => (cell(field) === '' || cell(field) === '\\N' ? null : int(field));
    /** Space-separated "a<sep>b" pairs of whole numbers (b ≥ 0; a ≥ 0 unless `signed`) as two lists; empty cell = none. */
    const pairs = (field: string, sep: string, signed: boolean, what: string): [number[], number[]] => {
      const v = cell(field);
      const got = scanPairs(v, sep.charCodeAt(0), signed);
      if (typeof got === 'string') return fail(field, v, reason`expected ${what} separated by spaces, got ${quoted(got)}`);
      return got;
    };
    try {
      const version = cell('version');
      if (version !== String(ROLLUP_FORMAT_VERSION))
        fail(
          'version',
          version,
          reason`unsupported rollup format version ${quoted(version)}; this tool reads version ${ROLLUP_FORMAT_VERSION}`,
        );
      const service = cell('service');
      if (!serviceIds.has(service))
        fail('service', service, reason`unknown service ${quoted(service)} (rollups name services by their id: ${known})`);
      const date = cell('date');
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || parseDate(date) === null)
        fail('date', date, reason`expected a date like 2026-10-31, got ${quoted(date)}`);
      const startMs = startOf(date);
      const endMs = startOf(nextDate(date));
      const dayMs = int('dayMs');
      if (dayMs !== endMs - startMs)
        fail(
          'dayMs',
          String(dayMs),
          reason`${date} is ${hours(endMs - startMs)} long in ${zone}, the review zone, not ${hours(dayMs)}: were the rollups cut in another zone?`,
        );
      const upMs = int('upMs');
      const degradedMs = int('degradedMs');
      const downMs = int('downMs');
      const noDataMs = int('noDataMs');
      const maintenanceMs = int('maintenanceMs');
      if (upMs + downMs + noDataMs + maintenanceMs !== dayMs)
        fail(
          'upMs',
          null,
          reason`up + down + no data + maintenance is ${hours(upMs + downMs + noDataMs + maintenanceMs)}, not the day's ${hours(dayMs)}`,
        );
      if (degradedMs > upMs)
        fail('degradedMs', String(degradedMs), reason`degraded time ${hours(degradedMs)} exceeds up time ${hours(upMs)}`);
      const checks = int('checks');
      const firstCheckMs = optionalInt('firstCheckMs');
      const lastCheckMs = optionalInt('lastCheckMs');
      if ((checks === 0) !== (firstCheckMs === null) || (checks === 0) !== (lastCheckMs === null))
        fail('firstCheckMs', cell('firstCheckMs'), words('first and last check times are empty exactly when checks is 0'));
      if (firstCheckMs !== null && lastCheckMs !== null) {
        if (firstCheckMs < startMs || firstCheckMs >= endMs)
          fail('firstCheckMs', String(firstCheckMs), reason`not within ${date} in ${zone}`);
        if (lastCheckMs < firstCheckMs || lastCheckMs >= endMs)
          fail('lastCheckMs', String(lastCheckMs), reason`not within ${date} after the first check`);
      }
      const count = int('latencyCount');
      const zeroCount = int('latencyZero');
      const fastChecks = int('fastChecks');
      if (count > checks) fail('latencyCount', String(count), reason`latency population ${count} exceeds the day's ${checks} checks`);
      if (fastChecks > count)
        fail('fastChecks', String(fastChecks), reason`fast checks ${fastChecks} exceed the latency population ${count}`);
      const [indices_, counts] = pairs('latencyBuckets', ':', true, '"index:count" pairs');
      if (!counts.every((c, k) => c > 0 && (k === 0 || (indices_[k] as number) > (indices_[k - 1] as number))))
        fail('latencyBuckets', cell('latencyBuckets'), words('expected bucket indices in ascending order, each once, with counts above 0'));
      const inBuckets = counts.reduce((a, c) => a + c, 0);
      if (zeroCount + inBuckets !== count)
        fail(
          'latencyCount',
          String(count),
          reason`the zeros (${zeroCount}) and the buckets (${inBuckets}) add up to ${zeroCount + inBuckets}, not ${count}`,
        );
      const [starts, ends] = pairs('outages', '/', false, '"startMs/endMs" runs');
      const outages = starts.map((a, k): [number, number] => [a, ends[k] as number]);
      let down = 0;
      outages.forEach(([s, e], k) => {
        const before = k > 0 ? (outages[k - 1] as [number, number])[1] : startMs;
        if (!(s < e) || s < before || (k > 0 && s === before) || e > endMs)
          fail('outages', cell('outages'), reason`outage ${k + 1} is not a run within ${date} after the one before it`);
        down += e - s;
      });
      if (down !== downMs) fail('outages', cell('outages'), reason`the outages add up to ${hours(down)}, not down_ms ${hours(downMs)}`);
      const probesCell = cell('probes');
      const probes = probesCell === '' ? [] : probesCell.split('|').map(decodeProbe);
      if (probes.some((p) => p.trim() === ''))
        fail('probes', probesCell, reason`expected probe names separated by |, got ${quoted(probesCell)}`);
      const rollup: RollupRecord = {
        service,
        date,
        dayMs,
        upMs,
        degradedMs,
        downMs,
        noDataMs,
        maintenanceMs,
        checks,
        firstCheckMs,
        lastCheckMs,
        latency: { count, zeroCount, indices: indices_, counts },
        fastChecks,
        outages,
        probes: [...new Set(probes)].sort(),
      };
      return { kind: 'rollup', rollup, timeMs: firstCheckMs, lastMs: lastCheckMs };
    } catch (e) {
      if (e instanceof Reject) return e.row;
      throw e;
    }
  };
}

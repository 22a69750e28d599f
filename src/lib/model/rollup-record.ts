/**
 * The rollup interchange format (version 1, docs/rollups.md): one row per service per local day
 * of the review zone, holding everything the review needs from that day's checks. The review's
 * own day rollups (rollup/service-day-rollups.ts) are exactly these fields; the SQL recipes
 * (rollup/rollup-sql.ts) compute them where the checks live, and a `rollups` source reads them
 * back. The column list here is the format: the writer, the reader and the recipes all use it.
 */

/** The format version every row carries; a reader refuses any other. */
export const ROLLUP_FORMAT_VERSION = 1;

/** One service-day. Times are whole milliseconds; instants are epoch ms. */
export interface RollupRecord {
  /** Configured service id. */
  service: string;
  /** Local date in the review zone, YYYY-MM-DD. */
  date: string;
  /** Real length of the day (23, 24 or 25 hours), ms. */
  dayMs: number;
  /** Up time, degraded included, ms. */
  upMs: number;
  /** Degraded time (a part of upMs), ms. */
  degradedMs: number;
  /** Down time, ms. */
  downMs: number;
  /** Time no check covered, ms. */
  noDataMs: number;
  /** Planned maintenance, ms. */
  maintenanceMs: number;
  /** Checks that ran during the day, every status and probe. */
  checks: number;
  /** Instant of the day's first and last check; null when the day has none. */
  firstCheckMs: number | null;
  lastCheckMs: number | null;
  /** Latency histogram of the day (latency-histogram.ts): values, zeros, and [bucket index, count] in index order. */
  latency: { count: number; zeroCount: number; indices: number[]; counts: number[] };
  /** Latency population at or below the service's threshold. */
  fastChecks: number;
  /** Down runs clipped to the day, [startMs, endMs), in order; runs that touch across midnight join on merge. */
  outages: Array<[number, number]>;
  /** Probes with at least one check that day, sorted. */
  probes: string[];
}

/** The columns of the format, in order: header name → what it holds (docs/rollups.md is written from this). */
export const ROLLUP_COLUMNS = {
  version: 'format version, 1',
  service: 'configured service id',
  date: 'local date in the review zone, YYYY-MM-DD',
  day_ms: 'length of the day, ms (86400000; 82800000 or 90000000 on a DST change)',
  up_ms: 'up time, degraded included, ms',
  degraded_ms: 'degraded time (part of up_ms), ms',
  down_ms: 'down time, ms',
  no_data_ms: 'time no check covered, ms',
  maintenance_ms: 'planned maintenance, ms (up + down + no data + maintenance = day)',
  checks: 'checks that ran during the day, every status and probe',
  first_check_ms: 'epoch ms of the first check of the day; empty when checks = 0',
  last_check_ms: 'epoch ms of the last check of the day; empty when checks = 0',
  latency_count: 'latency population: checks not down, outside maintenance, with a latency',
  latency_zero: 'part of the population with latency 0',
  latency_buckets:
    '"index:count" pairs separated by spaces, by ascending index (bucket i holds latencies in (1.02^(i-1), 1.02^i] ms); empty for none',
  fast_checks: "part of the population at or below the service's latency threshold",
  outages: '"startMs/endMs" down runs clipped to the day, separated by spaces, in order, not touching; empty for none',
  probes: 'probes with a check that day, separated by |, sorted (% and | in a name written %25 and %7C); empty for none',
} as const;

export type RollupColumn = keyof typeof ROLLUP_COLUMNS;

/** The cells of one record in column order, as the CSV writer and the Parquet export write them. */
export function rollupCells(r: RollupRecord): Record<RollupColumn, string> {
  return {
    version: String(ROLLUP_FORMAT_VERSION),
    service: r.service,
    date: r.date,
    day_ms: String(r.dayMs),
    up_ms: String(r.upMs),
    degraded_ms: String(r.degradedMs),
    down_ms: String(r.downMs),
    no_data_ms: String(r.noDataMs),
    maintenance_ms: String(r.maintenanceMs),
    checks: String(r.checks),
    first_check_ms: r.firstCheckMs === null ? '' : String(r.firstCheckMs),
    last_check_ms: r.lastCheckMs === null ? '' : String(r.lastCheckMs),
    latency_count: String(r.latency.count),
    latency_zero: String(r.latency.zeroCount),
    latency_buckets: r.latency.indices.map((i, k) => `${i}:${r.latency.counts[k]}`).join(' '),
    fast_checks: String(r.fastChecks),
    outages: r.outages.map(([a, b]) => `${a}/${b}`).join(' '),
    probes: r.probes.map(encodeProbe).join('|'),
  };
}

/** A probe name in the probes cell: % and | percent-encoded, so | separates names. @example encodeProbe('a|b') // 'a%7Cb' */
export const encodeProbe = (p: string): string => p.replaceAll('%', '%25').replaceAll('|', '%7C');

/** A probe name read back from the probes cell. @example decodeProbe('a%7Cb') // 'a|b' */
export const decodeProbe = (p: string): string => p.replaceAll('%7C', '|').replaceAll('%25', '%');

const csvCell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/**
 * The records as a CSV file (UTF-8, LF, a header line), sorted by service and date. No cell needs
 * quoting unless a probe name holds a comma or a quote, so readers take every line on their fast path.
 * @example rollupsCsv([]) // "version,service,date,…,probes\n"
 */
export function rollupsCsv(records: readonly RollupRecord[]): string {
  const columns = Object.keys(ROLLUP_COLUMNS) as RollupColumn[];
  const sorted = [...records].sort((a, b) =>
    a.service < b.service ? -1 : a.service > b.service ? 1 : a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
  );
  const lines = [columns.join(',')];
  for (const r of sorted) {
    const cells = rollupCells(r);
    lines.push(columns.map((c) => csvCell(cells[c])).join(','));
  }
  return `${lines.join('\n')}\n`;
}

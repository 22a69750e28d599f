/**
 * The span of the data, decided so that no single row can create periods. Accepted rows are
 * counted in 30-day bins (the row account's timeBins); bins with rows are grouped into clusters
 * wherever more than MAX_EMPTY_BINS empty bins (about 90 days without a single accepted row)
 * separate them, and the data's span is the cluster holding the most rows (on a tie, the later
 * one). Rows in any other cluster are outside the review: they stay accepted and counted, are
 * reported per file by `check` (and its --json), and are never given periods. A config's
 * firstPeriod and lastPeriod bound the review instead when set. No wall clock is used.
 *
 * The rows outside are counted by month of the review zone (the account's monthRows), not by
 * these bins: a review is whole months, and configured bounds (or months dropped after every
 * source's horizon) cut through bins. Without them a bin would not straddle the review's edge: the
 * bulk's last row is in its last bin k, its last month ends at most 31 days later (before bin k + 2
 * starts), and another cluster's rows start after more than MAX_EMPTY_BINS empty bins (bin k + 5 on).
 */
import type { ReviewConfig } from '../config/config-schema.ts';
import type { IngestResult } from '../ingest/ingest-sources.ts';
import { type MonthId, monthBounds, monthOf, monthsBetween } from '../time/periods.ts';

/** Empty 30-day bins allowed inside the data's span; a longer silence splits it. */
export const MAX_EMPTY_BINS = 3;

export interface DataRange {
  /** First and last accepted timestamp of the bulk of the data, epoch ms. */
  firstMs: number;
  lastMs: number;
}

/** The bulk of the accepted data's times; null when no row was accepted. */
export function dataRange(ingest: Pick<IngestResult, 'files'>): DataRange | null {
  const bins = new Map<number, [number, number, number]>();
  for (const f of ingest.files)
    for (const [key, [n, lo, hi]] of Object.entries(f.timeBins ?? {})) {
      const k = Number(key);
      const b = bins.get(k);
      if (!b) bins.set(k, [n, lo, hi]);
      else {
        b[0] += n;
        if (lo < b[1]) b[1] = lo;
        if (hi > b[2]) b[2] = hi;
      }
    }
  if (bins.size === 0) return null;
  const keys = [...bins.keys()].sort((a, b) => a - b);
  let best: { rows: number; firstMs: number; lastMs: number } | null = null;
  let cur: { rows: number; firstMs: number; lastMs: number } | null = null;
  let prev = Number.NaN;
  for (const k of keys) {
    const [n, lo, hi] = bins.get(k) as [number, number, number];
    if (cur && k - prev - 1 <= MAX_EMPTY_BINS) {
      cur.rows += n;
      cur.lastMs = hi;
    } else cur = { rows: n, firstMs: lo, lastMs: hi };
    if (!best || cur.rows >= best.rows) best = cur;
    prev = k;
  }
  const b = best as { firstMs: number; lastMs: number };
  return { firstMs: b.firstMs, lastMs: b.lastMs };
}

/** What the range reads of each source's data horizon (source-horizons.ts's SourceHorizon; that module reads this one). */
type Horizon = { source: string; asOfMs: number | null; from: 'config' | 'data' };

/** An instant as check prints it: ISO 8601 in UTC, whole seconds. */
const isoInstant = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** One edge of the months the config or the data give, before the horizon cuts them. */
export interface RangeEdge {
  month: MonthId;
  /** review.firstPeriod / lastPeriod, or the bulk of the accepted data (dataRange). */
  from: 'config' | 'data';
}

/** The months to review and how they were decided, so check can say why a row is outside them, or why there are none. */
export interface ReviewRange {
  /** The months reviewed, ascending and contiguous; empty when the config leaves none. */
  months: MonthId[];
  /** The first and last month the config (firstPeriod, lastPeriod) or else the data give; null when neither does. */
  first: RangeEdge | null;
  last: RangeEdge | null;
  /** The latest data horizon of any source, with its source: a month starting at or after it is not reviewed. Null: none known. */
  horizon: { ms: number; source: string; from: 'config' | 'data' } | null;
  /** Why there is no month to review, with the config key responsible (null: none is); null when there are months. */
  none: { key: string | null; message: string } | null;
}

/**
 * The months to review: configured bounds, else from the first to the last month of the bulk of
 * the data (dataRange: a stray row far from the rest never creates periods); a month that starts
 * at or after every source's data horizon is not reviewed: the exports know nothing of it past its
 * first instant (a check at exactly 1 Dec 00:00 in an export taken then does not make December a month).
 */
export function reviewRange(config: ReviewConfig, ingest: Pick<IngestResult, 'files'>, horizons: readonly Horizon[] = []): ReviewRange {
  const zone = config.review.timeZone;
  const range = dataRange(ingest);
  const edge = (configured: string | undefined, ms: number | undefined): RangeEdge | null =>
    configured !== undefined ? { month: configured, from: 'config' } : ms !== undefined ? { month: monthOf(ms, zone), from: 'data' } : null;
  const first = edge(config.review.firstPeriod, range?.firstMs);
  const last = edge(config.review.lastPeriod, range?.lastMs);
  let horizon: ReviewRange['horizon'] = null;
  for (const h of horizons)
    if (h.asOfMs !== null && (horizon === null || h.asOfMs > horizon.ms)) horizon = { ms: h.asOfMs, source: h.source, from: h.from };
  const planned = first && last && first.month <= last.month ? monthsBetween(first.month, last.month) : [];
  const months = horizon === null ? planned : planned.filter((m) => monthBounds(m, zone).startMs < (horizon as { ms: number }).ms);
  return { months, first, last, horizon, none: months.length > 0 ? null : noMonthsReason(config, first, last, horizon) };
}

/** Why a review has no month, naming the config key responsible when one is (see ReviewRange.none). */
function noMonthsReason(
  config: ReviewConfig,
  first: RangeEdge | null,
  last: RangeEdge | null,
  horizon: ReviewRange['horizon'],
): { key: string | null; message: string } {
  const leaves = 'the config leaves no month to review, and every accepted row lies outside the review';
  if (first === null || last === null) return { key: null, message: `no export has an accepted row: ${leaves}` };
  if (first.month > last.month) {
    if (first.from === 'config' && last.from === 'config')
      return {
        key: 'review.firstPeriod',
        message: `review.firstPeriod ${first.month} is after review.lastPeriod ${last.month}: ${leaves}`,
      };
    if (first.from === 'config')
      return {
        key: 'review.firstPeriod',
        message: `review.firstPeriod ${first.month} is after the last month of the data (${last.month}): ${leaves}`,
      };
    return {
      key: 'review.lastPeriod',
      message: `review.lastPeriod ${last.month} is before the first month of the data (${first.month}): ${leaves}`,
    };
  }
  // Every month from first on starts at or after the latest horizon (reviewRange kept none).
  const h = horizon as NonNullable<ReviewRange['horizon']>;
  const why = notReviewedAtHorizon(config, first.month, h);
  if (first.from === 'config') return { key: 'review.firstPeriod', message: `review.firstPeriod: ${why}: ${leaves}` };
  return { key: h.from === 'config' ? horizonKey(config, h) : null, message: `the data's first month, ${why}: ${leaves}` };
}

/** Where a horizon comes from: the config key (sources[i].asOf), or the source's latest timestamp. */
function horizonKey(config: Pick<ReviewConfig, 'sources'>, h: NonNullable<ReviewRange['horizon']>): string {
  return `sources[${config.sources.findIndex((s) => s.id === h.source)}].asOf`;
}

/**
 * Why a month is not reviewed although the config or the data reach it: it starts at (or after)
 * the exports' latest data horizon, which check says in these words.
 * @example notReviewedAtHorizon(config, '2026-12', { ms: Date.UTC(2026, 11, 1), source: 'mon', from: 'data' })
 * // "2026-12 starts at the exports' latest data horizon, 2026-12-01T00:00:00Z (source mon's latest timestamp), and a month the exports know nothing of past its first instant is not reviewed"
 */
export function notReviewedAtHorizon(
  config: Pick<ReviewConfig, 'sources' | 'review'>,
  month: MonthId,
  h: NonNullable<ReviewRange['horizon']>,
): string {
  const at = monthBounds(month, config.review.timeZone).startMs === h.ms ? 'at' : 'after';
  const from = h.from === 'config' ? `source ${h.source}'s asOf, ${horizonKey(config, h)}` : `source ${h.source}'s latest timestamp`;
  return `${month} starts ${at} the exports' latest data horizon, ${isoInstant(h.ms)} (${from}), and a month the exports know nothing of past its first instant is not reviewed`;
}

/** The months to review (reviewRange's). */
export function reviewMonths(config: ReviewConfig, ingest: Pick<IngestResult, 'files'>, horizons: readonly Horizon[] = []): MonthId[] {
  return reviewRange(config, ingest, horizons).months;
}

/** A file's accepted rows outside the review's months, and why: before them, after them, or in months cut at the horizon. */
export interface RowsOutsideFile {
  file: string;
  rows: number;
  /** In months before the first month reviewed. */
  before: number;
  /** In months after the last month the config or the data give (lastPeriod, the bulk's last month). */
  after: number;
  /** In months up to that last one that start at or after the exports' latest data horizon, so are not reviewed. */
  atHorizon: number;
  /** With no month to review at all (ReviewRange.none): every accepted row. */
  noMonths: number;
}

/**
 * Accepted rows per file outside the reviewed months, exactly (by the file's rows per month of the
 * review zone, monthRows), each with why; files with none are left out. With no month to review,
 * every accepted row is outside. Reported by check; such rows are never given periods.
 */
export function rowsOutsideReview(ingest: Pick<IngestResult, 'files'>, range: Pick<ReviewRange, 'months' | 'last'>): RowsOutsideFile[] {
  const { months } = range;
  const first = months[0];
  const lastReviewed = months[months.length - 1];
  const out: RowsOutsideFile[] = [];
  for (const f of ingest.files) {
    const o: RowsOutsideFile = { file: f.file, rows: 0, before: 0, after: 0, atHorizon: 0, noMonths: 0 };
    for (const [month, [n]] of Object.entries(f.monthRows)) {
      if (n === 0) continue;
      if (first === undefined || lastReviewed === undefined) o.noMonths += n;
      else if (month < first) o.before += n;
      else if (month <= lastReviewed) continue;
      else if (range.last !== null && month <= range.last.month) o.atHorizon += n;
      else o.after += n;
      o.rows += n;
    }
    if (o.rows > 0) out.push(o);
  }
  return out;
}

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
import type { IngestResult } from '../ingest/ingest-sources.ts';
import type { MonthId } from '../time/periods.ts';

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

/**
 * Accepted rows per file whose time falls outside the months `first` … `last` of the review zone,
 * exactly, by the file's rows per month (months are YYYY-MM, so they compare as text); files with
 * none are left out.
 */
export function rowsOutside(ingest: Pick<IngestResult, 'files'>, first: MonthId, last: MonthId): Array<{ file: string; rows: number }> {
  const out: Array<{ file: string; rows: number }> = [];
  for (const f of ingest.files) {
    let rows = 0;
    for (const [month, [n]] of Object.entries(f.monthRows)) if (month < first || month > last) rows += n;
    if (rows > 0) out.push({ file: f.file, rows });
  }
  return out;
}

/**
 * The span of the data, decided so that no single row can create periods. Accepted rows are
 * counted in 30-day bins (the row account's timeBins); bins with rows are grouped into clusters
 * wherever more than MAX_EMPTY_BINS empty bins (about 90 days without a single accepted row)
 * separate them, and the data's span is the cluster holding the most rows (on a tie, the later
 * one). Rows in any other cluster are outside the review: they stay accepted and counted, are
 * reported per file (`check`, the build log), and are never given periods. A config's
 * firstPeriod and lastPeriod bound the review instead when set. No wall clock is used.
 */
import type { IngestResult } from '../ingest/ingest-sources.ts';

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

/** Accepted rows per file whose time falls outside [fromMs, toMs), by the file's time bins; files with none are left out. */
export function rowsOutside(ingest: Pick<IngestResult, 'files'>, fromMs: number, toMs: number): Array<{ file: string; rows: number }> {
  const out: Array<{ file: string; rows: number }> = [];
  for (const f of ingest.files) {
    let rows = 0;
    for (const [n, lo, hi] of Object.values(f.timeBins ?? {})) if (hi < fromMs || lo >= toMs) rows += n;
    if (rows > 0) out.push({ file: f.file, rows });
  }
  return out;
}

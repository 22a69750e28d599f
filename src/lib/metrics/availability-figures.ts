/**
 * The published availability figures of one service over a span, from its totals.
 */
import { histogramPercentile } from '../rollup/latency-histogram.ts';
import type { AvailabilityTotals } from '../rollup/merge-day-rollups.ts';
import { availabilityRatio } from './availability-ratio.ts';

export interface AvailabilityFigures {
  /** up / (up + down); null when no eligible time. */
  availability: number | null;
  /** The target in force (ratio). */
  target: number;
  /** 'met' ≥ target; 'at-risk' when met but more than 75 % of the error budget is used; 'breached' below target; 'no-data'. */
  verdict: 'met' | 'at-risk' | 'breached' | 'no-data';
  /** up + down, ms. */
  eligibleMs: number;
  /** eligible / (span − maintenance); null when the span is all maintenance. */
  coverage: number | null;
  /** Coverage below the configured threshold. */
  lowCoverage: boolean;
  upMs: number;
  degradedMs: number;
  downMs: number;
  noDataMs: number;
  maintenanceMs: number;
  errorBudget: {
    /** (1 − target) × eligible, ms; null with a 100 % target or no eligible time. */
    allowedDownMs: number | null;
    /** down / allowed (can exceed 1); null when there is no budget. */
    used: number | null;
    /** 1 − used; null when there is no budget. */
    left: number | null;
  };
  outages: {
    count: number;
    longestMs: number | null;
    totalMs: number;
    /** Mean time to restore: mean outage length; null without outages. */
    mttrMs: number | null;
    /** The outages themselves, [startMs, endMs). */
    list: Array<[number, number]>;
  };
  latency: {
    /** Size of the latency population. */
    n: number;
    p50Ms: number | null;
    p95Ms: number | null;
    p99Ms: number | null;
    /** Threshold of the latency SLO, ms. */
    thresholdMs: number;
    /** Share of the population at or below the threshold; null when n = 0. */
    sloShare: number | null;
  };
  /** Checks that ran in the span. */
  checks: number;
}

/** Share of the error budget above which a met target is shown as at risk. */
export const AT_RISK_BUDGET_USED = 0.75;

/**
 * Definitions (metrics.md): availability = up / eligible with eligible = up + down;
 * coverage = eligible / (span − maintenance); allowed_down = (1 − target) × eligible;
 * budget_used = down / allowed_down; MTTR = mean outage length.
 *
 * @example
 * // 29.9 days up, 0.1 day down in a 30-day span, target 99 %:
 * // availability = 29.9/30 = 0.99667; allowed = 0.01 × 30 d = 0.3 d; used = 0.1/0.3 = 0.333… (in doubles
 * // 1 − 0.99 is 0.010000000000000009, so the last digits differ from 1/3's)
 * availabilityFigures({ spanMs: 30*D, upMs: 29.9*D, downMs: 0.1*D, ... }, 0.99, 300, 0.9).errorBudget.used // 0.33333333333333304
 */
export function availabilityFigures(
  t: AvailabilityTotals,
  target: number,
  latencyThresholdMs: number,
  lowCoverageBelow: number,
): AvailabilityFigures {
  const eligibleMs = t.upMs + t.downMs;
  const availability = availabilityRatio(t.upMs, t.downMs);
  const scheduledMs = t.spanMs - t.maintenanceMs;
  const coverage = scheduledMs > 0 ? eligibleMs / scheduledMs : null;
  const hasBudget = target < 1 && eligibleMs > 0;
  const allowedDownMs = hasBudget ? (1 - target) * eligibleMs : null;
  const used = allowedDownMs !== null ? t.downMs / allowedDownMs : null;
  const lengths = t.outages.map(([s, e]) => e - s);
  const totalOutageMs = lengths.reduce((a, b) => a + b, 0);
  let verdict: AvailabilityFigures['verdict'] = 'no-data';
  if (availability !== null) {
    if (availability < target) verdict = 'breached';
    else verdict = used !== null && used > AT_RISK_BUDGET_USED ? 'at-risk' : 'met';
  }
  return {
    availability,
    target,
    verdict,
    eligibleMs,
    coverage,
    lowCoverage: coverage !== null && coverage < lowCoverageBelow,
    upMs: t.upMs,
    degradedMs: t.degradedMs,
    downMs: t.downMs,
    noDataMs: t.noDataMs,
    maintenanceMs: t.maintenanceMs,
    errorBudget: { allowedDownMs, used, left: used === null ? null : 1 - used },
    outages: {
      count: lengths.length,
      longestMs: lengths.length ? Math.max(...lengths) : null,
      totalMs: totalOutageMs,
      mttrMs: lengths.length ? totalOutageMs / lengths.length : null,
      list: t.outages.map(([s, e]) => [s, e]),
    },
    latency: {
      n: t.latency.count,
      p50Ms: histogramPercentile(t.latency, 50),
      p95Ms: histogramPercentile(t.latency, 95),
      p99Ms: histogramPercentile(t.latency, 99),
      thresholdMs: latencyThresholdMs,
      sloShare: t.latency.count > 0 ? t.fastChecks / t.latency.count : null,
    },
    checks: t.checks,
  };
}

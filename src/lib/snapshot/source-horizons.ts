/**
 * Each source's data horizon: when its export was taken, as far as the review knows. The config
 * may say (`asOf`); else it is the latest timestamp in the source's accepted rows (for tickets,
 * the latest of created, first response and resolved), leaving out strays far past the bulk of
 * the data. Figures are as of the earlier of a period's end and the horizon, so nothing is judged
 * past what the export could know.
 */
import type { ReviewConfig } from '../config/config-schema.ts';
import { sourceAsOf } from '../config/resolve-rules.ts';
import type { IngestResult } from '../ingest/ingest-sources.ts';
import { dataRange, MAX_EMPTY_BINS } from './review-range.ts';

/** A data horizon this far past the bulk of the data comes from a stray row (see dataRange). */
export const STRAY_AFTER_MS = (MAX_EMPTY_BINS + 1) * 30 * 86_400_000;

export interface SourceHorizon {
  /** Source id. */
  source: string;
  kind: 'checks' | 'tickets' | 'surveys' | 'incidents' | 'changes';
  /** The horizon, epoch ms; null when the source has no accepted row and no `asOf`. */
  asOfMs: number | null;
  /** Where it comes from: the config's `asOf`, or the data. */
  from: 'config' | 'data';
}

/** A data-derived horizon within this of a period's end counts as covering it (exports are rarely taken at midnight sharp). */
export const DATA_HORIZON_SLACK_MS = 86_400_000;

/**
 * Each source's data horizon (see the file's comment). Without `asOf` it is the latest timestamp of
 * the source's accepted rows within the bulk of its data: a time more than {@link STRAY_AFTER_MS}
 * after the bulk's last row (dataRange: a created time, a check's or an answer's time) is a stray and
 * is left out, so it neither moves the horizon on nor, for a ticket's response or resolution, pulls
 * it back to the last creation. With `asOf` such rows are rejected at ingest instead (row-mappers.ts).
 * @example one ticket resolved a year after the rest: the horizon stays at the latest real resolution
 */
export function sourceHorizons(config: ReviewConfig, ingest: IngestResult): SourceHorizon[] {
  return horizonsAndStrays(config, ingest).map((h) => h.horizon);
}

/** Ticket times left out of a data horizon as strays: how many, and the first of them (in created order). */
export interface StrayTimes {
  count: number;
  first: { ticket: string; event: 'first response' | 'resolved'; ms: number };
}

/**
 * The horizons, each with the ticket response and resolution times left out of it as strays (null
 * for none, and for a horizon the config states); `check` names them. Created times past the bulk are
 * reported by `check` as rows outside the review's periods.
 */
export function horizonsAndStrays(
  config: ReviewConfig,
  ingest: IngestResult,
): Array<{ horizon: SourceHorizon; strays: StrayTimes | null }> {
  // The bulk of each source's own data (sources of one review may cover years apart, issue #15: Boston 2015, Upptime 2024–2026).
  const ranges = new Map(config.sources.map((src) => [src.id, dataRange({ files: ingest.files.filter((f) => f.source === src.id) })]));
  const limitOf = (source: string) => {
    const range = ranges.get(source);
    return range ? range.lastMs + STRAY_AFTER_MS : Number.POSITIVE_INFINITY;
  };
  const latestTicket = new Map<string, number>();
  const strays = new Map<string, StrayTimes>();
  for (const t of ingest.tickets) {
    const limit = limitOf(t.source);
    let latest = latestTicket.get(t.source) ?? Number.NEGATIVE_INFINITY;
    if (t.createdMs <= limit && t.createdMs > latest) latest = t.createdMs;
    for (const [event, ms] of [
      ['first response', t.firstResponseMs],
      ['resolved', t.resolvedMs],
    ] as const) {
      if (ms === null) continue;
      if (ms <= limit) {
        if (ms > latest) latest = ms;
        continue;
      }
      const seen = strays.get(t.source);
      if (seen) seen.count++;
      else strays.set(t.source, { count: 1, first: { ticket: t.id, event, ms } });
    }
    if (latest > Number.NEGATIVE_INFINITY) latestTicket.set(t.source, latest);
  }
  return config.sources.map((src) => {
    // Rollups are checks rolled up: their horizon is that of the checks (the last check they count).
    const kind = src.kind === 'rollups' || src.kind === 'duckdb' ? 'checks' : src.kind;
    if (src.asOf !== undefined) {
      const r = sourceAsOf(src.asOf, config.review.timeZone);
      // The config was validated: an unreadable asOf cannot get here.
      return { horizon: { source: src.id, kind, asOfMs: 'ms' in r ? r.ms : null, from: 'config' as const }, strays: null };
    }
    const limit = limitOf(src.id);
    const range = ranges.get(src.id);
    let latest: number | null = src.kind === 'tickets' ? (latestTicket.get(src.id) ?? null) : null;
    for (const f of ingest.files) {
      if (f.source !== src.id || f.lastMs === null) continue;
      // A file whose last row is a stray past the bulk counts up to the bulk's end (its own earlier rows are in the bulk or before it).
      const last = f.lastMs <= limit || !range ? f.lastMs : range.lastMs;
      if (latest === null || last > latest) latest = last;
    }
    return { horizon: { source: src.id, kind, asOfMs: latest, from: 'data' as const }, strays: strays.get(src.id) ?? null };
  });
}

/**
 * The sources whose horizon falls before a period's end: for them the period is incomplete. A
 * source whose data ended long before the period began (more than the silence that splits a
 * source's data, about 120 days: issue #15, sources of one review years apart) does not cover
 * the period at all, so it does not make it incomplete.
 * @param startMs the period's start; without it every source ending before the end counts
 */
export function incompleteSources(horizons: readonly SourceHorizon[], endMs: number, startMs = Number.NEGATIVE_INFINITY): string[] {
  return horizons
    .filter((h) => h.asOfMs !== null && h.asOfMs < endMs - (h.from === 'data' ? DATA_HORIZON_SLACK_MS : 0))
    .filter((h) => h.from === 'config' || (h.asOfMs as number) >= startMs - STRAY_AFTER_MS)
    .map((h) => h.source);
}

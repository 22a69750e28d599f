/**
 * Each source's data horizon: when its export was taken, as far as the review knows. The config
 * may say (`asOf`); else it is the latest timestamp in the source's accepted rows (for tickets,
 * the latest of created, first response and resolved). Figures are as of the earlier of a
 * period's end and the horizon, so nothing is judged past what the export could know.
 */
import type { ReviewConfig } from '../config/config-schema.ts';
import { sourceAsOf } from '../config/resolve-rules.ts';
import type { IngestResult } from '../ingest/ingest-sources.ts';
import { dataRange, MAX_EMPTY_BINS } from './review-range.ts';

/** A data horizon this far past the bulk of the data comes from a stray row (see dataRange). */
const STRAY_AFTER_MS = (MAX_EMPTY_BINS + 1) * 30 * 86_400_000;

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

export function sourceHorizons(config: ReviewConfig, ingest: IngestResult): SourceHorizon[] {
  const latestTicket = new Map<string, number>();
  for (const t of ingest.tickets) {
    const latest = Math.max(t.createdMs, t.firstResponseMs ?? t.createdMs, t.resolvedMs ?? t.createdMs);
    if (latest > (latestTicket.get(t.source) ?? Number.NEGATIVE_INFINITY)) latestTicket.set(t.source, latest);
  }
  return config.sources.map((src) => {
    // Rollups are checks rolled up: their horizon is that of the checks (the last check they count).
    const kind = src.kind === 'rollups' || src.kind === 'duckdb' ? 'checks' : src.kind;
    if (src.asOf !== undefined) {
      const r = sourceAsOf(src.asOf, config.review.timeZone);
      // The config was validated: an unreadable asOf cannot get here.
      return { source: src.id, kind, asOfMs: 'ms' in r ? r.ms : null, from: 'config' as const };
    }
    let latest: number | null = src.kind === 'tickets' ? (latestTicket.get(src.id) ?? null) : null;
    for (const f of ingest.files) if (f.source === src.id && f.lastMs !== null && (latest === null || f.lastMs > latest)) latest = f.lastMs;
    // A stray row past the bulk of the source's own data (outside its dataRange) does not move the horizon. The
    // source's own: sources of one review may cover years apart (issue #15: Boston 2015, Upptime 2024–2026).
    const range = dataRange({ files: ingest.files.filter((f) => f.source === src.id) });
    if (latest !== null && range && latest > range.lastMs + STRAY_AFTER_MS) latest = range.lastMs;
    return { source: src.id, kind, asOfMs: latest, from: 'data' as const };
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

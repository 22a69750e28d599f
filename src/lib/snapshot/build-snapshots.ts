/**
 * Snapshots: one per review month holding every figure the site shows for it, plus the
 * provenance a reader needs to trust it (input hashes, row accounting, config hash, tool and
 * schema versions). No wall-clock time goes in, so the same inputs give the same bytes.
 */
import type { ReviewConfig } from '../config/config-schema.ts';
import type { FileAccount } from '../ingest/file-account.ts';
import type { IngestResult } from '../ingest/ingest-sources.ts';
import { periodDays } from '../metrics/period-days.ts';
import { type MonthId, monthBounds, monthOf, monthsBetween, previousMonth } from '../metrics/periods.ts';
import { type TicketPeriodMetrics, ticketPeriodMetrics } from '../metrics/ticket-period-metrics.ts';
import type { MaintenanceWindow } from '../pipeline/maintenance-windows.ts';
import { computeServiceRollups, type ServiceFigures, serviceFigures } from './compute-service-figures.ts';

export const SNAPSHOT_SCHEMA_VERSION = 1;

export interface InputProvenance {
  file: string;
  source: string;
  kind: string;
  sha256: string;
  bytes: number;
  rows: number;
  accepted: number;
  rejected: number;
  duplicates: number;
  firstMs: number | null;
  lastMs: number | null;
}

export interface PeriodSnapshot {
  schemaVersion: number;
  tool: { name: string; version: string };
  review: { name: string; organisation: string | null; timeZone: string };
  period: {
    id: MonthId;
    kind: 'month';
    startMs: number;
    endMs: number;
    previous: MonthId | null;
    next: MonthId | null;
    /** False when the exports end before the period does: the figures are partial. */
    complete: boolean;
  };
  /** SHA-256 of the config file's bytes. */
  configSha256: string;
  /** Every input file read for the build, with its row accounting. */
  inputs: InputProvenance[];
  services: ServiceFigures[];
  tickets: TicketPeriodMetrics;
  dataQuality: {
    rows: number;
    accepted: number;
    rejected: number;
    duplicates: number;
    /** Files whose accepted rows touch this period (or that had no accepted row at all). */
    files: Array<Pick<FileAccount, 'file' | 'source' | 'rows' | 'accepted' | 'rejected' | 'duplicates' | 'rejects' | 'rejectsByReason'>>;
  };
}

export interface SnapshotMeta {
  toolVersion: string;
  configSha256: string;
}

/** The months to review: configured bounds, else from the first to the last month with data. */
export function reviewMonths(config: ReviewConfig, ingest: IngestResult): MonthId[] {
  const zone = config.review.timeZone;
  const accepted = ingest.files.filter((f) => f.firstMs !== null);
  const first =
    config.review.firstPeriod ?? (accepted.length ? monthOf(Math.min(...accepted.map((f) => f.firstMs as number)), zone) : null);
  const last = config.review.lastPeriod ?? (accepted.length ? monthOf(Math.max(...accepted.map((f) => f.lastMs as number)), zone) : null);
  if (!first || !last || first > last) return [];
  return monthsBetween(first, last);
}

export function buildSnapshots(
  config: ReviewConfig,
  ingest: IngestResult,
  maintenance: readonly MaintenanceWindow[],
  meta: SnapshotMeta,
): PeriodSnapshot[] {
  const zone = config.review.timeZone;
  const months = reviewMonths(config, ingest);
  const latestDataMs = Math.max(0, ...ingest.files.map((f) => f.lastMs ?? 0));
  const inputs: InputProvenance[] = ingest.files.map((f) => ({
    file: f.file,
    source: f.source,
    kind: f.kind,
    sha256: f.sha256,
    bytes: f.bytes,
    rows: f.rows,
    accepted: f.accepted,
    rejected: f.rejected,
    duplicates: f.duplicates,
    firstMs: f.firstMs,
    lastMs: f.lastMs,
  }));
  // Response figures only where an export records first responses (Boston 311, for one, does not).
  const responseRecorded = ingest.files.some((f) => f.kind === 'tickets' && f.fields.includes('firstResponseMs'));
  let previousTickets: TicketPeriodMetrics | null = null;
  return months.map((id, i) => {
    const bounds = monthBounds(id, zone);
    const days = periodDays(id, zone);
    const rollups = computeServiceRollups(config, ingest.checks, days, maintenance);
    const files = ingest.files.filter(
      (f) => f.firstMs === null || ((f.firstMs as number) < bounds.endMs && (f.lastMs as number) >= bounds.startMs),
    );
    const sum = (k: 'rows' | 'accepted' | 'rejected' | 'duplicates') => files.reduce((a, f) => a + f[k], 0);
    const tickets = ticketPeriodMetrics(ingest.tickets, {
      levels: config.priorities,
      calendars: config.calendars,
      bounds,
      previous: previousTickets,
      responseRecorded,
    });
    previousTickets = tickets;
    return {
      schemaVersion: SNAPSHOT_SCHEMA_VERSION,
      tool: { name: 'service-review', version: meta.toolVersion },
      review: { name: config.review.name, organisation: config.review.organisation ?? null, timeZone: zone },
      period: {
        id,
        kind: 'month',
        startMs: bounds.startMs,
        endMs: bounds.endMs,
        previous: i > 0 ? (months[i - 1] as MonthId) : previousMonth(id) >= (months[0] as MonthId) ? previousMonth(id) : null,
        next: i + 1 < months.length ? (months[i + 1] as MonthId) : null,
        complete: latestDataMs >= bounds.endMs - 86_400_000,
      },
      configSha256: meta.configSha256,
      inputs,
      services: serviceFigures(config, rollups, ingest.checks, bounds, maintenance),
      tickets,
      dataQuality: {
        rows: sum('rows'),
        accepted: sum('accepted'),
        rejected: sum('rejected'),
        duplicates: sum('duplicates'),
        files: files.map((f) => ({
          file: f.file,
          source: f.source,
          rows: f.rows,
          accepted: f.accepted,
          rejected: f.rejected,
          duplicates: f.duplicates,
          rejects: f.rejects,
          rejectsByReason: f.rejectsByReason,
        })),
      },
    };
  });
}

/**
 * What the data of a review covers (issue #15): the months any source has data in, every service
 * with what its data has (checks, tickets, surveys), the services only the exports name, and the
 * source systems' own verdicts beside ours. Pure: reads what ingest and the metrics gave.
 */
import type { IngestResult } from '../ingest/ingest-sources.ts';
import { type SourceAgreement, sourceVerdictAgreement } from '../metrics/source-verdict-agreement.ts';
import type { ServiceTicketCounts, TicketPeriodMetrics } from '../metrics/ticket-period-metrics.ts';
import type { TicketTable } from '../metrics/ticket-table.ts';
import type { PriorityRule, ReviewRules } from '../model/rules.ts';
import type { DayRollup } from '../rollup/service-day-rollups.ts';
import { type MonthId, monthBounds } from '../time/periods.ts';
import { lowerBound } from '../util/lower-bound.ts';
import type { ServiceFigures } from './compute-service-figures.ts';
import type { SatisfactionSection } from './satisfaction-section.ts';

/**
 * The months (of `months`, ascending) in which some source has data: a check ran, a ticket was
 * created or resolved, or a survey response was given; plus the months in `keep` (published).
 * @example monthsWithData(['2026-01', '2026-02'], 'UTC', { tickets: [ticketCreatedIn('2026-02')], surveys: [] }, new Map(), new Set())
 * // Set { '2026-02' }
 */
export function monthsWithData(
  months: readonly MonthId[],
  zone: string,
  ingest: Pick<IngestResult, 'tickets' | 'surveys'>,
  monthRollups: ReadonlyMap<MonthId, ReadonlyMap<string, readonly DayRollup[]>>,
  keep: ReadonlySet<string>,
): Set<MonthId> {
  const out = new Set<MonthId>(months.filter((m) => keep.has(m)));
  if (months.length === 0) return out;
  const starts = Float64Array.from(months, (m) => monthBounds(m, zone).startMs);
  const end = monthBounds(months[months.length - 1] as MonthId, zone).endMs;
  const mark = (ms: number | null) => {
    if (ms === null || ms < (starts[0] as number) || ms >= end) return;
    const i = lowerBound(starts, ms + 1) - 1;
    out.add(months[i] as MonthId);
  };
  for (const t of ingest.tickets) {
    mark(t.createdMs);
    mark(t.resolvedMs);
  }
  for (const r of ingest.surveys) mark(r.timeMs);
  for (const [m, byService] of monthRollups)
    for (const days of byService.values())
      if (days.some((d) => d.checks > 0)) {
        out.add(m);
        break;
      }
  return out;
}

export interface UnknownServiceRow {
  id: string;
  name: string;
  source: string;
  rows: number;
}

/** Services the config does not list, accepted under their exported names: per source, rows summed over its files, by id. */
export function unknownServiceRows(ingest: Pick<IngestResult, 'files'>): UnknownServiceRow[] {
  const rows = new Map<string, UnknownServiceRow>();
  for (const f of ingest.files)
    for (const [id, u] of Object.entries(f.unknownServices ?? {})) {
      const key = `${f.source}\u0000${id}`;
      const known = rows.get(key);
      if (known) known.rows += u.rows;
      // Name and id come masked from ingest (row-mappers.ts), where `check` shows them too.
      else rows.set(key, { id, name: u.name, source: f.source, rows: u.rows });
    }
  return [...rows.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.source < b.source ? -1 : 1));
}

export interface CatalogEntry {
  id: string;
  name: string;
  owner: string | null;
  configured: boolean;
  monitored: boolean;
  checks: boolean;
  tickets: number;
  ticketFigures: ServiceTicketCounts | null;
  responses: number;
}

/**
 * Every service of a period with what its data has: the configured ones in config order, then
 * those only the exports name (by id).
 * @param monitored the services with availability settings
 * @param withChecks those of them with checks in the period
 */
export function serviceCatalog(
  rules: Pick<ReviewRules, 'serviceNames'>,
  monitored: ReadonlyArray<Pick<ServiceFigures, 'id'>>,
  withChecks: ReadonlyArray<Pick<ServiceFigures, 'id'>>,
  tickets: Pick<TicketPeriodMetrics, 'byService'>,
  serviceTickets: ReadonlyMap<string, ServiceTicketCounts>,
  satisfaction: Pick<SatisfactionSection, 'byService'>,
  unknown: readonly UnknownServiceRow[],
): CatalogEntry[] {
  const isMonitored = new Set(monitored.map((s) => s.id));
  const hasChecks = new Set(withChecks.map((s) => s.id));
  const created = new Map(tickets.byService.map((b) => [b.key, b.created]));
  const responses = new Map(satisfaction.byService.map((b) => [b.service, b.responses]));
  const entry = (id: string, name: string, owner: string | null, configured: boolean): CatalogEntry => ({
    id,
    name,
    owner,
    configured,
    monitored: isMonitored.has(id),
    checks: hasChecks.has(id),
    tickets: created.get(id) ?? 0,
    // A service with availability figures has its ticket figures there: not twice in one snapshot.
    ticketFigures: hasChecks.has(id) ? null : pickTickets(serviceTickets.get(id)),
    responses: responses.get(id) ?? 0,
  });
  const out = rules.serviceNames.map((s) => entry(s.id, s.name, s.owner, true));
  const seen = new Set(out.map((s) => s.id));
  for (const u of unknown) {
    if (seen.has(u.id)) continue;
    seen.add(u.id);
    out.push(entry(u.id, u.name, null, false));
  }
  return out;
}

/** The published fields of a service's ticket figures (the metric's object may hold more). */
function pickTickets(t: ServiceTicketCounts | undefined): ServiceTicketCounts | null {
  return t === undefined
    ? null
    : { created: t.created, resolved: t.resolved, backlogAtEnd: t.backlogAtEnd, response: t.response, resolution: t.resolution };
}

export interface SourceAgreementRow extends SourceAgreement {
  reason: string;
}

/** Said of a source whose preset has no note of its own. */
export const GENERIC_AGREEMENT_NOTE =
  'Where the two differ, the source system used deadlines, clocks or a moment of judging other than the configured targets and the export’s data horizon.';

/**
 * Our resolution verdict beside the source system's, per ticket source, on the tickets created in
 * the period; each judged as of its source's data horizon (when the source computed its own).
 * @param created the tickets' created instants, ascending (the tickets are in that order)
 */
export function sourceAgreementSection(
  table: Pick<TicketTable, 'tickets' | 'clockOf'>,
  created: Float64Array,
  bounds: { startMs: number; endMs: number },
  levels: readonly PriorityRule[],
  horizons: ReadonlyMap<string, number>,
  notes: ReadonlyMap<string, string | null>,
): SourceAgreementRow[] {
  const from = lowerBound(created, bounds.startMs);
  const to = lowerBound(created, bounds.endMs);
  const rows = sourceVerdictAgreement(
    table.tickets.slice(from, to),
    levels,
    table.clockOf,
    (src) => horizons.get(src) ?? Number.POSITIVE_INFINITY,
  );
  return rows.map((r) => ({ ...r, reason: notes.get(r.source) ?? GENERIC_AGREEMENT_NOTE }));
}

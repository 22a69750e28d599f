/**
 * What the data of a review covers (issue #15): the months any source has data in (something a
 * figure of the month counts happened in it), every service with what its data has (checks,
 * tickets, surveys), the services only the exports name, and the source systems' own verdicts
 * beside ours. Pure: reads what ingest and the metrics gave.
 */
import type { FileAccount } from '../ingest/file-account.ts';
import type { IngestResult } from '../ingest/ingest-sources.ts';
import { type ChangeSpan, changeSpan } from '../metrics/changes-followed-by-outage.ts';
import { type SourceAgreement, sourceVerdictAgreement } from '../metrics/source-verdict-agreement.ts';
import { forEachTicketOutcomeInstant } from '../metrics/ticket-outcome-instants.ts';
import type { ServiceTicketCounts, TicketPeriodMetrics, TicketPeriodOptions } from '../metrics/ticket-period-metrics.ts';
import { rulesKey, type TicketTable } from '../metrics/ticket-table.ts';
import type { IncidentRecord, SurveyResponse } from '../model/records.ts';
import type { PriorityRule, ReviewRules } from '../model/rules.ts';
import type { DayRollup } from '../rollup/service-day-rollups.ts';
import { type MonthId, monthBounds } from '../time/periods.ts';
import { lowerBound } from '../util/lower-bound.ts';
import type { ServiceFigures } from './compute-service-figures.ts';
import type { SatisfactionSection } from './satisfaction-section.ts';

/** The index in `months` (ascending, contiguous) of the month an instant falls in, or -1 outside them. */
function monthIndexer(months: readonly MonthId[], zone: string): (ms: number) => number {
  if (months.length === 0) return () => -1;
  const starts = Float64Array.from(months, (m) => monthBounds(m, zone).startMs);
  const end = monthBounds(months[months.length - 1] as MonthId, zone).endMs;
  return (ms) => (ms < (starts[0] as number) || ms >= end ? -1 : lowerBound(starts, ms + 1) - 1);
}

/** What judges the tickets in a month: the levels in force then, the sources' horizons and which record responses. */
export type TicketJudging = Pick<TicketPeriodOptions, 'levels' | 'horizons' | 'responseRecorded'>;

/**
 * Per month of `months` (ascending): the ticket sources with a ticket that a figure of the month
 * counts, by the month's own rules (forEachTicketOutcomeInstant): created, first response,
 * resolved, or a deadline passed unmet before the source's horizon. A ticket merely open across
 * a month does not count there. Months are grouped by their rules, so the tickets are read once
 * per distinct set of rules (once, unless the config has date-effective changes).
 * @example ticketDataMonths(['2028-01', '2028-02'], 'UTC', prepareTickets([createdJan31ResolutionDueFeb1NeverResolved]), () => judging)
 * // Map { '2028-01' => Set { 'desk' }, '2028-02' => Set { 'desk' } }
 */
export function ticketDataMonths(
  months: readonly MonthId[],
  zone: string,
  table: TicketTable,
  judgingOf: (month: MonthId) => TicketJudging,
): Map<MonthId, Set<string>> {
  const out = new Map<MonthId, Set<string>>();
  const monthIndex = monthIndexer(months, zone);
  const groups = new Map<string, { judging: TicketJudging; months: Set<number> }>();
  months.forEach((m, k) => {
    const judging = judgingOf(m);
    const key = rulesKey(judging);
    const group = groups.get(key);
    if (group) group.months.add(k);
    else groups.set(key, { judging, months: new Set([k]) });
  });
  for (const { judging, months: own } of groups.values())
    forEachTicketOutcomeInstant(table, judging, (ms, i) => {
      const k = monthIndex(ms);
      if (!own.has(k)) return;
      const m = months[k] as MonthId;
      const sources = out.get(m);
      const source = table.sources[table.sourceOf[i] as number] as string;
      if (sources) sources.add(source);
      else out.set(m, new Set([source]));
    });
  return out;
}

/** What the months of a review have: per month the ticket sources counted in it (ticketDataMonths), and the other records. */
export interface ReviewEvents {
  ticketMonths: ReadonlyMap<MonthId, ReadonlySet<string>>;
  surveys: ReadonlyArray<Pick<SurveyResponse, 'timeMs'>>;
  incidents: ReadonlyArray<Pick<IncidentRecord, 'startedMs'>>;
  changes: readonly ChangeSpan[];
}

/**
 * The months (of `months`, ascending) in which some source has data, that is something a figure
 * of the month counts: a check ran, a ticket counted in it (ticketDataMonths), a survey response
 * was given, an incident or a change started (the period they count in); plus the months in
 * `keep` (published). A month is built exactly when it has data, so a quarter's or year's counts
 * are the sums of its months'.
 * @example monthsWithData(['2026-01', '2026-02'], 'UTC', { ticketMonths: new Map([['2026-02', new Set(['desk'])]]), surveys: [], incidents: [], changes: [] }, new Map(), new Set())
 * // Set { '2026-02' }
 */
export function monthsWithData(
  months: readonly MonthId[],
  zone: string,
  events: ReviewEvents,
  monthRollups: ReadonlyMap<MonthId, ReadonlyMap<string, readonly DayRollup[]>>,
  keep: ReadonlySet<string>,
): Set<MonthId> {
  const out = new Set<MonthId>(months.filter((m) => keep.has(m) || events.ticketMonths.has(m)));
  const monthIndex = monthIndexer(months, zone);
  const mark = (ms: number | null) => {
    const k = ms === null ? -1 : monthIndex(ms);
    if (k >= 0) out.add(months[k] as MonthId);
  };
  for (const r of events.surveys) mark(r.timeMs);
  for (const i of events.incidents) mark(i.startedMs);
  // A change counts in the period of its start (changesSection); one with no start counts nowhere.
  for (const c of events.changes) mark(changeSpan(c)?.startMs ?? null);
  for (const [m, byService] of monthRollups)
    for (const days of byService.values())
      if (days.some((d) => d.checks > 0)) {
        out.add(m);
        break;
      }
  return out;
}

/**
 * The ticket sources whose priority levels apply in a period: those with a file whose tickets'
 * created times span part of it, and those with a ticket counted in one of its months
 * (ticketDataMonths), such as a ticket created earlier and resolved, or breached, in it.
 */
export function ticketSourcesIn(
  files: ReadonlyArray<Pick<FileAccount, 'kind' | 'source' | 'firstMs' | 'lastMs'>>,
  bounds: { startMs: number; endMs: number },
  months: readonly MonthId[],
  ticketMonths: ReadonlyMap<MonthId, ReadonlySet<string>>,
): Set<string> {
  const out = new Set(
    files
      .filter((f) => f.kind === 'tickets' && f.firstMs !== null && f.firstMs < bounds.endMs && (f.lastMs as number) >= bounds.startMs)
      .map((f) => f.source),
  );
  for (const m of months) for (const s of ticketMonths.get(m) ?? []) out.add(s);
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

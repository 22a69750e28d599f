/**
 * Snapshots: one per review month holding every figure the site shows for it, plus the
 * provenance a reader needs to trust it (input hashes, row accounting, config hash, tool and
 * schema versions). No wall-clock time goes in, so the same inputs give the same bytes.
 */
import { configForPeriod } from '../config/config-for-period.ts';
import type { ReviewConfig } from '../config/config-schema.ts';
import { type ActionsRegister, locatedLines } from '../config/load-actions.ts';
import { presetFor } from '../config/presets.ts';
import type { RuleBook } from '../config/resolve-rules.ts';
import { ReviewError } from '../errors.ts';
import type { IngestResult } from '../ingest/ingest-sources.ts';
import {
  prepareTickets,
  type TicketPeriodMetrics,
  type TicketTable,
  ticketCountsByService,
  ticketPeriodMetrics,
} from '../metrics/ticket-period-metrics.ts';
import type { DayRollup } from '../rollup/service-day-rollups.ts';
import { type MonthId, monthBounds, monthsOfQuarter, monthsOfYear, quarterOfMonth, yearOfMonth } from '../time/periods.ts';
import { maskFileName, maskPersonalDataMemo } from '../util/mask-personal-data.ts';
import { unknownIssueProblems } from './actions-section.ts';
import { withActions } from './actions-snapshots.ts';
import { attentionSection } from './attention-section.ts';
import { changesSection, outagesOfReview } from './changes-section.ts';
import { serviceFigures } from './compute-service-figures.ts';
import { drillDownMemo, drillDownSection } from './drill-down-section.ts';
import { type HeadlineInput, headlineSection, type TrendPoint } from './headline-section.ts';
import { incidentsSection } from './incidents-section.ts';
import { monthsSection } from './months-section.ts';
import { periodRules } from './period-rules.ts';
import { prepareRecurring, publishedRecurring, recurringSection } from './recurring-section.ts';
import {
  monthsWithData,
  serviceCatalog,
  sourceAgreementSection,
  ticketDataMonths,
  ticketSourcesIn,
  unknownServiceRows,
} from './review-coverage.ts';
import { reviewNames } from './review-names.ts';
import { reviewMonths } from './review-range.ts';
import { reviewRollups, withRollupProbes } from './review-rollups.ts';
import { prepareSatisfaction, satisfactionSection } from './satisfaction-section.ts';
import type { InputProvenance, PeriodRules, PeriodSnapshot } from './snapshot-schema.ts';
import { incompleteSources, type SourceHorizon, sourceHorizons } from './source-horizons.ts';
import { ticketResponseSources } from './ticket-response-sources.ts';
import { surveyTicketSources, ticketIndex } from './tickets-by-id.ts';

export type { InputProvenance, PeriodRules, PeriodSnapshot };

export const SNAPSHOT_SCHEMA_VERSION = 1;

export interface SnapshotMeta {
  toolVersion: string;
  configSha256: string;
  /** Months built even without data: those with published revisions, which stay on the site as published. */
  keepMonths?: ReadonlySet<string>;
  /** The actions register (content/actions.yaml), checked against the config; absent: no actions block. */
  actions?: ActionsRegister | null;
}

export { type ReviewRange, reviewMonths, reviewRange, rowsOutsideReview } from './review-range.ts';

interface PeriodPlan {
  id: string;
  kind: 'month' | 'quarter' | 'year';
  /** Months inside the review range that make up the period. */
  months: MonthId[];
  bounds: { startMs: number; endMs: number };
  previous: string | null;
  next: string | null;
}

/**
 * Every period's snapshot: each month of the review, and each quarter and year its months
 * touch. Structures every period reads (the tickets indexed, the responses in time order, the
 * tickets grouped into issues, each month's day rollups) are prepared once here and passed on.
 *
 * @param config the validated config (its text goes into each snapshot's rules, for the method page)
 * @param ingest what the exports gave
 * @param rules the config resolved, per month
 * @param meta tool version and config hash, for the provenance
 */
export function buildSnapshots(config: ReviewConfig, ingest: IngestResult, rules: RuleBook, meta: SnapshotMeta): PeriodSnapshot[] {
  const zone = config.review.timeZone;
  const horizons = sourceHorizons(config, ingest);
  const months = reviewMonths(config, ingest, horizons);

  // Day rollups per month, computed once: months use them directly, quarters concatenate them.
  // Imported rollups (rollups and duckdb sources) stand in for the checks of their service-days.
  const monthRollups = reviewRollups(months, rules, ingest, zone);

  // Only periods with data (issue #15): a month in which no figure counts anything is listed in the archive, not built.
  // Tickets count by their outcomes, each month with its own rules: a deadline passing unmet makes its month a data month.
  const ticketTable = prepareTickets(ingest.tickets);
  const judging = ticketJudging(ingest, horizons);
  const ticketMonths = ticketDataMonths(months, zone, ticketTable, (m) => ({ levels: rules.forMonth(m).priorities, ...judging }));
  const events = { ticketMonths, surveys: ingest.surveys, incidents: ingest.incidents, changes: ingest.changes };
  const withData = monthsWithData(months, zone, events, monthRollups, meta.keepMonths ?? new Set());
  const reviewed = months.filter((m) => withData.has(m));
  return buildPeriods(config, ingest, rules, meta, reviewed, monthRollups, horizons, { ticketTable, ticketMonths });
}

/** The ticket sources' horizons, and the sources whose exports record first responses (ticketResponseSources). */
function ticketJudging(ingest: IngestResult, horizons: readonly SourceHorizon[]) {
  return {
    horizons: new Map(
      horizons.filter((h) => h.kind === 'tickets' && h.asOfMs !== null).map((h) => [h.source, h.asOfMs as number] as const),
    ),
    responseRecorded: new Set(ticketResponseSources(ingest.files).recorded) as ReadonlySet<string>,
  };
}

/**
 * The months of the review that no source covers: nothing a figure counts happened in them
 * (monthsWithData). The archive lists them on one line; they get no page.
 */
export function monthsWithoutData(config: ReviewConfig, ingest: IngestResult, built: readonly PeriodSnapshot[]): MonthId[] {
  const have = new Set(built.filter((s) => s.period.kind === 'month').map((s) => s.period.id));
  return reviewMonths(config, ingest, sourceHorizons(config, ingest)).filter((m) => !have.has(m));
}

function buildPeriods(
  config: ReviewConfig,
  ingest: IngestResult,
  rules: RuleBook,
  meta: SnapshotMeta,
  months: MonthId[],
  monthRollups: Map<MonthId, Map<string, DayRollup[]>>,
  horizons: SourceHorizon[],
  shared: { ticketTable: TicketTable; ticketMonths: ReadonlyMap<MonthId, ReadonlySet<string>> },
): PeriodSnapshot[] {
  const zone = config.review.timeZone;
  const { ticketTable, ticketMonths } = shared;
  const ticketHorizons = ticketJudging(ingest, horizons).horizons;
  // An export's name is the exporter's or the analyst's and may hold an address: masked where it is published.
  const inputs: InputProvenance[] = ingest.files.map((f) => ({
    file: maskFileName(f.file),
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
  // Response figures only for the tickets of sources whose exports record first responses (Boston 311, for one, does
  // not): decided here once, per source, and passed to every ticket figure and to the pages.
  const responseSources = ticketResponseSources(ingest.files);
  const responseRecorded: ReadonlySet<string> = new Set(responseSources.recorded);
  // What the response figures cover, for the pages' note: only when some ticket sources record responses and some do not.
  const responseCoverage =
    responseSources.recorded.length > 0 && responseSources.without.length > 0
      ? { responseCoverage: { recorded: responseSources.recorded, without: responseSources.without } }
      : {};
  const recurringTable = prepareRecurring(ingest.tickets, zone);
  const unknownServices = unknownServiceRows(ingest);
  // Ingest gives the tickets in created order: each period's are found by binary search.
  const createdTimes = Float64Array.from(ingest.tickets, (t) => t.createdMs);
  const notes = new Map(config.sources.map((src) => [src.id, presetFor(src.preset ?? '')?.sourceVerdictNote ?? null] as const));
  const { byId: ticketOfId, shared: sharedIds } = ticketIndex(ingest.tickets, recurringTable);
  const satisfactionInputs = prepareSatisfaction(ingest.surveys, ticketTable, ticketOfId, surveyTicketSources(config.sources));
  const drillDownShared = drillDownMemo();
  // Free texts the blocks below publish (categories, probes, group names), each distinct one masked once per build.
  const maskText = maskPersonalDataMemo();

  const reviewed = new Set(months);
  const checkSource = withRollupProbes(ingest.checks, ingest.rollups);
  const quarters = [...new Set(months.map(quarterOfMonth))];
  const years = [...new Set(months.map(yearOfMonth))];
  const aggregate = (kind: 'quarter' | 'year', ids: string[], monthsOf: (id: string) => MonthId[]) =>
    ids.map((id, i) => {
      const inRange = monthsOf(id).filter((m) => reviewed.has(m));
      return {
        id,
        kind,
        months: inRange,
        bounds: {
          startMs: monthBounds(inRange[0] as MonthId, zone).startMs,
          endMs: monthBounds(inRange[inRange.length - 1] as MonthId, zone).endMs,
        },
        previous: i > 0 ? (ids[i - 1] as string) : null,
        next: i + 1 < ids.length ? (ids[i + 1] as string) : null,
      };
    });
  const plans: PeriodPlan[] = [
    ...months.map((id, i) => ({
      id,
      kind: 'month' as const,
      months: [id],
      bounds: monthBounds(id, zone),
      previous: i > 0 ? (months[i - 1] as MonthId) : null,
      next: i + 1 < months.length ? (months[i + 1] as MonthId) : null,
    })),
    ...aggregate('quarter', quarters, monthsOfQuarter),
    ...aggregate('year', years, (y) => monthsOfYear(Number(y))),
  ];

  const built: PeriodSnapshot[] = [];
  const history = { month: [] as HeadlineInput[], quarter: [] as HeadlineInput[], year: [] as HeadlineInput[] };
  // Each month's headline figures, for the month-by-month view of its quarter and year (months are built first).
  const monthPoints = new Map<string, TrendPoint>();
  const previousTickets: Record<'month' | 'quarter' | 'year', TicketPeriodMetrics | null> = { month: null, quarter: null, year: null };
  for (const plan of plans) {
    // Each period is computed with the rules in force in its (last) month: date-effective config.
    const lastMonth = plan.months[plan.months.length - 1] as MonthId;
    const r = rules.forMonth(lastMonth);
    const { bounds } = plan;
    const incomplete = incompleteSources(horizons, bounds.endMs, bounds.startMs);
    const rollups = new Map(r.services.map((s) => [s.id, plan.months.flatMap((m) => monthRollups.get(m)?.get(s.id) ?? [])] as const));
    const files = ingest.files.filter(
      (f) => f.firstMs === null || ((f.firstMs as number) < bounds.endMs && (f.lastMs as number) >= bounds.startMs),
    );
    const sum = (k: 'rows' | 'accepted' | 'rejected' | 'duplicates' | 'truncated') => files.reduce((a, f) => a + f[k], 0);
    // The ticket sources with tickets in the period: their schemes' levels apply.
    const active = ticketSourcesIn(ingest.files, bounds, plan.months, ticketMonths);
    const levels = r.priorities.filter((l) => (l.sources === null ? active.size > 0 : l.sources.some((x) => active.has(x))));
    // One set of options for the period's figures and its drill-down, so the listed tickets are the counted ones.
    const ticketOptions = { levels, horizons: ticketHorizons, bounds, responseRecorded };
    const tickets = ticketPeriodMetrics(ticketTable, { ...ticketOptions, previous: previousTickets[plan.kind] });
    previousTickets[plan.kind] = tickets;
    // Each service's own tickets, judged with the same rules, for its page: one pass for all services.
    const serviceTickets = ticketCountsByService(ticketTable, {
      levels: r.priorities,
      horizons: ticketHorizons,
      bounds,
      responseRecorded,
    });
    const noTickets = () => ({
      created: 0,
      resolved: 0,
      backlogAtEnd: 0,
      response: responseRecorded.size > 0 ? { attainment: null, met: 0, breached: 0, pending: 0 } : null,
      resolution: { attainment: null, met: 0, breached: 0, pending: 0 },
    });
    // A service has what its data has (issue #15): availability only for monitored services with checks in the period.
    const monitored = serviceFigures(r, rollups, checkSource, bounds);
    const services = monitored
      .filter((sv) => sv.checks > 0)
      .map((sv) => {
        const own = serviceTickets.get(sv.id) ?? noTickets();
        return {
          ...sv,
          // Probe names are exported text (the checks' probe column, a rollup's probes).
          probes: sv.probes.map(maskText),
          tickets: {
            created: own.created,
            resolved: own.resolved,
            backlogAtEnd: own.backlogAtEnd,
            response: own.response,
            resolution: own.resolution,
          },
        };
      });
    const satisfaction = satisfactionSection(satisfactionInputs, r, bounds, ticketHorizons);
    // The drill-down looks tickets up by the ids as exported; the snapshot holds the published (masked) section.
    const recurringFigures = recurringSection(recurringTable, plan.id);
    const recurring = publishedRecurring(recurringFigures, maskText);
    const parts: HeadlineInput = { period: { id: plan.id }, services, tickets, satisfaction, recurring, targets: r.targets };
    const headline = headlineSection(parts, history[plan.kind]);
    const periodsUpTo = plans.filter((p) => p.kind === plan.kind && p.id <= plan.id).map((p) => p.id);
    const incidents = incidentsSection(
      { config, incidents: ingest.incidents, zone, horizons },
      { kind: plan.kind, bounds, periodsUpTo },
      services,
    );
    const sourceAgreement = sourceAgreementSection(ticketTable, createdTimes, bounds, r.priorities, ticketHorizons, notes);
    const snapshot: PeriodSnapshot = {
      schemaVersion: SNAPSHOT_SCHEMA_VERSION,
      tool: { name: 'service-review', version: meta.toolVersion },
      review: reviewNames(config.review, zone),
      period: {
        id: plan.id,
        kind: plan.kind,
        months: plan.months,
        startMs: bounds.startMs,
        endMs: bounds.endMs,
        previous: plan.previous,
        next: plan.next,
        complete: incomplete.length === 0 && plan.months.length === { month: 1, quarter: 3, year: 12 }[plan.kind],
        incompleteSources: incomplete,
      },
      configSha256: meta.configSha256,
      horizons,
      inputs,
      services,
      tickets: {
        ...tickets,
        // Categories are exported text; service keys are configured ids or made from masked names (ingest).
        byCategory: tickets.byCategory.map((c) => (c.key === null ? c : { ...c, key: maskText(c.key) })),
        levels: tickets.levels.map((lv) => ({ ...lv, sources: levels.find((l) => l.id === lv.levelId)?.sources?.slice() ?? null })),
        sourceAgreement,
        ...responseCoverage,
      },
      satisfaction,
      recurring,
      attention: attentionSection(headline, services, recurring),
      catalog: serviceCatalog(r, monitored, services, tickets, serviceTickets, satisfaction, unknownServices),
      headline,
      ...(plan.kind === 'month' ? {} : { months: monthsSection(plan.months, monthPoints) }),
      drillDown: drillDownSection(ticketTable, ticketOptions, recurringFigures, ticketOfId, drillDownShared, sharedIds),
      ...(incidents === null ? {} : { incidents }),
      rules: periodRules(configForPeriod(config, lastMonth), rules.maintenance, bounds),
      dataQuality: {
        rows: sum('rows'),
        accepted: sum('accepted'),
        rejected: sum('rejected'),
        duplicates: sum('duplicates'),
        truncated: sum('truncated'),
        files: files.map((f) => ({
          file: maskFileName(f.file),
          source: f.source,
          rows: f.rows,
          accepted: f.accepted,
          rejected: f.rejected,
          duplicates: f.duplicates,
          truncated: f.truncated,
          rejects: f.rejects,
          rejectsByReason: f.rejectsByReason,
        })),
        unknownServices: unknownServices.filter((u) => files.some((f) => f.source === u.source)),
      },
    };
    history[plan.kind].push(parts);
    if (plan.kind === 'month') monthPoints.set(plan.id, headline.trend[headline.trend.length - 1] as TrendPoint);
    built.push(snapshot);
  }
  // Changes last: a change is linked to outages after it, which may fall in months built after its period.
  const outages = outagesOfReview(built.filter((s) => s.period.kind === 'month'));
  const incidentIds = new Set(ingest.incidents.map((i) => i.id));
  const withChanges = built.map((s) => {
    const changes = changesSection({ config, changes: ingest.changes, outages, incidentIds }, s.period);
    if (changes === null) return s;
    const { rules, dataQuality, ...head } = s;
    return { ...head, changes, rules, dataQuality };
  });
  if (!meta.actions) return withChanges;
  const keys = new Set(recurringTable.grouping.groups.map((g) => g.key));
  const problems = unknownIssueProblems(meta.actions.actions, keys);
  if (problems.length > 0)
    throw new ReviewError(
      `${meta.actions.file}: ${problems.length} unknown recurring issue${problems.length === 1 ? '' : 's'}`,
      locatedLines(meta.actions, problems),
    );
  return withActions(withChanges, meta.actions, config);
}

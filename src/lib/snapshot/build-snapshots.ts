/**
 * Snapshots: one per review month holding every figure the site shows for it, plus the
 * provenance a reader needs to trust it (input hashes, row accounting, config hash, tool and
 * schema versions). No wall-clock time goes in, so the same inputs give the same bytes.
 */
import { configForPeriod } from '../config/config-for-period.ts';
import type { ReviewConfig } from '../config/config-schema.ts';
import type { MaintenanceWindow } from '../config/maintenance-windows.ts';
import type { FileAccount } from '../ingest/file-account.ts';
import type { IngestResult } from '../ingest/ingest-sources.ts';
import { type TicketPeriodMetrics, ticketCountsByService, ticketPeriodMetrics } from '../metrics/ticket-period-metrics.ts';
import { computeServiceRollups } from '../rollup/compute-service-rollups.ts';
import { periodDays } from '../time/period-days.ts';
import {
  type MonthId,
  monthBounds,
  monthOf,
  monthOfIn,
  monthsBetween,
  monthsOfQuarter,
  monthsOfYear,
  quarterOfMonth,
  yearOfMonth,
} from '../time/periods.ts';
import { type ServiceFigures, serviceFigures } from './compute-service-figures.ts';
import { type HeadlineSection, headlineSection } from './headline-section.ts';
import { groupAllTickets, type RecurringSection, recurringSection } from './recurring-section.ts';
import { type SatisfactionSection, satisfactionSection, ticketLookup } from './satisfaction-section.ts';

export const SNAPSHOT_SCHEMA_VERSION = 1;

/** An input file of the build: its hash, size and row accounting. */
export type InputProvenance = Pick<
  FileAccount,
  'file' | 'source' | 'kind' | 'sha256' | 'bytes' | 'rows' | 'accepted' | 'rejected' | 'duplicates' | 'firstMs' | 'lastMs'
>;

export interface PeriodSnapshot {
  schemaVersion: number;
  tool: { name: string; version: string };
  review: { name: string; organisation: string | null; timeZone: string };
  period: {
    /** YYYY-MM for a month, YYYY-Qn for a quarter. */
    id: string;
    kind: 'month' | 'quarter' | 'year';
    /** The review months the period covers (a quarter at the edge of the review range may have fewer than 3). */
    months: MonthId[];
    startMs: number;
    endMs: number;
    /** The period before and after, of the same kind, within the review range. */
    previous: string | null;
    next: string | null;
    /** False when the exports end before the period does: the figures are partial. */
    complete: boolean;
  };
  /** SHA-256 of the config file's bytes. */
  configSha256: string;
  /** Every input file read for the build, with its row accounting. */
  inputs: InputProvenance[];
  services: Array<ServiceFigures & { tickets: ServiceTicketFigures }>;
  tickets: TicketPeriodMetrics;
  satisfaction: SatisfactionSection;
  recurring: RecurringSection;
  /** Headline figures with changes against the previous period, and the 12-period trend. */
  headline: HeadlineSection;
  /** The rules in force for this period (targets, calendars, scales), for the method page. */
  rules: PeriodRules;
  dataQuality: {
    rows: number;
    accepted: number;
    rejected: number;
    duplicates: number;
    /** Files whose accepted rows touch this period (or that had no accepted row at all). */
    files: Array<Pick<FileAccount, 'file' | 'source' | 'rows' | 'accepted' | 'rejected' | 'duplicates' | 'rejects' | 'rejectsByReason'>>;
  };
}

export interface PeriodRules {
  services: Array<{
    id: string;
    name: string;
    owner: string;
    target: number;
    latencyThresholdMs: number;
    confirm: number | null;
    maxGap: string | null;
  }>;
  priorities: Array<{
    id: string;
    name: string;
    words: string[];
    response: string;
    resolution: string;
    clock: '24x7' | 'business';
    calendar: string | null;
  }>;
  calendars: Array<{
    id: string;
    timeZone: string;
    weeklyHours: Record<'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun', Array<[string, string]>>;
    holidays: string[];
    extraWorkingDays: string[];
    extraDayHoursFrom: string;
  }>;
  maintenance: Array<{ service: string; startMs: number; endMs: number; reason: string | null }>;
  surveys: { csat: { min: number; max: number; satisfiedAtLeast: number }; ces: { min: number; max: number } };
  lowSampleBelow: number;
  lowCoverageBelow: number;
}

/** The config parts that decide a period's figures, as plain data. */
export function periodRules(
  cfg: ReviewConfig,
  maintenance: readonly MaintenanceWindow[],
  bounds: { startMs: number; endMs: number },
): PeriodRules {
  return {
    services: cfg.services.map((s) => ({
      id: s.id,
      name: s.name,
      owner: s.owner,
      target: s.target,
      latencyThresholdMs: s.latencyThresholdMs,
      confirm: s.confirm ?? null,
      maxGap: s.maxGap ?? null,
    })),
    priorities: cfg.priorities.map((p) => ({
      id: p.id,
      name: p.name,
      words: p.words,
      response: p.response,
      resolution: p.resolution,
      clock: p.clock,
      calendar: p.calendar ?? null,
    })),
    calendars: cfg.calendars.map((c) => ({
      id: c.id,
      timeZone: c.timeZone,
      weeklyHours: c.weeklyHours,
      holidays: c.holidays,
      extraWorkingDays: c.extraWorkingDays,
      extraDayHoursFrom: c.extraDayHoursFrom,
    })),
    maintenance: maintenance
      .filter((m) => m.endMs > bounds.startMs && m.startMs < bounds.endMs)
      .map((m) => ({ service: m.service, startMs: m.startMs, endMs: m.endMs, reason: m.reason })),
    surveys: cfg.surveys,
    lowSampleBelow: cfg.review.lowSampleBelow,
    lowCoverageBelow: cfg.review.lowCoverageBelow,
  };
}

/** Tickets naming one service: counts and SLA attainment (all priorities, each in its own clock). */
export interface ServiceTicketFigures {
  created: number;
  resolved: number;
  backlogAtEnd: number;
  response: TicketPeriodMetrics['overall']['response'];
  resolution: TicketPeriodMetrics['overall']['resolution'];
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

interface PeriodPlan {
  id: string;
  kind: 'month' | 'quarter' | 'year';
  /** Months inside the review range that make up the period. */
  months: MonthId[];
  bounds: { startMs: number; endMs: number };
  previous: string | null;
  next: string | null;
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
  const grouping = groupAllTickets(ingest.tickets);
  const monthInZone = monthOfIn(zone);
  const ticketsById = new Map(ingest.tickets.map((t) => [t.id, t]));

  // Day rollups per month, computed once: months use them directly, quarters concatenate them.
  const monthRollups = new Map(
    months.map((id) => [id, computeServiceRollups(configForPeriod(config, id), ingest.checks, periodDays(id, zone), maintenance)] as const),
  );

  const quarters = [...new Set(months.map(quarterOfMonth))];
  const years = [...new Set(months.map(yearOfMonth))];
  const aggregate = (kind: 'quarter' | 'year', ids: string[], monthsOf: (id: string) => MonthId[]) =>
    ids.map((id, i) => {
      const inRange = monthsOf(id).filter((m) => monthRollups.has(m));
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
  const history = { month: [] as PeriodSnapshot[], quarter: [] as PeriodSnapshot[], year: [] as PeriodSnapshot[] };
  const previousTickets: Record<'month' | 'quarter' | 'year', TicketPeriodMetrics | null> = { month: null, quarter: null, year: null };
  for (const plan of plans) {
    // Each period is computed with the rules in force in its (last) month: date-effective config.
    const lastMonth = plan.months[plan.months.length - 1] as MonthId;
    const cfg = configForPeriod(config, lastMonth);
    const { bounds } = plan;
    const rollups = new Map(cfg.services.map((s) => [s.id, plan.months.flatMap((m) => monthRollups.get(m)?.get(s.id) ?? [])] as const));
    const files = ingest.files.filter(
      (f) => f.firstMs === null || ((f.firstMs as number) < bounds.endMs && (f.lastMs as number) >= bounds.startMs),
    );
    const sum = (k: 'rows' | 'accepted' | 'rejected' | 'duplicates') => files.reduce((a, f) => a + f[k], 0);
    const tickets = ticketPeriodMetrics(ingest.tickets, {
      levels: cfg.priorities,
      calendars: cfg.calendars,
      bounds,
      previous: previousTickets[plan.kind],
      responseRecorded,
    });
    previousTickets[plan.kind] = tickets;
    // Each service's own tickets, judged with the same rules, for its page: one pass for all services.
    const serviceTickets = ticketCountsByService(ingest.tickets, {
      levels: cfg.priorities,
      calendars: cfg.calendars,
      bounds,
      responseRecorded,
    });
    const noTickets = () => ({
      created: 0,
      resolved: 0,
      backlogAtEnd: 0,
      response: responseRecorded ? { attainment: null, met: 0, breached: 0, pending: 0 } : null,
      resolution: { attainment: null, met: 0, breached: 0, pending: 0 },
    });
    const services = serviceFigures(cfg, rollups, ingest.checks, bounds, maintenance).map((sv) => {
      const own = serviceTickets.get(sv.id) ?? noTickets();
      return {
        ...sv,
        tickets: {
          created: own.created,
          resolved: own.resolved,
          backlogAtEnd: own.backlogAtEnd,
          response: own.response,
          resolution: own.resolution,
        },
      };
    });
    const satisfaction = satisfactionSection(cfg, ingest.surveys, ticketLookup(cfg, ticketsById, ingest.surveys, bounds), bounds);
    const recurring = recurringSection(grouping, ingest.tickets, plan.id, monthInZone);
    const headline = headlineSection({ period: { id: plan.id }, services, tickets, satisfaction, recurring }, history[plan.kind]);
    const snapshot: PeriodSnapshot = {
      schemaVersion: SNAPSHOT_SCHEMA_VERSION,
      tool: { name: 'service-review', version: meta.toolVersion },
      review: { name: config.review.name, organisation: config.review.organisation ?? null, timeZone: zone },
      period: {
        id: plan.id,
        kind: plan.kind,
        months: plan.months,
        startMs: bounds.startMs,
        endMs: bounds.endMs,
        previous: plan.previous,
        next: plan.next,
        complete: latestDataMs >= bounds.endMs - 86_400_000 && plan.months.length === { month: 1, quarter: 3, year: 12 }[plan.kind],
      },
      configSha256: meta.configSha256,
      inputs,
      services,
      tickets,
      satisfaction,
      recurring,
      headline,
      rules: periodRules(cfg, maintenance, bounds),
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
    history[plan.kind].push(snapshot);
    built.push(snapshot);
  }
  return built;
}

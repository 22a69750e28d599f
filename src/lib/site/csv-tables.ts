/**
 * Over 400 lines on purpose: one column list per download (28 of them), each short and on its own.
 *
 * The CSV download of every table the site shows. A CSV carries the snapshot's own values (ratios
 * as ratios, durations in ms or s as the snapshot stores them, instants as ISO 8601 UTC with the
 * review zone's wall time beside them), never the page's display text, so a spreadsheet can sum
 * and chart them; column names say the unit. Rows are in the order the page's table lists them.
 * Nothing is computed here beyond picking and flattening fields.
 */
import type { CsvTable, CsvValue } from '../format/csv.ts';
import type { SatisfactionFigures } from '../metrics/satisfaction-period-metrics.ts';
import type { SlaTargetFigures, TicketFigures } from '../metrics/ticket-period-metrics.ts';
import type { PeriodSnapshot } from '../snapshot/build-snapshots.ts';
import type { FigureChange } from '../snapshot/diff-snapshots.ts';
import type { PeriodStatus } from '../snapshot/period-status.ts';
import { priorityName, serviceName } from './display-names.ts';
import { formatInstantCached } from './format-cached.ts';
import type { SitePeriod } from './load-snapshots.ts';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

const sla = (x: SlaTargetFigures | null): CsvValue[] =>
  x === null ? [null, null, null, null] : [x.attainment, x.met, x.breached, x.pending];
const slaHeader = (prefix: string) => [`${prefix}_attainment`, `${prefix}_met`, `${prefix}_breached`, `${prefix}_pending`];

function ticketCells(f: TicketFigures): CsvValue[] {
  return [
    ...sla(f.response),
    ...sla(f.resolution),
    f.created,
    f.resolved,
    f.backlogAtStart,
    f.backlogAtEnd,
    f.openBreachedAtEnd,
    f.timeToFirstResponse?.medianSeconds ?? null,
    f.timeToFirstResponse?.p90Seconds ?? null,
    f.timeToResolution.medianSeconds,
    f.timeToResolution.p90Seconds,
    f.reopen.rate,
    f.reopen.reopened,
    f.reopen.known,
  ];
}

function satisfactionCells(f: SatisfactionFigures): CsvValue[] {
  return [
    f.responses,
    f.csat.share,
    f.csat.interval?.lower ?? null,
    f.csat.interval?.upper ?? null,
    f.csat.n,
    f.csat.satisfied,
    f.csat.lowSample,
    f.nps.score,
    f.nps.marginOfError,
    f.nps.n,
    f.nps.promoters,
    f.nps.passives,
    f.nps.detractors,
    f.ces.mean,
    f.ces.n,
  ];
}

const changeValue = (v: unknown): CsvValue =>
  v === null || v === undefined || typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' ? v : JSON.stringify(v);

/** Headline figures per period (the trend, or a quarter's months), one row each. */
function pointsTable(s: PeriodSnapshot, points: PeriodSnapshot['headline']['trend']): CsvTable {
  return {
    header: [
      'period',
      ...s.services.map((x) => `availability_${x.id}`),
      'response_attainment',
      'resolution_attainment',
      'csat',
      'nps',
      'tickets_created',
    ],
    rows: points.map((p) => [
      p.period,
      ...s.services.map((x) => p.availability[x.id] ?? null),
      p.responseAttainment,
      p.resolutionAttainment,
      p.csat,
      p.nps,
      p.ticketsCreated,
    ]),
  };
}

/** Tables of one period's snapshot: /reviews/<period>/<id>.csv (and /reviews/<period>/r<n>/<id>.csv). */
export const PERIOD_TABLES = {
  services: {
    title: 'Availability per service',
    build: (s: PeriodSnapshot): CsvTable => {
      const change = new Map(s.headline.services.map((h) => [h.id, h.availability.change]));
      return {
        header: [
          'period',
          'service_id',
          'service',
          'owner',
          'availability',
          'target',
          'verdict',
          'availability_change',
          'eligible_ms',
          'up_ms',
          'down_ms',
          'degraded_ms',
          'no_data_ms',
          'maintenance_ms',
          'coverage',
          'low_coverage',
          'outages',
          'latency_n',
          'latency_p50_ms',
          'latency_p95_ms',
          'latency_p99_ms',
          'latency_threshold_ms',
          'latency_slo_share',
        ],
        rows: s.services.map((x) => [
          s.period.id,
          x.id,
          x.name,
          x.owner,
          x.availability,
          x.target,
          x.verdict,
          change.get(x.id) ?? null,
          x.eligibleMs,
          x.upMs,
          x.downMs,
          x.degradedMs,
          x.noDataMs,
          x.maintenanceMs,
          x.coverage,
          x.lowCoverage,
          x.outages.count,
          x.latency.n,
          x.latency.p50Ms,
          x.latency.p95Ms,
          x.latency.p99Ms,
          x.latency.thresholdMs,
          x.latency.sloShare,
        ]),
      };
    },
  },
  tickets: {
    title: 'Ticket SLA attainment by priority',
    build: (s: PeriodSnapshot): CsvTable => ({
      header: [
        'period',
        'priority_id',
        'priority',
        'clock',
        'calendar',
        'response_target_s',
        'resolution_target_s',
        ...slaHeader('response'),
        ...slaHeader('resolution'),
        'created',
        'resolved',
        'backlog_at_start',
        'backlog_at_end',
        'open_breached_at_end',
        'first_response_median_s',
        'first_response_p90_s',
        'resolution_median_s',
        'resolution_p90_s',
        'reopen_rate',
        'reopened',
        'reopen_known',
      ],
      rows: [
        ...s.tickets.levels.map((l) => [
          s.period.id,
          l.levelId,
          l.name,
          l.clock,
          l.calendarId,
          l.responseTargetSeconds,
          l.resolutionTargetSeconds,
          ...ticketCells(l),
        ]),
        [s.period.id, 'all', 'All priorities', 'elapsed', null, null, null, ...ticketCells(s.tickets.overall)],
      ],
    }),
  },
  recurring: {
    title: 'Recurring issues',
    build: (s: PeriodSnapshot): CsvTable => ({
      header: [
        'period',
        'rank',
        'issue',
        'category',
        'tickets',
        'previous_tickets',
        'change',
        'share',
        'resolved',
        'resolution_median_s',
        'resolution_total_s',
        'unresolved_at_end',
        'services',
        'periods_seen_in_window',
        'window_periods',
        'recurring',
        'ticket_ids',
      ],
      rows: s.recurring.groups.map((g, i) => [
        s.period.id,
        i + 1,
        g.name,
        g.category,
        g.ticketCount,
        g.previousTicketCount,
        g.change,
        g.share,
        g.resolution.n,
        g.resolution.medianSeconds,
        g.resolution.totalSeconds,
        g.unresolvedAtPeriodEnd,
        g.services.join(' '),
        g.periodsSeenInWindow,
        s.recurring.window.length,
        g.recurring,
        g.ticketIds.join(' '),
      ]),
    }),
  },
  satisfaction: {
    title: 'Satisfaction',
    build: (s: PeriodSnapshot): CsvTable => {
      const sat = s.satisfaction;
      const names = new Map(s.tickets.levels.map((l) => [l.levelId, l.name]));
      const rows: Array<[string, string, SatisfactionFigures]> = [
        ['all', 'All responses', sat.overall],
        ['resolution_sla', 'met', sat.byResolutionOutcome.met],
        ['resolution_sla', 'breached', sat.byResolutionOutcome.breached],
        ...sat.byPriority.map((p): [string, string, SatisfactionFigures] => ['priority', names.get(p.priority) ?? p.priority, p]),
        ...sat.byService.map((p): [string, string, SatisfactionFigures] => ['service', p.service ?? '(none)', p]),
      ];
      return {
        header: [
          'period',
          'group',
          'value',
          'responses',
          'csat',
          'csat_interval_lower',
          'csat_interval_upper',
          'csat_n',
          'csat_satisfied',
          'low_sample',
          'nps',
          'nps_margin_of_error',
          'nps_n',
          'promoters',
          'passives',
          'detractors',
          'ces_mean',
          'ces_n',
        ],
        rows: rows.map(([group, value, f]) => [s.period.id, group, value, ...satisfactionCells(f)]),
      };
    },
  },
  comments: {
    title: 'Survey comments (masked)',
    build: (s: PeriodSnapshot): CsvTable => ({
      header: ['period', 'submitted_utc', 'submitted_local', 'service', 'ticket_id', 'csat', 'nps', 'comment'],
      rows: s.satisfaction.comments.map((c) => [
        s.period.id,
        iso(c.timeMs),
        formatInstantCached(c.timeMs, s.review.timeZone),
        c.service,
        c.ticketId,
        c.csat,
        c.nps,
        c.text,
      ]),
    }),
  },
  'breached-tickets': {
    title: 'Tickets that missed a target',
    build: (s: PeriodSnapshot): CsvTable => {
      const zone = s.review.timeZone;
      const local = (ms: number | null) => (ms === null ? null : formatInstantCached(ms, zone));
      return {
        header: [
          'period',
          'ticket_id',
          'source',
          'title',
          'priority_id',
          'priority',
          'service_id',
          'service',
          'target',
          'created_utc',
          'created_local',
          'deadline_utc',
          'deadline_local',
          'late_event_utc',
          'late_event_local',
          'outcome',
        ],
        rows: (s.drillDown?.breached ?? []).map((b) => [
          s.period.id,
          b.id,
          b.source,
          b.title,
          b.priority,
          priorityName(s, b.priority),
          b.service,
          b.service === null ? null : serviceName(s, b.service),
          b.target,
          iso(b.createdMs),
          local(b.createdMs),
          iso(b.deadlineMs),
          local(b.deadlineMs),
          iso(b.lateEventMs),
          local(b.lateEventMs),
          b.lateEventMs === null ? 'open' : 'late',
        ]),
      };
    },
  },
  'recurring-tickets': {
    title: 'Tickets of the recurring issues',
    build: (s: PeriodSnapshot): CsvTable => ({
      header: ['period', 'rank', 'issue', 'ticket_id', 'source', 'title', 'priority_id', 'service_id', 'created_utc', 'resolved_utc'],
      rows: (s.drillDown?.recurring ?? []).flatMap((g, i) =>
        g.tickets.map((t) => [
          s.period.id,
          i + 1,
          s.recurring.groups[i]?.name ?? null,
          t.id,
          t.source,
          t.title,
          t.priority,
          t.service,
          iso(t.createdMs),
          iso(t.resolvedMs),
        ]),
      ),
    }),
  },
  'error-budgets': {
    title: 'Error budgets',
    build: (s: PeriodSnapshot): CsvTable => ({
      header: [
        'period',
        'service_id',
        'service',
        'target',
        'eligible_ms',
        'allowed_down_ms',
        'down_ms',
        'budget_used',
        'budget_left',
        'outages',
        'longest_ms',
        'mttr_ms',
      ],
      rows: s.services.map((x) => [
        s.period.id,
        x.id,
        x.name,
        x.target,
        x.eligibleMs,
        x.errorBudget.allowedDownMs,
        x.downMs,
        x.errorBudget.used,
        x.errorBudget.left,
        x.outages.count,
        x.outages.longestMs,
        x.outages.mttrMs,
      ]),
    }),
  },
  outages: {
    title: 'Outages',
    build: (s: PeriodSnapshot): CsvTable => outagesTable(s, s.services),
  },
  'change-records': {
    title: 'Changes',
    // Header only for a review without changes, so the download exists for every period alike.
    build: (s: PeriodSnapshot): CsvTable => {
      const c = s.changes;
      const outage = (k: number) => c?.outages[k];
      return {
        header: [
          'period',
          'change_id',
          'service_id',
          'service',
          'title',
          'type',
          'outcome',
          'planned_start_utc',
          'planned_end_utc',
          'actual_start_utc',
          'actual_end_utc',
          'caused_incident',
          'caused_incident_id',
          'possible_cause',
          'outage_starts_utc',
          'outage_ends_utc',
        ],
        rows: (c?.list ?? []).map((x) => [
          s.period.id,
          x.id,
          x.service,
          x.service === null ? null : serviceName(s, x.service),
          x.title,
          x.type,
          x.outcome,
          iso(x.plannedStartMs),
          iso(x.plannedEndMs),
          iso(x.actualStartMs),
          iso(x.actualEndMs),
          x.causedIncident,
          x.causedIncidentId,
          x.outages.length > 0,
          x.outages.map((k) => iso(outage(k)?.startMs ?? null)).join(' '),
          x.outages.map((k) => iso(outage(k)?.endMs ?? null)).join(' '),
        ]),
      };
    },
  },
  trend: {
    title: 'Trend, last 12 periods',
    build: (s: PeriodSnapshot): CsvTable => pointsTable(s, s.headline.trend),
  },
  months: {
    title: 'Month by month',
    // A month's own row; a quarter's or year's months.
    build: (s: PeriodSnapshot): CsvTable => pointsTable(s, s.months ?? s.headline.trend.slice(-1)),
  },
  files: {
    title: 'Input files and row accounting',
    build: (s: PeriodSnapshot): CsvTable => ({
      header: ['period', 'file', 'source', 'rows', 'accepted', 'rejected', 'duplicates'],
      rows: s.dataQuality.files.map((f) => [s.period.id, f.file, f.source, f.rows, f.accepted, f.rejected, f.duplicates]),
    }),
  },
  'rejects-by-reason': {
    title: 'Rejected rows by reason',
    build: (s: PeriodSnapshot): CsvTable => ({
      header: ['period', 'file', 'reason', 'rows'],
      rows: s.dataQuality.files.flatMap((f) => Object.entries(f.rejectsByReason).map(([reason, n]) => [s.period.id, f.file, reason, n])),
    }),
  },
  rejects: {
    title: 'Rejected rows',
    build: (s: PeriodSnapshot): CsvTable => ({
      header: ['period', 'file', 'line', 'column', 'field', 'value', 'reason'],
      rows: s.dataQuality.files.flatMap((f) => f.rejects.map((r) => [s.period.id, f.file, r.line, r.column, r.field, r.value, r.reason])),
    }),
  },
} as const;

export type PeriodTableId = keyof typeof PERIOD_TABLES;
export const PERIOD_TABLE_IDS = Object.keys(PERIOD_TABLES) as PeriodTableId[];

function outagesTable(s: PeriodSnapshot, services: PeriodSnapshot['services']): CsvTable {
  const zone = s.review.timeZone;
  return {
    header: ['period', 'service_id', 'service', 'start_utc', 'end_utc', 'start_local', 'end_local', 'duration_ms'],
    rows: services.flatMap((x) =>
      x.outages.list.map(([a, b]) => [
        s.period.id,
        x.id,
        x.name,
        iso(a),
        iso(b),
        formatInstantCached(a, zone),
        formatInstantCached(b, zone),
        b - a,
      ]),
    ),
  };
}

/** Figures changed by a revision: /reviews/<period>/r<n>/changes.csv. */
export function changesTable(period: string, revision: number, changes: readonly FigureChange[]): CsvTable {
  return {
    header: ['period', 'revision', 'figure', 'before', 'now'],
    rows: changes.map((c) => [period, revision, c.path, changeValue(c.old), changeValue(c.new)]),
  };
}

/** The revision history of a period: /reviews/<period>/revisions.csv. */
export function revisionsTable(status: PeriodStatus): CsvTable {
  return {
    header: ['period', 'revision', 'published_utc', 'published_by', 'message', 'reason', 'figures_changed'],
    rows: status.revisions.map((r) => [status.id, r.revision, r.publishedAt, r.publishedBy, r.message, r.reason, r.changeCount]),
  };
}

/** Tables of one service in one period: /reviews/<period>/services/<service>/<id>.csv. */
export const SERVICE_TABLES = {
  daily: {
    title: 'Availability and latency per day',
    build: (s: PeriodSnapshot, serviceId: string): CsvTable => {
      const x = serviceOf(s, serviceId);
      return {
        header: [
          'service_id',
          'date',
          'availability',
          'target',
          'day_ms',
          'up_ms',
          'degraded_ms',
          'down_ms',
          'no_data_ms',
          'maintenance_ms',
          'checks',
          'latency_p50_ms',
          'latency_p95_ms',
          'latency_p99_ms',
        ],
        rows: x.daily.map((d) => [
          x.id,
          d.date,
          d.availability,
          x.target,
          d.dayMs,
          d.upMs,
          d.degradedMs,
          d.downMs,
          d.noDataMs,
          d.maintenanceMs,
          d.checks,
          d.p50Ms,
          d.p95Ms,
          d.p99Ms,
        ]),
      };
    },
  },
  outages: {
    title: 'Outages',
    build: (s: PeriodSnapshot, serviceId: string): CsvTable => outagesTable(s, [serviceOf(s, serviceId)]),
  },
  maintenance: {
    title: 'Planned maintenance',
    build: (s: PeriodSnapshot, serviceId: string): CsvTable => {
      const x = serviceOf(s, serviceId);
      const zone = s.review.timeZone;
      return {
        header: ['service_id', 'start_utc', 'end_utc', 'start_local', 'end_local', 'duration_ms', 'reason'],
        rows: x.maintenance.map((m) => [
          x.id,
          iso(m.startMs),
          iso(m.endMs),
          formatInstantCached(m.startMs, zone),
          formatInstantCached(m.endMs, zone),
          m.endMs - m.startMs,
          m.reason,
        ]),
      };
    },
  },
} as const;

export type ServiceTableId = keyof typeof SERVICE_TABLES;
export const SERVICE_TABLE_IDS = Object.keys(SERVICE_TABLES) as ServiceTableId[];

function serviceOf(s: PeriodSnapshot, id: string) {
  const x = s.services.find((v) => v.id === id);
  if (!x) throw new Error(`no service ${id} in ${s.period.id}`);
  return x;
}

/** The archive: /reviews/periods.csv. */
export function periodsTable(periods: readonly SitePeriod[]): CsvTable {
  return {
    header: ['period', 'status', 'complete', 'shown_revision', 'services', 'services_meeting_target', 'revisions'],
    rows: periods.map((p) => [
      p.id,
      p.status.status,
      p.shown.period.complete,
      p.shownRevision,
      p.shown.services.length,
      p.shown.headline.services.filter((s) => s.verdict === 'met' || s.verdict === 'at-risk').length,
      p.status.revisions.map((r) => `r${r.revision}`).join(' '),
    ]),
  };
}

/** Method page tables, from the rules in force for a period: /method/<id>.csv. */
export const METHOD_TABLES = {
  services: {
    title: 'Services and targets',
    build: (s: PeriodSnapshot, _all: readonly SitePeriod[]): CsvTable => ({
      header: ['period', 'service_id', 'service', 'owner', 'target', 'latency_threshold_ms', 'confirm', 'max_gap'],
      rows: s.rules.services.map((x) => [s.period.id, x.id, x.name, x.owner, x.target, x.latencyThresholdMs, x.confirm, x.maxGap]),
    }),
  },
  targets: {
    title: 'Availability targets by period',
    build: (s: PeriodSnapshot, all: readonly SitePeriod[]): CsvTable => ({
      header: ['service_id', 'service', ...all.map((p) => p.id)],
      rows: s.rules.services.map((x) => [
        x.id,
        x.name,
        ...all.map((p) => p.shown.rules.services.find((v) => v.id === x.id)?.target ?? null),
      ]),
    }),
  },
  priorities: {
    title: 'Priority levels',
    build: (s: PeriodSnapshot, _all: readonly SitePeriod[]): CsvTable => ({
      header: ['period', 'priority_id', 'priority', 'source_words', 'response', 'resolution', 'clock', 'calendar'],
      rows: s.rules.priorities.map((p) => [s.period.id, p.id, p.name, p.words.join(' | '), p.response, p.resolution, p.clock, p.calendar]),
    }),
  },
  calendars: {
    title: 'Business calendars',
    build: (s: PeriodSnapshot, _all: readonly SitePeriod[]): CsvTable => {
      const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
      return {
        header: ['period', 'calendar', 'time_zone', ...days, 'holidays', 'extra_working_days', 'extra_day_hours_from'],
        rows: s.rules.calendars.map((c) => [
          s.period.id,
          c.id,
          c.timeZone,
          ...days.map((d) => c.weeklyHours[d].map(([a, b]) => `${a}-${b}`).join(' ')),
          c.holidays.join(' '),
          c.extraWorkingDays.join(' '),
          c.extraDayHoursFrom,
        ]),
      };
    },
  },
  maintenance: {
    title: 'Planned maintenance',
    build: (s: PeriodSnapshot, _all: readonly SitePeriod[]): CsvTable => ({
      header: ['period', 'service', 'start_utc', 'end_utc', 'start_local', 'end_local', 'reason'],
      rows: s.rules.maintenance.map((m) => [
        s.period.id,
        m.service,
        iso(m.startMs),
        iso(m.endMs),
        formatInstantCached(m.startMs, s.review.timeZone),
        formatInstantCached(m.endMs, s.review.timeZone),
        m.reason,
      ]),
    }),
  },
} as const;

export type MethodTableId = keyof typeof METHOD_TABLES;
export const METHOD_TABLE_IDS = Object.keys(METHOD_TABLES) as MethodTableId[];

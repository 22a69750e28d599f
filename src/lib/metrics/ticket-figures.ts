/**
 * The ticket figures of a period as the snapshot stores them (plain JSON), and the counters a
 * period's tickets are added into before they become those figures. Shared by the ticket table
 * (ticket-table.ts), which keeps computed periods, and the period metrics (ticket-period-metrics.ts).
 */
import type { PriorityRule } from '../model/rules.ts';
import type { PeriodBounds } from '../time/periods.ts';
import { selectKth } from '../util/select-kth.ts';
import type { SlaClock } from './business-time.ts';

/** Counts of one SLA target (response or resolution) in a period, with the ratio. */
export interface SlaTargetFigures {
  /** met / (met + breached), in [0, 1]; null when both are 0. */
  attainment: number | null;
  /** Tickets whose target was met, known inside the period. */
  met: number;
  /** Tickets whose target was breached, known inside the period (at their deadline). */
  breached: number;
  /** Tickets created before the period end whose outcome is not known by the end (not in the ratio). */
  pending: number;
}

/** Median and 90th percentile of a duration, with the population size. */
export interface DurationFigures {
  /** Tickets whose event happened in the period. */
  n: number;
  /** The middle value, or the mean of the two middle values (so it may end in .5); null when n = 0. */
  medianSeconds: number | null;
  /** Nearest rank: the smallest value with at least 90 % of the population at or below it; null when n = 0. */
  p90Seconds: number | null;
}

/** Reopen rate among tickets resolved in the period whose export says whether they were reopened. */
export interface ReopenFigures {
  /** reopened / known, in [0, 1]; null when known = 0 (e.g. the export has no reopen data). */
  rate: number | null;
  /** Tickets resolved in the period and reopened at least once. */
  reopened: number;
  /** Tickets resolved in the period with a known reopened flag. */
  known: number;
}

/** Change against the previous period: this period's value minus the previous one's. */
export interface TicketFiguresChange {
  created: number;
  resolved: number;
  backlogAtEnd: number;
  /** Difference of attainments; null when either is null (or response is not measured). */
  responseAttainment: number | null;
  /** Difference of attainments; null when either is null. */
  resolutionAttainment: number | null;
}

/** Ticket figures of one priority level, or of all levels together. */
export interface TicketFigures {
  /** Tickets created in the period. */
  created: number;
  /** Tickets resolved in the period (whenever created). */
  resolved: number;
  /** Tickets created before the period start and not resolved before it. */
  backlogAtStart: number;
  /** Tickets created before the period end and not resolved before it. */
  backlogAtEnd: number;
  /** Tickets in the backlog at the end whose resolution deadline passed before the end. */
  openBreachedAtEnd: number;
  /** First-response attainment, over the tickets of the sources that record first responses; null when none does (option `responseRecorded`). */
  response: SlaTargetFigures | null;
  /** Resolution attainment. */
  resolution: SlaTargetFigures;
  /** Reopen rate. */
  reopen: ReopenFigures;
  /** Created → first response, over tickets first responded to in the period (of sources that record them); null when none does. */
  timeToFirstResponse: DurationFigures | null;
  /** Created → resolved, over tickets resolved in the period. */
  timeToResolution: DurationFigures;
  /** Against the previous period's figures; null when none were given (or the level is new). */
  change: TicketFiguresChange | null;
}

/** Ticket figures of one priority level, with the targets they were judged against. */
export interface LevelTicketFigures extends TicketFigures {
  /** Configured level id. */
  levelId: string;
  /** Display name of the level. */
  name: string;
  /** The clock targets and times of this level are measured on. */
  clock: '24x7' | 'business';
  /** Business calendar id, null for 24×7. */
  calendarId: string | null;
  /** First-response target, seconds on the level's clock. */
  responseTargetSeconds: number;
  /** Resolution target, seconds on the level's clock. */
  resolutionTargetSeconds: number;
}

/** Created and resolved counts for one category or service. */
export interface TicketCountsByKey {
  /** Category or service id; null for tickets that name none. */
  key: string | null;
  /** Tickets created in the period. */
  created: number;
  /** Tickets resolved in the period. */
  resolved: number;
}

/** Ticket figures of one period, as stored in the snapshot. */
export interface TicketPeriodMetrics {
  /** First instant of the period, epoch ms. */
  startMs: number;
  /** First instant after the period, epoch ms; every figure is as of this instant. */
  endMs: number;
  /** All levels together: attainment counts summed over levels (each judged on its own clock); times in elapsed 24×7 seconds. */
  overall: TicketFigures;
  /** Per priority level, in configuration order; times on each level's clock. */
  levels: LevelTicketFigures[];
  /** Per category with a created or resolved ticket in the period; by key, null last. */
  byCategory: TicketCountsByKey[];
  /** Per service with a created or resolved ticket in the period; by key, null last. */
  byService: TicketCountsByKey[];
  /** Input tickets whose priority is no configured level; left out of every other figure. */
  unknownPriority: number;
}

/** Which ticket sources record first responses: their ids, or true for every source, false for none. */
export type ResponseRecorded = boolean | ReadonlySet<string>;

/** Options of {@link ticketPeriodMetrics}. */
export interface TicketPeriodOptions {
  /** Priority levels with their targets and clocks, in the order the result lists them. */
  levels: readonly PriorityRule[];
  /** The period, `[startMs, endMs)`. */
  bounds: PeriodBounds;
  /** The previous period's figures, for the `change` fields. */
  previous?: TicketPeriodMetrics | null;
  /**
   * Which tickets have a first response on record, by source: the ids of the ticket sources whose
   * exports have a first-response column, true for every source (the default), false for none. A
   * ticket of another source is judged on resolution only: it is in no response figure (not met,
   * breached or pending, not in the time to first response), where read as unanswered it would be
   * breached at every deadline. Response figures are null when no source records responses (false,
   * or an empty set). The rule is `responseJudged` (ticket-table.ts).
   */
  responseRecorded?: ResponseRecorded;
  /**
   * Each source's data horizon (source id → epoch ms): its tickets are judged as of the earlier
   * of the period's end and the horizon, so a ticket with no outcome by then is open at export,
   * neither met nor breached later. Sources not named have no horizon.
   */
  horizons?: ReadonlyMap<string, number>;
}

export interface Acc {
  created: number;
  resolved: number;
  backlogAtStart: number;
  backlogAtEnd: number;
  openBreachedAtEnd: number;
  response: { met: number; breached: number; pending: number };
  resolution: { met: number; breached: number; pending: number };
  reopened: number;
  reopenKnown: number;
  responseSeconds: number[];
  resolutionSeconds: number[];
}

export function newAcc(): Acc {
  return {
    created: 0,
    resolved: 0,
    backlogAtStart: 0,
    backlogAtEnd: 0,
    openBreachedAtEnd: 0,
    response: { met: 0, breached: 0, pending: 0 },
    resolution: { met: 0, breached: 0, pending: 0 },
    reopened: 0,
    reopenKnown: 0,
    responseSeconds: [],
    resolutionSeconds: [],
  };
}

function ratio(num: number, den: number): number | null {
  return den === 0 ? null : num / den;
}

function durationFigures(values: number[]): DurationFigures {
  const n = values.length;
  if (n === 0) return { n: 0, medianSeconds: null, p90Seconds: null };
  const a = Float64Array.from(values);
  const mid = n >> 1;
  // Nearest rank ceil(0.9 n), in integers so that 0.9 × 70 does not become 63.000…01.
  const p90 = Math.ceil((90 * n) / 100) - 1;
  // The order statistics of a full sort, found by selection: a[mid], then the largest value
  // before it (a[mid − 1] of the sorted array), then a[p90] (p90 ≥ mid) among the values after it.
  selectKth(a, mid, 0, n);
  let below = Number.NEGATIVE_INFINITY;
  if (n % 2 === 0) for (let i = 0; i < mid; i++) if ((a[i] as number) > below) below = a[i] as number;
  const medianSeconds = n % 2 === 1 ? (a[mid] as number) : (below + (a[mid] as number)) / 2;
  if (p90 > mid) selectKth(a, p90, mid + 1, n);
  const p90Seconds = a[p90] as number;
  return { n, medianSeconds, p90Seconds };
}

function targetFigures(c: { met: number; breached: number; pending: number }): SlaTargetFigures {
  return { attainment: ratio(c.met, c.met + c.breached), met: c.met, breached: c.breached, pending: c.pending };
}

function diff(a: number | null | undefined, b: number | null | undefined): number | null {
  return a === null || a === undefined || b === null || b === undefined ? null : a - b;
}

/** The figures of counters; response figures null unless `responseShown` (some source records first responses). */
export function figures(acc: Acc, responseShown: boolean, previous: TicketFigures | null): TicketFigures {
  const response = responseShown ? targetFigures(acc.response) : null;
  const resolution = targetFigures(acc.resolution);
  return {
    created: acc.created,
    resolved: acc.resolved,
    backlogAtStart: acc.backlogAtStart,
    backlogAtEnd: acc.backlogAtEnd,
    openBreachedAtEnd: acc.openBreachedAtEnd,
    response,
    resolution,
    reopen: { rate: ratio(acc.reopened, acc.reopenKnown), reopened: acc.reopened, known: acc.reopenKnown },
    timeToFirstResponse: responseShown ? durationFigures(acc.responseSeconds) : null,
    timeToResolution: durationFigures(acc.resolutionSeconds),
    change: previous
      ? {
          created: acc.created - previous.created,
          resolved: acc.resolved - previous.resolved,
          backlogAtEnd: acc.backlogAtEnd - previous.backlogAtEnd,
          responseAttainment: diff(response?.attainment, previous.response?.attainment),
          resolutionAttainment: diff(resolution.attainment, previous.resolution.attainment),
        }
      : null,
  };
}

/** Created and resolved counts per key (category or service), from counters indexed like `keys`; keys with neither left out. */
export function countsByKey(keys: readonly (string | null)[], created: Int32Array, resolved: Int32Array): TicketCountsByKey[] {
  const out: TicketCountsByKey[] = [];
  keys.forEach((key, k) => {
    if ((created[k] as number) > 0 || (resolved[k] as number) > 0)
      out.push({ key, created: created[k] as number, resolved: resolved[k] as number });
  });
  return out.sort((a, b) => (a.key === b.key ? 0 : a.key === null ? 1 : b.key === null ? -1 : a.key < b.key ? -1 : 1));
}

export interface LevelState {
  level: PriorityRule;
  clock: SlaClock;
  acc: Acc;
}

/**
 * Everything both public functions report about one period `[startMs, endMs)` under one set of
 * rules: per level and overall (with times), created and resolved counts per category and
 * service (indexed like the ticket index's lists), and per service (without times).
 */
export interface PeriodPartial {
  startMs: number;
  endMs: number;
  levels: LevelState[];
  overall: Acc;
  categoryCreated: Int32Array;
  categoryResolved: Int32Array;
  serviceCreated: Int32Array;
  serviceResolved: Int32Array;
  /** Per service index: the figures of its tickets (no times); null for a service none of whose tickets concerns the period, and for "no service". */
  byServiceAcc: Array<Acc | null>;
  unknownPriority: number;
}

/** Sums of counters over consecutive periods. */
export function sumCounts(parts: readonly PeriodPartial[], pick: (p: PeriodPartial) => Int32Array): Int32Array {
  const out = new Int32Array(pick(parts[0] as PeriodPartial).length);
  for (const p of parts) {
    const a = pick(p);
    for (let k = 0; k < out.length; k++) out[k] = (out[k] as number) + (a[k] as number);
  }
  return out;
}

/**
 * The figures of consecutive periods taken together. Counts of events in a period (created,
 * resolved, met at the event, breached at the deadline, reopened) add up; durations are the
 * union of the periods' durations; figures as of an instant (backlog and pending at the end,
 * open and breached at the end) are the last period's, the backlog at the start the first's.
 */
export function mergeAccs(accs: ReadonlyArray<Acc | null>): Acc | null {
  const present = accs.filter((a): a is Acc => a !== null);
  if (present.length === 0) return null;
  const first = accs[0] ?? null;
  const last = accs[accs.length - 1] ?? null;
  const out = newAcc();
  for (const a of present) {
    out.created += a.created;
    out.resolved += a.resolved;
    out.response.met += a.response.met;
    out.response.breached += a.response.breached;
    out.resolution.met += a.resolution.met;
    out.resolution.breached += a.resolution.breached;
    out.reopened += a.reopened;
    out.reopenKnown += a.reopenKnown;
  }
  out.backlogAtStart = first?.backlogAtStart ?? 0;
  out.backlogAtEnd = last?.backlogAtEnd ?? 0;
  out.openBreachedAtEnd = last?.openBreachedAtEnd ?? 0;
  out.response.pending = last?.response.pending ?? 0;
  out.resolution.pending = last?.resolution.pending ?? 0;
  out.responseSeconds = present.length === 1 ? (present[0] as Acc).responseSeconds : present.flatMap((a) => a.responseSeconds);
  out.resolutionSeconds = present.length === 1 ? (present[0] as Acc).resolutionSeconds : present.flatMap((a) => a.resolutionSeconds);
  return out;
}

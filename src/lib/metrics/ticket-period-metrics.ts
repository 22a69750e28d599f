/**
 * Ticket figures of one review period: SLA attainment, flow (created, resolved, backlog),
 * reopen rate and response/resolution times, per priority level and overall, plus created and
 * resolved counts by category and by service. Pure: the result is plain JSON (numbers, strings,
 * null, arrays, objects), stored as is in snapshots.
 */
import type { CalendarConfig, PriorityLevelConfig } from '../config/config-schema.ts';
import type { TicketRecord } from '../model/records.ts';
import { type SlaClock, slaClock } from './business-time.ts';
import type { PeriodBounds } from './periods.ts';
import { levelTargetSeconds } from './ticket-sla.ts';

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
  /** First-response attainment; null when the export records no first responses (option `responseRecorded: false`). */
  response: SlaTargetFigures | null;
  /** Resolution attainment. */
  resolution: SlaTargetFigures;
  /** Reopen rate. */
  reopen: ReopenFigures;
  /** Created → first response, over tickets first responded to in the period; null when responses are not recorded. */
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

/** Options of {@link ticketPeriodMetrics}. */
export interface TicketPeriodOptions {
  /** Priority levels, in the order the result lists them. */
  levels: readonly PriorityLevelConfig[];
  /** Business calendars the levels refer to. */
  calendars: readonly CalendarConfig[];
  /** The period, `[startMs, endMs)`. */
  bounds: PeriodBounds;
  /** The previous period's figures, for the `change` fields. */
  previous?: TicketPeriodMetrics | null;
  /** False when the export has no first-response column: response figures are then null instead of all breached (default true). */
  responseRecorded?: boolean;
}

interface Acc {
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

function newAcc(): Acc {
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
  const sorted = Float64Array.from(values).sort();
  const mid = n >> 1;
  const medianSeconds = n % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  // Nearest rank ceil(0.9 n), in integers so that 0.9 × 70 does not become 63.000…01.
  const p90Seconds = sorted[Math.ceil((90 * n) / 100) - 1] as number;
  return { n, medianSeconds, p90Seconds };
}

function targetFigures(c: { met: number; breached: number; pending: number }): SlaTargetFigures {
  return { attainment: ratio(c.met, c.met + c.breached), met: c.met, breached: c.breached, pending: c.pending };
}

function diff(a: number | null | undefined, b: number | null | undefined): number | null {
  return a === null || a === undefined || b === null || b === undefined ? null : a - b;
}

function figures(acc: Acc, responseRecorded: boolean, previous: TicketFigures | null): TicketFigures {
  const response = responseRecorded ? targetFigures(acc.response) : null;
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
    timeToFirstResponse: responseRecorded ? durationFigures(acc.responseSeconds) : null,
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

function countsByKey(map: Map<string | null, { created: number; resolved: number }>): TicketCountsByKey[] {
  return [...map.entries()]
    .sort(([a], [b]) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1))
    .map(([key, c]) => ({ key, created: c.created, resolved: c.resolved }));
}

function bump(map: Map<string | null, { created: number; resolved: number }>, key: string | null, field: 'created' | 'resolved'): void {
  let c = map.get(key);
  if (!c) map.set(key, (c = { created: 0, resolved: 0 }));
  c[field]++;
}

/** Per-array index of the tickets, built once and shared by every period (see {@link ticketIndex}). */
interface TicketIndex {
  /** Distinct priorities, in order of first appearance. */
  priorities: string[];
  /** Ticket → index into `priorities`. */
  priorityOf: Uint32Array;
  /** Ticket → its position among the tickets of its priority. */
  positionInPriority: Uint32Array;
  /** Tickets per priority. */
  countOf: number[];
  /** Per value of `responseRecorded`: the order in which tickets settle (see {@link settleOrder}). */
  settle: Map<boolean, SettleOrder>;
  /** Per level rules (see {@link levelKey}): SLA instants of that priority's tickets. */
  times: Map<string, LevelTimes>;
}

/**
 * Tickets by the instant after which no period starting later concerns them: the later of
 * resolution and (when responses are recorded) first response. A period starting after that
 * instant skips the ticket, so it only needs the tickets settled at or after its start.
 */
interface SettleOrder {
  /** Tickets with a settle instant, by that instant ascending. */
  order: Uint32Array;
  /** Their settle instants, in the same order. */
  settledMs: Float64Array;
  /** Tickets never settled (unresolved, or no first response while responses are recorded): every period reads them. */
  open: Uint32Array;
}

/** Period-independent SLA instants of one priority's tickets under one set of rules, computed on first use (NaN until then). */
interface LevelTimes {
  responseDeadlineMs: Float64Array;
  resolutionDeadlineMs: Float64Array;
  /** Created → first response (clamped to creation) on the level's clock, seconds. */
  responseElapsed: Float64Array;
  /** Created → resolution (clamped to creation) on the level's clock, seconds. */
  resolutionElapsed: Float64Array;
}

// One ticket array serves every period of a build (and one array per service): index it once.
const ticketIndexes = new WeakMap<readonly TicketRecord[], TicketIndex>();

/** The index of a ticket array, cached per array: the array and its records must not change afterwards. */
function ticketIndex(tickets: readonly TicketRecord[]): TicketIndex {
  let index = ticketIndexes.get(tickets);
  if (index) return index;
  const n = tickets.length;
  const priorities: string[] = [];
  const priorityIds = new Map<string, number>();
  const countOf: number[] = [];
  const priorityOf = new Uint32Array(n);
  const positionInPriority = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const priority = (tickets[i] as TicketRecord).priority;
    let p = priorityIds.get(priority);
    if (p === undefined) {
      p = priorities.length;
      priorities.push(priority);
      priorityIds.set(priority, p);
      countOf.push(0);
    }
    priorityOf[i] = p;
    positionInPriority[i] = countOf[p] as number;
    countOf[p] = (countOf[p] as number) + 1;
  }
  index = { priorities, priorityOf, positionInPriority, countOf, settle: new Map(), times: new Map() };
  ticketIndexes.set(tickets, index);
  return index;
}

/** The settle order of the tickets for one value of `responseRecorded`, cached in the index. */
function settleOrder(tickets: readonly TicketRecord[], index: TicketIndex, responseRecorded: boolean): SettleOrder {
  let settle = index.settle.get(responseRecorded);
  if (settle) return settle;
  const settledAt = new Float64Array(tickets.length);
  const settled: number[] = [];
  const open: number[] = [];
  for (let i = 0; i < tickets.length; i++) {
    const t = tickets[i] as TicketRecord;
    // The skip test of ticketPeriodMetrics, `resolved < start && (!responseRecorded || responded < start)`, is `settle < start`.
    if (t.resolvedMs === null || (responseRecorded && t.firstResponseMs === null)) open.push(i);
    else {
      settledAt[i] = responseRecorded ? Math.max(t.resolvedMs, t.firstResponseMs as number) : t.resolvedMs;
      settled.push(i);
    }
  }
  const order = Uint32Array.from(settled).sort((a, b) => (settledAt[a] as number) - (settledAt[b] as number));
  const settledMs = new Float64Array(order.length);
  for (let k = 0; k < order.length; k++) settledMs[k] = settledAt[order[k] as number] as number;
  settle = { order, settledMs, open: Uint32Array.from(open) };
  index.settle.set(responseRecorded, settle);
  return settle;
}

/** Everything the SLA instants of a level's tickets depend on: its id, targets and clock (with the calendar's rules). */
function levelKey(
  level: PriorityLevelConfig,
  targets: { responseSeconds: number; resolutionSeconds: number },
  calendars: readonly CalendarConfig[],
): string {
  const calendar = level.clock === 'business' ? (calendars.find((c) => c.id === level.calendar) ?? null) : null;
  return JSON.stringify([level.id, targets.responseSeconds, targets.resolutionSeconds, level.clock === 'business', calendar]);
}

function levelTimes(index: TicketIndex, priority: number, key: string): LevelTimes {
  let times = index.times.get(key);
  if (!times) {
    const n = index.countOf[priority] as number;
    times = {
      responseDeadlineMs: new Float64Array(n).fill(Number.NaN),
      resolutionDeadlineMs: new Float64Array(n).fill(Number.NaN),
      responseElapsed: new Float64Array(n).fill(Number.NaN),
      resolutionElapsed: new Float64Array(n).fill(Number.NaN),
    };
    index.times.set(key, times);
  }
  return times;
}

interface LevelState {
  level: PriorityLevelConfig;
  clock: SlaClock;
  responseSeconds: number;
  resolutionSeconds: number;
  acc: Acc;
  times: LevelTimes | null;
}

/**
 * Ticket figures of a period `[start, end)`, as of its end, per priority level (configuration
 * order) and overall.
 *
 * Definitions (all instants compared half-open, like the period; `in the period` = start ≤ t < end):
 * - response / resolution attainment = met / (met + breached) over tickets whose outcome
 *   became known in the period: met at the event (at or before the deadline), breached at the
 *   deadline (no event by then, or a later one). So a ticket created in an earlier period
 *   counts here when its outcome becomes known here, and each ticket counts in exactly one
 *   period per target.
 * - pending = tickets created before the end whose outcome is not known before the end (no
 *   event and deadline not passed), whenever they were created: the open, undecided tickets at
 *   the end. Not in the ratio.
 * - created: created in the period; resolved: resolved in the period (whenever created).
 * - backlog at start / end: created before that instant and not resolved before it.
 * - open and breached at end: in the backlog at the end, with the resolution deadline before the end.
 * - reopen rate = reopened / known among tickets resolved in the period, where known means the
 *   export says whether the ticket was reopened; null when none is known.
 * - time to first response / resolution: created → event for tickets whose event is in the
 *   period; per level on its clock (business or 24×7), overall in elapsed 24×7 seconds; median
 *   (mean of the two middle values for an even n) and p90 by nearest rank.
 * - An event recorded before creation counts as at creation (0 s).
 * Tickets with an unconfigured priority are counted in `unknownPriority` only.
 *
 * Method: the tickets are indexed once per array (cached; the array and its records must not
 * change afterwards): by the instant they settle (the later of resolution and first response),
 * so a period reads only the tickets settled at or after its start or never settled, and their
 * deadlines and clock times are computed once per ticket and level rules (id, targets, clock,
 * calendar) and reused by every period.
 *
 * @param tickets the tickets (any order; the result does not depend on it)
 * @param options levels, calendars, the period bounds, optionally the previous period's result
 * @returns the period's ticket figures, plain JSON
 * @throws when a level's target is not a duration or names an unknown calendar
 * @example
 * // One P1 ticket (24×7, response 1h, resolution 4h) created 2026-11-03 10:00 UTC, responded 10:20, resolved 16:00
 * const m = ticketPeriodMetrics([ticket], { levels: [p1], calendars: [], bounds: monthBounds('2026-11', 'UTC') });
 * m.overall.response // { attainment: 1, met: 1, breached: 0, pending: 0 }
 * m.overall.resolution // { attainment: 0, met: 0, breached: 1, pending: 0 }
 * m.overall.timeToResolution // { n: 1, medianSeconds: 21600, p90Seconds: 21600 }
 */
export function ticketPeriodMetrics(tickets: readonly TicketRecord[], options: TicketPeriodOptions): TicketPeriodMetrics {
  const { startMs, endMs } = options.bounds;
  const responseRecorded = options.responseRecorded ?? true;
  const index = ticketIndex(tickets);
  const levels: LevelState[] = options.levels.map((level) => {
    const clock: SlaClock = slaClock(level, options.calendars);
    const targets = levelTargetSeconds(level);
    const p = index.priorities.indexOf(level.id);
    const times = p < 0 ? null : levelTimes(index, p, levelKey(level, targets, options.calendars));
    return { level, clock, ...targets, acc: newAcc(), times };
  });
  // Priority index → its level (the last configured level with that id, as a Map by id keeps), or undefined.
  const levelOfPriority: Array<LevelState | undefined> = index.priorities.map((p) => levels.findLast((l) => l.level.id === p));
  const overall = newAcc();
  const byCategory = new Map<string | null, { created: number; resolved: number }>();
  const byService = new Map<string | null, { created: number; resolved: number }>();
  let unknownPriority = 0;
  for (let p = 0; p < index.priorities.length; p++) if (!levelOfPriority[p]) unknownPriority += index.countOf[p] as number;
  const inPeriod = (t: number | null): t is number => t !== null && t >= startMs && t < endMs;

  const visit = (i: number): void => {
    const t = tickets[i] as TicketRecord;
    const lv = levelOfPriority[index.priorityOf[i] as number];
    if (!lv) return;
    if (t.createdMs >= endMs) return;
    const { acc, clock } = lv;
    const times = lv.times as LevelTimes;
    const pos = index.positionInPriority[i] as number;
    const createdIn = t.createdMs >= startMs;
    const resolvedIn = inPeriod(t.resolvedMs);
    const openAtEnd = t.resolvedMs === null || t.resolvedMs >= endMs;
    const openAtStart = t.createdMs < startMs && (t.resolvedMs === null || t.resolvedMs >= startMs);
    if (createdIn) {
      acc.created++;
      overall.created++;
      bump(byCategory, t.category, 'created');
      bump(byService, t.service, 'created');
    }
    if (openAtStart) {
      acc.backlogAtStart++;
      overall.backlogAtStart++;
    }
    if (openAtEnd) {
      acc.backlogAtEnd++;
      overall.backlogAtEnd++;
    }
    // Resolution, clamped to creation (an event recorded before creation counts as at creation).
    const resolvedMs = t.resolvedMs === null ? null : Math.max(t.resolvedMs, t.createdMs);
    if (resolvedIn) {
      acc.resolved++;
      overall.resolved++;
      bump(byCategory, t.category, 'resolved');
      bump(byService, t.service, 'resolved');
      if (t.reopened !== null) {
        const r = t.reopened ? 1 : 0;
        acc.reopenKnown++;
        overall.reopenKnown++;
        acc.reopened += r;
        overall.reopened += r;
      }
      let elapsed = times.resolutionElapsed[pos] as number;
      if (Number.isNaN(elapsed)) times.resolutionElapsed[pos] = elapsed = clock.elapsedSeconds(t.createdMs, resolvedMs as number);
      acc.resolutionSeconds.push(elapsed);
      overall.resolutionSeconds.push(Math.trunc(((resolvedMs as number) - t.createdMs) / 1000));
    }
    if (responseRecorded) {
      const respondedMs = t.firstResponseMs === null ? null : Math.max(t.firstResponseMs, t.createdMs);
      if (inPeriod(t.firstResponseMs)) {
        let elapsed = times.responseElapsed[pos] as number;
        if (Number.isNaN(elapsed)) times.responseElapsed[pos] = elapsed = clock.elapsedSeconds(t.createdMs, respondedMs as number);
        acc.responseSeconds.push(elapsed);
        overall.responseSeconds.push(Math.trunc(((respondedMs as number) - t.createdMs) / 1000));
      }
      let deadlineMs = times.responseDeadlineMs[pos] as number;
      if (Number.isNaN(deadlineMs)) times.responseDeadlineMs[pos] = deadlineMs = clock.deadline(t.createdMs, lv.responseSeconds);
      // slaTargetOutcome as of the end: met at the event, breached at the deadline, else pending.
      if (respondedMs !== null && respondedMs < endMs && respondedMs <= deadlineMs) {
        if (respondedMs >= startMs) {
          acc.response.met++;
          overall.response.met++;
        }
      } else if (deadlineMs < endMs) {
        if (deadlineMs >= startMs) {
          acc.response.breached++;
          overall.response.breached++;
        }
      } else {
        acc.response.pending++;
        overall.response.pending++;
      }
    }
    let deadlineMs = times.resolutionDeadlineMs[pos] as number;
    if (Number.isNaN(deadlineMs)) times.resolutionDeadlineMs[pos] = deadlineMs = clock.deadline(t.createdMs, lv.resolutionSeconds);
    let breached = false;
    if (resolvedMs !== null && resolvedMs < endMs && resolvedMs <= deadlineMs) {
      if (resolvedMs >= startMs) {
        acc.resolution.met++;
        overall.resolution.met++;
      }
    } else if (deadlineMs < endMs) {
      breached = true;
      if (deadlineMs >= startMs) {
        acc.resolution.breached++;
        overall.resolution.breached++;
      }
    } else {
      acc.resolution.pending++;
      overall.resolution.pending++;
    }
    if (openAtEnd && breached) {
      acc.openBreachedAtEnd++;
      overall.openBreachedAtEnd++;
    }
  };

  // Only tickets settled at or after the start (or never settled) concern the period: the
  // others had every outcome known before it and are in no backlog (see settleOrder).
  const settle = settleOrder(tickets, index, responseRecorded);
  for (let k = 0; k < settle.open.length; k++) visit(settle.open[k] as number);
  for (let k = settle.order.length - 1; k >= 0 && (settle.settledMs[k] as number) >= startMs; k--) visit(settle.order[k] as number);

  const previous = options.previous ?? null;
  return {
    startMs,
    endMs,
    overall: figures(overall, responseRecorded, previous?.overall ?? null),
    levels: levels.map(({ level, clock, responseSeconds, resolutionSeconds, acc }) => ({
      levelId: level.id,
      name: level.name,
      clock: clock.kind,
      calendarId: clock.calendarId,
      responseTargetSeconds: responseSeconds,
      resolutionTargetSeconds: resolutionSeconds,
      ...figures(acc, responseRecorded, previous?.levels.find((p) => p.levelId === level.id) ?? null),
    })),
    byCategory: countsByKey(byCategory),
    byService: countsByKey(byService),
    unknownPriority,
  };
}

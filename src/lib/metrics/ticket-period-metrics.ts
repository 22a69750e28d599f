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
import { selectKth } from './select-kth.ts';
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
 * The tickets a period can concern, found without reading the others. A ticket settles at the
 * later of its resolution and (when responses are recorded) its first response; a period skips
 * the tickets created at or after its end and those settled before its start, so it reads only
 * tickets created before its end and settled at or after its start, or never settled.
 */
interface SettleOrder {
  /** Settled tickets, by created time ascending. */
  order: Uint32Array;
  /** Their created instants, in the same order. */
  createdMs: Float64Array;
  /** Their settle instants, in the same order. */
  settledMs: Float64Array;
  /** Per block of {@link BLOCK} entries of `order`: the latest settle instant, so blocks settled before a start are passed over. */
  blockMaxMs: Float64Array;
  /** Tickets never settled (unresolved, or no first response while responses are recorded), by created time ascending. */
  open: Uint32Array;
  /** Their created instants, in the same order. */
  openCreatedMs: Float64Array;
}

const BLOCK = 256;

/** Period-independent SLA instants of one priority's tickets under one set of rules, computed on first use (NaN until then). */
interface LevelTimes {
  responseDeadlineMs: Float64Array;
  resolutionDeadlineMs: Float64Array;
  /** Created → first response (clamped to creation) on the level's clock, seconds. */
  responseElapsed: Float64Array;
  /** Created → resolution (clamped to creation) on the level's clock, seconds. */
  resolutionElapsed: Float64Array;
}

// One ticket array serves every period of a build: index it once, not once per period.
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

/** The first position in `sorted` (ascending) whose value is at least `ms`. */
function lowerBound(sorted: Float64Array, ms: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The settle order of the tickets for one value of `responseRecorded`, cached in the index. */
function settleOrder(tickets: readonly TicketRecord[], index: TicketIndex, responseRecorded: boolean): SettleOrder {
  let settle = index.settle.get(responseRecorded);
  if (settle) return settle;
  const n = tickets.length;
  let byCreated = new Uint32Array(n);
  let sorted = true;
  for (let i = 0; i < n; i++) {
    byCreated[i] = i;
    if (i > 0 && (tickets[i] as TicketRecord).createdMs < (tickets[i - 1] as TicketRecord).createdMs) sorted = false;
  }
  if (!sorted) byCreated = byCreated.sort((a, b) => (tickets[a] as TicketRecord).createdMs - (tickets[b] as TicketRecord).createdMs);
  const settled: number[] = [];
  const open: number[] = [];
  for (const i of byCreated) {
    const t = tickets[i] as TicketRecord;
    if (t.resolvedMs === null || (responseRecorded && t.firstResponseMs === null)) open.push(i);
    else settled.push(i);
  }
  const order = Uint32Array.from(settled);
  const createdMs = new Float64Array(order.length);
  const settledMs = new Float64Array(order.length);
  const blockMaxMs = new Float64Array(Math.ceil(order.length / BLOCK)).fill(Number.NEGATIVE_INFINITY);
  for (let k = 0; k < order.length; k++) {
    const t = tickets[order[k] as number] as TicketRecord;
    createdMs[k] = t.createdMs;
    // Resolved (and, when recorded, responded to) before a start: every outcome was known before
    // that period and the ticket is in none of its backlogs, so the period skips it.
    const at = responseRecorded ? Math.max(t.resolvedMs as number, t.firstResponseMs as number) : (t.resolvedMs as number);
    settledMs[k] = at;
    const b = (k / BLOCK) | 0;
    if (at > (blockMaxMs[b] as number)) blockMaxMs[b] = at;
  }
  const openOrder = Uint32Array.from(open);
  const openCreatedMs = Float64Array.from(openOrder, (i) => (tickets[i] as TicketRecord).createdMs);
  settle = { order, createdMs, settledMs, blockMaxMs, open: openOrder, openCreatedMs };
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

/** Where a scan of the period's tickets adds each ticket's figures. */
interface ScanSink {
  /** The figures a ticket of a level adds to besides `overall` (null: none). */
  accOf(ticket: TicketRecord, level: LevelState): Acc | null;
  /** All levels together, with elapsed 24×7 times (null: not kept). */
  overall: Acc | null;
  /** Keep response and resolution times (the level's clock in `accOf`'s figures). */
  times: boolean;
  /** Created and resolved counts by category and service (null: not kept). */
  byCategory: Map<string | null, { created: number; resolved: number }> | null;
  byService: Map<string | null, { created: number; resolved: number }> | null;
}

/**
 * The per-ticket rules of {@link ticketPeriodMetrics}, run over the tickets that concern the
 * period, adding into `sink`; returns the levels (with their clocks and targets) and the count of
 * tickets of an unconfigured priority.
 */
function scanPeriod(
  tickets: readonly TicketRecord[],
  options: TicketPeriodOptions,
  sink: ScanSink,
): { levels: LevelState[]; unknownPriority: number } {
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
  let unknownPriority = 0;
  for (let p = 0; p < index.priorities.length; p++) if (!levelOfPriority[p]) unknownPriority += index.countOf[p] as number;
  const { overall, byCategory, byService } = sink;
  const keepTimes = sink.times;
  const inPeriod = (t: number | null): t is number => t !== null && t >= startMs && t < endMs;

  const visit = (i: number): void => {
    const t = tickets[i] as TicketRecord;
    const lv = levelOfPriority[index.priorityOf[i] as number];
    if (!lv) return;
    const acc = sink.accOf(t, lv);
    const { clock } = lv;
    const times = lv.times as LevelTimes;
    const pos = index.positionInPriority[i] as number;
    const createdIn = t.createdMs >= startMs;
    const resolvedIn = inPeriod(t.resolvedMs);
    const openAtEnd = t.resolvedMs === null || t.resolvedMs >= endMs;
    const openAtStart = t.createdMs < startMs && (t.resolvedMs === null || t.resolvedMs >= startMs);
    if (createdIn) {
      if (acc) acc.created++;
      if (overall) overall.created++;
      if (byCategory) bump(byCategory, t.category, 'created');
      if (byService) bump(byService, t.service, 'created');
    }
    if (openAtStart) {
      if (acc) acc.backlogAtStart++;
      if (overall) overall.backlogAtStart++;
    }
    if (openAtEnd) {
      if (acc) acc.backlogAtEnd++;
      if (overall) overall.backlogAtEnd++;
    }
    // Resolution, clamped to creation (an event recorded before creation counts as at creation).
    const resolvedMs = t.resolvedMs === null ? null : Math.max(t.resolvedMs, t.createdMs);
    if (resolvedIn) {
      if (acc) acc.resolved++;
      if (overall) overall.resolved++;
      if (byCategory) bump(byCategory, t.category, 'resolved');
      if (byService) bump(byService, t.service, 'resolved');
      if (t.reopened !== null) {
        const r = t.reopened ? 1 : 0;
        if (acc) {
          acc.reopenKnown++;
          acc.reopened += r;
        }
        if (overall) {
          overall.reopenKnown++;
          overall.reopened += r;
        }
      }
      if (keepTimes) {
        if (acc) {
          let elapsed = times.resolutionElapsed[pos] as number;
          if (Number.isNaN(elapsed)) times.resolutionElapsed[pos] = elapsed = clock.elapsedSeconds(t.createdMs, resolvedMs as number);
          acc.resolutionSeconds.push(elapsed);
        }
        if (overall) overall.resolutionSeconds.push(Math.trunc(((resolvedMs as number) - t.createdMs) / 1000));
      }
    }
    if (responseRecorded) {
      const respondedMs = t.firstResponseMs === null ? null : Math.max(t.firstResponseMs, t.createdMs);
      if (keepTimes && inPeriod(t.firstResponseMs)) {
        if (acc) {
          let elapsed = times.responseElapsed[pos] as number;
          if (Number.isNaN(elapsed)) times.responseElapsed[pos] = elapsed = clock.elapsedSeconds(t.createdMs, respondedMs as number);
          acc.responseSeconds.push(elapsed);
        }
        if (overall) overall.responseSeconds.push(Math.trunc(((respondedMs as number) - t.createdMs) / 1000));
      }
      let deadlineMs = times.responseDeadlineMs[pos] as number;
      if (Number.isNaN(deadlineMs)) times.responseDeadlineMs[pos] = deadlineMs = clock.deadline(t.createdMs, lv.responseSeconds);
      // slaTargetOutcome as of the end: met at the event, breached at the deadline, else pending.
      const outcome =
        respondedMs !== null && respondedMs < endMs && respondedMs <= deadlineMs
          ? respondedMs >= startMs
            ? 'met'
            : null
          : deadlineMs < endMs
            ? deadlineMs >= startMs
              ? 'breached'
              : null
            : 'pending';
      if (outcome !== null) {
        if (acc) acc.response[outcome]++;
        if (overall) overall.response[outcome]++;
      }
    }
    let deadlineMs = times.resolutionDeadlineMs[pos] as number;
    if (Number.isNaN(deadlineMs)) times.resolutionDeadlineMs[pos] = deadlineMs = clock.deadline(t.createdMs, lv.resolutionSeconds);
    const met = resolvedMs !== null && resolvedMs < endMs && resolvedMs <= deadlineMs;
    const breached = !met && deadlineMs < endMs;
    const outcome = met ? (resolvedMs >= startMs ? 'met' : null) : breached ? (deadlineMs >= startMs ? 'breached' : null) : 'pending';
    if (outcome !== null) {
      if (acc) acc.resolution[outcome]++;
      if (overall) overall.resolution[outcome]++;
    }
    if (openAtEnd && breached) {
      if (acc) acc.openBreachedAtEnd++;
      if (overall) overall.openBreachedAtEnd++;
    }
  };

  // Only tickets created before the end and settled at or after the start (or never settled)
  // concern the period: the others are skipped (see SettleOrder).
  const settle = settleOrder(tickets, index, responseRecorded);
  const openEnd = lowerBound(settle.openCreatedMs, endMs);
  for (let k = 0; k < openEnd; k++) visit(settle.open[k] as number);
  const settledEnd = lowerBound(settle.createdMs, endMs);
  for (let b = 0; b * BLOCK < settledEnd; b++) {
    if ((settle.blockMaxMs[b] as number) < startMs) continue;
    const last = Math.min(settledEnd, (b + 1) * BLOCK);
    for (let k = b * BLOCK; k < last; k++) if ((settle.settledMs[k] as number) >= startMs) visit(settle.order[k] as number);
  }
  return { levels, unknownPriority };
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
 * change afterwards) by created time and the instant they settle (the later of resolution and
 * first response), so a period reads only the tickets created before its end and settled at or
 * after its start or never settled (the others count in no figure but `unknownPriority`); their
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
  const overall = newAcc();
  const byCategory = new Map<string | null, { created: number; resolved: number }>();
  const byService = new Map<string | null, { created: number; resolved: number }>();
  const { levels, unknownPriority } = scanPeriod(tickets, options, {
    accOf: (_t, level) => level.acc,
    overall,
    times: true,
    byCategory,
    byService,
  });

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

/** The counts and SLA attainment of one service's tickets in a period (all levels together). */
export type ServiceTicketCounts = Pick<TicketFigures, 'created' | 'resolved' | 'backlogAtEnd' | 'response' | 'resolution'>;

/**
 * For each service, the figures `ticketPeriodMetrics(that service's tickets, options).overall`
 * gives for created, resolved, backlog at the end and the two SLA targets, in one pass over the
 * tickets (the same rules, ticket by ticket; no response or resolution times are kept).
 *
 * @param tickets the tickets (any order), cached per array like {@link ticketPeriodMetrics}
 * @param options levels, calendars, the period bounds (`previous` is not read)
 * @returns service id → its figures, for the services with a ticket of a configured level that concerns the period; tickets without a service are left out
 * @throws when a level's target is not a duration or names an unknown calendar
 */
export function ticketCountsByService(tickets: readonly TicketRecord[], options: TicketPeriodOptions): Map<string, ServiceTicketCounts> {
  const responseRecorded = options.responseRecorded ?? true;
  const accs = new Map<string, Acc>();
  scanPeriod(tickets, options, {
    accOf: (t) => {
      if (t.service === null) return null;
      let acc = accs.get(t.service);
      if (!acc) accs.set(t.service, (acc = newAcc()));
      return acc;
    },
    overall: null,
    times: false,
    byCategory: null,
    byService: null,
  });
  const out = new Map<string, ServiceTicketCounts>();
  for (const [service, acc] of accs) {
    const { created, resolved, backlogAtEnd, response, resolution } = figures(acc, responseRecorded, null);
    out.set(service, { created, resolved, backlogAtEnd, response, resolution });
  }
  return out;
}

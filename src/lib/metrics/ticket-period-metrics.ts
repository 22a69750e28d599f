/**
 * Ticket figures of one review period: SLA attainment, flow (created, resolved, backlog),
 * reopen rate and response/resolution times, per priority level and overall, plus created and
 * resolved counts by category and by service. Pure: the result is plain JSON (numbers, strings,
 * null, arrays, objects), stored as is in snapshots.
 */
import type { TicketRecord } from '../model/records.ts';
import type { ClockRule, PriorityRule } from '../model/rules.ts';
import type { PeriodBounds } from '../time/periods.ts';
import { lowerBound } from '../util/lower-bound.ts';
import { selectKth } from '../util/select-kth.ts';
import { clockCache, type SlaClock } from './business-time.ts';

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
  /** Priority levels with their targets and clocks, in the order the result lists them. */
  levels: readonly PriorityRule[];
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

/** Created and resolved counts per key (category or service), from counters indexed like `keys`; keys with neither left out. */
function countsByKey(keys: readonly (string | null)[], created: Int32Array, resolved: Int32Array): TicketCountsByKey[] {
  const out: TicketCountsByKey[] = [];
  keys.forEach((key, k) => {
    if ((created[k] as number) > 0 || (resolved[k] as number) > 0)
      out.push({ key, created: created[k] as number, resolved: resolved[k] as number });
  });
  return out.sort((a, b) => (a.key === b.key ? 0 : a.key === null ? 1 : b.key === null ? -1 : a.key < b.key ? -1 : 1));
}

/** Distinct values of a ticket field, in order of first appearance, and each ticket's index into them. */
function intern(
  tickets: readonly TicketRecord[],
  field: 'priority' | 'category' | 'service',
): { values: (string | null)[]; of: Uint32Array } {
  const values: (string | null)[] = [];
  const ids = new Map<string | null, number>();
  const of = new Uint32Array(tickets.length);
  for (let i = 0; i < tickets.length; i++) {
    const v = (tickets[i] as TicketRecord)[field];
    // Such fields hold a few values: compare with the first ones before hashing.
    let k = -1;
    for (let j = 0; j < values.length && j < 8; j++)
      if (values[j] === v) {
        k = j;
        break;
      }
    if (k < 0) {
      const known = ids.get(v);
      if (known === undefined) {
        k = values.length;
        values.push(v);
        ids.set(v, k);
      } else k = known;
    }
    of[i] = k;
  }
  return { values, of };
}

/**
 * The tickets of a build, indexed once for every period's figures: build it with
 * {@link prepareTickets} and pass it to each call. It keeps what the periods share (each
 * ticket's deadlines and clock times per level rules, and the figures of periods already
 * computed), so the tickets and their records must not change after it is prepared.
 */
export interface TicketTable {
  /** The tickets, as given. */
  readonly tickets: readonly TicketRecord[];
  /** Distinct priorities, in order of first appearance. */
  priorities: string[];
  /** Ticket → index into `priorities`. */
  priorityOf: Uint32Array;
  /** Ticket → its position among the tickets of its priority. */
  positionInPriority: Uint32Array;
  /** Tickets per priority. */
  countOf: number[];
  /** Distinct categories and services (null included), and each ticket's index into them. */
  categories: (string | null)[];
  categoryOf: Uint32Array;
  services: (string | null)[];
  serviceOf: Uint32Array;
  /** Per value of `responseRecorded`: the order in which tickets settle (see {@link settleOrder}). */
  settle: Map<boolean, SettleOrder>;
  /** Per level rules (see {@link levelKey}): SLA instants of that priority's tickets. */
  times: Map<string, LevelTimes>;
  /** Per rules (see {@link rulesKey}): the figures of the periods computed so far, by start instant (see {@link periodPartial}). */
  partials: Map<string, Map<number, PeriodPartial[]>>;
  /** One clock per calendar, so a calendar's day table is built once for all periods and levels. */
  clockOf: (rule: ClockRule) => SlaClock;
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
  /** True when some ticket settles before it was created (an event recorded before creation): periods are then never merged. */
  settlesBeforeCreation: boolean;
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

/**
 * Indexes tickets for {@link ticketPeriodMetrics} and {@link ticketCountsByService}: once per
 * build, then passed to every period.
 * @param tickets the tickets, any order (the table keeps them; do not change them afterwards)
 * @returns the table
 * @example const table = prepareTickets(tickets); ticketPeriodMetrics(table, { levels, bounds: monthBounds('2026-10', 'UTC') })
 */
export function prepareTickets(tickets: readonly TicketRecord[]): TicketTable {
  const n = tickets.length;
  const { values, of: priorityOf } = intern(tickets, 'priority');
  const priorities = values as string[];
  const countOf: number[] = priorities.map(() => 0);
  const positionInPriority = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const p = priorityOf[i] as number;
    positionInPriority[i] = countOf[p] as number;
    countOf[p] = (countOf[p] as number) + 1;
  }
  const category = intern(tickets, 'category');
  const service = intern(tickets, 'service');
  return {
    tickets,
    priorities,
    priorityOf,
    positionInPriority,
    countOf,
    categories: category.values,
    categoryOf: category.of,
    services: service.values,
    serviceOf: service.of,
    settle: new Map(),
    times: new Map(),
    partials: new Map(),
    clockOf: clockCache(),
  };
}

/** The settle order of the tickets for one value of `responseRecorded`, kept in the table. */
function settleOrder(index: TicketTable, responseRecorded: boolean): SettleOrder {
  const tickets = index.tickets;
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
  let settlesBeforeCreation = false;
  for (let k = 0; k < order.length; k++) {
    const t = tickets[order[k] as number] as TicketRecord;
    createdMs[k] = t.createdMs;
    // Resolved (and, when recorded, responded to) before a start: every outcome was known before
    // that period and the ticket is in none of its backlogs, so the period skips it.
    const at = responseRecorded ? Math.max(t.resolvedMs as number, t.firstResponseMs as number) : (t.resolvedMs as number);
    settledMs[k] = at;
    if (at < t.createdMs) settlesBeforeCreation = true;
    const b = (k / BLOCK) | 0;
    if (at > (blockMaxMs[b] as number)) blockMaxMs[b] = at;
  }
  const openOrder = Uint32Array.from(open);
  const openCreatedMs = Float64Array.from(openOrder, (i) => (tickets[i] as TicketRecord).createdMs);
  settle = { order, createdMs, settledMs, blockMaxMs, open: openOrder, openCreatedMs, settlesBeforeCreation };
  index.settle.set(responseRecorded, settle);
  return settle;
}

/** What a clock rule's times depend on: 24×7, or the calendar's rules. */
function clockKey(rule: ClockRule): string {
  return rule.kind === 'business' ? rule.calendar.key : '24x7';
}

/** Everything the SLA instants of a level's tickets depend on: its id, targets and clock. */
function levelKey(level: PriorityRule): string {
  return JSON.stringify([level.id, level.responseSeconds, level.resolutionSeconds, clockKey(level.clock)]);
}

/** Everything a period's figures depend on besides its bounds: the levels (in order, with names) and `responseRecorded`. */
function rulesKey(options: TicketPeriodOptions): string {
  return JSON.stringify([options.levels.map((l) => [levelKey(l), l.name]), options.responseRecorded ?? true]);
}

function levelTimes(index: TicketTable, priority: number, key: string): LevelTimes {
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
  level: PriorityRule;
  clock: SlaClock;
  acc: Acc;
}

/**
 * Everything both public functions report about one period `[startMs, endMs)` under one set of
 * rules: per level and overall (with times), created and resolved counts per category and
 * service (indexed like the ticket index's lists), and per service (without times).
 */
interface PeriodPartial {
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

/**
 * The per-ticket rules of {@link ticketPeriodMetrics}, run over the tickets that concern the
 * period (see {@link SettleOrder}), into a new partial.
 */
function scanPeriod(index: TicketTable, options: TicketPeriodOptions, settle: SettleOrder): PeriodPartial {
  const tickets = index.tickets;
  const { startMs, endMs } = options.bounds;
  const responseRecorded = options.responseRecorded ?? true;
  const levels: LevelState[] = [];
  const timesOf: Array<LevelTimes | null> = [];
  for (const level of options.levels) {
    const p = index.priorities.indexOf(level.id);
    timesOf.push(p < 0 ? null : levelTimes(index, p, levelKey(level)));
    levels.push({ level, clock: index.clockOf(level.clock), acc: newAcc() });
  }
  // Priority index → its level (the last configured level with that id, as a Map by id keeps), or -1.
  const levelOfPriority = index.priorities.map((p) => levels.findLastIndex((l) => l.level.id === p));
  let unknownPriority = 0;
  for (let p = 0; p < index.priorities.length; p++) if ((levelOfPriority[p] as number) < 0) unknownPriority += index.countOf[p] as number;
  const overall = newAcc();
  const categoryCreated = new Int32Array(index.categories.length);
  const categoryResolved = new Int32Array(index.categories.length);
  const serviceCreated = new Int32Array(index.services.length);
  const serviceResolved = new Int32Array(index.services.length);
  const byServiceAcc: Array<Acc | null> = index.services.map(() => null);
  const inPeriod = (t: number | null): t is number => t !== null && t >= startMs && t < endMs;

  const visit = (i: number): void => {
    const t = tickets[i] as TicketRecord;
    const l = levelOfPriority[index.priorityOf[i] as number] as number;
    if (l < 0) return;
    const lv = levels[l] as LevelState;
    const acc = lv.acc;
    const s = index.serviceOf[i] as number;
    const c = index.categoryOf[i] as number;
    let sacc: Acc | null = null;
    if (t.service !== null) {
      sacc = byServiceAcc[s] as Acc | null;
      if (sacc === null) byServiceAcc[s] = sacc = newAcc();
    }
    const { clock } = lv;
    const times = timesOf[l] as LevelTimes;
    const pos = index.positionInPriority[i] as number;
    const createdIn = t.createdMs >= startMs;
    const resolvedIn = inPeriod(t.resolvedMs);
    const openAtEnd = t.resolvedMs === null || t.resolvedMs >= endMs;
    const openAtStart = t.createdMs < startMs && (t.resolvedMs === null || t.resolvedMs >= startMs);
    if (createdIn) {
      acc.created++;
      overall.created++;
      if (sacc) sacc.created++;
      categoryCreated[c] = (categoryCreated[c] as number) + 1;
      serviceCreated[s] = (serviceCreated[s] as number) + 1;
    }
    if (openAtStart) {
      acc.backlogAtStart++;
      overall.backlogAtStart++;
      if (sacc) sacc.backlogAtStart++;
    }
    if (openAtEnd) {
      acc.backlogAtEnd++;
      overall.backlogAtEnd++;
      if (sacc) sacc.backlogAtEnd++;
    }
    // Resolution, clamped to creation (an event recorded before creation counts as at creation).
    const resolvedMs = t.resolvedMs === null ? null : Math.max(t.resolvedMs, t.createdMs);
    if (resolvedIn) {
      acc.resolved++;
      overall.resolved++;
      if (sacc) sacc.resolved++;
      categoryResolved[c] = (categoryResolved[c] as number) + 1;
      serviceResolved[s] = (serviceResolved[s] as number) + 1;
      if (t.reopened !== null) {
        const r = t.reopened ? 1 : 0;
        acc.reopenKnown++;
        acc.reopened += r;
        overall.reopenKnown++;
        overall.reopened += r;
        if (sacc) {
          sacc.reopenKnown++;
          sacc.reopened += r;
        }
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
      if (Number.isNaN(deadlineMs)) times.responseDeadlineMs[pos] = deadlineMs = clock.deadline(t.createdMs, lv.level.responseSeconds);
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
        acc.response[outcome]++;
        overall.response[outcome]++;
        if (sacc) sacc.response[outcome]++;
      }
    }
    let deadlineMs = times.resolutionDeadlineMs[pos] as number;
    if (Number.isNaN(deadlineMs)) times.resolutionDeadlineMs[pos] = deadlineMs = clock.deadline(t.createdMs, lv.level.resolutionSeconds);
    const met = resolvedMs !== null && resolvedMs < endMs && resolvedMs <= deadlineMs;
    const breached = !met && deadlineMs < endMs;
    const outcome = met ? (resolvedMs >= startMs ? 'met' : null) : breached ? (deadlineMs >= startMs ? 'breached' : null) : 'pending';
    if (outcome !== null) {
      acc.resolution[outcome]++;
      overall.resolution[outcome]++;
      if (sacc) sacc.resolution[outcome]++;
    }
    if (openAtEnd && breached) {
      acc.openBreachedAtEnd++;
      overall.openBreachedAtEnd++;
      if (sacc) sacc.openBreachedAtEnd++;
    }
  };

  // Only tickets created before the end and settled at or after the start (or never settled)
  // concern the period: the others are skipped (see SettleOrder).
  const openEnd = lowerBound(settle.openCreatedMs, endMs);
  for (let k = 0; k < openEnd; k++) visit(settle.open[k] as number);
  const settledEnd = lowerBound(settle.createdMs, endMs);
  for (let b = 0; b * BLOCK < settledEnd; b++) {
    if ((settle.blockMaxMs[b] as number) < startMs) continue;
    const last = Math.min(settledEnd, (b + 1) * BLOCK);
    for (let k = b * BLOCK; k < last; k++) if ((settle.settledMs[k] as number) >= startMs) visit(settle.order[k] as number);
  }
  return {
    startMs,
    endMs,
    levels,
    overall,
    categoryCreated,
    categoryResolved,
    serviceCreated,
    serviceResolved,
    byServiceAcc,
    unknownPriority,
  };
}

/** Sums of counters over consecutive periods. */
function sumCounts(parts: readonly PeriodPartial[], pick: (p: PeriodPartial) => Int32Array): Int32Array {
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
function mergeAccs(accs: ReadonlyArray<Acc | null>): Acc | null {
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

function mergePartials(parts: readonly PeriodPartial[]): PeriodPartial {
  const first = parts[0] as PeriodPartial;
  return {
    startMs: first.startMs,
    endMs: (parts[parts.length - 1] as PeriodPartial).endMs,
    levels: first.levels.map((lv, l) => ({ ...lv, acc: mergeAccs(parts.map((p) => (p.levels[l] as LevelState).acc)) as Acc })),
    overall: mergeAccs(parts.map((p) => p.overall)) as Acc,
    categoryCreated: sumCounts(parts, (p) => p.categoryCreated),
    categoryResolved: sumCounts(parts, (p) => p.categoryResolved),
    serviceCreated: sumCounts(parts, (p) => p.serviceCreated),
    serviceResolved: sumCounts(parts, (p) => p.serviceResolved),
    byServiceAcc: first.byServiceAcc.map((_, s) => mergeAccs(parts.map((p) => p.byServiceAcc[s] ?? null))),
    unknownPriority: first.unknownPriority,
  };
}

/** Computed periods that tile `[startMs, endMs)` exactly, from its start on, each as long as it can be; null when there are none. */
function tiling(known: Map<number, PeriodPartial[]>, startMs: number, endMs: number): PeriodPartial[] | null {
  const out: PeriodPartial[] = [];
  let at = startMs;
  while (at < endMs) {
    let best: PeriodPartial | null = null;
    for (const p of known.get(at) ?? []) if (p.endMs <= endMs && (best === null || p.endMs > best.endMs)) best = p;
    if (best === null || best.endMs <= at) return null;
    out.push(best);
    at = best.endMs;
  }
  return out.length > 0 ? out : null;
}

/**
 * The figures of one period: the same period computed before (under the same rules, for the
 * same ticket array), else merged from computed periods that tile it (a quarter from its
 * months), else a scan of the tickets that concern it. Merging gives what a scan gives (see
 * {@link mergeAccs}) because every ticket an event of the period concerns is read by the period
 * holding that event; it is not used when a ticket settles before it was created, since such a
 * ticket can be left out of the period it was created in.
 */
function periodPartial(index: TicketTable, options: TicketPeriodOptions): PeriodPartial {
  const { startMs, endMs } = options.bounds;
  const settle = settleOrder(index, options.responseRecorded ?? true);
  const key = rulesKey(options);
  let known = index.partials.get(key);
  if (!known) index.partials.set(key, (known = new Map()));
  const parts = tiling(known, startMs, endMs);
  let partial: PeriodPartial;
  if (parts !== null && parts.length === 1) return parts[0] as PeriodPartial;
  if (parts !== null && !settle.settlesBeforeCreation) partial = mergePartials(parts);
  else partial = scanPeriod(index, options, settle);
  const list = known.get(startMs);
  if (list) list.push(partial);
  else known.set(startMs, [partial]);
  return partial;
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
 * Method: the caller indexes the tickets once ({@link prepareTickets}) by created time and the instant they settle (the later of resolution and
 * first response), so a period reads only the tickets created before its end and settled at or
 * after its start or never settled (the others count in no figure but `unknownPriority`); their
 * deadlines and clock times are computed once per ticket and level rules (id, targets, clock,
 * calendar) and reused by every period. The figures of each period are kept in the table
 * (per rules: levels and `responseRecorded`): asked again, a period is not recomputed,
 * and a period that earlier periods tile (a quarter after its months) is merged from them —
 * event counts and durations add up, figures as of an instant come from the first or last
 * period — which gives the same figures as reading its tickets.
 *
 * @param index the tickets, prepared once by {@link prepareTickets} (the result does not depend on their order)
 * @param options levels, the period bounds, optionally the previous period's result
 * @returns the period's ticket figures, plain JSON
 * @example
 * // One P1 ticket (24×7, response 1h, resolution 4h) created 2026-11-03 10:00 UTC, responded 10:20, resolved 16:00
 * const m = ticketPeriodMetrics(prepareTickets([ticket]), { levels: [p1], bounds: monthBounds('2026-11', 'UTC') });
 * m.overall.response // { attainment: 1, met: 1, breached: 0, pending: 0 }
 * m.overall.resolution // { attainment: 0, met: 0, breached: 1, pending: 0 }
 * m.overall.timeToResolution // { n: 1, medianSeconds: 21600, p90Seconds: 21600 }
 */
export function ticketPeriodMetrics(index: TicketTable, options: TicketPeriodOptions): TicketPeriodMetrics {
  const { startMs, endMs } = options.bounds;
  const responseRecorded = options.responseRecorded ?? true;
  const partial = periodPartial(index, options);
  const previous = options.previous ?? null;
  return {
    startMs,
    endMs,
    overall: figures(partial.overall, responseRecorded, previous?.overall ?? null),
    levels: partial.levels.map(({ level, clock, acc }) => ({
      levelId: level.id,
      name: level.name,
      clock: clock.kind,
      calendarId: clock.calendarId,
      responseTargetSeconds: level.responseSeconds,
      resolutionTargetSeconds: level.resolutionSeconds,
      ...figures(acc, responseRecorded, previous?.levels.find((p) => p.levelId === level.id) ?? null),
    })),
    byCategory: countsByKey(index.categories, partial.categoryCreated, partial.categoryResolved),
    byService: countsByKey(index.services, partial.serviceCreated, partial.serviceResolved),
    unknownPriority: partial.unknownPriority,
  };
}

/** The counts and SLA attainment of one service's tickets in a period (all levels together). */
export type ServiceTicketCounts = Pick<TicketFigures, 'created' | 'resolved' | 'backlogAtEnd' | 'response' | 'resolution'>;

/**
 * For each service, the figures `ticketPeriodMetrics(that service's tickets, options).overall`
 * gives for created, resolved, backlog at the end and the two SLA targets (the same rules,
 * ticket by ticket), from the same reading of the tickets as {@link ticketPeriodMetrics} (so a
 * period asked for by both is read once).
 *
 * @param index the tickets, prepared once by {@link prepareTickets}
 * @param options levels, the period bounds (`previous` is not read)
 * @returns service id → its figures, for the services with a ticket of a configured level that concerns the period, in order of first appearance in the tickets; tickets without a service are left out
 */
export function ticketCountsByService(index: TicketTable, options: TicketPeriodOptions): Map<string, ServiceTicketCounts> {
  const responseRecorded = options.responseRecorded ?? true;
  const partial = periodPartial(index, options);
  const out = new Map<string, ServiceTicketCounts>();
  partial.byServiceAcc.forEach((acc, s) => {
    if (acc === null) return;
    const { created, resolved, backlogAtEnd, response, resolution } = figures(acc, responseRecorded, null);
    out.set(index.services[s] as string, { created, resolved, backlogAtEnd, response, resolution });
  });
  return out;
}

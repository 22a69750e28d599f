/**
 * The tickets of a build, indexed once for every period's figures ({@link prepareTickets}): by
 * priority, category and service, by the instants they settle, with each ticket's deadlines and
 * clock times per level rules, and the figures of the periods computed so far.
 */
import type { TicketRecord } from '../model/records.ts';
import type { ClockRule, PriorityRule } from '../model/rules.ts';
import { lowerBound } from '../util/lower-bound.ts';
import { clockCache, type SlaClock } from './business-time.ts';
import type { PeriodPartial, ResponseRecorded, TicketPeriodOptions } from './ticket-figures.ts';

/** Distinct values of a ticket field, in order of first appearance, and each ticket's index into them. */
function intern(
  tickets: readonly TicketRecord[],
  field: 'priority' | 'category' | 'service' | 'source',
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
  /** Distinct sources, and each ticket's index into them (for its source's data horizon). */
  sources: string[];
  sourceOf: Uint32Array;
  /** Per value of `responseRecorded` (see {@link responseKey}): the order in which tickets settle (see {@link settleOrder}). */
  settle: Map<string, SettleOrder>;
  /** Per level rules (see {@link levelKey}): SLA instants of that priority's tickets. */
  times: Map<string, LevelTimes>;
  /** Per rules (see {@link rulesKey}): the figures of the periods computed so far, by start instant (see {@link periodPartial}). */
  partials: Map<string, Map<number, PeriodPartial[]>>;
  /** One clock per calendar, so a calendar's day table is built once for all periods and levels. */
  clockOf: (rule: ClockRule) => SlaClock;
}

/**
 * The tickets a period can concern, found without reading the others. A ticket settles at the
 * later of its resolution and (when its source records responses) its first response; a period skips
 * the tickets created at or after its end and those settled before its start, so it reads only
 * tickets created before its end and settled at or after its start, or never settled.
 */
export interface SettleOrder {
  /** Settled tickets, by created time ascending. */
  order: Uint32Array;
  /** Their created instants, in the same order. */
  createdMs: Float64Array;
  /** Their settle instants, in the same order. */
  settledMs: Float64Array;
  /** Per block of {@link BLOCK} entries of `order`: the latest settle instant, so blocks settled before a start are passed over. */
  blockMaxMs: Float64Array;
  /** Tickets never settled (unresolved, or no first response while their source records responses), by created time ascending. */
  open: Uint32Array;
  /** Their created instants, in the same order. */
  openCreatedMs: Float64Array;
  /** True when some ticket settles before it was created (an event recorded before creation): periods are then never merged. */
  settlesBeforeCreation: boolean;
}

export const BLOCK = 256;

/**
 * Calls `visit` with each ticket that concerns `[startMs, endMs)`: created before the end and
 * settled at or after the start, or never settled (see {@link SettleOrder}); the others are skipped.
 */
export function forEachConcerning(settle: SettleOrder, startMs: number, endMs: number, visit: (i: number) => void): void {
  const openEnd = lowerBound(settle.openCreatedMs, endMs);
  for (let k = 0; k < openEnd; k++) visit(settle.open[k] as number);
  const settledEnd = lowerBound(settle.createdMs, endMs);
  for (let b = 0; b * BLOCK < settledEnd; b++) {
    if ((settle.blockMaxMs[b] as number) < startMs) continue;
    const last = Math.min(settledEnd, (b + 1) * BLOCK);
    for (let k = b * BLOCK; k < last; k++) if ((settle.settledMs[k] as number) >= startMs) visit(settle.order[k] as number);
  }
}

/** Period-independent SLA instants of one priority's tickets under one set of rules, computed on first use (NaN until then). */
export interface LevelTimes {
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
  const source = intern(tickets, 'source');
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
    sources: source.values as string[],
    sourceOf: source.of,
    settle: new Map(),
    times: new Map(),
    partials: new Map(),
    clockOf: clockCache(),
  };
}

/**
 * Which tickets are judged on the response target: per source of the table (index into
 * `sources`), 1 when `responseRecorded` says the source records first responses (true: every
 * source; false: none; a set: the sources it holds), else 0. The one rule the period's figures,
 * the figures per service, the breaches and the settle order read, so they judge the same tickets.
 */
export function responseJudged(index: TicketTable, responseRecorded: ResponseRecorded = true): Uint8Array {
  return Uint8Array.from(index.sources, (src) =>
    responseRecorded === true || (responseRecorded !== false && responseRecorded.has(src)) ? 1 : 0,
  );
}

/** Whether response figures are given at all (else null): some source records first responses. */
export function responseShown(responseRecorded: ResponseRecorded = true): boolean {
  return responseRecorded === true || (responseRecorded !== false && responseRecorded.size > 0);
}

/** `responseRecorded` as a key: "all", "none", or the source ids sorted, as JSON. */
export function responseKey(responseRecorded: ResponseRecorded = true): string {
  return responseRecorded === true ? 'all' : responseRecorded === false ? 'none' : JSON.stringify([...responseRecorded].sort());
}

/** The settle order of the tickets for one value of `responseRecorded`, kept in the table. */
export function settleOrder(index: TicketTable, responseRecorded: ResponseRecorded = true): SettleOrder {
  const tickets = index.tickets;
  const key = responseKey(responseRecorded);
  let settle = index.settle.get(key);
  if (settle) return settle;
  const judged = responseJudged(index, responseRecorded);
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
    if (t.resolvedMs === null || (judged[index.sourceOf[i] as number] === 1 && t.firstResponseMs === null)) open.push(i);
    else settled.push(i);
  }
  const order = Uint32Array.from(settled);
  const createdMs = new Float64Array(order.length);
  const settledMs = new Float64Array(order.length);
  const blockMaxMs = new Float64Array(Math.ceil(order.length / BLOCK)).fill(Number.NEGATIVE_INFINITY);
  let settlesBeforeCreation = false;
  for (let k = 0; k < order.length; k++) {
    const i = order[k] as number;
    const t = tickets[i] as TicketRecord;
    createdMs[k] = t.createdMs;
    // Resolved (and, when its source records responses, responded to) before a start: every outcome
    // was known before that period and the ticket is in none of its backlogs, so the period skips it.
    const at =
      judged[index.sourceOf[i] as number] === 1 ? Math.max(t.resolvedMs as number, t.firstResponseMs as number) : (t.resolvedMs as number);
    settledMs[k] = at;
    if (at < t.createdMs) settlesBeforeCreation = true;
    const b = (k / BLOCK) | 0;
    if (at > (blockMaxMs[b] as number)) blockMaxMs[b] = at;
  }
  const openOrder = Uint32Array.from(open);
  const openCreatedMs = Float64Array.from(openOrder, (i) => (tickets[i] as TicketRecord).createdMs);
  settle = { order, createdMs, settledMs, blockMaxMs, open: openOrder, openCreatedMs, settlesBeforeCreation };
  index.settle.set(key, settle);
  return settle;
}

/** What a clock rule's times depend on: 24×7, or the calendar's rules. */
function clockKey(rule: ClockRule): string {
  return rule.kind === 'business' ? rule.calendar.key : '24x7';
}

/** Everything the SLA instants of a level's tickets depend on: its id, targets and clock. */
export function levelKey(level: PriorityRule): string {
  return JSON.stringify([level.id, level.responseSeconds, level.resolutionSeconds, clockKey(level.clock)]);
}

/** Everything a period's figures depend on besides its bounds: the levels (in order, with names), `responseRecorded` and the horizons. */
export function rulesKey(options: Pick<TicketPeriodOptions, 'levels' | 'responseRecorded' | 'horizons'>): string {
  const horizons = [...(options.horizons ?? new Map<string, number>())].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return JSON.stringify([options.levels.map((l) => [levelKey(l), l.name]), responseKey(options.responseRecorded), horizons]);
}

export function levelTimes(index: TicketTable, priority: number, key: string): LevelTimes {
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

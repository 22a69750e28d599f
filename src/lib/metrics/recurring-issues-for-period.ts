/**
 * Top recurring issues of one review period, cut from a grouping of the whole ticket history.
 */
import { median } from 'simple-statistics';
import type { TicketRecord } from '../model/records.ts';
import type { MonthId } from '../time/periods.ts';
import type { IssueGroup, RecurringIssueGrouping } from './group-recurring-issues.ts';
import { ticketGroupIndexes } from './recurring-ticket-groups.ts';

/** What the period view reads from a ticket. */
export type PeriodTicket = Pick<TicketRecord, 'id' | 'createdMs' | 'resolvedMs' | 'service' | 'category'>;

/** A kind of period the tickets are cut by: the period an instant falls in, and the period before one. */
export interface PeriodKind {
  /** The period an instant falls in, e.g. `(ms) => monthOf(ms, zone)`; keeps zones out of this module. Must be pure. */
  periodOf: (ms: number) => string;
  /** The period before an id, e.g. `previousMonth`. */
  previousOf: (period: string) => string;
}

export interface RecurringIssuesForPeriodOptions {
  /** The period to report, e.g. `YYYY-MM`. */
  period: string;
  /** Which of the table's period kinds `period` is (default `month`). */
  kind?: string;
  /** How many periods, ending with `period`, "periods seen" looks at (default 6). */
  window?: number;
  /** A group is recurring when seen in at least this many months of the window (default 2)… */
  recurringMinPeriods?: number;
  /** …or when it has at least this many tickets in the period (default 3). */
  recurringMinTickets?: number;
}

/** Resolution time of a group's tickets created in the period and resolved by its end. */
export interface ResolutionSummary {
  /** Tickets counted. */
  n: number;
  /** Sum of their resolution times, integer seconds. */
  totalSeconds: number;
  /** Median resolution time in seconds (mean of the two middle values when n is even); null when n = 0. */
  medianSeconds: number | null;
}

export interface RecurringIssueRow {
  /** Group identity, the same in every period (see groupRecurringIssues). */
  key: string;
  /** Group name: its most frequent original title over the whole history. */
  name: string;
  /** Most frequent category of the group over the whole history, null when none. */
  category: string | null;
  /** The group of titles with no words left. */
  untitled: boolean;
  /** Tickets of the group created in the period. */
  ticketCount: number;
  /** Tickets of the group created in the previous month. */
  previousTicketCount: number;
  /** ticketCount − previousTicketCount. */
  change: number;
  /** ticketCount / all tickets created in the period, in [0, 1]. */
  share: number;
  /** Resolution of this period's tickets, as of the period's end. */
  resolution: ResolutionSummary;
  /** Tickets of this period not resolved by its end. */
  unresolvedAtPeriodEnd: number;
  /** Distinct service ids of this period's tickets, sorted. */
  services: string[];
  /** This period's tickets that name no service. */
  ticketsWithoutService: number;
  /** Months of the window in which the group has tickets, ascending (includes `period`). */
  periodsSeen: MonthId[];
  /** periodsSeen.length. */
  periodsSeenInWindow: number;
  /** Seen in ≥ recurringMinPeriods months of the window, or ≥ recurringMinTickets tickets in the period. */
  recurring: boolean;
  /** This period's tickets, by created time then id. */
  ticketIds: string[];
}

export interface TopCategoryRow {
  /** Category as exported; null for tickets without one. */
  category: string | null;
  /** Tickets with this category created in the period. */
  ticketCount: number;
  /** Same, in the previous month. */
  previousTicketCount: number;
  /** ticketCount − previousTicketCount. */
  change: number;
  /** ticketCount / all tickets created in the period, in [0, 1]. */
  share: number;
  /** Distinct issue groups these tickets belong to. */
  groups: number;
}

export interface RecurringIssuesForPeriod {
  period: MonthId;
  previousPeriod: MonthId;
  /** The months "periods seen" looks at, ascending, ending with `period`. */
  window: MonthId[];
  /** All tickets created in the period (the denominator of every share). */
  totalTickets: number;
  /** All tickets created in the previous month. */
  previousTotalTickets: number;
  /** Groups with tickets in the period: most tickets first, then name, then key (code-unit order). */
  groups: RecurringIssueRow[];
  /** Categories of the period's tickets: most tickets first, then category (code-unit order), null last. */
  topCategories: TopCategoryRow[];
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareNullableLast(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return compareStrings(a, b);
}

/** The tickets created in one period, with what any period's view reads of them. */
interface Bucket {
  /** How many tickets. */
  count: number;
  /** Per group (index into the grouping), in order of first appearance: positions of its tickets, ascending. */
  byGroup: Map<number, number[]>;
  /** Tickets per category, and the distinct groups per category (order of first appearance). */
  categoryCount: Map<string | null, number>;
  categoryGroups: Map<string | null, Set<number>>;
}

/**
 * The tickets of a grouping, prepared once for every period's view ({@link prepareRecurringTickets}):
 * each ticket's group, and the tickets of each period per kind of period, bucketed on first use.
 */
export interface RecurringTicketTable {
  readonly grouping: RecurringIssueGrouping;
  readonly tickets: readonly PeriodTicket[];
  /** Ticket (by position in the array) → its group's index in the grouping. */
  readonly groupOf: Int32Array;
  /** True when the array is in the order the view lists tickets (created time, then id), so every run of positions is too. */
  readonly inListOrder: boolean;
  /** The kinds of period the view can be asked for, by name (`month`, `quarter`, `year`). */
  readonly kinds: Readonly<Record<string, PeriodKind>>;
  /** Per kind: period → its tickets (filled on first use). */
  readonly buckets: Map<string, Map<string, Bucket>>;
}

/** The order tickets are listed in: created time, then id (code-unit order). */
function byCreated(a: PeriodTicket, b: PeriodTicket): number {
  return a.createdMs - b.createdMs || compareStrings(a.id, b.id);
}

/**
 * Prepares tickets for {@link recurringIssuesForPeriod}: once per build, then passed to every period.
 *
 * @param grouping the grouping of the whole history (`groupRecurringIssues`)
 * @param tickets the tickets that were grouped (any order); every one must be in the grouping
 * @param kinds the kinds of period the view will be asked for, e.g. `{ month: { periodOf, previousOf } }`
 * @param groupOfTicket each ticket's group by position, when the caller has it (`groupTicketsByIssue` of these same tickets); else found by id
 * @returns the table (it keeps the tickets: do not change them afterwards)
 * @throws {Error} when a ticket is not in the grouping
 * @example prepareRecurringTickets(grouping, tickets, { month: { periodOf: monthOfIn('UTC'), previousOf: previousMonth } }).groupOf // Int32Array [0, 0, 1, …]
 */
export function prepareRecurringTickets(
  grouping: RecurringIssueGrouping,
  tickets: readonly PeriodTicket[],
  kinds: Readonly<Record<string, PeriodKind>>,
  groupOfTicket?: Int32Array,
): RecurringTicketTable {
  const groupOf = groupOfTicket ?? ticketGroupIndexes(grouping, tickets);
  const missing = groupOf.indexOf(-1);
  if (missing >= 0)
    throw new Error(
      `recurringIssuesForPeriod requires every ticket to be in the grouping; "${(tickets[missing] as PeriodTicket).id}" is not`,
    );
  let inListOrder = true;
  for (let i = 1; i < tickets.length && inListOrder; i++)
    if (byCreated(tickets[i - 1] as PeriodTicket, tickets[i] as PeriodTicket) > 0) inListOrder = false;
  return { grouping, tickets, groupOf, inListOrder, kinds, buckets: new Map() };
}

/** The tickets created in each period of a kind, bucketed on first use. */
function ticketsByPeriod(table: RecurringTicketTable, kind: string): Map<string, Bucket> {
  let buckets = table.buckets.get(kind);
  if (!buckets) {
    const periodOf = table.kinds[kind]?.periodOf;
    if (!periodOf)
      throw new Error(`recurringIssuesForPeriod: the table has no period kind "${kind}" (has: ${Object.keys(table.kinds).join(', ')})`);
    buckets = new Map();
    const tickets = table.tickets;
    // Tickets usually come in time order: runs of them fall in one period.
    let lastPeriod: string | null = null;
    let bucket: Bucket | undefined;
    for (let i = 0; i < tickets.length; i++) {
      const t = tickets[i] as PeriodTicket;
      const p = periodOf(t.createdMs);
      if (p !== lastPeriod || bucket === undefined) {
        lastPeriod = p;
        bucket = buckets.get(p);
        if (!bucket) buckets.set(p, (bucket = { count: 0, byGroup: new Map(), categoryCount: new Map(), categoryGroups: new Map() }));
      }
      bucket.count++;
      const g = table.groupOf[i] as number;
      const members = bucket.byGroup.get(g);
      if (members) members.push(i);
      else bucket.byGroup.set(g, [i]);
      increment(bucket.categoryCount, t.category);
      const gs = bucket.categoryGroups.get(t.category);
      if (gs) gs.add(g);
      else bucket.categoryGroups.set(t.category, new Set([g]));
    }
    table.buckets.set(kind, buckets);
  }
  return buckets;
}

function increment<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/**
 * The recurring issues of one period: issue groups ranked by their tickets in the period, with
 * the change against the previous period, share of all tickets, resolution time, services
 * affected, and in how many of the last 6 periods the group appeared.
 *
 * Definition (spec "Recurring issues"): tickets belong to the period of their created time.
 * Groups are ranked by ticket count; a group is recurring when it appears in at least 2 of the
 * last 6 periods (this one included) or has at least 3 tickets in the period.
 *
 * Method: group once over the whole history (`groupRecurringIssues`) and pass that grouping
 * for every period. Grouping per period would give a group a different leader, key and
 * membership in each month, so "previous period" and "periods seen" could not find it again;
 * one grouping gives each group one identity across periods, and because leader clustering
 * runs in time order, later months never change earlier assignments. The previous period and
 * the window are calendar months before `period`, whether or not they have data.
 *
 * Resolution figures are as of the period's end, like every period figure: a ticket counts when
 * it was created in the period and resolved in the same month (`periodOf(resolvedMs) ≤ period`);
 * the others are `unresolvedAtPeriodEnd`. Resolution time is elapsed 24×7 time,
 * round((resolvedMs − createdMs) / 1000) seconds, taken as 0 if an export resolves a ticket before
 * it was created. The median is simple-statistics' `median`. The category view counts each
 * ticket's own category.
 *
 * Each ticket's group, and the tickets of each period with their counts per group and per
 * category, are found once per build in the prepared table ({@link prepareRecurringTickets});
 * a period then reads only its own tickets, and of the other periods of its window only which
 * groups they hold.
 *
 * @param table the grouped tickets, prepared once by {@link prepareRecurringTickets}
 * @param options the period and its kind (default month), window (6) and recurring thresholds (2 periods, 3 tickets)
 * @returns ranked groups and top categories of the period (JSON-safe, deterministic)
 * @example
 * // grouping: one group 'log portal' holding T1 (2026-09) and T2, T3 (2026-10); 12 tickets in 2026-10 in all
 * recurringIssuesForPeriod(prepareRecurringTickets(grouping, tickets, { month: { periodOf: monthOfIn('UTC'), previousOf: previousMonth } }), { period: '2026-10' }).groups[0]
 * // { key: 'log portal', ticketCount: 2, previousTicketCount: 1, change: 1, share: 0.16666666666666666,
 * //   periodsSeen: ['2026-09', '2026-10'], periodsSeenInWindow: 2, recurring: true, … }
 */
export function recurringIssuesForPeriod(table: RecurringTicketTable, options: RecurringIssuesForPeriodOptions): RecurringIssuesForPeriod {
  const { period } = options;
  const kind = options.kind ?? 'month';
  const { grouping, tickets } = table;
  const windowSize = options.window ?? 6;
  const minPeriods = options.recurringMinPeriods ?? 2;
  const minTickets = options.recurringMinTickets ?? 3;
  if (!Number.isInteger(windowSize) || windowSize < 1)
    throw new RangeError(`recurringIssuesForPeriod requires a window of at least 1 month, got ${windowSize}`);

  const buckets = ticketsByPeriod(table, kind);
  const { periodOf, previousOf } = table.kinds[kind] as PeriodKind;
  const window: string[] = [period];
  while (window.length < windowSize) window.unshift(previousOf(window[0]!));
  const inWindow = new Set(window);
  const previousPeriod = previousOf(period);

  // Per group: months seen in the window; the previous month's counts (when it is in the
  // window) and this month's tickets come from their buckets.
  const seen = new Map<number, string[]>();
  for (const month of inWindow) {
    const bucket = buckets.get(month);
    if (bucket === undefined) continue;
    for (const g of bucket.byGroup.keys()) {
      const months = seen.get(g);
      if (months) months.push(month);
      else seen.set(g, [month]);
    }
  }
  const previous = inWindow.has(previousPeriod) ? buckets.get(previousPeriod) : undefined;
  const current = buckets.get(period);
  const totalTickets = current?.count ?? 0;
  const previousTotalTickets = previous?.count ?? 0;

  const rows: RecurringIssueRow[] = [...(current?.byGroup ?? [])].map(([g, positions]) => {
    const group = grouping.groups[g] as IssueGroup;
    // Usually in order already (tickets sorted by created time, so every run of them): sort only when not.
    let order = positions;
    for (let k = 1; k < positions.length && !table.inListOrder; k++)
      if (byCreated(tickets[positions[k - 1] as number] as PeriodTicket, tickets[positions[k] as number] as PeriodTicket) > 0) {
        order = [...positions].sort((x, y) => byCreated(tickets[x] as PeriodTicket, tickets[y] as PeriodTicket));
        break;
      }
    const resolutionSeconds: number[] = [];
    const services = new Set<string>();
    const ticketIds: string[] = [];
    let ticketsWithoutService = 0;
    for (let k = 0; k < order.length; k++) {
      const t = tickets[order[k] as number] as PeriodTicket;
      ticketIds.push(t.id);
      if (t.resolvedMs !== null && periodOf(t.resolvedMs) <= period)
        resolutionSeconds.push(Math.max(0, Math.round((t.resolvedMs - t.createdMs) / 1000)));
      if (t.service === null) ticketsWithoutService++;
      else services.add(t.service);
    }
    const periodsSeen = [...new Set(seen.get(g) ?? [])].sort(compareStrings);
    const prev = previous?.byGroup.get(g)?.length ?? 0;
    return {
      key: group.key,
      name: group.name,
      category: group.category,
      untitled: group.untitled,
      ticketCount: ticketIds.length,
      previousTicketCount: prev,
      change: ticketIds.length - prev,
      share: ticketIds.length / totalTickets,
      resolution: {
        n: resolutionSeconds.length,
        totalSeconds: resolutionSeconds.reduce((a, b) => a + b, 0),
        medianSeconds: resolutionSeconds.length === 0 ? null : median(resolutionSeconds),
      },
      unresolvedAtPeriodEnd: ticketIds.length - resolutionSeconds.length,
      services: [...services].sort(compareStrings),
      ticketsWithoutService,
      periodsSeen,
      periodsSeenInWindow: periodsSeen.length,
      recurring: periodsSeen.length >= minPeriods || ticketIds.length >= minTickets,
      ticketIds,
    };
  });
  rows.sort((a, b) => b.ticketCount - a.ticketCount || compareStrings(a.name, b.name) || compareStrings(a.key, b.key));

  const topCategories: TopCategoryRow[] = [...(current?.categoryCount ?? [])]
    .map(([category, count]) => {
      const prev = previous?.categoryCount.get(category) ?? 0;
      return {
        category,
        ticketCount: count,
        previousTicketCount: prev,
        change: count - prev,
        share: count / totalTickets,
        groups: current?.categoryGroups.get(category)?.size ?? 0,
      };
    })
    .sort((a, b) => b.ticketCount - a.ticketCount || compareNullableLast(a.category, b.category));

  return { period, previousPeriod, window, totalTickets, previousTotalTickets, groups: rows, topCategories };
}

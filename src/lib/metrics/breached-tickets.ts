/**
 * The tickets behind a period's "breached" counts, one row per missed target: the drill-down
 * from the figure to the rows. Pure.
 */
import type { TicketRecord } from '../model/records.ts';
import type { PriorityRule } from '../model/rules.ts';
import type { TicketPeriodOptions } from './ticket-figures.ts';
import { forEachConcerning, levelKey, levelTimes, responseJudged, settleOrder, type TicketTable } from './ticket-table.ts';

/** One missed target of one ticket. */
export interface BreachedTicket {
  /** The ticket, as given to `prepareTickets`. */
  ticket: TicketRecord;
  /** Its priority level (the last configured level with the ticket's priority id). */
  level: PriorityRule;
  target: 'response' | 'resolution';
  /** The deadline on the level's clock, epoch ms; the breach became known then (in the period). */
  deadlineMs: number;
  /** The late event (first response or resolution, clamped to creation) if it came before the ticket was judged, else null (still open). */
  lateEventMs: number | null;
}

/**
 * The breaches of a period: each ticket and target whose outcome, as {@link ticketPeriodMetrics}
 * judges it, is `breached` and became known in `[start, end)`: its deadline is in the period and
 * before the ticket's source horizon, and the event (clamped to creation) did not come before
 * that instant at or before the deadline. These are exactly the tickets counted in the period's
 * `response.breached` and `resolution.breached` (a property test checks it against both
 * `ticketPeriodMetrics` and the per-ticket rule `slaTargetOutcome`).
 *
 * Definition: deadline = clock.deadline(created, target seconds) on the level's clock; judged as
 * of asOf = min(period end, source horizon); breached when deadline < asOf and not (event <
 * asOf and event ≤ deadline); in the period when deadline ≥ start. Response targets only of the
 * tickets whose source records first responses (`responseRecorded`, default every source: see
 * `responseJudged`). Tickets of an unconfigured priority are in no figure.
 *
 * @param index the tickets, prepared once by `prepareTickets`
 * @param options levels, bounds, horizons and `responseRecorded`, as for `ticketPeriodMetrics`
 * @returns the breaches, by deadline, then target (response first), then ticket id
 * @example
 * // P1 (24×7, resolution 4 h) created 2026-11-03 10:00 UTC, resolved 16:00, November
 * breachedTickets(prepareTickets([ticket]), { levels: [p1], bounds: monthBounds('2026-11', 'UTC'), responseRecorded: false })
 * // [{ ticket, level: p1, target: 'resolution', deadlineMs: Date.UTC(2026, 10, 3, 14), lateEventMs: Date.UTC(2026, 10, 3, 16) }]
 */
export function breachedTickets(index: TicketTable, options: TicketPeriodOptions): BreachedTicket[] {
  const { startMs, endMs } = options.bounds;
  // Per source: whether its tickets are judged on the response target (the rule the figures use).
  const judged = responseJudged(index, options.responseRecorded);
  const tickets = index.tickets;
  const levelOf = index.priorities.map((p) => options.levels.findLast((l) => l.id === p) ?? null);
  const timesOf = levelOf.map((l, p) => (l === null ? null : levelTimes(index, p, levelKey(l))));
  const asOfOfSource = index.sources.map((src) => Math.min(endMs, options.horizons?.get(src) ?? Number.POSITIVE_INFINITY));
  const out: BreachedTicket[] = [];

  const judge = (
    t: TicketRecord,
    level: PriorityRule,
    target: BreachedTicket['target'],
    eventMs: number | null,
    deadlineMs: number,
    asOf: number,
  ) => {
    const event = eventMs === null ? null : Math.max(eventMs, t.createdMs);
    const metInTime = event !== null && event < asOf && event <= deadlineMs;
    if (metInTime || deadlineMs >= asOf || deadlineMs < startMs) return;
    out.push({ ticket: t, level, target, deadlineMs, lateEventMs: event !== null && event < asOf ? event : null });
  };
  const visit = (i: number): void => {
    const p = index.priorityOf[i] as number;
    const level = levelOf[p];
    if (!level) return;
    const t = tickets[i] as TicketRecord;
    const times = timesOf[p] as NonNullable<(typeof timesOf)[number]>;
    const pos = index.positionInPriority[i] as number;
    const clock = index.clockOf(level.clock);
    const asOf = asOfOfSource[index.sourceOf[i] as number] as number;
    if (judged[index.sourceOf[i] as number] === 1) {
      let d = times.responseDeadlineMs[pos] as number;
      if (Number.isNaN(d)) times.responseDeadlineMs[pos] = d = clock.deadline(t.createdMs, level.responseSeconds);
      judge(t, level, 'response', t.firstResponseMs, d, asOf);
    }
    let d = times.resolutionDeadlineMs[pos] as number;
    if (Number.isNaN(d)) times.resolutionDeadlineMs[pos] = d = clock.deadline(t.createdMs, level.resolutionSeconds);
    judge(t, level, 'resolution', t.resolvedMs, d, asOf);
  };

  // A target breached in the period has its deadline at or after the start and its event (if any)
  // after the deadline, so the ticket settles at or after the start, or never: the tickets the
  // period's figures read (see SettleOrder) hold every breach.
  forEachConcerning(settleOrder(index, options.responseRecorded), startMs, endMs, visit);
  const rank = { response: 0, resolution: 1 };
  return out.sort(
    (a, b) =>
      a.deadlineMs - b.deadlineMs ||
      rank[a.target] - rank[b.target] ||
      (a.ticket.id < b.ticket.id ? -1 : a.ticket.id > b.ticket.id ? 1 : 0) ||
      (a.ticket.source < b.ticket.source ? -1 : a.ticket.source > b.ticket.source ? 1 : 0),
  );
}

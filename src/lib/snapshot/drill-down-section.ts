/**
 * The rows behind a period's figures (issue 15, drill-down): the tickets that breached a target
 * in the period, and the tickets of its largest recurring issues. Every exported text is masked
 * for personal data: titles as free text, ticket ids as ids (mask-personal-data.ts).
 */
import { type BreachedTicket, breachedTickets } from '../metrics/breached-tickets.ts';
import type { TicketPeriodOptions } from '../metrics/ticket-figures.ts';
import type { TicketTable } from '../metrics/ticket-table.ts';
import type { TicketRecord } from '../model/records.ts';
import { maskIdentifier, maskPersonalData } from '../util/mask-personal-data.ts';
import type { RecurringSection } from './recurring-section.ts';
import type { SharedIdTicket } from './tickets-by-id.ts';

/** The recurring issues whose tickets are listed: as many as the period page's table shows. */
export const RECURRING_GROUPS_LISTED = 10;
/** Tickets listed per recurring issue (20 × 10 issues keeps a snapshot small); the ids of all are in the recurring-issues download. */
export const RECURRING_TICKETS_LISTED = 20;

export interface BreachedTicketRow {
  id: string;
  source: string;
  /** Title, masked. */
  title: string;
  /** Priority level id. */
  priority: string;
  service: string | null;
  target: 'response' | 'resolution';
  createdMs: number;
  deadlineMs: number;
  /** The late first response or resolution, null when none came before the ticket was judged (still open). */
  lateEventMs: number | null;
}

export interface RecurringTicketRow {
  id: string;
  source: string;
  title: string;
  priority: string;
  service: string | null;
  createdMs: number;
  resolvedMs: number | null;
}

export interface DrillDownSection {
  breached: BreachedTicketRow[];
  recurring: Array<{ key: string; total: number; tickets: RecurringTicketRow[] }>;
}

/** What the drill-downs of a build's periods share: made once per build ({@link drillDownMemo}). */
export interface DrillDownMemo {
  /** A ticket title masked for personal data: each distinct title masked once ("Cannot log in" recurs). */
  maskTitle(title: string): string;
  /**
   * A breach's row. A ticket breached in a month is listed again in its quarter and its year, mostly
   * with the same values: those periods get the same row object (1.5 M rows for the year on the
   * 1 M-ticket benchmark). Rows are plain data, written as JSON and never changed.
   */
  breachedRow(b: BreachedTicket): BreachedTicketRow;
}

export function drillDownMemo(): DrillDownMemo {
  const masked = new Map<string, string>();
  const maskTitle = (title: string) => {
    let m = masked.get(title);
    if (m === undefined) masked.set(title, (m = maskPersonalData(title)));
    return m;
  };
  // Per target, the last row made for each ticket; reused only when every value is the same.
  const rows = { response: new Map<TicketRecord, BreachedTicketRow>(), resolution: new Map<TicketRecord, BreachedTicketRow>() };
  const breachedRow = (b: BreachedTicket): BreachedTicketRow => {
    const made = rows[b.target];
    const last = made.get(b.ticket);
    if (last && last.priority === b.level.id && last.deadlineMs === b.deadlineMs && last.lateEventMs === b.lateEventMs) return last;
    const row: BreachedTicketRow = {
      id: maskIdentifier(b.ticket.id),
      source: b.ticket.source,
      title: maskTitle(b.ticket.title),
      priority: b.level.id,
      service: b.ticket.service,
      target: b.target,
      createdMs: b.ticket.createdMs,
      deadlineMs: b.deadlineMs,
      lateEventMs: b.lateEventMs,
    };
    made.set(b.ticket, row);
    return row;
  };
  return { maskTitle, breachedRow };
}

/**
 * @param table the tickets, prepared once
 * @param options the period's ticket rules, as its ticket figures were computed with
 * @param recurring the period's recurring issues
 * @param byId tickets by id (tickets-by-id.ts)
 * @param memo what the build's periods share ({@link drillDownMemo}, made once per build)
 * @param shared the tickets whose id another ticket has too, with their recurring issue (ticketsSharingIds)
 */
export function drillDownSection(
  table: TicketTable,
  options: TicketPeriodOptions,
  recurring: RecurringSection,
  byId: ReadonlyMap<string, TicketRecord>,
  memo: DrillDownMemo,
  shared: ReadonlyMap<string, readonly SharedIdTicket[]> = new Map(),
): DrillDownSection {
  const { startMs, endMs } = options.bounds;
  return {
    breached: breachedTickets(table, options).map(memo.breachedRow),
    recurring: recurring.groups.slice(0, RECURRING_GROUPS_LISTED).map((g) => {
      // An id two tickets have: the one of this issue created in the period, each listed once.
      const listed = new Set<TicketRecord>();
      const ofIssue = (id: string): TicketRecord | undefined => {
        const same = shared.get(id);
        if (same === undefined) return byId.get(id);
        const hit = same.find(
          (c) => c.key === g.key && c.ticket.createdMs >= startMs && c.ticket.createdMs < endMs && !listed.has(c.ticket),
        );
        if (hit) listed.add(hit.ticket);
        return hit?.ticket;
      };
      return {
        key: g.key,
        total: g.ticketIds.length,
        tickets: g.ticketIds.slice(0, RECURRING_TICKETS_LISTED).flatMap((id) => {
          const t = ofIssue(id);
          return t === undefined
            ? []
            : [
                {
                  id: maskIdentifier(t.id),
                  source: t.source,
                  title: memo.maskTitle(t.title),
                  priority: t.priority,
                  service: t.service,
                  createdMs: t.createdMs,
                  resolvedMs: t.resolvedMs,
                },
              ];
        }),
      };
    }),
  };
}

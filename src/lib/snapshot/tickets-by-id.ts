/**
 * A build's tickets by id, made once per build (a map of a million tickets takes half a second) and
 * shared by what joins on a ticket id: the drill-down's recurring-issue lists and the surveys'
 * tickets (satisfaction-section.ts).
 */
import type { RecurringIssueGrouping } from '../metrics/group-recurring-issues.ts';
import type { RecurringTicketTable } from '../metrics/recurring-issues-for-period.ts';
import type { TicketRecord } from '../model/records.ts';

/**
 * Tickets by id. Ingestion settles a repeated ticket id within a source (the later row wins and
 * the earlier is counted as a duplicate); two sources may each have a ticket of one id, and then
 * the first is kept here ({@link ticketsSharingIds} tells them apart).
 * @example ticketsById([{ id: 'T-1', … }, { id: 'T-1', … }]).size // 1, the first T-1
 */
export function ticketsById(tickets: readonly TicketRecord[]): Map<string, TicketRecord> {
  const byId = new Map<string, TicketRecord>();
  for (const t of tickets) if (!byId.has(t.id)) byId.set(t.id, t);
  return byId;
}

/** A ticket whose id another ticket has too, with the key of its recurring issue. */
export interface SharedIdTicket {
  ticket: TicketRecord;
  key: string;
}

/**
 * The tickets whose id another ticket of the build has too (two ticket sources numbering alike:
 * desk's 1001 and jira's 1001), each with its recurring issue's key: by id alone the drill-down
 * would list one of them in the other's place. Empty, at no cost, when every id is unique.
 * @param byId the tickets by id ({@link ticketsById}): fewer entries than tickets means an id repeats
 * @param groupOf each ticket's group in `grouping`, by position in `tickets` (RecurringTicketTable.groupOf)
 */
export function ticketsSharingIds(
  tickets: readonly TicketRecord[],
  byId: ReadonlyMap<string, TicketRecord>,
  grouping: RecurringIssueGrouping,
  groupOf: Int32Array,
): Map<string, SharedIdTicket[]> {
  const out = new Map<string, SharedIdTicket[]>();
  if (byId.size === tickets.length) return out;
  const count = new Map<string, number>();
  for (const t of tickets) count.set(t.id, (count.get(t.id) ?? 0) + 1);
  tickets.forEach((ticket, i) => {
    if ((count.get(ticket.id) as number) < 2) return;
    const key = (grouping.groups[groupOf[i] as number] as { key: string }).key;
    const list = out.get(ticket.id);
    if (list) list.push({ ticket, key });
    else out.set(ticket.id, [{ ticket, key }]);
  });
  return out;
}

/**
 * A build's tickets by id and the tickets that share an id, made once per build.
 * @param table the recurring-issue table of these same tickets (prepareRecurring), in the same order
 */
export function ticketIndex(
  tickets: readonly TicketRecord[],
  table: RecurringTicketTable,
): { byId: Map<string, TicketRecord>; shared: Map<string, SharedIdTicket[]> } {
  const byId = ticketsById(tickets);
  return { byId, shared: ticketsSharingIds(tickets, byId, table.grouping, table.groupOf) };
}

/**
 * A build's tickets by id, made once per build (a map of a million tickets takes half a second) and
 * shared by what joins on a ticket id: the drill-down's recurring-issue lists and the surveys'
 * tickets (satisfaction-section.ts).
 */
import type { TicketRecord } from '../model/records.ts';

/**
 * Tickets by id. Ingestion already settles a repeated ticket id (the later row wins and the
 * earlier is counted as a duplicate), so ids arrive unique; given repeats, the first is kept.
 * @example ticketsById([{ id: 'T-1', … }, { id: 'T-1', … }]).size // 1, the first T-1
 */
export function ticketsById(tickets: readonly TicketRecord[]): Map<string, TicketRecord> {
  const byId = new Map<string, TicketRecord>();
  for (const t of tickets) if (!byId.has(t.id)) byId.set(t.id, t);
  return byId;
}

/**
 * Each ticket's issue group, by the ticket's position in its array: what every period of the
 * recurring-issues view reads first, found once per grouping and ticket array.
 */
import type { RecurringIssueGrouping } from './group-recurring-issues.ts';

/** What a ticket needs to be found in a grouping. */
export interface GroupedTicket {
  id: string;
}

// Per grouping, per ticket array: the group index of each ticket. Weak on both, so a build's
// grouping and tickets are dropped with it.
const known = new WeakMap<RecurringIssueGrouping, WeakMap<readonly GroupedTicket[], Int32Array>>();

/**
 * The group of each ticket of `tickets` in `grouping`, as an index into `grouping.groups`, by
 * position in `tickets`; -1 for a ticket whose id is in no group.
 *
 * Definition: ticket i belongs to the group whose `ticketIds` hold its id.
 *
 * Method: found from the ids on first use, then cached per grouping and ticket array (neither
 * may change afterwards). `groupRecurringIssues` passes the indexes it found for the array it
 * grouped as `found`; they are stored and returned, so that array is never looked up by id.
 *
 * @param grouping a grouping from `groupRecurringIssues`
 * @param tickets tickets, any order
 * @param found the indexes already known (stored as they are; the caller vouches for them)
 * @returns group index per ticket position (-1: not grouped)
 * @example
 * // grouping.groups: [{ key: 'log portal', ticketIds: ['T1', 'T3'], … }, { key: 'printer', ticketIds: ['T2'], … }]
 * ticketGroupIndexes(grouping, [{ id: 'T3' }, { id: 'T2' }, { id: 'T9' }]) // Int32Array [0, 1, -1]
 */
export function ticketGroupIndexes(grouping: RecurringIssueGrouping, tickets: readonly GroupedTicket[], found?: Int32Array): Int32Array {
  let byTickets = known.get(grouping);
  if (!byTickets) known.set(grouping, (byTickets = new WeakMap()));
  if (found) {
    byTickets.set(tickets, found);
    return found;
  }
  let indexes = byTickets.get(tickets);
  if (!indexes) {
    const groupOfId = new Map<string, number>();
    grouping.groups.forEach((g, k) => {
      for (const id of g.ticketIds) groupOfId.set(id, k);
    });
    indexes = new Int32Array(tickets.length);
    for (let i = 0; i < tickets.length; i++) indexes[i] = groupOfId.get((tickets[i] as GroupedTicket).id) ?? -1;
    byTickets.set(tickets, indexes);
  }
  return indexes;
}

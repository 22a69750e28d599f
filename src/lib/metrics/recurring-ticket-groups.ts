/**
 * Each ticket's issue group, by the ticket's position in its array, for an array other than the
 * one that was grouped (that one's are in `grouping.groupOfTicket`).
 */
import type { RecurringIssueGrouping } from './group-recurring-issues.ts';

/** What a ticket needs to be found in a grouping. */
export interface GroupedTicket {
  id: string;
}

/**
 * The group of each ticket of `tickets` in `grouping`, as an index into `grouping.groups`, by
 * position in `tickets`; -1 for a ticket whose id is in no group.
 *
 * Definition: ticket i belongs to the group whose `ticketIds` hold its id.
 *
 * @param grouping a grouping from `groupRecurringIssues`
 * @param tickets tickets, any order
 * @returns group index per ticket position (-1: not grouped)
 * @example
 * // grouping.groups: [{ key: 'log portal', ticketIds: ['T1', 'T3'], … }, { key: 'printer', ticketIds: ['T2'], … }]
 * ticketGroupIndexes(grouping, [{ id: 'T3' }, { id: 'T2' }, { id: 'T9' }]) // Int32Array [0, 1, -1]
 */
export function ticketGroupIndexes(grouping: Pick<RecurringIssueGrouping, 'groups'>, tickets: readonly GroupedTicket[]): Int32Array {
  const groupOfId = new Map<string, number>();
  grouping.groups.forEach((g, k) => {
    for (const id of g.ticketIds) groupOfId.set(id, k);
  });
  const indexes = new Int32Array(tickets.length);
  for (let i = 0; i < tickets.length; i++) indexes[i] = groupOfId.get((tickets[i] as GroupedTicket).id) ?? -1;
  return indexes;
}

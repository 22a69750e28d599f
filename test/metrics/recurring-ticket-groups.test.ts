/**
 * Each ticket's issue group by position: from the ids, and as the grouping found it (the two agree).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupRecurringIssues, groupTicketsByIssue, ticketGroupIndexes } from '../../src/lib/metrics/index.ts';
import { assertProperty } from '../helpers/property.ts';

const t = (id: string, createdMs: number, title: string) => ({ id, createdMs, title, category: null });

describe('ticketGroupIndexes', () => {
  // T1 and T3 are about logging in to the portal (group 0), T2 about a printer (group 1).
  const tickets = [t('T1', 1, 'Cannot log in to portal'), t('T2', 2, 'Printer jammed'), t('T3', 3, 'Portal log in fails')];
  const grouping = groupRecurringIssues(tickets);

  it('gives the group of each ticket of another array by id; -1 for one in no group', () => {
    expect(grouping.groups.map((g) => g.ticketIds)).toEqual([['T1', 'T3'], ['T2']]);
    expect([...ticketGroupIndexes(grouping, [{ id: 'T3' }, { id: 'T2' }, { id: 'T9' }])]).toEqual([0, 1, -1]);
  });

  it('for the array that was grouped, gives what the grouping found (groupOfTicket)', () => {
    expect([...ticketGroupIndexes(grouping, tickets)]).toEqual([0, 1, 0]);
    expect([...groupTicketsByIssue(tickets).groupOfTicket]).toEqual([0, 1, 0]);
  });

  it('property: the grouping hands over exactly the groups found by id', () => {
    const title = fc.constantFrom('Cannot log in', 'Log in fails', 'Printer jammed', 'Printer out of paper', 'VPN 连接失败', '', 'INC0012');
    assertProperty(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), title), { maxLength: 30 }), (rows) => {
        const ts = rows.map(([ms, ti], i) => t(`X${i}`, ms, ti));
        const { grouping: g, groupOfTicket } = groupTicketsByIssue(ts);
        const byId = ticketGroupIndexes(
          g,
          ts.map((x) => ({ id: x.id })),
        );
        expect([...groupOfTicket]).toEqual([...byId]);
      }),
      { numRuns: 300 },
    );
  });
});

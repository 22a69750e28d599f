/** The one map of a build's tickets by id (tickets-by-id.ts), shared by the drill-down and the surveys' join. */
import { describe, expect, it } from 'vitest';
import { ticketsById } from '../../src/lib/snapshot/tickets-by-id.ts';
import { ticketRecord } from '../helpers/ticket-record.ts';

describe('ticketsById', () => {
  it('finds each ticket by its id; a repeated id keeps the first ticket of the export', () => {
    const first = ticketRecord({ id: 'T-1', priority: 'p1', createdMs: 1_000 });
    const repeat = ticketRecord({ id: 'T-1', priority: 'p2', createdMs: 2_000 });
    const other = ticketRecord({ id: 'T-2', priority: 'p3', createdMs: 3_000 });
    const byId = ticketsById([first, other, repeat]);
    expect(byId.size).toBe(2);
    expect(byId.get('T-1')).toBe(first);
    expect(byId.get('T-2')).toBe(other);
    expect(byId.get('T-3')).toBeUndefined();
  });

  it('an export without tickets gives an empty map', () => {
    expect(ticketsById([]).size).toBe(0);
  });
});

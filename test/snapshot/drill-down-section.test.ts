/**
 * The drill-down's rows, and what a build's periods share of them (drillDownMemo): a shared row or
 * masked title never changes what a period lists.
 */

import { describe, expect, it } from 'vitest';
import { type BreachedTicket, prepareTickets, type TicketPeriodOptions } from '../../src/lib/metrics/index.ts';
import type { TicketRecord } from '../../src/lib/model/records.ts';
import { drillDownMemo, drillDownSection } from '../../src/lib/snapshot/drill-down-section.ts';
import { prepareRecurring, type RecurringSection, recurringSection } from '../../src/lib/snapshot/recurring-section.ts';
import { ticketsById, ticketsSharingIds } from '../../src/lib/snapshot/tickets-by-id.ts';
import { monthBounds, type PeriodBounds } from '../../src/lib/time/periods.ts';
import { deepFreeze, priorityRules } from '../helpers/rules.ts';
import { ticketRecord } from '../helpers/ticket-record.ts';

const utc = Date.UTC;
/** p1: 24×7, response 30 min, resolution 4 h. */
const levels = deepFreeze(priorityRules([{ id: 'p1', name: 'P1 Critical', words: ['P1'], response: '30m', resolution: '4h' }]));
const p1 = levels[0] as (typeof levels)[number];

/** A P1 ticket of the portal (the rest as ticketRecord makes it). */
const ticket = (t: Partial<TicketRecord> & Pick<TicketRecord, 'id' | 'createdMs'>) =>
  ticketRecord({ priority: 'p1', service: 'portal', ...t });

// A1: created 3 Nov 10:00 UTC, resolved 16:00: resolution due 14:00, late by 2 h (and responded to in time).
// A2: created 30 Nov 22:00, responded to 1 Dec 01:00 (due 30 Nov 22:30), resolved 1 Dec 08:00 (due 1 Dec 02:00).
const tickets = deepFreeze([
  ticket({
    id: 'A1',
    createdMs: utc(2026, 10, 3, 10),
    firstResponseMs: utc(2026, 10, 3, 10, 5),
    resolvedMs: utc(2026, 10, 3, 16),
    title: 'VPN down, mail jo.doe@example.com',
  }),
  ticket({ id: 'A2', createdMs: utc(2026, 10, 30, 22), firstResponseMs: utc(2026, 11, 1, 1), resolvedMs: utc(2026, 11, 1, 8) }),
]);
const noRecurring = { groups: [] } as unknown as RecurringSection;
const optionsFor = (bounds: PeriodBounds): TicketPeriodOptions => ({ levels, bounds });
const november = monthBounds('2026-11', 'UTC');
/** November and December together, as a quarter's drill-down sees them. */
const novDec: PeriodBounds = { ...november, endMs: monthBounds('2026-12', 'UTC').endMs };

describe('drillDownMemo', () => {
  it('makes a breach’s row with its title masked, and gives the same object for the same breach again', () => {
    const memo = drillDownMemo();
    const b: BreachedTicket = {
      ticket: tickets[0] as TicketRecord,
      level: p1,
      target: 'resolution',
      deadlineMs: utc(2026, 10, 3, 14),
      lateEventMs: utc(2026, 10, 3, 16),
    };
    const row = memo.breachedRow(b);
    expect(row).toEqual({
      id: 'A1',
      source: 'desk',
      title: 'VPN down, mail [email]',
      priority: 'p1',
      service: 'portal',
      target: 'resolution',
      createdMs: utc(2026, 10, 3, 10),
      deadlineMs: utc(2026, 10, 3, 14),
      lateEventMs: utc(2026, 10, 3, 16),
    });
    expect(memo.breachedRow({ ...b })).toBe(row);
    // The same ticket and target as of a later end, its late event now known: a row of its own; the first is unchanged.
    const later = memo.breachedRow({ ...b, lateEventMs: null });
    expect(later).not.toBe(row);
    expect(later.lateEventMs).toBeNull();
    expect(row.lateEventMs).toBe(utc(2026, 10, 3, 16));
  });

  it('never changes what a period lists: a shared memo gives each period the rows a fresh one gives', () => {
    const table = prepareTickets(tickets);
    const byId = ticketsById(tickets);
    const shared = drillDownMemo();
    const month = drillDownSection(table, optionsFor(november), noRecurring, byId, shared);
    const both = drillDownSection(table, optionsFor(novDec), noRecurring, byId, shared);
    expect(month).toEqual(drillDownSection(table, optionsFor(november), noRecurring, byId, drillDownMemo()));
    expect(both).toEqual(drillDownSection(table, optionsFor(novDec), noRecurring, byId, drillDownMemo()));
    // Hand-checked: November lists A1's resolution and A2's response (due 30 Nov 22:30, none by the month's end);
    // November–December lists A2's response with its late event (1 Dec 01:00) and A2's resolution (due 1 Dec 02:00).
    expect(month.breached.map((r) => [r.id, r.target, r.lateEventMs])).toEqual([
      ['A1', 'resolution', utc(2026, 10, 3, 16)],
      ['A2', 'response', null],
    ]);
    expect(both.breached.map((r) => [r.id, r.target, r.lateEventMs])).toEqual([
      ['A1', 'resolution', utc(2026, 10, 3, 16)],
      ['A2', 'response', utc(2026, 11, 1, 1)],
      ['A2', 'resolution', utc(2026, 11, 1, 8)],
    ]);
    // A1's row is one object in both periods; A2's response differs (its late event), so it is not shared.
    expect(both.breached[0]).toBe(month.breached[0]);
    expect(both.breached[1]).not.toBe(month.breached[1]);
  });
});

describe('drillDownSection with an id two ticket sources share', () => {
  // desk's 1001 ("VPN down") and jira's 1001 ("Printer jammed"): two tickets, two issues. By id alone the
  // printer issue listed desk's VPN ticket (the first 1001) in place of its own.
  it('lists each issue its own ticket of that id, through the real grouping and the real recurring section', () => {
    const two = deepFreeze([
      ticket({ id: '1001', source: 'desk', createdMs: utc(2026, 10, 2, 9), title: 'VPN down' }),
      ticket({ id: '1001', source: 'jira', createdMs: utc(2026, 10, 3, 9), title: 'Printer jammed' }),
      ticket({ id: '1002', source: 'jira', createdMs: utc(2026, 10, 4, 9), title: 'Printer jammed' }),
    ]);
    const table = prepareRecurring(two, 'UTC');
    const recurring = recurringSection(table, '2026-11');
    const byId = ticketsById(two);
    const shared = ticketsSharingIds(two, byId, table.grouping, table.groupOf);
    expect([...shared.keys()]).toEqual(['1001']);
    const section = drillDownSection(prepareTickets(two), optionsFor(november), recurring, byId, drillDownMemo(), shared);
    const listed = Object.fromEntries(section.recurring.map((g) => [g.tickets[0]?.title, g.tickets.map((t) => [t.source, t.id, t.title])]));
    expect(listed).toEqual({
      'Printer jammed': [
        ['jira', '1001', 'Printer jammed'],
        ['jira', '1002', 'Printer jammed'],
      ],
      'VPN down': [['desk', '1001', 'VPN down']],
    });
    // Every id unique: nothing to tell apart, and the map is made without counting.
    expect(ticketsSharingIds(tickets, ticketsById(tickets), table.grouping, table.groupOf).size).toBe(0);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  breachedTickets,
  prepareTickets,
  slaClock,
  type TicketPeriodOptions,
  ticketPeriodMetrics,
  ticketSla,
} from '../../src/lib/metrics/index.ts';
import type { TicketRecord } from '../../src/lib/model/records.ts';
import { monthBounds } from '../../src/lib/time/periods.ts';
import { assertProperty } from '../helpers/property.ts';
import { deepFreeze, priorityRules, UK_CALENDAR } from '../helpers/rules.ts';

const utc = Date.UTC;

/** p1: 24×7, response 30 min, resolution 4 h. p2: London office hours (09:00–17:30), response 4 h, resolution 17 h. */
const levels = deepFreeze(
  priorityRules(
    [
      { id: 'p1', name: 'P1 Critical', words: ['P1'], response: '30m', resolution: '4h' },
      { id: 'p2', name: 'P2 High', words: ['P2'], response: '4h', resolution: '17h', clock: 'business', calendar: 'uk' },
    ],
    [UK_CALENDAR],
  ),
);
const november = monthBounds('2026-11', 'Europe/London');

function ticket(t: Partial<TicketRecord> & Pick<TicketRecord, 'id' | 'priority' | 'createdMs'>): TicketRecord {
  return {
    source: 'desk',
    firstResponseMs: null,
    resolvedMs: null,
    category: null,
    service: null,
    title: `ticket ${t.id}`,
    status: null,
    reopened: null,
    sourceOnTime: null,
    sourceDeadlineMs: null,
    ...t,
  };
}

/*
 * November 2026 in London (GMT = UTC). The same stories as ticket-period-metrics.test.ts:
 * T1 p1 3 Nov 10:00, responded 10:20, resolved 13:00: both met, no breach.
 * T2 p1 4 Nov 10:00, responded 11:00 > due 10:30: response breached (deadline 4 Nov 10:30, late event 11:00); resolved 12:00 ≤ 14:00 met.
 * T3 p2 Fri 6 Nov 17:00, responded Mon 09:15 (met); resolution due Tue 10 Nov 17:00 (0.5 + 8.5 + 8 working hours), resolved Wed 11 Nov 10:00: breached.
 * T4 p1 Sat 31 Oct 22:00, responded 22:10 (met in October), never resolved: resolution due 1 Nov 02:00, breached in November, still open.
 * T6 p1 30 Nov 23:00, nothing since: response due 23:30, breached in November, open; resolution due 1 Dec 03:00 pending.
 * T8 p1 20 Oct, every outcome in October: not in November.
 * T10 priority p9 is not configured: in no figure.
 */
const fixture = deepFreeze([
  ticket({
    id: 'T1',
    priority: 'p1',
    createdMs: utc(2026, 10, 3, 10),
    firstResponseMs: utc(2026, 10, 3, 10, 20),
    resolvedMs: utc(2026, 10, 3, 13),
  }),
  ticket({
    id: 'T2',
    priority: 'p1',
    createdMs: utc(2026, 10, 4, 10),
    firstResponseMs: utc(2026, 10, 4, 11),
    resolvedMs: utc(2026, 10, 4, 12),
  }),
  ticket({
    id: 'T3',
    priority: 'p2',
    createdMs: utc(2026, 10, 6, 17),
    firstResponseMs: utc(2026, 10, 9, 9, 15),
    resolvedMs: utc(2026, 10, 11, 10),
  }),
  ticket({ id: 'T4', priority: 'p1', createdMs: utc(2026, 9, 31, 22), firstResponseMs: utc(2026, 9, 31, 22, 10) }),
  ticket({ id: 'T6', priority: 'p1', createdMs: utc(2026, 10, 30, 23) }),
  ticket({
    id: 'T8',
    priority: 'p1',
    createdMs: utc(2026, 9, 20, 9),
    firstResponseMs: utc(2026, 9, 20, 9, 10),
    resolvedMs: utc(2026, 9, 20, 10),
  }),
  ticket({ id: 'T10', priority: 'p9', createdMs: utc(2026, 10, 5, 9) }),
]);

const rows = (tickets: readonly TicketRecord[], options: TicketPeriodOptions) =>
  breachedTickets(prepareTickets(tickets), options).map((b) => [b.ticket.id, b.target, b.deadlineMs, b.lateEventMs]);

describe('breachedTickets', () => {
  it('lists the hand-checked November breaches, by deadline', () => {
    expect(rows(fixture, { levels, bounds: november })).toEqual([
      ['T4', 'resolution', utc(2026, 10, 1, 2), null],
      ['T2', 'response', utc(2026, 10, 4, 10, 30), utc(2026, 10, 4, 11)],
      ['T3', 'resolution', utc(2026, 10, 10, 17), utc(2026, 10, 11, 10)],
      ['T6', 'response', utc(2026, 10, 30, 23, 30), null],
    ]);
  });

  it('leaves out response targets when the export records no first responses', () => {
    expect(rows(fixture, { levels, bounds: november, responseRecorded: false }).map((r) => r[0])).toEqual(['T4', 'T3']);
  });

  it('judges a source as of its data horizon: a deadline after it is not yet a breach', () => {
    // Horizon 20 Nov: T6's response deadline (30 Nov 23:30) is after it, so pending, not breached.
    const horizons = new Map([['desk', utc(2026, 10, 20)]]);
    expect(rows(fixture, { levels, bounds: november, horizons }).map((r) => r[0])).toEqual(['T4', 'T2', 'T3']);
  });
});

// Random tickets over September–December 2026, as ingestion gives them (no event before creation).
const t0 = utc(2026, 8, 1);
const arbTickets = fc
  .array(
    fc.record({
      priority: fc.constantFrom('p1', 'p2', 'p9'),
      createdMs: fc.integer({ min: t0, max: utc(2027, 0, 1) }),
      responseAfter: fc.option(fc.integer({ min: 0, max: 10 * 86_400_000 }), { nil: null }),
      resolutionAfter: fc.option(fc.integer({ min: 0, max: 40 * 86_400_000 }), { nil: null }),
      source: fc.constantFrom('desk', 'city'),
    }),
    { maxLength: 60 },
  )
  .map((rs) =>
    rs.map((r, i) =>
      ticket({
        id: `X${i}`,
        source: r.source,
        priority: r.priority,
        createdMs: r.createdMs,
        firstResponseMs: r.responseAfter === null ? null : r.createdMs + r.responseAfter,
        resolvedMs: r.resolutionAfter === null ? null : r.createdMs + r.resolutionAfter,
      }),
    ),
  );
const arbPeriod = fc.constantFrom('2026-09', '2026-10', '2026-11', '2026-12').map((m) => monthBounds(m, 'Europe/London'));
const arbHorizons = fc
  .option(fc.integer({ min: t0, max: utc(2027, 0, 1) }), { nil: null })
  .map((h) => (h === null ? undefined : new Map([['city', h]])));

describe('properties', () => {
  // One truth: the rows behind the figure are the figure. Counted against ticketPeriodMetrics (the
  // fast path the snapshot shows) and against the per-ticket rule, slaTargetOutcome via ticketSla.
  it('lists exactly the breaches ticketPeriodMetrics counts, and those ticketSla judges breached in the period', () => {
    assertProperty(
      fc.property(arbTickets, arbPeriod, fc.boolean(), arbHorizons, (tickets, bounds, responseRecorded, horizons) => {
        const options: TicketPeriodOptions = { levels, bounds, responseRecorded, horizons };
        const list = breachedTickets(prepareTickets(tickets), options);
        const m = ticketPeriodMetrics(prepareTickets(tickets), options);
        const count = (target: 'response' | 'resolution') => list.filter((b) => b.target === target).length;
        expect(count('resolution')).toBe(m.overall.resolution.breached);
        expect(count('response')).toBe(m.overall.response?.breached ?? 0);
        const expected: string[] = [];
        for (const t of tickets) {
          const level = levels.find((l) => l.id === t.priority);
          if (!level) continue;
          const asOf = Math.min(bounds.endMs, horizons?.get(t.source) ?? Number.POSITIVE_INFINITY);
          const sla = ticketSla(t, level, slaClock(level.clock), asOf);
          for (const target of responseRecorded ? (['response', 'resolution'] as const) : (['resolution'] as const)) {
            const r = sla[target];
            if (r.outcome === 'breached' && (r.knownAtMs as number) >= bounds.startMs) expected.push(`${t.id} ${target} ${r.deadlineMs}`);
          }
        }
        expect(list.map((b) => `${b.ticket.id} ${b.target} ${b.deadlineMs}`).sort()).toEqual(expected.sort());
      }),
      { numRuns: 200 },
    );
  });
});

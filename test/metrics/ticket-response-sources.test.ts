/**
 * First responses are recorded per ticket source (docs/reading-exports.md): a ticket of a source
 * whose exports have no first-response column is judged on resolution only. It is in no response
 * figure (neither met, breached nor pending; not in the time to first response, not among the
 * response breaches), and its resolution figures are what they were. `responseRecorded` takes the
 * ids of the sources that record first responses (build-snapshots.ts decides them once per build).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  breachedTickets,
  prepareTickets,
  type TicketPeriodMetrics,
  type TicketPeriodOptions,
  ticketCountsByService,
  ticketPeriodMetrics,
} from '../../src/lib/metrics/index.ts';
import type { TicketRecord } from '../../src/lib/model/records.ts';
import { monthBounds } from '../../src/lib/time/periods.ts';
import { assertProperty } from '../helpers/property.ts';
import { deepFreeze, priorityRules, UK_CALENDAR } from '../helpers/rules.ts';
import { ticketRecord } from '../helpers/ticket-record.ts';

const utc = Date.UTC;

/** p1: 24×7, response 30 min, resolution 4 h. p2: London office hours, response 4 h, resolution 17 h. */
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
const december = monthBounds('2026-12', 'Europe/London');
const deskOnly: ReadonlySet<string> = new Set(['desk']);

const metricsOf = (tickets: readonly TicketRecord[], options: TicketPeriodOptions): TicketPeriodMetrics =>
  ticketPeriodMetrics(prepareTickets(tickets), options);

/*
 * Two sources, November 2026 in London (GMT = UTC), every ticket P1 (24×7, response 30 min, resolution 4 h).
 * desk records first responses; legacy's export has no first-response column, so its tickets have none.
 * A1 desk   created 3 Nov 10:00, responded 10:20 (due 10:30: met, 1200 s), resolved 13:00 (due 14:00: met, 10800 s). api
 * A2 desk   created 4 Nov 10:00, responded 11:00 (due 10:30: breached, 3600 s), resolved 12:00 (met, 7200 s). web
 * B1 legacy created 5 Nov 10:00, resolved 12:00 (met, 7200 s). api
 * B2 legacy created 6 Nov 10:00, never resolved: resolution due 14:00, breached in November; open and breached at the end. web
 * B3 legacy created 30 Nov 23:45, nothing since: resolution due 1 Dec 03:45, pending at the end of November. api
 *
 * Response, desk's tickets only: met A1, breached A2, pending none → 1 / 2 = 0.5. Time to first response 1200 and
 * 3600 s: median 2400, p90 (rank ceil(0.9 × 2) = 2) 3600.
 * Judged as if legacy recorded responses (the bug: one decision for the whole review), B1 (due 5 Nov 10:30) and B2
 * (due 6 Nov 10:30) are breached and B3 (due 1 Dec 00:15) pending: met 1, breached 3, pending 1 → 0.25.
 * Resolution, every ticket: met A1 A2 B1, breached B2, pending B3 → 3 / 4 = 0.75. Times 10800, 7200, 7200 s:
 * median 7200, p90 (rank 3) 10800. Created 5, resolved 3, backlog at the end B2 B3 = 2, open and breached B2 = 1.
 */
const twoSources: TicketRecord[] = deepFreeze([
  ticketRecord({
    id: 'A1',
    source: 'desk',
    priority: 'p1',
    createdMs: utc(2026, 10, 3, 10),
    firstResponseMs: utc(2026, 10, 3, 10, 20),
    resolvedMs: utc(2026, 10, 3, 13),
    service: 'api',
  }),
  ticketRecord({
    id: 'A2',
    source: 'desk',
    priority: 'p1',
    createdMs: utc(2026, 10, 4, 10),
    firstResponseMs: utc(2026, 10, 4, 11),
    resolvedMs: utc(2026, 10, 4, 12),
    service: 'web',
  }),
  ticketRecord({
    id: 'B1',
    source: 'legacy',
    priority: 'p1',
    createdMs: utc(2026, 10, 5, 10),
    resolvedMs: utc(2026, 10, 5, 12),
    service: 'api',
  }),
  ticketRecord({ id: 'B2', source: 'legacy', priority: 'p1', createdMs: utc(2026, 10, 6, 10), service: 'web' }),
  ticketRecord({ id: 'B3', source: 'legacy', priority: 'p1', createdMs: utc(2026, 10, 30, 23, 45), service: 'api' }),
]);

describe('a ticket source that records no first responses (hand-computed, two sources)', () => {
  const options = deepFreeze({ levels, bounds: november, responseRecorded: deskOnly });

  it('judges response on the tickets of the source that records it, resolution on every ticket', () => {
    const m = metricsOf(twoSources, options);
    expect(m.overall.response).toEqual({ attainment: 0.5, met: 1, breached: 1, pending: 0 });
    expect(m.overall.timeToFirstResponse).toEqual({ n: 2, medianSeconds: 2400, p90Seconds: 3600 });
    expect(m.overall.resolution).toEqual({ attainment: 0.75, met: 3, breached: 1, pending: 1 });
    expect(m.overall.timeToResolution).toEqual({ n: 3, medianSeconds: 7200, p90Seconds: 10_800 });
    expect([m.overall.created, m.overall.resolved, m.overall.backlogAtEnd, m.overall.openBreachedAtEnd]).toEqual([5, 3, 2, 1]);
    // The level's figures are the overall ones (every ticket is P1).
    expect(m.levels[0]?.response).toEqual(m.overall.response);
  });

  it('differs from judging every source on response, which read legacy’s tickets as never answered', () => {
    const all = metricsOf(twoSources, { ...options, responseRecorded: true });
    expect(all.overall.response).toEqual({ attainment: 0.25, met: 1, breached: 3, pending: 1 });
    // Resolution is the same either way.
    expect(all.overall.resolution).toEqual(metricsOf(twoSources, options).overall.resolution);
  });

  it('judges each service’s tickets the same way', () => {
    const by = ticketCountsByService(prepareTickets(twoSources), options);
    // api: A1 (response met) with B1 (resolved in time) and B3 (pending); web: A2 (response breached) with B2 (breached).
    expect(by.get('api')).toEqual({
      created: 3,
      resolved: 2,
      backlogAtEnd: 1,
      response: { attainment: 1, met: 1, breached: 0, pending: 0 },
      resolution: { attainment: 1, met: 2, breached: 0, pending: 1 },
    });
    expect(by.get('web')).toEqual({
      created: 2,
      resolved: 1,
      backlogAtEnd: 1,
      response: { attainment: 0, met: 0, breached: 1, pending: 0 },
      resolution: { attainment: 0.5, met: 1, breached: 1, pending: 0 },
    });
  });

  it('lists no response breach of legacy’s tickets in the drill-down', () => {
    const rows = breachedTickets(prepareTickets(twoSources), options).map((b) => [b.ticket.id, b.target, b.deadlineMs, b.lateEventMs]);
    expect(rows).toEqual([
      ['A2', 'response', utc(2026, 10, 4, 10, 30), utc(2026, 10, 4, 11)],
      ['B2', 'resolution', utc(2026, 10, 6, 14), null],
    ]);
  });

  it('in December, B3’s resolution is breached (due 1 Dec 03:45) and no response is judged', () => {
    const table = prepareTickets(twoSources);
    const dec = ticketPeriodMetrics(table, { ...options, bounds: december });
    expect(dec.overall.response).toEqual({ attainment: null, met: 0, breached: 0, pending: 0 });
    expect(dec.overall.resolution).toEqual({ attainment: 0, met: 0, breached: 1, pending: 0 });
    expect(breachedTickets(table, { ...options, bounds: december }).map((b) => [b.ticket.id, b.target])).toEqual([['B3', 'resolution']]);
  });

  it('shows no response figures when no source records them, and a set of every source is the same as true', () => {
    const none = metricsOf(twoSources, { ...options, responseRecorded: new Set<string>() });
    expect(none.overall.response).toBeNull();
    expect(none.overall.timeToFirstResponse).toBeNull();
    expect(none).toEqual(metricsOf(twoSources, { ...options, responseRecorded: false }));
    expect(metricsOf(twoSources, { ...options, responseRecorded: new Set(['desk', 'legacy']) })).toEqual(
      metricsOf(twoSources, { ...options, responseRecorded: true }),
    );
    // One source that records responses (the sample's case): the set of it gives what true gives.
    const desk = twoSources.filter((t) => t.source === 'desk');
    expect(metricsOf(desk, options)).toEqual(metricsOf(desk, { ...options, responseRecorded: true }));
  });
});

// Random tickets from September to December 2026 over both levels and an unconfigured priority (p9).
const t0 = utc(2026, 8, 1);
const t1 = utc(2027, 0, 1);
const ticketsOf = (source: string, prefix: string) =>
  fc
    .array(
      fc.record({
        priority: fc.constantFrom('p1', 'p2', 'p9'),
        createdMs: fc.integer({ min: t0, max: t1 }),
        responseAfter: fc.option(fc.integer({ min: 0, max: 10 * 86_400_000 }), { nil: null }),
        resolutionAfter: fc.option(fc.integer({ min: 0, max: 40 * 86_400_000 }), { nil: null }),
        service: fc.constantFrom(null, 'api', 'web', 'billing'),
      }),
      { maxLength: 40 },
    )
    .map((rows) =>
      rows.map((r, i) =>
        ticketRecord({
          id: `${prefix}${i}`,
          source,
          priority: r.priority,
          createdMs: r.createdMs,
          firstResponseMs: r.responseAfter === null ? null : r.createdMs + r.responseAfter,
          resolvedMs: r.resolutionAfter === null ? null : r.createdMs + r.resolutionAfter,
          service: r.service,
        }),
      ),
    );

/** The response figures of a period: overall and per level. */
const responseFigures = (m: TicketPeriodMetrics) =>
  [m.overall, ...m.levels].map((f) => ({ response: f.response, timeToFirstResponse: f.timeToFirstResponse }));

describe('property: a response-less source never moves the response figures of the others', () => {
  const months = ['2026-09', '2026-10', '2026-11', '2026-12'].map((id) => monthBounds(id, 'Europe/London'));
  const quarter = { startMs: (months[1] as { startMs: number }).startMs, endMs: (months[3] as { endMs: number }).endMs };
  const empty = { attainment: null, met: 0, breached: 0, pending: 0 };

  it('response figures, per service and in the drill-down, are those of desk’s tickets alone; resolution as before', () => {
    assertProperty(
      // legacy's tickets may even carry first-response times: a source that does not record them is not judged on them.
      fc.property(ticketsOf('desk', 'D'), ticketsOf('legacy', 'L'), fc.constantFrom(...months), (desk, legacy, bounds) => {
        const both = [...desk, ...legacy];
        const o: TicketPeriodOptions = { levels, bounds, responseRecorded: deskOnly };
        const mixed = metricsOf(both, o);
        expect(responseFigures(mixed)).toEqual(responseFigures(metricsOf(desk, o)));
        // Resolution figures do not depend on which sources record responses.
        const asBefore = metricsOf(both, { ...o, responseRecorded: true });
        expect(
          [mixed.overall, ...mixed.levels].map((f) => [f.resolution, f.timeToResolution, f.backlogAtEnd, f.openBreachedAtEnd]),
        ).toEqual(
          [asBefore.overall, ...asBefore.levels].map((f) => [f.resolution, f.timeToResolution, f.backlogAtEnd, f.openBreachedAtEnd]),
        );
        const responses = (tickets: readonly TicketRecord[]) =>
          breachedTickets(prepareTickets(tickets), o)
            .filter((b) => b.target === 'response')
            .map((b) => [b.ticket.id, b.deadlineMs, b.lateEventMs]);
        expect(responses(both)).toEqual(responses(desk));
        const deskByService = ticketCountsByService(prepareTickets(desk), o);
        for (const [service, c] of ticketCountsByService(prepareTickets(both), o))
          expect(c.response, service).toEqual(deskByService.get(service)?.response ?? empty);
      }),
      { numRuns: 200 },
    );
  });

  it('also for a quarter merged from its months (the figures a table keeps are per set of sources)', () => {
    assertProperty(
      fc.property(ticketsOf('desk', 'D'), ticketsOf('legacy', 'L'), (desk, legacy) => {
        const table = prepareTickets([...desk, ...legacy]);
        // The same table judged first with every source recording responses: its kept figures must not be reused.
        for (const bounds of months) ticketPeriodMetrics(table, { levels, bounds, responseRecorded: true });
        for (const bounds of months) ticketPeriodMetrics(table, { levels, bounds, responseRecorded: deskOnly });
        const merged = ticketPeriodMetrics(table, { levels, bounds: quarter, responseRecorded: deskOnly });
        expect(responseFigures(merged)).toEqual(responseFigures(metricsOf(desk, { levels, bounds: quarter, responseRecorded: deskOnly })));
        expect(merged).toEqual(metricsOf([...desk, ...legacy], { levels, bounds: quarter, responseRecorded: deskOnly }));
      }),
      { numRuns: 100 },
    );
  });
});

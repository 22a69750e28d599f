import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  breachedTickets,
  prepareTickets,
  slaClock,
  type TicketFigures,
  type TicketPeriodMetrics,
  type TicketPeriodOptions,
  ticketCountsByService,
  ticketPeriodMetrics,
  ticketSla,
} from '../../src/lib/metrics/index.ts';
import type { TicketRecord } from '../../src/lib/model/records.ts';
import { monthBounds } from '../../src/lib/time/periods.ts';
import { assertProperty } from '../helpers/property.ts';
import { deepFreeze, priorityRules, UK_CALENDAR } from '../helpers/rules.ts';
import { ticketRecord } from '../helpers/ticket-record.ts';

const utc = Date.UTC;

/** p1: 24×7, response 30 min, resolution 4 h. p2: London office hours, response 4 h, resolution 17 h (two days). p3: unused. */
const levels = deepFreeze(
  priorityRules(
    [
      { id: 'p1', name: 'P1 Critical', words: ['P1'], response: '30m', resolution: '4h' },
      { id: 'p2', name: 'P2 High', words: ['P2'], response: '4h', resolution: '17h', clock: 'business', calendar: 'uk' },
      { id: 'p3', name: 'P3 Normal', words: ['P3'], response: '1d', resolution: '5d' },
    ],
    [UK_CALENDAR],
  ),
);

/** The figures of tickets read afresh (a new table: nothing computed for another call is reused). */
function metricsOf(tickets: readonly TicketRecord[], options: TicketPeriodOptions): TicketPeriodMetrics {
  return ticketPeriodMetrics(prepareTickets(tickets), options);
}

/** November 2026 in London: 1 Nov 00:00 GMT → 1 Dec 00:00 GMT (both equal to UTC). */
const november = monthBounds('2026-11', 'Europe/London');

/*
 * Fixture, November 2026 in London (GMT = UTC throughout). Deadlines and outcomes:
 * T1  p1 created 3 Nov 10:00; response 10:20 (≤ 10:30: met, 1200 s); resolved 13:00 (≤ 14:00: met, 10800 s).
 * T2  p1 created 4 Nov 10:00; response 11:00 (> 10:30: breached, known 10:30; 3600 s); resolved 12:00 (met, 7200 s); reopened.
 * T3  p2 created Fri 6 Nov 17:00. Response due Mon 9 Nov 12:30 (0.5 h Fri + 3.5 h Mon); responded Mon 09:15: met,
 *     business 0.5 + 0.25 h = 2700 s, 24×7 64.25 h = 231300 s. Resolution due Tue 10 Nov 17:00 (0.5 + 8.5 + 8 h);
 *     resolved Wed 11 Nov 10:00: breached, known Tue 17:00; business 0.5 + 8.5 + 8.5 + 1 = 18.5 h = 66600 s,
 *     24×7 113 h = 406800 s.
 * T4  p1 created Sat 31 Oct 22:00 (before the period); response 22:10 met in October (not counted); never resolved:
 *     resolution due 1 Nov 02:00, breached inside November. Backlog at start and at end; open and breached at end.
 * T5  p2 created Mon 30 Nov 16:00, nothing since. Response due Tue 1 Dec 11:30 (1.5 h + 2.5 h): pending at the end;
 *     resolution pending too. Backlog at end.
 * T6  p1 created 30 Nov 23:00, nothing since. Response due 23:30: breached inside November. Resolution due
 *     1 Dec 03:00: pending. Backlog at end, not open-and-breached.
 * T7  p1 created 1 Dec 00:00 = the period end: in no figure.
 * T8  p1 created, responded and resolved on 20 Oct: every outcome before the period; in no figure.
 * T9  p2 created Fri 30 Oct 10:00 (before the period), responded 10:30 (met in October). Resolution due
 *     Tue 3 Nov 10:00 (7.5 h Fri + 8.5 h Mon + 1 h Tue); resolved Mon 2 Nov 12:00: met inside November;
 *     business 7.5 + 3 = 10.5 h = 37800 s, 24×7 74 h = 266400 s. Backlog at start.
 * T10 priority p9 is not configured: counted in unknownPriority only.
 */
const fixture: TicketRecord[] = deepFreeze([
  ticketRecord({
    id: 'T1',
    priority: 'p1',
    createdMs: utc(2026, 10, 3, 10),
    firstResponseMs: utc(2026, 10, 3, 10, 20),
    resolvedMs: utc(2026, 10, 3, 13),
    category: 'network',
    service: 'api',
    reopened: false,
  }),
  ticketRecord({
    id: 'T2',
    priority: 'p1',
    createdMs: utc(2026, 10, 4, 10),
    firstResponseMs: utc(2026, 10, 4, 11),
    resolvedMs: utc(2026, 10, 4, 12),
    category: 'network',
    service: 'web',
    reopened: true,
  }),
  ticketRecord({
    id: 'T3',
    priority: 'p2',
    createdMs: utc(2026, 10, 6, 17),
    firstResponseMs: utc(2026, 10, 9, 9, 15),
    resolvedMs: utc(2026, 10, 11, 10),
    category: 'billing',
    service: 'api',
  }),
  ticketRecord({ id: 'T4', priority: 'p1', createdMs: utc(2026, 9, 31, 22), firstResponseMs: utc(2026, 9, 31, 22, 10) }),
  ticketRecord({ id: 'T5', priority: 'p2', createdMs: utc(2026, 10, 30, 16), category: 'billing', service: 'web' }),
  ticketRecord({ id: 'T6', priority: 'p1', createdMs: utc(2026, 10, 30, 23), category: 'network' }),
  ticketRecord({ id: 'T7', priority: 'p1', createdMs: utc(2026, 11, 1), category: 'network', service: 'api' }),
  ticketRecord({
    id: 'T8',
    priority: 'p1',
    createdMs: utc(2026, 9, 20, 9),
    firstResponseMs: utc(2026, 9, 20, 9, 10),
    resolvedMs: utc(2026, 9, 20, 12),
    category: 'network',
  }),
  ticketRecord({
    id: 'T9',
    priority: 'p2',
    createdMs: utc(2026, 9, 30, 10),
    firstResponseMs: utc(2026, 9, 30, 10, 30),
    resolvedMs: utc(2026, 10, 2, 12),
    category: 'billing',
    service: 'api',
    reopened: false,
  }),
  ticketRecord({ id: 'T10', priority: 'p9', createdMs: utc(2026, 10, 10, 10) }),
]);

const emptyFigures: TicketFigures = {
  created: 0,
  resolved: 0,
  backlogAtStart: 0,
  backlogAtEnd: 0,
  openBreachedAtEnd: 0,
  response: { attainment: null, met: 0, breached: 0, pending: 0 },
  resolution: { attainment: null, met: 0, breached: 0, pending: 0 },
  reopen: { rate: null, reopened: 0, known: 0 },
  timeToFirstResponse: { n: 0, medianSeconds: null, p90Seconds: null },
  timeToResolution: { n: 0, medianSeconds: null, p90Seconds: null },
  change: null,
};

const levelHeads = [
  { levelId: 'p1', name: 'P1 Critical', clock: '24x7', calendarId: null, responseTargetSeconds: 1800, resolutionTargetSeconds: 14_400 },
  { levelId: 'p2', name: 'P2 High', clock: 'business', calendarId: 'uk', responseTargetSeconds: 14_400, resolutionTargetSeconds: 61_200 },
  { levelId: 'p3', name: 'P3 Normal', clock: '24x7', calendarId: null, responseTargetSeconds: 86_400, resolutionTargetSeconds: 432_000 },
] as const;

const expectedNovember: TicketPeriodMetrics = {
  startMs: utc(2026, 10, 1),
  endMs: utc(2026, 11, 1),
  overall: {
    created: 5, // T1 T2 T3 T5 T6
    resolved: 4, // T1 T2 T3 T9
    backlogAtStart: 2, // T4 T9
    backlogAtEnd: 3, // T4 T5 T6 (= 2 + 5 − 4)
    openBreachedAtEnd: 1, // T4
    response: { attainment: 0.5, met: 2, breached: 2, pending: 1 }, // met T1 T3; breached T2 T6; pending T5
    resolution: { attainment: 0.6, met: 3, breached: 2, pending: 2 }, // met T1 T2 T9; breached T3 T4; pending T5 T6
    reopen: { rate: 1 / 3, reopened: 1, known: 3 }, // resolved T1 (no) T2 (yes) T3 (unknown) T9 (no)
    // 24×7: T1 1200, T2 3600, T3 231300 → median 3600; p90 rank ceil(2.7) = 3 → 231300.
    timeToFirstResponse: { n: 3, medianSeconds: 3600, p90Seconds: 231_300 },
    // 24×7: 7200, 10800, 266400, 406800 → median (10800 + 266400) / 2 = 138600; p90 rank ceil(3.6) = 4 → 406800.
    timeToResolution: { n: 4, medianSeconds: 138_600, p90Seconds: 406_800 },
    change: null,
  },
  levels: [
    {
      ...levelHeads[0],
      created: 3, // T1 T2 T6
      resolved: 2, // T1 T2
      backlogAtStart: 1, // T4
      backlogAtEnd: 2, // T4 T6
      openBreachedAtEnd: 1, // T4
      response: { attainment: 1 / 3, met: 1, breached: 2, pending: 0 }, // T1 met; T2 T6 breached
      resolution: { attainment: 2 / 3, met: 2, breached: 1, pending: 1 }, // T1 T2 met; T4 breached; T6 pending
      reopen: { rate: 0.5, reopened: 1, known: 2 },
      // 1200, 3600 → median 2400; p90 rank ceil(1.8) = 2 → 3600.
      timeToFirstResponse: { n: 2, medianSeconds: 2400, p90Seconds: 3600 },
      // 7200, 10800 → median 9000; p90 10800.
      timeToResolution: { n: 2, medianSeconds: 9000, p90Seconds: 10_800 },
      change: null,
    },
    {
      ...levelHeads[1],
      created: 2, // T3 T5
      resolved: 2, // T3 T9
      backlogAtStart: 1, // T9
      backlogAtEnd: 1, // T5
      openBreachedAtEnd: 0,
      response: { attainment: 1, met: 1, breached: 0, pending: 1 }, // T3 met; T5 pending (T9 met in October)
      resolution: { attainment: 0.5, met: 1, breached: 1, pending: 1 }, // T9 met; T3 breached; T5 pending
      reopen: { rate: 0, reopened: 0, known: 1 }, // T9 (T3 unknown)
      // Business seconds: T3 2700.
      timeToFirstResponse: { n: 1, medianSeconds: 2700, p90Seconds: 2700 },
      // Business seconds: T9 37800, T3 66600 → median 52200; p90 66600.
      timeToResolution: { n: 2, medianSeconds: 52_200, p90Seconds: 66_600 },
      change: null,
    },
    { ...levelHeads[2], ...emptyFigures },
  ],
  byCategory: [
    { key: 'billing', created: 2, resolved: 2 }, // created T3 T5; resolved T3 T9
    { key: 'network', created: 3, resolved: 2 }, // created T1 T2 T6; resolved T1 T2
  ],
  byService: [
    { key: 'api', created: 2, resolved: 3 }, // created T1 T3; resolved T1 T3 T9
    { key: 'web', created: 2, resolved: 1 }, // created T2 T5; resolved T2
    { key: null, created: 1, resolved: 0 }, // created T6
  ],
  unknownPriority: 1,
};

const options = deepFreeze({ levels, bounds: november });

describe('ticketPeriodMetrics', () => {
  it('computes the hand-checked November figures', () => {
    expect(metricsOf(fixture, options)).toEqual(expectedNovember);
  });

  it('is plain JSON: a round trip through JSON changes nothing', () => {
    const m = metricsOf(fixture, options);
    expect(JSON.parse(JSON.stringify(m))).toEqual(m);
  });

  it('gives zero counts and null ratios for an empty period', () => {
    expect(metricsOf([], options)).toEqual({
      startMs: november.startMs,
      endMs: november.endMs,
      overall: emptyFigures,
      levels: levelHeads.map((h) => ({ ...h, ...emptyFigures })),
      byCategory: [],
      byService: [],
      unknownPriority: 0,
    });
  });

  it('counts a ticket in the period where its outcome becomes known', () => {
    // T4 (created 31 Oct 22:00, p1): its response was met in October, its resolution breached on 1 Nov 02:00.
    const only = [fixture[3] as TicketRecord];
    const october = metricsOf(only, { ...options, bounds: monthBounds('2026-10', 'Europe/London') });
    const nov = metricsOf(only, options);
    expect([october.overall.response, october.overall.resolution]).toEqual([
      { attainment: 1, met: 1, breached: 0, pending: 0 },
      { attainment: null, met: 0, breached: 0, pending: 1 },
    ]);
    expect([nov.overall.response, nov.overall.resolution]).toEqual([
      { attainment: null, met: 0, breached: 0, pending: 0 },
      { attainment: 0, met: 0, breached: 1, pending: 0 },
    ]);
  });

  it('reports changes against the previous period', () => {
    const empty = metricsOf([], options);
    const m = metricsOf(fixture, { ...options, previous: empty });
    // Previous attainments are null, so their differences are null too.
    expect(m.overall.change).toEqual({ created: 5, resolved: 4, backlogAtEnd: 3, responseAttainment: null, resolutionAttainment: null });
    const same = metricsOf(fixture, { ...options, previous: m });
    expect(same.overall.change).toEqual({ created: 0, resolved: 0, backlogAtEnd: 0, responseAttainment: 0, resolutionAttainment: 0 });
    expect(same.levels[1]?.change).toEqual({ created: 0, resolved: 0, backlogAtEnd: 0, responseAttainment: 0, resolutionAttainment: 0 });
    // A level the previous period did not have gets no change.
    const withoutP2 = { ...m, levels: m.levels.filter((l) => l.levelId !== 'p2') };
    expect(metricsOf(fixture, { ...options, previous: withoutP2 }).levels.map((l) => l.change === null)).toEqual([false, true, false]);
  });

  it('leaves response figures out when the export records no first responses', () => {
    const m = metricsOf(fixture, { ...options, responseRecorded: false });
    expect(m.overall.response).toBeNull();
    expect(m.overall.timeToFirstResponse).toBeNull();
    expect(m.levels.map((l) => l.response)).toEqual([null, null, null]);
    expect(m.overall.resolution).toEqual(expectedNovember.overall.resolution);
  });

  it('measures each level on its own clock and overall in 24×7 (leap day, business clock)', () => {
    // p2 created Mon 28 Feb 2028 17:00 GMT, resolved Wed 1 Mar 10:00. Business: 0.5 h Mon + 8.5 h Tue 29 Feb + 1 h Wed
    // = 10 h = 36000 s (resolution due 17 h later: Wed 1 Mar 17:00, so met). 24×7: 41 h = 147600 s.
    const t = ticketRecord({ id: 'L', priority: 'p2', createdMs: utc(2028, 1, 28, 17), resolvedMs: utc(2028, 2, 1, 10) });
    const m = metricsOf([t], { ...options, bounds: monthBounds('2028-03', 'Europe/London') });
    expect(m.levels[1]?.timeToResolution).toEqual({ n: 1, medianSeconds: 36_000, p90Seconds: 36_000 });
    expect(m.overall.timeToResolution).toEqual({ n: 1, medianSeconds: 147_600, p90Seconds: 147_600 });
    expect(m.levels[1]?.resolution).toEqual({ attainment: 1, met: 1, breached: 0, pending: 0 });
  });

  it('uses nearest rank for p90 and the mean of the middle pair for the median', () => {
    // Ten p1 tickets resolved 1…10 minutes after creation: median (300 + 360) / 2 = 330; p90 rank 9 → 540.
    const tickets = Array.from({ length: 10 }, (_, i) =>
      ticketRecord({ id: `R${i}`, priority: 'p1', createdMs: utc(2026, 10, 2, 10), resolvedMs: utc(2026, 10, 2, 10, i + 1) }),
    );
    expect(metricsOf(tickets, options).overall.timeToResolution).toEqual({ n: 10, medianSeconds: 330, p90Seconds: 540 });
  });
});

// Random tickets from September to December 2026 over the three levels, as ingestion can give
// them: no event before creation (the row mapper rejects such rows). Unknown priorities (p9) stand
// for a level removed from the config later; the metrics count them apart.
const t0 = utc(2026, 8, 1);
const t1 = utc(2027, 0, 1);
/** Tickets; `skewMs` lets first responses and resolutions fall up to that long before creation (clock skew). */
const ticketsArb = (skewMs: number) =>
  fc
    .array(
      fc.record({
        priority: fc.constantFrom('p1', 'p2', 'p3', 'p9'),
        createdMs: fc.integer({ min: t0, max: t1 }),
        responseAfter: fc.option(fc.integer({ min: -skewMs, max: 10 * 86_400_000 }), { nil: null }),
        resolutionAfter: fc.option(fc.integer({ min: -skewMs, max: 40 * 86_400_000 }), { nil: null }),
        category: fc.constantFrom(null, 'billing', 'network', 'Netzwerk', 'アカウント'),
        service: fc.constantFrom(null, 'api', 'web'),
        reopened: fc.constantFrom(null, true, false),
      }),
      { maxLength: 60 },
    )
    .map((rows) =>
      rows.map((r, i) =>
        ticketRecord({
          id: `X${i}`,
          priority: r.priority,
          createdMs: r.createdMs,
          firstResponseMs: r.responseAfter === null ? null : r.createdMs + r.responseAfter,
          resolvedMs: r.resolutionAfter === null ? null : r.createdMs + r.resolutionAfter,
          category: r.category,
          service: r.service,
          reopened: r.reopened,
        }),
      ),
    );
const arbTickets = ticketsArb(0);
/** Tickets whose events may be recorded before creation: never from ingestion, but the metrics define them (as at creation). */
const arbSkewedTickets = ticketsArb(60_000);

function allFigures(m: TicketPeriodMetrics): TicketFigures[] {
  return [m.overall, ...m.levels];
}

describe('properties', () => {
  it('ratios lie in [0, 1] and counts are consistent', () => {
    assertProperty(
      fc.property(arbTickets, (tickets) => {
        const m = metricsOf(tickets, options);
        for (const f of allFigures(m)) {
          for (const r of [f.response?.attainment, f.resolution.attainment, f.reopen.rate]) {
            if (r !== null && r !== undefined) {
              expect(r).toBeGreaterThanOrEqual(0);
              expect(r).toBeLessThanOrEqual(1);
            }
          }
          expect(f.openBreachedAtEnd).toBeLessThanOrEqual(f.backlogAtEnd);
          expect(f.reopen.reopened).toBeLessThanOrEqual(f.reopen.known);
          expect(f.reopen.known).toBeLessThanOrEqual(f.resolved);
          expect(f.timeToResolution.n).toBe(f.resolved);
        }
        const sum = (pick: (f: TicketFigures) => number) => m.levels.reduce((s, l) => s + pick(l), 0);
        expect(m.overall.created).toBe(sum((f) => f.created));
        expect(m.overall.resolution.breached).toBe(sum((f) => f.resolution.breached));
        expect(m.overall.response?.pending).toBe(sum((f) => f.response?.pending ?? 0));
        expect(m.byCategory.reduce((s, c) => s + c.created, 0)).toBe(m.overall.created);
        expect(m.byService.reduce((s, c) => s + c.resolved, 0)).toBe(m.overall.resolved);
      }),
      { numRuns: 200 },
    );
  });

  it('does not depend on the order of the tickets', () => {
    assertProperty(
      fc.property(
        arbTickets.chain((tickets) => fc.tuple(fc.constant(tickets), fc.shuffledSubarray(tickets, { minLength: tickets.length }))),
        ([tickets, shuffled]) => {
          expect(metricsOf(shuffled, options)).toEqual(metricsOf(tickets, options));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('backlog flows: end = start + created − resolved (when no ticket is resolved before it was created)', () => {
    assertProperty(
      fc.property(arbTickets, (tickets) => {
        const sane = tickets.filter((t) => t.resolvedMs === null || t.resolvedMs >= t.createdMs);
        for (const f of allFigures(metricsOf(sane, options))) expect(f.backlogAtEnd).toBe(f.backlogAtStart + f.created - f.resolved);
      }),
      { numRuns: 200 },
    );
  });

  it('each outcome counts in exactly one month: monthly met and breached add up to ticketSla over the span', () => {
    const months = ['2026-09', '2026-10', '2026-11', '2026-12', '2027-01', '2027-02'];
    const span = { startMs: monthBounds('2026-09', 'Europe/London').startMs, endMs: monthBounds('2027-02', 'Europe/London').endMs };
    assertProperty(
      fc.property(arbTickets, (tickets) => {
        const monthly = months.map((id) => metricsOf(tickets, { ...options, bounds: monthBounds(id, 'Europe/London') }));
        const total = { met: 0, breached: 0 };
        for (const t of tickets) {
          const lv = levels.find((l) => l.id === t.priority);
          if (!lv) continue;
          const r = ticketSla(t, lv, slaClock(lv.clock), span.endMs).resolution;
          if (r.knownAtMs !== null && r.knownAtMs >= span.startMs) total[r.outcome as 'met' | 'breached']++;
        }
        expect(monthly.reduce((s, m) => s + m.overall.resolution.met, 0)).toBe(total.met);
        expect(monthly.reduce((s, m) => s + m.overall.resolution.breached, 0)).toBe(total.breached);
        // Pending at the end of the last month equals pending over the whole span.
        expect(monthly[monthly.length - 1]?.overall.resolution.pending).toBe(
          metricsOf(tickets, { ...options, bounds: span }).overall.resolution.pending,
        );
      }),
      { numRuns: 100 },
    );
  });
});

describe('periods merged from the periods that tile them', () => {
  const months = ['2026-09', '2026-10', '2026-11', '2026-12'].map((id) => monthBounds(id, 'Europe/London'));
  const span = { startMs: (months[0] as { startMs: number }).startMs, endMs: (months[3] as { endMs: number }).endMs };
  it('a quarter after its months gives what reading its tickets gives (and so do counts by service)', () => {
    assertProperty(
      fc.property(arbTickets, fc.boolean(), (tickets, responseRecorded) => {
        const opts = { levels, responseRecorded };
        // The months first, on one table (it keeps their figures); then the span, merged from them.
        const table = prepareTickets(tickets);
        for (const bounds of months) ticketPeriodMetrics(table, { ...opts, bounds });
        const merged = ticketPeriodMetrics(table, { ...opts, bounds: span });
        const mergedByService = ticketCountsByService(table, { ...opts, bounds: span });
        // A fresh table knows no month: it reads the tickets.
        const direct = metricsOf(tickets, { ...opts, bounds: span });
        expect(merged).toEqual(direct);
        expect(Object.fromEntries(mergedByService)).toEqual(
          Object.fromEntries(ticketCountsByService(prepareTickets(tickets), { ...opts, bounds: span })),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('with events recorded before creation too (such arrays are read, not merged), a span equals a direct reading', () => {
    assertProperty(
      fc.property(arbSkewedTickets, (tickets) => {
        const table = prepareTickets(tickets);
        for (const bounds of months) ticketPeriodMetrics(table, { ...options, bounds });
        expect(ticketPeriodMetrics(table, { ...options, bounds: span })).toEqual(metricsOf(tickets, { ...options, bounds: span }));
      }),
      { numRuns: 100 },
    );
  });

  it('merges by hand: two months of one P1 ticket each', () => {
    // A created 5 Nov 10:00, responded 10:10 (met), resolved 12:00 (met, 7200 s); B created 2 Dec 09:00, never responded or resolved.
    const a = ticketRecord({
      id: 'A',
      priority: 'p1',
      createdMs: utc(2026, 10, 5, 10),
      firstResponseMs: utc(2026, 10, 5, 10, 10),
      resolvedMs: utc(2026, 10, 5, 12),
    });
    const b = ticketRecord({ id: 'B', priority: 'p1', createdMs: utc(2026, 11, 2, 9) });
    const two = prepareTickets([a, b]);
    const nov = ticketPeriodMetrics(two, { ...options, bounds: monthBounds('2026-11', 'Europe/London') });
    const dec = ticketPeriodMetrics(two, { ...options, bounds: monthBounds('2026-12', 'Europe/London') });
    const both = ticketPeriodMetrics(two, {
      ...options,
      bounds: { startMs: monthBounds('2026-11', 'Europe/London').startMs, endMs: monthBounds('2026-12', 'Europe/London').endMs },
    });
    expect([nov.overall.created, dec.overall.created, both.overall.created]).toEqual([1, 1, 2]);
    // Resolution: A met in November; B breached 2 Dec 13:00 (4 h), in December.
    expect(both.overall.resolution).toEqual({ attainment: 0.5, met: 1, breached: 1, pending: 0 });
    // Backlog at the start is November's (0), at the end December's (B).
    expect([both.overall.backlogAtStart, both.overall.backlogAtEnd, both.overall.openBreachedAtEnd]).toEqual([0, 1, 1]);
    // Times: A's only (7200 s to resolve, 600 s to respond).
    expect(both.overall.timeToResolution).toEqual({ n: 1, medianSeconds: 7200, p90Seconds: 7200 });
    expect(both.overall.timeToFirstResponse).toEqual({ n: 1, medianSeconds: 600, p90Seconds: 600 });
  });
});

describe('ticketCountsByService', () => {
  it('gives each service the overall figures of its own tickets', () => {
    assertProperty(
      fc.property(arbTickets, (tickets) => {
        const counts = ticketCountsByService(prepareTickets(tickets), options);
        for (const service of ['api', 'web']) {
          const own = tickets.filter((t) => t.service === service);
          const o = metricsOf(own, options).overall;
          const judged = own.some((t) => levels.some((l) => l.id === t.priority));
          const c = counts.get(service);
          if (c === undefined) {
            // Absent only when none of its tickets of a configured level concerns the period.
            expect([o.created, o.resolved, o.backlogAtEnd, o.resolution.met, o.resolution.breached, o.resolution.pending]).toEqual([
              0, 0, 0, 0, 0, 0,
            ]);
            continue;
          }
          expect(judged).toBe(true);
          expect(c).toEqual({
            created: o.created,
            resolved: o.resolved,
            backlogAtEnd: o.backlogAtEnd,
            response: o.response,
            resolution: o.resolution,
          });
        }
        expect(counts.has(null as unknown as string)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});

describe('data horizon (a source’s export taken before the period ends)', () => {
  // P1 (24×7, resolution 4 h) tickets created Tue 3 Nov 10:00 UTC, never resolved: the deadline is 14:00.
  const open = (id: string, source: string) => ticketRecord({ id, source, priority: 'p1', createdMs: utc(2026, 10, 3, 10) });
  const tickets = [open('A', 'desk'), open('B', 'other')];

  it('judges a source’s tickets as of its horizon: open at export, not breached after it', () => {
    // desk's export was taken at 12:00, before the 14:00 deadline: A is pending (open at export); other has no horizon: B breached.
    const m = metricsOf(tickets, { ...options, horizons: new Map([['desk', utc(2026, 10, 3, 12)]]) });
    expect(m.overall.resolution).toEqual({ attainment: 0, met: 0, breached: 1, pending: 1 });
    expect(m.overall.openBreachedAtEnd).toBe(1);
    expect(m.overall.backlogAtEnd).toBe(2);
    // Without horizons both are breached at 14:00.
    expect(metricsOf(tickets, options).overall.resolution).toEqual({ attainment: 0, met: 0, breached: 2, pending: 0 });
  });

  it('a horizon after the period end changes nothing; a resolution after the horizon is not known', () => {
    expect(metricsOf(tickets, { ...options, horizons: new Map([['desk', utc(2027, 0, 1)]]) })).toEqual(metricsOf(tickets, options));
    // Resolved 13:00 (met) but the export was taken at 12:00: as of the horizon it is still open, not yet met.
    const late = [
      ticketRecord({ id: 'C', source: 'desk', priority: 'p1', createdMs: utc(2026, 10, 3, 10), resolvedMs: utc(2026, 10, 3, 13) }),
    ];
    const m = metricsOf(late, { ...options, horizons: new Map([['desk', utc(2026, 10, 3, 12)]]) });
    expect(m.overall.resolution).toEqual({ attainment: null, met: 0, breached: 0, pending: 1 });
    expect(m.overall.backlogAtEnd).toBe(1);
  });
});

// The drill-down: the tickets behind the breached counts (breached-tickets.ts).
describe('breachedTickets', () => {
  const rows = (tickets: readonly TicketRecord[], o: TicketPeriodOptions) =>
    breachedTickets(prepareTickets(tickets), o).map((b) => [b.ticket.id, b.target, b.deadlineMs, b.lateEventMs]);

  it('lists the hand-checked November breaches of the fixture, by deadline', () => {
    // From the fixture's stories: T4's resolution (due 1 Nov 02:00, never resolved), T2's response (due 4 Nov 10:30,
    // came 11:00), T3's resolution (due Tue 10 Nov 17:00, came Wed 11 Nov 10:00), T6's response (due 30 Nov 23:30, none).
    expect(rows(fixture, options)).toEqual([
      ['T4', 'resolution', utc(2026, 10, 1, 2), null],
      ['T2', 'response', utc(2026, 10, 4, 10, 30), utc(2026, 10, 4, 11)],
      ['T3', 'resolution', utc(2026, 10, 10, 17), utc(2026, 10, 11, 10)],
      ['T6', 'response', utc(2026, 10, 30, 23, 30), null],
    ]);
  });

  it('leaves out response targets when the export records none, and judges a source as of its horizon', () => {
    expect(rows(fixture, { ...options, responseRecorded: false }).map((r) => r[0])).toEqual(['T4', 'T3']);
    // desk's export taken 20 Nov: T6's response deadline (30 Nov 23:30) is after it, so pending, not breached.
    expect(rows(fixture, { ...options, horizons: new Map([['desk', utc(2026, 10, 20)]]) }).map((r) => r[0])).toEqual(['T4', 'T2', 'T3']);
  });

  // One truth: the rows behind the figure are the figure, checked against ticketPeriodMetrics (what the snapshot
  // shows) and against the per-ticket rule (slaTargetOutcome through ticketSla).
  it('lists exactly the breaches ticketPeriodMetrics counts, and those ticketSla judges breached in the period', () => {
    const months = ['2026-09', '2026-10', '2026-11', '2026-12'].map((m) => monthBounds(m, 'Europe/London'));
    assertProperty(
      fc.property(
        arbTickets,
        fc.constantFrom(...months),
        fc.boolean(),
        fc.option(fc.integer({ min: t0, max: t1 }), { nil: null }),
        (tickets, bounds, responseRecorded, horizon) => {
          const horizons = horizon === null ? undefined : new Map([['desk', horizon]]);
          const o: TicketPeriodOptions = { levels, bounds, responseRecorded, horizons };
          const list = breachedTickets(prepareTickets(tickets), o);
          const m = metricsOf(tickets, o);
          expect(list.filter((b) => b.target === 'resolution')).toHaveLength(m.overall.resolution.breached);
          expect(list.filter((b) => b.target === 'response')).toHaveLength(m.overall.response?.breached ?? 0);
          const expected: string[] = [];
          for (const t of tickets) {
            const level = levels.find((l) => l.id === t.priority);
            if (!level) continue;
            const sla = ticketSla(t, level, slaClock(level.clock), Math.min(bounds.endMs, horizon ?? Number.POSITIVE_INFINITY));
            for (const target of responseRecorded ? (['response', 'resolution'] as const) : (['resolution'] as const)) {
              const r = sla[target];
              if (r.outcome === 'breached' && (r.knownAtMs as number) >= bounds.startMs) expected.push(`${t.id} ${target} ${r.deadlineMs}`);
            }
          }
          expect(list.map((b) => `${b.ticket.id} ${b.target} ${b.deadlineMs}`).sort()).toEqual(expected.sort());
        },
      ),
      { numRuns: 200 },
    );
  });
});

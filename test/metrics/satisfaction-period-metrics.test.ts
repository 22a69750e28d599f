/**
 * Satisfaction figures of one period, joined to tickets. Expected values are counted by hand
 * in the comments.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  satisfactionPeriodMetrics as metricsOfTable,
  prepareResponses,
  type SatisfactionPeriodOptions,
  type TicketLookup,
} from '../../src/lib/metrics/index.ts';
import type { SurveyResponse } from '../../src/lib/model/records.ts';
import { monthBounds } from '../../src/lib/time/periods.ts';
import { assertProperty } from '../helpers/property.ts';
import { deepFreeze } from '../helpers/rules.ts';

/** The figures of responses prepared afresh. */
const satisfactionPeriodMetrics = (responses: readonly SurveyResponse[], tickets: TicketLookup, options: SatisfactionPeriodOptions) =>
  metricsOfTable(prepareResponses(responses), tickets, options);

const october = monthBounds('2026-10', 'Europe/London'); // 2026-09-30T23:00Z to 2026-11-01T00:00Z
let seq = 0;
function response(over: Partial<SurveyResponse>): SurveyResponse {
  seq++;
  return {
    source: 'survey',
    id: `r${seq}`,
    timeMs: Date.UTC(2026, 9, 15),
    service: null,
    ticketId: null,
    csat: null,
    nps: null,
    ces: null,
    comment: null,
    ...over,
  };
}

const tickets: TicketLookup = deepFreeze({
  T1: { priority: 'p1', category: 'Login', resolutionOutcome: 'met' },
  T2: { priority: 'p2', category: 'Login', resolutionOutcome: 'breached' },
  T3: { priority: 'p2', category: null, resolutionOutcome: 'pending' },
  T4: { priority: 'p3', category: 'Billing', resolutionOutcome: null },
});

const responses: readonly SurveyResponse[] = deepFreeze([
  response({ service: 'web', ticketId: 'T1', csat: 5, nps: 10, ces: 7 }),
  response({ service: 'web', ticketId: 'T2', csat: 2, nps: 3, ces: 2 }),
  response({ service: 'api', ticketId: 'T2', csat: 4, nps: 8, ces: 5 }),
  response({ service: 'api', ticketId: 'T3', csat: 3, nps: null, ces: null }),
  response({ service: null, ticketId: 'T4', csat: 5, nps: 9, ces: 6 }),
  response({ service: 'web', ticketId: 'T404', csat: 1, nps: 0, ces: 1 }),
  response({ service: 'web', ticketId: 'T404', csat: 4, nps: null, ces: null }),
  response({ service: 'api', ticketId: 'constructor', csat: 5, nps: null, ces: null }),
  response({ service: 'web', ticketId: null, csat: 4, nps: 10, ces: null }),
  // outside October: September 30th 23:59 London (22:59 UTC) and November 1st 00:00 London
  response({ timeMs: Date.UTC(2026, 8, 30, 22, 59), service: 'web', ticketId: 'T1', csat: 1, nps: 0, ces: 1 }),
  response({ timeMs: october.endMs, service: 'web', ticketId: 'T1', csat: 1, nps: 0, ces: 1 }),
]);

describe('satisfactionPeriodMetrics', () => {
  const r = satisfactionPeriodMetrics(responses, tickets, { bounds: october });

  it('keeps responses submitted in [start, end) only', () => {
    expect(r.overall.responses).toBe(9);
    // the first instant of the period counts (London 1 Oct 00:00 = 30 Sep 23:00 UTC)
    const edge = satisfactionPeriodMetrics([response({ timeMs: october.startMs, csat: 5 })], {}, { bounds: october });
    expect(edge.overall.csat.n).toBe(1);
  });

  it('overall CSAT, NPS and CES', () => {
    // CSAT answers: 5 2 4 3 5 1 4 5 4 → n 9, satisfied (≥ 4) 5,4,5,4,5,4 = 6 → 6/9
    expect(r.overall.csat).toMatchObject({ n: 9, satisfied: 6, share: 6 / 9, lowSample: true });
    // NPS answers: 10 3 8 9 0 10 → promoters 10,9,10 = 3; passives 8 = 1; detractors 3,0 = 2; n 6
    // score = (3 − 2) × 100 / 6 = 16.67
    expect(r.overall.nps).toMatchObject({ n: 6, promoters: 3, passives: 1, detractors: 2, score: 100 / 6 });
    // CES answers: 7 2 5 6 1 → 21 / 5 = 4.2
    expect(r.overall.ces).toMatchObject({ n: 5, mean: 4.2 });
  });

  it('per service, sorted, with "no service" last', () => {
    expect(r.byService.map((s) => [s.service, s.responses, s.csat.satisfied, s.csat.n])).toEqual([
      // api: T2 (4), T3 (3), constructor (5) → satisfied 2 of 3
      ['api', 3, 2, 3],
      // web: T1 (5), T2 (2), T404 (1), T404 (4), no ticket (4) → 3 of 5
      ['web', 5, 3, 5],
      // T4's response names no service
      [null, 1, 1, 1],
    ]);
  });

  it('counts and lists unmatched ticket ids (and treats "constructor" as an id, not a property)', () => {
    expect(r.ticketJoin).toEqual({
      withoutTicketId: 1,
      withTicketId: 8,
      matched: 5,
      unmatched: 3,
      unmatchedTicketIds: ['T404', 'constructor'],
    });
  });

  it('per priority of the joined ticket', () => {
    // p1: T1 (5) ; p2: T2 (2), T2 (4), T3 (3) ; p3: T4 (5)
    expect(r.byPriority.map((p) => [p.priority, p.responses, p.csat.satisfied])).toEqual([
      ['p1', 1, 1],
      ['p2', 3, 1],
      ['p3', 1, 1],
    ]);
    // p2 NPS: 3 (detractor), 8 (passive) → (0 − 1) × 100 / 2 = −50
    expect(r.byPriority[1]!.nps.score).toBe(-50);
  });

  it('per category, with "no category" last', () => {
    // Billing: T4 ; Login: T1, T2, T2 ; null: T3
    expect(r.byCategory.map((c) => [c.category, c.responses])).toEqual([
      ['Billing', 1],
      ['Login', 3],
      [null, 1],
    ]);
  });

  it('met against breached resolution SLA', () => {
    // met: T1 (csat 5, nps 10) ; breached: T2 twice (csat 2, 4 ; nps 3, 8)
    expect(r.byResolutionOutcome.met).toMatchObject({ responses: 1, csat: { share: 1 }, nps: { score: 100 } });
    expect(r.byResolutionOutcome.breached).toMatchObject({ responses: 2, csat: { share: 0.5 }, nps: { score: -50 } });
    expect(r.byResolutionOutcome.pending.responses).toBe(1);
    expect(r.byResolutionOutcome.unknown.responses).toBe(1);
  });

  it('an empty period: every figure null, n = 0, low-sample', () => {
    const empty = satisfactionPeriodMetrics([], tickets, { bounds: october });
    expect(empty.overall).toMatchObject({
      responses: 0,
      csat: { n: 0, share: null, interval: null, lowSample: true },
      nps: { n: 0, score: null, marginOfError: null },
      ces: { n: 0, mean: null },
    });
    expect(empty.byService).toEqual([]);
    expect(empty.ticketJoin).toEqual({ withoutTicketId: 0, withTicketId: 0, matched: 0, unmatched: 0, unmatchedTicketIds: [] });
  });

  it('passes scales and the low-sample threshold through', () => {
    const custom = satisfactionPeriodMetrics(
      [response({ csat: 7, ces: 4 }), response({ csat: 10, ces: 5 })],
      {},
      { bounds: october, csatScale: { min: 0, max: 10, satisfiedAtLeast: 8 }, cesScale: { min: 1, max: 5 }, lowSampleBelow: 2 },
    );
    expect(custom.overall.csat).toMatchObject({ n: 2, satisfied: 1, lowSample: false });
    expect(custom.overall.ces).toMatchObject({ n: 2, mean: 4.5, scale: { min: 1, max: 5 }, lowSample: false });
  });

  it('is JSON-safe: a JSON round trip changes nothing', () => {
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('property: the input order of responses does not change the result', () => {
    const arbResponse = fc.record({
      source: fc.constant('survey'),
      id: fc.constant(null),
      timeMs: fc.integer({ min: october.startMs - 1000, max: october.endMs + 1000 }),
      service: fc.constantFrom(null, 'web', 'api'),
      ticketId: fc.constantFrom(null, 'T1', 'T2', 'T3', 'T4', 'T9', 'T8'),
      csat: fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }),
      nps: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
      ces: fc.option(fc.integer({ min: 1, max: 7 }), { nil: null }),
      comment: fc.constant(null),
    });
    assertProperty(
      fc.property(
        fc
          .array(arbResponse, { maxLength: 60 })
          .chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length }))),
        ([list, shuffled]) => {
          expect(satisfactionPeriodMetrics(shuffled, tickets, { bounds: october })).toEqual(
            satisfactionPeriodMetrics(list, tickets, { bounds: october }),
          );
        },
      ),
    );
  });
});

describe('satisfactionPeriodMetrics with a Map for the ticket lookup', () => {
  it('gives what the same lookup as a plain object gives', () => {
    const responses = [
      response({ ticketId: 'T1', csat: 5, nps: 10 }),
      response({ ticketId: 'T2', csat: 2, nps: 3, ces: 6 }),
      response({ ticketId: 'T3', csat: 4 }),
      response({ ticketId: 'T4', nps: 8 }),
      response({ ticketId: 'T9', csat: 1 }),
      response({ ticketId: 'constructor', csat: 3 }),
      response({ csat: 4 }),
    ];
    const asMap = new Map(Object.entries(tickets));
    const options = { bounds: october };
    const m = satisfactionPeriodMetrics(responses, asMap, options);
    expect(m).toEqual(satisfactionPeriodMetrics(responses, tickets, options));
    // By hand: T1–T4 match; T9 and "constructor" do not; one response names no ticket.
    expect(m.ticketJoin).toEqual({
      withoutTicketId: 1,
      withTicketId: 6,
      matched: 4,
      unmatched: 2,
      unmatchedTicketIds: ['T9', 'constructor'],
    });
  });
});

/**
 * The satisfaction section: the ticket join (priority, category and resolution outcome as of
 * the period's end of the tickets the period's responses name) and the masked comments.
 * Expected values are worked by hand beside the data.
 */
import { describe, expect, it } from 'vitest';
import { prepareTickets } from '../../src/lib/metrics/index.ts';
import type { SurveyResponse, TicketRecord } from '../../src/lib/model/records.ts';
import { prepareSatisfaction, satisfactionSection, ticketLookup } from '../../src/lib/snapshot/satisfaction-section.ts';
import { reviewRules } from '../helpers/rules.ts';

const rules = reviewRules({
  priorities: [
    { id: 'p1', name: 'P1', words: ['P1'], response: '15m', resolution: '4h' },
    { id: 'p2', name: 'P2', words: ['P2'], response: '1h', resolution: '1d' },
  ],
});

const oct1 = Date.UTC(2026, 9, 1);
const november = { startMs: Date.UTC(2026, 10, 1), endMs: Date.UTC(2026, 11, 1) };
const ticket = (id: string, priority: string, createdMs: number, resolvedMs: number | null, category: string | null): TicketRecord => ({
  source: 'desk',
  id,
  createdMs,
  firstResponseMs: null,
  resolvedMs,
  priority,
  category,
  service: 'api',
  title: id,
  status: null,
  reopened: null,
  sourceOnTime: null,
  sourceDeadlineMs: null,
});
// A: p1 resolved after 2 h (≤ 4 h: met). B: p2 resolved after 30 h (> 24 h: breached). C: p2 created
// 30 Nov 12:00, open, deadline 1 Dec 12:00 (after the end: pending). D: priority p9 (no level: null).
const tickets = [
  ticket('A', 'p1', Date.UTC(2026, 10, 2, 9), Date.UTC(2026, 10, 2, 11), 'Login'),
  ticket('B', 'p2', Date.UTC(2026, 10, 3, 9), Date.UTC(2026, 10, 4, 15), null),
  ticket('C', 'p2', Date.UTC(2026, 10, 30, 12), null, 'Billing'),
  ticket('D', 'p9', Date.UTC(2026, 10, 4, 9), null, 'Login'),
];
const ticketTable = prepareTickets(tickets);
const response = (id: string, timeMs: number, ticketId: string | null, comment: string | null = null): SurveyResponse => ({
  source: 'survey',
  id,
  timeMs,
  service: 'api',
  ticketId,
  csat: 4,
  nps: 9,
  ces: null,
  comment,
});
// In time order, as ingestion returns them; R0 is in October, R6 names a ticket that does not exist.
const responses = [
  response('R0', oct1, 'A'),
  response('R1', Date.UTC(2026, 10, 2, 12), 'A', 'Mail me at jo@example.com'),
  response('R2', Date.UTC(2026, 10, 5), 'B'),
  response('R3', Date.UTC(2026, 10, 6), 'A', 'Mail me at jo@example.com'),
  response('R4', Date.UTC(2026, 10, 30, 13), 'C'),
  response('R5', Date.UTC(2026, 10, 30, 14), 'D', 'ok'),
  response('R6', Date.UTC(2026, 10, 30, 15), 'Z'),
  response('R7', Date.UTC(2026, 10, 30, 16), null),
];

// The lookup is per response (two responses of one id may name tickets of two sources): by ticket id here, for the ones it joins.
const plainLookup = (l: ReturnType<typeof ticketLookup>) =>
  Object.fromEntries(responses.flatMap((r) => (r.ticketId !== null && l(r) !== undefined ? [[r.ticketId, l(r)]] : [])));

describe('ticketLookup', () => {
  const expected = {
    A: { priority: 'p1', category: 'Login', resolutionOutcome: 'met' },
    B: { priority: 'p2', category: null, resolutionOutcome: 'breached' },
    C: { priority: 'p2', category: 'Billing', resolutionOutcome: 'pending' },
    D: { priority: 'p9', category: 'Login', resolutionOutcome: null },
  };

  const inputs = prepareSatisfaction(responses, ticketTable);

  it('judges the tickets the period’s responses name, as of the period end', () => {
    expect(plainLookup(ticketLookup(inputs, rules, november))).toEqual(expected);
  });

  it('gives the same for responses out of time order', () => {
    const shuffled = [
      responses[4],
      responses[1],
      responses[7],
      responses[0],
      responses[6],
      responses[2],
      responses[5],
      responses[3],
    ] as SurveyResponse[];
    expect(plainLookup(ticketLookup(prepareSatisfaction(shuffled, ticketTable), rules, november))).toEqual(expected);
  });

  it('as of an earlier end: only the responses before it, judged then', () => {
    // Period 1–5 Nov 12:00: R1 (A) and R2 (B, 5 Nov 00:00); B's deadline 4 Nov 09:00 passed unresolved, so breached.
    expect(plainLookup(ticketLookup(inputs, rules, { startMs: november.startMs, endMs: Date.UTC(2026, 10, 5, 12) }))).toEqual({
      A: expected.A,
      B: expected.B,
    });
    // Period 1 Nov – 2 Nov 10:00: no response yet (R1 is at 12:00).
    expect(plainLookup(ticketLookup(inputs, rules, { startMs: november.startMs, endMs: Date.UTC(2026, 10, 2, 10) }))).toEqual({});
    // Period 30 Nov 13:00 – 14:00: C, created 30 Nov 12:00 with a deadline on 1 Dec, is pending.
    expect(plainLookup(ticketLookup(inputs, rules, { startMs: Date.UTC(2026, 10, 30, 13), endMs: Date.UTC(2026, 10, 30, 14) }))).toEqual({
      C: expected.C,
    });
  });
});

describe('satisfactionSection', () => {
  it('lists the period’s comments, masked, oldest first; the join counts matched and unmatched', () => {
    const s = satisfactionSection(prepareSatisfaction(responses, ticketTable), rules, november);
    expect(s.comments.map((c) => c.text)).toEqual(['Mail me at [email]', 'Mail me at [email]', 'ok']);
    expect(s.comments.map((c) => c.ticketId)).toEqual(['A', 'A', 'D']);
    // R1–R7: six name a ticket, of which R6 (Z) matches nothing.
    expect(s.ticketJoin).toEqual({ withoutTicketId: 1, withTicketId: 6, matched: 5, unmatched: 1, unmatchedTicketIds: ['Z'] });
    expect(s.byResolutionOutcome.met.responses).toBe(2);
    expect(s.byResolutionOutcome.unknown.responses).toBe(1);
  });
});

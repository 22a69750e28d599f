/**
 * Our resolution verdict beside the source system's (issue #15). Hand-made tickets with a
 * one-day 24×7 resolution target; the expected counts are worked out beside each ticket.
 */
import { describe, expect, it } from 'vitest';
import { slaClock } from '../../src/lib/metrics/business-time.ts';
import { sourceVerdictAgreement } from '../../src/lib/metrics/source-verdict-agreement.ts';
import type { TicketRecord } from '../../src/lib/model/records.ts';
import { priorityRules } from '../helpers/rules.ts';

const H = 3_600_000;
const T0 = Date.UTC(2026, 0, 5, 9);
const levels = priorityRules([{ id: 'std', name: 'Standard', words: ['std'], response: '1h', resolution: '1d' }]);
const ticket = (
  id: string,
  source: string,
  resolvedAfterH: number | null,
  sourceOnTime: boolean | null,
  priority = 'std',
): TicketRecord => ({
  source,
  id,
  createdMs: T0,
  firstResponseMs: null,
  resolvedMs: resolvedAfterH === null ? null : T0 + resolvedAfterH * H,
  priority,
  category: null,
  service: null,
  title: '',
  status: null,
  reopened: null,
  sourceOnTime,
  sourceDeadlineMs: null,
});

describe('sourceVerdictAgreement', () => {
  it('counts agreement per source on the tickets both judge', () => {
    const tickets = [
      ticket('a', 'city', 2, true), // ours met, theirs on time: agree
      ticket('b', 'city', 48, true), // ours breached (48 h > 24 h), theirs on time: differ
      ticket('c', 'city', 30, false), // ours breached, theirs late: agree
      ticket('d', 'city', 5, false), // ours met, theirs late: differ
      ticket('e', 'city', 3, null), // no source verdict: left out
      ticket('f', 'city', null, true), // open, deadline T0+24h before asOf: breached vs on time: differ
      ticket('g', 'desk', 1, true), // another source: agree
      ticket('h', 'city', 1, true, 'unknown'), // no level: left out
    ];
    const asOf = () => T0 + 72 * H;
    expect(sourceVerdictAgreement(tickets, levels, slaClock, asOf)).toEqual([
      // city: compared a b c d f = 5; agree a c = 2; ours met a d = 2; theirs on time a b f = 3
      {
        source: 'city',
        compared: 5,
        agree: 2,
        rate: 2 / 5,
        oursMet: 2 / 5,
        theirsMet: 3 / 5,
        oursMetBreachedTheirs: 1,
        oursBreachedMetTheirs: 2,
      },
      { source: 'desk', compared: 1, agree: 1, rate: 1, oursMet: 1, theirsMet: 1, oursMetBreachedTheirs: 0, oursBreachedMetTheirs: 0 },
    ]);
  });

  it('leaves out tickets still pending as of the horizon', () => {
    // Open, judged 12 h after creation: the 24 h deadline has not passed, so ours is pending.
    expect(sourceVerdictAgreement([ticket('x', 'city', null, true)], levels, slaClock, () => T0 + 12 * H)).toEqual([]);
  });
});

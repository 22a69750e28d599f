/**
 * The attention list (issue #15): what a period review opens with. Inputs are hand-made headline
 * figures; each expected item is worked out in the comment beside it.
 */
import { describe, expect, it } from 'vitest';
import { targetVerdict } from '../../src/lib/metrics/target-verdict.ts';
import { attentionSection } from '../../src/lib/snapshot/attention-section.ts';
import type { ServiceFigures } from '../../src/lib/snapshot/compute-service-figures.ts';
import type { HeadlineSection, JudgedValue } from '../../src/lib/snapshot/headline-section.ts';
import type { RecurringSection } from '../../src/lib/snapshot/recurring-section.ts';

type Headline = Parameters<typeof attentionSection>[0];
const judged = (value: number | null, change: number | null, target: number | null, best = 1): JudgedValue => ({
  value,
  n: 100,
  change,
  lowSample: false,
  target,
  verdict: target === null ? null : targetVerdict(value, target, best),
});
const quiet = (): Headline => ({
  services: [],
  responseAttainment: judged(null, null, null),
  resolutionAttainment: judged(0.95, 0, 0.9),
  csat: judged(0.9, 0, 0.8),
  nps: judged(50, 0, 30, 100),
  backlogAtEnd: { value: 10, n: 10, change: 0, lowSample: false },
});
const service = (id: string, availability: number, change: number | null, target: number, used: number) => ({
  headline: {
    id,
    name: id.toUpperCase(),
    availability: { value: availability, n: 1, change, lowSample: false },
    target,
    verdict: targetVerdict(availability, target, 1),
  } satisfies HeadlineSection['services'][number],
  // Only the error budget is read from the service figures.
  figures: { id, errorBudget: { allowedDownMs: 1, used, left: 1 - used } } as unknown as ServiceFigures,
});
type Group = RecurringSection['groups'][number];
const group = (key: string, ticketCount: number, previousTicketCount: number, extra: Partial<Group> = {}) =>
  ({
    key,
    name: `Issue ${key}`,
    recurring: true,
    untitled: false,
    ticketCount,
    previousTicketCount,
    change: ticketCount - previousTicketCount,
    ...extra,
  }) as Group;
const noRecurring = { groups: [], previousTotalTickets: 0 };

describe('attentionSection', () => {
  it('is empty for a period where everything is met and nothing got worse', () => {
    expect(attentionSection(quiet(), [], noRecurring)).toEqual([]);
  });

  it('lists breaches first, then used-up budgets, then at-risk figures, then adverse changes, then recurring issues', () => {
    const api = service('api', 0.98, -0.01, 0.99, 2); // 98 % < 99 %: breached; budget used 200 %
    const web = service('web', 0.9992, 0.0001, 0.999, 0.8); // met, 80 % of the budget used: at risk
    const db = service('db', 0.9995, -0.0003, 0.999, 0.5); // met, 50 % used; down 0.03 point: below the 0.1-point floor
    const h: Headline = {
      ...quiet(),
      services: [api.headline, web.headline, db.headline],
      resolutionAttainment: judged(0.85, -0.05, 0.9), // 85 % < 90 %: breached (was 90 %)
      csat: judged(0.86, -0.04, 0.8), // met, used 0.14 / 0.2 = 70 %; down 4 points: an adverse change
      nps: judged(35, -10, null, 100), // no target: only the change (−10 of 100 = 0.10) counts
      backlogAtEnd: { value: 30, n: 30, change: 10, lowSample: false }, // 20 → 30: +50 %, +10 tickets
    };
    const items = attentionSection(h, [api.figures, web.figures, db.figures], {
      groups: [group('a', 5, 3), group('b', 4, 0), group('c', 2, 2), group('d', 9, 1, { recurring: false })],
      previousTotalTickets: 20,
    });
    expect(items.map((i) => `${i.kind} ${i.figure}`)).toEqual([
      'breach availability:api',
      'breach resolutionAttainment',
      'at-risk availability:web',
      // Adverse changes by size relative to the scale: backlog +50 %, NPS 0.10, CSAT 0.04 (db's 0.0003 is below the floor).
      'adverse-change backlogAtEnd',
      'adverse-change nps',
      'adverse-change csat',
      // New before growing: b (0 → 4), then a (3 → 5); c did not grow, d is not recurring.
      'recurring recurring:b',
      'recurring recurring:a',
    ]);
    expect(items[0]).toEqual({
      kind: 'breach',
      figure: 'availability:api',
      label: 'API',
      unit: 'ratio',
      anchor: 'services/api/',
      value: 0.98,
      previous: 0.98 - -0.01,
      target: 0.99,
      budgetUsed: 2,
    });
    expect(items[1]).toMatchObject({ anchor: '#tickets', value: 0.85, target: 0.9, previous: 0.85 - -0.05 });
    expect(items[3]).toMatchObject({ unit: 'count', value: 30, previous: 20, anchor: '#tickets' });
  });

  it('keeps at most three adverse changes, the largest', () => {
    const h: Headline = {
      ...quiet(),
      responseAttainment: judged(0.95, -0.03, null),
      resolutionAttainment: judged(0.95, -0.04, null),
      csat: judged(0.9, -0.05, null),
      nps: judged(40, -2, null, 100), // 2 of 100 = 0.02: at the floor, listed, but the smallest
    };
    expect(attentionSection(h, [], noRecurring).map((i) => i.figure)).toEqual(['csat', 'resolutionAttainment', 'responseAttainment']);
  });

  it('marks a used-up budget on a service that still meets its target (availability exactly at target)', () => {
    const edge = service('edge', 0.99, 0, 0.99, 1); // met at the target exactly, budget used 100 %
    // targetVerdict gives at-risk for this (100 % used > 75 %), which ranks below a used-up budget; both say so.
    const items = attentionSection({ ...quiet(), services: [edge.headline] }, [edge.figures], noRecurring);
    expect(items.map((i) => i.kind)).toEqual(['at-risk']);
    expect(items[0]?.budgetUsed).toBe(1);
  });

  it('lists no recurring issue as new in a period without a previous one', () => {
    expect(attentionSection(quiet(), [], { groups: [group('a', 5, 0)], previousTotalTickets: 0 })).toEqual([]);
  });
});

/**
 * What a review's data covers (issue #15): the months with data (something a figure of the month
 * counts happened in it), the services the exports name without the config listing them, and the
 * archive's rows.
 */
import { describe, expect, it } from 'vitest';
import type { FileAccount } from '../../src/lib/ingest/file-account.ts';
import { prepareTickets } from '../../src/lib/metrics/ticket-table.ts';
import type { TicketRecord } from '../../src/lib/model/records.ts';
import { archiveRows } from '../../src/lib/site/archive-rows.ts';
import { monthsWithData, ticketDataMonths, ticketSourcesIn, unknownServiceRows } from '../../src/lib/snapshot/review-coverage.ts';
import { incompleteSources } from '../../src/lib/snapshot/source-horizons.ts';
import type { MonthId } from '../../src/lib/time/periods.ts';
import { priorityRules } from '../helpers/rules.ts';
import { ticketRecord } from '../helpers/ticket-record.ts';

const at = (iso: string) => Date.parse(iso);
const MONTHS = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05'];
const noEvents = { ticketMonths: new Map(), surveys: [], incidents: [], changes: [] };

describe('monthsWithData', () => {
  it('takes the months with tickets counted, responses, incidents and changes started, and days with checks, in the review zone', () => {
    const got = monthsWithData(
      MONTHS,
      'Europe/London',
      {
        ticketMonths: new Map([['2026-01', new Set(['desk'])]]),
        // 31 Mar 23:30 UTC is 1 Apr 00:30 in London (BST since 29 Mar): April, not March.
        surveys: [{ timeMs: at('2026-03-31T23:30:00Z') }],
        // An incident that started in February and was restored in March counts in February (incidentsSection).
        incidents: [{ startedMs: at('2026-02-27T10:00:00Z') }],
        // A change counts at its actual start, else its planned one (changesSection): the first in March, the second nowhere.
        changes: [
          {
            service: 'api',
            plannedStartMs: at('2026-02-20T10:00:00Z'),
            plannedEndMs: null,
            actualStartMs: at('2026-03-02T10:00:00Z'),
            actualEndMs: null,
          },
          { service: 'api', plannedStartMs: null, plannedEndMs: at('2026-05-02T10:00:00Z'), actualStartMs: null, actualEndMs: null },
        ],
      },
      // May has a day with checks; April's rollups have none.
      new Map([
        ['2026-04', new Map([['api', [{ checks: 0 }]]])],
        ['2026-05', new Map([['api', [{ checks: 0 }, { checks: 3 }]]])],
        // biome-ignore lint/suspicious/noExplicitAny: only `checks` of a day rollup is read
      ]) as any,
      new Set(),
    );
    expect([...got].sort()).toEqual(MONTHS);
  });

  it('keeps months with published revisions, and ignores times outside the review', () => {
    const got = monthsWithData(
      MONTHS,
      'UTC',
      { ...noEvents, surveys: [{ timeMs: at('2025-12-31T23:59:59Z') }], incidents: [{ startedMs: at('2026-06-01T00:00:00Z') }] },
      new Map(),
      new Set(['2026-02']),
    );
    expect([...got]).toEqual(['2026-02']);
  });
});

/**
 * The months a ticket counts in (spec Tickets: a ticket counts where its outcome became known).
 * P2: 24×7, response 4 h, resolution 8 h; London is on GMT (= UTC) from January to 29 March 2026.
 */
describe('ticketDataMonths', () => {
  const P2 = { id: 'p2', name: 'P2', words: ['P2'], response: '4h', resolution: '8h', clock: '24x7' };
  const judging = (horizon: string | null, levels = priorityRules([P2])) => ({
    levels,
    horizons: new Map(horizon === null ? [] : [['desk', at(horizon)]]),
    responseRecorded: new Set(['desk']),
  });
  const months = (tickets: TicketRecord[], j: (m: MonthId) => ReturnType<typeof judging>) =>
    Object.fromEntries([...ticketDataMonths(MONTHS, 'Europe/London', prepareTickets(tickets), j)].map(([m, s]) => [m, [...s]]));

  // Issue #15's pin, kept: open across February with no outcome known in it.
  it('does not count a ticket merely open across a month', () => {
    // Created 31 Jan 23:30 GMT, responded 31 Jan 23:45 (met in January); resolution due 1 Feb 07:30 but not
    // resolved till 1 Mar 00:30, so breached at its deadline in February...
    const late = ticketRecord({
      id: 'T-1',
      priority: 'p2',
      createdMs: at('2026-01-31T23:30:00Z'),
      firstResponseMs: at('2026-01-31T23:45:00Z'),
      resolvedMs: at('2026-03-01T00:30:00Z'),
    });
    expect(months([late], () => judging(null))).toEqual({ '2026-01': ['desk'], '2026-02': ['desk'], '2026-03': ['desk'] });
    // ...while with 40 days to resolve (due 12 Mar 23:30), it is met in March: February has nothing.
    const slow = priorityRules([{ ...P2, resolution: '40d' }]);
    expect(months([late], () => judging(null, slow))).toEqual({ '2026-01': ['desk'], '2026-03': ['desk'] });
  });

  it('counts a deadline passed unmet in its month, only when it passed before the horizon (the audit case)', () => {
    // Created 31 Jan 23:00, never answered or resolved: response due 1 Feb 03:00, resolution 1 Feb 07:00.
    const open = ticketRecord({ id: 'T-1', priority: 'p2', createdMs: at('2026-01-31T23:00:00Z') });
    expect(months([open], () => judging('2026-03-25T12:00:00Z'))).toEqual({ '2026-01': ['desk'], '2026-02': ['desk'] });
    // Horizon 1 Feb 05:00: the response breach (03:00) is known, the resolution deadline (07:00) not yet.
    expect(months([open], () => judging('2026-02-01T05:00:00Z'))).toEqual({ '2026-01': ['desk'], '2026-02': ['desk'] });
    // Horizon 1 Feb 03:00, the response deadline itself: nothing known yet (breached only at a deadline before it).
    expect(months([open], () => judging('2026-02-01T03:00:00Z'))).toEqual({ '2026-01': ['desk'] });
    // A source that records no responses: judged on resolution alone; with the horizon at 05:00, February has nothing.
    const noResponses = { ...judging('2026-02-01T05:00:00Z'), responseRecorded: new Set<string>() };
    expect(months([open], () => noResponses)).toEqual({ '2026-01': ['desk'] });
  });

  it('counts a first response in its month, and a priority with no level by created and resolved only', () => {
    // Created 31 Jan 23:00, responded 2 Feb 10:00, resolved 3 Apr 10:00 UTC (11:00 BST: April).
    const t = ticketRecord({
      id: 'T-1',
      priority: 'p2',
      createdMs: at('2026-01-31T23:00:00Z'),
      firstResponseMs: at('2026-02-02T10:00:00Z'),
      resolvedMs: at('2026-04-03T10:00:00Z'),
    });
    // With 30 days to answer and 90 to resolve (due 2 Mar 23:00 GMT, 2 May 00:00 BST), met both: January, February, April.
    const slow = priorityRules([{ ...P2, response: '30d', resolution: '90d' }]);
    expect(months([t], () => judging(null, slow))).toEqual({ '2026-01': ['desk'], '2026-02': ['desk'], '2026-04': ['desk'] });
    // Priority p9, which no level has: its creation and resolution only, never its first response.
    expect(months([{ ...t, priority: 'p9' }], () => judging(null, slow))).toEqual({ '2026-01': ['desk'], '2026-04': ['desk'] });
  });

  it('judges each month by the rules in force in it', () => {
    const open = ticketRecord({ id: 'T-1', priority: 'p2', createdMs: at('2026-01-31T23:00:00Z') });
    // February's rules give 60 days for both targets (due 2 Apr 00:00 BST): its own rules see no breach in February,
    // whatever the 8 h of the other months' rules would say (due 1 Feb, a month none of them is judging).
    const feb = priorityRules([{ ...P2, response: '60d', resolution: '60d' }]);
    expect(months([open], (m) => judging('2026-05-31T00:00:00Z', m === '2026-02' ? feb : undefined))).toEqual({
      '2026-01': ['desk'],
    });
  });
});

describe('ticketSourcesIn', () => {
  it("takes the sources whose files' created times span part of the period, and those counted in its months", () => {
    const file = (kind: FileAccount['kind'], source: string, first: string | null, last: string | null) => ({
      kind,
      source,
      firstMs: first === null ? null : at(first),
      lastMs: last === null ? null : at(last),
    });
    const files = [
      file('tickets', 'desk', '2026-01-10T00:00:00Z', '2026-01-20T00:00:00Z'), // created in January only
      file('tickets', 'legacy', '2026-02-27T00:00:00Z', '2026-03-02T00:00:00Z'), // spans into March
      file('tickets', 'empty', null, null),
      file('surveys', 'voice', '2026-03-05T00:00:00Z', '2026-03-06T00:00:00Z'), // not a ticket source
    ];
    const march = { startMs: at('2026-03-01T00:00:00Z'), endMs: at('2026-04-01T00:00:00Z') };
    // desk's January ticket is resolved in March; "other" counts in February only.
    const ticketMonths = new Map<MonthId, Set<string>>([
      ['2026-03', new Set(['desk'])],
      ['2026-02', new Set(['other'])],
    ]);
    expect([...ticketSourcesIn(files, march, ['2026-03'], ticketMonths)].sort()).toEqual(['desk', 'legacy']);
    // Before the fix only the files counted: desk's levels were left out of March, its resolution with them.
    expect([...ticketSourcesIn(files, march, ['2026-03'], new Map())]).toEqual(['legacy']);
  });
});

describe('unknownServiceRows', () => {
  // The names come masked from ingest, and the ids are made from the masked names (row-mappers.ts; audit defect 6).
  it('sums the rows per source and id over the files, sorted', () => {
    const file = (source: string, unknownServices: FileAccount['unknownServices']) => ({ source, unknownServices }) as FileAccount;
    expect(
      unknownServiceRows({
        files: [
          file('city', { parks: { name: 'Parks', rows: 2 } }),
          file('city', { parks: { name: 'Parks', rows: 3 }, 'call-phone': { name: 'call [phone]', rows: 1 } }),
          file('desk', { parks: { name: 'PARKS', rows: 1 } }),
          file('old', undefined),
        ],
      }),
    ).toEqual([
      { id: 'call-phone', name: 'call [phone]', source: 'city', rows: 1 },
      { id: 'parks', name: 'Parks', source: 'city', rows: 5 },
      { id: 'parks', name: 'PARKS', source: 'desk', rows: 1 },
    ]);
  });
});

describe('archiveRows', () => {
  it('puts each run of empty months on one line among the months, newest first', () => {
    const periods = ['2026', '2026-Q2', '2026-Q1', '2026-05', '2026-01'].map((id) => ({ id }));
    const rows = archiveRows(periods, ['2026-02', '2026-03', '2026-04', '2026-06']);
    expect(rows.map((r) => (r.kind === 'empty' ? `${r.from}…${r.to} (${r.months})` : r.period.id))).toEqual([
      '2026',
      '2026-Q2',
      '2026-Q1',
      '2026-06…2026-06 (1)',
      '2026-05',
      '2026-02…2026-04 (3)',
      '2026-01',
    ]);
  });
});

describe('incompleteSources', () => {
  const D = 86_400_000;
  const start = Date.UTC(2025, 5, 1);
  const end = Date.UTC(2025, 6, 1);
  const h = (source: string, asOfMs: number, from: 'data' | 'config' = 'data') => ({ source, kind: 'tickets' as const, asOfMs, from });
  it('names a source ending in the period or shortly before it, not one that ended long before', () => {
    const horizons = [
      h('mid-month', start + 10 * D), // ends inside June: partial
      h('just-before', start - 30 * D), // ended in May: June lacks it
      h('years-ago', Date.UTC(2016, 0, 12)), // another era: does not cover June at all
      h('config-years-ago', Date.UTC(2016, 0, 12), 'config'), // an asOf the config states always counts
      h('after', end + D), // covers June
    ];
    expect(incompleteSources(horizons, end, start)).toEqual(['mid-month', 'just-before', 'config-years-ago']);
    // Without a start (the old call), every source ending before the end counts.
    expect(incompleteSources(horizons, end)).toEqual(['mid-month', 'just-before', 'years-ago', 'config-years-ago']);
  });
});

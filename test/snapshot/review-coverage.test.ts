/**
 * What a review's data covers (issue #15): the months with data, the services the exports name
 * without the config listing them, and the archive's rows.
 */
import { describe, expect, it } from 'vitest';
import type { FileAccount } from '../../src/lib/ingest/file-account.ts';
import type { TicketRecord } from '../../src/lib/model/records.ts';
import { archiveRows } from '../../src/lib/site/archive-rows.ts';
import { monthsWithData, unknownServiceRows } from '../../src/lib/snapshot/review-coverage.ts';
import { incompleteSources } from '../../src/lib/snapshot/source-horizons.ts';

const at = (iso: string) => Date.parse(iso);
const ticket = (created: string, resolved: string | null) =>
  ({ createdMs: at(created), resolvedMs: resolved === null ? null : at(resolved) }) as TicketRecord;
const MONTHS = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05'];

describe('monthsWithData', () => {
  it('takes the months of tickets created or resolved, responses and days with checks, in the review zone', () => {
    const got = monthsWithData(
      MONTHS,
      'Europe/London',
      {
        // Created 31 Jan 23:30 UTC = 31 Jan in London (GMT); resolved 1 Mar 00:30 UTC = 1 Mar.
        tickets: [ticket('2026-01-31T23:30:00Z', '2026-03-01T00:30:00Z')],
        surveys: [],
      },
      // May has a day with checks; April's rollups have none.
      new Map([
        ['2026-04', new Map([['api', [{ checks: 0 }]]])],
        ['2026-05', new Map([['api', [{ checks: 0 }, { checks: 3 }]]])],
        // biome-ignore lint/suspicious/noExplicitAny: only `checks` of a day rollup is read
      ]) as any,
      new Set(),
    );
    expect([...got].sort()).toEqual(['2026-01', '2026-03', '2026-05']);
  });

  it('keeps months with published revisions, and ignores times outside the review', () => {
    const got = monthsWithData(
      MONTHS,
      'UTC',
      { tickets: [ticket('2025-12-31T23:59:59Z', '2026-06-01T00:00:00Z')], surveys: [] },
      new Map(),
      new Set(['2026-02']),
    );
    expect([...got]).toEqual(['2026-02']);
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

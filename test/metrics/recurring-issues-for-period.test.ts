/**
 * Top recurring issues of a period, cut from one grouping of the whole history. Counts, shares
 * and resolution times are worked by hand beside the data.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  groupRecurringIssues,
  type PeriodTicket,
  prepareRecurringTickets,
  type RecurringIssueGrouping,
  type RecurringIssuesForPeriodOptions,
  recurringIssuesForPeriod as viewOfTable,
} from '../../src/lib/metrics/index.ts';
import { monthOf, previousMonth } from '../../src/lib/time/periods.ts';
import { assertProperty } from '../helpers/property.ts';

/** The view of one period, the tickets prepared afresh with months cut by `periodOf` (UTC unless given). */
function recurringIssuesForPeriod(
  grouping: RecurringIssueGrouping,
  tickets: readonly PeriodTicket[],
  options: Omit<RecurringIssuesForPeriodOptions, 'kind'> & { periodOf?: (ms: number) => string },
) {
  const { periodOf = (ms: number) => monthOf(ms, 'UTC'), ...rest } = options;
  return viewOfTable(prepareRecurringTickets(grouping, tickets, { month: { periodOf, previousOf: previousMonth } }), rest);
}

type T = PeriodTicket & { title: string };
const utc = Date.UTC;
const H = 3_600_000;
const t = (id: string, title: string, createdMs: number, resolvedMs: number | null, service: string | null, category: string | null): T =>
  Object.freeze({ id, title, createdMs, resolvedMs, service, category });

const history: readonly T[] = Object.freeze([
  t('L1', 'Cannot log in to portal', utc(2026, 3, 10), utc(2026, 3, 11), 'web', 'Access'), // April: outside the 6-month window of October
  t('L2', 'Cannot log in to portal', utc(2026, 8, 5), utc(2026, 8, 5) + 2 * H, 'web', 'Access'),
  t('L3', 'Portal login: cannot log in', utc(2026, 9, 1), utc(2026, 9, 1) + 1 * H, 'web', 'Access'), // 3600 s
  t('L4', 'Cannot log in to portal', utc(2026, 9, 15), utc(2026, 9, 15) + 3 * H, 'api', 'Access'), // 10800 s
  t('L5', 'cannot log in to portal!', utc(2026, 9, 31, 23), utc(2026, 10, 1, 1), null, null), // resolved in November
  t('P1', 'Printer jammed', utc(2026, 9, 2), utc(2026, 9, 2) + H / 2, null, 'Hardware'), // 1800 s
  t('P2', 'Printer jammed', utc(2026, 9, 3), null, null, 'Hardware'),
  t('V1', 'VPN连接失败', utc(2026, 5, 10), utc(2026, 5, 11), 'vpn', 'Network'),
  t('V3', 'VPN连接失败', utc(2026, 8, 20), utc(2026, 8, 21), 'vpn', 'Network'),
  t('V2', 'vpn 连接失败', utc(2026, 9, 20), utc(2026, 9, 20) + 1_000_400, 'vpn', 'Network'), // 1000.4 s → 1000
  t('U1', 'INC0012', utc(2026, 9, 5), null, null, null),
  t('D1', 'Disk full', utc(2026, 8, 12), utc(2026, 8, 12) + H, 'reporting', 'Storage'),
]);
const grouping = groupRecurringIssues(history);
const periodOf = (ms: number) => monthOf(ms, 'UTC');

describe('recurringIssuesForPeriod', () => {
  const r = recurringIssuesForPeriod(grouping, history, { period: '2026-10', periodOf });

  it('period, previous period, window and totals', () => {
    expect(r.period).toBe('2026-10');
    expect(r.previousPeriod).toBe('2026-09');
    expect(r.window).toEqual(['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10']);
    // October: L3 L4 L5 P1 P2 V2 U1 = 7 ; September: L2 V3 D1 = 3
    expect(r.totalTickets).toBe(7);
    expect(r.previousTotalTickets).toBe(3);
  });

  it('ranks groups by tickets in the period, then name', () => {
    // login 3, printer 2, then two with 1: names 'INC0012' (untitled) < 'VPN连接失败' in code-unit order
    expect(r.groups.map((g) => [g.name, g.ticketCount])).toEqual([
      ['Cannot log in to portal', 3],
      ['Printer jammed', 2],
      ['INC0012', 1],
      ['VPN连接失败', 1],
    ]);
  });

  it('the login group: change, share, resolution as of the period end, services, periods seen', () => {
    expect(r.groups[0]).toEqual({
      key: 'log portal',
      name: 'Cannot log in to portal', // ×3 of 5 titles in the group
      category: 'Access', // ×4 of 5 (L5 has none)
      untitled: false,
      ticketCount: 3, // L3 L4 L5
      previousTicketCount: 1, // L2
      change: 2,
      share: 3 / 7,
      // L3 3600 s and L4 10800 s; L5 was resolved in November, after the period's end
      // total 3600 + 10800 = 14400; median of [3600, 10800] = (3600 + 10800) / 2 = 7200
      resolution: { n: 2, totalSeconds: 14_400, medianSeconds: 7200 },
      unresolvedAtPeriodEnd: 1,
      services: ['api', 'web'],
      ticketsWithoutService: 1,
      periodsSeen: ['2026-09', '2026-10'], // L1 (April) is outside the window
      periodsSeenInWindow: 2,
      recurring: true,
      ticketIds: ['L3', 'L4', 'L5'],
    });
  });

  it('the printer group: new this month, 2 tickets in 1 period → not recurring', () => {
    expect(r.groups[1]).toMatchObject({
      ticketCount: 2,
      previousTicketCount: 0,
      change: 2,
      share: 2 / 7,
      resolution: { n: 1, totalSeconds: 1800, medianSeconds: 1800 },
      unresolvedAtPeriodEnd: 1,
      services: [],
      ticketsWithoutService: 2,
      periodsSeen: ['2026-10'],
      recurring: false,
    });
  });

  it('the VPN group (Chinese titles): seen in June, September and October → recurring; rounded seconds', () => {
    expect(r.groups[3]).toMatchObject({
      key: 'vpn 失败 连接',
      ticketCount: 1,
      previousTicketCount: 1,
      change: 0,
      resolution: { n: 1, totalSeconds: 1000, medianSeconds: 1000 },
      periodsSeen: ['2026-06', '2026-09', '2026-10'],
      periodsSeenInWindow: 3,
      recurring: true,
    });
  });

  it('the untitled group is listed, flagged', () => {
    expect(r.groups[2]).toMatchObject({
      key: '(untitled)',
      untitled: true,
      ticketCount: 1,
      resolution: { n: 0, totalSeconds: 0, medianSeconds: null },
    });
  });

  it('top categories: each ticket by its own category, null last among equals', () => {
    // October: Access L3 L4 = 2; Hardware P1 P2 = 2; null L5 U1 = 2; Network V2 = 1
    // September: Access L2, Network V3, Storage D1
    expect(r.topCategories).toEqual([
      { category: 'Access', ticketCount: 2, previousTicketCount: 1, change: 1, share: 2 / 7, groups: 1 },
      { category: 'Hardware', ticketCount: 2, previousTicketCount: 0, change: 2, share: 2 / 7, groups: 1 },
      { category: null, ticketCount: 2, previousTicketCount: 0, change: 2, share: 2 / 7, groups: 2 }, // login (L5) and untitled (U1)
      { category: 'Network', ticketCount: 1, previousTicketCount: 1, change: 0, share: 1 / 7, groups: 1 },
    ]);
  });

  it('same group identity in the previous period', () => {
    const sep = recurringIssuesForPeriod(grouping, history, { period: '2026-09', periodOf });
    // three groups with one ticket each, by name: 'Cannot…' < 'Disk full' < 'VPN…'
    expect(sep.groups.map((g) => [g.key, g.ticketCount, g.previousTicketCount, g.periodsSeen])).toEqual([
      ['log portal', 1, 0, ['2026-04', '2026-09']], // September's window is April–September, so L1 counts here
      ['disk full', 1, 0, ['2026-09']],
      ['vpn 失败 连接', 1, 0, ['2026-06', '2026-09']],
    ]);
  });

  it('a month without tickets: nothing listed, totals 0', () => {
    const nov = recurringIssuesForPeriod(grouping, history, { period: '2026-11', periodOf });
    expect(nov).toMatchObject({ totalTickets: 0, previousTotalTickets: 7, groups: [], topCategories: [] });
  });

  it('the zone is the caller’s: in Shanghai L5 (23:00 UTC on 31 October) is a November ticket', () => {
    const shanghai = recurringIssuesForPeriod(grouping, history, {
      period: '2026-10',
      periodOf: (ms: number) => monthOf(ms, 'Asia/Shanghai'),
    });
    expect(shanghai.totalTickets).toBe(6);
    expect(shanghai.groups[0]).toMatchObject({ key: 'log portal', ticketCount: 2, ticketIds: ['L3', 'L4'] });
  });

  it('window and recurring thresholds are configurable', () => {
    const strict = recurringIssuesForPeriod(grouping, history, {
      period: '2026-10',
      periodOf,
      window: 2,
      recurringMinPeriods: 3,
      recurringMinTickets: 2,
    });
    expect(strict.window).toEqual(['2026-09', '2026-10']);
    // login: 3 tickets ≥ 2 → recurring; printer: 2 ≥ 2 → recurring; VPN: 2 periods in the window < 3, 1 ticket → not
    expect(strict.groups.map((g) => [g.key, g.periodsSeenInWindow, g.recurring])).toEqual([
      ['log portal', 2, true],
      ['jammed printer', 1, true],
      ['(untitled)', 1, false],
      ['vpn 失败 连接', 2, false],
    ]);
    expect(() => recurringIssuesForPeriod(grouping, history, { period: '2026-10', periodOf, window: 0 })).toThrow(/window of at least 1/);
  });

  it('a ticket resolved before it was created counts 0 seconds', () => {
    const odd = [t('X1', 'Clock skew', utc(2026, 9, 2, 12), utc(2026, 9, 2, 11), null, null)];
    const x = recurringIssuesForPeriod(groupRecurringIssues(odd), odd, { period: '2026-10', periodOf });
    expect(x.groups[0]!.resolution).toEqual({ n: 1, totalSeconds: 0, medianSeconds: 0 });
  });

  it('rejects a ticket that is not in the grouping', () => {
    expect(() =>
      recurringIssuesForPeriod(grouping, [...history, t('NEW', 'x y', 0, null, null, null)], { period: '2026-10', periodOf }),
    ).toThrow(/every ticket to be in the grouping; "NEW"/);
  });

  it('is JSON-safe', () => {
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('property: shuffling the tickets (distinct created times) changes nothing; shares sum to 1', () => {
    const title = fc.constantFrom(
      'Cannot log in',
      'login fails',
      'printer jammed',
      'VPN连接失败',
      '连接失败',
      'INC0012',
      'disk full',
      'disk full again',
    );
    const month = fc.integer({ min: 0, max: 11 });
    const list = fc.uniqueArray(fc.integer({ min: 0, max: 28 * 24 * 60 }), { maxLength: 60 }).chain((minutes) =>
      fc.tuple(
        ...minutes.map((min, i) =>
          fc.record({
            id: fc.constant(`T${i}`),
            title,
            createdMs: month.map((m) => utc(2026, m, 1) + min * 60_000),
            resolvedMs: fc.option(fc.integer({ min: 0, max: 40 * 24 * H }), { nil: null }),
            service: fc.constantFrom(null, 'web', 'api'),
            category: fc.constantFrom(null, 'Access', 'Network'),
          }),
        ),
      ),
    );
    assertProperty(
      fc.property(
        list
          .map((ts) => ts.map((x) => ({ ...x, resolvedMs: x.resolvedMs === null ? null : x.createdMs + x.resolvedMs })))
          .chain((ts) => fc.tuple(fc.constant(ts), fc.shuffledSubarray(ts, { minLength: ts.length }))),
        fc.integer({ min: 0, max: 11 }),
        ([ts, shuffled], m) => {
          const period = `2026-${String(m + 1).padStart(2, '0')}`;
          const a = recurringIssuesForPeriod(groupRecurringIssues(ts), ts, { period, periodOf });
          const b = recurringIssuesForPeriod(groupRecurringIssues(shuffled), shuffled, { period, periodOf });
          expect(b).toEqual(a);
          const shares = a.groups.reduce((s, g) => s + g.share, 0);
          if (a.totalTickets > 0) expect(shares).toBeCloseTo(1, 10);
          for (const g of a.groups) expect(g.share).toBeGreaterThan(0);
        },
      ),
    );
  });
});

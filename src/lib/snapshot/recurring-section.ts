/**
 * Recurring issues of a period. Tickets are grouped once over the whole history, so a group
 * keeps its identity from period to period (needed for "change against the previous period"
 * and "periods seen in the last 6"), then cut per month, quarter or year by created time.
 */
import { groupTicketsByIssue } from '../metrics/group-recurring-issues.ts';
import {
  type PeriodKind,
  prepareRecurringTickets,
  type RecurringIssuesForPeriod,
  type RecurringTicketTable,
  recurringIssuesForPeriod,
} from '../metrics/recurring-issues-for-period.ts';
import type { TicketRecord } from '../model/records.ts';
import {
  isQuarterId,
  isYearId,
  monthOfIn,
  previousMonth,
  previousQuarter,
  previousYear,
  quarterOfMonth,
  yearOfMonth,
} from '../time/periods.ts';
import { maskIdentifier } from '../util/mask-personal-data.ts';

export type RecurringSection = RecurringIssuesForPeriod;

/**
 * Groups every ticket once and prepares the period views: months, quarters and years of the
 * review zone. Quarter and year of an instant come from its month (memoised: runs of instants
 * fall in one month).
 */
export function prepareRecurring(tickets: readonly TicketRecord[], zone: string): RecurringTicketTable {
  const month = monthOfIn(zone);
  const quarters = new Map<string, { quarter: string; year: string }>();
  let lastMonth: string | null = null;
  let last = { quarter: '', year: '' };
  const of = (ms: number): { quarter: string; year: string } => {
    const m = month(ms);
    if (m !== lastMonth) {
      let q = quarters.get(m);
      if (q === undefined) quarters.set(m, (q = { quarter: quarterOfMonth(m), year: yearOfMonth(m) }));
      lastMonth = m;
      last = q;
    }
    return last;
  };
  const kinds: Record<string, PeriodKind> = {
    month: { periodOf: month, previousOf: previousMonth },
    quarter: { periodOf: (ms) => of(ms).quarter, previousOf: previousQuarter },
    year: { periodOf: (ms) => of(ms).year, previousOf: previousYear },
  };
  const { grouping, groupOfTicket } = groupTicketsByIssue(tickets);
  return prepareRecurringTickets(grouping, tickets, kinds, groupOfTicket);
}

/**
 * Recurring issues of a month (YYYY-MM), a quarter (YYYY-Qn) or a year (YYYY); the window is the
 * last 6 periods of that kind. As computed: names, categories and ticket ids as exported (the
 * drill-down looks its tickets up by these ids); {@link publishedRecurring} is what a snapshot holds.
 */
export function recurringSection(table: RecurringTicketTable, period: string): RecurringSection {
  const kind = isQuarterId(period) ? 'quarter' : isYearId(period) ? 'year' : 'month';
  return recurringIssuesForPeriod(table, { period, kind });
}

/**
 * The recurring issues as published: group names (ticket titles) and categories masked as free
 * text, ticket ids as ids (mask-personal-data.ts). Keys need nothing: they are title words with
 * e-mail addresses, URLs and every digit taken out (normalize-title.ts).
 * @param maskText masks a free text, memoised over the build (categories and names recur)
 */
export function publishedRecurring(r: RecurringSection, maskText: (text: string) => string): RecurringSection {
  const category = (c: string | null) => (c === null ? null : maskText(c));
  return {
    ...r,
    groups: r.groups.map((g) => ({
      ...g,
      name: maskText(g.name),
      category: category(g.category),
      ticketIds: g.ticketIds.map(maskIdentifier),
    })),
    topCategories: r.topCategories.map((c) => ({ ...c, category: category(c.category) })),
  };
}

/**
 * Recurring issues of a period. Tickets are grouped once over the whole history, so a group
 * keeps its identity from period to period (needed for "change against the previous period"
 * and "periods seen in the last 6"), then cut per month (or quarter) by created time.
 */
import { groupRecurringIssues, type RecurringIssueGrouping } from '../metrics/group-recurring-issues.ts';
import { maskPersonalData } from '../metrics/mask-personal-data.ts';
import { isQuarterId, isYearId, previousQuarter, previousYear, quarterOfMonth, yearOfMonth } from '../metrics/periods.ts';
import { type RecurringIssuesForPeriod, recurringIssuesForPeriod } from '../metrics/recurring-issues-for-period.ts';
import type { TicketRecord } from '../model/records.ts';

export type RecurringSection = RecurringIssuesForPeriod;

export function groupAllTickets(tickets: readonly TicketRecord[]): RecurringIssueGrouping {
  return groupRecurringIssues(tickets);
}

/** Recurring issues of a month (YYYY-MM), a quarter (YYYY-Qn) or a year (YYYY); the window is the last 6 periods of that kind. */
export function recurringSection(
  grouping: RecurringIssueGrouping,
  tickets: readonly TicketRecord[],
  period: string,
  /** The month of an instant in the review zone (memoised: it runs for every ticket of every period). */
  month: (ms: number) => string,
): RecurringSection {
  const kind = isQuarterId(period)
    ? { periodOf: (ms: number) => quarterOfMonth(month(ms)), previousOf: previousQuarter }
    : isYearId(period)
      ? { periodOf: (ms: number) => yearOfMonth(month(ms)), previousOf: previousYear }
      : { periodOf: month };
  const r = recurringIssuesForPeriod(grouping, tickets, { period, ...kind });
  // Group names are ticket titles, which can hold e-mail addresses or phone numbers: mask them like comments.
  return { ...r, groups: r.groups.map((g) => ({ ...g, name: maskPersonalData(g.name) })) };
}

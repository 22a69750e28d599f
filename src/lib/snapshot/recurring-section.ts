/**
 * Recurring issues of a period. Tickets are grouped once over the whole history, so a group
 * keeps its identity from period to period (needed for "change against the previous period"
 * and "periods seen in the last 6"), then cut per month (or quarter) by created time.
 */
import { groupRecurringIssues, type RecurringIssueGrouping } from '../metrics/group-recurring-issues.ts';
import { maskPersonalData } from '../metrics/mask-personal-data.ts';
import { isQuarterId, isYearId, monthOf, previousQuarter, previousYear, quarterOfMonth, yearOfMonth } from '../metrics/periods.ts';
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
  zone: string,
): RecurringSection {
  const kind = isQuarterId(period)
    ? { periodOf: (ms: number) => quarterOfMonth(monthOf(ms, zone)), previousOf: previousQuarter }
    : isYearId(period)
      ? { periodOf: (ms: number) => yearOfMonth(monthOf(ms, zone)), previousOf: previousYear }
      : { periodOf: (ms: number) => monthOf(ms, zone) };
  const r = recurringIssuesForPeriod(grouping, tickets, { period, ...kind });
  // Group names are ticket titles, which can hold e-mail addresses or phone numbers: mask them like comments.
  return { ...r, groups: r.groups.map((g) => ({ ...g, name: maskPersonalData(g.name) })) };
}

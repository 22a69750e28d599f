/**
 * Recurring issues of a period. Tickets are grouped once over the whole history, so a group
 * keeps its identity from period to period (needed for "change against the previous period"
 * and "periods seen in the last 6"), then cut per month (or quarter) by created time.
 */
import { groupRecurringIssues, type RecurringIssueGrouping } from '../metrics/group-recurring-issues.ts';
import { maskPersonalData } from '../metrics/mask-personal-data.ts';
import { isQuarterId, monthOf, previousQuarter, quarterOfMonth } from '../metrics/periods.ts';
import { type RecurringIssuesForPeriod, recurringIssuesForPeriod } from '../metrics/recurring-issues-for-period.ts';
import type { TicketRecord } from '../model/records.ts';

export type RecurringSection = RecurringIssuesForPeriod;

export function groupAllTickets(tickets: readonly TicketRecord[]): RecurringIssueGrouping {
  return groupRecurringIssues(tickets);
}

/** Recurring issues of a month (YYYY-MM) or a quarter (YYYY-Qn, whose window is the last 6 quarters). */
export function recurringSection(
  grouping: RecurringIssueGrouping,
  tickets: readonly TicketRecord[],
  period: string,
  zone: string,
): RecurringSection {
  const r = isQuarterId(period)
    ? recurringIssuesForPeriod(grouping, tickets, {
        period,
        periodOf: (ms) => quarterOfMonth(monthOf(ms, zone)),
        previousOf: previousQuarter,
      })
    : recurringIssuesForPeriod(grouping, tickets, { period, periodOf: (ms) => monthOf(ms, zone) });
  // Group names are ticket titles, which can hold e-mail addresses or phone numbers: mask them like comments.
  return { ...r, groups: r.groups.map((g) => ({ ...g, name: maskPersonalData(g.name) })) };
}

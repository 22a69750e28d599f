/**
 * Recurring issues of a period. Tickets are grouped once over the whole history, so a group
 * keeps its identity from period to period (needed for "change against the previous period"
 * and "periods seen in the last 6"), then cut per month (or quarter) by created time.
 */
import { groupRecurringIssues, type RecurringIssueGrouping } from '../metrics/group-recurring-issues.ts';
import { maskPersonalData } from '../metrics/mask-personal-data.ts';
import { type RecurringIssuesForPeriod, recurringIssuesForPeriod } from '../metrics/recurring-issues-for-period.ts';
import type { TicketRecord } from '../model/records.ts';
import { isQuarterId, isYearId, previousQuarter, previousYear, quarterOfMonth, yearOfMonth } from '../time/periods.ts';

export type RecurringSection = RecurringIssuesForPeriod;

export function groupAllTickets(tickets: readonly TicketRecord[]): RecurringIssueGrouping {
  return groupRecurringIssues(tickets);
}

// The period functions of one month function, made once so recurringIssuesForPeriod can reuse
// its per-function bucketing of the tickets from period to period.
const periodFunctions = new WeakMap<(ms: number) => string, { quarterOf: (ms: number) => string; yearOf: (ms: number) => string }>();

function periodFunctionsOf(month: (ms: number) => string): { quarterOf: (ms: number) => string; yearOf: (ms: number) => string } {
  let fns = periodFunctions.get(month);
  if (!fns) {
    // Few distinct months: map each to its quarter and year once; runs of instants fall in one month.
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
    fns = { quarterOf: (ms) => of(ms).quarter, yearOf: (ms) => of(ms).year };
    periodFunctions.set(month, fns);
  }
  return fns;
}

/** Recurring issues of a month (YYYY-MM), a quarter (YYYY-Qn) or a year (YYYY); the window is the last 6 periods of that kind. */
export function recurringSection(
  grouping: RecurringIssueGrouping,
  tickets: readonly TicketRecord[],
  period: string,
  /** The month of an instant in the review zone (memoised: it runs for every ticket of every period); pass the same function for every period. */
  month: (ms: number) => string,
): RecurringSection {
  const { quarterOf, yearOf } = periodFunctionsOf(month);
  const kind = isQuarterId(period)
    ? { periodOf: quarterOf, previousOf: previousQuarter }
    : isYearId(period)
      ? { periodOf: yearOf, previousOf: previousYear }
      : { periodOf: month };
  const r = recurringIssuesForPeriod(grouping, tickets, { period, ...kind });
  // Group names are ticket titles, which can hold e-mail addresses or phone numbers: mask them like comments.
  return { ...r, groups: r.groups.map((g) => ({ ...g, name: maskPersonalData(g.name) })) };
}

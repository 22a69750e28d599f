/**
 * A quarter's or a year's month-by-month view: the headline figures of each of its months
 * (availability per service, ticket SLA attainment, CSAT, NPS, tickets created), taken from the
 * months' own figures, so the month rows of a quarter page read exactly as the month pages do.
 */
import type { TrendPoint } from './headline-section.ts';

/**
 * @param months the months of the quarter or year inside the review, in order
 * @param pointOf each reviewed month's headline figures (its trend point), by month id
 * @returns one point per month that has figures, in month order
 * @example
 * monthsSection(['2026-07', '2026-08'], new Map([['2026-07', july], ['2026-08', august]])) // [july, august]
 */
export function monthsSection(months: readonly string[], pointOf: ReadonlyMap<string, TrendPoint>): TrendPoint[] {
  return months.flatMap((m) => {
    const p = pointOf.get(m);
    return p === undefined ? [] : [p];
  });
}

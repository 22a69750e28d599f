import type { ReviewConfig } from '../lib/config/config-schema.ts';
import { UsageError } from '../lib/errors.ts';
import {
  isMonthId,
  isQuarterId,
  isYearId,
  type MonthId,
  monthsBetween,
  monthsOfQuarter,
  monthsOfYear,
  type QuarterId,
} from '../lib/time/periods.ts';

/**
 * The months a `--period` names (a month, a quarter, a year, or FIRST..LAST months); without one,
 * the config's firstPeriod..lastPeriod, else null (the caller decides).
 */
export function monthsOfPeriodOption(period: string | undefined, config: ReviewConfig): MonthId[] | null {
  if (period === undefined) {
    const { firstPeriod, lastPeriod } = config.review;
    return firstPeriod && lastPeriod ? monthsBetween(firstPeriod, lastPeriod) : null;
  }
  const range = period.split('..');
  if (range.length === 2 && isMonthId(range[0] as string) && isMonthId(range[1] as string) && (range[0] as string) <= (range[1] as string))
    return monthsBetween(range[0] as MonthId, range[1] as MonthId);
  if (isMonthId(period)) return [period as MonthId];
  if (isQuarterId(period)) return monthsOfQuarter(period as QuarterId);
  if (isYearId(period)) return monthsOfYear(Number(period));
  throw new UsageError(
    `--period: expected a month (2026-10), a quarter (2026-Q4), a year (2026) or months 2026-01..2026-06, got "${period}"`,
  );
}

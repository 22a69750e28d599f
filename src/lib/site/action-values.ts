/**
 * How the actions' values read on a page (issue #18): a linked figure in its unit, a due date or
 * period, in the page's language. Formatting only; the values were computed in the snapshot.
 */
import type { Locale } from '../model/locales.ts';
import { formatCountIn, formatDateIn, formatNumberIn, formatPercentIn, formatPeriodIn } from './i18n/locale-format.ts';

/**
 * A linked figure's value: a share as a percentage (two decimals, as availability targets read),
 * a score with one decimal, a count whole.
 * @example formatActionValueIn(0.996415, 'ratio', 'en') // '99.64 %'
 * @example formatActionValueIn(-24.5098, 'score', 'en') // '−24.5'
 */
export function formatActionValueIn(value: number | null, unit: 'ratio' | 'score' | 'count', locale: Locale): string {
  if (unit === 'ratio' || value === null) return formatPercentIn(value, locale, 2);
  if (unit === 'count') return formatCountIn(value, locale);
  return formatNumberIn(value, locale, 1);
}

/** When an action is due, as written: a date, or a period's name. @example formatDueIn('2026-Q4', 'en') // 'Q4 2026' */
export function formatDueIn(due: string, locale: Locale): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(due) ? formatDateIn(due, locale) : formatPeriodIn(due, locale);
}

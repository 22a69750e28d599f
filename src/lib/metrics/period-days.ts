import { nextDate, startOfLocalDay } from '../time/zoned-time.ts';
import { datesOfMonth, type MonthId } from './periods.ts';
import type { DaySpan } from './service-day-rollups.ts';

/**
 * The local days of a month as real instants; a DST day is 23 or 25 hours long.
 * @example periodDays('2026-10', 'Europe/London')[24].endMs - periodDays('2026-10', 'Europe/London')[24].startMs // 90000000 (25 h on 25 Oct)
 */
export function periodDays(month: MonthId, zone: string): DaySpan[] {
  return datesOfMonth(month).map((date) => ({ date, startMs: startOfLocalDay(date, zone), endMs: startOfLocalDay(nextDate(date), zone) }));
}

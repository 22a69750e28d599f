import { datesOfMonth, type MonthId } from './periods.ts';
import { nextDate, startOfLocalDay } from './zoned-time.ts';

export interface DaySpan {
  /** Local date, YYYY-MM-DD. */
  date: string;
  startMs: number;
  endMs: number;
}

/**
 * The local days of a month as real instants; a DST day is 23 or 25 hours long.
 * @example periodDays('2026-10', 'Europe/London')[24].endMs - periodDays('2026-10', 'Europe/London')[24].startMs // 90000000 (25 h on 25 Oct)
 */
export function periodDays(month: MonthId, zone: string): DaySpan[] {
  return datesOfMonth(month).map((date) => ({ date, startMs: startOfLocalDay(date, zone), endMs: startOfLocalDay(nextDate(date), zone) }));
}

/**
 * Shared test helpers: frozen inputs, and rules made the way the tool makes them — config text
 * through the config schema and the resolver (src/lib/config/resolve-rules.ts) — so a test never
 * builds a rule by hand that the tool could not produce.
 */
import { calendarSchema } from '../../src/lib/config/config-schema.ts';
import { validateConfig } from '../../src/lib/config/load-config.ts';
import { resolveCalendar, resolveRules } from '../../src/lib/config/resolve-rules.ts';
import type { CalendarRules, PriorityRule, ReviewRules } from '../../src/lib/model/rules.ts';

/** Freezes an object and everything inside it, so a function that mutates its input fails the test. */
export function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}

/** A calendar's rules from config-like input (defaults applied by the schema). */
export function calendarRules(input: Record<string, unknown>): CalendarRules {
  return resolveCalendar(calendarSchema.parse(input));
}

export const OFFICE_DAY: [string, string][] = [['09:00', '17:30']];
export const CN_DAY: [string, string][] = [
  ['09:00', '12:00'],
  ['13:00', '18:00'],
];
const weekdays = (hours: [string, string][]) => ({ mon: hours, tue: hours, wed: hours, thu: hours, fri: hours });

/** London office: Mon–Fri 09:00–17:30, Christmas 2026 holidays (25 Dec Fri, 28 Dec Mon substitute for Boxing Day). */
export const UK_CALENDAR = {
  id: 'uk',
  timeZone: 'Europe/London',
  weeklyHours: weekdays(OFFICE_DAY),
  holidays: ['2026-12-25', '2026-12-28'],
};

/** Shanghai office with a lunch break; Golden Week 2026 holidays and a make-up Saturday, 2026-10-10. */
export const CN_CALENDAR = {
  id: 'cn',
  timeZone: 'Asia/Shanghai',
  weeklyHours: weekdays(CN_DAY),
  holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
  extraWorkingDays: ['2026-10-10'],
};

/**
 * The review rules of a minimal config with these priority levels and calendars (and any other
 * top-level keys given), in force in `month`.
 */
export function reviewRules(
  parts: { priorities?: unknown[]; calendars?: unknown[]; services?: unknown[]; [key: string]: unknown },
  month = '2026-01',
): ReviewRules {
  const config = validateConfig({
    review: { name: 'test', timeZone: 'UTC' },
    services: [{ id: 'svc', name: 'Service', owner: 'Team', target: 0.99, latencyThresholdMs: 500 }],
    priorities: [{ id: 'p1', name: 'P1', words: ['P1'], response: '1h', resolution: '4h' }],
    sources: [{ id: 'src', kind: 'tickets', files: 'none.csv' }],
    ...parts,
  });
  return resolveRules(config).forMonth(month);
}

/** Priority rules from config-like levels (ids, words, "4h" targets, clock, calendar) and calendars. */
export function priorityRules(levels: unknown[], calendars: unknown[] = []): PriorityRule[] {
  return reviewRules({ priorities: levels, calendars }).priorities;
}

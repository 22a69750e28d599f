/**
 * The config's text turned into the rules the metrics read (model/rules.ts), once: durations to
 * seconds, "09:00" to minutes, holiday dates to day numbers, maintenance times to instants, and
 * date-effective `changes` applied per month. Everything downstream takes these objects, so no
 * rule is parsed twice or in two ways.
 */
import type { CalendarRules, ClockRule, MaintenanceWindow, PriorityRule, ReviewRules, ServiceRule, WallInterval } from '../model/rules.ts';
import { parseTimestamp } from '../time/parse-timestamp.ts';
import type { MonthId } from '../time/periods.ts';
import { parseDate } from '../time/zoned-time.ts';
import { type Reason, reasonText } from '../util/reason.ts';
import { configForPeriod } from './config-for-period.ts';
import { type CalendarConfig, type MaintenanceConfig, parseDurationSeconds, type ReviewConfig } from './config-schema.ts';

const DAY_MS = 86_400_000;
const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** A value the schema has already checked; a failure here is a bug in the schema, not a user error. */
function checked<T>(value: T | null, what: string): T {
  if (value === null) throw new Error(`resolve-rules: ${what} passed the config schema but cannot be read`);
  return value;
}

/** "09:00" → 540; "24:00" → 1440. */
function wallMinutes(s: string, what: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(s);
  const minutes = m ? Number(m[1]) * 60 + Number(m[2]) : Number.NaN;
  return checked(minutes >= 0 && minutes <= 1440 && Number(m?.[2]) < 60 ? minutes : null, `${what} "${s}"`);
}

/** A weekday's intervals as minutes, sorted, with overlapping or touching ones merged. */
function dayHours(pairs: ReadonlyArray<readonly [string, string]>, what: string): WallInterval[] {
  const out = pairs.map(([from, to]) => [wallMinutes(from, what), wallMinutes(to, what)] as [number, number]);
  out.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const iv of out) {
    const last = merged[merged.length - 1];
    if (last && iv[0] <= last[1]) last[1] = Math.max(last[1], iv[1]);
    else merged.push([iv[0], iv[1]]);
  }
  return merged;
}

/** Day number (days since 1970-01-01) of a YYYY-MM-DD date. */
export function dayNumberOfDate(date: string): number {
  const p = checked(parseDate(date), `date "${date}"`);
  return Date.UTC(p.year, p.month - 1, p.day) / DAY_MS;
}

/**
 * A calendar's rules from its config (defaults applied by the schema, `changes` already applied).
 * @example resolveCalendar({ id: 'uk', timeZone: 'Europe/London', weeklyHours: { mon: [['09:00', '17:30']], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }, holidays: ['2026-12-25'], extraWorkingDays: [], extraDayHoursFrom: 'mon', changes: [] }).weekHours[0]
 * // [[540, 1050]]
 */
export function resolveCalendar(cal: CalendarConfig): CalendarRules {
  const what = `calendar "${cal.id}"`;
  const weekHours = WEEKDAY_KEYS.map((k) => dayHours(cal.weeklyHours[k] ?? [], `${what} ${k}`));
  const extraDayHours = weekHours[WEEKDAY_KEYS.indexOf(cal.extraDayHoursFrom)] as WallInterval[];
  return {
    id: cal.id,
    timeZone: cal.timeZone,
    weekHours,
    extraDayHours,
    holidays: new Set(cal.holidays.map(dayNumberOfDate)),
    extraWorkingDays: new Set(cal.extraWorkingDays.map(dayNumberOfDate)),
    key: JSON.stringify([cal.id, cal.timeZone, weekHours, extraDayHours, [...cal.holidays].sort(), [...cal.extraWorkingDays].sort()]),
  };
}

/** "4h" → 14400; the schema guarantees the form. */
export function durationSeconds(text: string): number {
  return checked(parseDurationSeconds(text), `duration "${text}"`);
}

/**
 * A maintenance window as instants, or why it cannot be one. Times without an offset are read
 * in the review zone; a local time that does not exist or is ambiguous there is a problem, as
 * is an end at or before the start. Used both to validate the config (every problem at once)
 * and to resolve it, so the two never disagree.
 */
export function maintenanceWindow(
  m: Pick<MaintenanceConfig, 'service' | 'from' | 'to' | 'reason'>,
  timeZone: string,
): { window: MaintenanceWindow; problems: [] } | { window: null; problems: Array<{ key: 'from' | 'to'; message: string }> } {
  const opts = { timeZone, dateOrder: 'ymd', ambiguous: 'reject', epochUnit: 'auto' } as const;
  const from = parseTimestamp(m.from, opts);
  const to = parseTimestamp(m.to, opts);
  const problems: Array<{ key: 'from' | 'to'; message: string }> = [];
  if (!from.ok) problems.push({ key: 'from', message: configReason(from.reason) });
  if (!to.ok) problems.push({ key: 'to', message: configReason(to.reason) });
  if (from.ok && to.ok && to.ms <= from.ms)
    problems.push({ key: 'to', message: `must be after from (${JSON.stringify(m.from)}); the window would be empty or reversed` });
  if (problems.length > 0 || !from.ok || !to.ok) return { window: null, problems };
  return { window: { service: m.service, startMs: from.ms, endMs: to.ms, reason: m.reason ?? null }, problems: [] };
}

/**
 * A source's configured data horizon (`asOf`) as an instant, or why it cannot be one. Read like a
 * maintenance time: an offset, or local in the review zone (a time that does not exist or is
 * ambiguous there is a problem).
 */
export function sourceAsOf(text: string, timeZone: string): { ms: number } | { problem: string } {
  const r = parseTimestamp(text, { timeZone, dateOrder: 'ymd', ambiguous: 'reject', epochUnit: 'auto' });
  return r.ok ? { ms: r.ms } : { problem: configReason(r.reason) };
}

/** A timestamp reason about a config value (shown as written: config text is not personal data); the config has no `ambiguous` rule, an offset says which time is meant. */
function configReason(r: Reason): string {
  return reasonText(r).replace(/; set ambiguous: earlier or later( to read it)?$/, '; write it with its UTC offset');
}

/** The rules of every month of a review, resolved on first use and kept (they are asked for per period). */
export interface RuleBook {
  /** The rules in force in a month (YYYY-MM). */
  forMonth(month: MonthId): ReviewRules;
  /** Every maintenance window, as instants (config order). */
  readonly maintenance: readonly MaintenanceWindow[];
}

/**
 * Resolves a validated config into rules, per month. Calendars with the same rules are one
 * object across months, so structures prepared for one (business-time day tables) serve all.
 */
export function resolveRules(config: ReviewConfig): RuleBook {
  const zone = config.review.timeZone;
  const maintenance = config.maintenance.map((m, i) => {
    const r = maintenanceWindow(m, zone);
    return checked(r.window, `maintenance[${i}]`);
  });
  const calendars = new Map<string, CalendarRules>();
  const calendar = (c: CalendarConfig): CalendarRules => {
    const resolved = resolveCalendar(c);
    const known = calendars.get(resolved.key);
    if (known) return known;
    calendars.set(resolved.key, resolved);
    return resolved;
  };
  const months = new Map<MonthId, ReviewRules>();
  return {
    maintenance,
    forMonth(month) {
      const known = months.get(month);
      if (known) return known;
      const cfg = configForPeriod(config, month);
      const cals = cfg.calendars.map(calendar);
      const byId = new Map(cals.map((c) => [c.id, c]));
      // Monitored services are those with availability settings (the schema has both or neither).
      const services: ServiceRule[] = cfg.services.flatMap((s) =>
        s.target === undefined || s.latencyThresholdMs === undefined
          ? []
          : [
              {
                id: s.id,
                name: s.name,
                owner: s.owner,
                target: s.target,
                latencyThresholdMs: s.latencyThresholdMs,
                confirm: s.confirm ?? null,
                maxGapMs: s.maxGap ? durationSeconds(s.maxGap) * 1000 : null,
              },
            ],
      );
      const priorities: PriorityRule[] = cfg.priorities.map((p) => {
        const clock: ClockRule =
          p.clock === 'business'
            ? { kind: 'business', calendar: checked(byId.get(p.calendar ?? '') ?? null, `calendar of ${p.id}`) }
            : { kind: '24x7' };
        return {
          id: p.id,
          name: p.name,
          words: p.words,
          responseSeconds: durationSeconds(p.response),
          resolutionSeconds: durationSeconds(p.resolution),
          clock,
          sources: p.sources ?? null,
        };
      });
      const rules: ReviewRules = {
        month,
        timeZone: zone,
        services,
        serviceNames: cfg.services.map((s) => ({ id: s.id, name: s.name, owner: s.owner })),
        priorities,
        targets: {
          responseAttainment: cfg.targets.responseAttainment ?? null,
          resolutionAttainment: cfg.targets.resolutionAttainment ?? null,
          csat: cfg.targets.csat ?? null,
          nps: cfg.targets.nps ?? null,
        },
        calendars: cals,
        surveys: cfg.surveys,
        maintenance,
        lowSampleBelow: cfg.review.lowSampleBelow,
        lowCoverageBelow: cfg.review.lowCoverageBelow,
      };
      months.set(month, rules);
      return rules;
    },
  };
}

/**
 * The review's rules as the metrics read them: resolved once from the config (config/
 * resolve-rules.ts), with durations in seconds or milliseconds, ratios as numbers and calendars
 * compiled to minutes and day numbers. Metrics and rollups take these, never the config's text
 * ("4h", "09:00"), so a rule is read in one place.
 */

/** A half-open time window [startMs, endMs), epoch ms. */
export interface TimeWindow {
  startMs: number;
  endMs: number;
}

/** A planned maintenance window of one service (or `*`, every service). */
export interface MaintenanceWindow extends TimeWindow {
  /** Service id, or `*` for every service. */
  service: string;
  /** Shown on the method and service pages; null when the config gives none. */
  reason: string | null;
}

/** A working interval of a local day: minutes after local midnight, [start, end), end ≤ 1440. */
export type WallInterval = readonly [number, number];

/** A business calendar ready for business-time arithmetic (metrics/business-time.ts). */
export interface CalendarRules {
  /** Calendar id from the config. */
  id: string;
  /** IANA zone of the working hours. */
  timeZone: string;
  /** Working intervals per weekday, Monday first (7 entries), sorted and merged. */
  weekHours: ReadonlyArray<readonly WallInterval[]>;
  /** The hours a make-up working day uses (those of the configured weekday). */
  extraDayHours: readonly WallInterval[];
  /** Holidays as day numbers (days since 1970-01-01 of the local date); a holiday has no hours. */
  holidays: ReadonlySet<number>;
  /** Make-up working days as day numbers. */
  extraWorkingDays: ReadonlySet<number>;
  /** Identifies the calendar's rules: equal keys, equal calendars (prepared structures key clocks by it). */
  key: string;
}

/** The clock a priority level's targets run on. */
export type ClockRule = { kind: '24x7' } | { kind: 'business'; calendar: CalendarRules };

/** A ticket priority level with its targets. */
export interface PriorityRule {
  id: string;
  name: string;
  /** Source words that mean this level (as configured). */
  words: readonly string[];
  /** First-response target, seconds on the level's clock. */
  responseSeconds: number;
  /** Resolution target, seconds on the level's clock. */
  resolutionSeconds: number;
  clock: ClockRule;
  /** Ticket sources whose scheme the level belongs to; null: every ticket source. */
  sources: readonly string[] | null;
}

/** A service as the config names it (monitored or not). */
export interface ServiceName {
  id: string;
  name: string;
  owner: string;
}

/** Targets of the headline ticket and satisfaction figures in force; null where the config sets none. */
export interface HeadlineTargets {
  responseAttainment: number | null;
  resolutionAttainment: number | null;
  csat: number | null;
  /** NPS target, −100 … 100. */
  nps: number | null;
}

/** A monitored service with its availability and latency targets. */
export interface ServiceRule {
  id: string;
  name: string;
  owner: string;
  /** Availability target, a ratio such as 0.999. */
  target: number;
  /** Latency SLO threshold, ms: a check at or below it is fast. */
  latencyThresholdMs: number;
  /** Probes that must agree on down/degraded; null: a strict majority of covering probes. */
  confirm: number | null;
  /** Longest time one check may stand for, ms; null: twice the probe's median interval. */
  maxGapMs: number | null;
}

/** Survey scales. */
export interface SurveyScales {
  csat: { min: number; max: number; satisfiedAtLeast: number };
  ces: { min: number; max: number };
}

/** Every rule in force in one review month (date-effective changes applied). */
export interface ReviewRules {
  /** The month these rules are in force for, YYYY-MM. */
  month: string;
  /** The review's zone: it cuts months and days. */
  timeZone: string;
  /** Monitored services (those with availability settings): the ones checks are judged for. */
  services: ServiceRule[];
  /** Every configured service, monitored or not, in config order. */
  serviceNames: ServiceName[];
  priorities: PriorityRule[];
  targets: HeadlineTargets;
  calendars: CalendarRules[];
  surveys: SurveyScales;
  /** Every maintenance window of the config (not only this month's), as instants. */
  maintenance: MaintenanceWindow[];
  /** Figures from fewer responses than this are flagged low-sample. */
  lowSampleBelow: number;
  /** Availability with coverage below this share is flagged low-coverage. */
  lowCoverageBelow: number;
}

// Over 400 lines: the whole config reference in one schema, one documented field after another (docs/config.md is made from it).
/**
 * The review configuration (`review.config.yaml`). Every field has a one-line doc: this file
 * is the configuration reference, and docs/config.md is generated from it
 * (`npm run docs:config`) and checked in step by a test.
 */
import { z } from 'zod';
import { encodingName, unknownEncoding } from '../model/encoding-names.ts';
import { LOCALES } from '../model/locales.ts';
import { VALUE_MAP_FIELDS } from '../model/value-maps.ts';
import { isValidTimeZone, parseDate } from '../time/zoned-time.ts';
import { crossReferenceIssues } from './cross-references.ts';
import { SOURCE_READING_DEFAULTS } from './source-reading-defaults.ts';

const timeZone = z
  .string()
  .refine(isValidTimeZone, { message: 'expected an IANA time zone such as Europe/London' })
  .describe('IANA time zone name, e.g. Europe/London.');

const localDate = z
  .string()
  .refine((s) => parseDate(s) !== null, { message: 'expected a date like 2026-11-03' })
  .describe('A calendar date, YYYY-MM-DD.');

const clockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'expected a time like 09:00')
  .describe('A wall-clock time, HH:MM (24:00 allowed as an end).');

const DURATION_RE = /^(?:(\d+)d)?\s*(?:(\d+)h)?\s*(?:(\d+)m)?$/;

/** Parses "1d", "4h", "30m", "1h30m" into seconds; null when it is not such a duration. */
export function parseDurationSeconds(s: string): number | null {
  const m = DURATION_RE.exec(s.trim());
  if (!m || s.trim() === '' || (!m[1] && !m[2] && !m[3])) return null;
  return (Number(m[1] ?? 0) * 24 + Number(m[2] ?? 0)) * 3600 + Number(m[3] ?? 0) * 60;
}

const duration = z
  .string()
  .refine((s) => parseDurationSeconds(s) !== null && (parseDurationSeconds(s) ?? 0) > 0, {
    message: 'expected a duration like 30m, 4h, 1h30m or 2d',
  })
  .describe('A duration such as 30m, 4h, 1h30m or 2d.');

const ratio = (what: string) =>
  z
    .number({ error: 'expected a number between 0 and 1' })
    .min(0, 'expected a number between 0 and 1')
    .max(1, 'expected a number between 0 and 1')
    .describe(what);

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a lower-case id of letters, digits and dashes')
  .describe('Lower-case identifier (letters, digits, dashes); used in URLs.');

const locales = z
  .array(
    z
      .enum(LOCALES, { error: `unknown locale; valid locales: ${LOCALES.join(', ')}` })
      .describe(`A site language: ${LOCALES.join(' or ')}.`),
  )
  .min(1, `expected at least one locale, one of ${LOCALES.join(', ')}`);

/**
 * A text shown on the site, as one string for every language or one per language; a language without its own
 * falls back to the first of the review's locales that has one (resolveTextPerLocale).
 */
const textPerLocale = z.union(
  [
    z.string().min(1),
    z
      .partialRecord(z.enum(LOCALES, { error: `unknown locale; valid locales: ${LOCALES.join(', ')}` }), z.string().min(1))
      .refine((r) => Object.keys(r).length > 0, 'expected a text for at least one locale'),
  ],
  { error: `expected a text, or a text per locale (${LOCALES.join(', ')})` },
);

export const reviewSchema = z
  .object({
    name: textPerLocale.describe(
      'Title of the review site, shown in the header: one text, or one per language (`{ en: Service review, zh-CN: 服务质量评审 }`).',
    ),
    organisation: textPerLocale
      .optional()
      .describe('Organisation the review is about, shown under the title: one text, or one per language like `name`.'),
    timeZone: timeZone.default('UTC').describe('Zone that cuts months and days for every figure (default UTC).'),
    firstPeriod: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month like 2026-05')
      .optional()
      .describe('First month to review (YYYY-MM); default: the first month with data.'),
    lastPeriod: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month like 2026-10')
      .optional()
      .describe(
        'Last month to review (YYYY-MM); default: the month of the latest data (shown as partial when the exports end before it does).',
      ),
    lowSampleBelow: z.number().int().positive().default(30).describe('Figures from fewer responses than this are flagged low-sample.'),
    lowCoverageBelow: ratio('Availability with coverage below this share is flagged low-coverage (default 0.9).').default(0.9),
    unknownServices: z
      .enum(['accept', 'reject'])
      .default('accept')
      .describe(
        'Ticket and survey rows naming a service the config does not list: accept them under the exported name (masked for personal data, the id made from the masked name; listed on the data-quality page), or reject the row. Checks always need a configured, monitored service.',
      ),
    locales: locales
      .default(['en'])
      .describe(
        'Site languages, zh-CN and/or en (default [en]); the first is the default; two build /zh-CN/… and /en/… with a language switch. Interface words are in both; names and texts from the data stay as exported (docs/i18n.md).',
      ),
  })
  .strict();

const month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month like 2026-05')
  .describe('A review month, YYYY-MM.');

export const serviceChangeSchema = z
  .object({
    from: month.describe('First month the change applies to; earlier months keep the values before it.'),
    target: ratio('New availability target.').optional(),
    latencyThresholdMs: z.number().positive('expected a number of milliseconds above 0').optional().describe('New latency threshold, ms.'),
  })
  .strict();

export const serviceSchema = z
  .object({
    id: id.describe('Service id, as it appears in the exports (or mapped to by a source).'),
    name: z.string().min(1).describe('Display name.'),
    owner: z.string().min(1).describe('Team or person accountable for the service.'),
    target: ratio(
      'Availability target as a ratio, e.g. 0.999 for 99.9 %. Giving it (with latencyThresholdMs) makes the service monitored: only monitored services take checks and have availability figures.',
    ).optional(),
    latencyThresholdMs: z
      .number({ error: 'expected a number of milliseconds' })
      .positive('expected a number of milliseconds above 0')
      .optional()
      .describe('Latency SLO threshold in milliseconds: a check at or below it is fast. Required with target (monitored services only).'),
    aliases: z.array(z.string()).default([]).describe('Other names exports use for this service (matched case-insensitively).'),
    confirm: z
      .number()
      .int()
      .positive()
      .optional()
      .describe('Probes that must agree for down/degraded; default a strict majority of covering probes.'),
    maxGap: duration.optional().describe("Longest time one check may stand for; default twice the probe's median interval."),
    changes: z
      .array(serviceChangeSchema)
      .default([])
      .describe('Date-effective changes: from a month on, a new target or threshold; earlier months are not restated.'),
  })
  .strict();

export const priorityChangeSchema = z
  .object({
    from: month.describe('First month the change applies to.'),
    response: duration.optional().describe('New first-response target.'),
    resolution: duration.optional().describe('New resolution target.'),
    clock: z.enum(['24x7', 'business']).optional().describe('New clock.'),
    calendar: id.optional().describe('New business calendar id.'),
  })
  .strict();

export const priorityLevelSchema = z
  .object({
    id: id.describe('Level id, e.g. p1.'),
    name: z.string().min(1).describe('Display name, e.g. "P1 Critical".'),
    words: z
      .array(z.string().min(1))
      .min(1, 'expected at least one word')
      .describe('Source words that mean this level (case-insensitive), e.g. [P1, Critical, 紧急].'),
    response: duration.describe('First-response target.'),
    resolution: duration.describe('Resolution target.'),
    clock: z.enum(['24x7', 'business']).default('24x7').describe('Measure targets in elapsed 24×7 time or in business time of `calendar`.'),
    calendar: id.optional().describe('Business calendar id; required when clock is business.'),
    sources: z
      .array(id)
      .optional()
      .describe(
        'Ticket sources whose priority scheme this level belongs to (default: every ticket source). Levels of different sources may share words.',
      ),
    changes: z.array(priorityChangeSchema).default([]).describe('Date-effective changes of targets, clock or calendar.'),
  })
  .strict();

export const incidentLevelSchema = z
  .object({
    id: id.describe('Incident level id, e.g. major.'),
    name: z.string().min(1).describe('Display name, e.g. "Level 1 (major)".'),
    words: z
      .array(z.string().min(1))
      .min(1, 'expected at least one word')
      .describe('Source words that mean this level (case-insensitive), e.g. [P1, Sev1, 重大].'),
    detect: duration.describe('Time-to-detect target: from the fault starting to its detection.'),
    acknowledge: duration.describe('Time-to-acknowledge target: from detection to someone taking the incident on.'),
    restore: duration.describe('Time-to-restore target: from the fault starting to service restored.'),
  })
  .strict();

const weekdayHours = z
  .array(z.tuple([clockTime, clockTime]))
  .default([])
  .describe('Working intervals of the day, e.g. [["09:00","17:30"]].');

const weeklyHoursSchema = z
  .object({
    mon: weekdayHours,
    tue: weekdayHours,
    wed: weekdayHours,
    thu: weekdayHours,
    fri: weekdayHours,
    sat: weekdayHours,
    sun: weekdayHours,
  })
  .strict();

export const calendarChangeSchema = z
  .object({
    from: month.describe('First month the new weekly hours apply to.'),
    weeklyHours: weeklyHoursSchema.describe('The new weekly hours.'),
  })
  .strict();

export const calendarSchema = z
  .object({
    id: id.describe('Calendar id, referred to by priority levels.'),
    timeZone: timeZone.describe('Zone of the working hours.'),
    weeklyHours: weeklyHoursSchema.describe('Working intervals per weekday; a missing day has none.'),
    holidays: z.array(localDate).default([]).describe('Dates with no working hours.'),
    extraWorkingDays: z
      .array(localDate)
      .default([])
      .describe('Make-up working days (e.g. a working Saturday); they use the normal hours of `extraDayHoursFrom`.'),
    extraDayHoursFrom: z
      .enum(['mon', 'tue', 'wed', 'thu', 'fri'])
      .default('mon')
      .describe('Weekday whose hours an extra working day uses (default mon).'),
    changes: z.array(calendarChangeSchema).default([]).describe('Date-effective changes of the weekly hours.'),
  })
  .strict();

export const scaleSchema = z
  .object({
    min: z.number().describe('Lowest score.'),
    max: z.number().describe('Highest score.'),
  })
  .strict();

export const surveysSchema = z
  .object({
    csat: scaleSchema
      .extend({ satisfiedAtLeast: z.number().describe('Scores at or above this count as satisfied.') })
      .default({ min: 1, max: 5, satisfiedAtLeast: 4 })
      .describe('CSAT scale (default 1–5, satisfied at 4 or more).'),
    ces: scaleSchema.default({ min: 1, max: 7 }).describe('Customer effort scale (default 1–7).'),
  })
  .strict();

export const maintenanceSchema = z
  .object({
    service: z.string().min(1).describe('Service id, or * for every service.'),
    from: z.string().min(1).describe('Start, ISO 8601 with offset (e.g. 2026-06-14T01:00:00+01:00) or local in the review zone.'),
    to: z.string().min(1).describe('End (exclusive), same forms as from.'),
    reason: z.string().optional().describe('Shown on the method and service pages.'),
  })
  .strict();

const targetShape = {
  responseAttainment: ratio('Share of judged tickets meeting their first-response target, e.g. 0.9.').optional(),
  resolutionAttainment: ratio('Share of judged tickets meeting their resolution target, e.g. 0.9.').optional(),
  csat: ratio('CSAT target: share of satisfied responses, e.g. 0.8.').optional(),
  nps: z
    .number({ error: 'expected a number from -100 to 100' })
    .min(-100, 'expected a number from -100 to 100')
    .max(100, 'expected a number from -100 to 100')
    .optional()
    .describe('NPS target, −100 … 100.'),
};

export const targetChangeSchema = z.object({ from: month.describe('First month the new targets apply to.'), ...targetShape }).strict();

export const targetsSchema = z
  .object({
    ...targetShape,
    changes: z.array(targetChangeSchema).default([]).describe('Date-effective changes of these targets; earlier months are not restated.'),
  })
  .strict();

export const sourceKindSchema = z
  .enum(['checks', 'tickets', 'surveys', 'incidents', 'changes', 'rollups', 'duckdb'])
  .describe(
    'What the export holds: checks, tickets, surveys, incidents or changes (change records) rows; rollups (per service per day, CSV or Parquet, docs/rollups.md); or duckdb (checks in a DuckDB database file or Parquet files, rolled up in process by the DuckDB recipe).',
  );

// An empty name would match an empty header cell, or nothing: either way the field would be read from no column.
const headerName = z
  .string()
  .refine((n) => n.trim() !== '', 'expected a header name')
  .describe('A header name, matched ignoring case and white space runs.');

/** `service, status (checks, duckdb); …`: the fields whose words each kind maps (VALUE_MAP_FIELDS), for the reference. */
const VALUE_MAPS_BY_KIND = Object.entries(VALUE_MAP_FIELDS)
  .filter(([, fields]) => fields.length > 0)
  .map(([kind, fields]) => `${fields.join(', ')} (${kind === 'checks' ? 'checks, duckdb' : kind})`)
  .join('; ');

/** Ticket statuses that mean resolved when neither the source nor its preset lists its own (docs/reading-exports.md). */
export const DEFAULT_RESOLVED_STATUSES = ['Resolved', 'Closed', 'Done', 'Fixed', 'Completed', '已解决', '已关闭'];

export const sourceSchema = z
  .object({
    id: id.describe('Source id, used in messages and the data-quality page.'),
    kind: sourceKindSchema,
    files: z.union([z.string(), z.array(z.string())]).describe('Glob(s) relative to the config file, e.g. data/checks/*.csv.gz.'),
    preset: z.string().optional().describe("Named column mapping for a known tool; it must read the source's kind (see docs/presets.md)."),
    columns: z
      .record(z.string(), z.union([headerName, z.array(headerName).min(1, 'expected at least one header name')]))
      .default({})
      .describe(
        "Canonical field of the source's kind → header name or aliases (the first one a file has is read); overrides the preset. A field mapped here is required in every file of the source. A key that is no field of the kind is a config error (a rollups source maps none).",
      ),
    values: z
      .record(z.string(), z.record(z.string(), z.string()))
      .default({})
      .describe(
        `Per field, source word → canonical value (e.g. status: {OK: up}); the value is resolved like a word the export wrote (a status word, a service id, alias or name, a level id or word, a score within the scale). Only fields that take words: ${VALUE_MAPS_BY_KIND}. Any other field, or a value the field cannot take, is a config error.`,
      ),
    timeZone: timeZone.optional().describe('Zone of timestamps without an offset (default: the review zone).'),
    dateOrder: z
      .enum(['ymd', 'dmy', 'mdy'])
      .optional()
      .describe("Field order of slash dates such as 03/11/2026 (default: the preset's, else ymd)."),
    ambiguous: z
      .enum(['reject', 'earlier', 'later'])
      .default(SOURCE_READING_DEFAULTS.ambiguous)
      .describe('What a local time in the repeated DST hour means.'),
    epochUnit: z
      .enum(['auto', 's', 'ms', 'excel-serial'])
      .default(SOURCE_READING_DEFAULTS.epochUnit)
      .describe(
        'Unit of bare-number timestamps (auto: 9–10 digits are seconds, 12–13 milliseconds, anything else rejected; excel-serial: spreadsheet serial dates in the source zone).',
      ),
    delimiter: z
      .enum([',', ';', '\t', 'auto'])
      .default(SOURCE_READING_DEFAULTS.delimiter)
      .describe('Field delimiter; auto detects from the header line.'),
    encoding: z
      .string()
      .refine((n) => encodingName(n) !== null, { error: (iss) => unknownEncoding(String(iss.input)), params: { noValue: true } })
      .default(SOURCE_READING_DEFAULTS.encoding)
      .describe(
        'utf-8, utf-16le, utf-16be, gb18030, gbk, another name iconv-lite decodes (windows-1252: Excel\'s "CSV" saved on a Western PC) or auto (a byte-order mark, else the bytes decide: GB18030 only when they show it, else UTF-8; see docs/reading-exports.md).',
      ),
    defaultService: z.string().optional().describe('Service id for rows whose export names none.'),
    resolvedStatuses: z
      .array(z.string().refine((w) => w.trim() !== '', 'expected a status word'))
      .optional()
      .describe(
        `For tickets: status words that mean resolved or closed; a row with one and no resolved time is rejected (it would stay open, and breached, for ever). Matched as value words are; [] turns the rule off. Default: the preset's, else ${DEFAULT_RESOLVED_STATUSES.join(', ')}.`,
      ),
    ticketSources: z
      .union([id, z.array(id).min(1, 'expected at least one ticket source')])
      .optional()
      .describe(
        "For surveys: the ticket source(s) its responses' ticket ids belong to, e.g. jira or [desk, jira]; a response joins only their tickets. Default every ticket source, and a ticket id two of them have is joined to neither: counted and reported as ambiguous (check: a warning). With it, an id only other ticket sources have is joined to none and reported as not among its ticket sources.",
      ),
    table: z
      .string()
      .min(1)
      .optional()
      .describe('For kind duckdb: the table or view of checks in the database file (default checks); Parquet files are read as they are.'),
    memoryLimit: z
      .string()
      .regex(/^\d+(\.\d+)?\s*(MB|GB|TB|MiB|GiB|TiB)$/, 'expected a size like 4GB or 512MiB')
      .optional()
      .describe(
        "For kinds duckdb and rollups (Parquet): the most memory DuckDB may use, e.g. 4GB; past it the recipe spills to the OS temp folder (default DuckDB's own: 80 % of the machine's memory).",
      ),
    asOf: z
      .string()
      .optional()
      .describe(
        "When the export was taken (ISO 8601 with offset, or local in the review zone): the source's data horizon; default the latest timestamp in its files, leaving out times far past the rest. Tickets open then are open at export, not breached later. A row recording an event after it (created, responded, resolved, checked, answered, an incident's or a change's actual times) is rejected.",
      ),
  })
  .strict();

export const reviewConfigSchema = z
  .object({
    review: reviewSchema.describe('The review as a whole.'),
    services: z.array(serviceSchema).min(1, 'expected at least one service').describe('Services under review.'),
    priorities: z
      .array(priorityLevelSchema)
      .default([])
      .describe('Ticket priority levels with their targets (needed when a source holds tickets); each may belong to some sources only.'),
    targets: targetsSchema
      .default({ changes: [] })
      .describe('Targets of the headline ticket and satisfaction figures (optional; a figure without one has no verdict).'),
    incidentLevels: z
      .array(incidentLevelSchema)
      .default([])
      .describe(
        'Graded-response policy: incident levels with their detect, acknowledge and restore targets (needed when a source holds incidents).',
      ),
    changeOutageWindow: duration
      .default('2h')
      .describe(
        'How long after a change starts (actual start, else planned) an outage of its service starting then flags the change as a possible cause (changes sources).',
      ),
    calendars: z.array(calendarSchema).default([]).describe('Business calendars for business-time targets.'),
    surveys: surveysSchema.default({ csat: { min: 1, max: 5, satisfiedAtLeast: 4 }, ces: { min: 1, max: 7 } }).describe('Survey scales.'),
    maintenance: z.array(maintenanceSchema).default([]).describe('Planned maintenance windows, excluded from availability.'),
    sources: z.array(sourceSchema).min(1, 'expected at least one source').describe('The exports to read.'),
  })
  .strict()
  .superRefine((cfg, ctx) => {
    for (const issue of crossReferenceIssues(cfg)) ctx.addIssue({ code: 'custom', ...issue });
  });

export { crossReferenceIssues };

export type ReviewConfig = z.infer<typeof reviewConfigSchema>;
export type IncidentLevelConfig = z.infer<typeof incidentLevelSchema>;
export type CalendarConfig = z.infer<typeof calendarSchema>;
export type SourceConfig = z.infer<typeof sourceSchema>;
export type MaintenanceConfig = z.infer<typeof maintenanceSchema>;

/**
 * Canonical records: what every export is turned into by ingestion, whatever tool wrote it.
 * These schemas are the data dictionary; each field carries a one-line doc.
 * Timestamps are epoch milliseconds (UTC instants); zones only matter when parsing and when
 * cutting periods or business days.
 */
import { z } from 'zod';

export const checkStatusSchema = z
  .enum(['up', 'degraded', 'down'])
  .describe('Outcome of one monitoring check: up, degraded (up but slow or partial) or down.');
export type CheckStatus = z.infer<typeof checkStatusSchema>;

/** The probe a check is given when its export names none (no probe column, or an empty cell). */
export const DEFAULT_PROBE = 'default';

export const checkRecordSchema = z.object({
  /** Instant the check ran, epoch milliseconds. */
  timeMs: z.number().int().describe('Instant the check ran, epoch milliseconds.'),
  /** Configured service id the check belongs to. */
  service: z.string().min(1).describe('Configured service id the check belongs to.'),
  /** Probe (monitoring location) that ran the check; "default" when the export has none. */
  probe: z.string().min(1).describe('Probe (monitoring location) that ran the check; "default" when the export has none.'),
  /** Mapped status of the check. */
  status: checkStatusSchema,
  /** Response time in milliseconds, null when the export has none (typically for down checks). */
  latencyMs: z.number().nonnegative().nullable().describe('Response time in milliseconds, null when absent.'),
});
export type CheckRecord = z.infer<typeof checkRecordSchema>;

export const ticketRecordSchema = z.object({
  /** Id of the configured source (export) the ticket was read from; its data horizon applies. */
  source: z.string().min(1).describe('Id of the configured source the ticket was read from.'),
  /** Ticket id as the source system writes it; the duplicate key. */
  id: z.string().min(1).describe('Ticket id as the source system writes it; the duplicate key.'),
  /** Instant the ticket was created, epoch milliseconds. */
  createdMs: z.number().int().describe('Instant the ticket was created, epoch milliseconds.'),
  /** Instant of the first response by the service desk, null while there is none. */
  firstResponseMs: z.number().int().nullable().describe('Instant of the first response, null while there is none.'),
  /** Instant the ticket was resolved, null while it is open. */
  resolvedMs: z.number().int().nullable().describe('Instant the ticket was resolved, null while it is open.'),
  /** Configured priority level id (after mapping the source word). */
  priority: z.string().min(1).describe('Configured priority level id (after mapping the source word).'),
  /** Category as exported, null when the export has none. */
  category: z.string().nullable().describe('Category as exported, null when the export has none.'),
  /** Configured service id, null when the ticket names no service. */
  service: z.string().nullable().describe('Configured service id, null when the ticket names no service.'),
  /** Title or short description; only ever rendered as text. */
  title: z.string().describe('Title or short description; only ever rendered as text.'),
  /** Status word as exported (informational). */
  status: z.string().nullable().describe('Status word as exported (informational).'),
  /** Whether the ticket was reopened at least once; null when the export does not say. */
  reopened: z.boolean().nullable().describe('Whether the ticket was reopened at least once; null when unknown.'),
  /** The source system's own on-time verdict for cross-checking (e.g. Boston 311 OnTime_Status), null when absent. */
  sourceOnTime: z.boolean().nullable().describe("The source system's own resolution on-time verdict, null when absent."),
  /** The source system's own resolution deadline, epoch ms, null when absent (e.g. Boston 311 TARGET_DT). */
  sourceDeadlineMs: z.number().int().nullable().describe("The source system's own resolution deadline, null when absent."),
});
export type TicketRecord = z.infer<typeof ticketRecordSchema>;

export const surveyResponseSchema = z.object({
  /** Id of the configured source the response was read from; its ticketSources decide which tickets its ticket id names. */
  source: z.string().min(1).describe('Id of the configured source the response was read from.'),
  /** Response id where the export has one (the duplicate key), else null. */
  id: z.string().nullable().describe('Response id where the export has one (the duplicate key), else null.'),
  /** Submission instant, epoch milliseconds; decides the period. */
  timeMs: z.number().int().describe('Submission instant, epoch milliseconds; decides the period.'),
  /** Configured service id the response is about, null when not said. */
  service: z.string().nullable().describe('Configured service id the response is about, null when not said.'),
  /** Ticket id the response refers to, null when none; joined to tickets. */
  ticketId: z.string().nullable().describe('Ticket id the response refers to, null when none.'),
  /** Satisfaction score on the configured CSAT scale (default 1–5), null when not asked. */
  csat: z.number().nullable().describe('Satisfaction score on the configured CSAT scale, null when not answered.'),
  /** Likelihood to recommend, 0–10, null when not answered. */
  nps: z.number().int().min(0).max(10).nullable().describe('Likelihood to recommend, 0–10, null when not answered.'),
  /** Customer effort score on the configured CES scale (default 1–7), null when not answered. */
  ces: z.number().nullable().describe('Customer effort score on the configured CES scale, null when not answered.'),
  /** Free-text comment as written (masked before publishing), null when empty. */
  comment: z.string().nullable().describe('Free-text comment as written (masked before publishing), null when empty.'),
});
export type SurveyResponse = z.infer<typeof surveyResponseSchema>;

export const incidentRecordSchema = z.object({
  /** Id of the configured source the incident was read from. */
  source: z.string().min(1).describe('Id of the configured source the incident was read from.'),
  /** Incident id as the source system writes it; the duplicate key. */
  id: z.string().min(1).describe('Incident id as the source system writes it; the duplicate key.'),
  /** Configured incident level id (after mapping the source word, e.g. Sev1 → major). */
  level: z.string().min(1).describe('Configured incident level id (after mapping the source word).'),
  /** Configured service id, null when the incident names no service. */
  service: z.string().nullable().describe('Configured service id, null when the incident names no service.'),
  /** Instant the fault began (impact start), epoch milliseconds; decides the period. */
  startedMs: z.number().int().describe('Instant the fault began, epoch milliseconds; decides the period.'),
  /** Instant the fault was detected, null when not recorded. */
  detectedMs: z.number().int().nullable().describe('Instant the fault was detected, null when not recorded.'),
  /** Instant someone took the incident on, null when not recorded. */
  acknowledgedMs: z.number().int().nullable().describe('Instant the incident was acknowledged, null when not recorded.'),
  /** Instant service was restored, null while the incident is open. */
  restoredMs: z.number().int().nullable().describe('Instant service was restored, null while open.'),
  /** Post-mortem link as exported (rendered as text unless it is an http(s) URL), null when none. */
  postMortem: z.string().nullable().describe('Post-mortem link as exported, null when none.'),
  /** Root-cause category as exported, null when not yet known. */
  rootCause: z.string().nullable().describe('Root-cause category as exported, null when not yet known.'),
});
export type IncidentRecord = z.infer<typeof incidentRecordSchema>;

/** Change types (ITIL): normal (assessed and authorised), standard (pre-authorised, low risk), emergency (expedited). */
export const CHANGE_TYPES = ['normal', 'standard', 'emergency'] as const;
/** Change outcomes as closed: successful (incl. ServiceNow's "successful with issues"), failed, or rolled back. */
export const CHANGE_OUTCOMES = ['successful', 'failed', 'rolled-back'] as const;

export const changeRecordSchema = z.object({
  /** Id of the configured source the change was read from. */
  source: z.string().min(1).describe('Id of the configured source the change was read from.'),
  /** Change id as the source system writes it (e.g. CHG0030001); the duplicate key. */
  id: z.string().min(1).describe('Change id as the source system writes it; the duplicate key.'),
  /** Configured service id, null when the change names no service. */
  service: z.string().nullable().describe('Configured service id, null when the change names no service.'),
  /** Short description as exported (masked before publishing), null when none. */
  title: z.string().nullable().describe('Short description as exported (masked before publishing), null when none.'),
  type: z.enum(CHANGE_TYPES).describe('Change type after mapping the source word.'),
  /** Outcome after mapping the source word; null while the change is not closed (or was cancelled). */
  outcome: z.enum(CHANGE_OUTCOMES).nullable().describe('Outcome after mapping the source word; null while not closed.'),
  plannedStartMs: z.number().int().nullable().describe('Planned start, epoch milliseconds; null when not planned.'),
  plannedEndMs: z.number().int().nullable().describe('Planned end, epoch milliseconds; null when not planned.'),
  actualStartMs: z.number().int().nullable().describe('Actual start (work start), epoch milliseconds; null when not recorded.'),
  actualEndMs: z.number().int().nullable().describe('Actual end (work end), epoch milliseconds; null when not recorded.'),
  /** Whether the change caused an incident as the export records it: null when the export says nothing. */
  causedIncident: z.boolean().nullable().describe('Whether the change caused an incident as exported; null when not recorded.'),
  /** The incident's id when the export names one. */
  causedIncidentId: z.string().nullable().describe('Id of the incident the change caused, when the export names one.'),
});
export type ChangeRecord = z.infer<typeof changeRecordSchema>;
export type ChangeType = (typeof CHANGE_TYPES)[number];
export type ChangeOutcome = (typeof CHANGE_OUTCOMES)[number];

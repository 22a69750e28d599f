/**
 * Canonical fields per kind of export, which are required, and the header names the
 * built-in "native" mapping recognises. A source's `columns` (or its preset) can name any
 * other header.
 */
import { ROLLUP_COLUMNS } from './rollup-record.ts';

export type ExportKind = 'checks' | 'tickets' | 'surveys' | 'incidents' | 'changes' | 'rollups';

export interface FieldInfo {
  /** Header names recognised without configuration (case-insensitive). */
  headers: string[];
  /** Rows cannot be read without this column. */
  required: boolean;
}

export const CANONICAL_FIELDS: Record<ExportKind, Record<string, FieldInfo>> = {
  checks: {
    timeMs: { headers: ['timestamp', 'time', 'checked_at', 'date'], required: true },
    service: { headers: ['service', 'service_id', 'monitor'], required: false },
    probe: { headers: ['probe', 'location', 'region'], required: false },
    status: { headers: ['status', 'result', 'state'], required: true },
    latencyMs: { headers: ['latency_ms', 'response_ms', 'response_time', 'latency', 'responsetime'], required: false },
  },
  tickets: {
    id: { headers: ['id', 'ticket', 'ticket_id', 'key', 'number'], required: true },
    createdMs: { headers: ['created', 'created_at', 'opened', 'opened_at'], required: true },
    firstResponseMs: { headers: ['first_response', 'first response', 'first_response_at', 'responded_at'], required: false },
    resolvedMs: { headers: ['resolved', 'resolved_at', 'closed', 'closed_at'], required: false },
    priority: { headers: ['priority'], required: true },
    category: { headers: ['category', 'type'], required: false },
    service: { headers: ['service', 'service_id'], required: false },
    // Not required: some exports have no title at all (the ServiceNow event log); their tickets
    // get an empty title and form the "(untitled)" recurring-issues group instead of failing the file.
    title: { headers: ['title', 'summary', 'subject', 'short_description'], required: false },
    status: { headers: ['status', 'state'], required: false },
    reopened: { headers: ['reopened', 'reopen_count'], required: false },
    sourceOnTime: { headers: ['on_time', 'ontime_status'], required: false },
    sourceDeadlineMs: { headers: ['due', 'due_at', 'target_dt'], required: false },
  },
  surveys: {
    id: { headers: ['response_id', 'id'], required: false },
    timeMs: { headers: ['submitted_at', 'submitted', 'time', 'timestamp', 'date'], required: true },
    service: { headers: ['service', 'service_id'], required: false },
    ticketId: { headers: ['ticket', 'ticket_id'], required: false },
    csat: { headers: ['csat', 'satisfaction'], required: false },
    nps: { headers: ['nps', 'recommend', 'likely_to_recommend'], required: false },
    ces: { headers: ['ces', 'effort'], required: false },
    comment: { headers: ['comment', 'comments', 'feedback'], required: false },
  },
  incidents: {
    id: { headers: ['id', 'incident', 'incident_id', 'number', 'key'], required: true },
    level: { headers: ['level', 'severity', 'sev', 'priority'], required: true },
    service: { headers: ['service', 'service_id'], required: false },
    startedMs: { headers: ['started', 'started_at', 'start', 'impact_start'], required: true },
    detectedMs: { headers: ['detected', 'detected_at'], required: false },
    acknowledgedMs: { headers: ['acknowledged', 'acknowledged_at', 'acked_at'], required: false },
    restoredMs: { headers: ['restored', 'restored_at', 'resolved', 'resolved_at'], required: false },
    postMortem: { headers: ['post_mortem', 'postmortem', 'post-mortem', 'review_link'], required: false },
    rootCause: { headers: ['root_cause', 'root cause', 'cause', 'cause_category'], required: false },
  },
  // A change needs a start (planned or actual): the row mapper rejects a row with neither.
  changes: {
    id: { headers: ['id', 'change', 'change_id', 'number', 'key'], required: true },
    service: { headers: ['service', 'service_id'], required: false },
    title: { headers: ['title', 'summary', 'short_description'], required: false },
    type: { headers: ['type', 'change_type'], required: true },
    outcome: { headers: ['outcome', 'result', 'close_code'], required: false },
    plannedStartMs: { headers: ['planned_start', 'scheduled_start', 'start_date'], required: false },
    plannedEndMs: { headers: ['planned_end', 'scheduled_end', 'end_date'], required: false },
    actualStartMs: { headers: ['actual_start', 'work_start', 'started'], required: false },
    actualEndMs: { headers: ['actual_end', 'work_end', 'ended'], required: false },
    incidentCaused: { headers: ['incident_caused', 'caused_incident', 'caused_an_incident'], required: false },
  },
  // The rollup interchange format (model/rollup-record.ts): fixed column names, every one required.
  rollups: Object.fromEntries(
    Object.keys(ROLLUP_COLUMNS).map((c) => [c.replace(/_([a-z])/g, (_, x: string) => x.toUpperCase()), { headers: [c], required: true }]),
  ),
};

/** The canonical fields read as timestamps (parseTimestamp), unless a preset reads one as minutes after creation. */
export const TIMESTAMP_FIELDS: readonly string[] = [
  'timeMs',
  'createdMs',
  'firstResponseMs',
  'resolvedMs',
  'sourceDeadlineMs',
  'startedMs',
  'detectedMs',
  'acknowledgedMs',
  'restoredMs',
  'plannedStartMs',
  'plannedEndMs',
  'actualStartMs',
  'actualEndMs',
];

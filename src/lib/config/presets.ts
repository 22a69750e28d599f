/**
 * Presets: column and value mappings for the exports of known tools. A preset is data, not a
 * parser: everything here is read by the one generic row mapper (row-mappers.ts), and a
 * source's own `columns`, `values`, `timeZone` and `dateOrder` override it. docs/presets.md
 * describes each preset, the export it reads and what it measured on a real export.
 */
export interface Preset {
  id: string;
  kind: 'checks' | 'tickets' | 'surveys' | 'changes';
  /** What tool and export this preset reads. */
  description: string;
  /** Canonical field → header name(s); the first header the file has is used. */
  columns: Record<string, string | string[]>;
  /**
   * Per field, source word → canonical value. For priority and service the value is a word
   * that the config then resolves (a level id or word, a service id, alias or name); for
   * status a check status word; for csat/nps/ces a number (Likert labels to scores).
   */
  values: Record<string, Record<string, string>>;
  /** Field order of slash dates. */
  dateOrder?: 'ymd' | 'dmy' | 'mdy';
  /** Zone of naive timestamps when the source sets none (only where the tool fixes it, e.g. a city or UTC storage). */
  timeZone?: string;
  /** Words that mean "no value" (e.g. ServiceNow's "?"). */
  missing?: string[];
  /**
   * Columns the tool repeats for a multi-value field (Jira's Component/s): the first is read.
   * Any other column the source reads that the header names twice is a file error.
   */
  repeatedColumns?: string[];
  /**
   * Ticket status words that mean the ticket is resolved or closed. A row with such a status
   * and no resolved time is rejected: taking it would report a closed ticket as open forever.
   */
  resolvedStatuses?: string[];
  /**
   * Canonical timestamp fields whose column holds minutes after the ticket was created
   * (Zendesk's "First reply time in minutes"), not an instant. Only applies while the source
   * does not map that field to another column itself.
   */
  minutesAfterCreated?: ('firstResponseMs' | 'resolvedMs')[];
  /**
   * Per field, words the tool writes that have no canonical value, with the reason their rows
   * are rejected (Uptime Kuma's maintenance heartbeats), so the reject says why instead of
   * suggesting a mapping.
   */
  rejectWords?: Record<string, Record<string, string>>;
  /**
   * Where the tool's own on-time verdict (`sourceOnTime`) may differ from ours, in a sentence:
   * shown beside the agreement rate (docs/cross-checks.md measures and explains it).
   */
  sourceVerdictNote?: string;
}

/** ServiceNow priorities are "N - Word"; the number is the level, so they map to P1–P5, which config levels name as ids or words. */
const SERVICENOW_PRIORITY = {
  '1 - Critical': 'P1',
  '2 - High': 'P2',
  '3 - Moderate': 'P3',
  '4 - Low': 'P4',
  '5 - Planning': 'P5',
};

/** Five-point agreement scale as SurveyMonkey and most survey tools label it. */
const AGREEMENT_1_TO_5 = {
  'Strongly Disagree': '1',
  Disagree: '2',
  'Neither Agree nor Disagree': '3',
  Agree: '4',
  'Strongly Agree': '5',
};

export const PRESETS: Preset[] = [
  {
    id: 'servicenow-incident',
    kind: 'tickets',
    description:
      'ServiceNow incident table export (list view CSV, or the incident event log / audit export with one row per update). ' +
      'Rows of one incident share `number`; the later row wins, so an event log yields each incident’s final state.',
    columns: {
      id: 'number',
      createdMs: 'opened_at',
      resolvedMs: 'resolved_at',
      priority: 'priority',
      category: 'category',
      service: 'business_service',
      title: 'short_description',
      status: ['incident_state', 'state'],
      reopened: 'reopen_count',
      sourceOnTime: 'made_sla',
    },
    values: { priority: SERVICENOW_PRIORITY },
    sourceVerdictNote:
      'made_sla measures the time to closure (closed_at), not to resolution: an incident resolved in time but closed days later is late for ServiceNow and on time for us.',
    // ServiceNow writes dates in the instance's format; the UCI event log (and the default dd/MM/yyyy locales) are day-first.
    dateOrder: 'dmy',
    missing: ['?'],
    resolvedStatuses: ['Resolved', 'Closed'],
  },
  {
    id: 'servicenow-change-request',
    kind: 'changes',
    description:
      'ServiceNow change_request table export (list view CSV): number, cmdb_ci or business_service, type, start_date / end_date ' +
      '(planned), work_start / work_end (actual), close_code, state. ServiceNow records the incident a change caused on the ' +
      'incident (caused_by), not on the change; a custom u_caused_incident column is read when the instance has one.',
    columns: {
      id: 'number',
      // The service the change touches: the business service when the instance fills it, else the configuration item.
      service: ['business_service', 'cmdb_ci'],
      title: 'short_description',
      type: 'type',
      outcome: 'close_code',
      plannedStartMs: 'start_date',
      plannedEndMs: 'end_date',
      actualStartMs: 'work_start',
      actualEndMs: 'work_end',
      incidentCaused: ['u_caused_incident', 'u_incident_caused'],
    },
    values: {
      // Display values (the list export's default) and the choice values (sysparm_display_value=false).
      type: { Normal: 'normal', Standard: 'standard', Emergency: 'emergency' },
      outcome: {
        Successful: 'successful',
        // ITIL counts a change that met its objective as successful; the issues are for its review, not a failure.
        'Successful with issues': 'successful',
        successful_issues: 'successful',
        Unsuccessful: 'failed',
      },
    },
    // Like the incident export: the instance's date format (day-first in the dd/MM/yyyy locales); ISO dates read year-first.
    dateOrder: 'dmy',
    missing: ['?'],
  },
  {
    id: 'boston-311',
    kind: 'tickets',
    description:
      'City of Boston 311 service requests (Socrata / Analyze Boston CSV): one row per case with OPEN_DT, TARGET_DT (the SLA due time), ' +
      'CLOSED_DT and the city’s own OnTime_Status verdict.',
    columns: {
      id: 'CASE_ENQUIRY_ID',
      createdMs: 'OPEN_DT',
      resolvedMs: 'CLOSED_DT',
      // Each request TYPE has its own SLA, so the type is what selects the target level.
      priority: 'TYPE',
      category: 'REASON',
      service: 'SUBJECT',
      title: 'CASE_TITLE',
      status: 'CASE_STATUS',
      sourceOnTime: 'OnTime_Status',
      sourceDeadlineMs: 'TARGET_DT',
    },
    values: { sourceOnTime: { ONTIME: 'true', OVERDUE: 'false' } },
    sourceVerdictNote:
      'The city marks cases without a deadline on time whatever happens, judges open cases when the data was extracted, and gives some cases deadlines of their own; we judge every case against its type’s configured target.',
    dateOrder: 'mdy',
    // Boston 311 times are Boston wall-clock times without an offset.
    timeZone: 'America/New_York',
    resolvedStatuses: ['Closed'],
  },
  {
    id: 'upptime',
    kind: 'checks',
    description:
      'Upptime history: the fields of history/<slug>.yml (service_slug, status, code, responseTime, lastUpdated) as CSV, one row per ' +
      'committed version. The status word decides; the HTTP code is not read (a 302 can be "up").',
    columns: { service: 'service_slug', timeMs: 'lastUpdated', status: 'status', latencyMs: 'responseTime' },
    values: { status: { up: 'up', down: 'down', degraded: 'degraded' } },
  },
  {
    id: 'carpentries-survey',
    kind: 'surveys',
    description:
      'The Carpentries instructor-training post-survey (SurveyMonkey CSV): NPS from LikelyToRecommend (0–10), CSAT from the ' +
      '"worth my time" agreement item (Strongly Disagree … Strongly Agree → 1–5).',
    columns: { timeMs: 'Date', nps: 'LikelyToRecommend', csat: 'Worth' },
    values: { csat: AGREEMENT_1_TO_5 },
    // SurveyMonkey writes US dates such as 9/8/18 15:29.
    dateOrder: 'mdy',
  },
  {
    id: 'jira-service-management',
    kind: 'tickets',
    description:
      'Jira Service Management / Jira issue search "Export CSV (all fields)": Issue key, Summary, Priority, Status, Created, Resolved, ' +
      'Component/s, Custom field (Request Type).',
    columns: {
      id: 'Issue key',
      createdMs: 'Created',
      resolvedMs: 'Resolved',
      priority: 'Priority',
      category: ['Custom field (Request Type)', 'Issue Type'],
      // Jira repeats the header for multi-value fields; the first Component/s column is the first component.
      service: 'Component/s',
      title: 'Summary',
      status: 'Status',
    },
    // Jira's priority names (Highest, High, Medium, Low, Lowest) are words the config's levels list.
    values: {},
    resolvedStatuses: ['Resolved', 'Closed', 'Done'],
    repeatedColumns: ['Component/s'],
  },
  {
    id: 'zendesk',
    kind: 'tickets',
    description:
      'Zendesk Support ticket export (Reports → Export, CSV): Id, Subject, Status, Priority, Ticket type, Created at, Solved at, ' +
      'Reopens, First reply time in minutes.',
    columns: {
      id: 'Id',
      createdMs: 'Created at',
      firstResponseMs: 'First reply time in minutes',
      resolvedMs: 'Solved at',
      priority: 'Priority',
      category: 'Ticket type',
      title: 'Subject',
      status: 'Status',
      reopened: 'Reopens',
    },
    // Zendesk's priority names (Urgent, High, Normal, Low) are words the config's levels list.
    values: {},
    resolvedStatuses: ['Solved', 'Closed'],
    minutesAfterCreated: ['firstResponseMs'],
  },
  {
    id: 'uptime-kuma',
    kind: 'checks',
    description:
      'Uptime Kuma heartbeats: the `heartbeat` table joined with `monitor.name`, exported as CSV (time, status 0/1/2/3, ping, msg). ' +
      'Times are stored in UTC.',
    columns: { service: ['name', 'monitor_name', 'monitor'], timeMs: 'time', status: 'status', latencyMs: 'ping' },
    // 0 DOWN, 1 UP, 2 PENDING (failed, retrying before DOWN): up but not healthy, i.e. degraded.
    values: { status: { '0': 'down', '1': 'up', '2': 'degraded' } },
    rejectWords: {
      status: {
        '3': 'maintenance heartbeat (status 3): it is neither up nor down; declare the window under maintenance in the config',
      },
    },
    timeZone: 'UTC',
  },
];

/** The preset with this id, or null. */
export function presetFor(id: string): Preset | null {
  return PRESETS.find((p) => p.id === id) ?? null;
}

/**
 * The metric core's public functions, one per file, grouped as the spec groups them
 * (../shared/spec/metrics.md). Pure: no file access, no clock, no formatting; each function's doc
 * comment gives its definition, method and an example with its result. Tests import from here.
 */

export { maskPersonalData } from '../util/mask-personal-data.ts';
// Availability (from day rollups: see src/lib/rollup/)
export { AT_RISK_BUDGET_USED, type AvailabilityFigures, availabilityFigures } from './availability-figures.ts';
export { availabilityRatio } from './availability-ratio.ts';
export { type BreachedTicket, breachedTickets } from './breached-tickets.ts';
// Business time and SLA clocks
export {
  addBusinessMs,
  addBusinessSeconds,
  businessMsBetween,
  businessSecondsBetween,
  type CompiledCalendar,
  clock24x7,
  clockCache,
  compileCalendar,
  type SlaClock,
  slaClock,
} from './business-time.ts';
// Satisfaction
export { type CesOptions, type CesResult, type CesScale, ces, DEFAULT_CES_SCALE } from './ces.ts';
// Changes
export { type ChangeSuccessFigures, changeSuccessRate } from './change-success-rate.ts';
export { type ChangeSpan, changeSpan, changesFollowedByOutage, type OutageSpan } from './changes-followed-by-outage.ts';
export { type CsatOptions, type CsatResult, type CsatScale, csat, DEFAULT_CSAT_SCALE, DEFAULT_LOW_SAMPLE_BELOW } from './csat.ts';
export { type EmergencyShareFigures, emergencyChangeShare } from './emergency-change-share.ts';
// Recurring issues
export {
  DEFAULT_SIMILARITY_THRESHOLD,
  type GroupableTicket,
  type GroupRecurringIssuesOptions,
  groupRecurringIssues,
  groupTicketsByIssue,
  type IssueGroup,
  type RecurringIssueGrouping,
  type TicketGrouping,
  UNTITLED_GROUP_KEY,
} from './group-recurring-issues.ts';
// Incidents and graded response
export {
  type IncidentLevelFigures,
  type IncidentLevelTargets,
  type IncidentTimes,
  incidentResponseByLevel,
  type StageAttainment,
} from './incident-response-by-level.ts';
export { jaccard } from './jaccard.ts';
export { type IncidentSpan, linkOutagesToIncidents, type OutageIncidentLinks, type ServiceOutage } from './link-outages-to-incidents.ts';
export { normalizeTitle } from './normalize-title.ts';
export { NPS_MARGIN_Z, type NpsOptions, type NpsResult, nps } from './nps.ts';
export {
  type PeriodKind,
  type PeriodTicket,
  prepareRecurringTickets,
  type RecurringIssueRow,
  type RecurringIssuesForPeriod,
  type RecurringIssuesForPeriodOptions,
  type RecurringTicketTable,
  type ResolutionSummary,
  recurringIssuesForPeriod,
  type TopCategoryRow,
} from './recurring-issues-for-period.ts';
export { type GroupedTicket, ticketGroupIndexes } from './recurring-ticket-groups.ts';
export { type RootCauseRow, rootCauseCounts } from './root-cause-counts.ts';
export {
  type SatisfactionFigures,
  type SatisfactionPeriodMetrics,
  type SatisfactionPeriodOptions,
  satisfactionPeriodMetrics,
  type TicketJoinInfo,
  type TicketJoinSummary,
  type TicketLookup,
} from './satisfaction-period-metrics.ts';
export { periodRange, prepareResponses, type ResponseTable, responsesInPeriod } from './satisfaction-responses-in-period.ts';
export { segmentTitle } from './segment-title.ts';
export { CHINESE_STOP_WORDS, ENGLISH_STOP_WORDS, isStopWord, STOP_WORDS } from './stop-words.ts';
export { type TargetVerdict, targetVerdict } from './target-verdict.ts';
// Tickets
export {
  type DurationFigures,
  type LevelTicketFigures,
  prepareTickets,
  type ReopenFigures,
  type ServiceTicketCounts,
  type SlaTargetFigures,
  type TicketCountsByKey,
  type TicketFigures,
  type TicketFiguresChange,
  type TicketPeriodMetrics,
  type TicketPeriodOptions,
  type TicketTable,
  ticketCountsByService,
  ticketPeriodMetrics,
} from './ticket-period-metrics.ts';
export { type SlaOutcome, type SlaTargetResult, slaTargetOutcome, type TicketSla, type TicketTimes, ticketSla } from './ticket-sla.ts';
export { type ProportionInterval, wilsonInterval, Z_95 } from './wilson-interval.ts';

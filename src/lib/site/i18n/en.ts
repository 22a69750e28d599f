// About 430 lines: every interface word of the site in one dictionary, so zh-CN.ts is checked key for key against it.
/**
 * The English interface words (issue #16), as the pages read today. This dictionary defines the
 * keys: Dictionary (below) is its shape, and zh-CN.ts must have every key with the same kind of
 * value, so a missing or extra key fails the type check. Parameterised messages are functions;
 * figures reach them already formatted (locale-format.ts), so no arithmetic happens here.
 * Terms come from the glossary, so a term reads the same on every page.
 */
import { GLOSSARY } from './glossary.ts';
import { actionsEn } from './groups/actions.en.ts';
import { archivePageEn } from './groups/archive-page.en.ts';
import { changesEn } from './groups/changes.en.ts';
import { chartWordsEn } from './groups/chart-words.en.ts';
import { digestEn } from './groups/digest.en.ts';
import { methodEn } from './groups/method.en.ts';
import { reviewEn } from './groups/review.en.ts';
import { servicePageEn } from './groups/service-page.en.ts';
import { ticketsPageEn } from './groups/tickets-page.en.ts';
import type { Widen } from './widen.ts';

const g = (k: keyof typeof GLOSSARY) => GLOSSARY[k].en;
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const en = {
  /** The language's own name (language switch) and how the switch is labelled. */
  language: { 'zh-CN': '中文', en: 'English', switchLabel: 'Language', otherLanguage: 'This page in English' },
  /**
   * Punctuation the components put between the texts they join: a sentence's end, a list's
   * separator, the colon after a label, and what goes between two sentences (a space in English,
   * nothing in Chinese, whose full stop carries its own space).
   */
  punct: { stop: '.', comma: ', ', colon: ': ', join: ' ' },
  nav: {
    skipToContent: 'Skip to content',
    site: 'Site',
    latest: 'Latest',
    archive: 'Archive',
    method: 'Method',
    search: 'Search',
    allReviews: 'All reviews',
    periods: 'Periods',
    /** The service page's list of the period's other services; noun: review.periodNoun of the period's kind. */
    otherServices: (noun: string) => `Other services this ${noun}`,
    periodReview: 'period review',
    previous: (period: string) => `← ${period}`,
    next: (period: string) => `${period} →`,
    backToReview: (period: string) => `← Review of ${period}`,
  },
  verdict: { met: `✓ ${g('met')}`, 'at-risk': `! ${g('atRisk')}`, breached: `✗ ${g('breached')}`, 'no-data': `– ${g('noData')}` },
  flags: {
    noData: g('noData'),
    lowSample: g('lowSample'),
    lowCoverage: g('lowCoverage'),
    lowSampleTitle: 'fewer responses than the low-sample threshold',
    lowCoverageTitle: 'Coverage below the configured threshold',
    allServices: 'all services',
    majority: 'majority',
    medianInterval: '2 × median interval',
    closed: 'closed',
    none: 'none',
  },
  status: {
    draft: g('draft'),
    revisionShort: (n: number) => `r${n}`,
    publishedRevision: (n: number) => `Published ${g('revision')} ${n}.`,
    draftNotPublished: 'Draft: not yet published; figures may change as exports arrive.',
    draftView: (latest: number) =>
      `Draft, not published: the figures the exports give now and the commentary as it is now. Readers see published revision ${latest}.`,
    noneYet: 'Draft, not yet published: no review has been published yet.',
    partial: ' The exports end before this period does, so figures are partial.',
    frozen: (n: number) => `This is the permanent page of revision ${n}; its figures and commentary never change.`,
    unpublished: (figures: number, commentary: boolean) =>
      `Changes not yet published: ${[...(figures > 0 ? [plural(figures, 'figure', 'figures')] : []), ...(commentary ? ['the commentary'] : [])].join(', ')}.`,
    seeDraft: 'See the draft.',
    monthDiffers: (month: string, revision: number, kind: string, count: number) =>
      `[${month}](0)’s published revision ${revision} differs from the figures this ${kind} is built from: ${plural(count, 'figure', 'figures')}, e.g.`,
    aggregateDiffers: (period: string, count: number) =>
      `[${period}](0) is built from the current exports, which differ from this revision in ${plural(count, 'figure', 'figures')}.`,
    changedFiguresCsv: 'The changed figures (CSV).',
    changesHeadingDraft: (latest: number) => `Not yet published: what differs from revision ${latest}`,
    changesHeading: 'What changed in this revision',
    changesCaptionDraft: (latest: number) => `Figures the exports and config now give that differ from revision ${latest}`,
    changesCaption: (previous: number) => `Figures that differ from revision ${previous}`,
    changesFirst: (total: number) => `The first 200 of ${total} changed figures; all are in the CSV.`,
    monthsRun: (zone: string) => `Months run from midnight to midnight in ${zone}. How each figure is made:`,
    methodLink: 'method',
    by: (author: string) => `By ${author}`,
  },
  titles: {
    review: (period: string) => `Review ${period}`,
    revision: (period: string, n: number) => `Review ${period}, revision ${n}`,
    draft: (period: string) => `Review ${period}, draft`,
    serviceReview: (period: string) => `Service review — ${period}`,
    service: (service: string, period: string) => `${service}, ${period}`,
    dataQuality: (period: string) => `Data quality, ${period}`,
    archive: 'Archive',
    method: 'Method',
    search: 'Search',
  },
  home: {
    newerDrafts: 'Newer, not yet published:',
    draftSuffix: (period: string) => `${period} (draft)`,
    editionRevision: (n: number) => `revision ${n}`,
    latestReview: (period: string) => `Latest review: ${period}`,
    readFullReview: 'Read the full review',
    services: 'Services',
    topRecurring: 'Top recurring issues',
    trend: 'Trend',
    availabilityCaption: 'Availability against target, per service',
  },
  sections: {
    headline: 'Headline',
    availability: cap(g('availability')),
    tickets: 'Tickets',
    recurring: 'Recurring issues',
    satisfaction: 'Satisfaction',
    outagesBudgets: 'Outages and error budgets',
    dataQuality: 'Data quality',
    dayByDay: 'Day by day',
    /** noun: review.periodNoun of the period's kind (a year's service page: "Latency over the year"). */
    latencyOver: (noun: string) => `Latency over the ${noun}`,
    outagesBudget: 'Outages and error budget',
    maintenanceExcluded: 'Planned maintenance (excluded from every figure)',
    recurringTouching: 'Recurring issues touching this service',
    ticketsSatisfaction: 'Tickets and satisfaction',
    ticketsAllServices: 'Tickets (all services)',
    noSurveyForService: 'No survey responses named this service.',
    revisionHistory: 'Revision history',
    allReviews: 'All reviews',
  },
  headline: {
    responseMet: 'First-response SLA met',
    resolutionMet: 'Ticket resolution SLA met',
    nps: 'NPS',
  },
  /** The period review's own sentences and the charts' inner words (groups/). */
  review: reviewEn,
  chartWords: chartWordsEn,
  /** Table heads, one word per column wherever it appears. */
  columns: {
    service: 'Service',
    owner: 'Owner',
    target: 'Target',
    availability: 'Availability',
    change: 'Change',
    coverage: 'Coverage',
    degraded: 'Degraded',
    down: 'Down',
    latencyP95: 'Latency p95',
    outages: 'Outages',
    verdict: 'Verdict',
    day: 'Day',
    maintenance: 'Maintenance',
    noData: 'No data',
    againstTarget: 'Against target',
    checks: 'Checks',
    p50: 'p50',
    p95: 'p95',
    p99: 'p99',
    from: 'From',
    to: 'To',
    duration: 'Duration',
    length: 'Length',
    reason: 'Reason',
    allowedDown: 'Allowed down',
    budgetUsed: 'Budget used',
    budgetLeft: 'Budget left',
    longest: 'Longest',
    mttr: 'MTTR',
    priority: 'Priority',
    clock: 'Clock',
    created: 'Created',
    resolved: 'Resolved',
    pending: 'Pending',
    responseMet: 'Response met',
    resolutionMet: 'Resolution met',
    responseTarget: 'Response target',
    resolutionTarget: 'Resolution target',
    medianResolution: 'Median resolution',
    p90Resolution: 'p90 resolution',
    backlogAtEnd: 'Backlog at end',
    openBreached: 'Open & breached',
    allPriorities: 'All priorities',
    issue: 'Issue',
    category: 'Category',
    services: 'Services',
    tickets: 'Tickets',
    share: 'Share',
    totalResolution: 'Total resolution',
    recurring: 'Recurring',
    responses: 'Responses',
    csat: 'CSAT',
    nps: 'NPS',
    cesMean: 'CES mean',
    interval95: '95 % interval',
    margin: '± margin',
    n: 'n',
    comment: 'Comment',
    submitted: 'Submitted',
    figure: 'Figure',
    before: 'Before',
    now: 'Now',
    ticketsCreated: 'Tickets created',
    responseSlaMet: 'Response SLA met',
    resolutionSlaMet: 'Resolution SLA met',
    revision: 'Revision',
    by: 'By',
    publishedUtc: 'Published (UTC)',
    message: 'Message',
    reasonForRevision: 'Reason for revision',
    figuresChanged: 'Figures changed',
    period: 'Period',
    status: 'Status',
    revisions: 'Revisions',
    data: 'Data',
    json: 'JSON',
    servicesMeetingTarget: 'Services meeting target',
    latencyThreshold: 'Latency threshold',
    confirm: 'Confirm',
    maxGap: 'Max gap',
    level: 'Level',
    sourceWords: 'Source words',
    response: 'Response',
    resolution: 'Resolution',
    holidays: 'Holidays',
    extraWorkingDays: 'Extra working days',
    file: 'File',
    line: 'Line',
    column: 'Column',
    field: 'Field',
    value: 'Value',
    source: 'Source',
    rows: 'Rows',
    accepted: 'Accepted',
    rejected: 'Rejected',
    duplicates: 'Duplicates',
    dataUntil: 'Data until',
    holds: 'Holds',
    /** noun: review.periodNoun of the period's kind (a year's data-quality page: "This year"). */
    thisPeriod: (noun: string) => `This ${noun}`,
    all: 'All',
    firstResponseMet: 'First response met',
  },
  captions: {
    serviceTable: 'Availability against target, per service (select a service for its daily detail)',
    ticketChart: 'Share of tickets that met their first-response and resolution targets, by priority (outcomes known in the period)',
    ticketSla: 'Ticket SLA attainment by priority (outcomes that became known in the period)',
    /** noun: review.periodNoun of the period's kind: a quarter's outages are re-joined across its months, clipped to the quarter. */
    outages: (noun: string) => `Outages (maximal runs of confirmed down time; clipped to the ${noun})`,
    errorBudgets: 'Error budgets: allowed down time = (1 − target) × eligible time',
    satisfaction:
      'Satisfaction: CSAT (share scoring at or above the satisfied threshold) with its 95 % Wilson interval, NPS with its margin of error, CES',
    comments: 'Survey comments (newest first; e-mail addresses, phone numbers and long numbers masked)',
    recurringShown: (shown: number) => `; the ${shown} largest are shown, all are in the CSV`,
    topRecurring: (limit: number) => `Top ${limit} recurring issues`,
    archive: 'Review periods and their revisions, newest first',
    rejectedByReason: 'Rejected rows by reason',
    rejectedRows: 'Rejected rows (file, line, column, value, reason)',
    filesTouching: (noun: string) => `Files whose rows touch this ${noun}`,
    targetsInForce: (period: string) => `Services and targets in force for ${period}`,
    targetsByPeriod: 'Availability targets by period (targets are date-effective: a change applies from its month on)',
    maintenanceIn: (period: string) => `Planned maintenance in ${period}`,
    priorityLevels: 'Priority levels',
    businessCalendar: (id: string, zone: string) => `Business calendar ${id} (${zone})`,
  },
  notices: {
    noOutages: 'No outages in this period.',
    noTickets: 'No tickets were created in this period.',
    noRejects: 'No row was rejected.',
    dataQualitySummary: (rows: string, files: number, accepted: string, rejected: string, duplicates: string) =>
      // Counts as labels: they read right whatever the numbers ("1 duplicates" did not).
      `Rows read from ${plural(files, 'file', 'files')} touching this period: ${rows}; accepted ${accepted}, rejected ${rejected}, duplicates ${duplicates}.`,
    rejectedLink: 'Rejected rows by reason, with file and line.',
    seeDraftOf: 'See the draft',
    /** Shown above commentary read from the other language's file (commentary.ts). */
    commentaryFallback: 'This commentary has not been translated into English yet; it is shown in Chinese.',
  },
  charts: {
    dataTable: 'Data table',
    responseMet: 'First response met',
    resolutionMet: 'Resolution met',
    ticketSlaByPriority: 'Bar chart of ticket SLA attainment by priority',
    availabilityBar: (service: string, period: string) => `Bar chart of ${service} availability per day in ${period}`,
    latencyLine: (service: string, period: string) => `Line chart of ${service} daily latency percentiles in ${period}`,
    availabilityCaption: (service: string, target: string) =>
      `${service}: availability per day against the ${target} target. Solid bars met the target; striped bars fell below it; grey cross-hatched bars are days without any monitoring data (not counted). ◆ marks planned maintenance (excluded), ▼ a day partly without data.`,
    latencyCaption: (service: string, threshold: string) =>
      `${service}: latency percentiles per day (p50 solid, p95 dashed, p99 dotted) against the ${threshold} threshold`,
  },
  downloads: {
    label: 'Downloads:',
    csv: (what: string) => `${what} (CSV)`,
    allPeriodsCsv: 'All periods (CSV)',
    snapshotJson: 'Snapshot (JSON)',
    draftSnapshotJson: 'Draft snapshot (JSON)',
    revisionJson: (n: number) => `Revision ${n} (JSON)`,
    periodSnapshotJson: (noun: string) => `Snapshot of the ${noun} (JSON)`,
    unpublishedCsv: 'Figures not yet published (CSV)',
    changedCsv: 'Figures changed in this revision (CSV)',
    /**
     * Said once a page, heading its downloads list (CsvHeadsNote.astro), in a language other than English:
     * CSV column heads stay English in every language, as data read by programs. Empty here, so an
     * English page, whose own language the heads are in, says nothing.
     */
    csvNote: '',
    /** The titles of the CSV tables (csv-tables.ts ids) as link texts. */
    tables: {
      services: 'Availability per service',
      tickets: 'Ticket SLA attainment by priority',
      recurring: 'Recurring issues',
      satisfaction: 'Satisfaction',
      comments: 'Survey comments (masked)',
      'error-budgets': 'Error budgets',
      outages: 'Outages',
      trend: 'Trend, last 12 periods',
      files: 'Input files and row accounting',
      'rejects-by-reason': 'Rejected rows by reason',
      rejects: 'Rejected rows',
      daily: 'Availability and latency per day',
      maintenance: 'Planned maintenance',
      targets: 'Availability targets by period',
      priorities: 'Priority levels',
      calendars: 'Business calendars',
      'services-targets': 'Services and targets',
      'breached-tickets': 'Tickets that missed a target',
      'recurring-tickets': 'Tickets of the recurring issues',
      months: 'Month by month',
    },
  },
  search: {
    heading: 'Search the reviews',
    button: 'Search',
    label: 'Words to find',
    boxLabel: 'Search reviews',
    unavailable: 'Search is unavailable: the index could not be loaded.',
    tooShort: 'Type at least two characters.',
    matches: (n: number, query: string) => `${n} pages match “${query}”${n > 50 ? '; the first 50 are shown' : ''}.`,
    noMatch: (query: string) => `No page matches “${query}”.`,
    archive: 'archive',
    noScript: 'Search runs in your browser and needs JavaScript. Without it, every review is listed in the',
  },
  dataQuality: {
    heading: (period: string) => `Data quality — ${period}`,
    intro:
      'Every row of every export is accepted, rejected with a reason, or counted as a duplicate (a later row with the same key replaced it). For each file: accepted + rejected + duplicates = rows read.',
    horizon: (noun: string) =>
      `How far each source's data reaches (its data horizon): figures are as of the earlier of the ${noun}'s end and it`,
    linkText: 'data quality',
    kinds: { checks: 'checks', tickets: 'tickets', surveys: 'surveys', incidents: 'incidents', changes: 'changes' },
    noAcceptedRow: 'no accepted row',
    /** The horizon table's column saying where a source's date comes from (the config's asOf or the data). */
    dateFrom: 'From',
    fromConfig: '`asOf` in the config (when the export was taken)',
    fromData: 'its latest timestamp',
    incomplete: (noun: string) => `incomplete: the data ends before the ${noun} does`,
    covered: 'covered',
    unknownLabel: 'Services the config does not list',
    unknownCaption:
      'Services the config does not list, accepted under their exported names (set `review.unknownServices: reject` to refuse them)',
    asExported: 'Service as exported',
    idGiven: 'Id given',
    /** The cut marker is quoted as ingest writes it into the data (in English). */
    truncated: (count: string, n: number, max: string) =>
      `${count} ${n === 1 ? 'field was' : 'fields were'} longer than ${max} characters and ${n === 1 ? 'is' : 'are'} shown cut there, ending in \`[… cut: N characters …]\`: `,
    csvFiles: 'the file accounting',
    csvRejectsByReason: 'rejects by reason',
    csvRejects: 'the rejected rows',
  },
  method: methodEn,
  servicePage: servicePageEn,
  ticketsPage: ticketsPageEn,
  archivePage: archivePageEn,
  /** Issue #18: incidents and the graded-response policy. */
  incidents: {
    heading: 'Incidents and graded response',
    levelsCaption: 'Incidents by level against the graded-response targets: share within target (within / judged)',
    level: 'Level',
    count: 'Incidents',
    open: 'Not restored',
    detect: 'Time to detect',
    acknowledge: 'Time to acknowledge',
    restore: 'Time to restore',
    target: (t: string) => `target ${t}`,
    within: (share: string, within: string, measured: string) => `${share} (${within} / ${measured})`,
    listCaption: 'Incidents that started in the period',
    id: 'Incident',
    service: 'Service',
    started: 'Started',
    detected: 'Detected',
    acknowledged: 'Acknowledged',
    restored: 'Restored',
    rootCause: 'Root cause',
    postMortem: 'Post-mortem',
    outage: 'Outage in the checks',
    notRestored: 'not restored',
    unknownCause: 'not yet known',
    noOutage: 'none',
    outagesCaption: 'Outages found in the checks and the incidents overlapping them',
    from: 'From',
    to: 'To',
    linked: 'Incidents',
    unrecorded: 'no incident recorded',
    summary: (outages: string, incidents: string) =>
      `Outages with no incident: ${outages}. Incidents with no outage in the checks: ${incidents}.`,
    rootCausesCaption: 'Root-cause categories over the last six periods (incidents by start)',
    category: 'Category',
    total: 'Total',
    none: 'No incident started in this period.',
    methodHeading: 'Incidents and graded response',
    methodPeriod:
      'An incident belongs to the period its fault started in (the incident export: level, service, started, detected, acknowledged, restored, post-mortem, root cause). Levels are mapped from the export’s words like priorities (config incidentLevels).',
    methodStages:
      'Time to detect = detected − started; time to acknowledge = acknowledged − detected; time to restore = restored − started. Each is judged against its level’s target; at the target counts as within. A stage is judged only when both its instants are recorded; an incident still open at the period end (or the export’s horizon) counts as a restore miss once it has run longer than the target, and is not judged before.',
    methodShare: 'Share within target = incidents within the target / incidents judged, per level and stage; no data when none was judged.',
    methodLinks:
      'An outage found in the checks and an incident are linked when they are of the same service and overlap in time (an open incident runs on). Outages with no incident are faults nobody recorded; incidents with no outage are faults the checks did not see as down (or of services without checks).',
    methodRootCauses:
      'Root-cause categories: incidents by category and by the period they started in, over the last six periods of the same kind; incidents whose cause is not yet known are counted apart, last.',
  },
  changes: changesEn,
  actions: actionsEn,
  footer: {
    builtWith: (tool: string, version: string) => `${tool} ${version}`,
    about: (builtBy: string) =>
      `Built by ${builtBy} from the exports listed on each review page. Figures are computed before the site is rendered; nothing is fetched when you read it.`,
    printMeta: (builtBy: string) => `built by ${builtBy}`,
  },
  digest: digestEn,
};

/**
 * The shape every locale's dictionary has: en's keys, with each text a string and each message a
 * function of the same parameters. `const zhCN: Dictionary = {…}` then fails the type check on a
 * missing key, an extra key, or a message with other parameters.
 */
export type Dictionary = Widen<typeof en>;

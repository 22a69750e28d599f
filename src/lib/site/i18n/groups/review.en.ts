/**
 * The period review's words that the older groups (sections, columns, captions …) do not hold:
 * the headline cards, the attention list, the tables' notes and captions, the catalog and source
 * agreement, revision history and the commentary components (issue #16). English as the pages
 * read before the wiring. A link inside a sentence is a rich-text mark, [text](0), its address
 * given by the page (rich-text.ts); figures arrive formatted. `noun` is the period kind as
 * periodNoun gives it.
 */
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const reviewEn = {
  /** A period kind as the sentences below name it ("the previous month"). */
  periodNoun: { month: 'month', quarter: 'quarter', year: 'year' },
  // PeriodReview
  superseded: (revision: string, date: string) => `Superseded by [${revision}](0) on ${date}`,
  supersededReason: (reason: string) => `: ${reason}`,
  latestIs: (revision: string) => ` The latest is [${revision}](0).`,
  changedFiguresLink: 'The changed figures (CSV)',
  missedTargets: (n: number, count: string) => `The ${count} missed ${n === 1 ? 'target' : 'targets'} of this period, ticket by ticket`,
  withCsv: ' (with CSV).',
  rejectedRowsLink: 'Rejected rows by reason, with file and line',
  monthByMonth: 'Month by month',
  services: 'Services',
  // HeadlineCards
  availabilityOf: (service: string) => `${service} availability`,
  target: (figure: string) => `target ${figure}`,
  monitored: (duration: string) => `n = ${duration} monitored`,
  ticketsJudged: (n: number, count: string) => `n = ${count} ${n === 1 ? 'ticket' : 'tickets'} judged`,
  responses: (n: number, count: string) => `n = ${count} ${n === 1 ? 'response' : 'responses'}`,
  csatCard: (from: number, to: number) => `CSAT (share scoring ${from}–${to})`,
  vsPrevious: (change: string, noun: string) => `${change} vs previous ${noun}`,
  noPrevious: (noun: string) => `no previous ${noun} to compare`,
  // AttentionList
  /** The colon after a linked name ("Search: 99.1 %"). */
  colon: ': ',
  attention: 'Needs attention',
  /**
   * The counts above the list (the digest says the same): each message counts its own noun, at risk
   * included, so a language that counts services and figures with different words (Chinese 个, 项)
   * says each with its own.
   */
  availabilityCount: (met: number, judged: number, atRisk: number) =>
    `Availability met ${met} of ${judged} monitored ${judged === 1 ? 'service' : 'services'}${atRisk > 0 ? ` (${atRisk} at risk)` : ''}`,
  figuresCount: (met: number, judged: number, atRisk: number) =>
    `Ticket and satisfaction targets met ${met} of ${judged}${atRisk > 0 ? ` (${atRisk} at risk)` : ''}`,
  nothing: (noun: string) => `Nothing breached, at risk or notably worse than the previous ${noun}.`,
  budgetUsedUp: '✗ budget used up',
  worse: '↘ worse',
  newIssue: '↻ new',
  growing: '↻ growing',
  recurringIssue: (name: string) => `Recurring issue “${name}”`,
  recurringTickets: (n: number, now: string, previous: string, noun: string) =>
    `${now} ${n === 1 ? 'ticket' : 'tickets'}, ${previous} the previous ${noun}`,
  againstTarget: (value: string, target: string) => `${value} against a target of ${target}`,
  previousValue: (noun: string, value: string) => ` (previous ${noun} ${value})`,
  budgetUsed: (share: string) => `; error budget used ${share}`,
  openAtEnd: 'Open tickets at the end',
  // TicketSlaTable
  ticketSlaLabel: 'Ticket SLA attainment by priority',
  clockBusiness: 'business hours',
  clockElapsed: 'elapsed',
  clockNote: `Durations per priority are in that priority's clock (business hours for business-time levels); "All priorities" is in elapsed time.`,
  reopenRate: (rate: string, known: string) => `Reopen rate: ${rate} of ${known} resolved tickets with reopen data.`,
  /** Said instead of reopenRate when no resolved ticket has reopen data (an export without the field). */
  noReopen: 'Reopen rate: no data (no resolved ticket has reopen data).',
  /**
   * Which tickets the first-response figures cover, where some ticket sources record first responses and some do
   * not (snapshot tickets.responseCoverage): on the ticket table, the tickets page and the method page. Source ids
   * arrive joined.
   */
  responseCoverage: (recorded: string, without: string) =>
    `First-response figures cover the tickets of ${recorded} only: the exports of ${without} record no first responses, so those tickets are judged on resolution alone.`,
  /** The same, beside the first-response count on the headline card and in the digest: whose tickets it counts. */
  responseCoverageShort: (recorded: string) => ` (tickets of ${recorded} only)`,
  // SatisfactionTables
  satisfactionLabel: 'Satisfaction by responses, priority and service',
  allResponses: 'All responses',
  metResolution: 'Tickets that met their resolution SLA',
  breachedResolution: 'Tickets that breached their resolution SLA',
  priorityRow: (name: string) => `Priority ${name}`,
  serviceRow: (name: string) => `Service ${name}`,
  noService: '(none)',
  ticketJoin: (n: number, named: string, matched: string) =>
    `${named} ${n === 1 ? 'response names' : 'responses name'} a ticket; ${matched} matched one.`,
  unmatched: (n: string, ids: string) =>
    `${n} name a ticket that is not in the exports (${ids}); they count in the overall and per-service figures, not in those by resolution SLA or priority.`,
  /** With ticketSources: responses naming a ticket only other ticket sources have (not "not in the exports": one has it). */
  outsideTicketSources: (n: string, tickets: string) =>
    `${n} name a ticket that is not among their survey source's ticket sources (${tickets}), only other ticket sources have it; they count in the overall and per-service figures, not in those by resolution SLA or priority.`,
  /** One such id with the survey source's ticket sources; the list joins them with ambiguousSeparator. */
  outsideTicket: (id: string, sources: string) => `${id}: not in ${sources}`,
  ambiguous: (n: string, tickets: string) =>
    `${n} name a ticket id that several ticket sources have (${tickets}), so which ticket is not known; they count in the overall and per-service figures, not in those by resolution SLA or priority.`,
  /** After `ambiguous`: what settles it (rich text: the config key as code). */
  ambiguousSettle: "Naming the survey source's ticket sources in the config (`ticketSources`) joins them.",
  /** One ambiguous id with the ticket sources that have it; the list joins them with ambiguousSeparator. */
  ambiguousTicket: (id: string, sources: string) => `${id}: ${sources}`,
  ambiguousSeparator: '; ',
  // RecurringIssuesTable
  recurringCaption: 'Top recurring issues (ticket titles grouped by similarity)',
  monthsSeen: (n: number) => `Months seen (of last ${n})`,
  yes: 'yes',
  no: 'no',
  recurringNote: (nTickets: number, tickets: string, nGroups: number, groups: string) =>
    `${tickets} ${nTickets === 1 ? 'ticket' : 'tickets'} created in this period in ${groups} ${nGroups === 1 ? 'group' : 'groups'}`,
  // TrendTable, TrendCharts
  trendWhat: { availability: 'Availability per service', tickets: 'Ticket SLA attainment', satisfaction: 'Satisfaction', all: 'Figures' },
  trendCaption: (what: string, span: string) => `${what}, ${span}`,
  spanMonthByMonth: (period: string) => `month by month in ${period}`,
  spanLastEnding: (n: number, period: string) => `the last ${n} months, ending with ${period}`,
  spanLast: (n: number) => `the last ${n} months`,
  hiddenBreached: ' breached',
  hiddenAtRisk: ' at risk',
  trendMarks: '✗ breached, ! at risk: against the target in force that period.',
  trendAvailability: (span: string) =>
    `Availability per service, ${span}, against each service's current target (dashed). Axes are zoomed to each service's range.`,
  trendTickets: (span: string) => `Ticket SLA attainment, ${span}: resolution (solid) and first response (dashed)`,
  trendSatisfaction: (span: string) => `Satisfaction, ${span}: CSAT (share of satisfied responses) and NPS`,
  chartTickets: 'Line chart of ticket SLA attainment per month',
  chartCsat: 'Line chart of CSAT per month',
  chartNps: 'Line chart of NPS per month',
  chartAvailability: (service: string, target: string) => `Line chart of ${service} availability per month against its ${target} target`,
  chartTarget: (target: string) => `Target ${target}`,
  resolutionTarget: (target: string) => `Resolution target ${target}`,
  csatTarget: (target: string) => `CSAT target ${target}`,
  npsTarget: (target: string) => `NPS target ${target}`,
  firstResponseSlaMet: 'First-response SLA met',
  chartFallback: (label: string) => `${label}. The figures are in the table below.`,
  // DailyAvailabilityTable, DailyLatencyTable
  dailyAvailabilityLabel: (service: string) => `${service}: availability per day`,
  dailyAvailabilityCaption: (service: string) =>
    `${service}: availability per day (days without data say so; maintenance is excluded from every figure)`,
  day: { met: 'met', below: 'below target', 'no-data': 'no data' },
  dayMaintenance: ' · maintenance',
  dayPartial: ' · partly no data',
  dailyLatencyLabel: (service: string) => `${service}: latency per day`,
  dailyLatencyCaption: (service: string, threshold: string) =>
    `${service}: latency percentiles per day (checks not down and not in maintenance; threshold ${threshold})`,
  // OutagesTable
  errorBudgets: 'Error budgets',
  outages: 'Outages',
  // ServiceCatalogTable
  catalogLabel: 'Services and what their data gives',
  catalogCaption:
    'Every service this period and what its data gives: availability from checks, ticket SLA from tickets, satisfaction from survey responses',
  surveyResponses: 'Survey responses',
  asExported: 'as exported',
  asExportedTitle: 'Not in the config: named so by the export',
  noChecks: 'no checks this period',
  notMonitored: 'not monitored',
  // SourceAgreementTable
  agreementLabel: 'Our verdict beside the source system’s',
  agreementCaption: 'Our resolution verdict beside the source system’s own, tickets created in the period',
  compared: 'Tickets compared',
  oursMet: 'Met (ours)',
  theirsMet: 'On time (theirs)',
  agreement: 'Agreement',
  oursMetTheirsLate: 'Ours met, theirs late',
  oursBreachedTheirsOnTime: 'Ours breached, theirs on time',
  whyDiffer: 'Why they can differ',
  /** snapshot/review-coverage.ts's GENERIC_AGREEMENT_NOTE, for the pages (a source's own note is shown as written). */
  genericAgreement:
    'Where the two differ, the source system used deadlines, clocks or a moment of judging other than the configured targets and the export’s data horizon.',
  /**
   * The presets' notes (config/presets.ts sourceVerdictNote) by preset id, shown in the page's
   * language; English equals the preset's text (a test holds them equal). Field and tool names
   * are arguments: they read as written in every language.
   */
  presetAgreement: {
    'servicenow-incident': (field: string, closedField: string, tool: string) =>
      `${field} measures the time to closure (${closedField}), not to resolution: an incident resolved in time but closed days later is late for ${tool} and on time for us.`,
    'boston-311':
      'The city marks cases without a deadline on time whatever happens, judges open cases when the data was extracted, and gives some cases deadlines of their own; we judge every case against its type’s configured target.',
  },
  agreementNote: 'Both judged as of the export’s data horizon; tickets still pending by our rules are left out.',
  // CommentsList
  commentsShown: (limit: number, total: number) =>
    `The ${limit} newest of ${total} comments; all are in the CSV and the snapshot download.`,
  // RevisionHistory
  draftPeriod: (period: string, draft: string) =>
    `${period} is a **${draft}**: its figures may still change as exports arrive. It has not been published.`,
  publishedRevisions: 'Published revisions',
  revisionsCaption: (period: string) => `Published revisions of ${period}; each has a permanent address`,
  changedSince: (revision: number, figures: number, commentary: boolean) =>
    `Since revision ${revision} was published, ${[
      ...(figures > 0 ? [`the exports give ${plural(figures, 'different figure', 'different figures')}`] : []),
      ...(commentary ? ['the commentary changed'] : []),
    ].join(' and ')}. This page keeps showing the published revision until a new one is recorded.`,
  // DownloadList, CsvLink
  /** The print line's date, stamped by the chart script on printing. */
  printed: 'printed {0}',
  downloads: 'Downloads',
  csvLink: (what: string) => `Download ${what} (CSV)`,
  /** What each table's CSV link downloads ("Download <what> (CSV)"). */
  csv: {
    services: 'availability per service',
    errorBudgets: 'error budgets',
    outages: 'outages',
    tickets: 'ticket SLA attainment by priority',
    satisfaction: 'satisfaction figures',
    recurring: 'all recurring issue groups',
    trend: 'the trend',
    daily: 'the daily figures',
    comments: 'all survey comments (masked)',
    revisions: 'the revision history',
    changes: 'the changed figures',
  },
  // Commentary components (mdx/)
  trendOf: (service: string) => `Availability of ${service}`,
  trendLast: (label: string, n: number) => `${label}, last ${n} months`,
  topRecurring: (n: number, table: string) => `The top ${n} recurring issues (all figures in [${table}](0)):`,
  tickets: (n: number, count: string) => `${count} ${n === 1 ? 'ticket' : 'tickets'}`,
  onPrevious: (change: string) => ` (${change} on the previous period)`,
};

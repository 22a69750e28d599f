/** The service page's words (issue #16): one service in one period. Figures arrive formatted. */
export const servicePageEn = {
  heading: (service: string, period: string) => `${service} — ${period}`,
  owner: (owner: string) => `Owner: ${owner}.`,
  probes: (probes: string) => ` Probes: ${probes}.`,
  noProbes: 'none',
  /** The one probe a service's checks have when their export names none (DEFAULT_PROBE, the tool's word, not the export's). */
  unnamedProbe: 'one, unnamed (the export names none)',
  availability: ' Availability ',
  againstTarget: (target: string) => ` against a target of ${target}: `,
  coverage: (coverage: string) => `. Coverage ${coverage}`,
  lowCoverage: ' (low: the figure rests on too little monitoring)',
  latency: (checks: string, p50: string, p95: string, p99: string, share: string, threshold: string) =>
    `Over ${checks} checks that were not down and not in maintenance: p50 ${p50}, p95 ${p95}, p99 ${p99}. ${share} were at or below the ${threshold} threshold.`,
  /** Said instead of latency when every check of the period was down or in maintenance (or there were none). */
  noLatency: 'No check was up and out of maintenance: there is no latency to report.',
  outages: (service: string, count: number, period: string, total: string) =>
    `${service} had ${count} ${count === 1 ? 'outage' : 'outages'} in ${period}, ${total} down in all`,
  longest: (longest: string) => `, the longest ${longest}`,
  timeSplit: (down: string, degraded: string, noData: string, maintenance: string) =>
    `Down time ${down}, degraded ${degraded}, no data ${noData}, maintenance ${maintenance}.`,
  /** noun: review.periodNoun of the period's kind (month, quarter, year). */
  tickets: (created: string, resolved: string, open: string, resolution: string, pending: string, noun: string) =>
    `Tickets naming this service: ${created} created, ${resolved} resolved this ${noun}, ${open} open at its end. Resolution SLA met: ${resolution}, ${pending} pending`,
  responseMet: (response: string) => `; first-response SLA met: ${response}`,
  withN: (figure: string, n: string, lowSample: boolean) => `${figure} (n = ${n}${lowSample ? ', low sample' : ''})`,
  satisfaction: (csat: string, nps: string, ces: string) => `CSAT ${csat}, NPS ${nps}, CES ${ces}.`,
  yes: 'yes',
  no: 'no',
  commentsCaption: (service: string) => `Survey comments on ${service} (newest first; masked for personal data)`,
  noComments: 'No survey comment names this service in this period.',
  csvMaintenance: 'planned maintenance',
};

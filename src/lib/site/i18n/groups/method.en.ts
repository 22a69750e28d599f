/**
 * The method page's words (issue #16): how each figure is made. Texts carry rich-text marks
 * (**strong**, *em*, `code`: rich-text.ts) so each language keeps the page's emphasis; figures
 * and config values arrive formatted.
 */
export const methodEn = {
  heading: 'How each figure is made',
  rulesInForce: (period: string, zone: string) =>
    `These are the rules in force for ${period}; each period's snapshot carries the rules it was computed with. Months run from 00:00 on the first day to 00:00 on the first day of the next month in **${zone}**; durations are real elapsed time, so a month with a clock change is an hour shorter or longer.`,
  snapshotJson: (period: string) => `Snapshot of ${period}, with its rules (JSON)`,
  measuredHeading: 'What each service is measured on',
  measured:
    "A service has what its data has: checks give availability and latency, tickets give ticket SLA attainment, survey responses give satisfaction. Only **monitored** services (those the config gives an availability `target` and `latencyThresholdMs`) take checks; a check naming any other service is rejected. A service without checks in a period has no availability card, chart or row that period, and counts such as “availability met 3 of 4 monitored services” are taken over the services with checks in the period only. Ticket and survey rows naming a service the config does not list are accepted under the name the export gives (unless `review.unknownServices: reject`) and listed on each period's data-quality page. A month in which nothing a figure counts happened (no check, response, incident or change starting, and no ticket created, answered, resolved or past a deadline unmet; a ticket merely open across the month does not count) gets no review: the archive lists it on one line.",
  verdictsHeading: 'Targets, verdicts and what needs attention',
  verdicts: (atRisk: string) =>
    `Every headline figure with a target has a verdict: **met** at or above the target; **at risk** when met but more than ${atRisk} of the budget is used; **breached** below the target; **no data** without a figure. The budget is the room between the target and the figure's best value (100 % for a share, 100 for NPS), the used part the room between the figure and its best value: for a 90 % resolution target, 92.5 % uses 75 % of the budget and is met, 92 % uses 80 % and is at risk. For availability this is the error budget below.`,
  targets: (resolution: string, response: string, csat: string, nps: string) =>
    `Targets for first-response and resolution attainment, CSAT and NPS are optional and date-effective like the others (config \`targets\`, with \`changes\`); a figure without a target has no verdict. In force now: resolution ${resolution}, first response ${response}, CSAT ${csat}, NPS ${nps}.`,
  noneSet: 'none set',
  verdictMarks:
    'Verdicts are shown as a word and a mark (✓ met, ! at risk, ✗ breached) as well as by colour, in cards and in trend tables.',
  attention:
    '**Needs attention**, at the top of each review, lists in this order: figures breached, error budgets used up, figures at risk, then the three largest adverse changes against the previous period (availability down by 0.1 point or more, attainment or CSAT down by 2 points or more, NPS down by 2 or more, open tickets up by 10 % and at least 5), then up to three recurring issues that are new or growing. Each links to its detail.',
  agreement:
    "**Agreement with the source system**: where an export carries the tool's own on-time verdict (Boston 311 `OnTime_Status`, ServiceNow `made_sla`; any source can map `columns.sourceOnTime`), the tickets review shows, per source, the tickets created in the period that both sides judge (ours met or breached, as of the export's data horizon), the share each calls on time, and `agreement = tickets where both agree ÷ tickets compared`, with the reason the two can differ.",
  availabilityHeading: 'Availability',
  statusHolds:
    "Each check's status (up, degraded or down) holds from its time until the same probe's next check, but at most *max gap*: twice that probe's median check interval in the month, unless the service configures one. Time no check covers is **no data**, never up.",
  probes:
    "With several probes, the service is **down** at an instant when at least *confirm* covering probes say down (default: a strict majority of the probes covering that instant), otherwise up; it is **degraded** when up and at least *confirm* probes say degraded or down. A single probe's blip is not an outage.",
  maintenance: 'Planned maintenance is neither up nor down: it is taken out of every figure.',
  availability: (lowCoverage: string) =>
    `\`availability = up ÷ (up + down)\`; no eligible time gives "no data". \`coverage = (up + down) ÷ (month − maintenance)\`; below ${lowCoverage} the figure is flagged *low coverage*.`,
  budget: '`allowed down = (1 − target) × (up + down)`; `budget used = down ÷ allowed down` (can exceed 100 %); `budget left = 1 − used`.',
  verdict: (atRisk: string) =>
    `Verdict: **met** when availability ≥ target; **at risk** when met but more than ${atRisk} of the error budget is used (a convention of this site, not of the metric definitions); **breached** below target.`,
  outages:
    'Outages are maximal runs of down time (maintenance and no data end a run); one crossing a month boundary counts in each month with its part. MTTR is the mean outage length.',
  latency: (gamma: string) =>
    `Latency percentiles (p50, p95, p99) are nearest-rank over checks that were not down and not in maintenance, from a histogram whose buckets grow by ${gamma}: each value is within 1 % of the exact one. The latency SLO is the share at or below the service's threshold.`,
  servicesLabel: 'Services and targets',
  csvServices: 'services and targets',
  targetsLabel: 'Availability targets by period (targets are date-effective: a change applies from its month on)',
  csvTargets: 'targets by period',
  maintenanceLabel: 'Planned maintenance',
  csvMaintenance: 'planned maintenance',
  ticketsHeading: 'Ticket SLAs',
  ticketTargets:
    'Each priority has a first-response and a resolution target, in 24×7 time or in business time of a calendar (its zone, weekly hours, holidays, and extra working days such as a make-up Saturday, which use normal weekday hours).',
  ticketMonth:
    "A ticket counts in the month its outcome became known: when it was met (response or resolution at or before the deadline) or when the deadline passed without it (breached, known at the deadline). A ticket with no outcome by the month's end is **pending** and not in the ratio.",
  attainment:
    "`attainment = met ÷ (met + breached)`, per priority and overall, with the counts beside it. Backlog: created before the month's end and not resolved before it. Open and breached: in the backlog with the resolution target already missed.",
  ticketsPage:
    "Each period's tickets page lists every breach counted in that period, ticket by ticket: the ticket, its priority and service, the target it missed, the deadline (the instant the breach became known) and whether the response or resolution came late or had not come when the ticket was judged. The list and the breached counts are the same tickets.",
  ticketTimes:
    "Median and p90 (nearest rank) times to first response and to resolution, over tickets responded to or resolved in the month: per priority in that priority's clock, overall in elapsed time.",
  prioritiesLabel: 'Priority levels',
  prioritiesCaption: 'Priority levels (each belongs to the scheme of its ticket sources)',
  sources: 'Sources',
  allSources: 'all',
  clock24x7: '24×7',
  businessHours: (calendar: string) => `business hours (${calendar})`,
  csvPriorities: 'priority levels',
  calendarLabel: (id: string) => `Business calendar ${id}`,
  extraDays: (days: string, hoursOf: string) => `${days} (hours of ${hoursOf})`,
  csvCalendars: 'business calendars',
  satisfactionHeading: 'Satisfaction',
  satisfactionMonth: (atLeast: number, min: number, max: number) =>
    `A response belongs to the month it was submitted in. **CSAT** = share scoring at least ${atLeast} on ${min}–${max}, with a 95 % Wilson score interval.`,
  nps: (min: number, max: number) =>
    `**NPS** = % promoters (9–10) − % detractors (0–6), with margin of error \`1.96 × √((p₊ + p₋ − (p₊ − p₋)²) ÷ n) × 100\`. **CES** = mean on ${min}–${max}.`,
  lowSample: (n: number) =>
    `Every figure shows n; below n = ${n} it is flagged *low sample*. Responses naming a ticket are joined to it (by priority, by category, and met vs breached resolution SLA); a ticket id that matches nothing is counted and listed. A survey source may name the ticket sources its ids are of (\`ticketSources\`); without that, an id two ticket sources both have is joined to neither, and counted and listed with those sources. With it, a response joins only those sources' tickets: an id only other ticket sources have is joined to none, and counted and listed as not among its ticket sources, apart from ids no export has.`,
  masking:
    'Every text taken from an export (comments, titles and issue names, categories, names, rejected values) is published only after masking: e-mail addresses → `[email]`, IP addresses → `[ip]` (not a four-part version after a word such as “version” or “build”), MAC addresses → `[mac]`, UK National Insurance numbers, Brazilian CPF and CNPJ, Dutch BSN written with dots and passport numbers after the word passport → `[id]`, IBANs (checked by their mod-97 digits) → `[iban]`, phone numbers → `[phone]`, runs of 8 or more digits → `[number]`; digits of any script and full-width forms count. Record ids and export file names keep their other digits, which are the id or the export’s date. A rejected bare number in a timestamp column keeps its digits only as epoch seconds or milliseconds before 2100; any other is `[number]`.',
  recurringHeading: 'Recurring issues',
  titles:
    'Titles are normalised (Unicode NFKC, lower case; numbers, ids such as `INC0012`, IP addresses, e-mails, URLs, dates and host names removed), split into words with a segmenter that handles Chinese, and stop words (English and Chinese) dropped.',
  grouping:
    'Tickets, in order of creation, join the group whose first ticket has the most similar word set (Jaccard similarity ≥ 0.5), else start a new group. Groups are formed once over all months, so a group keeps its identity from month to month; each is named by its most frequent title.',
  recurring: 'A group is **recurring** when it appears in at least 2 of the last 6 months or has at least 3 tickets in the month.',
  dataHeading: 'Data quality',
  rows: 'Every row read is accepted, rejected with its file, line, column, value and reason, or counted as a duplicate (a later row with the same key replaces it: tickets by id, checks by service, probe and time, survey responses by id). Impossible values — 29 February in a common year, 25:00, a resolution before creation, an unknown service or priority word — are rejected, never guessed.',
  timestamps:
    "Timestamps are never guessed. A bare number is an epoch time only when it has the digits of its unit: 9–10 digits are seconds, 12–13 digits milliseconds, unless the source's config names the unit (`epochUnit: s`, `ms` or `excel-serial` for spreadsheet serial dates). Any other length, a fraction, or a spreadsheet serial under the default is rejected with its reason. This tightens the specification's wording (milliseconds from 10¹¹, else seconds), which read an 11-digit typo as the year 2537. Years outside 1970–2199 are rejected. A local time in the hour clocks skip or repeat follows the source's `ambiguous` rule (earlier or later, as the Temporal proposal reads them), else it is rejected.",
  periods:
    'No single row creates periods: without configured first and last periods the review spans the bulk of the data (accepted rows grouped into 30-day bins; a silence of more than three empty bins splits them, and the group with the most rows is the data). Rows outside stay counted and are reported by `check`, but get no period.',
};

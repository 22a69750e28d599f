/** The tickets page's words (issue #16): the tickets behind a period's figures. */
export const ticketsPageEn = {
  title: (period: string) => `Tickets behind the figures, ${period}`,
  heading: (period: string) => `Tickets behind the figures — ${period}`,
  note: (zone: string) => `Ticket titles are masked for e-mail addresses, phone numbers and long digit runs. Times are in ${zone}.`,
  missedHeading: 'Missed targets',
  /** [..](0) links the review's ticket SLA table. */
  missedIntro: (count: string, n: number, period: string) =>
    `${count} ${n === 1 ? 'target was' : 'targets were'} missed in ${period}: the tickets behind the breached counts of [ticket SLA attainment](0), each in the period its deadline passed.`,
  missedCaption: (period: string) => `Tickets that missed a first-response or resolution target in ${period}, by deadline`,
  ticket: 'Ticket',
  titleColumn: 'Title',
  deadline: 'Deadline',
  /** The column naming which target a ticket missed (first response or resolution). */
  missedTarget: 'Target',
  outcome: 'Outcome',
  firstResponse: 'First response',
  resolution: 'Resolution',
  stillOpen: 'still open when judged',
  lateResponded: (at: string) => `late: responded ${at}`,
  lateResolved: (at: string) => `late: resolved ${at}`,
  firstShown: (shown: string, total: string) => `The first ${shown} of ${total}; all are in the CSV.`,
  csvMissed: 'every missed target',
  recurringHeading: 'Tickets of the recurring issues',
  issueLabel: (n: number) => `Tickets of recurring issue ${n}`,
  issueCaption: (count: string, n: number) => `${count} ${n === 1 ? 'ticket' : 'tickets'}`,
  firstListed: (n: number) => `, the first ${n} listed`,
  open: 'open',
  /** Links: (0) the review's recurring-issues table, (1) this page's CSV, (2) the recurring issues CSV. */
  recurringNote: (n: number) =>
    `The ${n} largest issues of the [recurring-issues table](0), up to 20 tickets each: [these tickets (CSV)](1); the ids of every ticket of every issue are in the [recurring issues CSV](2).`,
  back: (period: string) => `Back to the review of ${period}`,
  backLabel: 'Back',
};

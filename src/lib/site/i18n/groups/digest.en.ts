/**
 * The meeting digest's words (issue #18, item 4): the one-page summary of a period written beside
 * its review (digest.md, digest.html). A group of its own, read through the dictionary's `digest`
 * key, so the translators of the other groups and this one never edit the same lines.
 * Figures reach the messages already formatted (locale-format.ts).
 */
import { GLOSSARY } from '../glossary.ts';

const g = (k: keyof typeof GLOSSARY) => GLOSSARY[k].en;
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export const digestEn = {
  /** The digest's title: the review's name and the period as readers name it. */
  title: (review: string, period: string) => `${review} — ${period}: digest`,
  published: (n: number) => `Published ${g('revision')} ${n}`,
  draft: 'Draft, not yet published: figures may change',
  /**
   * The link to this period's digest in this language, read from this language's dictionary on the
   * other language's digest (as the site's language switch names each language in its own words).
   */
  otherLanguage: 'This digest in English',
  partial: 'The exports end before this period does, so figures are partial.',
  attentionHeading: 'Needs attention',
  /** The period before, by the period's kind (a month's digest compares with the previous month). */
  previous: { month: 'previous month', quarter: 'previous quarter', year: 'previous year' },
  attentionNone: (previous: string) => `Nothing breached, at risk or notably worse than the ${previous}.`,
  budgetUsedUp: '✗ budget used up',
  worse: '↘ worse',
  recurringNew: '↻ new',
  recurringGrowing: '↻ growing',
  recurringLabel: (title: string) => `${cap(g('recurringIssue'))} “${title}”`,
  recurringText: (tickets: string, count: string, previous: string) =>
    `${tickets} ${tickets === '1' ? 'ticket' : 'tickets'}, ${count} the ${previous}`,
  againstTarget: (value: string, target: string) => `${value} against a target of ${target}`,
  previousWas: (value: string, previous: string) => ` (${previous} ${value})`,
  budgetUsed: (share: string) => `; error budget used ${share}`,
  headlineHeading: 'Headline figures',
  columns: { figure: 'Figure', value: 'Value', target: 'Target', verdict: 'Verdict', change: 'Change', n: 'Based on' },
  availabilityOf: (service: string) => `${service} ${g('availability')}`,
  responseMet: 'First-response SLA met',
  resolutionMet: 'Ticket resolution SLA met',
  csat: g('csat'),
  nps: g('nps'),
  ticketsCreated: 'Tickets created',
  backlogAtEnd: 'Backlog at the end',
  monitored: (duration: string) => `${duration} monitored`,
  ticketsJudged: (n: number, count: string) => `${count} ${n === 1 ? 'ticket' : 'tickets'} judged`,
  responses: (n: number, count: string) => `${count} ${n === 1 ? 'response' : 'responses'}`,
  noTarget: '—',
  linksHeading: 'On the site',
  reviewLink: 'The full review',
  ticketsLink: 'Breached tickets and recurring issues',
  dataQualityLink: 'Data quality',
  methodLink: 'How each figure is made',
  snapshotLink: 'All figures (JSON)',
  /** The printed review's margins (`review pdf`): Chromium fills in the page numbers. */
  pdfPageOf: (page: string, total: string) => `page ${page} of ${total}`,
  pdfPrinted: (date: string) => `printed ${date}`,
  madeBy: (tool: string) => `Made by ${tool} from the period’s snapshot; the figures are those of the review page.`,
};

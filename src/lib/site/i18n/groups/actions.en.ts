/**
 * The actions register's words (issue #18): the period review's Actions section, the actions
 * page and the method page's definitions. Its own group file, so parallel work on the other
 * groups merges without conflict; en.ts takes it as `actions`, and zh-CN.ts its twin.
 */
import { GLOSSARY } from '../glossary.ts';

const g = (k: keyof typeof GLOSSARY) => GLOSSARY[k].en;

export const actionsEn = {
  nav: 'Actions',
  heading: 'Actions',
  intro: (period: string) => `Actions from the reviews, as they stood at the end of ${period}.`,
  registerLink: 'All actions across periods',
  openedCaption: 'Actions opened in this period',
  dueCaption: 'Actions due in this period',
  overdueCaption: 'Actions overdue at the end of this period (due, and not done or dropped)',
  closedCaption: 'Actions closed in this period: did it work?',
  none: 'No action was opened, due, overdue or closed in this period.',
  noneFor: (caption: string) => `${caption}: none.`,
  id: 'Action',
  title: 'What',
  owner: 'Owner',
  opened: 'Opened',
  due: 'Due',
  status: 'Status',
  closed: 'Closed',
  moves: 'Should move',
  expected: 'Expected effect',
  before: 'Before',
  after: 'After',
  verdict: 'Did it work?',
  statusWords: { open: 'open', done: 'done', dropped: 'dropped' },
  overdue: 'overdue',
  closedIn: (status: string, period: string) => `${status} (${period})`,
  overdueAfter: ', ',
  targetAnd: (target: string, direction: string) => `${target}; ${direction}`,
  linkAfter: '.',
  verdicts: { met: '✓ met', 'not-met': '✗ not met', 'no-data': `– ${g('noData')}`, dropped: 'not judged (dropped)' },
  noFigure: 'no linked figure',
  metrics: {
    availability: cap(g('availability')),
    responseAttainment: `First-response ${g('slaAttainment')}`,
    resolutionAttainment: `Resolution ${g('slaAttainment')}`,
    csat: g('csat'),
    nps: g('nps'),
    ces: g('ces'),
    recurring: `Tickets of a ${g('recurringIssue')}`,
  },
  figure: (metric: string, of: string | null) => (of === null ? metric : `${metric}: ${of}`),
  allPriorities: 'all priorities',
  target: (t: string) => `${g('target')} ${t}`,
  direction: { increase: 'higher is better', decrease: 'lower is better' },
  valueIn: (value: string, period: string) => `${value} (${period})`,
  pageTitle: 'Actions register',
  asOf: (file: string, sha: string, period: string) =>
    `As of ${file} (SHA-256 ${sha}…) and the reviews up to ${period}. Overdue means open and due by the end of ${period}. Each review page shows the actions as they stood at its end; a published review keeps them as published.`,
  registerCaption: 'Every action in the register, with its status now',
  counts: (open: string, overdue: string, done: string, dropped: string) =>
    `${open} open (${overdue} overdue), ${done} done, ${dropped} dropped.`,
  methodHeading: 'Actions',
  methodRegister: (file: string) =>
    `Actions are decided at a review and kept in ${file}: id, title, owner, the review month that opened it, when it is due (a date, or a period: its last day), status (open, done or dropped), the month it was closed, the figure it should move and the expected effect (in words, with an optional target).`,
  methodPeriods:
    'A review lists the actions opened in its months, due on one of its days, overdue at its end (opened by then, due by its last day, and not done or dropped by its end) and closed in its months, each as it stood at the period end: an action closed later shows as open.',
  methodBeforeAfter:
    'Did it work: for an action closed with a linked figure, before is the figure in the month it was opened and after is the figure in the first whole month after it was closed: the month after the month closed (closed in September, after is October’s figure). No other month stands in: without a value in that month, or while the month after is not yet reviewed, there is no data. Figures are the reviews’ own: a service’s availability, a priority’s (or all priorities’) first-response or resolution SLA attainment, CSAT, NPS, CES, or the tickets of a recurring issue in the month (none: 0).',
  methodVerdict:
    'Verdict, for done actions: with a target, met when after reaches it (at least the target when higher is better, at most when lower is); without one, met when after moved the better way from before. No data when a value it needs is missing. Dropped actions show their figures unjudged.',
  methodFrozen: (file: string) =>
    `A published review pins its actions in its snapshot, so editing ${file} later neither changes it nor marks it as changed (actions are not figures); a revision published later, for changed figures or commentary, pins the actions as they stand then. The actions page shows the register as it is now, as of the register file and the last review month built — never the wall clock. While the register exists, the navigation links the actions page from every page, a revision’s permanent pages included: the navigation is the site’s frame, not what a revision published.`,
};

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * The actions of a period (issue #18), pure: which actions were opened in, due in, overdue at the
 * end of, and closed in the period's months, each as it stood at the period end; and, for an
 * action closed with a linked figure, that figure before and after with a verdict. The figures
 * come from the month snapshots already built, so an action's "did it work?" reads the same
 * numbers as the reviews it links.
 */
import { ACTION_METRICS, type Action, type ActionMoves, type ActionProblem, dueDateOf } from '../config/actions-schema.ts';
import { nextMonth } from '../time/periods.ts';
import type { ActionOutcome, ActionsRegisterView, ActionsSection, PeriodAction } from './actions-schema.ts';
import type { PeriodSnapshot } from './snapshot-schema.ts';

type FigureSource = Pick<PeriodSnapshot, 'services' | 'tickets' | 'headline' | 'recurring'>;

/**
 * The value of an action's linked figure in one snapshot: a service's availability, a priority's
 * (or all priorities') response or resolution attainment, CSAT, NPS, CES, or a recurring issue's
 * tickets in the period (0 when the issue had none). Null where the snapshot has no such figure.
 * @example linkedFigure(aug, { metric: 'availability', service: 'sign-in' }) // 0.99642 (the sample's August)
 */
export function linkedFigure(snap: FigureSource, moves: ActionMoves): number | null {
  switch (moves.metric) {
    case 'availability':
      return snap.services.find((s) => s.id === moves.service)?.availability ?? null;
    case 'responseAttainment':
    case 'resolutionAttainment': {
      const stage = moves.metric === 'responseAttainment' ? 'response' : 'resolution';
      if (moves.priority === undefined) return snap.headline[moves.metric].value;
      return snap.tickets.levels.find((l) => l.levelId === moves.priority)?.[stage]?.attainment ?? null;
    }
    case 'csat':
    case 'nps':
    case 'ces':
      return snap.headline[moves.metric].value;
    case 'recurring':
      return snap.recurring.groups.find((g) => g.key === moves.issue)?.ticketCount ?? 0;
  }
}

/** Which way is better for an action's figure: as the register says, else the metric's. */
export function directionOf(action: Action): 'increase' | 'decrease' {
  return action.expected.direction ?? (action.moves ? ACTION_METRICS[action.moves.metric].better : null) ?? 'increase';
}

/**
 * Did it work: with a target, met when the after value reaches it (≥ when higher is better, ≤
 * when lower is); without one, met when it moved the better way from before (strictly).
 * No data when a value it needs is missing.
 * @example actionVerdict(0.99642, 1, 0.999, 'increase') // 'met'
 * @example actionVerdict(20, 20, null, 'decrease') // 'not-met'
 */
export function actionVerdict(
  before: number | null,
  after: number | null,
  target: number | null,
  direction: 'increase' | 'decrease',
): 'met' | 'not-met' | 'no-data' {
  if (after === null) return 'no-data';
  if (target !== null) return (direction === 'increase' ? after >= target : after <= target) ? 'met' : 'not-met';
  if (before === null) return 'no-data';
  return (direction === 'increase' ? after > before : after < before) ? 'met' : 'not-met';
}

/**
 * The before and after of a closed action with a linked figure (spec "Actions": "before is the
 * linked figure in the period it was opened and after the figure in the first full period after it
 * was closed"): before is the month opened, after the month following the month closed (the first
 * whole month after any closing day in it). No fallback to another month: a month without the
 * figure, or not built yet, gives null. Verdict only for done actions (a dropped one was not
 * carried out).
 * @param figureAt the figure in a month; null for a month without a snapshot or without the figure
 */
export function actionOutcome(action: Action, figureAt: (month: string, moves: ActionMoves) => number | null): ActionOutcome | null {
  if (action.closed === undefined || !action.moves) return null;
  const moves = action.moves;
  const before = figureAt(action.opened, moves);
  const afterPeriod = nextMonth(action.closed);
  const after = figureAt(afterPeriod, moves);
  return {
    beforePeriod: action.opened,
    before,
    afterPeriod,
    after,
    verdict: action.status === 'done' ? actionVerdict(before, after, action.expected.target ?? null, directionOf(action)) : null,
  };
}

/**
 * An action's place in a period of consecutive months first…last: opened in it, due on one of its
 * days, overdue at its end (due by its last day, opened by then and not closed by its end), closed in it.
 * @example periodFlags({ opened: '2026-08', due: '2026-09-30', closed: '2026-10', … }, '2026-09', '2026-09') // { openedIn: false, dueIn: true, overdueAtEnd: true, closedIn: false }
 */
export function periodFlags(
  action: Pick<Action, 'opened' | 'due'> & { closed?: string | undefined },
  first: string,
  last: string,
): Pick<PeriodAction, 'openedIn' | 'dueIn' | 'overdueAtEnd' | 'closedIn'> {
  const due = dueDateOf(action.due);
  const lastDay = dueDateOf(last);
  const closedByEnd = action.closed !== undefined && action.closed <= last;
  return {
    openedIn: action.opened >= first && action.opened <= last,
    dueIn: due >= `${first}-01` && due <= lastDay,
    overdueAtEnd: action.opened <= last && due <= lastDay && !closedByEnd,
    closedIn: action.closed !== undefined && action.closed >= first && action.closed <= last,
  };
}

/** Names of the linked entities, for the pages (services, priorities and recurring issues by id). */
export interface ActionLabels {
  service(id: string): string | null;
  priority(id: string): string | null;
  issue(key: string): string | null;
}

/** An action's common fields as the snapshot holds them, with its status as it stood at the end of `last`. */
function actionView(action: Action, last: string, labels: ActionLabels, figureAt: (month: string, moves: ActionMoves) => number | null) {
  const closedByEnd = action.closed !== undefined && action.closed <= last;
  const m = action.moves;
  return {
    id: action.id,
    title: action.title,
    owner: action.owner,
    opened: action.opened,
    due: action.due,
    dueDate: dueDateOf(action.due),
    status: closedByEnd ? action.status : ('open' as const),
    closed: closedByEnd ? (action.closed as string) : null,
    moves: m
      ? {
          metric: m.metric,
          service: m.service ?? null,
          priority: m.priority ?? null,
          issue: m.issue ?? null,
          label:
            m.service !== undefined
              ? labels.service(m.service)
              : m.priority !== undefined
                ? labels.priority(m.priority)
                : m.issue !== undefined
                  ? labels.issue(m.issue)
                  : null,
          unit: ACTION_METRICS[m.metric].unit,
        }
      : null,
    expected: { effect: action.expected.effect, target: action.expected.target ?? null, direction: directionOf(action) },
    outcome: closedByEnd ? actionOutcome(action, figureAt) : null,
  };
}

/**
 * The period's actions: those opened, due, overdue at the end of, or closed in its months, in
 * register order, each as it stood at the period end (an action closed later shows as open).
 * @param months the period's months, ascending (one for a month, up to three for a quarter, …)
 */
export function actionsSection(
  actions: readonly Action[],
  months: readonly string[],
  labels: ActionLabels,
  figureAt: (month: string, moves: ActionMoves) => number | null,
): ActionsSection {
  const first = months[0] as string;
  const last = months[months.length - 1] as string;
  const items: PeriodAction[] = [];
  for (const a of actions) {
    // Not yet decided at the period end: not part of it.
    if (a.opened > last) continue;
    const flags = periodFlags(a, first, last);
    if (!(flags.openedIn || flags.dueIn || flags.overdueAtEnd || flags.closedIn)) continue;
    const view = actionView(a, last, labels, figureAt);
    items.push({ ...view, outcome: flags.closedIn ? view.outcome : null, ...flags });
  }
  return { items };
}

/**
 * The whole register as of the last month built (the actions page): every action with its status
 * now, overdue when open and due by the last day of that month.
 */
export function actionsRegisterView(
  register: { file: string; sha256: string; actions: readonly Action[] },
  lastPeriod: string,
  labels: ActionLabels,
  figureAt: (month: string, moves: ActionMoves) => number | null,
): ActionsRegisterView {
  const items = register.actions.map((a) => {
    // The live register shows the status as written, even for a month after the last one built.
    const view = actionView(a, '9999-12', labels, figureAt);
    return { ...view, overdue: a.status === 'open' && dueDateOf(a.due) <= dueDateOf(lastPeriod) };
  });
  const of = (status: string) => items.filter((i) => i.status === status).length;
  return {
    file: register.file,
    sha256: register.sha256,
    lastPeriod,
    counts: { open: of('open'), overdue: items.filter((i) => i.overdue).length, done: of('done'), dropped: of('dropped') },
    items,
  };
}

/**
 * Recurring-issue keys the tickets do not give: an action's issue must be a group of the review's
 * whole ticket history (keys are only known once the tickets are grouped, hence this stage).
 */
export function unknownIssueProblems(actions: readonly Action[], keys: ReadonlySet<string>): ActionProblem[] {
  const out: ActionProblem[] = [];
  actions.forEach((a, i) => {
    const issue = a.moves?.metric === 'recurring' ? a.moves.issue : undefined;
    if (issue !== undefined && !keys.has(issue))
      out.push({
        path: [i, 'moves', 'issue'],
        message: `no recurring issue has the key "${issue}" (keys are recurring.groups[].key in each review's snapshot.json)`,
      });
  });
  return out;
}

/**
 * The actions register (issue #18): content/actions.yaml, the actions a review decided, one entry
 * each. The zod schema is the reference (one line per field; README "Actions register"); what it
 * cannot say alone — a service, priority or metric the config does not know, a closed period
 * before the opening one — is checked against the config by actionProblems. Recurring-issue keys
 * are only known once the tickets are grouped, so they are checked at the snapshot stage
 * (snapshot/actions-section.ts, unknownIssueProblems), by `check` and by the build alike.
 */
import { z } from 'zod';
import { isMonthId, isQuarterId, isYearId } from '../time/periods.ts';
import type { ReviewConfig } from './config-schema.ts';

/** The figures an action can say it moves, with the side that is better. */
export const ACTION_METRICS = {
  availability: { better: 'increase', unit: 'ratio' },
  responseAttainment: { better: 'increase', unit: 'ratio' },
  resolutionAttainment: { better: 'increase', unit: 'ratio' },
  csat: { better: 'increase', unit: 'ratio' },
  nps: { better: 'increase', unit: 'score' },
  // Whether a lower CES is better depends on the survey's question: the action must say (expected.direction).
  ces: { better: null, unit: 'score' },
  recurring: { better: 'decrease', unit: 'count' },
} as const;

export type ActionMetric = keyof typeof ACTION_METRICS;

const DATE_RE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** True for a real calendar date YYYY-MM-DD (29 February only in leap years). @example isCalendarDate('2028-02-29') // true */
export function isCalendarDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

const text = (what: string) => z.string().trim().min(1, 'expected some text').describe(what);
const month = (what: string) => z.string().refine(isMonthId, { message: 'expected a review month like 2026-08' }).describe(what);
// A bare year (2027) reads as a number in YAML: take it as the period it names.
const dueSchema = z
  .preprocess(
    (v) => (typeof v === 'number' && Number.isInteger(v) ? String(v) : v),
    z.string().refine((s) => isCalendarDate(s) || isMonthId(s) || isQuarterId(s) || isYearId(s), {
      message: 'expected a date like 2026-09-30 or a period like 2026-09, 2026-Q3 or 2026',
    }),
  )
  .describe('When it is due: a date (2026-09-30) or a period (2026-09, 2026-Q3, 2026: its last day).');

export const actionMovesSchema = z
  .object({
    metric: z
      .enum(Object.keys(ACTION_METRICS) as [ActionMetric, ...ActionMetric[]])
      .describe('The figure: availability, responseAttainment, resolutionAttainment, csat, nps, ces or recurring.'),
    service: z.string().min(1).optional().describe('Service id from the config (availability only; a monitored service).'),
    priority: z
      .string()
      .min(1)
      .optional()
      .describe('Priority id from the config (response/resolution attainment; omitted: all priorities).'),
    issue: z.string().min(1).optional().describe('Recurring issue key, as in the snapshot’s recurring.groups[].key (recurring only).'),
  })
  .strict()
  .describe('The figure the action should move; omitted when it moves none the review measures.');

export const actionSchema = z
  .object({
    id: text('Unique id, e.g. A-2026-08-1.'),
    title: text('What is to be done.'),
    owner: text('Who answers for it (a team or a role).'),
    opened: month('The review month that decided it (YYYY-MM).'),
    due: dueSchema,
    status: z.enum(['open', 'done', 'dropped']).describe('open, done or dropped.'),
    closed: month('The review month it was done or dropped in (YYYY-MM); only when done or dropped.').optional(),
    moves: actionMovesSchema.optional(),
    expected: z
      .object({
        effect: text('The expected effect, in words.'),
        target: z.number().optional().describe('The value the figure should reach (a ratio 0–1 for shares, a score, a count).'),
        direction: z
          .enum(['increase', 'decrease'])
          .optional()
          .describe('Which way is better; defaults per metric (down for recurring issues), required for ces.'),
      })
      .strict()
      .describe('What the action should achieve.'),
  })
  .strict();

export const actionsFileSchema = z.array(actionSchema).describe('The actions, one list entry each.');

export type Action = z.infer<typeof actionSchema>;
export type ActionMoves = z.infer<typeof actionMovesSchema>;

/** A problem at a path inside the file, e.g. [2, 'moves', 'service']. */
export interface ActionProblem {
  path: (string | number)[];
  message: string;
}

const RATIO_METRICS = new Set<ActionMetric>(['availability', 'responseAttainment', 'resolutionAttainment', 'csat']);

/**
 * What the schema cannot see: ids repeated, closed missing / present / before opened, a due date
 * before the month opened, unknown services and priorities, a service that is not monitored, a
 * field that does not fit the metric, and a target outside the metric's range.
 */
export function actionProblems(
  actions: readonly Action[],
  config: Pick<ReviewConfig, 'services' | 'priorities' | 'surveys'>,
): ActionProblem[] {
  const out: ActionProblem[] = [];
  const seen = new Map<string, number>();
  const services = new Map(config.services.map((s) => [s.id, s] as const));
  const priorities = new Set(config.priorities.map((p) => p.id));
  const known = (ids: Iterable<string>) => [...ids].join(', ') || 'none';
  actions.forEach((a, i) => {
    const at = (...p: (string | number)[]) => [i, ...p];
    const first = seen.get(a.id);
    if (first !== undefined) out.push({ path: at('id'), message: `"${a.id}" is already the id of action ${first + 1}` });
    else seen.set(a.id, i);
    if (a.status === 'open' && a.closed !== undefined)
      out.push({ path: at('closed'), message: 'an open action has no closed month: remove it, or set status done or dropped' });
    if (a.status !== 'open' && a.closed === undefined)
      out.push({ path: at('status'), message: `a ${a.status} action needs closed: the review month it was ${a.status} in` });
    if (a.closed !== undefined && a.closed < a.opened)
      out.push({ path: at('closed'), message: `closed ${a.closed} is before opened ${a.opened}` });
    if (dueDateOf(a.due) < `${a.opened}-01`)
      out.push({ path: at('due'), message: `due ${a.due} is before the month it was opened (${a.opened})` });
    const m = a.moves;
    if (m) {
      const rule = ACTION_METRICS[m.metric];
      const allowed = { service: m.metric === 'availability', priority: /Attainment$/.test(m.metric), issue: m.metric === 'recurring' };
      for (const f of ['service', 'priority', 'issue'] as const)
        if (m[f] !== undefined && !allowed[f]) out.push({ path: at('moves', f), message: `${m.metric} takes no ${f}` });
      if (m.metric === 'availability' && m.service === undefined)
        out.push({ path: at('moves'), message: 'availability needs service: the service whose availability it moves' });
      if (m.metric === 'recurring' && m.issue === undefined)
        out.push({ path: at('moves'), message: 'recurring needs issue: the recurring issue’s key' });
      if (m.service !== undefined && allowed.service) {
        const s = services.get(m.service);
        if (!s)
          out.push({ path: at('moves', 'service'), message: `unknown service "${m.service}" (the config has ${known(services.keys())})` });
        else if (s.target === undefined || s.latencyThresholdMs === undefined)
          out.push({
            path: at('moves', 'service'),
            message: `"${m.service}" is not monitored (no target and latencyThresholdMs): it has no availability`,
          });
      }
      if (m.priority !== undefined && allowed.priority && !priorities.has(m.priority))
        out.push({ path: at('moves', 'priority'), message: `unknown priority "${m.priority}" (the config has ${known(priorities)})` });
      if (rule.better === null && a.expected.direction === undefined)
        out.push({
          path: at('expected'),
          message: `${m.metric} needs direction (increase or decrease): whether a higher score is better depends on the survey`,
        });
      const t = a.expected.target;
      if (t !== undefined) {
        const range: [number, number] = RATIO_METRICS.has(m.metric)
          ? [0, 1]
          : m.metric === 'nps'
            ? [-100, 100]
            : m.metric === 'ces'
              ? [config.surveys.ces.min, config.surveys.ces.max]
              : [0, Number.POSITIVE_INFINITY];
        if (t < range[0] || t > range[1])
          out.push({
            path: at('expected', 'target'),
            message: `a ${m.metric} target lies in ${range[0]}…${range[1] === Number.POSITIVE_INFINITY ? '∞' : range[1]}${RATIO_METRICS.has(m.metric) ? ' (a share: 0.999 for 99.9 %)' : ''}, got ${t}`,
          });
      }
    } else if (a.expected.target !== undefined)
      out.push({ path: at('expected', 'target'), message: 'a target needs moves: the figure it is a target for' });
  });
  return out;
}

/**
 * The day an action is due: the date itself, or the last day of the period named.
 * @example dueDateOf('2026-Q3') // '2026-09-30'
 * @example dueDateOf('2028-02') // '2028-02-29'
 */
export function dueDateOf(due: string): string {
  if (isCalendarDate(due)) return due;
  const lastDay = (y: number, m: number) =>
    `${y}-${String(m).padStart(2, '0')}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
  const y = Number(due.slice(0, 4));
  if (isMonthId(due)) return lastDay(y, Number(due.slice(5, 7)));
  if (isQuarterId(due)) return lastDay(y, Number(due.slice(6)) * 3);
  return `${y}-12-31`;
}

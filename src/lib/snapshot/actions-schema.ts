/**
 * The actions block of the period snapshot (issue #18) and the live register the build writes
 * beside the snapshots (actions.json). A period's block pins the actions as they stood at its
 * end, so a published revision keeps them when content/actions.yaml changes later (the block is
 * not compared as figures: diff-snapshots.ts leaves it out). Additive and
 * optional: snapshots of reviews without a register, or published before it, stay valid.
 */
import { z } from 'zod';

const str = z.string();
const nstr = z.string().nullable();
const obj = <T extends z.ZodRawShape>(shape: T) => z.object(shape).strict();

const outcomeSchema = obj({
  beforePeriod: nstr.describe(
    'The month the before value is from: the month opened (null only in revisions published under an earlier rule).',
  ),
  before: z.number().nullable().describe('The linked figure in the month opened; null without data.'),
  afterPeriod: str.describe('The first whole month after the action was closed: the month after the month closed.'),
  after: z.number().nullable().describe('The linked figure in afterPeriod; null without data or while that month is not built.'),
  verdict: z
    .enum(['met', 'not-met', 'no-data'])
    .nullable()
    .describe(
      'Done actions: met when after reaches the target (or, without one, moved the better way from before); null for dropped ones.',
    ),
}).describe('“Did it work?”: the linked figure before and after.');

const actionShape = {
  id: str,
  title: str,
  owner: str,
  opened: str.describe('Review month that decided it.'),
  due: str.describe('As written: a date or a period.'),
  dueDate: str.describe('The day it is due (a period’s last day).'),
  status: z.enum(['open', 'done', 'dropped']).describe('As it stood at the end of the period (the live register: now).'),
  closed: nstr.describe('Month done or dropped; null while open.'),
  moves: obj({
    metric: z.enum(['availability', 'responseAttainment', 'resolutionAttainment', 'csat', 'nps', 'ces', 'recurring']),
    service: nstr,
    priority: nstr,
    issue: nstr.describe('Recurring issue key.'),
    label: nstr.describe('The service’s, priority’s or issue’s name (masked); null for a review-wide figure.'),
    unit: z.enum(['ratio', 'score', 'count']),
  })
    .nullable()
    .describe('The figure it should move; null when none.'),
  expected: obj({
    effect: str,
    target: z.number().nullable(),
    direction: z.enum(['increase', 'decrease']).describe('Which way is better (the metric’s default unless the register says).'),
  }),
  outcome: outcomeSchema.nullable().describe('For an action closed (in the period) with a linked figure; else null.'),
};

export const periodActionSchema = obj({
  ...actionShape,
  openedIn: z.boolean().describe('Opened in one of the period’s months.'),
  dueIn: z.boolean().describe('Due on a day of the period.'),
  overdueAtEnd: z.boolean().describe('Due by the period’s last day, opened by then and not closed by its end.'),
  closedIn: z.boolean().describe('Done or dropped in one of the period’s months.'),
});

export const actionsSectionSchema = obj({
  items: z.array(periodActionSchema).describe('Actions opened, due, overdue at the end of, or closed in the period, in register order.'),
});

export type PeriodAction = z.infer<typeof periodActionSchema>;
export type ActionsSection = z.infer<typeof actionsSectionSchema>;
export type ActionOutcome = z.infer<typeof outcomeSchema>;

export const actionsShape = {
  actions: actionsSectionSchema
    .optional()
    .describe('The actions register as it stood at the period end (issue #18); absent when the review has no content/actions.yaml.'),
};

/** The live register, snapshots/draft/actions.json: every action now, for the actions page. */
export const actionsRegisterSchema = obj({
  file: str.describe('The register file, relative to the review folder.'),
  sha256: str.describe('SHA-256 of the register file the build read: the “as of” of the page.'),
  lastPeriod: str.describe('The last review month built: overdue means past due at its end.'),
  counts: obj({ open: z.number().int(), overdue: z.number().int(), done: z.number().int(), dropped: z.number().int() }).describe(
    'Actions by status now; overdue counts the open ones past due.',
  ),
  items: z.array(
    obj({
      ...actionShape,
      overdue: z.boolean().describe('Open, and due by the last day of lastPeriod.'),
    }),
  ),
});

export type ActionsRegisterView = z.infer<typeof actionsRegisterSchema>;

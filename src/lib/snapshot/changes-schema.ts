/**
 * The changes block of the period snapshot (issue #18): change success rate, emergency-change
 * share and the changes followed by an outage of their service (possible causes). Additive and
 * optional, so snapshots published before it stay valid.
 */
import { z } from 'zod';
import { CHANGE_OUTCOMES, CHANGE_TYPES } from '../model/records.ts';

const int = z.number().int();
const nint = z.number().int().nullable();
const share = z.number().min(0).max(1).nullable();
const nstr = z.string().nullable();
const obj = <T extends z.ZodRawShape>(shape: T) => z.object(shape).strict();

export const changesSchema = obj({
  outageWindow: z.string().describe('The configured changeOutageWindow: how long after a change’s start an outage starting then flags it.'),
  success: obj({
    closed: int.describe('Changes of the period with an outcome (successful, failed or rolled back).'),
    successful: int.describe('Of those, successful (“successful with issues” included).'),
    failed: int,
    rolledBack: int,
    rate: share.describe('successful / closed; null when no change was closed.'),
  }).describe('Change success rate.'),
  emergency: obj({
    changes: int.describe('Changes of the period.'),
    emergency: int.describe('Of those, emergency changes.'),
    share: share.describe('emergency / changes; null without changes.'),
  }).describe('Emergency-change share.'),
  flagged: int.describe(
    'Changes of the period followed by an outage of their service starting within the window after the change’s start (possible causes).',
  ),
  list: z
    .array(
      obj({
        id: z.string().describe('Id as exported (e-mail addresses masked; its digits kept).'),
        service: nstr,
        title: nstr.describe('Short description as exported (masked).'),
        type: z.enum(CHANGE_TYPES),
        outcome: z.enum(CHANGE_OUTCOMES).nullable().describe('null while the change is not closed.'),
        plannedStartMs: nint,
        plannedEndMs: nint,
        actualStartMs: nint,
        actualEndMs: nint,
        causedIncident: z
          .boolean()
          .nullable()
          .describe('Whether the export says the change caused an incident; null when it says nothing.'),
        causedIncidentId: nstr.describe(
          'The incident the export names: masked as an id when it is an incident of the exports, else as free text.',
        ),
        outages: z.array(int).describe('Indexes into `outages` of the outages following this change: a possible cause.'),
      }),
    )
    .describe('Changes of the period (by actual start, else planned start), in start order.'),
  outages: z
    .array(obj({ service: z.string(), startMs: int, endMs: int }))
    .describe('The outages following some change of the period, whole (an outage running into the next period is not cut).'),
});

export type ChangesSection = z.infer<typeof changesSchema>;

export const changesShape = {
  changes: changesSchema.optional().describe('Change records (issue #18); absent when the review has no changes source and no changes.'),
};

/**
 * The incidents block of the period snapshot (issue #18): incidents by level against the
 * graded-response targets, outage ↔ incident links and root-cause categories over the last six
 * periods. Additive and optional, so snapshots published before it stay valid.
 */
import { z } from 'zod';

const int = z.number().int();
const nn = z.number().nullable();
const str = z.string();
const nstr = z.string().nullable();
const obj = <T extends z.ZodRawShape>(shape: T) => z.object(shape).strict();

const stage = obj({
  measured: int.describe('Incidents whose stage could be judged (both instants known, or open past the restore target).'),
  withinTarget: int.describe('Of those, within the level target (at the target counts as within).'),
  share: z.number().min(0).max(1).nullable().describe('withinTarget / measured; null when nothing was measured.'),
});

export const incidentsSchema = obj({
  levels: z
    .array(
      obj({
        id: str,
        name: str,
        detect: str.describe('Time-to-detect target as configured (started → detected).'),
        acknowledge: str.describe('Time-to-acknowledge target as configured (detected → acknowledged).'),
        restore: str.describe('Time-to-restore target as configured (started → restored).'),
        count: int.describe('Incidents of the level that started in the period.'),
        open: int.describe('Of those, not restored at the period end or data horizon.'),
        detectStage: stage,
        acknowledgeStage: stage,
        restoreStage: stage,
      }),
    )
    .describe('Incidents by level against the graded-response targets, in the configured order.'),
  list: z
    .array(
      obj({
        id: str.describe('Id as exported (e-mail addresses masked; its digits kept).'),
        level: str,
        service: nstr,
        startedMs: int,
        detectedMs: nn,
        acknowledgedMs: nn,
        restoredMs: nn,
        postMortem: nstr.describe(
          'Post-mortem link as exported (masked: a web address keeps its digits, not an e-mail address); shown as a link only when it is an http(s) URL.',
        ),
        rootCause: nstr.describe('Root-cause category as exported (masked); null when not yet known.'),
        outages: z.array(int).describe('Indexes into `outages` of the outages this incident overlaps.'),
      }),
    )
    .describe('Incidents that started in the period, by start.'),
  outages: z
    .array(
      obj({
        service: str,
        startMs: int,
        endMs: int,
        incidents: z.array(str).describe('Ids of the incidents (of any period) overlapping this outage (masked as ids).'),
      }),
    )
    .describe('Outages found in the checks, per service in service order, each with its incidents.'),
  outagesWithoutIncident: int.describe('Outages no incident overlaps.'),
  incidentsWithoutOutage: z.array(str).describe('Ids of the period’s incidents that overlap no outage in the checks (masked as ids).'),
  rootCauses: obj({
    periods: z.array(str).describe('The last six periods of this kind, up to this one.'),
    rows: z.array(
      obj({
        category: nstr.describe('Root-cause category; null for incidents whose cause is not yet known.'),
        counts: z.array(int).describe('Incidents that started in each period.'),
        total: int,
      }),
    ),
  }).describe('Root-cause categories over the last six periods, most frequent first.'),
});

export type IncidentsSection = z.infer<typeof incidentsSchema>;

export const incidentsShape = {
  incidents: incidentsSchema
    .optional()
    .describe('Incidents and graded response (issue #18); absent when the review has no incident levels and no incidents.'),
};

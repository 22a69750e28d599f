/**
 * The period's incidents block (issue #18): the incidents that started in the period judged by
 * level against the graded-response policy (config `incidentLevels`), the period's outages linked
 * to the incidents overlapping them and back, and root-cause categories over the last six periods
 * of the same kind. Open incidents are judged as of the earlier of the period end and the
 * earliest horizon of the incident sources (nothing is judged past what the exports could know).
 */
import { parseDurationSeconds, type ReviewConfig } from '../config/config-schema.ts';
import { incidentResponseByLevel } from '../metrics/incident-response-by-level.ts';
import { linkOutagesToIncidents } from '../metrics/link-outages-to-incidents.ts';
import { rootCauseCounts } from '../metrics/root-cause-counts.ts';
import type { IncidentRecord } from '../model/records.ts';
import { type MonthId, monthOf, quarterOfMonth, yearOfMonth } from '../time/periods.ts';
import { maskIdentifier, maskPersonalData } from '../util/mask-personal-data.ts';
import type { IncidentsSection } from './incidents-schema.ts';
import type { SourceHorizon } from './source-horizons.ts';

/** Periods of root-cause history the review shows. */
export const ROOT_CAUSE_PERIODS = 6;

export interface IncidentsInput {
  config: Pick<ReviewConfig, 'incidentLevels'>;
  incidents: readonly IncidentRecord[];
  zone: string;
  horizons: readonly SourceHorizon[];
}

/** The period id of kind `kind` an instant falls in. */
function periodOf(ms: number, kind: 'month' | 'quarter' | 'year', zone: string): string {
  const month: MonthId = monthOf(ms, zone);
  return kind === 'month' ? month : kind === 'quarter' ? quarterOfMonth(month) : yearOfMonth(month);
}

const ms = (duration: string) => (parseDurationSeconds(duration) ?? 0) * 1000;

/**
 * @param plan the period: kind, bounds and the ids of its kind up to it (for the root-cause history)
 * @param outageLists each monitored service's outages in the period, as the services block has them
 * @returns null when the review has neither incident levels nor incidents (the block is left out)
 */
export function incidentsSection(
  input: IncidentsInput,
  plan: { kind: 'month' | 'quarter' | 'year'; bounds: { startMs: number; endMs: number }; periodsUpTo: readonly string[] },
  outageLists: ReadonlyArray<{ id: string; outages: { list: ReadonlyArray<readonly [number, number]> } }>,
): IncidentsSection | null {
  const { config, incidents, zone, horizons } = input;
  if (config.incidentLevels.length === 0 && incidents.length === 0) return null;
  const { startMs, endMs } = plan.bounds;
  const inPeriod = incidents.filter((i) => i.startedMs >= startMs && i.startedMs < endMs);
  const incidentHorizons = horizons.filter((h) => h.kind === 'incidents' && h.asOfMs !== null).map((h) => h.asOfMs as number);
  const asOfMs = Math.min(endMs, ...incidentHorizons);
  const targets = config.incidentLevels.map((l) => ({
    id: l.id,
    detectMs: ms(l.detect),
    acknowledgeMs: ms(l.acknowledge),
    restoreMs: ms(l.restore),
  }));
  const figures = incidentResponseByLevel(inPeriod, targets, asOfMs);

  const outages = outageLists.flatMap((s) => s.outages.list.map(([a, b]) => ({ service: s.id, startMs: a, endMs: b })));
  // Incidents of any period may overlap the period's outages (one that began just before it, say).
  const overlapping = incidents.filter((i) => i.startedMs < endMs && (i.restoredMs === null || i.restoredMs > startMs));
  const links = linkOutagesToIncidents(outages, overlapping);
  const outagesOf = new Map(overlapping.map((inc, k) => [inc.id, links.outagesOfIncident[k] ?? []] as const));

  const periods = plan.periodsUpTo.slice(-ROOT_CAUSE_PERIODS);
  const history = incidents
    .filter((i) => i.startedMs < endMs)
    .map((i) => ({
      period: periodOf(i.startedMs, plan.kind, zone),
      rootCause: i.rootCause === null ? null : maskPersonalData(i.rootCause),
    }));

  return {
    levels: config.incidentLevels.map((l, k) => {
      const f = figures[k] as (typeof figures)[number];
      return {
        id: l.id,
        name: l.name,
        detect: l.detect,
        acknowledge: l.acknowledge,
        restore: l.restore,
        count: f.count,
        open: f.open,
        detectStage: f.detect,
        acknowledgeStage: f.acknowledge,
        restoreStage: f.restore,
      };
    }),
    list: inPeriod.map((i) => ({
      id: maskIdentifier(i.id),
      level: i.level,
      service: i.service,
      startedMs: i.startedMs,
      detectedMs: i.detectedMs,
      acknowledgedMs: i.acknowledgedMs,
      restoredMs: i.restoredMs,
      postMortem: i.postMortem === null ? null : maskPersonalData(i.postMortem),
      rootCause: i.rootCause === null ? null : maskPersonalData(i.rootCause),
      outages: outagesOf.get(i.id) ?? [],
    })),
    outages: outages.map((o, k) => ({ ...o, incidents: (links.incidentsOfOutage[k] ?? []).map(maskIdentifier) })),
    outagesWithoutIncident: links.outagesWithoutIncident.length,
    incidentsWithoutOutage: inPeriod.filter((i) => (outagesOf.get(i.id) ?? []).length === 0).map((i) => maskIdentifier(i.id)),
    rootCauses: { periods, rows: rootCauseCounts(history, periods) },
  };
}

/**
 * The period's changes block (issue #18): the changes that started in the period (actual start,
 * else planned start), their success rate and emergency share, and each change followed by an
 * outage of its service starting within `changeOutageWindow` after the change's start, flagged as
 * a possible cause.
 *
 * A change late in a month can be followed by an outage early in the next, and an outage found in
 * one month's checks is cut at the month's end; so the outages are those of every month of the
 * review, joined again where a month's end cut them (outagesOfReview).
 */
import { parseDurationSeconds, type ReviewConfig } from '../config/config-schema.ts';
import { changeSuccessRate } from '../metrics/change-success-rate.ts';
import { changeSpan, changesFollowedByOutage, type OutageSpan } from '../metrics/changes-followed-by-outage.ts';
import { emergencyChangeShare } from '../metrics/emergency-change-share.ts';
import type { ChangeRecord } from '../model/records.ts';
import { maskIdentifier, maskPersonalData } from '../util/mask-personal-data.ts';
import type { ChangesSection } from './changes-schema.ts';

export interface ChangesInput {
  config: Pick<ReviewConfig, 'changeOutageWindow' | 'sources'>;
  changes: readonly ChangeRecord[];
  /** Every outage of the review, whole (outagesOfReview). */
  outages: readonly OutageSpan[];
  /** The ids of the incidents the exports hold: a caused-incident cell naming one is an id, anything else free text. */
  incidentIds: ReadonlySet<string>;
}

/**
 * The review's outages from its months' service lists: per service, in time order, an outage
 * ending where the next begins (cut at a month's end) joined into one.
 */
export function outagesOfReview(
  months: ReadonlyArray<{ services: ReadonlyArray<{ id: string; outages: { list: ReadonlyArray<readonly [number, number]> } }> }>,
): OutageSpan[] {
  const byService = new Map<string, Array<[number, number]>>();
  for (const m of months)
    for (const s of m.services) {
      const list = byService.get(s.id) ?? [];
      for (const [a, b] of s.outages.list) list.push([a, b]);
      byService.set(s.id, list);
    }
  const out: OutageSpan[] = [];
  for (const [service, list] of [...byService].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    list.sort((x, y) => x[0] - y[0]);
    let run: [number, number] | null = null;
    for (const [a, b] of list) {
      if (run !== null && a <= run[1]) run[1] = Math.max(run[1], b);
      else {
        if (run !== null) out.push({ service, startMs: run[0], endMs: run[1] });
        run = [a, b];
      }
    }
    if (run !== null) out.push({ service, startMs: run[0], endMs: run[1] });
  }
  return out;
}

/** @returns null when the review has no changes source and no changes (the block is left out). */
export function changesSection(input: ChangesInput, bounds: { startMs: number; endMs: number }): ChangesSection | null {
  const { config, changes, outages, incidentIds } = input;
  if (changes.length === 0 && !config.sources.some((s) => s.kind === 'changes')) return null;
  const inPeriod = changes.filter((c) => {
    const span = changeSpan(c);
    return span !== null && span.startMs >= bounds.startMs && span.startMs < bounds.endMs;
  });
  const windowMs = (parseDurationSeconds(config.changeOutageWindow) ?? 0) * 1000;
  const following = changesFollowedByOutage(inPeriod, outages, windowMs);
  // Only the outages some change is linked to, in their review order; indexes renumbered to that list.
  const used = [...new Set(following.flat())].sort((a, b) => a - b);
  const index = new Map(used.map((k, i) => [k, i]));
  return {
    outageWindow: config.changeOutageWindow,
    success: changeSuccessRate(inPeriod),
    emergency: emergencyChangeShare(inPeriod),
    flagged: following.filter((f) => f.length > 0).length,
    list: inPeriod.map((c, i) => ({
      id: maskIdentifier(c.id),
      service: c.service,
      title: c.title === null ? null : maskPersonalData(c.title),
      type: c.type,
      outcome: c.outcome,
      plannedStartMs: c.plannedStartMs,
      plannedEndMs: c.plannedEndMs,
      actualStartMs: c.actualStartMs,
      actualEndMs: c.actualEndMs,
      causedIncident: c.causedIncident,
      // Shown as the incidents list shows the id it names; a cell naming no incident is text someone typed.
      causedIncidentId:
        c.causedIncidentId === null
          ? null
          : incidentIds.has(c.causedIncidentId)
            ? maskIdentifier(c.causedIncidentId)
            : maskPersonalData(c.causedIncidentId),
      outages: (following[i] ?? []).map((k) => index.get(k) as number),
    })),
    outages: used.map((k) => outages[k] as OutageSpan),
  };
}

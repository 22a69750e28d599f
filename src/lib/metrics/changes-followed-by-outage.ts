/**
 * Changes followed by an outage of the same service: a possible cause, flagged for the review to
 * look at (not a proven one). An outage follows a change when it is of the change's service and
 * starts at or after the change's start and at most `windowMs` after the change's end.
 *
 * The change's start is its actual start, else its planned start; its end is its actual end, else
 * (no actual end) its planned end, else its start, and never before its start (a change begun late
 * ends no earlier than it began). An outage already running when the change started is not flagged.
 * Outages are those found in the checks, so down time inside planned maintenance is no outage.
 * Changes naming no service link to nothing.
 */

export interface ChangeSpan {
  service: string | null;
  plannedStartMs: number | null;
  plannedEndMs: number | null;
  actualStartMs: number | null;
  actualEndMs: number | null;
}

export interface OutageSpan {
  service: string;
  startMs: number;
  endMs: number;
}

/** The instants a change is judged from: start and end as defined above; null when it has no start. */
export function changeSpan(c: ChangeSpan): { startMs: number; endMs: number } | null {
  const startMs = c.actualStartMs ?? c.plannedStartMs;
  if (startMs === null) return null;
  return { startMs, endMs: Math.max(startMs, c.actualEndMs ?? c.plannedEndMs ?? startMs) };
}

/**
 * @returns per change (input order), the indexes of the outages following it (input order)
 * @example
 * changesFollowedByOutage(
 *   [{ service: 'web', plannedStartMs: 0, plannedEndMs: 100, actualStartMs: 10, actualEndMs: 50 },
 *    { service: 'api', plannedStartMs: 0, plannedEndMs: 100, actualStartMs: null, actualEndMs: null }],
 *   [{ service: 'web', startMs: 60, endMs: 90 }, { service: 'web', startMs: 200, endMs: 300 }, { service: 'api', startMs: 5, endMs: 8 }],
 *   100,
 * )
 * // [[0], [2]]
 */
export function changesFollowedByOutage(changes: readonly ChangeSpan[], outages: readonly OutageSpan[], windowMs: number): number[][] {
  return changes.map((c) => {
    const span = changeSpan(c);
    if (span === null || c.service === null) return [];
    const out: number[] = [];
    outages.forEach((o, k) => {
      if (o.service === c.service && o.startMs >= span.startMs && o.startMs <= span.endMs + windowMs) out.push(k);
    });
    return out;
  });
}

/**
 * Changes followed by an outage of the same service: a possible cause, flagged for the review to
 * look at (not a proven one). An outage follows a change when it is of the change's service and
 * starts within `windowMs` after the change started: in [start, start + windowMs], both ends
 * included (spec "Changes": "an outage of the same service that starts within the window
 * (default 2 h) after the change started"). The change's end plays no part.
 *
 * The change's start is its actual start, else its planned start. An outage's start is the first
 * instant the checks find the service down (the run's first down check, as confirmed by its
 * probes); an outage already running when the change started is not flagged. Outages are those
 * found in the checks, so down time inside planned maintenance is no outage. Changes naming no
 * service link to nothing.
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

/**
 * A change's start (actual, else planned) and end (actual, else planned, else its start; never
 * before its start: a change begun late ends no earlier than it began); null when it has no start.
 * Only the start decides the change's period and its possible causes.
 */
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
 *   [{ service: 'web', startMs: 60, endMs: 90 }, { service: 'web', startMs: 111, endMs: 300 }, { service: 'api', startMs: 5, endMs: 8 }],
 *   100,
 * )
 * // [[0], [2]]: web's 111 is past 10 + 100; api's change started at its planned 0
 */
export function changesFollowedByOutage(changes: readonly ChangeSpan[], outages: readonly OutageSpan[], windowMs: number): number[][] {
  return changes.map((c) => {
    const span = changeSpan(c);
    if (span === null || c.service === null) return [];
    const out: number[] = [];
    outages.forEach((o, k) => {
      if (o.service === c.service && o.startMs >= span.startMs && o.startMs <= span.startMs + windowMs) out.push(k);
    });
    return out;
  });
}

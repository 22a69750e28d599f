/**
 * Outages found in the checks ↔ incidents recorded by people, both ways: an outage and an
 * incident are linked when they are of the same service and their spans overlap (outage
 * [start, end), incident [started, restored), an open incident running on without end). Outages
 * with no incident are faults nobody recorded; incidents with no outage are faults the checks did
 * not see (or incidents of services without checks). Incidents naming no service link to nothing.
 */

export interface ServiceOutage {
  service: string;
  startMs: number;
  endMs: number;
}

export interface IncidentSpan {
  id: string;
  service: string | null;
  startedMs: number;
  restoredMs: number | null;
}

export interface OutageIncidentLinks {
  /** Per outage (input order), the ids of the incidents overlapping it. */
  incidentsOfOutage: string[][];
  /** Per incident (input order), the indexes of the outages overlapping it. */
  outagesOfIncident: number[][];
  /** Indexes of outages with no incident. */
  outagesWithoutIncident: number[];
  /** Ids of incidents with no outage. */
  incidentsWithoutOutage: string[];
}

/**
 * @example
 * linkOutagesToIncidents(
 *   [{ service: 'web', startMs: 100, endMs: 200 }, { service: 'web', startMs: 500, endMs: 600 }],
 *   [{ id: 'INC1', service: 'web', startedMs: 150, restoredMs: 300 }, { id: 'INC2', service: 'api', startedMs: 0, restoredMs: 900 }],
 * )
 * // { incidentsOfOutage: [['INC1'], []], outagesOfIncident: [[0], []],
 * //   outagesWithoutIncident: [1], incidentsWithoutOutage: ['INC2'] }
 */
export function linkOutagesToIncidents(outages: readonly ServiceOutage[], incidents: readonly IncidentSpan[]): OutageIncidentLinks {
  const incidentsOfOutage: string[][] = outages.map(() => []);
  const outagesOfIncident: number[][] = incidents.map(() => []);
  incidents.forEach((inc, i) => {
    if (inc.service === null) return;
    const end = inc.restoredMs ?? Number.POSITIVE_INFINITY;
    outages.forEach((o, k) => {
      if (o.service === inc.service && o.startMs < end && inc.startedMs < o.endMs) {
        incidentsOfOutage[k]?.push(inc.id);
        outagesOfIncident[i]?.push(k);
      }
    });
  });
  return {
    incidentsOfOutage,
    outagesOfIncident,
    outagesWithoutIncident: incidentsOfOutage.flatMap((ids, k) => (ids.length === 0 ? [k] : [])),
    incidentsWithoutOutage: incidents.flatMap((inc, i) => (outagesOfIncident[i]?.length === 0 ? [inc.id] : [])),
  };
}

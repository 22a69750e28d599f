/**
 * Graded response: per incident level, how many incidents met the level's targets for time to
 * detect (started → detected), time to acknowledge (detected → acknowledged) and time to restore
 * (started → restored). A stage is measured when both its instants are known; an incident still
 * open at the data horizon whose elapsed time already exceeds the restore target counts as a
 * restore miss (it cannot meet it any more), one still within it is not measured yet. At the
 * target is within it. Levels come out in the configured order, empty ones included.
 */

export interface IncidentLevelTargets {
  id: string;
  detectMs: number;
  acknowledgeMs: number;
  restoreMs: number;
}

export interface IncidentTimes {
  level: string;
  startedMs: number;
  detectedMs: number | null;
  acknowledgedMs: number | null;
  restoredMs: number | null;
}

export interface StageAttainment {
  /** Incidents whose stage could be judged. */
  measured: number;
  /** Of those, within the target. */
  withinTarget: number;
  /** withinTarget / measured, null when nothing was measured. */
  share: number | null;
}

export interface IncidentLevelFigures {
  level: string;
  count: number;
  /** Incidents not restored at the data horizon. */
  open: number;
  detect: StageAttainment;
  acknowledge: StageAttainment;
  restore: StageAttainment;
}

function stage(durations: Array<number | null>, targetMs: number): StageAttainment {
  let measured = 0;
  let withinTarget = 0;
  for (const d of durations) {
    if (d === null) continue;
    measured++;
    if (d <= targetMs) withinTarget++;
  }
  return { measured, withinTarget, share: measured === 0 ? null : withinTarget / measured };
}

/**
 * @param asOfMs the data horizon (when the export was taken), for incidents still open
 * @example
 * incidentResponseByLevel(
 *   [{ level: 'major', startedMs: 0, detectedMs: 300_000, acknowledgedMs: 600_000, restoredMs: 3_600_000 }],
 *   [{ id: 'major', detectMs: 600_000, acknowledgeMs: 300_000, restoreMs: 7_200_000 }],
 *   3_600_000,
 * )
 * // [{ level: 'major', count: 1, open: 0,
 * //    detect: { measured: 1, withinTarget: 1, share: 1 },
 * //    acknowledge: { measured: 1, withinTarget: 1, share: 1 },
 * //    restore: { measured: 1, withinTarget: 1, share: 1 } }]
 */
export function incidentResponseByLevel(
  incidents: readonly IncidentTimes[],
  levels: readonly IncidentLevelTargets[],
  asOfMs: number,
): IncidentLevelFigures[] {
  return levels.map((level) => {
    const mine = incidents.filter((i) => i.level === level.id);
    const detect = mine.map((i) => (i.detectedMs === null ? null : i.detectedMs - i.startedMs));
    const acknowledge = mine.map((i) => (i.detectedMs === null || i.acknowledgedMs === null ? null : i.acknowledgedMs - i.detectedMs));
    const restore = mine.map((i) => {
      if (i.restoredMs !== null) return i.restoredMs - i.startedMs;
      const elapsed = asOfMs - i.startedMs;
      return elapsed > level.restoreMs ? elapsed : null;
    });
    return {
      level: level.id,
      count: mine.length,
      open: mine.filter((i) => i.restoredMs === null).length,
      detect: stage(detect, level.detectMs),
      acknowledge: stage(acknowledge, level.acknowledgeMs),
      restore: stage(restore, level.restoreMs),
    };
  });
}

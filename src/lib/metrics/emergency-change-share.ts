/**
 * Emergency-change share: emergency changes / all changes of the period, whatever their outcome
 * (an emergency change bypasses the normal assessment, so a high share says planning is short).
 */
import type { ChangeType } from '../model/records.ts';

export interface EmergencyShareFigures {
  changes: number;
  emergency: number;
  /** emergency / changes; null when there is no change. */
  share: number | null;
}

/**
 * @example
 * emergencyChangeShare([{ type: 'normal' }, { type: 'emergency' }, { type: 'standard' }, { type: 'standard' }])
 * // { changes: 4, emergency: 1, share: 0.25 }
 */
export function emergencyChangeShare(changes: ReadonlyArray<{ type: ChangeType }>): EmergencyShareFigures {
  const emergency = changes.filter((c) => c.type === 'emergency').length;
  return { changes: changes.length, emergency, share: changes.length === 0 ? null : emergency / changes.length };
}

/**
 * Change success rate: successful changes / changes with a closed outcome (successful, failed or
 * rolled back). Changes not closed yet (or closed without an outcome, e.g. cancelled) are in
 * neither count. "Successful with issues" (ServiceNow) counts as successful, as ITIL counts a
 * change that delivered its intended outcome: the issues belong to its post-implementation
 * review, not to the failure count. A rolled-back change did not deliver it, so it is not
 * successful.
 */
import type { ChangeOutcome } from '../model/records.ts';

export interface ChangeSuccessFigures {
  /** Changes with an outcome. */
  closed: number;
  successful: number;
  failed: number;
  rolledBack: number;
  /** successful / closed; null when no change was closed. */
  rate: number | null;
}

/**
 * @example
 * changeSuccessRate([{ outcome: 'successful' }, { outcome: 'failed' }, { outcome: 'rolled-back' }, { outcome: null }])
 * // { closed: 3, successful: 1, failed: 1, rolledBack: 1, rate: 0.3333333333333333 }
 */
export function changeSuccessRate(changes: ReadonlyArray<{ outcome: ChangeOutcome | null }>): ChangeSuccessFigures {
  let successful = 0;
  let failed = 0;
  let rolledBack = 0;
  for (const c of changes) {
    if (c.outcome === 'successful') successful++;
    else if (c.outcome === 'failed') failed++;
    else if (c.outcome === 'rolled-back') rolledBack++;
  }
  const closed = successful + failed + rolledBack;
  return { closed, successful, failed, rolledBack, rate: closed === 0 ? null : successful / closed };
}

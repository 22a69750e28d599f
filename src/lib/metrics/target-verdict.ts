/**
 * The verdict of a figure against its target, defined like availability's (availability-figures.ts):
 * met at or above the target; at risk when met but more than 75 % of the budget is used, the
 * budget being the room between the target and the figure's best value (1 for a share, 100 for
 * NPS) and the used part the room between the figure and its best value; breached below the
 * target; no data without a figure. For availability the same rule reads "down time above 75 %
 * of the allowed down time", since (1 − A) / (1 − T) = down / allowed down.
 */
import { AT_RISK_BUDGET_USED } from './availability-figures.ts';

export type TargetVerdict = 'met' | 'at-risk' | 'breached' | 'no-data';

/**
 * @param value the figure, null without data
 * @param target the target in force
 * @param best the figure's best value: 1 for a share, 100 for NPS
 * @example
 * targetVerdict(0.93, 0.9, 1) // "met" (budget 0.10, used 0.07 / 0.10 = 0.7)
 * targetVerdict(0.92, 0.9, 1) // "at-risk" (used 0.08 / 0.10 = 0.8)
 * targetVerdict(40, 30, 100) // "at-risk" (used 60 / 70 = 0.857)
 */
export function targetVerdict(value: number | null, target: number, best: number): TargetVerdict {
  if (value === null) return 'no-data';
  if (value < target) return 'breached';
  const budget = best - target;
  if (budget <= 0) return 'met';
  return (best - value) / budget > AT_RISK_BUDGET_USED ? 'at-risk' : 'met';
}

/**
 * The 95 % Wilson score interval for a binomial proportion.
 */

/** z for a two-sided 95 % interval: the 0.975 quantile of the standard normal distribution. */
export const Z_95 = 1.959963984540054;

/** A confidence interval for a proportion; both bounds are ratios in [0, 1]. */
export interface ProportionInterval {
  /** Lower bound, in [0, 1]. */
  lower: number;
  /** Upper bound, in [0, 1]. */
  upper: number;
}

/**
 * The Wilson score interval for a proportion of `successes` out of `n` trials.
 *
 * Definition (Wilson 1927; Newcombe 1998, method 3): with p̂ = successes / n,
 *
 *     centre    = (p̂ + z² / 2n) / (1 + z² / n)
 *     halfWidth = z / (1 + z² / n) × sqrt(p̂(1 − p̂) / n + z² / 4n²)
 *     interval  = [centre − halfWidth, centre + halfWidth]
 *
 * Method: the closed form above, with z = 1.959963984540054 (95 %) unless given. Unlike the
 * Wald interval it stays inside [0, 1] and is not degenerate at p̂ = 0 or 1; the bounds are
 * clamped to [0, 1] and set exactly to 0 (no successes) or 1 (all successes) so rounding never
 * pushes them outside.
 *
 * @param successes number of successes, an integer in [0, n]
 * @param n number of trials, a non-negative integer
 * @param z the normal quantile for the confidence level (default: 95 %)
 * @returns the interval, or null when n = 0 (no proportion to estimate)
 * @throws {RangeError} when n or successes is not a non-negative integer, or successes > n
 * @example
 * wilsonInterval(8, 10) // { lower: 0.4901624715366418, upper: 0.9433178485456248 }
 * wilsonInterval(0, 0) // null
 */
export function wilsonInterval(successes: number, n: number, z: number = Z_95): ProportionInterval | null {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`wilsonInterval requires n to be a non-negative integer, got ${n}`);
  if (!Number.isInteger(successes) || successes < 0 || successes > n)
    throw new RangeError(`wilsonInterval requires successes to be an integer from 0 to n (${n}), got ${successes}`);
  if (!(z > 0) || !Number.isFinite(z)) throw new RangeError(`wilsonInterval requires a positive finite z, got ${z}`);
  if (n === 0) return null;
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const halfWidth = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return {
    lower: successes === 0 ? 0 : Math.min(1, Math.max(0, centre - halfWidth)),
    upper: successes === n ? 1 : Math.min(1, Math.max(0, centre + halfWidth)),
  };
}

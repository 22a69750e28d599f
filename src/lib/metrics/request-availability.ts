/**
 * Request-based availability, for monitoring exports that count requests and errors per
 * interval instead of checks: 1 − Σerrors / Σrequests. Null without requests.
 * @example requestAvailability([{ requests: 1000, errors: 1 }, { requests: 3000, errors: 3 }]) // 0.999
 */
export function requestAvailability(intervals: ReadonlyArray<{ requests: number; errors: number }>): number | null {
  let requests = 0;
  let errors = 0;
  for (const i of intervals) {
    requests += i.requests;
    errors += i.errors;
  }
  return requests > 0 ? 1 - errors / requests : null;
}

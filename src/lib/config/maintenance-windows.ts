/**
 * Maintenance windows from the config, as instants per service. Timestamps without an offset
 * are read in the review zone.
 */

import { ReviewError } from '../errors.ts';
import { parseTimestamp } from '../ingest/parse-timestamp.ts';
import type { TimeWindow } from '../rollup/merge-windows.ts';
import type { ReviewConfig } from './config-schema.ts';

export interface MaintenanceWindow extends TimeWindow {
  service: string;
  reason: string | null;
}

export function maintenanceWindows(config: ReviewConfig): MaintenanceWindow[] {
  const opts = { timeZone: config.review.timeZone, dateOrder: 'ymd' as const, ambiguous: 'reject' as const, epochUnit: 'auto' as const };
  const problems: string[] = [];
  const out: MaintenanceWindow[] = [];
  config.maintenance.forEach((m, i) => {
    const from = parseTimestamp(m.from, opts);
    const to = parseTimestamp(m.to, opts);
    if (!from.ok) problems.push(`maintenance[${i}].from: ${from.reason}`);
    if (!to.ok) problems.push(`maintenance[${i}].to: ${to.reason}`);
    if (from.ok && to.ok) {
      if (to.ms <= from.ms) problems.push(`maintenance[${i}].to: must be after from`);
      else out.push({ service: m.service, startMs: from.ms, endMs: to.ms, reason: m.reason ?? null });
    }
  });
  if (problems.length) throw new ReviewError(`review.config.yaml: ${problems.length} problem(s) in maintenance`, problems);
  return out;
}

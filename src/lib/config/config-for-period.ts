/**
 * Date-effective configuration: the rules in force in a month. Each service, priority level
 * and calendar may list `changes` with a `from` month; a period is computed with the values
 * of the latest change at or before it, so changing a target today does not restate last year.
 */
import type { ReviewConfig } from './config-schema.ts';

function applyChanges<T extends { changes: Array<{ from: string }> }>(item: T, month: string): T {
  let out = item;
  const applicable = [...item.changes].filter((c) => c.from <= month).sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  for (const { from: _from, ...values } of applicable) {
    const defined = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
    out = { ...out, ...defined };
  }
  return out;
}

/**
 * The config as it applied in `month` (YYYY-MM).
 * @example configForPeriod(cfg /* api target 0.999, changes [{from: '2026-09', target: 0.9995}] *\/, '2026-08').services[0].target // 0.999
 */
export function configForPeriod(config: ReviewConfig, month: string): ReviewConfig {
  return {
    ...config,
    services: config.services.map((s) => applyChanges(s, month)),
    priorities: config.priorities.map((p) => applyChanges(p, month)),
    calendars: config.calendars.map((c) => applyChanges(c, month)),
    targets: applyChanges(config.targets, month),
  };
}

/**
 * The ticket part of a period snapshot. Kept apart so the metric engine can deepen it without
 * touching the snapshot plumbing.
 */
import type { ReviewConfig } from '../config/config-schema.ts';
import type { PeriodBounds } from '../metrics/periods.ts';
import type { TicketRecord } from '../model/records.ts';

export interface TicketSection {
  /** Tickets created in the period, per priority level (config order) and in all. */
  created: Array<{ priority: string; name: string; count: number }>;
  createdTotal: number;
  /** Tickets resolved in the period. */
  resolvedTotal: number;
  /** Created before the period end and not resolved before it. */
  backlogAtEnd: number;
}

export function ticketSection(config: ReviewConfig, tickets: readonly TicketRecord[], bounds: PeriodBounds): TicketSection {
  const inPeriod = (ms: number | null) => ms !== null && ms >= bounds.startMs && ms < bounds.endMs;
  const created = config.priorities.map((p) => ({
    priority: p.id,
    name: p.name,
    count: tickets.filter((t) => t.priority === p.id && inPeriod(t.createdMs)).length,
  }));
  return {
    created,
    createdTotal: created.reduce((a, c) => a + c.count, 0),
    resolvedTotal: tickets.filter((t) => inPeriod(t.resolvedMs)).length,
    backlogAtEnd: tickets.filter((t) => t.createdMs < bounds.endMs && (t.resolvedMs === null || t.resolvedMs >= bounds.endMs)).length,
  };
}

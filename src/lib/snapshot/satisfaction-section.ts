/**
 * The satisfaction part of a period snapshot: figures (overall, per service, joined to
 * tickets) and the period's comments, masked for personal data before they are stored, so
 * no unmasked comment ever reaches a snapshot, a page or a download.
 */
import type { ReviewConfig } from '../config/config-schema.ts';
import { slaClock } from '../metrics/business-time.ts';
import { maskPersonalData } from '../metrics/mask-personal-data.ts';
import type { PeriodBounds } from '../metrics/periods.ts';
import { type SatisfactionPeriodMetrics, satisfactionPeriodMetrics, type TicketLookup } from '../metrics/satisfaction-period-metrics.ts';
import { ticketSla } from '../metrics/ticket-sla.ts';
import type { SurveyResponse, TicketRecord } from '../model/records.ts';

export interface PublishedComment {
  /** Submission instant, epoch ms. */
  timeMs: number;
  service: string | null;
  ticketId: string | null;
  csat: number | null;
  nps: number | null;
  /** The comment after masking e-mail addresses, phone numbers and long digit runs. */
  text: string;
}

export interface SatisfactionSection extends SatisfactionPeriodMetrics {
  /** The period's comments, masked, oldest first. */
  comments: PublishedComment[];
}

/**
 * Priority, category and resolution outcome as of `asOfMs` of the tickets that the period's
 * responses name (only those: judging every ticket for every period would cost O(tickets × periods)).
 */
export function ticketLookup(
  config: ReviewConfig,
  ticketsById: ReadonlyMap<string, TicketRecord>,
  responses: readonly SurveyResponse[],
  bounds: PeriodBounds,
): TicketLookup {
  const clocks = new Map(config.priorities.map((l) => [l.id, { level: l, clock: slaClock(l, config.calendars) }]));
  const out: Record<string, TicketLookup[string]> = {};
  for (const r of responses) {
    if (r.ticketId === null || r.timeMs < bounds.startMs || r.timeMs >= bounds.endMs || Object.hasOwn(out, r.ticketId)) continue;
    const t = ticketsById.get(r.ticketId);
    if (!t) continue;
    const c = clocks.get(t.priority);
    const resolutionOutcome = c ? ticketSla(t, c.level, c.clock, bounds.endMs).resolution.outcome : null;
    out[t.id] = { priority: t.priority, category: t.category, resolutionOutcome };
  }
  return out;
}

export function satisfactionSection(
  config: ReviewConfig,
  responses: readonly SurveyResponse[],
  lookup: TicketLookup,
  bounds: PeriodBounds,
): SatisfactionSection {
  const figures = satisfactionPeriodMetrics(responses, lookup, {
    bounds,
    csatScale: config.surveys.csat,
    cesScale: config.surveys.ces,
    lowSampleBelow: config.review.lowSampleBelow,
  });
  const comments = responses
    .filter((r) => r.comment !== null && r.timeMs >= bounds.startMs && r.timeMs < bounds.endMs)
    .map((r) => ({
      timeMs: r.timeMs,
      service: r.service,
      ticketId: r.ticketId,
      csat: r.csat,
      nps: r.nps,
      text: maskPersonalData(r.comment as string),
    }));
  return { ...figures, comments };
}

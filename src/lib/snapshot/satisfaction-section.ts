/**
 * The satisfaction part of a period snapshot: figures (overall, per service, joined to
 * tickets) and the period's comments, masked for personal data before they are stored, so
 * no unmasked comment ever reaches a snapshot, a page or a download.
 */
import type { ReviewConfig } from '../config/config-schema.ts';
import { slaClock } from '../metrics/business-time.ts';
import { maskPersonalData } from '../metrics/mask-personal-data.ts';
import {
  type SatisfactionPeriodMetrics,
  satisfactionPeriodMetrics,
  type TicketJoinInfo,
  type TicketLookup,
} from '../metrics/satisfaction-period-metrics.ts';
import { responsesInPeriod } from '../metrics/satisfaction-responses-in-period.ts';
import { levelTargetSeconds, slaTargetOutcome } from '../metrics/ticket-sla.ts';
import type { SurveyResponse, TicketRecord } from '../model/records.ts';
import type { PeriodBounds } from '../time/periods.ts';

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

// Per response array and ticket map (both fixed for a build): the ticket each response names, by position.
const responseTickets = new WeakMap<
  readonly SurveyResponse[],
  WeakMap<ReadonlyMap<string, TicketRecord>, Array<TicketRecord | undefined>>
>();

/** The ticket each response names (undefined: none, or not in the map), by position; cached per response array and map. */
function ticketsOfResponses(
  responses: readonly SurveyResponse[],
  ticketsById: ReadonlyMap<string, TicketRecord>,
): Array<TicketRecord | undefined> {
  let byMap = responseTickets.get(responses);
  if (!byMap) responseTickets.set(responses, (byMap = new WeakMap()));
  let found = byMap.get(ticketsById);
  if (!found) {
    found = responses.map((r) => (r.ticketId === null ? undefined : ticketsById.get(r.ticketId)));
    byMap.set(ticketsById, found);
  }
  return found;
}

/**
 * Priority, category and resolution outcome as of `asOfMs` of the tickets that the period's
 * responses name (only those: judging every ticket for every period would cost O(tickets × periods)).
 * The period's responses are found by `responsesInPeriod`; each level's targets are read once,
 * and only the resolution outcome is judged (`slaTargetOutcome`, as `ticketSla` does for it).
 */
export function ticketLookup(
  config: ReviewConfig,
  ticketsById: ReadonlyMap<string, TicketRecord>,
  responses: readonly SurveyResponse[],
  bounds: PeriodBounds,
): TicketLookup {
  const clocks = new Map(config.priorities.map((l) => [l.id, { level: l, clock: slaClock(l, config.calendars) }]));
  // Per level, on first use (a level's targets are read when a response names one of its tickets): its resolution target.
  const resolutionSeconds = new Map<string, number>();
  const out = new Map<string, TicketJoinInfo>();
  const infos = new Map<string, Map<string | null, Map<TicketJoinInfo['resolutionOutcome'], TicketJoinInfo>>>();
  const inPeriod = responsesInPeriod(responses, bounds);
  // The period's responses are usually a run of the array (responses in time order): their
  // tickets are then read by position from those found once for the whole array.
  const all = ticketsOfResponses(responses, ticketsById);
  let at = inPeriod.length > 0 ? responses.indexOf(inPeriod[0] as SurveyResponse) : -1;
  for (let k = 0; at >= 0 && k < inPeriod.length; k++) if (responses[at + k] !== inPeriod[k]) at = -1;
  for (let k = 0; k < inPeriod.length; k++) {
    const r = inPeriod[k] as SurveyResponse;
    // A ticket named twice gets the same entry again (it depends on the ticket and the end only).
    if (r.ticketId === null) continue;
    const t = at >= 0 ? all[at + k] : ticketsById.get(r.ticketId);
    if (!t) continue;
    let resolutionOutcome: 'met' | 'breached' | 'pending' | null = null;
    const c = clocks.get(t.priority);
    if (c) {
      let seconds = resolutionSeconds.get(t.priority);
      if (seconds === undefined) resolutionSeconds.set(t.priority, (seconds = levelTargetSeconds(c.level).resolutionSeconds));
      resolutionOutcome = slaTargetOutcome(t.createdMs, t.resolvedMs, seconds, c.clock, bounds.endMs).outcome;
    }
    // Keyed by the response's own id string (equal to t.id), which the figures look up again; the
    // few distinct (priority, category, outcome) values are shared, not made once per ticket.
    let byCategory = infos.get(t.priority);
    if (!byCategory) infos.set(t.priority, (byCategory = new Map()));
    let byOutcome = byCategory.get(t.category);
    if (!byOutcome) byCategory.set(t.category, (byOutcome = new Map()));
    let info = byOutcome.get(resolutionOutcome);
    if (!info) byOutcome.set(resolutionOutcome, (info = Object.freeze({ priority: t.priority, category: t.category, resolutionOutcome })));
    out.set(r.ticketId, info);
  }
  return out;
}

// Comments repeat (the same text in every period that holds it, and common replies): mask each distinct text once per response array.
const maskedComments = new WeakMap<readonly SurveyResponse[], Map<string, string>>();

/** A comment masked, through the cache of its response array. */
function masked(responses: readonly SurveyResponse[], text: string): string {
  let cache = maskedComments.get(responses);
  if (!cache) maskedComments.set(responses, (cache = new Map()));
  let m = cache.get(text);
  if (m === undefined) cache.set(text, (m = maskPersonalData(text)));
  return m;
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
  const comments: PublishedComment[] = [];
  for (const r of responsesInPeriod(responses, bounds))
    if (r.comment !== null)
      comments.push({
        timeMs: r.timeMs,
        service: r.service,
        ticketId: r.ticketId,
        csat: r.csat,
        nps: r.nps,
        text: masked(responses, r.comment),
      });
  return { ...figures, comments };
}

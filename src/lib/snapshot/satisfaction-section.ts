/**
 * The satisfaction part of a period snapshot: figures (overall, per service, joined to
 * tickets) and the period's comments. Every exported text in it is masked for personal data
 * before it is stored (comments, categories, and ticket references: as ids when they name a
 * ticket of the exports, as free text when they name none), so none reaches a snapshot, a page
 * or a download unmasked.
 */

import {
  type ResponseTicketJoin,
  type SatisfactionPeriodMetrics,
  satisfactionPeriodMetrics,
  type TicketJoinInfo,
  type UnjoinedTicket,
} from '../metrics/satisfaction-period-metrics.ts';
import { periodRange, prepareResponses, type ResponseTable } from '../metrics/satisfaction-responses-in-period.ts';
import type { TicketTable } from '../metrics/ticket-period-metrics.ts';
import { slaTargetOutcome } from '../metrics/ticket-sla.ts';
import type { SurveyResponse, TicketRecord } from '../model/records.ts';
import type { ReviewRules } from '../model/rules.ts';
import type { PeriodBounds } from '../time/periods.ts';
import { maskIdentifier, maskPersonalDataMemo } from '../util/mask-personal-data.ts';
import { surveyTicketJoin, ticketsById } from './tickets-by-id.ts';

export interface PublishedComment {
  /** Submission instant, epoch ms. */
  timeMs: number;
  service: string | null;
  /** The ticket the response names: masked as an id when it is a ticket of the exports, else as free text. */
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

/** What every period's satisfaction section reads, prepared once per build ({@link prepareSatisfaction}). */
export interface SatisfactionInputs {
  /** The responses in time order. */
  responses: ResponseTable;
  /**
   * The ticket each response names, by position in `responses` (undefined: none; notAmong: only
   * ticket sources its survey source does not list have it; ambiguous: several of them have the id; surveyTicketJoin).
   */
  ticketOfResponse: ReadonlyArray<TicketRecord | UnjoinedTicket | undefined>;
  /** The tickets, for their clocks. */
  tickets: TicketTable;
  /** Masks a free text, each distinct one once (comments recur in quarters, years and common replies; categories everywhere). */
  maskText: (text: string) => string;
}

/**
 * @param responses every survey response (any order)
 * @param tickets every ticket, prepared (`prepareTickets`)
 * @param byId the tickets by id, when the caller has them already ({@link ticketsById}: a map of a million tickets takes half a second)
 * @param ticketSourcesOf survey source id → the ticket sources its ticket ids name (the config's ticketSources; surveyTicketSources)
 */
export function prepareSatisfaction(
  responses: readonly SurveyResponse[],
  tickets: TicketTable,
  byId: ReadonlyMap<string, TicketRecord> = ticketsById(tickets.tickets),
  ticketSourcesOf: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
): SatisfactionInputs {
  const table = prepareResponses(responses);
  const join = surveyTicketJoin(tickets.tickets, byId, ticketSourcesOf);
  return {
    responses: table,
    ticketOfResponse: table.responses.map(join),
    tickets,
    maskText: maskPersonalDataMemo(),
  };
}

/**
 * Priority, category and resolution outcome as of the period's end of the tickets that the
 * period's responses name (only those: judging every ticket for every period would cost
 * O(tickets × periods)), per response: two responses of one id may name tickets of two sources.
 * Only the resolution outcome is judged (`slaTargetOutcome`).
 */
export function ticketLookup(
  inputs: SatisfactionInputs,
  rules: ReviewRules,
  bounds: PeriodBounds,
  horizons: ReadonlyMap<string, number> = new Map(),
): ResponseTicketJoin {
  const levels = new Map(rules.priorities.map((l) => [l.id, l]));
  const out = new Map<SurveyResponse, TicketJoinInfo | UnjoinedTicket>();
  // The few distinct (priority, category, outcome) values are shared, not made once per ticket.
  const infos = new Map<string, TicketJoinInfo>();
  const [from, to] = periodRange(inputs.responses, bounds);
  for (let k = from; k < to; k++) {
    const r = inputs.responses.responses[k] as SurveyResponse;
    const t = inputs.ticketOfResponse[k];
    if (r.ticketId === null || !t) continue;
    if ('ambiguous' in t || 'notAmong' in t) {
      out.set(r, t);
      continue;
    }
    const level = levels.get(t.priority);
    const resolutionOutcome = level
      ? slaTargetOutcome(
          t.createdMs,
          t.resolvedMs,
          level.resolutionSeconds,
          inputs.tickets.clockOf(level.clock),
          // As of the period's end, or the ticket source's data horizon when earlier (as the ticket figures are).
          Math.min(bounds.endMs, horizons.get(t.source) ?? Number.POSITIVE_INFINITY),
        ).outcome
      : null;
    const key = JSON.stringify([t.priority, t.category, resolutionOutcome]);
    let info = infos.get(key);
    if (!info) infos.set(key, (info = Object.freeze({ priority: t.priority, category: t.category, resolutionOutcome })));
    out.set(r, info);
  }
  return (r) => out.get(r);
}

export function satisfactionSection(
  inputs: SatisfactionInputs,
  rules: ReviewRules,
  bounds: PeriodBounds,
  horizons: ReadonlyMap<string, number> = new Map(),
): SatisfactionSection {
  const figures = satisfactionPeriodMetrics(inputs.responses, ticketLookup(inputs, rules, bounds, horizons), {
    bounds,
    csatScale: rules.surveys.csat,
    cesScale: rules.surveys.ces,
    lowSampleBelow: rules.lowSampleBelow,
  });
  const { maskText } = inputs;
  const comments: PublishedComment[] = [];
  const [from, to] = periodRange(inputs.responses, bounds);
  for (let k = from; k < to; k++) {
    const r = inputs.responses.responses[k] as SurveyResponse;
    if (r.comment === null) continue;
    // An ambiguous id, or one only other ticket sources have, names tickets of the exports too: an id, masked as one.
    const ticketId = r.ticketId === null ? null : inputs.ticketOfResponse[k] ? maskIdentifier(r.ticketId) : maskText(r.ticketId);
    comments.push({ timeMs: r.timeMs, service: r.service, ticketId, csat: r.csat, nps: r.nps, text: maskText(r.comment) });
  }
  return {
    ...figures,
    byCategory: figures.byCategory.map((c) => (c.category === null ? c : { ...c, category: maskText(c.category) })),
    // Ids that match no ticket: text a respondent or a survey tool wrote, masked as such.
    ticketJoin: {
      ...figures.ticketJoin,
      unmatchedTicketIds: figures.ticketJoin.unmatchedTicketIds.map(maskText),
      // Ids of tickets of the exports, masked as ids; the sources are the config's ids.
      ...(figures.ticketJoin.outsideTicketSourcesTickets
        ? {
            outsideTicketSourcesTickets: figures.ticketJoin.outsideTicketSourcesTickets.map((a) => ({
              ...a,
              ticketId: maskIdentifier(a.ticketId),
            })),
          }
        : {}),
      ...(figures.ticketJoin.ambiguousTickets
        ? { ambiguousTickets: figures.ticketJoin.ambiguousTickets.map((a) => ({ ...a, ticketId: maskIdentifier(a.ticketId) })) }
        : {}),
    },
    comments,
  };
}

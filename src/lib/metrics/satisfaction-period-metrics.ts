/**
 * Satisfaction figures for one review period: overall, per service, and joined to tickets
 * (per priority, per category, per resolution-SLA outcome).
 */
import type { SurveyResponse } from '../model/records.ts';
import type { PeriodBounds } from '../time/periods.ts';
import { type CesResult, type CesScale, ces, DEFAULT_CES_SCALE } from './ces.ts';
import { type CsatResult, type CsatScale, csat, DEFAULT_CSAT_SCALE, DEFAULT_LOW_SAMPLE_BELOW } from './csat.ts';
import { type NpsResult, nps } from './nps.ts';
import { type ResponseTable, responsesInPeriod } from './satisfaction-responses-in-period.ts';

/** What a response needs to know about the ticket it names. */
export interface TicketJoinInfo {
  /** Configured priority level id of the ticket. */
  priority: string;
  /** Ticket category as exported, null when none. */
  category: string | null;
  /** The ticket's resolution-SLA outcome as the caller knows it; null when it has none (e.g. no target). */
  resolutionOutcome: 'met' | 'breached' | 'pending' | null;
}

/** A response whose ticket id several ticket sources have (desk's 1001 and jira's 1001): joined to none. */
export interface AmbiguousTicket {
  /** The ticket sources that each have a ticket of the id. */
  ambiguous: string[];
}

/**
 * A response whose ticket id only ticket sources its survey source does not list have (with
 * `ticketSources: jira`, desk's 2002): joined to none, and not "a ticket not in the exports".
 */
export interface OutsideTicketSources {
  /** The ticket sources its survey source lists, none of which has a ticket of the id. */
  notAmong: string[];
}

/** How a response's ticket id failed to name one ticket: several sources have it, or only sources its survey source does not list. */
export type UnjoinedTicket = AmbiguousTicket | OutsideTicketSources;

/** The ticket a response names, decided per response (its survey source may name its ticket sources). */
export type ResponseTicketJoin = (response: SurveyResponse) => TicketJoinInfo | UnjoinedTicket | undefined;

/**
 * Ticket id → join info: a Map, or a plain object looked up with own-property checks only, so
 * ids like "constructor" are safe; or a function of the response ({@link ResponseTicketJoin}).
 */
export type TicketLookup = ReadonlyMap<string, TicketJoinInfo> | Readonly<Record<string, TicketJoinInfo>> | ResponseTicketJoin;

/** The three figures over one set of responses. */
export interface SatisfactionFigures {
  /** Responses in the set (each may answer any of the three questions). */
  responses: number;
  csat: CsatResult;
  nps: NpsResult;
  ces: CesResult;
}

export interface SatisfactionPeriodOptions {
  /** The period: responses with startMs ≤ timeMs < endMs belong to it. */
  bounds: PeriodBounds;
  /** CSAT scale (default 1–5, satisfied ≥ 4). */
  csatScale?: CsatScale;
  /** CES scale (default 1–7). */
  cesScale?: CesScale;
  /** Figures with n below this are flagged low-sample (default 30). */
  lowSampleBelow?: number;
}

export interface TicketJoinSummary {
  /** Responses in the period that name no ticket. */
  withoutTicketId: number;
  /** Responses in the period that name a ticket. */
  withTicketId: number;
  /** Of those, responses whose ticket id is in the lookup. */
  matched: number;
  /** Of those, responses whose ticket id no ticket source has (still counted in overall and per service). */
  unmatched: number;
  /** The distinct ticket ids that matched nothing, sorted by UTF-16 code unit. */
  unmatchedTicketIds: string[];
  /** Of those, responses whose ticket id only ticket sources their survey source does not list have (counted like unmatched ones); absent when none. */
  outsideTicketSources?: number;
  /** Their distinct ticket ids with the survey source's ticket sources, sorted by id then sources; absent when none. */
  outsideTicketSourcesTickets?: Array<{ ticketId: string; ticketSources: string[] }>;
  /** Of those, responses whose ticket id several ticket sources have (counted like unmatched ones); absent when none. */
  ambiguous?: number;
  /** Their distinct ticket ids with the sources that have each, sorted by id then sources; absent when none. */
  ambiguousTickets?: Array<{ ticketId: string; sources: string[] }>;
}

export interface SatisfactionPeriodMetrics {
  /** The bounds the responses were cut by. */
  startMs: number;
  endMs: number;
  /** Every response in the period. */
  overall: SatisfactionFigures;
  /** Per service id, sorted by id; responses naming no service under `service: null`, last. */
  byService: Array<{ service: string | null } & SatisfactionFigures>;
  /** Per priority of the joined ticket, sorted by priority id. Only matched responses. */
  byPriority: Array<{ priority: string } & SatisfactionFigures>;
  /** Per category of the joined ticket, sorted; tickets without a category under `category: null`, last. Only matched responses. */
  byCategory: Array<{ category: string | null } & SatisfactionFigures>;
  /** Per resolution-SLA outcome of the joined ticket; `unknown` holds tickets whose outcome is null. Only matched responses. */
  byResolutionOutcome: {
    met: SatisfactionFigures;
    breached: SatisfactionFigures;
    pending: SatisfactionFigures;
    unknown: SatisfactionFigures;
  };
  /** How the responses joined to tickets. */
  ticketJoin: TicketJoinSummary;
}

interface Matched {
  response: SurveyResponse;
  ticket: TicketJoinInfo;
}

type FiguresOptions = Required<Omit<SatisfactionPeriodOptions, 'bounds'>>;

function figures(responses: readonly SurveyResponse[], o: FiguresOptions): SatisfactionFigures {
  // The three answers of every response, in one pass.
  const csatScores: Array<number | null> = [];
  const npsScores: Array<number | null> = [];
  const cesScores: Array<number | null> = [];
  for (const r of responses) {
    csatScores.push(r.csat);
    npsScores.push(r.nps);
    cesScores.push(r.ces);
  }
  return {
    responses: responses.length,
    csat: csat(csatScores, { scale: o.csatScale, lowSampleBelow: o.lowSampleBelow }),
    nps: nps(npsScores, { lowSampleBelow: o.lowSampleBelow }),
    ces: ces(cesScores, { scale: o.cesScale, lowSampleBelow: o.lowSampleBelow }),
  };
}

/** Code-unit order, null last: independent of the machine's locale and ICU data. */
function compareKeys(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

function groupBy<T, K extends string | null>(items: readonly T[], keyOf: (item: T) => K): Array<[K, T[]]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = keyOf(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return [...groups].sort(([a], [b]) => compareKeys(a, b));
}

/**
 * Satisfaction figures (CSAT, NPS, CES, each with n and a low-sample flag) for one period.
 *
 * Definition (spec "Satisfaction"): a response belongs to the period of its submission time.
 * Responses that name a ticket join that ticket: figures by the ticket's priority, its
 * category, and its resolution-SLA outcome (met against breached). A ticket id that matches no
 * ticket is counted and reported, not dropped.
 *
 * Method: the caller prepares all responses once (`prepareResponses`) and passes the period's
 * bounds; this function takes those with startMs ≤ timeMs < endMs (half-open, like every
 * period; `responsesInPeriod`). Figures
 * are computed per set with `csat`, `nps` and `ces`. A response whose ticket id is not in
 * `tickets` stays in the overall and per-service figures, is left out of the ticket views, and
 * is counted in `ticketJoin.unmatched` with its ticket id listed; one whose ticket is ambiguous (a
 * function lookup says so: several ticket sources have the id) is treated the same way and counted in
 * `ticketJoin.ambiguous` with its id and those sources; one whose ticket is only in ticket sources its
 * survey source does not list likewise, in `ticketJoin.outsideTicketSources`. Ticket ids match exactly (case and spaces
 * included); normalising ids is ingestion's job. Every list is sorted by key in code-unit order
 * (null last), so the result is the same for any input order.
 *
 * @param responses every survey response, prepared once (`prepareResponses`); those outside the period are ignored
 * @param tickets ticket id → priority, category and resolution outcome (a Map or a plain object)
 * @param options period bounds, scales (defaults 1–5 ≥ 4 and 1–7), low-sample threshold (default 30)
 * @returns plain-object figures for the period (JSON-safe)
 * @example
 * const r = satisfactionPeriodMetrics(
 *   prepareResponses([{ id: 'r1', timeMs: 10, service: 'web', ticketId: 'T1', csat: 5, nps: 10, ces: null, comment: null },
 *    { id: 'r2', timeMs: 20, service: 'web', ticketId: 'T9', csat: 2, nps: 3, ces: null, comment: null }]),
 *   { T1: { priority: 'p1', category: 'Login', resolutionOutcome: 'met' } },
 *   { bounds: { startMs: 0, endMs: 100 } },
 * );
 * r.overall.csat.share // 0.5
 * r.byResolutionOutcome.met.nps.score // 100
 * r.ticketJoin // { withoutTicketId: 0, withTicketId: 2, matched: 1, unmatched: 1, unmatchedTicketIds: ['T9'] }
 */
export function satisfactionPeriodMetrics(
  responses: ResponseTable,
  tickets: TicketLookup,
  options: SatisfactionPeriodOptions,
): SatisfactionPeriodMetrics {
  const { startMs, endMs } = options.bounds;
  const o: FiguresOptions = {
    csatScale: options.csatScale ?? DEFAULT_CSAT_SCALE,
    cesScale: options.cesScale ?? DEFAULT_CES_SCALE,
    lowSampleBelow: options.lowSampleBelow ?? DEFAULT_LOW_SAMPLE_BELOW,
  };
  const inPeriod = responsesInPeriod(responses, options.bounds);
  // A map has get and has methods; a plain object's own values are join infos, never functions.
  const asMap = tickets as Partial<ReadonlyMap<string, TicketJoinInfo>>;
  const joinOf: (r: SurveyResponse & { ticketId: string }) => TicketJoinInfo | UnjoinedTicket | undefined =
    typeof tickets === 'function'
      ? tickets
      : typeof asMap.get === 'function' && typeof asMap.has === 'function'
        ? (r) => (asMap as ReadonlyMap<string, TicketJoinInfo>).get(r.ticketId)
        : (r) => (Object.hasOwn(tickets, r.ticketId) ? (tickets as Readonly<Record<string, TicketJoinInfo>>)[r.ticketId] : undefined);

  const matched: Matched[] = [];
  const unmatchedIds = new Set<string>();
  // JSON of [id, sources] → the entry, so an id ambiguous the same way is listed once.
  const ambiguousIds = new Map<string, { ticketId: string; sources: string[] }>();
  let withoutTicketId = 0;
  let unmatched = 0;
  let ambiguous = 0;
  const outsideIds = new Map<string, { ticketId: string; ticketSources: string[] }>();
  let outside = 0;
  for (const r of inPeriod) {
    if (r.ticketId === null) {
      withoutTicketId++;
      continue;
    }
    const ticket = joinOf(r as SurveyResponse & { ticketId: string });
    if (ticket === undefined) {
      unmatched++;
      unmatchedIds.add(r.ticketId);
    } else if ('ambiguous' in ticket) {
      ambiguous++;
      const key = JSON.stringify([r.ticketId, ticket.ambiguous]);
      if (!ambiguousIds.has(key)) ambiguousIds.set(key, { ticketId: r.ticketId, sources: [...ticket.ambiguous] });
    } else if ('notAmong' in ticket) {
      outside++;
      const key = JSON.stringify([r.ticketId, ticket.notAmong]);
      if (!outsideIds.has(key)) outsideIds.set(key, { ticketId: r.ticketId, ticketSources: [...ticket.notAmong] });
    } else matched.push({ response: r, ticket });
  }

  const responsesOf = (list: readonly Matched[]) => list.map((m) => m.response);
  // The matched responses per resolution outcome, in one pass.
  const byOutcome = {
    met: [] as SurveyResponse[],
    breached: [] as SurveyResponse[],
    pending: [] as SurveyResponse[],
    unknown: [] as SurveyResponse[],
  };
  for (const m of matched) {
    const w = m.ticket.resolutionOutcome;
    const list =
      w === 'met'
        ? byOutcome.met
        : w === 'breached'
          ? byOutcome.breached
          : w === 'pending'
            ? byOutcome.pending
            : w === null
              ? byOutcome.unknown
              : null;
    list?.push(m.response);
  }
  const outcome = (which: keyof typeof byOutcome) => figures(byOutcome[which], o);

  return {
    startMs,
    endMs,
    overall: figures(inPeriod, o),
    byService: groupBy(inPeriod, (r) => r.service).map(([service, list]) => ({ service, ...figures(list, o) })),
    byPriority: groupBy(matched, (m) => m.ticket.priority).map(([priority, list]) => ({ priority, ...figures(responsesOf(list), o) })),
    byCategory: groupBy(matched, (m) => m.ticket.category).map(([category, list]) => ({ category, ...figures(responsesOf(list), o) })),
    byResolutionOutcome: { met: outcome('met'), breached: outcome('breached'), pending: outcome('pending'), unknown: outcome('unknown') },
    ticketJoin: {
      withoutTicketId,
      withTicketId: inPeriod.length - withoutTicketId,
      matched: matched.length,
      unmatched,
      unmatchedTicketIds: [...unmatchedIds].sort(compareKeys),
      ...(outside > 0
        ? {
            outsideTicketSources: outside,
            outsideTicketSourcesTickets: [...outsideIds].sort(([a], [b]) => compareKeys(a, b)).map(([, entry]) => entry),
          }
        : {}),
      ...(ambiguous > 0
        ? { ambiguous, ambiguousTickets: [...ambiguousIds].sort(([a], [b]) => compareKeys(a, b)).map(([, entry]) => entry) }
        : {}),
    },
  };
}

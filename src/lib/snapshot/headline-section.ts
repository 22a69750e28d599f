/**
 * Headline figures of a period with their change against the previous period, and the trend
 * over the last 12 periods: what the home page and the period header show. Computed here,
 * not in the pages, so every page shows the same numbers.
 */

import type { TicketPeriodMetrics } from '../metrics/ticket-period-metrics.ts';
import type { ServiceFigures } from './compute-service-figures.ts';
import type { RecurringSection } from './recurring-section.ts';
import type { SatisfactionSection } from './satisfaction-section.ts';

export interface HeadlineValue {
  value: number | null;
  /** Figures behind it (eligible seconds, tickets judged, responses). */
  n: number;
  /** value − previous period's value; null without one. */
  change: number | null;
  lowSample: boolean;
}

export interface ServiceHeadline {
  id: string;
  name: string;
  availability: HeadlineValue;
  target: number;
  verdict: ServiceFigures['verdict'];
}

export interface TrendPoint {
  period: string;
  /** Availability per service id (null without data). */
  availability: Record<string, number | null>;
  /** Availability target per service id in force that period. */
  targets: Record<string, number>;
  responseAttainment: number | null;
  resolutionAttainment: number | null;
  csat: number | null;
  nps: number | null;
  ticketsCreated: number;
}

export interface HeadlineSection {
  services: ServiceHeadline[];
  responseAttainment: HeadlineValue;
  resolutionAttainment: HeadlineValue;
  csat: HeadlineValue;
  nps: HeadlineValue;
  ces: HeadlineValue;
  ticketsCreated: HeadlineValue;
  backlogAtEnd: HeadlineValue;
  /** Up to 12 periods ending with this one, oldest first. */
  trend: TrendPoint[];
}

/** The parts of a snapshot the headline reads. */
export interface HeadlineInput {
  period: { id: string };
  services: ServiceFigures[];
  tickets: TicketPeriodMetrics;
  satisfaction: SatisfactionSection;
  recurring: RecurringSection;
}

const delta = (now: number | null, before: number | null | undefined) =>
  now === null || before === null || before === undefined ? null : now - before;

export function trendPoint(s: HeadlineInput): TrendPoint {
  return {
    period: s.period.id,
    availability: Object.fromEntries(s.services.map((x) => [x.id, x.availability])),
    targets: Object.fromEntries(s.services.map((x) => [x.id, x.target])),
    responseAttainment: s.tickets.overall.response?.attainment ?? null,
    resolutionAttainment: s.tickets.overall.resolution.attainment,
    csat: s.satisfaction.overall.csat.share,
    nps: s.satisfaction.overall.nps.score,
    ticketsCreated: s.tickets.overall.created,
  };
}

/**
 * @param current this period's figures
 * @param history earlier periods' figures, oldest first (the last one is the previous period)
 */
export function headlineSection(current: HeadlineInput, history: readonly HeadlineInput[]): HeadlineSection {
  const prev = history[history.length - 1] ?? null;
  const prevService = new Map((prev?.services ?? []).map((s) => [s.id, s]));
  const t = current.tickets.overall;
  const pt = prev?.tickets.overall ?? null;
  const sat = current.satisfaction.overall;
  const psat = prev?.satisfaction.overall ?? null;
  const judged = (x: { met: number; breached: number } | null) => (x ? x.met + x.breached : 0);
  return {
    services: current.services.map((s) => ({
      id: s.id,
      name: s.name,
      availability: {
        value: s.availability,
        n: Math.round(s.eligibleMs / 1000),
        change: delta(s.availability, prevService.get(s.id)?.availability),
        lowSample: s.lowCoverage,
      },
      target: s.target,
      verdict: s.verdict,
    })),
    responseAttainment: {
      value: t.response?.attainment ?? null,
      n: judged(t.response),
      change: delta(t.response?.attainment ?? null, pt?.response?.attainment),
      lowSample: false,
    },
    resolutionAttainment: {
      value: t.resolution.attainment,
      n: judged(t.resolution),
      change: delta(t.resolution.attainment, pt?.resolution.attainment),
      lowSample: false,
    },
    csat: { value: sat.csat.share, n: sat.csat.n, change: delta(sat.csat.share, psat?.csat.share), lowSample: sat.csat.lowSample },
    nps: { value: sat.nps.score, n: sat.nps.n, change: delta(sat.nps.score, psat?.nps.score), lowSample: sat.nps.lowSample },
    ces: { value: sat.ces.mean, n: sat.ces.n, change: delta(sat.ces.mean, psat?.ces.mean), lowSample: sat.ces.lowSample },
    ticketsCreated: { value: t.created, n: t.created, change: delta(t.created, pt?.created), lowSample: false },
    backlogAtEnd: { value: t.backlogAtEnd, n: t.backlogAtEnd, change: delta(t.backlogAtEnd, pt?.backlogAtEnd), lowSample: false },
    trend: [...history.slice(-11), current].map(trendPoint),
  };
}

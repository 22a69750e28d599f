/**
 * Headline figures of a period with their change against the previous period, and the trend
 * over the last 12 periods: what the home page and the period header show. Computed here,
 * not in the pages, so every page shows the same numbers.
 */

import { type TargetVerdict, targetVerdict } from '../metrics/target-verdict.ts';
import type { TicketPeriodMetrics } from '../metrics/ticket-period-metrics.ts';
import type { HeadlineTargets } from '../model/rules.ts';
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

/** A headline figure that may have a target: its verdict against it. */
export interface JudgedValue extends HeadlineValue {
  target: number | null;
  /** null without a target. */
  verdict: TargetVerdict | null;
}

/** The figures that take a target (issue #15), with each one's best value (the top of its scale). */
export const JUDGED_FIGURES = { responseAttainment: 1, resolutionAttainment: 1, csat: 1, nps: 100 } as const;
export type JudgedFigure = keyof typeof JUDGED_FIGURES;

export interface VerdictCount {
  met: number;
  atRisk: number;
  breached: number;
  /** Met + at risk + breached. */
  judged: number;
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
  /** Availability verdict per service id. */
  availabilityVerdicts: Record<string, ServiceFigures['verdict']>;
  figureTargets: Record<JudgedFigure, number | null>;
  figureVerdicts: Record<JudgedFigure, TargetVerdict | null>;
}

export interface HeadlineSection {
  services: ServiceHeadline[];
  responseAttainment: JudgedValue;
  resolutionAttainment: JudgedValue;
  csat: JudgedValue;
  nps: JudgedValue;
  ces: HeadlineValue;
  counts: { availability: VerdictCount; figures: VerdictCount };
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
  /** Targets of the headline figures in force for the period. */
  targets: HeadlineTargets;
}

const delta = (now: number | null, before: number | null | undefined) =>
  now === null || before === null || before === undefined ? null : now - before;

/** The headline figures that take a target, as values. */
function judgedValues(s: HeadlineInput): Record<JudgedFigure, number | null> {
  return {
    responseAttainment: s.tickets.overall.response?.attainment ?? null,
    resolutionAttainment: s.tickets.overall.resolution.attainment,
    csat: s.satisfaction.overall.csat.share,
    nps: s.satisfaction.overall.nps.score,
  };
}

/** Each judged figure's verdict against its target (null without a target). */
export function figureVerdicts(s: HeadlineInput): Record<JudgedFigure, TargetVerdict | null> {
  const values = judgedValues(s);
  const out = {} as Record<JudgedFigure, TargetVerdict | null>;
  for (const k of Object.keys(JUDGED_FIGURES) as JudgedFigure[]) {
    const target = s.targets[k];
    out[k] = target === null ? null : targetVerdict(values[k], target, JUDGED_FIGURES[k]);
  }
  return out;
}

/** Verdicts counted; no-data and null (no target) are not counted. */
export function countVerdicts(verdicts: ReadonlyArray<TargetVerdict | null>): VerdictCount {
  const n = (v: TargetVerdict) => verdicts.filter((x) => x === v).length;
  const [met, atRisk, breached] = [n('met'), n('at-risk'), n('breached')];
  return { met, atRisk, breached, judged: met + atRisk + breached };
}

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
    availabilityVerdicts: Object.fromEntries(s.services.map((x) => [x.id, x.verdict])),
    figureTargets: { ...s.targets },
    figureVerdicts: figureVerdicts(s),
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
  const verdicts = figureVerdicts(current);
  const judge = (k: JudgedFigure, v: HeadlineValue): JudgedValue => ({ ...v, target: current.targets[k], verdict: verdicts[k] });
  // Cards and charts only for services with checks in the period: a service has what its data has (issue #15).
  const withChecks = current.services.filter((s) => s.checks > 0);
  return {
    services: withChecks.map((s) => ({
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
    responseAttainment: judge('responseAttainment', {
      value: t.response?.attainment ?? null,
      n: judged(t.response),
      change: delta(t.response?.attainment ?? null, pt?.response?.attainment),
      lowSample: false,
    }),
    resolutionAttainment: judge('resolutionAttainment', {
      value: t.resolution.attainment,
      n: judged(t.resolution),
      change: delta(t.resolution.attainment, pt?.resolution.attainment),
      lowSample: false,
    }),
    csat: judge('csat', {
      value: sat.csat.share,
      n: sat.csat.n,
      change: delta(sat.csat.share, psat?.csat.share),
      lowSample: sat.csat.lowSample,
    }),
    nps: judge('nps', { value: sat.nps.score, n: sat.nps.n, change: delta(sat.nps.score, psat?.nps.score), lowSample: sat.nps.lowSample }),
    ces: { value: sat.ces.mean, n: sat.ces.n, change: delta(sat.ces.mean, psat?.ces.mean), lowSample: sat.ces.lowSample },
    ticketsCreated: { value: t.created, n: t.created, change: delta(t.created, pt?.created), lowSample: false },
    backlogAtEnd: { value: t.backlogAtEnd, n: t.backlogAtEnd, change: delta(t.backlogAtEnd, pt?.backlogAtEnd), lowSample: false },
    counts: { availability: countVerdicts(withChecks.map((s) => s.verdict)), figures: countVerdicts(Object.values(verdicts)) },
    trend: [...history.slice(-11), current].map(trendPoint),
  };
}

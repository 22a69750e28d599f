/**
 * The chart payloads of a run of headline figures: the home page's trend (the last 12 months)
 * and a quarter's or year's month by month draw the same three charts from the same points.
 * Nothing is computed: the points' figures are only arranged as series.
 */

import type { SeriesPayload } from '../../scripts/chart-specs.ts';
import { formatNumber, formatPercent } from '../format/format.ts';
import type { PeriodSnapshot } from '../snapshot/build-snapshots.ts';
import { formatMonthCached } from './format-cached.ts';

type Point = PeriodSnapshot['headline']['trend'][number];

export interface TrendCharts {
  availability: Array<{ title: string; label: string; chart: SeriesPayload }>;
  tickets: SeriesPayload;
  csat: SeriesPayload;
  nps: SeriesPayload;
  /** Charts only for figures the review has data for (no empty charts). */
  hasTickets: boolean;
  hasSurveys: boolean;
}

/** A target drawn on a chart: the one in force for the period shown, as for availability. */
const reference = (label: string, value: number | null, text: string) =>
  value === null ? undefined : { label: `${label} target ${text}`, value };

/**
 * @param snap the snapshot whose services (with their current targets) the charts show
 * @param points the figures, one point per period, oldest first
 */
export function trendCharts(snap: PeriodSnapshot, points: readonly Point[]): TrendCharts {
  const labels = points.map((p) => formatMonthCached(p.period));
  const h = snap.headline;
  const line = (
    label: string,
    values: Array<number | null>,
    unit: 'ratio' | 'score',
    target: number | null,
    text: string,
  ): SeriesPayload => {
    const ref = reference(label, target, text);
    return { kind: 'lines', labels, series: [{ label, values }], unit, ...(ref ? { reference: ref } : {}) };
  };
  const ticketRef = reference('Resolution', h.resolutionAttainment.target, formatPercent(h.resolutionAttainment.target, 1));
  return {
    availability: snap.headline.services.map((s) => ({
      title: s.name,
      label: `Line chart of ${s.name} availability per month against its ${formatPercent(s.target, 2)} target`,
      chart: {
        kind: 'lines',
        labels,
        series: [{ label: 'Availability', values: points.map((p) => p.availability[s.id] ?? null) }],
        unit: 'ratio',
        reference: { label: `Target ${formatPercent(s.target, 2)}`, value: s.target },
        zoom: true,
      },
    })),
    tickets: {
      kind: 'lines',
      labels,
      series: [
        { label: 'Resolution SLA met', values: points.map((p) => p.resolutionAttainment) },
        { label: 'First-response SLA met', values: points.map((p) => p.responseAttainment) },
      ],
      unit: 'ratio',
      ...(ticketRef ? { reference: ticketRef } : {}),
    },
    csat: line(
      'CSAT',
      points.map((p) => p.csat),
      'ratio',
      h.csat.target,
      formatPercent(h.csat.target, 1),
    ),
    nps: line(
      'NPS',
      points.map((p) => p.nps),
      'score',
      h.nps.target,
      formatNumber(h.nps.target, 0),
    ),
    hasTickets: points.some((p) => p.resolutionAttainment !== null || p.ticketsCreated > 0),
    hasSurveys: points.some((p) => p.csat !== null || p.nps !== null),
  };
}

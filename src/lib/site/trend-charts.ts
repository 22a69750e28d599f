/**
 * The chart payloads of a run of headline figures: the home page's trend (the last 12 months)
 * and a quarter's or year's month by month draw the same three charts from the same points.
 * Nothing is computed: the points' figures are only arranged as series.
 */

import type { SeriesPayload } from '../../scripts/chart-specs.ts';
import { formatPercent } from '../format/format.ts';
import type { PeriodSnapshot } from '../snapshot/build-snapshots.ts';
import { formatMonthCached } from './format-cached.ts';

type Point = PeriodSnapshot['headline']['trend'][number];

export interface TrendCharts {
  availability: Array<{ title: string; label: string; chart: SeriesPayload }>;
  tickets: SeriesPayload;
  csat: SeriesPayload;
  nps: SeriesPayload;
}

/**
 * @param snap the snapshot whose services (with their current targets) the charts show
 * @param points the figures, one point per period, oldest first
 */
export function trendCharts(snap: PeriodSnapshot, points: readonly Point[]): TrendCharts {
  const labels = points.map((p) => formatMonthCached(p.period));
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
    },
    csat: { kind: 'lines', labels, series: [{ label: 'CSAT', values: points.map((p) => p.csat) }], unit: 'ratio' },
    nps: { kind: 'lines', labels, series: [{ label: 'NPS', values: points.map((p) => p.nps) }], unit: 'score' },
  };
}

/**
 * The chart payloads of a run of headline figures: the home page's trend (the last 12 months)
 * and a quarter's or year's month by month draw the same three charts from the same points.
 * Nothing is computed: the points' figures are only arranged as series, with the labels and
 * number formats of the page's language (issue #16).
 */

import type { ChartLanguage, SeriesPayload } from '../../scripts/chart-specs.ts';
import { formatNumber } from '../format/format.ts';
import type { Locale } from '../model/locales.ts';
import type { PeriodSnapshot } from '../snapshot/build-snapshots.ts';
import { formatPeriodCached } from './format-cached.ts';
import { dictionary } from './i18n/dictionaries.ts';
import { formatPercentIn } from './i18n/locale-format.ts';

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

/**
 * What a chart payload carries for its page's language: nothing for English (the chart script's
 * defaults, so English pages keep their bytes), else the locale and the chart words. ChartFigure
 * adds it to every payload, so pages build payloads without it.
 */
export function chartLanguage(locale: Locale): ChartLanguage {
  return locale === 'en' ? {} : { locale, words: dictionary(locale).chartWords };
}

/**
 * @param snap the snapshot whose services (with their current targets) the charts show
 * @param points the figures, one point per period, oldest first
 * @param locale the page's language: labels, period names and number formats
 */
export function trendCharts(snap: PeriodSnapshot, points: readonly Point[], locale: Locale = 'en'): TrendCharts {
  const d = dictionary(locale);
  const t = d.review;
  const pct = (v: number | null, digits: number) => formatPercentIn(v, locale, digits);
  const labels = points.map((p) => formatPeriodCached(p.period, locale));
  const h = snap.headline;
  /** A target drawn on a chart: the one in force for the period shown, as for availability. */
  const reference = (value: number | null, label: (text: string) => string, text: string) =>
    value === null ? {} : { reference: { label: label(text), value } };
  const line = (
    label: string,
    values: Array<number | null>,
    unit: 'ratio' | 'score',
    ref: ReturnType<typeof reference>,
  ): SeriesPayload => ({ kind: 'lines', labels, series: [{ label, values }], unit, ...ref });
  return {
    availability: snap.headline.services.map((s) => ({
      title: s.name,
      label: t.chartAvailability(s.name, pct(s.target, 2)),
      chart: {
        kind: 'lines',
        labels,
        series: [{ label: d.chartWords.availability, values: points.map((p) => p.availability[s.id] ?? null) }],
        unit: 'ratio',
        reference: { label: t.chartTarget(pct(s.target, 2)), value: s.target },
        zoom: true,
      },
    })),
    tickets: {
      kind: 'lines',
      labels,
      series: [
        { label: d.columns.resolutionSlaMet, values: points.map((p) => p.resolutionAttainment) },
        { label: t.firstResponseSlaMet, values: points.map((p) => p.responseAttainment) },
      ],
      unit: 'ratio',
      ...reference(h.resolutionAttainment.target, t.resolutionTarget, pct(h.resolutionAttainment.target, 1)),
    },
    csat: line(
      d.columns.csat,
      points.map((p) => p.csat),
      'ratio',
      reference(h.csat.target, t.csatTarget, pct(h.csat.target, 1)),
    ),
    nps: line(
      d.columns.nps,
      points.map((p) => p.nps),
      'score',
      reference(h.nps.target, t.npsTarget, formatNumber(h.nps.target, 0)),
    ),
    hasTickets: points.some((p) => p.resolutionAttainment !== null || p.ticketsCreated > 0),
    hasSurveys: points.some((p) => p.csat !== null || p.nps !== null),
  };
}

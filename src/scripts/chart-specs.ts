/**
 * Chart.js configurations from the numbers a page passes in a `data-chart` attribute. Pure: the
 * colours and fill patterns come in as a theme, so the same code serves light and dark mode and
 * runs in unit tests without a canvas. Every series differs by more than colour (dash pattern,
 * point shape, fill pattern, or a legend label), and no chart animates.
 */
import type { ChartConfiguration, ChartDataset, TooltipItem } from 'chart.js';
import { formatNumber, withFigureSign } from '../lib/format/format.ts';
import type { Locale } from '../lib/model/locales.ts';
import { chartWordsEn } from '../lib/site/i18n/groups/chart-words.en.ts';
import { formatDateIn, formatDayTickIn, formatMsIn, formatPercentIn } from '../lib/site/i18n/locale-format.ts';
import { slots } from '../lib/site/i18n/slots.ts';

/** The words drawn inside a chart (legend, tooltips, axis titles): the page's dictionary's chartWords. */
export type ChartWords = typeof chartWordsEn;

/**
 * What every payload may carry for the page's language (issue #16): the locale its numbers are
 * formatted in, and the chart words in that language. Both default to English, as before.
 */
export interface ChartLanguage {
  locale?: Locale;
  words?: ChartWords;
}

/** A chart word with its `{0}`, `{1}` filled in. */
function fill(template: string, ...values: string[]): string {
  return slots(template)
    .map((p) => (typeof p === 'number' ? (values[p] ?? '') : p))
    .join('');
}

/** Payloads, as the .astro components write them: the snapshot's numbers, latency in whole milliseconds as the tables show it (msAsShown). */
export interface DailyAvailabilityPayload extends ChartLanguage {
  kind: 'daily-availability';
  service: string;
  dates: string[];
  availability: Array<number | null>;
  target: number;
  noDataMs: number[];
  maintenanceMs: number[];
  dayMs: number[];
}

export interface DailyLatencyPayload extends ChartLanguage {
  kind: 'daily-latency';
  service: string;
  dates: string[];
  p50: Array<number | null>;
  p95: Array<number | null>;
  p99: Array<number | null>;
  thresholdMs: number;
}

export interface SeriesPayload extends ChartLanguage {
  kind: 'lines' | 'bars';
  /** Category labels (months, priorities). */
  labels: string[];
  series: Array<{ label: string; values: Array<number | null> }>;
  /** How values read: ratio → percent, score → plain number. */
  unit: 'ratio' | 'score';
  /** A horizontal reference line (a target), labelled. */
  reference?: { label: string; value: number } | null;
  /** Fix the value axis (e.g. 0–1 for attainment); otherwise it fits the data. */
  min?: number;
  max?: number;
  /** For availability: zoom the axis to the values and the reference. */
  zoom?: boolean;
}

export type ChartPayload = DailyAvailabilityPayload | DailyLatencyPayload | SeriesPayload;

/** What a theme supplies: colours read from CSS custom properties, and fills (colour or pattern). */
export interface ChartTheme {
  fg: string;
  muted: string;
  grid: string;
  /** Series colours, in order (Okabe–Ito, per colour scheme). */
  series: string[];
  met: string;
  breach: string;
  noData: string;
  maintenance: string;
  /** A fill for bars: a plain colour, or a pattern over the colour. */
  fill(colour: string, pattern: 'solid' | 'stripes' | 'crosshatch'): string | CanvasPattern;
}

export type DailyCategory = 'met' | 'below' | 'no-data';

/** A day against the service's target; the day table and the chart both use this. */
export function dayCategory(availability: number | null, target: number): DailyCategory {
  return availability === null ? 'no-data' : availability >= target ? 'met' : 'below';
}

/**
 * How each day's bar is drawn. A day with no eligible time (availability null) is "no data":
 * grey and cross-hatched, never the met colour. Marks above the bars show maintenance (excluded)
 * and days partly without monitoring data.
 */
export function dailyCategories(p: DailyAvailabilityPayload): Array<{ category: DailyCategory; maintenance: boolean; partial: boolean }> {
  return p.dates.map((_, i) => {
    const a = p.availability[i] ?? null;
    return {
      category: dayCategory(a, p.target),
      maintenance: (p.maintenanceMs[i] ?? 0) > 0,
      partial: a !== null && (p.noDataMs[i] ?? 0) > 0,
    };
  });
}

/** A lower bound for a ratio axis that shows the values and the target with some room, on a round step. */
export function zoomedMin(values: ReadonlyArray<number | null>, reference: number | null): number {
  const present = values.filter((v): v is number => v !== null);
  if (reference !== null) present.push(reference);
  if (present.length === 0) return 0;
  const lo = Math.min(...present);
  const span = Math.max(1 - lo, 0.001);
  const step = 10 ** Math.floor(Math.log10(span));
  return Math.max(0, Math.floor((lo - span * 0.25) / step) * step);
}

/** A dashed horizontal line at a target or threshold, drawn as a dataset so it appears in the legend. */
function referenceLine(label: string, value: number, points: number, t: ChartTheme): ChartDataset<'line'> {
  return {
    type: 'line',
    label,
    data: Array.from({ length: points }, () => value),
    borderColor: t.fg,
    borderDash: [6, 4],
    borderWidth: 1.5,
    pointRadius: 0,
    pointHoverRadius: 0,
    pointStyle: 'line',
  } as ChartDataset<'line'>;
}

/** Percent digits that tell ticks apart on an axis from `min` to 1. */
function percentDigits(min: number): number {
  const span = 1 - min;
  if (span >= 0.1) return 0;
  if (span >= 0.01) return 1;
  if (span >= 0.001) return 2;
  return 3;
}

const DASHES: number[][] = [[], [6, 3], [2, 2], [8, 3, 2, 3], [4, 4], [1, 3]];
const POINTS = ['circle', 'rect', 'triangle', 'rectRot', 'crossRot', 'star'] as const;

function baseOptions(t: ChartTheme) {
  return {
    animation: false as const,
    responsive: true,
    maintainAspectRatio: false,
    color: t.fg,
    interaction: { mode: 'index' as const, intersect: false },
    plugins: {
      // Legend in dataset order (bars, target, then marks), whatever the drawing order.
      legend: {
        labels: {
          color: t.fg,
          usePointStyle: true,
          sort: (a: { datasetIndex?: number }, b: { datasetIndex?: number }) => (a.datasetIndex ?? 0) - (b.datasetIndex ?? 0),
        },
      },
      tooltip: {},
    },
  };
}

function axisColours(t: ChartTheme) {
  return { ticks: { color: t.fg }, grid: { color: t.grid }, border: { color: t.muted } };
}

export function dailyAvailabilityConfig(p: DailyAvailabilityPayload, t: ChartTheme): ChartConfiguration<'bar' | 'line'> {
  const cats = dailyCategories(p);
  const min = zoomedMin(p.availability, p.target);
  const top = 1;
  const pick = (c: DailyCategory) => p.availability.map((a, i) => (cats[i]?.category === c ? a : null));
  const digits = percentDigits(min);
  const locale = p.locale ?? 'en';
  const w = p.words ?? chartWordsEn;
  const targetLabel = fill(w.target, formatPercentIn(p.target, locale, 2));
  const bar = (label: string, data: Array<number | null>, colour: string, pattern: 'solid' | 'stripes' | 'crosshatch') =>
    ({
      type: 'bar',
      label,
      data,
      backgroundColor: t.fill(colour, pattern),
      borderColor: colour,
      borderWidth: pattern === 'solid' ? 0 : 1,
      grouped: false,
      order: 2,
    }) as ChartDataset<'bar'>;
  const marks = (label: string, show: boolean[], colour: string, style: 'rectRot' | 'triangle', rotation: number) =>
    ({
      type: 'line',
      label,
      data: show.map((s) => (s ? top : null)),
      showLine: false,
      pointStyle: style,
      rotation,
      pointRadius: 6,
      pointHoverRadius: 7,
      pointBackgroundColor: colour,
      pointBorderColor: t.fg,
      pointBorderWidth: 1,
      borderColor: colour,
      backgroundColor: colour,
      // Marks sit on the top edge of the plot; do not clip them.
      clip: false,
      order: 0,
    }) as ChartDataset<'line'>;
  // A legend entry for each kind of day present (a month with data always shows "Met target").
  const bars = [
    bar(w.metTarget, pick('met'), t.met, 'solid'),
    bar(w.belowTarget, pick('below'), t.breach, 'stripes'),
    bar(
      w.noData,
      cats.map((c) => (c.category === 'no-data' ? top : null)),
      t.noData,
      'crosshatch',
    ),
  ].filter((d, i) => i === 0 || d.data.some((v) => v !== null));
  const datasets: Array<ChartDataset<'bar' | 'line'>> = [
    ...bars,
    { ...referenceLine(targetLabel, p.target, p.dates.length, t), order: 1 } as ChartDataset<'line'>,
  ];
  if (cats.some((c) => c.maintenance)) {
    datasets.push(
      marks(
        w.maintenance,
        cats.map((c) => c.maintenance),
        t.maintenance,
        'rectRot',
        0,
      ),
    );
  }
  if (cats.some((c) => c.partial)) {
    datasets.push(
      marks(
        w.partial,
        cats.map((c) => c.partial),
        t.noData,
        'triangle',
        180,
      ),
    );
  }
  const base = baseOptions(t);
  return {
    type: 'bar',
    data: { labels: p.dates.map((d) => formatDayTickIn(d, locale)), datasets },
    options: {
      ...base,
      layout: { padding: { top: 8 } },
      plugins: {
        ...base.plugins,
        tooltip: {
          callbacks: {
            title: (items: TooltipItem<'bar' | 'line'>[]) => formatDateIn(p.dates[items[0]?.dataIndex ?? 0] ?? '', locale),
            label: (item: TooltipItem<'bar' | 'line'>) => {
              const i = item.dataIndex;
              const label = item.dataset.label ?? '';
              if (label === targetLabel) return label;
              if (label === w.maintenance) return w.maintenanceTip;
              if (label === w.partial) return fill(w.partialTip, formatPercentIn((p.noDataMs[i] ?? 0) / (p.dayMs[i] || 1), locale, 0));
              const a = p.availability[i] ?? null;
              return a === null ? w.noDataTip : fill(w.availabilityTip, formatPercentIn(a, locale), label.toLowerCase());
            },
          },
        },
      },
      scales: {
        x: { ...axisColours(t), title: { display: false } },
        y: {
          ...axisColours(t),
          min,
          max: top,
          ticks: { color: t.fg, callback: (v: string | number) => formatPercentIn(Number(v), locale, digits) },
          title: { display: true, text: w.availability, color: t.fg },
        },
      },
    },
  } as ChartConfiguration<'bar' | 'line'>;
}

export function dailyLatencyConfig(p: DailyLatencyPayload, t: ChartTheme): ChartConfiguration<'line'> {
  const locale = p.locale ?? 'en';
  const w = p.words ?? chartWordsEn;
  const ms = (v: number | null) => formatMsIn(v, locale);
  const line = (label: string, values: Array<number | null>, i: number): ChartDataset<'line'> => ({
    label,
    data: values,
    borderColor: t.series[i % t.series.length],
    backgroundColor: t.series[i % t.series.length],
    borderDash: DASHES[i % DASHES.length],
    pointStyle: POINTS[i % POINTS.length],
    pointRadius: 2.5,
    borderWidth: 2,
    spanGaps: false,
  });
  const base = baseOptions(t);
  return {
    type: 'line',
    data: {
      labels: p.dates.map((d) => formatDayTickIn(d, locale)),
      datasets: [
        line('p50', p.p50, 0),
        line('p95', p.p95, 1),
        line('p99', p.p99, 2),
        referenceLine(fill(w.threshold, ms(p.thresholdMs)), p.thresholdMs, p.dates.length, t),
      ],
    },
    options: {
      ...base,
      plugins: {
        ...base.plugins,
        tooltip: {
          callbacks: {
            title: (items: TooltipItem<'line'>[]) => formatDateIn(p.dates[items[0]?.dataIndex ?? 0] ?? '', locale),
            label: (item: TooltipItem<'line'>) => fill(w.valueTip, item.dataset.label ?? '', ms(item.parsed.y ?? null)),
          },
        },
      },
      scales: {
        x: axisColours(t),
        y: {
          ...axisColours(t),
          beginAtZero: true,
          ticks: { color: t.fg, callback: (v: string | number) => ms(Number(v)) },
          title: { display: true, text: w.latency, color: t.fg },
        },
      },
    },
  } as ChartConfiguration<'line'>;
}

export function seriesConfig(p: SeriesPayload, t: ChartTheme): ChartConfiguration<'line' | 'bar'> {
  const all = p.series.flatMap((s) => s.values);
  const min = p.min ?? (p.zoom ? zoomedMin(all, p.reference?.value ?? null) : undefined);
  const digits = p.unit === 'ratio' ? percentDigits(min ?? 0) : 0;
  const locale = p.locale ?? 'en';
  const w = p.words ?? chartWordsEn;
  const fmt = (v: number | null) => (p.unit === 'ratio' ? formatPercentIn(v, locale, Math.max(digits, 1)) : formatNumber(v, 1));
  const datasets: Array<ChartDataset<'line' | 'bar'>> = p.series.map((s, i) => {
    const colour = t.series[i % t.series.length] as string;
    if (p.kind === 'bars') {
      return {
        type: 'bar',
        label: s.label,
        data: s.values,
        backgroundColor: t.fill(colour, i % 2 === 0 ? 'solid' : 'stripes'),
        borderColor: colour,
        borderWidth: 1,
      } as ChartDataset<'bar'>;
    }
    return {
      type: 'line',
      label: s.label,
      data: s.values,
      borderColor: colour,
      backgroundColor: colour,
      borderDash: DASHES[i % DASHES.length],
      pointStyle: POINTS[i % POINTS.length],
      pointRadius: 3.5,
      borderWidth: 2,
    } as ChartDataset<'line'>;
  });
  if (p.reference) {
    datasets.push(referenceLine(p.reference.label, p.reference.value, p.labels.length, t));
  }
  const base = baseOptions(t);
  return {
    type: p.kind === 'bars' ? 'bar' : 'line',
    data: { labels: p.labels, datasets },
    options: {
      ...base,
      plugins: {
        ...base.plugins,
        tooltip: {
          callbacks: {
            label: (item: TooltipItem<'line' | 'bar'>) => fill(w.valueTip, item.dataset.label ?? '', fmt(item.parsed.y ?? null)),
          },
        },
      },
      scales: {
        x: axisColours(t),
        y: {
          ...axisColours(t),
          min,
          max: p.max,
          ticks: {
            color: t.fg,
            callback: (v: string | number) => (p.unit === 'ratio' ? formatPercentIn(Number(v), locale, digits) : withFigureSign(String(v))),
          },
        },
      },
    },
  } as ChartConfiguration<'line' | 'bar'>;
}

export function chartConfig(p: ChartPayload, t: ChartTheme): ChartConfiguration<'line' | 'bar'> {
  switch (p.kind) {
    case 'daily-availability':
      return dailyAvailabilityConfig(p, t);
    case 'daily-latency':
      return dailyLatencyConfig(p, t) as ChartConfiguration<'line' | 'bar'>;
    default:
      return seriesConfig(p, t);
  }
}

/**
 * Draws every `<canvas data-chart>` on the page. Bundled by Astro into the pages that include a
 * chart, and only those; registers only the Chart.js parts the site uses, so the rest is
 * tree-shaken. Colours come from the page's CSS custom properties, so charts follow the light or
 * dark colour scheme and are redrawn when it changes.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { slots } from '../lib/site/i18n/slots.ts';
import { decodeChartPayload } from './chart-payload-codec.ts';
import { type ChartPayload, type ChartTheme, chartConfig } from './chart-specs.ts';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend);

function cssVar(style: CSSStyleDeclaration, name: string, fallback: string): string {
  return style.getPropertyValue(name).trim() || fallback;
}

function pattern(colour: string, kind: 'stripes' | 'crosshatch', background: string): CanvasPattern | string {
  const size = 8;
  const tile = document.createElement('canvas');
  tile.width = size;
  tile.height = size;
  const ctx = tile.getContext('2d');
  if (!ctx) return colour;
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, size, size);
  ctx.strokeStyle = colour;
  ctx.lineWidth = 2;
  ctx.beginPath();
  // Diagonal lines that join across tiles.
  ctx.moveTo(0, size);
  ctx.lineTo(size, 0);
  ctx.moveTo(-size / 2, size / 2);
  ctx.lineTo(size / 2, -size / 2);
  ctx.moveTo(size / 2, size * 1.5);
  ctx.lineTo(size * 1.5, size / 2);
  if (kind === 'crosshatch') {
    ctx.moveTo(0, 0);
    ctx.lineTo(size, size);
    ctx.moveTo(-size / 2, size / 2);
    ctx.lineTo(size / 2, size * 1.5);
    ctx.moveTo(size / 2, -size / 2);
    ctx.lineTo(size * 1.5, size / 2);
  }
  ctx.stroke();
  return ctx.createPattern(tile, 'repeat') ?? colour;
}

function readTheme(): ChartTheme {
  const style = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => cssVar(style, name, fallback);
  const bg = v('--bg', '#ffffff');
  return {
    fg: v('--fg', '#1b1f24'),
    muted: v('--muted', '#57606a'),
    grid: v('--line', '#d0d7de'),
    series: [1, 2, 3, 4, 5, 6].map((i) => v(`--series-${i}`, '#0072b2')),
    met: v('--met', '#006b54'),
    breach: v('--breach', '#b3261e'),
    noData: v('--nodata', '#6e7781'),
    maintenance: v('--maintenance', '#b8527f'),
    fill: (colour, kind) => (kind === 'solid' ? colour : pattern(colour, kind, bg)),
  };
}

const charts: Chart[] = [];

function drawAll(): void {
  for (const c of charts.splice(0)) c.destroy();
  const theme = readTheme();
  for (const canvas of document.querySelectorAll<HTMLCanvasElement>('canvas[data-chart]')) {
    let payload: ChartPayload;
    try {
      payload = decodeChartPayload(canvas.dataset.chart ?? '');
    } catch {
      continue;
    }
    const box = canvas.closest<HTMLElement>('.chart-box');
    if (box) box.hidden = false;
    charts.push(new Chart(canvas, chartConfig(payload, theme)));
    canvas.dataset.drawn = 'true';
  }
}

drawAll();

// Printing: the data tables open (closed on screen, they belong on paper), the print date is
// stamped beside the period and revision, and each chart is redrawn at its printed size, so a
// canvas never keeps its screen size and overprints the caption below it.
let reopen: HTMLDetailsElement[] = [];
window.addEventListener('beforeprint', () => {
  reopen = [...document.querySelectorAll<HTMLDetailsElement>('details.chart-data:not([open])')];
  for (const d of reopen) d.open = true;
  const today = new Date().toISOString().slice(0, 10);
  // The element says how its language words it ("打印于 {0}"); without a template, English.
  for (const el of document.querySelectorAll<HTMLElement>('[data-print-date]'))
    el.textContent = slots(el.dataset.printDate || 'printed {0}')
      .map((p) => (typeof p === 'number' ? today : p))
      .join('');
  for (const c of charts) c.resize();
});
window.addEventListener('afterprint', () => {
  for (const d of reopen.splice(0)) d.open = false;
  for (const c of charts) c.resize();
});
window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', drawAll);

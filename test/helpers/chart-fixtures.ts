/**
 * What the chart-spec tests draw with: a theme whose colours and fills are plain names (so a
 * test reads which fill a bar got), and four days of a service: met, below target with
 * maintenance, no data at all, and met with an hour without data.
 */
import type { ChartTheme, DailyAvailabilityPayload } from '../../src/scripts/chart-specs.ts';

export const theme: ChartTheme = {
  fg: 'fg',
  muted: 'muted',
  grid: 'grid',
  series: ['s1', 's2', 's3', 's4', 's5', 's6'],
  met: 'green',
  breach: 'red',
  noData: 'grey',
  maintenance: 'purple',
  fill: (colour, pattern) => `${pattern}:${colour}`,
};

export const fourDays: DailyAvailabilityPayload = {
  kind: 'daily-availability',
  service: 'Search',
  dates: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04'],
  availability: [1, 0.98, null, 0.9999],
  target: 0.995,
  noDataMs: [0, 0, 86_400_000, 3_600_000],
  maintenanceMs: [0, 1_800_000, 0, 0],
  dayMs: [86_400_000, 86_400_000, 86_400_000, 86_400_000],
};

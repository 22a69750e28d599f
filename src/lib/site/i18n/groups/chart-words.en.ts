/**
 * The words drawn inside the charts (legend, tooltips, axis titles), in English. The chart
 * script reads them from each chart's payload (chart-specs.ts), so a Chinese page's charts speak
 * Chinese; these are also its defaults. `{0}`, `{1}` are where a formatted figure goes.
 */
export const chartWordsEn = {
  metTarget: 'Met target',
  belowTarget: 'Below target',
  noData: 'No data (not counted)',
  maintenance: 'Planned maintenance (excluded)',
  partial: 'Part of the day without data',
  target: 'Target {0}',
  threshold: 'Threshold {0}',
  maintenanceTip: 'planned maintenance (excluded from the figures)',
  partialTip: 'no data for part of the day ({0})',
  noDataTip: 'no data: no monitored time this day',
  availabilityTip: 'availability {0} ({1})',
  /** A tooltip line: a series' name and its value. */
  valueTip: '{0}: {1}',
  availability: 'Availability',
  latency: 'Latency',
};

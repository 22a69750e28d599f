/** The archive page's words (issue #16): every period and its revisions. */
export const archivePageEn = {
  availabilityMet: 'Availability met (monitored services)',
  metOf: (met: string, judged: string) => `${met} of ${judged}`,
  status: { draft: 'draft', published: 'published', changed: 'published; newer exports differ' },
  partial: ' (partial data)',
  range: (from: string, to: string) => `${from} – ${to}`,
  noData: 'no data from any source',
  months: (n: number) => ` (${n} months)`,
  noReview: ': no review',
  snapshotOf: (period: string) => ` snapshot of ${period}`,
  dataQualityOf: (period: string) => ` of ${period}`,
  csvPeriods: 'the list of periods',
};

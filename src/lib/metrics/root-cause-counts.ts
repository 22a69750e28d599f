/**
 * Root-cause categories over a run of periods (the review shows the last 6): per category, the
 * number of incidents that started in each period. Incidents without a category are counted under
 * null ("not yet known"), which comes last; the others by total, most first, then by name.
 * Incidents of other periods are left out.
 */

export interface RootCauseRow {
  /** The category as exported, null for incidents whose cause is not yet known. */
  category: string | null;
  /** Count per period, in the order of `periods`. */
  counts: number[];
  total: number;
}

/**
 * @example
 * rootCauseCounts(
 *   [{ period: '2026-01', rootCause: 'change' }, { period: '2026-02', rootCause: 'change' },
 *    { period: '2026-02', rootCause: null }, { period: '2026-02', rootCause: 'capacity' }],
 *   ['2026-01', '2026-02'],
 * )
 * // [{ category: 'change', counts: [1, 1], total: 2 }, { category: 'capacity', counts: [0, 1], total: 1 },
 * //  { category: null, counts: [0, 1], total: 1 }]
 */
export function rootCauseCounts(
  incidents: ReadonlyArray<{ period: string; rootCause: string | null }>,
  periods: readonly string[],
): RootCauseRow[] {
  const column = new Map(periods.map((p, i) => [p, i]));
  const rows = new Map<string | null, RootCauseRow>();
  for (const inc of incidents) {
    const i = column.get(inc.period);
    if (i === undefined) continue;
    let row = rows.get(inc.rootCause);
    if (!row) {
      row = { category: inc.rootCause, counts: periods.map(() => 0), total: 0 };
      rows.set(inc.rootCause, row);
    }
    row.counts[i] = (row.counts[i] ?? 0) + 1;
    row.total++;
  }
  return [...rows.values()].sort((a, b) => {
    if (a.category === null || b.category === null) return a.category === null ? 1 : -1;
    return b.total - a.total || (a.category < b.category ? -1 : a.category > b.category ? 1 : 0);
  });
}

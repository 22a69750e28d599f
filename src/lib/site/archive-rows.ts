/**
 * The archive's rows (issue #15): each built period as before (newest first, as the archive
 * lists them), and each run of consecutive review months no source covers as one line among the
 * months ("2019-01 … 2024-03: no data, 63 months"). Months without data have no page and no
 * snapshot; the pipeline lists them in index.json.
 */
import { isMonthId, nextMonth } from '../time/periods.ts';

export type ArchiveRow<P> = { kind: 'period'; period: P } | { kind: 'empty'; from: string; to: string; months: number };

/**
 * @param periods the built periods, in the order the archive lists them (newest first)
 * @param emptyMonths the review months without data, ascending
 * @example archiveRows([{ id: '2026-03' }, { id: '2025-11' }], ['2025-12', '2026-01', '2026-02']).map((r) => r.kind === 'empty' ? `${r.from}…${r.to}` : r.period.id)
 * // ['2026-03', '2025-12…2026-02', '2025-11']
 */
export function archiveRows<P extends { id: string }>(periods: readonly P[], emptyMonths: readonly string[]): ArchiveRow<P>[] {
  const runs: Array<{ kind: 'empty'; from: string; to: string; months: number }> = [];
  for (const m of emptyMonths) {
    const last = runs[runs.length - 1];
    if (last && nextMonth(last.to) === m) {
      last.to = m;
      last.months++;
    } else runs.push({ kind: 'empty', from: m, to: m, months: 1 });
  }
  const out: ArchiveRow<P>[] = [];
  // Newest run first; each goes before the first month row older than it.
  const pending = runs.reverse();
  for (const p of periods) {
    while (isMonthId(p.id) && pending.length > 0 && (pending[0] as { to: string }).to > p.id) out.push(pending.shift() as ArchiveRow<P>);
    out.push({ kind: 'period', period: p });
  }
  out.push(...pending);
  return out;
}

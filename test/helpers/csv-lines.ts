/** Line accounting of the general CSV reader's records, for the tests. */
import type { CsvRecord } from '../../src/lib/ingest/csv-stream.ts';

/**
 * Lines of `text` that no record covers and that are not blank (empty, or only the CR of a CR
 * LF), plus lines two records both cover: both lists must be empty.
 */
export function uncoveredLines(text: string, recs: CsvRecord[]): string[] {
  const lines = text.split('\n');
  const covered = new Map<number, number>();
  for (const r of recs) for (let l = r.line; l < r.line + r.lines; l++) covered.set(l, (covered.get(l) ?? 0) + 1);
  const wrong: string[] = [];
  lines.forEach((l, i) => {
    const n = covered.get(i + 1) ?? 0;
    if (n > 1) wrong.push(`line ${i + 1} covered ${n} times`);
    if (n === 0 && !/^\r?$/.test(l)) wrong.push(`line ${i + 1} ${JSON.stringify(l)} not covered`);
  });
  return wrong;
}

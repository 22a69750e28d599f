/**
 * What the checks suite asserts of its contenders (scripts/bench.ts), apart from running them so it
 * can be tested. Every count is in rows of the checks file, for every tool: ours counts the rows it
 * read, accepted and rejected; DuckDB (`read_csv` with `ignore_errors`) and the SQL recipes count
 * nothing of what they read, so their rows taken are the checks of their service-days summed, and
 * DuckDB's rows left out are the file's rows less those. Service-days are only ever the number of
 * per-day aggregates compared, and say so.
 */
import { isDeepStrictEqual } from 'node:util';
import type { ContenderResult } from './bench-run.ts';

export interface BenchCheck {
  check: string;
  ok: boolean;
}

/** The checks file as generated: its data rows and, of them, the planted bad ones. */
export interface ChecksFileInfo {
  rows: number;
  badRows: number;
}

/**
 * The agreement checks of one checks-suite run: for each of ours, every row accounted, the planted bad
 * rows rejected, and its rows accepted and per-service-day aggregates equal to DuckDB's; for DuckDB, the
 * rows it leaves out equal to the planted bad rows; for each recipe, its rows rolled up and its
 * service-days equal to ours; and the readers of ours byte-identical.
 * @example checksAgreement({ rows: 10, badRows: 1 }, [ours, duckdb]) // [{ check: 'DuckDB: rows left out (the file's 10 less the 9 it aggregated) = the planted bad rows (1 = 1)', ok: true }, …]
 */
export function checksAgreement(info: ChecksFileInfo, results: readonly ContenderResult[]): BenchCheck[] {
  const checks: BenchCheck[] = [];
  const duck = results.find((r) => r.contender === 'DuckDB');
  // The SQL recipes (issue #17) compute the whole rollups where the checks are; their days must equal ours.
  const recipes = results.filter((r) => r.contender.includes('recipe'));
  const ours = results.filter((r) => r !== duck && !recipes.includes(r));
  const reference = ours[0];
  for (const r of recipes)
    if (reference) {
      checks.push({
        check: `${r.contender}: rows rolled up (the checks of its service-days) = ${reference.contender}'s rows accepted (${r.accepted} = ${reference.accepted})`,
        ok: r.accepted === reference.accepted,
      });
      checks.push({
        check: `${r.contender}: per service-day checks and latency histograms = ${reference.contender}'s (${r.aggregates.length} service-days)`,
        ok: isDeepStrictEqual(r.aggregates, reference.aggregates),
      });
    }
  if (duck) {
    // DuckDB drops a line it cannot type (ignore_errors) and filters the rest in SQL, counting neither: what it leaves out is the difference.
    const leftOut = info.rows - duck.accepted;
    checks.push({
      check: `DuckDB: rows left out (the file's ${info.rows} less the ${duck.accepted} it aggregated) = the planted bad rows (${leftOut} = ${info.badRows})`,
      ok: leftOut === info.badRows,
    });
  }
  for (const r of ours) {
    checks.push({ check: `${r.contender}: every row of the file accounted (${r.rows} = ${info.rows})`, ok: r.rows === info.rows });
    checks.push({
      check: `${r.contender}: the planted bad rows rejected (${r.rejected} = ${info.badRows})`,
      ok: r.rejected === info.badRows,
    });
    if (duck) {
      checks.push({
        check: `${r.contender}: rows accepted = DuckDB's rows aggregated (${r.accepted} = ${duck.accepted})`,
        ok: r.accepted === duck.accepted,
      });
      checks.push({
        check: `${r.contender}: per service-day aggregates = DuckDB's (${r.aggregates.length} service-days)`,
        ok: isDeepStrictEqual(r.aggregates, duck.aggregates),
      });
    }
  }
  if (ours.length > 1)
    checks.push({
      check: 'every reader of ours gives byte-identical day rollups',
      ok: ours.every((r) => r.rollupHash === reference?.rollupHash),
    });
  return checks;
}

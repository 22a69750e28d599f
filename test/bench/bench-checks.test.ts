/**
 * The checks suite's agreement checks (scripts/bench-checks.ts) count in one unit for every tool:
 * rows of the checks file. Ours counts rows read, accepted and rejected; DuckDB and the SQL recipes
 * count nothing they read, so their rows taken are the checks of their service-days summed, and
 * DuckDB's rows left out the file's rows less those. A small run by hand: a file of 10 data rows, 1
 * planted bad; two service-days of 5 and 4 checks (5 + 4 = 9 = 10 − 1).
 */
import { describe, expect, it } from 'vitest';
import { checksAgreement } from '../../scripts/bench-checks.ts';
import type { ContenderResult, DayAggregate } from '../../scripts/bench-run.ts';

const DAYS: readonly DayAggregate[] = Object.freeze<DayAggregate[]>([
  { service: 'api', day: '2026-01-01', checks: 5, latencyN: 5, fast: 4, zeros: 0, buckets: { '200': 5 } },
  { service: 'web', day: '2026-01-01', checks: 4, latencyN: 3, fast: 3, zeros: 1, buckets: { '150': 2 } },
]);
const INFO = { rows: 10, badRows: 1 };

const result = (contender: string, counts: Pick<ContenderResult, 'rows' | 'accepted' | 'rejected'>, days = DAYS): ContenderResult => ({
  contender,
  seconds: 1,
  maxRssMiB: 1,
  ...counts,
  aggregates: [...days],
  rollupHash: contender.startsWith('ours') ? 'h' : null,
});
const ours = (name: string) => result(`ours (${name})`, { rows: 10, accepted: 9, rejected: 1 });
const duckdb = (accepted = 9, days: readonly DayAggregate[] = DAYS) =>
  result('DuckDB', { rows: Number.NaN, accepted, rejected: Number.NaN }, days);
const recipe = (accepted = 9) => result('DuckDB recipe', { rows: Number.NaN, accepted, rejected: Number.NaN });

describe('the benchmark’s agreement checks, in rows of the file for every tool', () => {
  it('names the unit of every count, and all hold when the tools agree', () => {
    const checks = checksAgreement(INFO, [ours('fast'), ours('fast-1t'), duckdb(), recipe()]);
    expect(checks).toEqual([
      { check: "DuckDB recipe: rows rolled up (the checks of its service-days) = ours (fast)'s rows accepted (9 = 9)", ok: true },
      { check: "DuckDB recipe: per service-day checks and latency histograms = ours (fast)'s (2 service-days)", ok: true },
      { check: "DuckDB: rows left out (the file's 10 less the 9 it aggregated) = the planted bad rows (1 = 1)", ok: true },
      { check: 'ours (fast): every row of the file accounted (10 = 10)', ok: true },
      { check: 'ours (fast): the planted bad rows rejected (1 = 1)', ok: true },
      { check: "ours (fast): rows accepted = DuckDB's rows aggregated (9 = 9)", ok: true },
      { check: "ours (fast): per service-day aggregates = DuckDB's (2 service-days)", ok: true },
      { check: 'ours (fast-1t): every row of the file accounted (10 = 10)', ok: true },
      { check: 'ours (fast-1t): the planted bad rows rejected (1 = 1)', ok: true },
      { check: "ours (fast-1t): rows accepted = DuckDB's rows aggregated (9 = 9)", ok: true },
      { check: "ours (fast-1t): per service-day aggregates = DuckDB's (2 service-days)", ok: true },
      { check: 'every reader of ours gives byte-identical day rollups', ok: true },
    ]);
  });

  it('catches DuckDB leaving out a good row: its rows left out are then 2, not the 1 planted', () => {
    const fewer = [{ ...(DAYS[0] as DayAggregate), checks: 4 }, DAYS[1] as DayAggregate];
    const failed = checksAgreement(INFO, [ours('fast'), duckdb(8, fewer)]).filter((c) => !c.ok);
    expect(failed.map((c) => c.check)).toEqual([
      "DuckDB: rows left out (the file's 10 less the 8 it aggregated) = the planted bad rows (2 = 1)",
      "ours (fast): rows accepted = DuckDB's rows aggregated (9 = 8)",
      "ours (fast): per service-day aggregates = DuckDB's (2 service-days)",
    ]);
  });

  it('catches a count in service-days where rows are meant (the recipe’s 2 days against 9 rows)', () => {
    const failed = checksAgreement(INFO, [ours('fast'), recipe(DAYS.length)]).filter((c) => !c.ok);
    expect(failed.map((c) => c.check)).toEqual([
      "DuckDB recipe: rows rolled up (the checks of its service-days) = ours (fast)'s rows accepted (2 = 9)",
    ]);
  });
});

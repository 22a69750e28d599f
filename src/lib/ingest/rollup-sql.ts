// Over 400 lines: the recipe and the steps that read the table's rows in one file, so the rows it leaves out are the rows the review rejects (leftOutRowsQuery).
/**
 * The SQL recipes: one query that computes the rollup interchange format (model/rollup-record.ts)
 * from a checks table where the checks live, in DuckDB or ClickHouse, with the spec's semantics
 * exactly as rollup/service-day-rollups.ts implements them (docs/rollups.md walks through it):
 *
 * - a check's status holds from its instant until the probe's next check, at most max_gap: the
 *   service's `maxGap`, else 2 × the median interval of the probe's checks in the month (the
 *   gaps whose later check lies in the month; the mean of the two middle ones for an even count);
 *   the last check before a month covers its start;
 * - at an instant the service is down when at least `confirm` covering probes say down (default:
 *   a strict majority of the covering probes), else up, and degraded when up and that many say
 *   degraded or down; planned maintenance is neither; time no probe covers is no data;
 * - outages are the maximal runs of down time, cut at midnight (runs that touch join on merge);
 * - the latency population is the checks that are not down, not in maintenance, with a latency
 *   (as a 32-bit float, as the review stores it), bucketed ⌈ln v / ln 1.02 − 1e-9⌉.
 *
 * The config goes into the query as data: the services and their date-effective rules per month,
 * the days of the review zone with their real instants, the maintenance windows merged and
 * clipped per service and month, and the source's service and status words. The query is one
 * SELECT with no temporary tables, so it runs unchanged on a ClickHouse cluster over a
 * Distributed table and in DuckDB over a table, a view or read_parquet(…).
 */
import type { RuleBook } from '../config/resolve-rules.ts';
import { cellSpaceClass } from '../model/cell-space.ts';
import { STATUS_CODES } from '../model/check-series.ts';
import { mergeWindows } from '../model/merge-windows.ts';
import { DEFAULT_PROBE } from '../model/records.ts';
import { ROLLUP_FORMAT_VERSION } from '../model/rollup-record.ts';
import { DEFAULT_STATUS_WORDS, normWord, serviceMapper, statusMapper } from '../model/value-maps.ts';
import { END_MS, MIN_MS } from '../time/parse-timestamp.ts';
import { periodDays } from '../time/period-days.ts';
import { type MonthId, monthBounds } from '../time/periods.ts';
import { offsetMinutesAt } from '../time/zoned-time.ts';
import type { SourceOptions } from './resolve-source.ts';

export type SqlEngine = 'duckdb' | 'clickhouse';

export interface RecipeInput {
  engine: SqlEngine;
  /** What the checks are read from: a table name, or a table expression such as read_parquet('…'). */
  table: string;
  /** The checks table's column for each canonical field (service and probe may be absent; latency too). */
  columns: { timeMs: string; service: string | null; probe: string | null; status: string; latencyMs: string | null };
  /**
   * The checks source's options: its service and status words, its default service, and its `asOf`
   * (when the export was taken: a check after it is left out, as the review rejects it).
   */
  source: Pick<SourceOptions, 'values' | 'services' | 'defaultService' | 'asOf'>;
  months: readonly MonthId[];
  rules: RuleBook;
  zone: string;
}

/** What differs between the two engines; everything else in the recipe is common SQL. */
interface Dialect {
  str(s: string): string;
  ident(s: string): string;
  /** Epoch ms of the time column (a TIMESTAMP, TIMESTAMPTZ or DateTime64 column). */
  epochMs(col: string): string;
  /** The date YYYY-MM-DD of an epoch-ms expression read as UTC (the caller adds the zone's offset first). */
  utcDate(ms: string): string;
  lead(x: string, over: string): string;
  lag(x: string, over: string): string;
  idiv(a: string, b: string): string;
  /** A typed table of literal rows; `types` is the engine's column types. */
  values(names: string[], types: string[], rows: string[][]): string;
  /** "k<sep>v" pairs of the group's rows separated by spaces, by ascending k. */
  pairs(k: string, v: string, sep: string): string;
  /** The group's distinct probe names, encoded as encodeProbe does, sorted, separated by |. */
  probeList(x: string): string;
  /** Every match of the regular expression (an RE2 pattern, as a string literal) in x replaced by `by` (a literal). */
  replaceAll(x: string, re: string, by: string): string;
  /** x without plain spaces (U+0020) at either end. */
  trimSpace(x: string): string;
  /** x in lower case, letters beyond ASCII too (DuckDB's differs from JavaScript's for a final Σ and for İ: docs/rollups.md). */
  lower(x: string): string;
  /** How a step read by several later steps is declared: computed once where the engine allows it. */
  shared: string;
  /** x as text, NULL staying NULL. */
  toText(x: string): string;
  /** The whole of x matches the regular expression. */
  matches(x: string, re: string): string;
  settings: string;
  /** Column types: a 64-bit integer, one that may be NULL, a double, text. */
  bigint: string;
  nbigint: string;
  ntext: string;
  double: string;
  text: string;
  nullDouble: string;
  argMax: string;
  /** A latency cell's trimmed text as the review stores it (a 32-bit float), back as a double; NULL for NULL or text that is not a number. */
  float32(x: string): string;
  /** Text as a 64-bit float, as JavaScript's Number reads it; NULL when it is none. */
  float64(x: string): string;
}

const DUCKDB: Dialect = {
  str: (s) => `'${s.replaceAll("'", "''")}'`,
  ident: (s) => `"${s.replaceAll('"', '""')}"`,
  epochMs: (col) => `epoch_ms(${col})`,
  utcDate: (ms) => `strftime(epoch_ms(CAST(${ms} AS BIGINT)), '%Y-%m-%d')`,
  lead: (x, over) => `lead(${x}) OVER (${over})`,
  lag: (x, over) => `lag(${x}) OVER (${over})`,
  idiv: (a, b) => `(${a}) // (${b})`,
  values: (names, types, rows) =>
    rows.length === 0
      ? `SELECT ${names.map((n, i) => `CAST(NULL AS ${types[i]}) AS ${n}`).join(', ')} WHERE false`
      : `SELECT ${names.map((n, i) => `CAST(${n} AS ${types[i]}) AS ${n}`).join(', ')} FROM (VALUES\n    ${rows.map((r) => `(${r.join(', ')})`).join(',\n    ')}) AS t(${names.join(', ')})`,
  pairs: (k, v, sep) => `string_agg(CAST(${k} AS VARCHAR) || '${sep}' || CAST(${v} AS VARCHAR), ' ' ORDER BY ${k})`,
  probeList: (x) => `array_to_string(list_sort(list_distinct(list(replace(replace(${x}, '%', '%25'), '|', '%7C')))), '|')`,
  replaceAll: (x, re, by) => `regexp_replace(${x}, ${re}, ${by}, 'g')`,
  trimSpace: (x) => `trim(${x})`,
  lower: (x) => `lower(${x})`,
  shared: 'AS MATERIALIZED',
  toText: (x) => `CAST(${x} AS VARCHAR)`,
  matches: (x, re) => `regexp_full_match(${x}, '${re}')`,
  settings: '',
  bigint: 'BIGINT',
  nbigint: 'BIGINT',
  ntext: 'VARCHAR',
  double: 'DOUBLE',
  text: 'VARCHAR',
  nullDouble: 'CAST(NULL AS DOUBLE)',
  argMax: 'arg_max',
  float32: (x) => `CAST(TRY_CAST(${x} AS FLOAT) AS DOUBLE)`,
  float64: (x) => `TRY_CAST(${x} AS DOUBLE)`,
};

const CLICKHOUSE: Dialect = {
  // ClickHouse strings take backslash escapes as well as doubled quotes.
  str: (s) => `'${s.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`,
  ident: (s) => `"${s.replaceAll('"', '""')}"`,
  epochMs: (col) => `toUnixTimestamp64Milli(toDateTime64(${col}, 3, 'UTC'))`,
  utcDate: (ms) => `formatDateTime(fromUnixTimestamp64Milli(CAST(${ms} AS Int64), 'UTC'), '%Y-%m-%d')`,
  lead: (x, over) => `leadInFrame(toNullable(${x})) OVER (${over} ROWS BETWEEN CURRENT ROW AND 1 FOLLOWING)`,
  lag: (x, over) => `lagInFrame(toNullable(${x})) OVER (${over} ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)`,
  idiv: (a, b) => `intDiv(${a}, ${b})`,
  values: (names, types, rows) => {
    const structure = CLICKHOUSE.str(names.map((n, i) => `${n} ${types[i]}`).join(', '));
    // No rows: one placeholder row of the right types, filtered out (ClickHouse casts no NULL to a plain type).
    const placeholder = types.map((t) => (t === 'String' ? "''" : t.startsWith('Nullable') ? 'NULL' : '0'));
    const body = (rows.length === 0 ? [placeholder] : rows).map((r) => `(${r.join(', ')})`).join(',\n    ');
    return `SELECT * FROM values(${structure},\n    ${body})${rows.length === 0 ? ' WHERE 0' : ''}`;
  },
  pairs: (k, v, sep) =>
    `arrayStringConcat(arrayMap(x -> toString(x.1) || '${sep}' || toString(x.2), arraySort(groupArray((${k}, ${v})))), ' ')`,
  probeList: (x) => `arrayStringConcat(arraySort(groupUniqArray(replaceAll(replaceAll(${x}, '%', '%25'), '|', '%7C'))), '|')`,
  replaceAll: (x, re, by) => `replaceRegexpAll(${x}, ${re}, ${by})`,
  trimSpace: (x) => `trimBoth(${x})`,
  // lower() is ASCII only in ClickHouse: "ÉCHEC" would not be the review's "échec".
  lower: (x) => `lowerUTF8(${x})`,
  shared: 'AS',
  toText: (x) => `toString(${x})`,
  matches: (x, re) => `match(${x}, '^${re}$')`,
  settings: '\nSETTINGS join_use_nulls = 1',
  bigint: 'Int64',
  nbigint: 'Nullable(Int64)',
  ntext: 'Nullable(String)',
  double: 'Float64',
  text: 'String',
  nullDouble: 'CAST(NULL AS Nullable(Float64))',
  argMax: 'argMax',
  float32: (x) => `CAST(toFloat32OrNull(${x}) AS Nullable(Float64))`,
  float64: (x) => `toFloat64OrNull(${x})`,
};

const DIALECTS: Record<SqlEngine, Dialect> = { duckdb: DUCKDB, clickhouse: CLICKHOUSE };

/** CELL_SPACE as an RE2 character class: both engines' regular expressions are RE2 on UTF-8 text, whose `\s` is ASCII only. */
const SQL_SPACE = cellSpaceClass((c) => `\\x{${c.toString(16).toUpperCase().padStart(4, '0')}}`);

/** A cell as text, trimmed as the review trims a cell (trimCell: CELL_SPACE at either end); NULL stays NULL. */
function trimmedSql(d: Dialect, x: string): string {
  return d.replaceAll(d.toText(x), d.str(`^${SQL_SPACE}+|${SQL_SPACE}+$`), "''");
}

/**
 * A word as normWord normalises it: each run of CELL_SPACE as one space (so only plain spaces are
 * left at the ends, which the engine's own trim removes), lower case. One pattern per cell, not two.
 */
function wordSql(d: Dialect, x: string): string {
  return d.lower(d.trimSpace(d.replaceAll(d.toText(x), d.str(`${SQL_SPACE}+`), "' '")));
}

/**
 * How the recipe reads a cell, as SQL over the expression x: `trimmed` as the review trims a probe or
 * latency cell (trimCell), `word` as it normalises a service or status word (normWord).
 * test/rollup/recipe-cells.test.ts and the ClickHouse test run them against the JavaScript.
 */
export function cellReadingSql(engine: SqlEngine): { trimmed(x: string): string; word(x: string): string } {
  const d = DIALECTS[engine];
  return { trimmed: (x) => trimmedSql(d, x), word: (x) => wordSql(d, x) };
}

/**
 * Every word the source's status and service columns may hold that the review maps, with what it
 * maps to (value-maps.ts itself decides, so the recipe cannot disagree): the source's own words,
 * the built-in status words, the services' ids, names and aliases. A word the source maps to
 * nothing known maps to NULL (the row is rejected, as the review rejects it). HTTP codes are
 * matched by pattern in the query.
 */
function wordTables(input: Pick<RecipeInput, 'source'>): {
  status: Array<[string, number | null]>;
  service: Array<[string, string | null]>;
} {
  const toStatus = statusMapper(input.source.values.status ?? {});
  const toService = serviceMapper(input.source.services, input.source.values.service ?? {});
  const code = (w: string) => {
    const st = toStatus(w);
    return st === null ? null : STATUS_CODES[st];
  };
  const statusWords = new Set([...Object.keys(DEFAULT_STATUS_WORDS), ...Object.keys(input.source.values.status ?? {}).map(normWord)]);
  const serviceWords = new Set(Object.keys(input.source.values.service ?? {}).map(normWord));
  for (const s of input.source.services) for (const w of [s.id, s.name, ...s.aliases]) serviceWords.add(normWord(w));
  return {
    status: [...statusWords].sort().map((w) => [w, code(w)]),
    service: [...serviceWords].sort().map((w) => [w, toService(w)]),
  };
}

/**
 * The zone's UTC offset (ms) over the months, from their start to their end: [from instant, offset]
 * pairs, the first from −∞; each change found to the millisecond by bisection between day starts.
 * @example offsetChanges(['2026-10'], 'Europe/London') // [[-Infinity, 3600000], [1792890000000, 0]] (25 Oct 01:00 UTC)
 */
export function offsetChanges(months: readonly MonthId[], zone: string): Array<[number, number]> {
  const offset = (ms: number) => offsetMinutesAt(ms, zone) * 60_000;
  const starts: number[] = [];
  for (const m of months) for (const day of periodDays(m, zone)) starts.push(day.startMs);
  if (months.length > 0) starts.push(monthBounds(months[months.length - 1] as MonthId, zone).endMs);
  const out: Array<[number, number]> = [[Number.NEGATIVE_INFINITY, starts.length > 0 ? offset(starts[0] as number) : 0]];
  for (let i = 1; i < starts.length; i++) {
    let lo = starts[i - 1] as number;
    let hi = starts[i] as number;
    const before = offset(lo);
    const after = offset(hi);
    if (before === after) continue;
    // The first instant with the new offset: offset(lo) = before, offset(hi) = after.
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (offset(mid) === before) lo = mid;
      else hi = mid;
    }
    out.push([hi, after]);
  }
  return out;
}

/** NUMBER_TEXT (model/value-maps.ts) without backslashes, which ClickHouse's string literals would read as escapes. */
export const LATENCY_TEXT = '[-+]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][-+]?[0-9]+)?';

/** What the steps that read the table's rows need: the table, its columns and the source's words and asOf. */
export type MappingInput = Pick<RecipeInput, 'table' | 'columns' | 'source'>;

/**
 * The steps that read each row of the table as the review reads an export row, shared by the
 * recipe and by {@link leftOutRowsQuery} so both leave out the same rows: the common table
 * expressions status_words, service_words, cells and mapped, and `valid`, the condition on
 * mapped's columns under which the review takes the row (a time in 1970–2199, a known service —
 * for checks a monitored one — and status word, a latency that is empty or number text from 0 to
 * 2⁵³−1, and a time at or before the source's asOf); any other row the review rejects. With `numbered`, cells and mapped also carry each row's position in the
 * table (m_n, 1-based, in scan order) and its service, probe, status and latency cells as text
 * (m_raw_…).
 */
function mappingSteps(input: MappingInput, d: Dialect, numbered: boolean): { steps: string; valid: string } {
  const num = (n: number | null) => (n === null ? 'NULL' : String(n));
  const T = d.text;
  const c = input.columns;
  const col = (name: string | null) => (name === null ? 'NULL' : d.ident(name));
  const words = wordTables(input);
  const defaultService = input.source.defaultService === null ? 'NULL' : d.str(input.source.defaultService);
  const probe = c.probe === null ? `'${DEFAULT_PROBE}'` : `coalesce(nullif(${trimmedSql(d, col(c.probe))}, ''), '${DEFAULT_PROBE}')`;
  const rawOf = (name: string | null) => (name === null ? 'NULL' : d.toText(col(name)));
  const raw = `${rawOf(c.service)} AS m_raw_service, ${rawOf(c.probe)} AS m_raw_probe, ${rawOf(c.status)} AS m_raw_status, ${rawOf(c.latencyMs)} AS m_raw_latency`;
  // A check after the export was taken cannot be in it: the review rejects it (row-mappers.ts), so the recipe leaves it out.
  const asOf = input.source.asOf === null ? '' : ` AND m_at <= ${input.source.asOf.ms}`;
  const steps = `-- Each row of the table mapped as the review maps an export row; rows it would reject are left out.
-- The words of the source's status and service columns that the review maps, and what to.
status_words AS (${d.values(
    ['word', 'code'],
    [T, d.nbigint],
    words.status.map(([w, k]) => [d.str(w), num(k)]),
  )}),
service_words AS (${d.values(
    ['word', 'id'],
    [T, d.ntext],
    words.service.map(([w, id]) => [d.str(w), id === null ? 'NULL' : d.str(id)]),
  )}),
-- Each row's cells as the review reads them (trimmed of the white space it trims, words with runs of it as one space and
-- in lower case) …
cells ${numbered ? 'AS' : d.shared} (
  SELECT ${numbered ? `row_number() OVER () AS m_n, ${raw}, ` : ''}${d.epochMs(col(c.timeMs))} AS m_at, ${c.service === null ? 'NULL' : `nullif(${wordSql(d, col(c.service))}, '')`} AS w_service, ${probe} AS m_probe,
    ${wordSql(d, col(c.status))} AS w_status,
    ${c.latencyMs === null ? 'NULL' : `nullif(${trimmedSql(d, col(c.latencyMs))}, '')`} AS m_cell
  FROM ${input.table}
),
-- … mapped as the review maps them; rows it would reject are left out below.
mapped AS (
  SELECT x.m_at AS m_at, CASE WHEN x.w_service IS NULL THEN ${defaultService} ELSE sw.id END AS m_service, x.m_probe AS m_probe,
    CASE WHEN st.word IS NOT NULL THEN st.code WHEN ${d.matches('x.w_status', '[23][0-9][0-9]')} THEN 0 WHEN ${d.matches('x.w_status', '5[0-9][0-9]')} THEN 2 END AS m_code,
    ${c.latencyMs === null ? d.nullDouble : d.float32('x.m_cell')} AS m_latency, x.m_cell AS m_cell${numbered ? ', x.m_n AS m_n, x.m_raw_service AS m_raw_service, x.m_raw_probe AS m_raw_probe, x.m_raw_status AS m_raw_status, x.m_raw_latency AS m_raw_latency' : ''}
  FROM cells x LEFT JOIN status_words st ON st.word = x.w_status LEFT JOIN service_words sw ON sw.word = x.w_service
)`;
  // A time the review reads as no year of service data (1970–2199, parse-timestamp.ts) is rejected there, so left out here.
  const sane = ` AND m_at >= ${MIN_MS} AND m_at < ${END_MS}`;
  // A latency as the review reads it (row-mappers.ts): number text (NUMBER_TEXT, not `inf` or `NaN`, which the
  // engines read as numbers) from 0 to Number.MAX_SAFE_INTEGER; the engines' own casts take more.
  const latencyOk = `(${d.matches('m_cell', LATENCY_TEXT)} AND ${d.float64('m_cell')} >= 0 AND ${d.float64('m_cell')} <= ${Number.MAX_SAFE_INTEGER})`;
  return {
    steps,
    valid: `m_at IS NOT NULL AND m_service IS NOT NULL AND m_code IS NOT NULL AND (m_cell IS NULL OR ${latencyOk})${sane}${asOf}`,
  };
}

/**
 * The rows of a table that the DuckDB recipe leaves out, because the review would reject them
 * (no time or one outside 1970–2199, a service or status word it does not know, a latency that is
 * no number from 0 to 2⁵³−1, a time after the source's asOf): each row's position in the table (`m_n`, 1-based, in scan order), its
 * time (`m_at`, epoch ms) and its cells as text, in table order. The in-process duckdb source
 * (duckdb-sources.ts) gives each to the checks row mapper, which says why, so every row of the
 * table is rolled up or rejected with its reason, as a CSV export's row is.
 */
export function leftOutRowsQuery(input: MappingInput): string {
  const mapping = mappingSteps(input, DUCKDB, true);
  return `WITH
${mapping.steps}
SELECT m_n, m_at, m_raw_service, m_raw_probe, m_raw_status, m_raw_latency FROM mapped
WHERE NOT coalesce(${mapping.valid}, false)
ORDER BY m_n
`;
}

/**
 * The row accounting of the table's rows the review takes (DuckDB), in rows, never read into JS:
 * per time bin (`bin` = ⌊ms / binMs⌋, as RowAccount bins) and per side of the months rolled up
 * (`outside` 1 for a row before `fromMs` or at or after `toMs`, each null when the config leaves
 * that end open), the rows taken (`rows`), the checks they make once duplicates are settled
 * (`checks`: one per service, probe and instant, as the recipe's `deduped` and the review's check
 * store keep them), and their first and last time (`lo`, `hi`).
 */
export function takenRowsQuery(input: MappingInput, bounds: { fromMs: number | null; toMs: number | null }, binMs: number): string {
  const mapping = mappingSteps(input, DUCKDB, false);
  const outside = [
    ...(bounds.fromMs === null ? [] : [`m_at < ${bounds.fromMs}`]),
    ...(bounds.toMs === null ? [] : [`m_at >= ${bounds.toMs}`]),
  ];
  return `WITH
${mapping.steps},
keyed AS (SELECT m_at, count(*) AS n FROM mapped WHERE ${mapping.valid} GROUP BY m_service, m_probe, m_at)
SELECT m_at // ${binMs} AS bin, CASE WHEN ${outside.length > 0 ? outside.join(' OR ') : 'false'} THEN 1 ELSE 0 END AS outside,
  sum(n) AS rows, count(*) AS checks, min(m_at) AS lo, max(m_at) AS hi
FROM keyed GROUP BY ALL ORDER BY bin, outside
`;
}

/** The table's row count (DuckDB). */
export function tableRowsQuery(input: Pick<MappingInput, 'table'>): string {
  return `SELECT count(*) AS n FROM ${input.table}`;
}

/**
 * The recipe: one SELECT giving the format's columns, one row per configured service per day of
 * the months, ordered by service and date.
 * @example rollupRecipe({ engine: 'duckdb', table: 'checks', … }).startsWith('-- service-review rollups') // true
 */
export function rollupRecipe(input: RecipeInput): string {
  const d = DIALECTS[input.engine];
  const { zone } = input;
  const num = (n: number | null) => (n === null ? 'NULL' : String(n));
  const monthRows: string[][] = [];
  const dayRows: string[][] = [];
  const ruleRows: string[][] = [];
  const maintRows: string[][] = [];
  const inMaintenance: string[] = [];
  for (const month of input.months) {
    const b = monthBounds(month, zone);
    monthRows.push([d.str(month), num(b.startMs), num(b.endMs)]);
    for (const day of periodDays(month, zone)) dayRows.push([d.str(month), d.str(day.date), num(day.startMs), num(day.endMs)]);
    for (const s of input.rules.forMonth(month).services) {
      ruleRows.push([d.str(s.id), d.str(month), num(s.maxGapMs), num(s.confirm), num(s.latencyThresholdMs)]);
      const windows = mergeWindows(input.rules.maintenance.filter((m) => m.service === s.id || m.service === '*'))
        .map((w) => ({ startMs: Math.max(w.startMs, b.startMs), endMs: Math.min(w.endMs, b.endMs) }))
        .filter((w) => w.endMs > w.startMs);
      for (const w of windows) {
        maintRows.push([d.str(s.id), d.str(month), num(w.startMs), num(w.endMs)]);
        inMaintenance.push(`(service = ${d.str(s.id)} AND at_ms >= ${w.startMs} AND at_ms < ${w.endMs})`);
      }
    }
  }
  // The local date of an instant as arithmetic: the instant plus the zone's UTC offset then, read as
  // UTC. The offsets over the months come from the tz database the review uses (Intl), as a CASE on
  // the instants where they change, so engines make no time-zone conversion per row (DuckDB's ICU
  // conversion made the recipe 60 times slower) and cut days exactly as the review does.
  const offsets = offsetChanges(input.months, zone);
  const localDate = (ms: string) =>
    d.utcDate(
      `${ms} + ${
        offsets.length === 1
          ? String((offsets[0] as [number, number])[1])
          : `CASE ${offsets
              .slice(1)
              .map(([at], k) => `WHEN ${ms} < ${at} THEN ${(offsets[k] as [number, number])[1]}`)
              .join(' ')} ELSE ${(offsets[offsets.length - 1] as [number, number])[1]} END`
      }`,
    );
  const mapping = mappingSteps(input, d, false);
  const byProbe = 'PARTITION BY service, probe ORDER BY at_ms';
  const cum = 'ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW';
  const I = d.bigint;
  const T = d.text;
  const sumIf = (cond: string, x: string) => `sum(CASE WHEN ${cond} THEN ${x} ELSE 0 END)`;
  return `-- service-review rollups, format version ${ROLLUP_FORMAT_VERSION} (docs/rollups.md), ${input.engine}
-- months ${input.months.join(', ')} in ${zone}; generated from the review config: rerun \`review sql\` after changing it.
WITH
months AS (${d.values(['month', 'm_start', 'm_end'], [T, I, I], monthRows)}),
days AS (${d.values(['month', 'date', 'd_start', 'd_end'], [T, T, I, I], dayRows)}),
rules AS (${d.values(['service', 'month', 'max_gap_ms', 'confirm', 'threshold'], [T, T, d.nbigint, d.nbigint, d.double], ruleRows)}),
maint AS (${d.values(['service', 'month', 'w_start', 'w_end'], [T, T, I, I], maintRows)}),
params AS (SELECT r.service AS service, r.month AS month, m.m_start AS m_start, m.m_end AS m_end, r.max_gap_ms AS max_gap_ms, r.confirm AS confirm, r.threshold AS threshold
  FROM rules r JOIN months m ON m.month = r.month),
${mapping.steps},
-- (The m_ names differ from every column name: ClickHouse lets an alias stand for a column of the same name.)
valid AS (
  SELECT m_at AS at_ms, m_service AS service, m_probe AS probe, m_code AS code, m_latency AS latency FROM mapped
  WHERE ${mapping.valid}
),
-- One check per service, probe and instant (an export's later row wins in the review; here the most severe).
deduped AS (
  SELECT service, probe, at_ms, worst AS code, worst_latency AS latency FROM (
    SELECT service, probe, at_ms, max(code) AS worst, ${d.argMax}(latency, code) AS worst_latency FROM valid GROUP BY service, probe, at_ms
  ) z
),
seq ${d.shared} (
  SELECT service, probe, at_ms, code, latency, month,
    ${d.lead('at_ms', byProbe)} AS next_ms,
    ${d.lag('at_ms', byProbe)} AS prev_ms,
    ${d.lead('month', byProbe)} AS next_month
  FROM (SELECT service, probe, at_ms, code, latency, substring(${localDate('at_ms')}, 1, 7) AS month FROM deduped) x
),
-- 2 × the median interval of each probe in each month: the gaps whose later check lies in the month.
ranked AS (
  SELECT service, probe, month, at_ms - prev_ms AS g,
    row_number() OVER (PARTITION BY service, probe, month ORDER BY at_ms - prev_ms) - 1 AS k,
    count(*) OVER (PARTITION BY service, probe, month) AS n
  FROM seq WHERE prev_ms IS NOT NULL
),
med AS (
  SELECT service, probe, month, sum(CASE WHEN n % 2 = 1 THEN 2 * g ELSE g END) AS gap2
  FROM ranked WHERE k = ${d.idiv('n - 1', '2')} OR k = ${d.idiv('n', '2')} GROUP BY service, probe, month
),
-- The checks that can cover a month: its own, and the last one before it (which covers its start).
cover AS (
  SELECT s.service AS service, s.probe AS probe, s.at_ms AS at_ms, s.code AS code, s.next_ms AS next_ms, p.month AS month, p.m_start AS m_start, p.m_end AS m_end, p.max_gap_ms AS max_gap_ms
  FROM seq s JOIN params p ON p.service = s.service AND p.month = s.month
  UNION ALL
  SELECT s.service, s.probe, s.at_ms, s.code, s.next_ms, p.month, p.m_start, p.m_end, p.max_gap_ms
  FROM (SELECT * FROM seq WHERE next_month IS NULL OR next_month <> month) s JOIN params p ON p.service = s.service
  WHERE p.m_start > s.at_ms AND (s.next_ms IS NULL OR s.next_ms > p.m_start)
),
segs ${d.shared} (
  SELECT service, month, code, a, b FROM (
    SELECT v.service AS service, v.month AS month, v.code AS code, greatest(v.at_ms, v.m_start) AS a,
      least(coalesce(v.next_ms, v.m_end), v.at_ms + coalesce(v.max_gap_ms, md.gap2, 0), v.m_end) AS b,
      coalesce(v.max_gap_ms, md.gap2, 0) AS gap
    FROM cover v LEFT JOIN med md ON md.service = v.service AND md.probe = v.probe AND md.month = v.month
  ) y WHERE gap > 0 AND b > a
),
-- A sweep: every boundary with the change it makes to the covering, down, degraded-or-down and maintenance counts.
ev AS (
  SELECT service, month, a AS pos, 1 AS dc, CASE WHEN code = 2 THEN 1 ELSE 0 END AS dd, CASE WHEN code >= 1 THEN 1 ELSE 0 END AS dg, 0 AS dm FROM segs
  UNION ALL SELECT service, month, b, -1, CASE WHEN code = 2 THEN -1 ELSE 0 END, CASE WHEN code >= 1 THEN -1 ELSE 0 END, 0 FROM segs
  UNION ALL SELECT service, month, w_start, 0, 0, 0, 1 FROM maint
  UNION ALL SELECT service, month, w_end, 0, 0, 0, -1 FROM maint
  UNION ALL SELECT r.service, y.month, y.d_start, 0, 0, 0, 0 FROM rules r JOIN days y ON y.month = r.month
  UNION ALL SELECT service, month, m_end, 0, 0, 0, 0 FROM params
),
pts AS (SELECT service, month, pos, sum(dc) AS dc, sum(dd) AS dd, sum(dg) AS dg, sum(dm) AS dm FROM ev GROUP BY service, month, pos),
spans AS (
  SELECT service, month, pos AS a, ${d.lead('pos', 'PARTITION BY service, month ORDER BY pos')} AS b,
    sum(dc) OVER (PARTITION BY service, month ORDER BY pos ${cum}) AS covering,
    sum(dd) OVER (PARTITION BY service, month ORDER BY pos ${cum}) AS down,
    sum(dg) OVER (PARTITION BY service, month ORDER BY pos ${cum}) AS degraded,
    sum(dm) OVER (PARTITION BY service, month ORDER BY pos ${cum}) AS maintenance
  FROM pts
),
cls ${d.shared} (
  SELECT s.service AS service, ${localDate('s.a')} AS date, s.a AS a, s.b AS b, s.b - s.a AS len,
    CASE WHEN s.maintenance > 0 THEN 'm' WHEN s.covering = 0 THEN 'n'
      WHEN s.down >= coalesce(p.confirm, ${d.idiv('s.covering', '2')} + 1) THEN 'd'
      WHEN s.degraded >= coalesce(p.confirm, ${d.idiv('s.covering', '2')} + 1) THEN 'g' ELSE 'u' END AS k
  FROM spans s JOIN params p ON p.service = s.service AND p.month = s.month
  WHERE s.b IS NOT NULL AND s.b > s.a
),
times AS (
  SELECT service, date, ${sumIf("k IN ('u', 'g')", 'len')} AS up_ms, ${sumIf("k = 'g'", 'len')} AS degraded_ms, ${sumIf("k = 'd'", 'len')} AS down_ms,
    ${sumIf("k = 'n'", 'len')} AS no_data_ms, ${sumIf("k = 'm'", 'len')} AS maintenance_ms
  FROM cls GROUP BY service, date
),
-- Outages: runs of down spans within a day, a new run wherever one does not start where the last ended.
downs AS (
  SELECT service, date, a, b, CASE WHEN a = ${d.lag('b', 'PARTITION BY service, date ORDER BY a')} THEN 0 ELSE 1 END AS brk
  FROM cls WHERE k = 'd'
),
runs AS (SELECT service, date, a, b, sum(brk) OVER (PARTITION BY service, date ORDER BY a ${cum}) AS run FROM downs),
outs AS (
  SELECT service, date, ${d.pairs('s', 'e', '/')} AS outages
  FROM (SELECT service, date, run, min(a) AS s, max(b) AS e FROM runs GROUP BY service, date, run) o GROUP BY service, date
),
-- Each check of a reviewed month on its day, for the counts and the latency histogram.
day_checks AS (
  SELECT c.service AS service, c.probe AS probe, c.at_ms AS at_ms, c.code AS code, c.latency AS latency, p.threshold AS threshold, ${localDate('c.at_ms')} AS date
  FROM seq c JOIN params p ON p.service = c.service AND p.month = c.month
),
counts AS (
  SELECT service, date, count(*) AS checks, min(at_ms) AS first_check_ms, max(at_ms) AS last_check_ms, ${d.probeList('probe')} AS probes
  FROM day_checks GROUP BY service, date
),
lat AS (
  SELECT service, date, latency, threshold, CASE WHEN latency > 0 THEN CAST(ceil(ln(latency) / ln(1.02) - 1e-9) AS ${I}) END AS bucket
  FROM day_checks WHERE code <> 2 AND latency IS NOT NULL AND NOT (${inMaintenance.length > 0 ? inMaintenance.join('\n    OR ') : '1 = 0'})
),
lat_counts AS (
  SELECT service, date, count(*) AS latency_count, ${sumIf('latency <= 0', '1')} AS latency_zero, ${sumIf('latency <= threshold', '1')} AS fast_checks
  FROM lat GROUP BY service, date
),
buckets AS (
  SELECT service, date, ${d.pairs('bucket', 'n', ':')} AS latency_buckets
  FROM (SELECT service, date, bucket, count(*) AS n FROM lat WHERE bucket IS NOT NULL GROUP BY service, date, bucket) h GROUP BY service, date
)
SELECT ${ROLLUP_FORMAT_VERSION} AS version, r.service AS service, y.date AS date, y.d_end - y.d_start AS day_ms,
  coalesce(t.up_ms, 0) AS up_ms, coalesce(t.degraded_ms, 0) AS degraded_ms, coalesce(t.down_ms, 0) AS down_ms,
  coalesce(t.no_data_ms, 0) AS no_data_ms, coalesce(t.maintenance_ms, 0) AS maintenance_ms,
  coalesce(n.checks, 0) AS checks, n.first_check_ms AS first_check_ms, n.last_check_ms AS last_check_ms,
  coalesce(l.latency_count, 0) AS latency_count, coalesce(l.latency_zero, 0) AS latency_zero, coalesce(h.latency_buckets, '') AS latency_buckets,
  coalesce(l.fast_checks, 0) AS fast_checks, coalesce(o.outages, '') AS outages, coalesce(n.probes, '') AS probes
FROM rules r JOIN days y ON y.month = r.month
LEFT JOIN times t ON t.service = r.service AND t.date = y.date
LEFT JOIN outs o ON o.service = r.service AND o.date = y.date
LEFT JOIN counts n ON n.service = r.service AND n.date = y.date
LEFT JOIN lat_counts l ON l.service = r.service AND l.date = y.date
LEFT JOIN buckets h ON h.service = r.service AND h.date = y.date
ORDER BY service, date${d.settings}
`;
}

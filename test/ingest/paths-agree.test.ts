/**
 * Issue #12, item 9: the fast paths equal the general path. Random exports of all three kinds
 * (checks, tickets, surveys) are read by every path — the general reader only (the reference: the row
 * mapper on csv-stream.ts's records), the fast paths on the main thread at several read sizes, and
 * worker threads over tiny blocks — and must give identical accepted records (the check store's
 * series, the ticket and survey arrays), identical rejects (line, column, field, value, reason)
 * and identical file accounts, or the same whole-file error.
 *
 * The rows mix every timestamp form parseTimestamp accepts (ISO 8601 with or without offset,
 * fraction, seconds, `T` or space, `Z`, `UTC`, `GMT`; a date alone; year-first slash dates;
 * day- and month-first dates with `/`, `-` and `.` in the source's dateOrder, two-digit years;
 * English month names; a 12-hour clock; epoch seconds and milliseconds, fractional too) with
 * invalid ones, every status word form (case, spaces, HTTP codes, the source's value map,
 * non-breaking spaces; service, probe, status and latency cells padded with every white-space character the
 * reader trims and with characters it keeps, model/cell-space.ts) and odd rows (wrong field count, empty cells, quotes, stray CRs, blank
 * lines, invalid UTF-8, long lines) and, since issue #13, spaces around quoted fields, text
 * after a closing quote, byte-order marks inside the file, fields over the length limit, quotes
 * never closed and NUL bytes. Since the ingest-bytes audit (the checks fast path read
 * `2026-10-01T 9:05:00Z` as 23:05 the day before), timestamps in the fast path's own form are
 * also broken at any position — a non-digit, a space, a sign or a multi-byte character in place
 * of a character, a part missing or doubled — beside fields out of range (hour 24, minute 60,
 * 29 February in 2026 and 2028, offsets past 18 hours). Half the runs write no odd rows or cells
 * at all (no quote, CR, invalid byte or over-long line), so the fast paths read the whole file
 * instead of handing over to the general reader within a few rows. Zone, dateOrder, ambiguous
 * rule and epoch unit vary per run. Half the runs put 66 KB of plain rows first, so the random
 * rows lie past openExport's 64 KiB sniff and the small read sizes cut them. Nothing is expected
 * of a row except that all paths judge it alike, so the generators need not make valid input.
 *
 * Seeded: PATHS_AGREE_SEED (default below) and PATHS_AGREE_RUNS; on failure fast-check prints
 * the seed and the path of the shrunk counterexample, and the test name carries the seed.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/lib/config/load-config.ts';
import { MAX_FIELD_CHARS } from '../../src/lib/ingest/field-limit.ts';
import { type IngestOptions, type IngestResult, ingestSources } from '../../src/lib/ingest/ingest-sources.ts';
import { CELL_SPACE } from '../../src/lib/model/cell-space.ts';
import { applyEdits } from '../helpers/cell-edits.ts';
import { KEPT_SPACE_LIKE } from '../helpers/cell-samples.ts';

const SEED = Number(process.env.PATHS_AGREE_SEED ?? 20_261_112);
const RUNS = Number(process.env.PATHS_AGREE_RUNS ?? 25);

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

// ---- cells ---------------------------------------------------------------------------------

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LONG_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  fraction: string;
}

/** Date and time fields in range. */
const validFields: fc.Arbitrary<Fields> = fc.record({
  year: fc.integer({ min: 2024, max: 2027 }),
  month: fc.integer({ min: 1, max: 12 }),
  day: fc.integer({ min: 1, max: 28 }),
  hour: fc.integer({ min: 0, max: 23 }),
  minute: fc.integer({ min: 0, max: 59 }),
  second: fc.integer({ min: 0, max: 59 }),
  fraction: fc.constantFrom('', '.5', '.25', '.123', '.123456', ',5'),
});

/** Date and time fields, sometimes out of range (year 999, month 13, day 29–32, hour 24, minute 60, an empty fraction). */
const anyFields: fc.Arbitrary<Fields> = fc.record({
  year: fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: 2024, max: 2027 }) },
    { weight: 1, arbitrary: fc.constantFrom(999, 2028, 9999) },
  ),
  month: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 12 }) }, { weight: 1, arbitrary: fc.constantFrom(0, 13) }),
  day: fc.integer({ min: 1, max: 32 }),
  hour: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 23 }) }, { weight: 1, arbitrary: fc.constant(24) }),
  minute: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 59 }) }, { weight: 1, arbitrary: fc.constant(60) }),
  second: fc.integer({ min: 0, max: 59 }),
  fraction: fc.constantFrom('', '.5', '.123456', ',5', '.'),
});

const validOffset = fc.constantFrom('', 'Z', 'z', '+00:00', '+02:00', '-05:30', '+0800', '+08', ' UTC', ' GMT', ' +01:00', '-00:00');
const anyOffset = fc.oneof(validOffset, fc.constantFrom('+19:00', '+02:60', '+2', 'ZZ', ' EST'));

type Order = 'ymd' | 'dmy' | 'mdy';

/** A timestamp cell in one of the forms parseTimestamp accepts, from the given fields; day- and month-first mostly in `order`. */
function timestampFrom(fields: fc.Arbitrary<Fields>, offset: fc.Arbitrary<string>, order: Order): fc.Arbitrary<string> {
  const orders =
    order === 'ymd'
      ? fc.constantFrom<Order>('dmy', 'mdy')
      : fc.oneof({ weight: 4, arbitrary: fc.constant(order) }, fc.constantFrom<Order>('dmy', 'mdy'));
  return fc.oneof(
    // ISO 8601.
    fc.tuple(fields, fc.constantFrom('T', ' '), fc.constantFrom('full', 'minutes', 'fraction'), offset).map(([f, t, shape, off]) => {
      const hm = `${pad(f.hour)}:${pad(f.minute)}`;
      const time = shape === 'minutes' ? hm : `${hm}:${pad(f.second)}${shape === 'fraction' ? f.fraction : ''}`;
      return `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)}${t}${time}${off}`;
    }),
    // A date alone, and year-first slash dates.
    fields.map((f) => `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)}`),
    fc
      .tuple(fields, fc.boolean())
      .map(([f, short]) =>
        short ? `${f.year}/${f.month}/${f.day} ${f.hour}:${pad(f.minute)}` : `${f.year}/${pad(f.month)}/${pad(f.day)}`,
      ),
    // Day- or month-first with / - . and two-digit years; read per the source's dateOrder (rejected under ymd).
    fc.tuple(fields, fc.constantFrom('/', '-', '.'), fc.boolean(), fc.boolean(), orders).map(([f, sep, twoDigitYear, seconds, o]) => {
      const [a, b] = o === 'dmy' ? [f.day, f.month] : [f.month, f.day];
      const y = twoDigitYear ? pad(f.year % 100) : String(f.year);
      return `${pad(a)}${sep}${pad(b)}${sep}${y} ${pad(f.hour)}:${pad(f.minute)}${seconds ? `:${pad(f.second)}` : ''}`;
    }),
    // English month names, day first, in any case.
    fc
      .tuple(fields, fc.constantFrom('/', '-', ' '), fc.constantFrom('short', 'long', 'upper'), fc.boolean())
      .map(([f, sep, style, withTime]) => {
        const name = (style === 'long' ? LONG_MONTHS : MONTHS)[f.month - 1] ?? 'Smarch';
        const m = style === 'upper' ? name.toUpperCase() : f.month === 9 && style === 'short' ? 'Sept' : name;
        const y = sep === ' ' ? String(f.year) : pad(f.year % 100);
        return `${f.day}${sep}${m}${sep}${y}${withTime ? ` ${f.hour}:${pad(f.minute)}` : ''}`;
      }),
    // A 12-hour clock (hours 0 and 13 are rejected), after a year-first or an `order` date.
    fc
      .tuple(fields, fc.integer({ min: 0, max: 13 }), fc.constantFrom('AM', 'PM', 'am', 'pm', 'PM UTC'), orders, fc.boolean())
      .map(([f, h, ampm, o, yearFirst]) => {
        const date = yearFirst
          ? `${f.year}-${pad(f.month)}-${pad(f.day)}`
          : o === 'dmy'
            ? `${pad(f.day)}/${pad(f.month)}/${f.year}`
            : `${pad(f.month)}/${pad(f.day)}/${f.year}`;
        return `${date} ${h}:${pad(f.minute)} ${ampm}`;
      }),
    // Epoch seconds and milliseconds.
    fc.integer({ min: 1_700_000_000, max: 1_900_000_000 }).chain((sec) => fc.constantFrom(String(sec), `${sec}123`, `${sec}.5`)),
  );
}

/**
 * An ISO timestamp in the form the checks fast path reads from bytes (byte-cells.ts,
 * isoTimeFromBytes), broken by one or two edits at any position: a character replaced by a
 * non-digit, a space, a sign or a multi-byte character, one inserted, or one deleted.
 */
const brokenIso = fc
  .tuple(
    validFields,
    fc.constantFrom('T', ' '),
    fc.constantFrom('Z', '+02:00', '-05:30', '.5Z', '.123+00:00'),
    fc.array(
      fc.tuple(
        fc.nat(),
        fc.constantFrom('replace', 'insert', 'delete'),
        fc.constantFrom(' ', '\t', 'a', 'Z', 'T', ':', '-', '+', '.', '0', '9', 'é', '٣'),
      ),
      { minLength: 1, maxLength: 2 },
    ),
  )
  .map(([f, t, end, edits]) => {
    return applyEdits(`${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)}${t}${pad(f.hour)}:${pad(f.minute)}:${pad(f.second)}${end}`, edits);
  });

const timestampIn = (order: Order) =>
  fc.oneof(
    { weight: 12, arbitrary: timestampFrom(validFields, validOffset, order) },
    { weight: 2, arbitrary: timestampFrom(anyFields, anyOffset, order) },
    { weight: 4, arbitrary: brokenIso },
    // Epoch edges, spaces around, DST edges of Europe/London and America/New_York, garbage.
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '99999999999',
        '100000000000',
        '253402300800',
        '0',
        '-5',
        ' 2026-10-01 00:05:00 ',
        '2026-10-25 01:30:00',
        '2026-03-29 01:30:00',
        '2026-11-01 01:30',
        '2026-03-08 02:30',
        '',
        'x',
        'n/a',
        // The audit's cells, and edges of the fast path's form.
        '2026-10-01T 9:05:00Z',
        '2026-10-01 ab:cd:efZ',
        '2026-10-01T09: 5:00Z',
        '2026-10-01T24:00:00Z',
        '2026-10-01T23:59:60Z',
        '2026-02-29T00:00:00Z',
        '2028-02-29T00:00:00Z',
        '2026-10-01T09:05:00+18:00',
        '2026-10-01T09:05:00+19:00',
        '2026-10-01T09:05:00+-1:00',
        '2026-10-01T09:05:00-00:00',
        '2026-10-01T09:05:00.Z',
        '2026-10-01T09:05:00',
        '2026-10-01T09:05Z',
      ),
    },
  );

/** Mostly words the mapping takes, sometimes ones it rejects. */
const mostly = (good: string[], bad: string[]) =>
  fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...good) }, { weight: 1, arbitrary: fc.constantFrom(...bad) });
/** An optional timestamp: mostly empty (a later one would often come before the ticket's creation). */
const laterTimestampIn = (order: Order) =>
  fc.oneof({ weight: 3, arbitrary: fc.constant('') }, { weight: 1, arbitrary: timestampIn(order) });

/**
 * A cell as is, or padded at either end with the white space the reader trims (CELL_SPACE but line ends, which
 * end a row, and the byte-order mark, which odd rows write) or characters it keeps (a zero-width space …), its
 * spaces replaced by such white space: the checks fast path must give such cells to the row mapper.
 */
const PAD_CHARS = [
  ...CELL_SPACE.filter((c) => c !== 0x0a && c !== 0x0d && c !== 0xfeff).map((c) => String.fromCodePoint(c)),
  ...KEPT_SPACE_LIKE,
];
const padRun = fc.array(fc.constantFrom(...PAD_CHARS), { minLength: 1, maxLength: 2 }).map((a) => a.join(''));
const spacePadded = (cell: fc.Arbitrary<string>) =>
  fc.oneof(
    { weight: 4, arbitrary: cell },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.option(padRun, { nil: '' }), cell, padRun, fc.option(padRun, { nil: '' }))
        .map(([before, c, run, after]) => `${before}${c.replaceAll(' ', run)}${after}`),
    },
  );

const serviceCell = spacePadded(
  mostly(['api', 'API', ' api ', 'Public API', 'api-gw', '接口', 'web', 'Legacy Web', 'legacy\u00a0web'], ['nope', '', '?']),
);
const statusCell = spacePadded(
  mostly(
    [
      ...['up', 'UP', ' Up ', 'ok', 'OK', 'success', 'pass', 'true', '1', 'degraded', 'warn', 'Warning', 'slow'],
      ...['down', 'DOWN', 'fail', 'failed', 'failure', 'error', 'critical', 'false', '0'],
      ...['200', '204', '302', '399', '500', '503', '599', 'Healthy', 'healthy', 'Sick  Bad', 'sick\u00a0bad'],
    ],
    ['404', '600', 'MAINT', 'maybe', '', ' '],
  ),
);
const latencyCell = spacePadded(
  mostly(['100', '0', '12.5', '.5', '12.', '007', '', '1e3', '+5', ' 12'], ['-3', 'n/a', '1234567890123456', '9'.repeat(20)]),
);
const probeCell = spacePadded(fc.constantFrom('eu', 'us-east', '', ' eu', 'é', '探针', 'default'));
const TEXTS = ['Login', 'Cannot log in', '无法登录', 'é', '', ' a ', 'Emoji 🎉', 'x'.repeat(3000)];
/** With `odd`, also a field over the reader's length limit (issue #13): cut with a marker, and counted. */
const textCell = (odd: boolean) => fc.constantFrom(...TEXTS, ...(odd ? ['长'.repeat(MAX_FIELD_CHARS + 3)] : []));
const priorityCell = mostly(['P1', 'p2', ' P1 ', 'Urgent', '紧急', 'High'], ['P9', '']);
const scoreCell = mostly(['1', '5', '4', '3', '', 'Happy', 'strongly agree', '1e0'], ['10', '0', '7', '4.5', '-1', '11', 'Meh']);
const yesNoCell = mostly(['yes', 'no', 'Y', 'N', 'true', '3', '0', ''], ['maybe']);
const idCell = mostly(['T1', 'T2', 'T3', 'T4', ' T5', 'T6 '], ['']);

/** A cell as written in a file: as is, or (with `odd`) quoted, or broken by a quote, a CR or a newline. */
const written = (cell: fc.Arbitrary<string>, odd: boolean) =>
  !odd
    ? cell
    : fc.oneof(
        { weight: 60, arbitrary: cell },
        { weight: 1, arbitrary: cell.map((c) => `"${c.replaceAll('"', '""')}"`) },
        { weight: 1, arbitrary: cell.map((c) => `"${c},x"`) },
        { weight: 1, arbitrary: cell.map((c) => `"${c}\ny"`) },
        { weight: 1, arbitrary: cell.map((c) => `${c}"q`) },
        { weight: 1, arbitrary: cell.map((c) => `${c}\rz`) },
        // Issue #13: spaces around a quoted field, text after a closing quote, a byte-order mark inside the file.
        { weight: 1, arbitrary: cell.map((c) => ` "${c.replaceAll('"', '""')}"\t `) },
        { weight: 1, arbitrary: cell.map((c) => `"${c}"x`) },
        { weight: 1, arbitrary: cell.map((c) => `\ufeff${c}`) },
      );

/** A row: cells joined by the delimiter, or (with `odd`) an odd row. Buffers carry bytes that are not UTF-8. */
type Row = string | Buffer;
const rowOf = (cells: Array<fc.Arbitrary<string>>, odd: boolean) => {
  const plainRows: Array<fc.WeightedArbitrary<Row>> = [
    { weight: 300, arbitrary: fc.tuple(...cells.map((c) => written(c, odd))).map((c) => c.join(',')) },
    { weight: 10, arbitrary: fc.tuple(...cells.map((c) => written(c, odd))).map((c) => [...c, 'extra'].join(',')) },
    { weight: 10, arbitrary: fc.tuple(...cells.map((c) => written(c, odd))).map((c) => c.slice(0, -1).join(',')) },
    { weight: 10, arbitrary: fc.constantFrom('', ' ', ','.repeat(cells.length - 1), 'a') },
  ];
  if (!odd) return fc.oneof(...plainRows);
  return fc.oneof(
    ...plainRows,
    { weight: 2, arbitrary: fc.constant('\r') },
    // Issue #13, rare since each ends the file's reading: a quote never closed (the rest is rejected), a NUL (the file is refused).
    { weight: 1, arbitrary: fc.tuple(...cells.map((c) => c)).map((c) => `${c.slice(0, -1).join(',')},"${c.at(-1)}`) },
    { weight: 1, arbitrary: fc.tuple(...cells.map((c) => c)).map((c) => `${c.join(',')}\u0000`) },
    {
      weight: 10,
      arbitrary: fc.tuple(...cells.map((c) => c), fc.constantFrom([0xe9], [0xff, 0xfe], [0xe2, 0x82], [0xc3])).map(([...parts]) => {
        const bad = parts.pop() as unknown as number[];
        const text = (parts as string[]).join(',');
        const at = Math.floor(text.length / 2);
        return Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from(bad), Buffer.from(text.slice(at))]);
      }),
    },
  );
};

const checkRow = (o: Order, odd: boolean) => rowOf([timestampIn(o), serviceCell, probeCell, statusCell, latencyCell], odd);
const ticketRow = (o: Order, odd: boolean) =>
  rowOf(
    [
      idCell,
      timestampIn(o),
      laterTimestampIn(o),
      laterTimestampIn(o),
      priorityCell,
      textCell(odd),
      serviceCell,
      textCell(odd),
      textCell(odd),
      yesNoCell,
    ],
    odd,
  );
const surveyRow = (o: Order, odd: boolean) =>
  rowOf([idCell, timestampIn(o), serviceCell, idCell, scoreCell, scoreCell, scoreCell, textCell(odd)], odd);

const C_HEADER = 'timestamp,service,probe,status,latency_ms';
const T_HEADER = 'id,created,first_response,resolved,priority,category,service,title,status,reopened';
const S_HEADER = 'response_id,submitted_at,service,ticket_id,csat,nps,ces,comment';

/** Plain valid rows that push what follows past the 64 KiB sniff (about 66 KB). */
function filler(kind: 'checks' | 'tickets' | 'surveys'): string[] {
  const rows: string[] = [];
  for (let i = 0; rows.join('\n').length < 66_000; i++) {
    const t = `2026-10-${pad(1 + (i % 28))} ${pad(i % 24)}:${pad(i % 60)}:00`;
    if (kind === 'checks') rows.push(`${t}Z,api,eu,up,${100 + (i % 50)}`);
    else if (kind === 'tickets') rows.push(`F${i},${t},,,P1,Bug,api,Filler ${i},Open,no`);
    else rows.push(`R${i},${t},api,F${i},4,9,2,Fine`);
  }
  return rows;
}

/** `mixed` (issue #13): a CR LF header, then rows ending in LF or CR LF by turns. */
function fileBytes(header: string, rows: Row[], eol: string, finalEol: boolean, bom: boolean): Buffer {
  const end = (i: number) => (eol === 'mixed' ? (i % 3 === 0 ? '\r\n' : '\n') : eol);
  const parts: Buffer[] = [Buffer.from(`${bom ? '\ufeff' : ''}${header}${end(0)}`)];
  rows.forEach((r, i) => {
    parts.push(typeof r === 'string' ? Buffer.from(r) : r);
    if (i < rows.length - 1 || finalEol) parts.push(Buffer.from(end(i + 1)));
  });
  return Buffer.concat(parts);
}

// ---- reading -------------------------------------------------------------------------------

interface Settings {
  zone: string;
  dateOrder: 'ymd' | 'dmy' | 'mdy' | null;
  ambiguous: 'reject' | 'earlier' | 'later';
  epochUnit: 'auto' | 's' | 'ms' | 'excel-serial';
}

function config(s: Settings) {
  const timestamps = {
    ...(s.dateOrder === null ? {} : { dateOrder: s.dateOrder }),
    ambiguous: s.ambiguous,
    epochUnit: s.epochUnit,
  };
  return validateConfig({
    review: { name: 'Paths agree', timeZone: s.zone },
    services: [
      { id: 'api', name: 'Public API', owner: 'P', target: 0.99, latencyThresholdMs: 200, aliases: ['api-gw', '接口'] },
      { id: 'web', name: 'Web', owner: 'W', target: 0.99, latencyThresholdMs: 500 },
    ],
    priorities: [
      { id: 'p1', name: 'P1', words: ['P1', 'Urgent', '紧急'], response: '15m', resolution: '4h' },
      { id: 'p2', name: 'P2', words: ['P2', 'High'], response: '1h', resolution: '8h' },
    ],
    surveys: { csat: { min: 1, max: 5, satisfiedAtLeast: 4 }, ces: { min: 1, max: 7 } },
    sources: [
      {
        id: 'mon',
        kind: 'checks',
        files: 'checks.csv',
        ...timestamps,
        values: { status: { Healthy: 'up', 'Sick Bad': 'down' }, service: { 'Legacy Web': 'web' } },
      },
      { id: 'desk', kind: 'tickets', files: 'tickets.csv', ...timestamps, values: { service: { 'Legacy Web': 'web' } } },
      {
        id: 'survey',
        kind: 'surveys',
        files: 'surveys.csv',
        ...timestamps,
        values: { csat: { Happy: '5', 'Strongly Agree': '5' }, service: { 'Legacy Web': 'web' } },
      },
    ],
  });
}

/** Everything a path gives, as plain data. */
function plain(r: IngestResult) {
  const checks: Array<[string, string, number[], number[], string[]]> = [];
  for (const [service, probes] of r.checks.toMap())
    for (const [probe, s] of probes) checks.push([service, probe, [...s.timesMs], [...s.statuses], [...s.latenciesMs].map(String)]);
  r.checks.close();
  return { files: r.files, checks, tickets: r.tickets, surveys: r.surveys, surveyRows: r.surveyRows };
}

async function read(dir: string, s: Settings, options: Partial<IngestOptions>) {
  try {
    return plain(await ingestSources(config(s), dir, { info() {} }, { cacheDir: null, toolVersion: 't', ...options }));
  } catch (e) {
    return { error: (e as Error).message, problems: (e as { problems?: string[] }).problems };
  }
}

const PATHS: Array<[string, (blockBytes: number) => Partial<IngestOptions>]> = [
  ['fast, 1 MiB reads', () => ({ workers: 0 })],
  ['fast, 4093-byte reads', () => ({ workers: 0, readChunkBytes: 4093 })],
  ['fast, 61-byte reads', () => ({ workers: 0, readChunkBytes: 61 })],
  ['worker threads, tiny blocks', (blockBytes) => ({ workers: 2, parallel: { minBytes: 0, blockBytes } })],
];

describe(`every reading path gives what the general reader gives (seed ${SEED}, ${RUNS} runs)`, () => {
  it('on random checks, ticket and survey exports', async () => {
    // Rows of the random part accepted (or replaced as duplicates) and rejected over all runs, per kind: the property must see both.
    const seen = { accepted: [0, 0, 0], rejected: [0, 0, 0] };
    await fc.assert(
      fc.asyncProperty(
        (
          fc.record({
            zone: fc.constantFrom('UTC', 'Europe/London', 'America/New_York', 'Asia/Kolkata'),
            dateOrder: fc.constantFrom(null, 'ymd', 'dmy', 'mdy'),
            ambiguous: fc.constantFrom('reject', 'earlier', 'later'),
            epochUnit: fc.constantFrom('auto', 's', 'ms', 'excel-serial'),
          }) as fc.Arbitrary<Settings>
        ).chain((settings) => {
          const order = settings.dateOrder ?? 'ymd';
          return fc.boolean().chain((odd) =>
            fc.record({
              settings: fc.constant(settings),
              odd: fc.constant(odd),
              checks: fc.array(checkRow(order, odd), { maxLength: 60, size: 'max' }),
              tickets: fc.array(ticketRow(order, odd), { maxLength: 40, size: 'max' }),
              surveys: fc.array(surveyRow(order, odd), { maxLength: 40, size: 'max' }),
              eol: fc.constantFrom('\n', '\r\n', 'mixed'),
              finalEol: fc.boolean(),
              bom: fc.boolean(),
              padded: fc.boolean(),
              blockBytes: fc.constantFrom(64, 300),
            }),
          );
        }),
        async (x) => {
          const dir = mkdtempSync(path.join(tmpdir(), 'paths-agree-'));
          dirs.push(dir);
          const rows = (kind: 'checks' | 'tickets' | 'surveys', random: Row[]) => (x.padded ? [...filler(kind), ...random] : random);
          writeFileSync(path.join(dir, 'checks.csv'), fileBytes(C_HEADER, rows('checks', x.checks), x.eol, x.finalEol, x.bom));
          writeFileSync(path.join(dir, 'tickets.csv'), fileBytes(T_HEADER, rows('tickets', x.tickets), x.eol, x.finalEol, x.bom));
          writeFileSync(path.join(dir, 'surveys.csv'), fileBytes(S_HEADER, rows('surveys', x.surveys), x.eol, x.finalEol, false));
          const general = await read(dir, x.settings, { fastPath: false, workers: 0 });
          if ('files' in general)
            general.files.forEach((f, i) => {
              const filled = x.padded ? filler(f.kind as 'checks' | 'tickets' | 'surveys').length : 0;
              seen.accepted[i] = (seen.accepted[i] as number) + f.accepted + f.duplicates - filled;
              seen.rejected[i] = (seen.rejected[i] as number) + f.rejected;
            });
          for (const [name, options] of PATHS) expect(await read(dir, x.settings, options(x.blockBytes)), name).toEqual(general);
          rmSync(dir, { recursive: true, force: true });
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
    for (const n of [...seen.accepted, ...seen.rejected]) expect(n, JSON.stringify(seen)).toBeGreaterThan(RUNS);
    if (process.env.PATHS_AGREE_VERBOSE) console.log(`rows of the random parts: ${JSON.stringify(seen)}`);
  });
});

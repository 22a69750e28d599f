/**
 * Row accounting for one export file: every row read is accepted, rejected with a reason,
 * or a counted duplicate; accepted + rejected + duplicates = rows.
 */
import { type MonthId, monthBounds, monthOfIn } from '../time/periods.ts';
import { clipValue } from '../util/clip-value.ts';
import { maskPersonalData } from '../util/mask-personal-data.ts';
import { type Reason, reasonText } from '../util/reason.ts';

/** A rejected row as stored and published: its value and reason masked for personal data ({@link RowAccount.reject}). */
export interface RejectedRow {
  /** Physical 1-based line where the record starts (the header is line 1). */
  line: number;
  /** 1-based column of the offending field, null when the whole row is at fault. */
  column: number | null;
  /** Column as the export's header names it, or null for row-level problems. */
  field: string | null;
  /** The offending value as read, masked, then cut to 80 characters. */
  value: string | null;
  /** Why the row was rejected, e.g. `expected a date like 2026-11-03 08:15, got "31/02/2026"`; the values it quotes masked. */
  reason: string;
}

/** A rejected row as a reader reports it to {@link RowAccount.reject}: value and quoted texts as read, unmasked. */
export interface Rejection {
  line: number;
  column: number | null;
  field: string | null;
  /** The offending cell as read (trimmed), whole. */
  value: string | null;
  /** The tool's words, with the exported texts they quote kept apart (util/reason.ts). */
  reason: Reason;
  /**
   * Set by the row mapper when the cell is read as a timestamp: there a value wholly shaped like a
   * written date (`2026-08-32T09:15`) or an epoch (`9999999999999`) is a malformed date, not personal
   * data, and keeps its digits (shownRejected). Not stored.
   */
  timestampCell?: boolean;
}

export interface FileAccount {
  /** Path relative to the config folder, with forward slashes. */
  file: string;
  /** Source id from the config. */
  source: string;
  kind: 'checks' | 'tickets' | 'surveys' | 'incidents' | 'changes' | 'rollups' | 'duckdb';
  /** SHA-256 of the file's bytes as stored (hex). */
  sha256: string;
  /** File size in bytes as stored. */
  bytes: number;
  /** Detected or configured text encoding. */
  encoding: string;
  /** Why that encoding: a byte-order mark, the configuration, or what the bytes showed (open-export.ts). */
  encodingReason: string;
  /** Detected or configured delimiter. */
  delimiter: string;
  /** Canonical fields this file's header provides, sorted. */
  fields: string[];
  /** Data rows read (header and blank lines excluded). */
  rows: number;
  accepted: number;
  rejected: number;
  /** Earlier rows replaced by a later row with the same key. */
  duplicates: number;
  /** Fields longer than the reader's limit (MAX_FIELD_CHARS), cut there with a visible marker; counted in every row read. */
  truncated: number;
  /** First and last accepted timestamp, epoch ms; null without accepted rows. */
  firstMs: number | null;
  lastMs: number | null;
  /**
   * Accepted rows per 30-day bin of their time (bin = floor(ms / TIME_BIN_MS)): count, first and
   * last ms. The review's period range is decided on these, so a single stray row far from the
   * bulk of the data cannot stretch it (see dataRange in snapshot/review-range.ts).
   */
  timeBins: Record<string, [count: number, firstMs: number, lastMs: number]>;
  /**
   * Accepted rows per month (YYYY-MM) of the review's time zone, by their time. The review's
   * periods are whole months of that zone, so the rows outside them are counted exactly from these
   * (rowsOutsideReview in snapshot/review-range.ts), whatever months the review comes to span; a month
   * is a few bytes however many rows it has. Each count is boxed, as a time bin's is, so accepting
   * a row adds to the month the account holds without looking its key up.
   */
  monthRows: Record<string, [rows: number]>;
  /** Rejected rows in file order (the first 200 kept in full; the rest only counted). */
  rejects: RejectedRow[];
  /** Rejects per reason class (the reason with the value taken out), for the data-quality page. */
  rejectsByReason: Record<string, number>;
  /**
   * Services the config does not list, accepted under their exported names (ticket and survey
   * rows, `review.unknownServices: accept`): id given to them → the name as exported, masked for
   * personal data, and the rows naming it. The id is made from the masked name. Absent in
   * accounts cached before issue #15.
   */
  unknownServices?: Record<string, { name: string; rows: number }>;
}

export const MAX_REJECTS_KEPT = 200;

/**
 * A value wholly shaped like a written date, as parse-timestamp.ts reads them: a date (year-first,
 * day- or month-first, or with an English month name) with an optional time, 12-hour mark and
 * offset. Nothing else may be in it: `2026-10-01 call 07700 900123` is not one. Bare numbers are
 * {@link epochShaped}'s.
 */
const MONTH =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const DATE_SHAPED = new RegExp(
  `^\\s*(?:\\d{1,4}[-/.]\\d{1,2}[-/.]\\d{1,4}|\\d{1,2}[-/. ]?(?:${MONTH})[-/. ,]*\\d{2,4})` +
    `(?:[T ]+\\d{1,2}(?::\\d{1,2}){1,2}(?:[.,]\\d{1,9})?(?: ?[ap]\\.?m\\.?)?)?(?: ?(?:z|utc|gmt|[-+]\\d{1,2}(?::?\\d{2})?))?\\s*$`,
  'i',
);

/** A bare number, a fraction allowed; group 1 is its whole part. */
const BARE_NUMBER = /^\s*(\d+)(?:[.,]\d+)?\s*$/u;
/** 2100-01-01T00:00:00Z in epoch seconds: the end of the instants whose epoch digits are kept. */
const EPOCH_KEPT_END_S = 4_102_444_800;

/**
 * Whether a bare number keeps its digits in a timestamp column: at most 7 digits (the mask keeps
 * those anyway: a spreadsheet serial, a year), or epoch seconds (10 digits) or milliseconds (13) of
 * an instant before 2100, a fraction allowed. Any other bare number is masked, and the reason's own
 * words still say what the analyst needs: the digit count (`has 11 digits; epoch timestamps have 10
 * (seconds) or 13 (milliseconds)`) or the unit and year it read as (`read as epoch seconds is out of
 * range: year 2283`). Those other lengths are a Chinese mobile (11 digits, `1[3-9]…`), an Aadhaar
 * (12), a card or a resident id (15–19); a 10-digit number from 2100 on (`6…`–`9…`) is an Indian
 * mobile as often as a mistyped epoch. Limit: a North American number written as 10 bare digits
 * before `41…` reads as epoch seconds before 2100 and keeps its digits.
 */
function epochShaped(whole: string): boolean {
  if (whole.length <= 7) return true;
  if (whole.length === 10) return Number(whole) < EPOCH_KEPT_END_S;
  return whole.length === 13 && Number(whole) < EPOCH_KEPT_END_S * 1000;
}

/**
 * A rejected cell as published: masked for personal data (mask-personal-data.ts), except in a
 * timestamp column, where a value wholly shaped like a written date, or a bare number that reads as
 * epoch seconds or milliseconds ({@link epochShaped}), keeps its digits so the analyst can see the
 * bad date; another bare number there is `[number]`, not a guess at `[phone]` (a number in a
 * timestamp column is there by mistake; the label says no more than that).
 * @example shownRejected('1762157700', true) // '1762157700'
 * @example shownRejected('13800138000', true) // '[number]'
 * @example shownRejected('2026-10-01 call 07700 900123', true) // '2026-10-01 call [phone]'
 */
export function shownRejected(text: string, timestampCell: boolean): string {
  if (!timestampCell) return maskPersonalData(text);
  if (DATE_SHAPED.test(text)) return text;
  const whole = BARE_NUMBER.exec(text)?.[1];
  if (whole === undefined) return maskPersonalData(text);
  return epochShaped(whole) ? text : '[number]';
}

/** Width of an account's time bins: 30 days. */
export const TIME_BIN_MS = 30 * 86_400_000;

export function newFileAccount(init: Pick<FileAccount, 'file' | 'source' | 'kind' | 'sha256' | 'bytes'>): FileAccount {
  return {
    ...init,
    encoding: 'utf-8',
    encodingReason: '',
    delimiter: ',',
    fields: [],
    rows: 0,
    accepted: 0,
    rejected: 0,
    duplicates: 0,
    truncated: 0,
    firstMs: null,
    lastMs: null,
    timeBins: {},
    monthRows: {},
    rejects: [],
    rejectsByReason: {},
    unknownServices: {},
  };
}

/** The reason with its quoted values as "…", so `unknown service "x"` and `… "y"` count as one class. */
export function reasonClass(r: Reason): string {
  return reasonText(r, () => '…');
}

/** The counts of part of a file read elsewhere (a worker's block), with reject lines counted from the part's first line. */
export type AccountPart = Pick<
  FileAccount,
  'rows' | 'accepted' | 'rejected' | 'truncated' | 'firstMs' | 'lastMs' | 'timeBins' | 'monthRows' | 'rejects' | 'rejectsByReason'
>;

/** Per zone: the memoised month of an instant, and each month's bounds (a zone's months are few; rows are many). */
const zoneMonths = new Map<string, (ms: number) => { id: MonthId; startMs: number; endMs: number }>();

function monthsIn(zone: string): (ms: number) => { id: MonthId; startMs: number; endMs: number } {
  let z = zoneMonths.get(zone);
  if (!z) {
    const monthOf = monthOfIn(zone);
    const bounds = new Map<MonthId, { id: MonthId; startMs: number; endMs: number }>();
    z = (ms) => {
      const id = monthOf(ms);
      let b = bounds.get(id);
      if (!b) bounds.set(id, (b = { id, ...monthBounds(id, zone) }));
      return b;
    };
    zoneMonths.set(zone, z);
  }
  return z;
}

/**
 * The only writer of a file's row counts. Every row read is accepted or rejected here, and an
 * accepted row later replaced by a row with the same key moves to duplicates, so
 * accepted + rejected + duplicates = rows holds by construction. Scanners, the CSV reader and
 * the duplicate rules report to it; none of them touches a counter.
 */
export class RowAccount {
  /** The account as stored in the snapshot. */
  readonly file: FileAccount;
  // The bin of the last accepted row: rows come in time order mostly, so this saves a lookup.
  private binKey = Number.NaN;
  private bin: [number, number, number] = [0, 0, 0];
  private readonly months: ReturnType<typeof monthsIn>;
  // The month of the last accepted row and its bounds, for the same reason.
  private monthRows: [number] = [0];
  /** Rows replaced per month (duplicates), for {@link asRead}. */
  private readonly replaced = new Map<string, number>();
  private monthStartMs = Number.NaN;
  private monthEndMs = Number.NaN;

  /** @param reviewZone the review's time zone, whose months {@link FileAccount.monthRows} counts rows in */
  constructor(file: FileAccount, reviewZone: string) {
    this.file = file;
    this.months = monthsIn(reviewZone);
    file.monthRows ??= {};
  }

  /** Adds `n` to the rows of the month `timeMs` falls in. */
  private countMonth(timeMs: number, n: number): void {
    if (!(timeMs >= this.monthStartMs && timeMs < this.monthEndMs)) {
      const b = this.months(timeMs);
      this.monthRows = this.file.monthRows[b.id] ??= [0];
      this.monthStartMs = b.startMs;
      this.monthEndMs = b.endMs;
    }
    this.monthRows[0] += n;
  }

  /** A row read and accepted, with its record's time (and the service it names when the config lacks it). */
  accept(timeMs: number, unconfigured?: { id: string; name: string }): void {
    const a = this.file;
    if (unconfigured !== undefined) {
      a.unknownServices ??= {};
      const known = a.unknownServices[unconfigured.id];
      if (known) known.rows++;
      else a.unknownServices[unconfigured.id] = { name: unconfigured.name, rows: 1 };
    }
    a.rows++;
    a.accepted++;
    if (a.firstMs === null || timeMs < a.firstMs) a.firstMs = timeMs;
    if (a.lastMs === null || timeMs > a.lastMs) a.lastMs = timeMs;
    const key = Math.floor(timeMs / TIME_BIN_MS);
    let bin = this.bin;
    if (key !== this.binKey) {
      const found = a.timeBins[key];
      if (found) bin = found;
      else a.timeBins[key] = bin = [0, timeMs, timeMs];
      this.bin = bin;
      this.binKey = key;
    }
    bin[0]++;
    if (timeMs < bin[1]) bin[1] = timeMs;
    if (timeMs > bin[2]) bin[2] = timeMs;
    if (timeMs >= this.monthStartMs && timeMs < this.monthEndMs) this.monthRows[0]++;
    else this.countMonth(timeMs, 1);
  }

  /**
   * A row read and accepted that stands for checks from `timeMs` to `lastMs` (a rollups row: its
   * day's first and last check), or for none (both null: a day without checks, which moves no time).
   */
  acceptSpan(timeMs: number | null, lastMs: number | null): void {
    if (timeMs === null) {
      this.file.rows++;
      this.file.accepted++;
      return;
    }
    this.accept(timeMs);
    if (lastMs === null || lastMs === timeMs) return;
    // The last check widens the span and its bin like a row would, without counting one.
    this.accept(lastMs);
    const bin = this.file.timeBins[Math.floor(lastMs / TIME_BIN_MS)] as [number, number, number];
    bin[0]--;
    this.countMonth(lastMs, -1);
    this.file.rows--;
    this.file.accepted--;
  }

  /**
   * A row read and rejected, with its reason. This is where a rejected value is masked for
   * personal data (shownRejected), the one place every reading path reports to: the value, each
   * exported text the reason quotes, and the column name as the header wrote it. The tool's own
   * words are not masked (`expected 1970–2199` is no phone number). Values are masked before they
   * are cut, so no address is cut where the mask would no longer know it.
   */
  reject(rejected: Rejection): void {
    const { line, column, field, value, reason } = rejected;
    const shown = (text: string) => shownRejected(text, rejected.timestampCell === true);
    const row: RejectedRow = {
      line,
      column,
      field: field === null ? null : maskPersonalData(field),
      value: value === null ? null : clipValue(shown(value)),
      reason: reasonText(reason, shown),
    };
    const a = this.file;
    a.rows++;
    a.rejected++;
    const cls = `${row.field ? `${row.field}: ` : ''}${reasonClass(reason)}`;
    a.rejectsByReason[cls] = (a.rejectsByReason[cls] ?? 0) + 1;
    if (a.rejects.length < MAX_REJECTS_KEPT) a.rejects.push(row);
  }

  /** `n` fields of a row read were cut at the field length limit. */
  truncated(n: number): void {
    this.file.truncated += n;
  }

  /**
   * `n` accepted rows of this file, at `timeMs`, replaced by later rows with the same key: they
   * leave their month's count too, so the rows counted outside the review are accepted ones. Null:
   * rows accepted without a time (a rollups row of a day without checks), in no month.
   */
  duplicates(timeMs: number | null, n = 1): void {
    this.file.accepted -= n;
    this.file.duplicates += n;
    if (timeMs === null) return;
    const { id } = this.months(timeMs);
    const box = this.file.monthRows[id];
    if (box) box[0] -= n;
    this.replaced.set(id, (this.replaced.get(id) ?? 0) + n);
  }

  /** The account as read, before any of its rows were replaced: what the parse cache keeps (duplicates are settled again on replay). */
  asRead(): FileAccount {
    const a = this.file;
    const monthRows = structuredClone(a.monthRows);
    for (const [id, n] of this.replaced) (monthRows[id] as [number])[0] += n;
    return { ...a, accepted: a.accepted + a.duplicates, duplicates: 0, monthRows };
  }

  /** Adds a part of the file read elsewhere; its reject lines are shifted by `linesBefore`, the physical lines before the part. */
  add(part: AccountPart, linesBefore: number): void {
    const a = this.file;
    a.rows += part.rows;
    a.accepted += part.accepted;
    a.rejected += part.rejected;
    a.truncated += part.truncated;
    if (part.firstMs !== null && (a.firstMs === null || part.firstMs < a.firstMs)) a.firstMs = part.firstMs;
    if (part.lastMs !== null && (a.lastMs === null || part.lastMs > a.lastMs)) a.lastMs = part.lastMs;
    for (const [key, [n, lo, hi]] of Object.entries(part.timeBins)) {
      const bin = a.timeBins[key];
      if (!bin) a.timeBins[key] = [n, lo, hi];
      else {
        bin[0] += n;
        if (lo < bin[1]) bin[1] = lo;
        if (hi > bin[2]) bin[2] = hi;
      }
    }
    for (const [month, [n]] of Object.entries(part.monthRows)) {
      const box = a.monthRows[month];
      if (box) box[0] += n;
      else a.monthRows[month] = [n];
    }
    for (const [cls, n] of Object.entries(part.rejectsByReason)) a.rejectsByReason[cls] = (a.rejectsByReason[cls] ?? 0) + n;
    for (const r of part.rejects) if (a.rejects.length < MAX_REJECTS_KEPT) a.rejects.push({ ...r, line: r.line + linesBefore });
  }
}

/** Formats a reject the way messages cite it: `tickets.csv:42:7 created: expected …`. */
export function formatReject(file: string, r: RejectedRow): string {
  return `${file}:${r.line}${r.column !== null ? `:${r.column}` : ''} ${r.field ? `${r.field}: ` : ''}${r.reason}`;
}

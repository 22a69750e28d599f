/**
 * The fast path for monitoring-check exports: a byte-level scanner for the rows that need no
 * CSV parser (no quote, one line each) and whose cells are in the common forms (ISO timestamps
 * with `Z` or an offset, known service and status words, plain-number latencies). Every other
 * row is decoded and handed to the row mapper (row-mappers.ts), which is the reference for
 * validation; at the first quote, or a line ending the scanner does not take for certain,
 * the rest of the file goes to csv-parse (see ingest-sources.ts). So the accepted records,
 * the rejects with their line numbers and the row accounting are the same as the general
 * path's; test/ingest/fast-checks.test.ts checks that on the same inputs.
 *
 * It never builds a string for a row it accepts: service, probe and status cells are looked
 * up by their bytes in small caches, timestamps and numbers are read from the bytes.
 */
import { STATUS_CODES } from '../model/check-series.ts';
import type { RejectedRow, RowAccount } from './file-account.ts';
import { parseTimestamp, type TimestampOptions } from './parse-timestamp.ts';
import type { ResolvedSource } from './resolve-source.ts';
import type { RowContext } from './row-mappers.ts';
import { normWord, serviceMapper, statusMapper } from './value-maps.ts';

/** Where accepted checks go: a handle per (service, probe), then checks by handle. */
export interface CheckSink {
  seriesHandle(service: string, probe: string): number;
  /** `status` is a STATUS_* code; `latencyMs` NaN when the check has none. */
  add(handle: number, timeMs: number, status: number, latencyMs: number): void;
}

/** What the scanner needs to know about a source, from its config and the file's header. */
export interface FastChecksPlan {
  delimiter: number;
  headerLength: number;
  /** Column indices; -1 when the file has no such column. */
  time: number;
  service: number;
  probe: number;
  status: number;
  latency: number;
  defaultService: string | null;
  tsOpts: TimestampOptions;
  /** Lower-cased words that mean "no value", and per field the words that reject a row. */
  missing: Set<string>;
  rejectWords: Map<string, Set<string>>;
  mapService: (word: string) => string | null;
  mapStatus: (word: string) => 'up' | 'degraded' | 'down' | null;
}

/** A word that the fast number or timestamp reader could take for a value. */
const VALUE_LIKE = /^[\d.,:+\-TZz ]*$/;

/**
 * The plan for a checks source, or null when the fast path does not apply (then the general
 * path reads the file). Made from the same resolved source as the row mapper.
 */
export function fastChecksPlan(resolved: ResolvedSource, delimiter: string): FastChecksPlan | null {
  const { options, header, indices } = resolved;
  if (options.kind !== 'checks' || delimiter.length !== 1 || header.length > MAX_FIELDS) return null;
  const missing = new Set(options.missingWords);
  const rejectWords = new Map(Object.entries(options.rejectWords).map(([field, words]) => [field, new Set(Object.keys(words))]));
  // A "missing" or reject word that looks like a number or timestamp would be read as one here.
  for (const w of missing) if (VALUE_LIKE.test(w)) return null;
  for (const f of ['timeMs', 'latencyMs']) for (const w of rejectWords.get(f) ?? []) if (VALUE_LIKE.test(w)) return null;
  return {
    delimiter: delimiter.charCodeAt(0),
    headerLength: header.length,
    time: indices.timeMs ?? -1,
    service: indices.service ?? -1,
    probe: indices.probe ?? -1,
    status: indices.status ?? -1,
    latency: indices.latencyMs ?? -1,
    defaultService: options.defaultService,
    tsOpts: options.timestamps,
    missing,
    rejectWords,
    mapService: serviceMapper(options.services, options.values.service ?? {}),
    mapStatus: statusMapper(options.values.status ?? {}),
  };
}

/**
 * A small hash table from a cell's bytes to a value computed once per distinct cell. Bounded:
 * past `limit` distinct cells new ones are not cached (they still resolve, just slower).
 */
class ByteCache<V> {
  private table = new Int32Array(1024);
  private readonly keys: Buffer[] = [];
  private readonly hashes: number[] = [];
  readonly values: V[] = [];
  private readonly limit: number;

  constructor(limit = 50_000) {
    this.limit = limit;
  }

  /** FNV-1a over short cells; over longer ones, of their length and three 4-byte words. */
  static hash(buf: Buffer, a: number, b: number): number {
    const n = b - a;
    let h = 0x811c9dc5;
    if (n < 12) {
      for (let i = a; i < b; i++) h = Math.imul(h ^ (buf[i] as number), 16777619);
      return h >>> 0;
    }
    h = Math.imul(h ^ n, 16777619);
    h = Math.imul(h ^ word(buf, a), 16777619);
    h = Math.imul(h ^ word(buf, a + (n >> 1) - 2), 16777619);
    h = Math.imul(h ^ word(buf, b - 4), 16777619);
    return (h ^ (h >>> 15)) >>> 0;
  }

  /** FNV-1a over every 4-byte word of the cells (then the bytes left): for keys that differ anywhere. */
  static hashAll(buf: Buffer, a: number, b: number): number {
    let h = Math.imul(0x811c9dc5 ^ (b - a), 16777619);
    let i = a;
    for (; i + 4 <= b; i += 4) h = Math.imul(h ^ word(buf, i), 16777619);
    for (; i < b; i++) h = Math.imul(h ^ (buf[i] as number), 16777619);
    return (h ^ (h >>> 15)) >>> 0;
  }

  /** Whether entry `e` is the cell's. */
  matches(e: number, buf: Buffer, a: number, b: number): boolean {
    const k = this.keys[e] as Buffer;
    const len = b - a;
    if (k.length !== len) return false;
    for (let i = 0; i < len; i++) if (k[i] !== buf[a + i]) return false;
    return true;
  }

  /** Index of the cell's entry, or -1. */
  find(buf: Buffer, a: number, b: number, h: number): number {
    const mask = this.table.length - 1;
    const len = b - a;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const e = (this.table[slot] as number) - 1;
      if (e < 0) return -1;
      if (this.hashes[e] !== h) continue;
      const k = this.keys[e] as Buffer;
      if (k.length !== len) continue;
      let i = 0;
      while (i < len && k[i] === buf[a + i]) i++;
      if (i === len) return e;
    }
  }

  /** Adds an entry (the caller found none); returns its index, or -1 when the cache is full. */
  add(buf: Buffer, a: number, b: number, h: number, value: V): number {
    if (this.keys.length >= this.limit) return -1;
    if ((this.keys.length + 1) * 2 > this.table.length) this.rehash();
    const e = this.keys.length;
    this.keys.push(Buffer.from(buf.subarray(a, b)));
    this.hashes.push(h);
    this.values.push(value);
    const mask = this.table.length - 1;
    let slot = h & mask;
    while ((this.table[slot] as number) !== 0) slot = (slot + 1) & mask;
    this.table[slot] = e + 1;
    return e;
  }

  private rehash(): void {
    const table = new Int32Array(this.table.length * 2);
    const mask = table.length - 1;
    this.hashes.forEach((h, e) => {
      let slot = h & mask;
      while ((table[slot] as number) !== 0) slot = (slot + 1) & mask;
      table[slot] = e + 1;
    });
    this.table = table;
  }
}

const MAX_FIELDS = 256;

/** A (service, probe) series as the fast path resolved it from cell bytes; `handle` is the sink's, -1 until first used. */
interface SeriesRef {
  key: number;
  service: string;
  probe: string;
  handle: number;
}
/** seriesRef's answer when a cell cache is full: the row goes to the row mapper, and nothing is cached. */
const FULL: SeriesRef = { key: -1, service: '', probe: '', handle: -1 };
const QUOTE = 34;
const CR = 13;
const LF = 10;

/** Result of scanning a buffer. */
export interface ScanResult {
  /** Offset of the first byte not consumed: the partial last line, or the line handed over. */
  consumed: number;
  /** True when the scanner stopped at a line it hands to the full parser (a quote, a stray CR). */
  handover: boolean;
}

/**
 * Scans data lines of a checks export. Keeps the physical line number across calls, so the
 * caller feeds buffers in file order (after the header line) and reads `line` to know where
 * a handover starts.
 */
export class FastCheckScanner {
  /** Physical 1-based number of the next line to read. */
  line: number;
  private readonly plan: FastChecksPlan;
  private readonly map: (fields: string[], line: number) => RowContext | RejectedRow;
  private readonly sink: CheckSink;
  private account: RowAccount;
  private readonly crlf: boolean;
  private readonly starts = new Int32Array(MAX_FIELDS + 1);
  private readonly services = new ByteCache<string | null>();
  private readonly probes = new ByteCache<string | null>();
  private readonly statuses = new ByteCache<number>(1000);
  /** Entry of the last status cell looked up, or -1. */
  private lastStatus = -1;
  /** (service entry, probe entry) → sink handle. */
  private readonly handles = new Map<number, number>();
  /**
   * When the service and probe columns are adjacent: the bytes of both cells (and the delimiter
   * between them) → their series, one lookup instead of two; null when the fast path does not take them.
   */
  private readonly pairs: ByteCache<SeriesRef | null> | null;
  /** Highest column index the row mapper reads. */
  private readonly lastUsed: number;
  // Last hour start resolved for an ISO timestamp, keyed by its packed fields.
  private hourKey = -1;
  private hourMs = 0;

  /**
   * @param firstLine physical line number of the first data line (the header is line 1)
   * @param crlf whether lines end in CR LF (decided from the header line, as csv-parse does)
   */
  constructor(
    plan: FastChecksPlan,
    map: (fields: string[], line: number) => RowContext | RejectedRow,
    sink: CheckSink,
    account: RowAccount,
    firstLine: number,
    crlf: boolean,
  ) {
    this.plan = plan;
    this.map = map;
    this.sink = sink;
    this.account = account;
    this.line = firstLine;
    this.crlf = crlf;
    this.lastUsed = Math.max(plan.time, plan.service, plan.probe, plan.status, plan.latency);
    this.pairs = plan.service >= 0 && plan.probe === plan.service + 1 ? new ByteCache<SeriesRef | null>() : null;
  }

  /** Carries on with another account and line count (a worker's next block), keeping the caches. */
  restart(account: RowAccount, firstLine: number): void {
    this.account = account;
    this.line = firstLine;
  }

  /**
   * Reads the complete lines of `buf[start, end)`; with `final`, the last line needs no line
   * ending. Stops before a line it cannot take for certain (handover).
   */
  scan(buf: Buffer, start: number, end: number, final: boolean): ScanResult {
    const plan = this.plan;
    const delim = plan.delimiter;
    const starts = this.starts;
    const nFields = plan.headerLength;
    // Delimiters to find byte by byte: those that end the columns the row mapper reads. The
    // rest of the line is checked with native searches (its field count must still match).
    const needed = Math.min(this.lastUsed + 1, nFields - 1);
    const crlf = this.crlf;
    // A quote, or a CR outside a CR LF line end, hands the line over: find them natively, once.
    let quoteAt = buf.indexOf(QUOTE, start);
    if (quoteAt < 0 || quoteAt >= end) quoteAt = end;
    let crAt = crlf ? end : buf.indexOf(CR, start);
    if (crAt < 0 || crAt >= end) crAt = end;
    let pos = start;
    while (pos < end) {
      let nl = buf.indexOf(LF, pos);
      if (nl < 0 || nl >= end) {
        if (!final) return { consumed: pos, handover: false };
        nl = end;
      }
      if (quoteAt < nl || crAt < nl) return { consumed: pos, handover: true };
      let lineEnd = nl;
      if (crlf) {
        if (nl < end) {
          // A bare LF in a CR LF file is not a record end for csv-parse: hand it over.
          if (lineEnd === pos || buf[lineEnd - 1] !== CR) return { consumed: pos, handover: true };
          lineEnd--;
        }
        const cr = buf.indexOf(CR, pos);
        if (cr >= 0 && cr < lineEnd) return { consumed: pos, handover: true };
      }
      if (lineEnd === pos) {
        // A blank line: skipped, not a row, but a physical line.
        this.line++;
        pos = nl + 1;
        continue;
      }
      let count = 0;
      starts[0] = pos;
      let i = pos;
      if (needed > 0) {
        // The first cell (usually a timestamp, the longest) with a native search.
        const d = buf.indexOf(delim, pos);
        if (d >= 0 && d < lineEnd) {
          i = d + 1;
          starts[++count] = i;
        } else i = lineEnd;
      }
      while (count < needed) {
        while (i < lineEnd && buf[i] !== delim) i++;
        if (i >= lineEnd) break;
        starts[++count] = ++i;
      }
      if (count === needed) {
        while (count < MAX_FIELDS) {
          const d = buf.indexOf(delim, i);
          if (d < 0 || d >= lineEnd) break;
          starts[++count] = d + 1;
          i = d + 1;
        }
      }
      count++;
      starts[count] = lineEnd + 1;
      const line = this.line;
      if (count !== nFields || !this.fastRow(buf)) this.slowRow(buf, pos, lineEnd, line);
      this.line++;
      pos = nl + 1;
    }
    return { consumed: pos, handover: false };
  }

  /** Accepts a row in the common forms; false when the row mapper must judge it. */
  private fastRow(buf: Buffer): boolean {
    const plan = this.plan;
    const starts = this.starts;

    // Timestamp.
    const ts = plan.time;
    const timeMs = this.isoTime(buf, starts[ts] as number, (starts[ts + 1] as number) - 1);
    if (Number.isNaN(timeMs)) return false;

    // Service and probe.
    let ref: SeriesRef | null;
    const pairs = this.pairs;
    if (pairs !== null) {
      const a = starts[plan.service] as number;
      const b = (starts[plan.probe + 1] as number) - 1;
      const h = ByteCache.hashAll(buf, a, b);
      const e = pairs.find(buf, a, b, h);
      if (e >= 0) ref = pairs.values[e] as SeriesRef | null;
      else {
        ref = this.seriesRef(buf);
        // A pair the component caches could not hold is not cached either (it is tried again).
        if (ref !== FULL) pairs.add(buf, a, b, h, ref);
      }
    } else ref = this.seriesRef(buf);
    if (ref === null || ref === FULL) return false;

    // Status.
    if (plan.status < 0) return false;
    const sa = starts[plan.status] as number;
    const sb = (starts[plan.status + 1] as number) - 1;
    if (sb === sa) return false;
    // Most rows repeat the previous row's status word: compare with it before hashing.
    let stEntry = this.lastStatus;
    if (stEntry < 0 || !this.statuses.matches(stEntry, buf, sa, sb)) {
      const sh = ByteCache.hash(buf, sa, sb);
      stEntry = this.statuses.find(buf, sa, sb, sh);
      if (stEntry < 0) stEntry = this.statuses.add(buf, sa, sb, sh, this.resolveStatus(buf, sa, sb));
      if (stEntry < 0) return false;
      this.lastStatus = stEntry;
    }
    const status = this.statuses.values[stEntry] as number;
    if (status < 0) return false;

    // Latency: empty, or a plain non-negative decimal number.
    let latencyMs = Number.NaN;
    if (plan.latency >= 0) {
      const la = starts[plan.latency] as number;
      const lb = (starts[plan.latency + 1] as number) - 1;
      if (lb > la) {
        latencyMs = readNumber(buf, la, lb);
        if (latencyMs < 0) return false;
      }
    }

    let handle = ref.handle;
    if (handle < 0) {
      const h = this.handles.get(ref.key);
      if (h === undefined) {
        handle = this.sink.seriesHandle(ref.service, ref.probe);
        this.handles.set(ref.key, handle);
      } else handle = h;
      ref.handle = handle;
    }
    this.sink.add(handle, timeMs, status, latencyMs);
    this.account.accept(timeMs);
    return true;
  }

  /** The series of the row's service and probe cells; null when the row mapper must judge them, FULL when a cache is full. */
  private seriesRef(buf: Buffer): SeriesRef | null {
    const plan = this.plan;
    const starts = this.starts;
    let svcEntry: number;
    let service: string;
    if (plan.service >= 0 && (starts[plan.service + 1] as number) - 1 > (starts[plan.service] as number)) {
      const a = starts[plan.service] as number;
      const b = (starts[plan.service + 1] as number) - 1;
      const h = ByteCache.hash(buf, a, b);
      svcEntry = this.services.find(buf, a, b, h);
      if (svcEntry < 0) svcEntry = this.services.add(buf, a, b, h, this.resolveService(buf, a, b));
      if (svcEntry < 0) return FULL;
      const s = this.services.values[svcEntry];
      if (s === null || s === undefined) return null;
      service = s;
    } else {
      if (plan.defaultService === null) return null;
      service = plan.defaultService;
      svcEntry = 0x7fff;
    }

    let prEntry = 0x7fff;
    let probe = 'default';
    if (plan.probe >= 0) {
      const pa = starts[plan.probe] as number;
      const pb = (starts[plan.probe + 1] as number) - 1;
      if (pb > pa) {
        const ph = ByteCache.hash(buf, pa, pb);
        prEntry = this.probes.find(buf, pa, pb, ph);
        if (prEntry < 0) prEntry = this.probes.add(buf, pa, pb, ph, this.resolveProbe(buf, pa, pb));
        if (prEntry < 0) return FULL;
        const p = this.probes.values[prEntry];
        if (p === null || p === undefined) return null;
        probe = p;
      }
    }

    return { key: svcEntry * 0x8000 + prEntry, service, probe, handle: -1 };
  }

  /** The row as strings, judged by the row mapper. */
  private slowRow(buf: Buffer, pos: number, lineEnd: number, line: number): void {
    const fields: string[] = [];
    const delim = this.plan.delimiter;
    let a = pos;
    for (let i = pos; i <= lineEnd; i++) {
      if (i === lineEnd || buf[i] === delim) {
        fields.push(buf.toString('utf8', a, i));
        a = i + 1;
      }
    }
    const out = this.map(fields, line);
    if ('reason' in out) {
      this.account.reject(out);
      return;
    }
    this.account.accept(out.timeMs);
    // A checks source's mapper makes only checks.
    if (out.kind !== 'check') return;
    const c = out.check;
    this.sink.add(this.sink.seriesHandle(c.service, c.probe), c.timeMs, STATUS_CODES[c.status], c.latencyMs ?? Number.NaN);
  }

  /**
   * The cell as the row mapper's `raw` reads it (printable ASCII, no space at either end, so
   * trimming changes nothing), or null when it is not such a cell or is a special word.
   */
  private plainCell(buf: Buffer, a: number, b: number, field: string): string | null {
    if (b <= a || buf[a] === 0x20 || buf[b - 1] === 0x20) return null;
    for (let i = a; i < b; i++) {
      const c = buf[i] as number;
      if (c < 0x20 || c > 0x7e) return null;
    }
    const v = buf.toString('latin1', a, b);
    if (this.plan.missing.has(v.toLowerCase())) return null;
    if (this.plan.rejectWords.get(field)?.has(normWord(v))) return null;
    return v;
  }

  private resolveService(buf: Buffer, a: number, b: number): string | null {
    const v = this.plainCell(buf, a, b, 'service');
    return v === null ? null : this.plan.mapService(v);
  }

  private resolveProbe(buf: Buffer, a: number, b: number): string | null {
    return this.plainCell(buf, a, b, 'probe');
  }

  private resolveStatus(buf: Buffer, a: number, b: number): number {
    const v = this.plainCell(buf, a, b, 'status');
    const s = v === null ? null : this.plan.mapStatus(v);
    return s === null ? -1 : STATUS_CODES[s];
  }

  /**
   * An ISO timestamp `YYYY-MM-DD[T ]HH:MM:SS[.fff…](Z|±HH:MM)` read from bytes, equal to what
   * parseTimestamp returns for it; other forms go through parseTimestamp itself. NaN when the
   * cell is not a valid timestamp (the row mapper then gives the reason).
   */
  private isoTime(buf: Buffer, a: number, b: number): number {
    const n = b - a;
    if (
      n >= 20 &&
      buf[a + 4] === 45 &&
      buf[a + 7] === 45 &&
      (buf[a + 10] === 84 || buf[a + 10] === 32) &&
      buf[a + 13] === 58 &&
      buf[a + 16] === 58
    ) {
      const year = d4(buf, a);
      const month = d2(buf, a + 5);
      const day = d2(buf, a + 8);
      const hour = d2(buf, a + 11);
      const minute = d2(buf, a + 14);
      const second = d2(buf, a + 17);
      if (year >= 1000 && month >= 1 && month <= 12 && day >= 1 && day <= 28 && hour <= 23 && minute <= 59 && second <= 59) {
        let p = a + 19;
        let milli = 0;
        const fc = p < b ? buf[p] : -1;
        if (fc === 46 || fc === 44) {
          p++;
          let digits = 0;
          let frac = 0;
          while (p < b) {
            const d = (buf[p] as number) - 48;
            if (d < 0 || d > 9) break;
            if (digits < 3) frac = frac * 10 + d;
            digits++;
            p++;
          }
          if (digits === 0) return this.slowTime(buf, a, b);
          milli = digits === 1 ? frac * 100 : digits === 2 ? frac * 10 : frac;
        }
        let offsetMin = 0;
        const z = p < b ? buf[p] : -1;
        if (p + 1 === b && (z === 90 || z === 122)) {
          // Z
        } else if (p + 6 === b && (z === 43 || z === 45) && buf[p + 3] === 58) {
          const oh = d2(buf, p + 1);
          const om = d2(buf, p + 4);
          if (oh < 0 || om < 0 || oh > 18 || om > 59) return this.slowTime(buf, a, b);
          offsetMin = (z === 45 ? -1 : 1) * (oh * 60 + om);
        } else {
          return this.slowTime(buf, a, b);
        }
        const key = ((year * 16 + month) * 32 + day) * 32 + hour;
        if (key !== this.hourKey) {
          this.hourKey = key;
          this.hourMs = Date.UTC(year, month - 1, day, hour);
        }
        return this.hourMs + minute * 60_000 + second * 1000 + milli - offsetMin * 60_000;
      }
    }
    return this.slowTime(buf, a, b);
  }

  private slowTime(buf: Buffer, a: number, b: number): number {
    const v = this.plainCell(buf, a, b, 'timeMs');
    if (v === null) return Number.NaN;
    const r = parseTimestamp(v, this.plan.tsOpts);
    return r.ok ? r.ms : Number.NaN;
  }
}

function word(buf: Buffer, i: number): number {
  return (buf[i] as number) | ((buf[i + 1] as number) << 8) | ((buf[i + 2] as number) << 16) | ((buf[i + 3] as number) << 24);
}

/** Two ASCII digits, or -1. */
function d2(buf: Buffer, i: number): number {
  const x = (buf[i] as number) - 48;
  const y = (buf[i + 1] as number) - 48;
  return x >= 0 && x <= 9 && y >= 0 && y <= 9 ? x * 10 + y : -1;
}

function d4(buf: Buffer, i: number): number {
  const x = d2(buf, i);
  const y = d2(buf, i + 2);
  return x < 0 || y < 0 ? -1 : x * 100 + y;
}

/**
 * A plain non-negative decimal (`123`, `12.5`, `12.`, `.5`) as Number() reads it; -1 for
 * anything else (signs, exponents, spaces, words), which the row mapper then judges.
 */
function readNumber(buf: Buffer, a: number, b: number): number {
  let v = 0;
  let i = a;
  while (i < b) {
    const d = (buf[i] as number) - 48;
    if (d < 0 || d > 9) break;
    v = v * 10 + d;
    i++;
  }
  if (i === b) return i - a <= 15 ? v : -1;
  if (buf[i] !== 46) return -1;
  const intDigits = i - a;
  i++;
  const fracStart = i;
  while (i < b) {
    const d = (buf[i] as number) - 48;
    if (d < 0 || d > 9) return -1;
    i++;
  }
  if (intDigits + (i - fracStart) === 0 || intDigits > 15) return -1;
  return Number(buf.toString('latin1', a, b));
}

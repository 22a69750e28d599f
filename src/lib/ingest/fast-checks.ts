/**
 * The fast path for monitoring-check exports: byte-level row work for the lines the shared line
 * loop (line-loop.ts) takes, accepting the rows whose cells are in the common forms (ISO
 * timestamps with `Z` or an offset, known service and status words, plain-number latencies)
 * without a CSV parser. Every other row is decoded and handed to the row mapper
 * (row-mappers.ts), which is the reference for validation; the loop hands the rest of the file
 * to the general reader (csv-stream.ts) at the first line it does not take. So the accepted records, the rejects with
 * their line numbers and the row accounting are the same as the general path's;
 * test/ingest/fast-checks.test.ts and test/ingest/paths-agree.test.ts check that.
 *
 * It never builds a string for a row it accepts: service, probe and status cells are looked
 * up by their bytes in small caches (byte-cells.ts), timestamps and numbers are read from the bytes.
 */
import { STATUS_CODES } from '../model/check-series.ts';
import { DEFAULT_PROBE } from '../model/records.ts';
import { normWord, serviceMapper, statusMapper } from '../model/value-maps.ts';
import { parseTimestamp, type TimestampOptions } from '../time/parse-timestamp.ts';
import { ByteCache, type HourCache, isoTimeFromBytes, readNumber } from './byte-cells.ts';
import type { Rejection, RowAccount } from './file-account.ts';
import type { LineRows } from './line-loop.ts';
import type { ResolvedSource } from './resolve-source.ts';
import type { RowContext } from './row-mappers.ts';

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
  /** The source's asOf, epoch ms (+Infinity without one): a later check goes to the row mapper, which rejects it. */
  asOfMs: number;
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
    asOfMs: options.asOf?.ms ?? Number.POSITIVE_INFINITY,
    missing,
    rejectWords,
    mapService: serviceMapper(options.services, options.values.service ?? {}),
    mapStatus: statusMapper(options.values.status ?? {}),
  };
}

const MAX_FIELDS = 256;
/** Cells a service or probe cache holds (ByteCache's limit). */
const CELL_LIMIT = 50_000;
/**
 * A series key is (service entry × KEY_SPAN + probe entry), NO_ENTRY standing for a default
 * service or an empty probe: both above every entry a cache of CELL_LIMIT cells gives, so no two
 * series share a key (with 0x8000 and 0x7fff, the 32,768th probe took the empty probe's series).
 */
const KEY_SPAN = 0x10000;
const NO_ENTRY = KEY_SPAN - 1;

/** A (service, probe) series as the fast path resolved it from cell bytes; `handle` is the sink's, -1 until first used. */
interface SeriesRef {
  key: number;
  service: string;
  probe: string;
  handle: number;
}
/** seriesRef's answer when a cell cache is full: the row goes to the row mapper, and nothing is cached. */
const FULL: SeriesRef = { key: -1, service: '', probe: '', handle: -1 };
/**
 * The per-row work of the checks fast path, fed by the shared line loop (line-loop.ts). Its
 * caches live as long as the reader, across blocks and accounts.
 */
export class FastCheckRows implements LineRows {
  private readonly plan: FastChecksPlan;
  private readonly map: (fields: string[], line: number) => RowContext | Rejection;
  private readonly sink: CheckSink;
  /** Where rows are counted; a worker gives each block its own. */
  account: RowAccount;
  private readonly starts = new Int32Array(MAX_FIELDS + 1);
  private readonly services = new ByteCache<string | null>(CELL_LIMIT);
  private readonly probes = new ByteCache<string | null>(CELL_LIMIT);
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
  /**
   * Delimiters to find byte by byte: those that end the columns the row mapper reads. The rest
   * of the line is checked with native searches (its field count must still match).
   */
  private readonly needed: number;
  private readonly hour: HourCache = { key: -1, ms: 0 };

  constructor(plan: FastChecksPlan, map: (fields: string[], line: number) => RowContext | Rejection, sink: CheckSink, account: RowAccount) {
    this.plan = plan;
    this.map = map;
    this.sink = sink;
    this.account = account;
    const lastUsed = Math.max(plan.time, plan.service, plan.probe, plan.status, plan.latency);
    this.needed = Math.min(lastUsed + 1, plan.headerLength - 1);
    this.pairs = plan.service >= 0 && plan.probe === plan.service + 1 ? new ByteCache<SeriesRef | null>() : null;
  }

  /** One data line `buf[pos, lineEnd)`: accepted here in the common forms, else judged by the row mapper. */
  row(buf: Buffer, pos: number, lineEnd: number, line: number): void {
    const delim = this.plan.delimiter;
    const starts = this.starts;
    const needed = this.needed;
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
    if (count !== this.plan.headerLength || !this.fastRow(buf)) this.slowRow(buf, pos, lineEnd, line);
  }

  /** Accepts a row in the common forms; false when the row mapper must judge it. */
  private fastRow(buf: Buffer): boolean {
    const plan = this.plan;
    const starts = this.starts;

    // Timestamp.
    const ta = starts[plan.time] as number;
    const tb = (starts[plan.time + 1] as number) - 1;
    let timeMs = isoTimeFromBytes(buf, ta, tb, this.hour);
    if (Number.isNaN(timeMs)) timeMs = this.slowTime(buf, ta, tb);
    if (Number.isNaN(timeMs) || timeMs > plan.asOfMs) return false;

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
      svcEntry = NO_ENTRY;
    }

    let prEntry = NO_ENTRY;
    let probe = DEFAULT_PROBE;
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

    return { key: svcEntry * KEY_SPAN + prEntry, service, probe, handle: -1 };
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
    // A checks source's mapper makes only checks.
    if (out.kind !== 'check') return;
    this.account.accept(out.timeMs);
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

  /** A timestamp in any other form, through parseTimestamp; NaN when it is not one (the row mapper then gives the reason). */
  private slowTime(buf: Buffer, a: number, b: number): number {
    const v = this.plainCell(buf, a, b, 'timeMs');
    if (v === null) return Number.NaN;
    const r = parseTimestamp(v, this.plan.tsOpts);
    return r.ok ? r.ms : Number.NaN;
  }
}

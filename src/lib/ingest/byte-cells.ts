/**
 * Cells read from bytes for the checks fast path (fast-checks.ts), without making a string:
 * a small hash table from a cell's bytes to what it resolved to, ISO timestamps and plain
 * numbers read from digits. Each reader gives up (NaN, -1) on anything it does not read
 * exactly as the row mapper would, and the row mapper then judges the cell.
 */

/**
 * A small hash table from a cell's bytes to a value computed once per distinct cell. Bounded:
 * past `limit` distinct cells new ones are not cached (they still resolve, just slower).
 */
export class ByteCache<V> {
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

/** The last hour start an ISO timestamp resolved to, keyed by its packed fields (rows repeat the hour). */
export interface HourCache {
  key: number;
  ms: number;
}

/**
 * An ISO timestamp `YYYY-MM-DD[T ]HH:MM:SS[.fff…](Z|±HH:MM)` read from bytes, equal to what
 * parseTimestamp returns for it. NaN when the cell is not in exactly that form with plainly
 * valid fields (day 28 at most, say): parseTimestamp then reads it. Every digit is checked: a
 * space or letter where one belongs gives NaN, never a field of -1.
 *
 * @param buf the line's bytes; the cell is `buf[a, b)`
 * @param cache the hour last resolved, kept by the caller across rows
 * @returns epoch milliseconds, or NaN
 * @example isoTimeFromBytes(Buffer.from('2026-11-03T08:15:00+08:00'), 0, 25, { key: -1, ms: 0 }) // 1762128900000 (2026-11-03T00:15:00Z)
 * @example isoTimeFromBytes(Buffer.from('2026-11-03T 8:15:00Z'), 0, 20, { key: -1, ms: 0 }) // NaN (parseTimestamp rejects it)
 */
export function isoTimeFromBytes(buf: Buffer, a: number, b: number, cache: HourCache): number {
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
    // Every field is checked from below too: d2 gives -1 for a non-digit, which `hour <= 23` alone let through.
    if (
      year >= 1970 &&
      year <= 2199 &&
      month >= 1 &&
      month <= 12 &&
      day >= 1 &&
      day <= 28 &&
      hour >= 0 &&
      hour <= 23 &&
      minute >= 0 &&
      minute <= 59 &&
      second >= 0 &&
      second <= 59
    ) {
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
        if (digits === 0) return Number.NaN;
        milli = digits === 1 ? frac * 100 : digits === 2 ? frac * 10 : frac;
      }
      let offsetMin = 0;
      const z = p < b ? buf[p] : -1;
      if (p + 1 === b && (z === 90 || z === 122)) {
        // Z
      } else if (p + 6 === b && (z === 43 || z === 45) && buf[p + 3] === 58) {
        const oh = d2(buf, p + 1);
        const om = d2(buf, p + 4);
        if (oh < 0 || om < 0 || oh > 18 || om > 59) return Number.NaN;
        offsetMin = (z === 45 ? -1 : 1) * (oh * 60 + om);
      } else {
        return Number.NaN;
      }
      const key = ((year * 16 + month) * 32 + day) * 32 + hour;
      if (key !== cache.key) {
        cache.key = key;
        cache.ms = Date.UTC(year, month - 1, day, hour);
      }
      return cache.ms + minute * 60_000 + second * 1000 + milli - offsetMin * 60_000;
    }
  }
  return Number.NaN;
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
export function readNumber(buf: Buffer, a: number, b: number): number {
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

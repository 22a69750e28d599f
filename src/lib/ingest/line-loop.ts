/**
 * The line loop of both fast scanners (fast-checks.ts, fast-records.ts): it cuts a UTF-8 byte
 * stream into data lines, numbers them, and decides which lines a scanner may read without a
 * CSV parser. Each scanner supplies only its per-row work (`LineRows`).
 *
 * A line is taken when the general reader (csv-stream.ts) would read it as exactly the text
 * between its delimiters, with nothing to report:
 * - it holds no quote, and no CR other than the one of a CR LF line end (CR LF and LF both
 *   end a line, mixed in one file);
 * - it is valid UTF-8, holds no NUL byte and no byte-order mark, and is no longer than the
 *   field length limit (MAX_FIELD_CHARS) in bytes: the general reader rejects, refuses or cuts
 *   those, and a field cannot have more UTF-16 units than bytes.
 * At the first line that fails, the loop stops and hands the rest of the file over to the
 * general reader (csv-stream.ts), with the physical line number before it. An empty line is no row, but a
 * physical line. A line cut by a read waits for the next read.
 */
import { isUtf8 } from 'node:buffer';
import { MAX_FIELD_CHARS } from './field-limit.ts';

const QUOTE = 34;
const CR = 13;
const LF = 10;
const NUL = 0;
/** A byte-order mark in UTF-8. */
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** The first NUL byte or byte-order mark in `buf[start, stop)`, else `stop`. */
function oddByteAt(buf: Buffer, start: number, stop: number): number {
  let at = buf.indexOf(NUL, start);
  if (at < 0 || at >= stop) at = stop;
  const bom = buf.indexOf(BOM, start);
  return bom >= 0 && bom < at ? bom : at;
}

/** A scanner's per-row work: the bytes of one data line, without its line ending, and its physical line number. */
export interface LineRows {
  row(buf: Buffer, start: number, end: number, line: number): void;
}

/** Result of scanning a buffer. */
export interface ScanResult {
  /** Offset of the first byte not consumed: the partial last line, or the line handed over. */
  consumed: number;
  /** True when the loop stopped at a line it hands to the general reader. */
  handover: boolean;
}

export class LineLoop {
  /** Physical 1-based number of the next line to read. */
  line: number;
  private readonly rows: LineRows;

  /**
   * @param firstLine physical line number of the first data line (the header is line 1)
   * @param _crlf the header line's line end; no longer used (CR LF and LF both end every line)
   */
  constructor(rows: LineRows, firstLine: number, _crlf?: boolean) {
    this.rows = rows;
    this.line = firstLine;
  }

  /**
   * Reads the complete lines of `buf[start, end)`; with `final`, the last line needs no line
   * ending. Stops before a line it hands over.
   */
  scan(buf: Buffer, start: number, end: number, final: boolean): ScanResult {
    let stop = end;
    if (!final) {
      const lastLf = buf.lastIndexOf(LF, end - 1);
      if (lastLf < start) return { consumed: start, handover: false };
      stop = lastLf + 1;
    }
    // LF never occurs inside a UTF-8 character, so the lines before a bad one decode alike either way.
    const badAt = isUtf8(buf.subarray(start, stop)) ? stop : firstBadLine(buf, start, stop);
    const rows = this.rows;
    // Quotes, NULs, byte-order marks and CRs, found natively once per buffer.
    let quoteAt = buf.indexOf(QUOTE, start);
    if (quoteAt < 0 || quoteAt >= stop) quoteAt = stop;
    const oddAt = oddByteAt(buf, start, stop);
    if (oddAt < quoteAt) quoteAt = oddAt;
    // The next CR, searched again only once a line end has passed it: one scan per buffer for LF
    // files (a search from every line to the end of the buffer made reading quadratic).
    let crAt = buf.indexOf(CR, start);
    if (crAt < 0 || crAt >= stop) crAt = stop;
    let pos = start;
    while (pos < stop) {
      let nl = buf.indexOf(LF, pos);
      if (nl < 0 || nl >= stop) nl = stop;
      if (quoteAt < nl || pos >= badAt || nl - pos > MAX_FIELD_CHARS) return { consumed: pos, handover: true };
      // CR LF and LF both end a line, mixed in one file; any other CR goes to the general reader.
      const lineEnd = nl < stop && nl > pos && buf[nl - 1] === CR ? nl - 1 : nl;
      if (crAt < pos) {
        crAt = buf.indexOf(CR, pos);
        if (crAt < 0 || crAt >= stop) crAt = stop;
      }
      if (crAt < lineEnd) return { consumed: pos, handover: true };
      const line = this.line++;
      if (lineEnd > pos) rows.row(buf, pos, lineEnd, line);
      pos = nl + 1;
    }
    return { consumed: stop, handover: false };
  }
}

/** Start of the first line of `buf[start, stop)` that is not valid UTF-8 (the range holds one). */
function firstBadLine(buf: Buffer, start: number, stop: number): number {
  for (let pos = start; pos < stop; ) {
    let nl = buf.indexOf(LF, pos);
    if (nl < 0 || nl >= stop) nl = stop - 1;
    if (!isUtf8(buf.subarray(pos, nl + 1))) return pos;
    pos = nl + 1;
  }
  return stop;
}

/**
 * The first line of a byte stream: its bytes without the line end, the buffer read so far, and
 * whether the stream ended. Reading stops early at a bare CR (a CR with no LF after it) before any
 * LF, with `nl` -1: the header is then not plain, and the general reader refuses it at once
 * (csv-stream.ts) instead of this loop reading a file of CR-only line ends whole.
 */
export async function readHeaderLine(
  it: AsyncIterator<Buffer>,
): Promise<{ buf: Buffer; ended: boolean; nl: number; crlf: boolean; headerBytes: Buffer }> {
  let buf: Buffer = Buffer.alloc(0);
  let ended = false;
  while (!ended && buf.indexOf(LF) < 0 && !hasBareCr(buf)) {
    const r = await it.next();
    if (r.done) ended = true;
    else buf = buf.length ? Buffer.concat([buf, r.value]) : r.value;
  }
  const nl = buf.indexOf(LF);
  const crlf = nl > 0 && buf[nl - 1] === CR;
  return { buf, ended, nl, crlf, headerBytes: nl < 0 ? buf : buf.subarray(0, crlf ? nl - 1 : nl) };
}

/** Whether `buf` holds a CR followed by a byte other than LF. */
function hasBareCr(buf: Buffer): boolean {
  for (let cr = buf.indexOf(CR); cr >= 0 && cr + 1 < buf.length; cr = buf.indexOf(CR, cr + 1)) if (buf[cr + 1] !== LF) return true;
  return false;
}

/**
 * Whether the fast scanners can take a file with this header line: one unquoted line of UTF-8
 * without a stray CR, and a one-byte delimiter. Otherwise the general reader reads the whole file.
 */
export function plainHeader(headerBytes: Buffer, nl: number, delimiter: string): boolean {
  return (
    nl >= 0 &&
    delimiter.length === 1 &&
    delimiter.charCodeAt(0) <= 0x7f &&
    headerBytes.length > 0 &&
    !headerBytes.includes(QUOTE) &&
    !headerBytes.includes(CR) &&
    oddByteAt(headerBytes, 0, headerBytes.length) === headerBytes.length &&
    headerBytes.length <= MAX_FIELD_CHARS &&
    isUtf8(headerBytes)
  );
}

/**
 * Feeds the rest of a byte stream (from `first`) to the loop, joining lines cut by reads.
 * Returns null when the whole stream was read, or where the loop handed over: the bytes from
 * the handed-over line on (the rest of the stream follows in `it`) and the physical line before it.
 */
export async function loopOverStream(
  loop: LineLoop,
  first: Buffer,
  endedAtStart: boolean,
  it: AsyncIterator<Buffer>,
): Promise<{ rest: Buffer; linesBefore: number } | null> {
  let buf = first;
  let ended = endedAtStart;
  for (;;) {
    const r = loop.scan(buf, 0, buf.length, ended);
    if (r.handover) return { rest: buf.subarray(r.consumed), linesBefore: loop.line - 1 };
    if (ended) return null;
    const rest = buf.subarray(r.consumed);
    const next = await it.next();
    if (next.done) {
      ended = true;
      buf = rest;
      continue;
    }
    let chunk: Buffer = next.value;
    // A line already longer than the limit goes to the general reader anyway: handing it over
    // now keeps a long line read in small pieces from being copied once per piece.
    if (rest.length > MAX_FIELD_CHARS) return { rest: Buffer.concat([rest, chunk]), linesBefore: loop.line - 1 };
    const nl = rest.length > 0 ? chunk.indexOf(LF) : -1;
    if (rest.length > 0 && nl < 0) chunk = Buffer.concat([rest, chunk]);
    else if (rest.length > 0) {
      // Only the line cut by the read is joined and scanned apart: copying the whole chunk onto
      // the cut line would double the garbage per read.
      const joined = Buffer.concat([rest, chunk.subarray(0, nl + 1)]);
      const j = loop.scan(joined, 0, joined.length, false);
      if (j.handover) return { rest: Buffer.concat([joined.subarray(j.consumed), chunk.subarray(nl + 1)]), linesBefore: loop.line - 1 };
      chunk = j.consumed === joined.length ? chunk.subarray(nl + 1) : Buffer.concat([joined.subarray(j.consumed), chunk.subarray(nl + 1)]);
    }
    buf = chunk;
  }
}

/**
 * The fast path for ticket and survey exports: their rows that need no CSV parser (no quote,
 * one line each) are split at the delimiter here instead of by csv-parse, and handed to the
 * same row mapper (row-mappers.ts), which judges every cell as on the general path. At the
 * first line the scanner does not take for certain (a quote, a CR that is not part of the
 * file's CR LF line ends, bytes that are not UTF-8), the rest of the file goes to csv-parse (see
 * ingest-sources.ts), as for checks (fast-checks.ts). So the records, the rejects with their
 * line numbers and the row accounting are the same as the general path's;
 * test/ingest/fast-records.test.ts checks that on the same inputs.
 *
 * For such a line csv-parse (delimiter, relax_column_count, skip_empty_lines; no quotes in
 * play) gives exactly the text between delimiters. Each cell is decoded from its bytes on its
 * own, as csv-parse does, so the strings kept in records hold no reference to a larger text
 * (a substring of the line would keep the whole line alive with every ticket title).
 */
import { isUtf8 } from 'node:buffer';
import type { ScanResult } from './fast-checks.ts';
import type { RejectedRow, RowAccount } from './file-account.ts';
import type { RowContext } from './row-mappers.ts';

const QUOTE = 34;
const CR = 13;
const LF = 10;

/**
 * Scans the data lines of a ticket or survey export. Keeps the physical line number across
 * calls, so the caller feeds buffers in file order (after the header line) and reads `line`
 * to know where a handover starts.
 */
export class FastRecordScanner {
  /** Physical 1-based number of the next line to read. */
  line: number;
  private readonly map: (fields: string[], line: number) => RowContext | RejectedRow;
  private readonly accept: (ctx: RowContext) => void;
  private readonly account: RowAccount;
  private readonly crlf: boolean;
  /** The delimiter's byte. */
  private readonly delimiter: number;

  /**
   * @param map the file's row mapper
   * @param accept where accepted records go (as parseCsv hands them on)
   * @param account the file's account (rows, accepted, rejects)
   * @param firstLine physical line number of the first data line (the header is line 1)
   * @param crlf whether lines end in CR LF (decided from the header line, as csv-parse does)
   * @param delimiter the field delimiter, one character
   */
  constructor(
    map: (fields: string[], line: number) => RowContext | RejectedRow,
    accept: (ctx: RowContext) => void,
    account: RowAccount,
    firstLine: number,
    crlf: boolean,
    delimiter: string,
  ) {
    if (delimiter.length !== 1 || delimiter.charCodeAt(0) > 0x7f)
      throw new Error(`FastRecordScanner needs a one-character ASCII delimiter, got ${JSON.stringify(delimiter)}`);
    this.map = map;
    this.accept = accept;
    this.account = account;
    this.line = firstLine;
    this.crlf = crlf;
    this.delimiter = delimiter.charCodeAt(0);
  }

  /**
   * Reads the complete lines of `buf[start, end)`; with `final`, the last line needs no line
   * ending. Stops before a line it cannot take for certain (handover).
   */
  scan(buf: Buffer, start: number, end: number, final: boolean): ScanResult {
    // The complete lines: up to the last LF, or to the end of the file.
    let stop = end;
    if (!final) {
      const lastLf = buf.lastIndexOf(LF, end - 1);
      if (lastLf < start) return { consumed: start, handover: false };
      stop = lastLf + 1;
    }
    // Invalid UTF-8 is decoded by csv-parse's text stream (with its chunking): let it read from here.
    if (!isUtf8(buf.subarray(start, stop))) return { consumed: start, handover: true };
    const crlf = this.crlf;
    const delimiter = this.delimiter;
    const account = this.account;
    // A quote, or a CR outside a CR LF line end, hands the line over: find them natively, once.
    let quoteAt = buf.indexOf(QUOTE, start);
    if (quoteAt < 0 || quoteAt >= stop) quoteAt = stop;
    let crAt = crlf ? stop : buf.indexOf(CR, start);
    if (crAt < 0 || crAt >= stop) crAt = stop;
    let pos = start;
    while (pos < stop) {
      let nl = buf.indexOf(LF, pos);
      if (nl < 0 || nl >= stop) nl = stop;
      if (quoteAt < nl || crAt < nl) return { consumed: pos, handover: true };
      let lineEnd = nl;
      if (crlf) {
        if (nl < stop) {
          // A bare LF in a CR LF file is not a record end for csv-parse: hand it over.
          if (lineEnd === pos || buf[lineEnd - 1] !== CR) return { consumed: pos, handover: true };
          lineEnd--;
        }
        const cr = buf.indexOf(CR, pos);
        if (cr >= 0 && cr < lineEnd) return { consumed: pos, handover: true };
      }
      const line = this.line++;
      const next = nl + 1;
      // A blank line: skipped, not a row, but a physical line.
      if (lineEnd === pos) {
        pos = next;
        continue;
      }
      // The cells between delimiter bytes (a delimiter is ASCII, so never inside a UTF-8 character), each decoded on its own.
      const fields: string[] = [];
      let a = pos;
      for (let i = pos; i < lineEnd; i++)
        if (buf[i] === delimiter) {
          fields.push(buf.toString('utf8', a, i));
          a = i + 1;
        }
      fields.push(buf.toString('utf8', a, lineEnd));
      const out = this.map(fields, line);
      if ('reason' in out) account.reject(out);
      else {
        account.accept(out.timeMs);
        this.accept(out);
      }
      pos = next;
    }
    return { consumed: stop, handover: false };
  }
}

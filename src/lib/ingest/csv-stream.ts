// Over 400 lines: one RFC 4180 reader with its fault rules (quotes, bare CRs, byte-order marks, field limits), kept in one place.
/**
 * The general CSV reader: RFC 4180 records from an export's decoded text, each with the
 * physical line it starts on and what is wrong with it, if anything. It reads whole files that
 * the fast paths do not take, and the rest of a file from the line a fast path hands over
 * (line-loop.ts). Its own state machine, not csv-parse: every oddity must become a rejected row
 * with a located reason (csv-parse either repairs it silently under relax_quotes or, on its
 * errors, loses lines while recovering), and every physical line must stay accounted.
 *
 * The rules (docs/reading-exports.md):
 * - CR LF and LF end a record outside quotes, mixed in one file; inside quotes both are kept.
 *   A bare CR (outside quotes, no LF after it) is kept in the field and noted on the record
 *   (`bareCr`); in the header line it is a file error, thrown as soon as it is seen: a file of
 *   old Mac line ends (CR only) would otherwise be one header of every row's fields and no rows.
 *   A blank line is no record (but a physical line).
 * - Spaces and tabs around a quoted field are dropped (`"P1" ,` is P1); around an unquoted
 *   field they are kept (the row mapper trims the cells it reads).
 * - A quote inside an unquoted field, or text after a closing quote: the record is rejected.
 * - A quote never closed: the record is rejected at its first line, and every non-blank line
 *   after it is rejected too, so every line is accounted.
 * - An invalid UTF-8 byte (escaped by utf8-escape.ts) or a byte-order mark inside the file:
 *   the record is rejected, naming the field and showing the bytes; in other encodings, a
 *   U+FFFD (iconv-lite's mark for invalid bytes) likewise.
 * - A NUL character: the file is binary, refused as a whole (as openExport does for the first 64 KiB).
 * - A field longer than MAX_FIELD_CHARS is cut there with a visible marker and counted.
 */
import { Readable } from 'node:stream';
import { ReviewError } from '../errors.ts';
import { MAX_FIELD_CHARS, truncationMark } from './field-limit.ts';
import { ExportReadError } from './open-export.ts';
import { EscapingUtf8Decoder, escapedBytes, showEscapes } from './utf8-escape.ts';

/** Where the text starts in its file. */
export interface CsvPlace {
  delimiter: string;
  /** The record delimiter found on the header line, when taking over mid-file; null at the file's start. Not read: CR LF and LF both end records. */
  recordDelimiter: string | null;
  /** True when the text's first record is the file's header line: a bare CR in it is a file error. */
  header?: boolean;
  /** Physical lines of the file before the text's first line. */
  linesBefore: number;
  /**
   * The encoding the text was decoded from by iconv-lite (gb18030, gbk, utf-16…), whose decoder
   * turns invalid bytes into U+FFFD: a row holding one is rejected. Absent for UTF-8, decoded
   * with its invalid bytes kept (utf8-escape.ts).
   */
  replacedFrom?: string;
}

/** Why a record is rejected before any cell is judged; `column` is 1-based, null for the whole record. */
export interface RecordFault {
  column: number | null;
  value: string | null;
  reason: string;
}

/** One record: its fields (empty for a rejected record), its first physical line, what is wrong with it, and how many fields were cut. */
export interface CsvRecord {
  fields: string[];
  line: number;
  /** Physical lines it spans (a quote never closed: 1, and each later line is a rejected record of its own). */
  lines: number;
  fault: RecordFault | null;
  truncated: number;
  /** The 1-based column of the record's first bare CR (a CR outside quotes without an LF after it); absent without one. */
  bareCr?: number;
}

/** The file error of a bare CR in the header line, at its line and column. */
export function bareCrInHeader(name: string, line: number, column: number): string {
  return `${name}:${line}:${column}: the header line holds a bare CR (a CR without an LF: old Mac line ends), expected lines that end in LF or CR LF; save the export with LF or CR LF line ends`;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;
const BOM = 0xfeff;
const REPLACEMENT = 0xfffd;

// States of the machine.
const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
/** A quote inside a quoted field: it closes the field, or doubles. */
const QUOTE_SEEN = 3;
/** After the closing quote: spaces, then a delimiter or a line end. */
const AFTER_QUOTE = 4;
/** A CR after a closing quote: a line end when an LF follows. */
const AFTER_QUOTE_CR = 5;

const NOT_UTF8 = 'holds bytes that are not valid UTF-8';

/**
 * The state machine; `push` text in any chunks, then `end`. Records go to `each` as they end.
 */
export class CsvTokenizer {
  private readonly delim: number;
  private readonly name: string;
  private readonly each: (r: CsvRecord) => void;
  private state = FIELD_START;
  /** Physical 1-based line of the next character. */
  private line: number;
  private fields: string[] = [];
  private field = '';
  /** Characters of the field read (also past the cut). */
  private fieldLen = 0;
  /** Spaces at a field's start, kept unless a quote follows. */
  private pending = '';
  /** Whether the record has a quoted field (a blank line has no character at all). */
  private hadQuote = false;
  private recordLine: number;
  private fault: RecordFault | null = null;
  private truncated = 0;
  /** The last character appended to an unquoted field was a CR (dropped when an LF follows). */
  private lastCr = false;
  private prevChar = 0;
  /** Where the open quote of the field was. */
  private quoteLine = 0;
  /** Non-blank physical lines after the record's first, as [first, last] runs, while a quote is open. */
  private laterLines: Array<[number, number]> = [];
  /** Characters of the current line inside a quote, and whether the last was a CR. */
  private lineChars = 0;
  private lineCr = false;
  /** The last character was a CR outside quotes, in column `crColumn`: bare unless an LF follows. */
  private crOutside = false;
  private crColumn = 0;
  /** Column of the record's first bare CR, or 0. */
  private bareCr = 0;
  /** The next record is the header line (CsvPlace.header): a bare CR in it is thrown at once. */
  private headerNext: boolean;

  /** The fault of a U+FFFD, when the decoder made it from invalid bytes (CsvPlace.replacedFrom). */
  private readonly replaced: string | null;

  constructor(name: string, delimiter: string, firstLine: number, each: (r: CsvRecord) => void, replacedFrom?: string, header = false) {
    this.headerNext = header;
    this.replaced =
      replacedFrom === undefined
        ? null
        : `holds bytes that are not valid ${replacedFrom.toUpperCase()} (decoded as U+FFFD); check the file's encoding`;
    if (delimiter.length !== 1) throw new Error(`CsvTokenizer needs a one-character delimiter, got ${JSON.stringify(delimiter)}`);
    this.name = name;
    this.delim = delimiter.charCodeAt(0);
    this.line = firstLine;
    this.recordLine = firstLine;
    this.each = each;
  }

  private isSpace(c: number): boolean {
    return (c === SPACE || c === TAB) && c !== this.delim;
  }

  private setFault(reason: string, column: number | null = this.fields.length + 1): void {
    if (this.fault === null) this.fault = { column, value: null, reason };
  }

  private append(s: string): void {
    if (s.length === 0) return;
    const room = MAX_FIELD_CHARS - this.field.length;
    if (room > 0) this.field += s.length <= room ? s : s.slice(0, room);
    this.fieldLen += s.length;
  }

  private endField(): void {
    let v = this.field;
    if (this.fieldLen > MAX_FIELD_CHARS) {
      const last = v.charCodeAt(v.length - 1);
      if (last >= 0xd800 && last <= 0xdbff) v = v.slice(0, -1);
      v += truncationMark(this.fieldLen);
      this.truncated++;
    }
    const f = this.fault;
    if (f !== null && f.value === null && f.column === this.fields.length + 1) {
      // Whole: the row account masks it, then cuts it (a cut first could hide an address from the mask).
      f.value = showEscapes(v);
      if (f.reason === NOT_UTF8) f.reason = `${NOT_UTF8} (${escapedBytes(v)}); check the file's encoding`;
    }
    this.fields.push(v);
    this.field = '';
    this.fieldLen = 0;
    this.pending = '';
    this.lastCr = false;
  }

  /** @param lastLine the record's last physical line */
  private endRecord(lastLine = this.line - 1): void {
    if (!this.hadQuote && this.fields.length === 0 && this.fieldLen === 0 && this.pending === '') {
      // A blank line: no record.
      this.reset();
      return;
    }
    this.endField();
    const record: CsvRecord = {
      fields: this.fault === null ? this.fields : [],
      line: this.recordLine,
      lines: lastLine - this.recordLine + 1,
      fault: this.fault,
      truncated: this.truncated,
    };
    if (this.bareCr > 0) record.bareCr = this.bareCr;
    this.headerNext = false;
    this.each(record);
    this.reset();
  }

  /** A CR outside quotes was followed by something other than an LF: note it, and in the header line stop. */
  private noteBareCr(): void {
    if (this.bareCr === 0) this.bareCr = this.crColumn;
    if (this.headerNext) throw new ReviewError(bareCrInHeader(this.name, this.recordLine, this.crColumn));
  }

  private reset(): void {
    this.fields = [];
    this.field = '';
    this.fieldLen = 0;
    this.pending = '';
    this.hadQuote = false;
    this.fault = null;
    this.truncated = 0;
    this.lastCr = false;
    this.state = FIELD_START;
    this.recordLine = this.line;
    this.laterLines = [];
    this.lineChars = 0;
    this.lineCr = false;
    this.bareCr = 0;
  }

  /** A line ends inside a quoted field: note whether it had text, for the accounting of a quote never closed. */
  private quotedLineEnd(): void {
    const l = this.line;
    this.line++;
    // A line's text: any character but the CR of its CR LF.
    if (this.lineChars - (this.lineCr ? 1 : 0) > 0 && l !== this.recordLine) {
      const last = this.laterLines[this.laterLines.length - 1];
      if (last !== undefined && last[1] === l - 1) last[1] = l;
      else this.laterLines.push([l, l]);
    }
    this.lineChars = 0;
    this.lineCr = false;
  }

  push(text: string): void {
    const delim = this.delim;
    const n = text.length;
    // The field's characters from `run` to the current one are appended as they are (in QUOTED and UNQUOTED).
    let run = 0;
    let state = this.state;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 0)
        throw new ExportReadError(this.name, `looks like a binary file (a NUL byte at line ${this.line}), expected a CSV export`);
      if (c === BOM) this.setFault('holds a byte-order mark (U+FEFF) inside the file: two exports joined, or a stray mark');
      else if (c === REPLACEMENT && this.replaced !== null) this.setFault(this.replaced);
      else if (c >= 0xdc80 && c <= 0xdcff && !isHigh(i > 0 ? text.charCodeAt(i - 1) : this.prevChar)) this.setFault(NOT_UTF8);
      if (this.crOutside) {
        this.crOutside = false;
        if (c !== LF) this.noteBareCr();
      }
      if (c === CR && state !== QUOTED) {
        this.crOutside = true;
        this.crColumn = this.fields.length + 1;
      }
      switch (state) {
        case FIELD_START:
          if (c === QUOTE) {
            this.pending = '';
            this.hadQuote = true;
            this.quoteLine = this.line;
            this.lineChars++;
            state = QUOTED;
            run = i + 1;
          } else if (this.isSpace(c)) this.pending += text[i];
          else if (c === delim) {
            this.append(this.pending);
            this.endField();
          } else if (c === LF) {
            this.append(this.pending);
            this.line++;
            this.endRecord();
          } else {
            this.append(this.pending);
            this.pending = '';
            state = UNQUOTED;
            run = i;
            this.lastCr = c === CR;
          }
          break;
        case UNQUOTED:
          if (c === delim) {
            if (i > run) this.append(text.slice(run, i));
            this.endField();
            state = FIELD_START;
          } else if (c === LF) {
            // CR LF: the CR belongs to the line end (appended already when it ended the previous chunk).
            if (this.lastCr && i === run) this.dropCr();
            const to = this.lastCr && i > run ? i - 1 : i;
            if (to > run) this.append(text.slice(run, to));
            this.line++;
            this.endRecord();
            state = FIELD_START;
          } else {
            if (c === QUOTE) this.setFault('has a quote inside an unquoted field (quote the whole field and double the quote)');
            this.lastCr = c === CR;
          }
          break;
        case QUOTED:
          if (c === QUOTE) {
            if (i > run) this.append(text.slice(run, i));
            state = QUOTE_SEEN;
          } else if (c === LF) this.quotedLineEnd();
          else {
            this.lineChars++;
            this.lineCr = c === CR;
          }
          break;
        case QUOTE_SEEN:
          if (c === QUOTE) {
            // A doubled quote: one quote in the value, the first of the next run.
            state = QUOTED;
            run = i;
            this.lineChars++;
          } else if (this.fieldEnd(c)) state = FIELD_START;
          else if (this.isSpace(c)) state = AFTER_QUOTE;
          else if (c === CR) state = AFTER_QUOTE_CR;
          else {
            state = this.textAfterQuote(c, text, i);
            run = i + 1;
          }
          break;
        case AFTER_QUOTE:
          if (this.fieldEnd(c)) state = FIELD_START;
          else if (c === CR) state = AFTER_QUOTE_CR;
          else if (!this.isSpace(c)) {
            state = this.textAfterQuote(c, text, i);
            run = i + 1;
          }
          break;
        default:
          // AFTER_QUOTE_CR
          if (c === LF) {
            this.line++;
            this.endRecord();
            state = FIELD_START;
          } else {
            this.append('\r');
            state = this.textAfterQuote(c, text, i);
            run = i + 1;
          }
      }
    }
    if ((state === QUOTED || state === UNQUOTED) && n > run) this.append(text.slice(run, n));
    this.state = state;
    if (n > 0) this.prevChar = text.charCodeAt(n - 1);
  }

  /** A delimiter or LF after a closed field ends it (an LF ends the record too); false for any other character. */
  private fieldEnd(c: number): boolean {
    if (c === this.delim) this.endField();
    else if (c === LF) {
      this.line++;
      this.endRecord();
    } else return false;
    return true;
  }

  /** A character other than a delimiter or line end after a closing quote: the record is rejected; the field reads on unquoted. */
  private textAfterQuote(c: number, text: string, i: number): number {
    this.setFault('has text after the closing quote of a field');
    this.append(text[i] as string);
    this.lastCr = c === CR;
    return UNQUOTED;
  }

  private dropCr(): void {
    // The CR of a CR LF was appended in an earlier chunk.
    if (this.field.endsWith('\r')) this.field = this.field.slice(0, -1);
    this.fieldLen--;
  }

  /**
   * The end of the text: the last record, or the record whose quote was never closed, rejected
   * with every non-blank line after its first.
   */
  end(): void {
    if (this.state === QUOTED) {
      const from = this.recordLine;
      const quoteLine = this.quoteLine;
      // The last line has no line end: any character counts.
      if (this.lineChars > 0) {
        this.lineCr = false;
        this.quotedLineEnd();
      }
      const later = this.laterLines;
      this.each({
        fields: [],
        line: from,
        lines: 1,
        fault: {
          column: this.fields.length + 1,
          value: null,
          reason: `has a quote opened at line ${quoteLine} that is never closed: this line and every line after it are rejected`,
        },
        truncated: 0,
      });
      for (const [a, b] of later)
        for (let l = a; l <= b; l++)
          this.each({
            fields: [],
            line: l,
            lines: 1,
            fault: { column: null, value: null, reason: `lies inside the quote opened at line ${quoteLine} that is never closed` },
            truncated: 0,
          });
      this.reset();
      return;
    }
    if (this.state === FIELD_START) this.append(this.pending);
    this.endRecord(this.line);
  }
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;

/**
 * Streams `text` through the tokenizer; `each` gets every record (blank lines skipped, but
 * counted). A NUL character is an ExportReadError, a bare CR in the header line (`place.header`) a
 * ReviewError; errors of `each` and of the stream pass through.
 */
export async function readCsvRecords(text: Readable, name: string, place: CsvPlace, each: (r: CsvRecord) => void): Promise<void> {
  const tokenizer = new CsvTokenizer(name, place.delimiter, place.linesBefore + 1, each, place.replacedFrom, place.header === true);
  for await (const chunk of text as AsyncIterable<string>) tokenizer.push(chunk);
  tokenizer.end();
}

/** The rest of a UTF-8 byte stream (`first`, then `it`) as text, invalid bytes escaped (utf8-escape.ts). */
export function textFrom(first: Buffer, it: AsyncIterator<Buffer>): Readable {
  async function* decode(): AsyncGenerator<string> {
    const decoder = new EscapingUtf8Decoder();
    const head = decoder.write(first);
    if (head) yield head;
    for (;;) {
      const r = await it.next();
      if (r.done) break;
      const s = decoder.write(r.value);
      if (s) yield s;
    }
    const tail = decoder.end();
    if (tail) yield tail;
  }
  return Readable.from(decode());
}

// Over 400 lines: every encoding decision (byte-order marks, detection, UTF-16 checks) and both the text and byte openers.
/**
 * Opens an export as a stream of decoded text (openExport), or of its bytes when it is UTF-8
 * (openExportBytes, for the fast paths): reads it through its ExportFile (export-files.ts, so
 * it is hashed on the way), gunzips when the bytes say gzip, detects the encoding and the
 * delimiter from the first 64 KiB, and never holds more than that (plus a chunk or two) in
 * memory, so a multi-gigabyte export costs no more than a small one.
 */
import { pipeline, Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import iconv from 'iconv-lite';
import { encodingName, unknownEncoding } from '../model/encoding-names.ts';
import { decideEncoding } from './encoding-evidence.ts';
import { ExportFile } from './export-files.ts';
import { EscapingUtf8Decoder } from './utf8-escape.ts';

/** Bytes read ahead to detect the encoding, binary data and the header line. */
export const SNIFF_BYTES = 64 * 1024;

/** A delimiter a source may configure; `auto` detects it from the header line. */
export type DelimiterOption = ',' | ';' | '\t' | 'auto';

export interface OpenExportOptions {
  /** `auto` (BOM, then UTF-8, then GB18030), or an encoding name such as utf-8, utf-16le, utf-16be, gb18030, gbk. */
  encoding: string;
  delimiter: DelimiterOption;
  /** Read chunk size in bytes; tests make it tiny to split characters across chunks. */
  highWaterMark?: number;
}

/** What openExport found out about a file. */
export interface ExportFormat {
  /** Encoding the bytes were decoded with: utf-8, utf-16le, utf-16be, gb18030, or the configured name. */
  encoding: string;
  /** Why: `byte-order mark`, `configured`, or what the first 64 KiB showed (decideEncoding). */
  encodingReason: string;
  /** Field delimiter: the configured one, or the one detected from the header line. */
  delimiter: ',' | ';' | '\t';
  /** True when the file was gzip data (detected by its magic bytes, whatever its name). */
  compressed: boolean;
  /** Bytes of the byte-order mark removed from the start (0 without one). */
  bomBytes: number;
}

export interface OpenedExport extends ExportFormat {
  /** Decoded text chunks (strings), BOM removed, line endings untouched; no chunk splits a surrogate pair. */
  stream: Readable;
}

/** A UTF-8 export as bytes (openExportBytes), or as text when it is in another encoding. */
export type OpenedBytes = ExportFormat &
  (
    | {
        bytes: true;
        /** The bytes after the BOM, in file order, read only when asked (no read-ahead); `return()` releases them. */
        chunks: AsyncGenerator<Buffer>;
      }
    | { bytes: false; stream: Readable }
  );

/** An export that cannot be read as CSV text; the message starts with the file and says what was expected. */
export class ExportReadError extends Error {
  readonly file: string;
  constructor(file: string, message: string, options?: { cause?: unknown }) {
    super(`${file}: ${message}`, options);
    this.name = 'ExportReadError';
    this.file = file;
  }
}

const BOMS: { bytes: number[]; encoding: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
  // U+FEFF in GB18030's four-byte form: invalid in UTF-8 and GBK, so it cannot start another export.
  { bytes: [0x84, 0x31, 0x95, 0x33], encoding: 'gb18030' },
];

function normaliseEncoding(file: string, configured: string): string | 'auto' {
  const name = encodingName(configured);
  if (name === null) throw new ExportReadError(file, unknownEncoding(configured));
  return name;
}

function isZlibError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('Z_');
}

/** Turns a low-level read failure into an ExportReadError that names the file and the problem. */
export function readError(file: string, err: unknown, compressed: boolean): ExportReadError {
  if (err instanceof ExportReadError) return err;
  const detail = err instanceof Error ? err.message : String(err);
  if (compressed && isZlibError(err)) return new ExportReadError(file, `the gzip data is corrupt or truncated (${detail})`, { cause: err });
  return new ExportReadError(file, `cannot read the file (${detail})`, { cause: err });
}

/**
 * Pulls chunks until at least `bytes` are buffered or the stream ends. The iterator stays
 * usable, so the caller yields the peeked bytes first and then carries on: nothing is read twice.
 */
async function peek(it: AsyncIterator<Buffer>, bytes: number): Promise<{ head: Buffer; ended: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  while (size < bytes) {
    const r = await it.next();
    if (r.done) return { head: Buffer.concat(chunks, size), ended: true };
    chunks.push(r.value);
    size += r.value.length;
  }
  return { head: Buffer.concat(chunks, size), ended: false };
}

/**
 * A hint for the binary error when NULs fall on every other byte, the mark of BOM-less UTF-16
 * text: each ASCII character has its NUL on one side (odd offsets in UTF-16LE, even in BE). The
 * other side may hold a few too (开, U+5F00, is 00 5F in UTF-16LE; a single one lost the hint),
 * so NULs must be a quarter of one side's bytes and four times as many as on the other side.
 */
function utf16Hint(head: Buffer): string {
  let even = 0;
  let odd = 0;
  const n = Math.min(head.length, 4096);
  for (let i = 0; i < n; i++) if (head[i] === 0) i % 2 === 0 ? even++ : odd++;
  const half = Math.floor(n / 2);
  if (odd >= 2 && odd > half * 0.25 && even * 4 <= odd) return '; it may be UTF-16 without a byte-order mark: set encoding: utf-16le';
  if (even >= 2 && even > half * 0.25 && odd * 4 <= even) return '; it may be UTF-16 without a byte-order mark: set encoding: utf-16be';
  return '';
}

/**
 * The delimiter of a header line: whichever of `,` `;` tab occurs most often outside quotes
 * (ties and none → comma). Only the first line counts: data rows hold free text with commas.
 *
 * @example detectDelimiter('id;"name, full";created\n1;x;y') // ';'
 */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  let comma = 0;
  let semicolon = 0;
  let tab = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) quoted = !quoted;
    else if (quoted) continue;
    else if (c === 10 /* \n */) break;
    else if (c === 44) comma++;
    else if (c === 59) semicolon++;
    else if (c === 9) tab++;
  }
  if (comma >= semicolon && comma >= tab) return ',';
  return semicolon >= tab ? ';' : '\t';
}

/**
 * Opens a CSV export for streaming: gzip is detected by its magic bytes (1f 8b), the encoding
 * by BOM, else (for `auto`) by whether the first 64 KiB are valid UTF-8, else GB18030, the
 * encoding Chinese-locale spreadsheets save in. A byte-order mark wins over a configured
 * encoding, since it cannot be there by accident; the mark itself is removed.
 *
 * @param file the file, opened (its owner closes it) or a path (closed with the stream); messages name it by its path
 * @param opts the source's encoding and delimiter settings
 * @returns the text stream with what was detected; the stream fails with ExportReadError if the
 *   gzip data turns out corrupt further in
 * @throws ExportReadError when the file cannot be opened, is empty, looks binary or is corrupt gzip
 * @example const { stream, encoding, delimiter } = await openExport('data/tickets.csv.gz', { encoding: 'auto', delimiter: 'auto' })
 * // encoding: 'gb18030', delimiter: ',' for a gzipped Excel export saved on a Chinese-locale PC
 */
export async function openExport(file: string | ExportFile, opts: OpenExportOptions): Promise<OpenedExport> {
  const sniffed = await sniff(file, opts);
  return { ...sniffed.format, stream: textStream(sniffed) };
}

/**
 * As openExport, but a UTF-8 export comes as its bytes (BOM removed), for the byte-level fast
 * paths; an export in another encoding comes as text.
 */
export async function openExportBytes(file: ExportFile, opts: OpenExportOptions): Promise<OpenedBytes> {
  const sniffed = await sniff(file, opts);
  if (sniffed.format.encoding !== 'utf-8') return { ...sniffed.format, bytes: false, stream: textStream(sniffed) };
  const { head, release } = sniffed;
  async function* bytes(): AsyncGenerator<Buffer> {
    try {
      if (head.length > 0) yield head;
      yield* rest(sniffed);
    } finally {
      release();
    }
  }
  return { ...sniffed.format, bytes: true, chunks: bytes() };
}

/** The file's chunks after the sniffed head; a read failure (a truncated gzip, say) becomes an ExportReadError naming the file. */
async function* rest(sniffed: Pick<Sniffed, 'it' | 'path' | 'compressed'>): AsyncGenerator<Buffer> {
  for (;;) {
    let r: IteratorResult<Buffer>;
    try {
      r = await sniffed.it.next();
    } catch (err) {
      throw readError(sniffed.path, err, sniffed.compressed);
    }
    if (r.done) return;
    yield r.value;
  }
}

/** `first`, then the rest of `rest`. */
async function* prepend(first: Buffer[], rest: AsyncGenerator<Buffer>): AsyncGenerator<Buffer> {
  try {
    yield* first;
    yield* rest;
  } finally {
    await rest.return(undefined);
  }
}

/** A streaming decoder: iconv-lite's, or the escaping UTF-8 one. */
interface TextDecoding {
  write(chunk: Buffer): string;
  end(): string | undefined;
}

/**
 * iconv-lite's UTF-16 decoder, with a byte left over at the end (an odd-length file) decoded as
 * U+FFFD, as its GB18030 and UTF-32 decoders do with a cut sequence; iconv-lite's UTF-16 drops it.
 */
class Utf16Ending implements TextDecoding {
  private readonly inner: TextDecoding;
  private bytes = 0;
  constructor(inner: TextDecoding) {
    this.inner = inner;
  }
  write(chunk: Buffer): string {
    this.bytes += chunk.length;
    return this.inner.write(chunk);
  }
  end(): string {
    return (this.inner.end() ?? '') + (this.bytes % 2 === 1 ? '\ufffd' : '');
  }
}

/** A file after its first 64 KiB were looked at: what they showed, and the way on from them. */
interface Sniffed {
  format: ExportFormat;
  path: string;
  compressed: boolean;
  /** The bytes read so far (after the BOM), then the rest (gunzipped when compressed). */
  head: Buffer;
  it: AsyncIterator<Buffer>;
  /** Decodes the rest; `headText` is `head` decoded by it. */
  decoder: TextDecoding;
  headText: string;
  /** Stops reading (and closes the file when openExport opened it); once, however often it is called. */
  release: () => void;
}

async function sniff(file: string | ExportFile, opts: OpenExportOptions): Promise<Sniffed> {
  const filePath = typeof file === 'string' ? file : file.path;
  const configured = normaliseEncoding(filePath, opts.encoding);
  const highWaterMark = opts.highWaterMark ?? SNIFF_BYTES;

  let compressed = false;
  let exportFile: ExportFile;
  let it: AsyncIterator<Buffer>;
  let stop: () => void;
  try {
    exportFile = typeof file === 'string' ? await ExportFile.open(file) : file;
  } catch (err) {
    throw readError(filePath, err, false);
  }
  const owned = typeof file === 'string' ? exportFile : null;
  try {
    // The magic bytes come from the first reads, which the stream then starts with: no byte is read twice.
    // The first read no larger than the sniff: a reader that stops after the header holds no more.
    const raw = exportFile.chunks(0, highWaterMark, Math.min(highWaterMark, SNIFF_BYTES));
    const first: Buffer[] = [];
    let got = 0;
    while (got < 2) {
      const r = await raw.next();
      if (r.done) break;
      first.push(r.value);
      got += r.value.length;
    }
    const magic = Buffer.concat(first);
    compressed = magic.length >= 2 && magic[0] === 0x1f && magic[1] === 0x8b;
    const chunks = prepend(first, raw);
    if (compressed) {
      // pipeline (unlike pipe) fails the gunzip side on a read error and stops reading when the
      // gunzip side is destroyed early; the error itself reaches the caller through the iterator.
      const gunzip = pipeline(
        Readable.from(chunks, { objectMode: false }),
        createGunzip({ chunkSize: Math.max(highWaterMark, 64) }),
        () => {},
      );
      it = gunzip[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
      stop = () => gunzip.destroy();
    } else {
      it = chunks;
      stop = () => void chunks.return(undefined);
    }
  } catch (err) {
    await owned?.close();
    throw readError(filePath, err, false);
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    stop();
    // A read in flight finishes first: the file's reads are queued.
    owned?.close().catch(() => {});
  };

  const fail = (err: ExportReadError): never => {
    release();
    throw err;
  };

  let sniffed: { head: Buffer; ended: boolean };
  try {
    sniffed = await peek(it, SNIFF_BYTES);
  } catch (err) {
    return fail(readError(filePath, err, compressed));
  }
  const { ended } = sniffed;
  let head = sniffed.head;
  const bom = BOMS.find((b) => b.bytes.every((byte, i) => head[i] === byte));
  // Reads may bring more than 64 KiB: only the first 64 KiB are judged, whatever the read size,
  // so every reading path detects the same encoding.
  const window = head.subarray(bom?.bytes.length ?? 0, SNIFF_BYTES);
  const windowEnded = ended && head.length <= SNIFF_BYTES;

  let encoding = configured;
  let encodingReason = `configured (encoding: ${opts.encoding})`;
  if (bom) {
    encoding = bom.encoding;
    encodingReason = 'byte-order mark';
    head = head.subarray(bom.bytes.length);
  } else if (encoding === 'auto') {
    const decided = decideEncoding(window, windowEnded);
    encoding = decided.encoding;
    encodingReason = decided.reason;
  }

  // Text in UTF-16 or UTF-32 has NUL bytes in every ASCII character; anywhere else they mean binary data.
  const wide = /^(utf-?(16|32)|ucs-?(2|4))/.test(encoding);
  if (!wide && window.includes(0)) {
    const gzHint = !compressed && filePath.endsWith('.gz') ? ' (it is named .gz but is not gzip data)' : '';
    fail(
      new ExportReadError(
        filePath,
        `looks like a binary file (NUL bytes in the first 64 KiB)${gzHint}, expected a CSV export${utf16Hint(window)}`,
      ),
    );
  }

  // The decoder keeps partial characters between writes, so chunk boundaries may fall anywhere.
  // UTF-8 is decoded keeping invalid bytes as escapes, for the reader to reject their rows.
  const iconvDecoder = encoding === 'utf-8' ? null : iconv.getDecoder(encoding, { stripBOM: false });
  const decoder: TextDecoding =
    iconvDecoder === null ? new EscapingUtf8Decoder() : /^(utf-?16|ucs-?2)/.test(encoding) ? new Utf16Ending(iconvDecoder) : iconvDecoder;
  const headText = decoder.write(head);
  if (ended && headText.trim() === '') fail(new ExportReadError(filePath, 'the file is empty, expected a header line'));
  const delimiter = opts.delimiter === 'auto' ? detectDelimiter(headText) : opts.delimiter;
  return {
    format: { encoding, encodingReason, delimiter, compressed, bomBytes: bom?.bytes.length ?? 0 },
    path: filePath,
    compressed,
    head,
    it,
    decoder,
    headText,
    release,
  };
}

/** The sniffed file as decoded text. */
function textStream(sniffed: Sniffed): Readable {
  const { release, decoder, headText } = sniffed;
  // iconv-lite's UTF-16 decoders pass a lone surrogate (bytes 00 D8 in UTF-16LE) through: it
  // becomes U+FFFD, the mark of an invalid sequence the reader rejects a row for (csv-stream.ts,
  // replacedFrom). Not in UTF-8, whose decoder escapes invalid bytes as lone low surrogates on purpose.
  const wellFormed = sniffed.format.encoding === 'utf-8' ? (s: string) => s : (s: string) => s.toWellFormed();
  async function* text(): AsyncGenerator<string> {
    // A chunk may end in the first half of a surrogate pair (iconv-lite's UTF-16BE decoder cuts
    // there); a consumer that encodes each chunk to UTF-8 on its own would turn
    // each half into U+FFFD, so the high surrogate waits for the next chunk. So no chunk ends
    // in a high surrogate, and one alone in a chunk is alone in the text.
    let carry = '';
    const hold = (decoded: string): string => {
      const s = carry + decoded;
      const last = s.charCodeAt(s.length - 1);
      const split = last >= 0xd800 && last <= 0xdbff;
      carry = split ? s.slice(-1) : '';
      return wellFormed(split ? s.slice(0, -1) : s);
    };
    try {
      const first = hold(headText);
      if (first) yield first;
      for await (const chunk of rest(sniffed)) {
        const s = hold(decoder.write(chunk));
        if (s) yield s;
      }
      const tail = wellFormed(carry + (decoder.end() ?? ''));
      if (tail) yield tail;
    } finally {
      // Reached on early exit too (the consumer destroyed the stream): release the file.
      release();
    }
  }

  const stream = Readable.from(text());
  // A stream destroyed before its first read never enters the generator, so its finally cannot run.
  stream.once('close', release);
  return stream;
}

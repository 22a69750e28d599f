/**
 * The CSV stream: csv-parse over an export's decoded text, giving each record with the physical
 * line it starts on. It reads whole files that the fast paths do not take, and the rest of a
 * file from the line a fast path hands over (line-loop.ts), with the record delimiter detected
 * on the header line so both readers cut records alike.
 */
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { ReviewError } from '../errors.ts';

/** Where the text starts in its file. */
export interface CsvPlace {
  delimiter: string;
  /** The record delimiter found on the header line, when taking over mid-file; null at the file's start (csv-parse detects it, and strips a BOM). */
  recordDelimiter: string | null;
  /** Physical lines of the file before the text's first line. */
  linesBefore: number;
}

/**
 * Streams `text` through csv-parse; `each` gets every record with the physical line it starts
 * on (blank lines skipped, but counted). Broken CSV (csv-parse's CSV_* errors) is a
 * ReviewError naming `name`:line; errors of `each` and of the stream pass through.
 */
export async function readCsvRecords(
  text: Readable,
  name: string,
  place: CsvPlace,
  each: (record: string[], line: number) => void,
): Promise<void> {
  const parser = text.pipe(
    parse({
      delimiter: place.delimiter,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      // CR LF and LF both end a record, mixed in one file (a CR LF header does not make LF lines one record).
      record_delimiter: ['\r\n', '\n'],
      bom: place.recordDelimiter === null,
    }),
  );
  let prevLines = 0;
  let prevEmpty = 0;
  const offset = place.linesBefore;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number; empty_lines: number } }>) {
      const line = offset + prevLines + 1 + (info.empty_lines - prevEmpty);
      prevLines = info.lines;
      prevEmpty = info.empty_lines;
      each(record, line);
    }
  } catch (e) {
    if (e instanceof ReviewError) throw e;
    const err = e as { code?: string; message?: string; lines?: number };
    if (typeof err.code === 'string' && err.code.startsWith('CSV_')) {
      // csv-parse counts lines from the start of the text it was given: shift them to the file's.
      const detail = (err.message ?? err.code).replace(/\bline (\d+)/g, (_, n: string) => `line ${Number(n) + offset}`);
      throw new ReviewError(
        `${name}:${err.lines === undefined ? '?' : err.lines + offset}: cannot parse the CSV (${detail}); rows from there on were not read`,
      );
    }
    throw e;
  }
}

/** The rest of a UTF-8 byte stream (`first`, then `it`) as text, for csv-parse. */
export function textFrom(first: Buffer, it: AsyncIterator<Buffer>): Readable {
  async function* decode(): AsyncGenerator<string> {
    const decoder = iconv.getDecoder('utf-8', { stripBOM: false });
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

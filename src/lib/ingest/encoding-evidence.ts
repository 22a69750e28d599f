/**
 * The encoding of an export without a byte-order mark under `encoding: auto`, decided on the
 * evidence of all the non-ASCII bytes of its first 64 KiB (open-export.ts sniffs them), with
 * the reason `check` shows.
 */
import { utf8SequenceAt } from './utf8-escape.ts';

/** What a window of bytes shows about its encoding. */
interface ByteEvidence {
  /** Valid UTF-8 sequences of two or more bytes. */
  utf8Chars: number;
  /** Bytes that are not part of a valid UTF-8 sequence. */
  utf8Invalid: number;
  /** GB18030 two- and four-byte sequences whose bytes are all non-ASCII (the shape of Chinese text in it). */
  gbStrong: number;
  /** Bytes that start no valid GB18030 sequence. */
  gbInvalid: number;
}

/** Counts the evidence in `window`; a sequence cut off at the end of an unfinished window counts as neither valid nor invalid. */
export function byteEvidence(window: Uint8Array, ended: boolean): ByteEvidence {
  const e: ByteEvidence = { utf8Chars: 0, utf8Invalid: 0, gbStrong: 0, gbInvalid: 0 };
  const end = window.length;
  for (let i = 0; i < end; ) {
    if ((window[i] as number) < 0x80) {
      i++;
      continue;
    }
    const n = utf8SequenceAt(window, i, end);
    if (n > 0) {
      e.utf8Chars++;
      i += n;
    } else {
      if (ended || end - i > 3) e.utf8Invalid++;
      i++;
    }
  }
  for (let i = 0; i < end; ) {
    const b = window[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    const b1 = i + 1 < end ? (window[i + 1] as number) : -1;
    if (b >= 0x81 && b <= 0xfe && b1 >= 0x30 && b1 <= 0x39 && i + 3 < end) {
      const b2 = window[i + 2] as number;
      const b3 = window[i + 3] as number;
      if (b2 >= 0x81 && b2 <= 0xfe && b3 >= 0x30 && b3 <= 0x39) {
        e.gbStrong++;
        i += 4;
        continue;
      }
    } else if (b >= 0x81 && b <= 0xfe && ((b1 >= 0x40 && b1 <= 0x7e) || (b1 >= 0x80 && b1 <= 0xfe))) {
      if (b1 >= 0x80) e.gbStrong++;
      i += 2;
      continue;
    }
    if (ended || end - i > 3) e.gbInvalid++;
    i++;
  }
  return e;
}

/**
 * The encoding of a file without a byte-order mark under `encoding: auto`, decided on all the
 * non-ASCII bytes of its first 64 KiB, with the reason `check` shows. GB18030 only when the
 * bytes say so: most non-ASCII sequences are invalid UTF-8, hardly any (one in ten at most) is
 * invalid GB18030, and its double-byte characters outnumber the valid UTF-8 ones. Otherwise UTF-8, and the rows holding
 * invalid bytes are rejected (csv-stream.ts): one Latin-1 byte does not turn a file to GB18030.
 *
 * @example decideEncoding(Buffer.from('id,title\n1,Caf\xe9 na\xefve', 'latin1'), true).encoding // 'utf-8'
 */
export function decideEncoding(window: Uint8Array, ended: boolean): { encoding: 'utf-8' | 'gb18030'; reason: string } {
  const e = byteEvidence(window, ended);
  const where = 'in the first 64 KiB';
  if (e.utf8Invalid === 0)
    return {
      encoding: 'utf-8',
      reason: e.utf8Chars > 0 ? `valid UTF-8 (${e.utf8Chars} multi-byte characters ${where})` : `ASCII ${where}, read as UTF-8`,
    };
  const sequences = e.utf8Chars + e.utf8Invalid;
  // A few bytes invalid in GB18030 too (a corrupt byte in a Chinese export) do not outweigh the rest:
  // the file is GB18030, and the rows holding them are rejected (csv-stream.ts, replacedFrom).
  if (e.gbInvalid * 10 <= e.gbStrong && e.utf8Invalid > e.utf8Chars && e.gbStrong > e.utf8Chars)
    return {
      encoding: 'gb18030',
      reason:
        e.gbInvalid === 0
          ? `GB18030: ${e.utf8Invalid} of ${sequences} non-ASCII sequences ${where} are invalid UTF-8, and all ${e.gbStrong} are valid GB18030`
          : `GB18030: ${e.utf8Invalid} of ${sequences} non-ASCII sequences ${where} are invalid UTF-8, and ${e.gbStrong} are valid GB18030 (${e.gbInvalid} invalid byte${e.gbInvalid === 1 ? '' : 's'}: rows holding them are rejected)`,
    };
  // Mostly invalid and not GB18030: the shape of a single-byte code page (Excel's "CSV" on a Western PC
  // writes windows-1252). Not guessed, since any byte is valid in one, but said with the setting that reads it.
  const codePage =
    e.utf8Invalid > e.utf8Chars
      ? '; most non-ASCII bytes are not UTF-8: for an export saved in a Windows code page, set encoding: windows-1252 (or its code page)'
      : '';
  return {
    encoding: 'utf-8',
    reason: `UTF-8 with ${e.utf8Invalid} invalid byte${e.utf8Invalid === 1 ? '' : 's'} ${where} (rows holding them are rejected); ${e.utf8Chars} valid multi-byte characters${e.gbInvalid > 0 ? ', and the bytes are not GB18030 either' : ''}${codePage}`,
  };
}

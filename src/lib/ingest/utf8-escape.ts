/**
 * UTF-8 decoding that loses nothing: each byte that is not part of a valid UTF-8 sequence
 * becomes a lone low surrogate U+DC80–U+DCFF (as Python's `surrogateescape`), which valid
 * UTF-8 never decodes to. The CSV reader (csv-stream.ts) rejects the row holding one and shows
 * the byte escaped (`\xE9`); a decoder that turned it into U+FFFD would pass it silently.
 */
import { isUtf8 } from 'node:buffer';

/** The lone low surrogate standing for an invalid byte. */
export const ESCAPE_BASE = 0xdc00;

/** Length of the valid UTF-8 sequence at `buf[i]` (1–4), or 0 when the byte there starts none (per the Unicode standard's table 3-7). */
export function utf8SequenceAt(buf: Uint8Array, i: number, end: number): number {
  const b = buf[i] as number;
  if (b < 0x80) return 1;
  let n: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (b >= 0xc2 && b <= 0xdf) n = 2;
  else if (b >= 0xe0 && b <= 0xef) {
    n = 3;
    if (b === 0xe0) lo = 0xa0;
    else if (b === 0xed) hi = 0x9f;
  } else if (b >= 0xf0 && b <= 0xf4) {
    n = 4;
    if (b === 0xf0) lo = 0x90;
    else if (b === 0xf4) hi = 0x8f;
  } else return 0;
  if (i + n > end) return 0;
  const b1 = buf[i + 1] as number;
  if (b1 < lo || b1 > hi) return 0;
  for (let k = 2; k < n; k++) {
    const c = buf[i + k] as number;
    if (c < 0x80 || c > 0xbf) return 0;
  }
  return n;
}

/** `buf[a, b)` decoded, each invalid byte as its escape. */
function decodeEscaping(buf: Buffer, a: number, b: number): string {
  let out = '';
  let run = a;
  let i = a;
  while (i < b) {
    if ((buf[i] as number) < 0x80) {
      i++;
      continue;
    }
    const n = utf8SequenceAt(buf, i, b);
    if (n > 0) {
      i += n;
      continue;
    }
    if (i > run) out += buf.toString('utf8', run, i);
    out += String.fromCharCode(ESCAPE_BASE + (buf[i] as number));
    i++;
    run = i;
  }
  if (b > run) out += buf.toString('utf8', run, b);
  return out;
}

/** Where a sequence cut by the end of `buf` starts (a lead byte in the last 3 bytes whose sequence runs past the end), else `buf.length`. */
function cutAt(buf: Buffer): number {
  for (let k = 1; k <= 3 && k <= buf.length; k++) {
    const b = buf[buf.length - k] as number;
    if (b < 0x80) return buf.length;
    if (b >= 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return need > k ? buf.length - k : buf.length;
    }
  }
  return buf.length;
}

/** A streaming UTF-8 decoder escaping invalid bytes; chunk boundaries may fall anywhere. */
export class EscapingUtf8Decoder {
  private carry: Buffer = Buffer.alloc(0);
  /** Invalid bytes decoded so far. */
  escaped = 0;

  write(chunk: Buffer): string {
    const buf = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    const end = cutAt(buf);
    this.carry = end < buf.length ? Buffer.from(buf.subarray(end)) : Buffer.alloc(0);
    return this.decode(buf, end);
  }

  end(): string {
    const buf = this.carry;
    this.carry = Buffer.alloc(0);
    return this.decode(buf, buf.length);
  }

  private decode(buf: Buffer, end: number): string {
    if (end === 0) return '';
    if (isUtf8(buf.subarray(0, end))) return buf.toString('utf8', 0, end);
    const s = decodeEscaping(buf, 0, end);
    for (let i = 0; i < s.length; i++) if (isEscape(s, i)) this.escaped++;
    return s;
  }
}

/** Whether `s[i]` is an escaped byte: a low surrogate of the escape range not after a high surrogate. */
export function isEscape(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 0xdc80 || c > 0xdcff) return false;
  const p = i > 0 ? s.charCodeAt(i - 1) : 0;
  return !(p >= 0xd800 && p <= 0xdbff);
}

/** The text with escaped bytes shown as `\xE9`. */
export function showEscapes(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++)
    out += isEscape(s, i) ? `\\x${(s.charCodeAt(i) - ESCAPE_BASE).toString(16).toUpperCase().padStart(2, '0')}` : s[i];
  return out;
}

/** The escaped bytes of a field, as `\xE9 \xFF` (the first 8). */
export function escapedBytes(v: string): string {
  const shown: string[] = [];
  for (let i = 0; i < v.length && shown.length < 8; i++) if (isEscape(v, i)) shown.push(showEscapes(v[i] as string));
  return shown.join(' ');
}

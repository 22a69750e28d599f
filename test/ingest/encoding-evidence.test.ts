/**
 * Issue #13, item 3: the encoding decided on the whole evidence of the sniffed bytes
 * (encoding-evidence.ts). Before, one byte that was not UTF-8 made the file GB18030. Counts in
 * the expected reasons are worked out by hand from the bytes, as commented.
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decideEncoding } from '../../src/lib/ingest/encoding-evidence.ts';

const latin1 = (s: string) => Buffer.from(s, 'latin1');

describe('decideEncoding', () => {
  it('reads ASCII and valid UTF-8 as UTF-8, counting the multi-byte characters', () => {
    expect(decideEncoding(Buffer.from('id,title\n1,Login\n'), true)).toEqual({
      encoding: 'utf-8',
      reason: 'ASCII in the first 64 KiB, read as UTF-8',
    });
    // é, 接, 口: three multi-byte characters.
    expect(decideEncoding(Buffer.from('1,Café 接口\n'), true)).toEqual({
      encoding: 'utf-8',
      reason: 'valid UTF-8 (3 multi-byte characters in the first 64 KiB)',
    });
  });

  it('keeps a file with a few Latin-1 bytes UTF-8', () => {
    // E9 then a space, EF then "v": two invalid UTF-8 bytes; E9 20 is no GB18030 pair either.
    expect(decideEncoding(latin1('1,Caf\xe9 na\xefve\n'), true)).toEqual({
      encoding: 'utf-8',
      reason:
        'UTF-8 with 2 invalid bytes in the first 64 KiB (rows holding them are rejected); 0 valid multi-byte characters, and the bytes are not GB18030 either' +
        '; most non-ASCII bytes are not UTF-8: for an export saved in a Windows code page, set encoding: windows-1252 (or its code page)',
    });
    // E9 73 twice: each a valid GB18030 pair, but with an ASCII trail byte, the shape of Latin-1 text, not of Chinese.
    expect(decideEncoding(latin1('r\xe9sum\xe9s\n'), true).encoding).toBe('utf-8');
    // UTF-8 Chinese with one GB18030 character (D6 D0, 中) in it: 4 valid characters against 2 invalid bytes.
    expect(decideEncoding(Buffer.concat([Buffer.from('接口接口,'), iconv.encode('中', 'gb18030')]), true)).toMatchObject({
      encoding: 'utf-8',
      reason: expect.stringMatching(/^UTF-8 with 2 invalid bytes .*; 4 valid multi-byte characters/),
    });
  });

  it('reads GB18030 when the bytes say so', () => {
    // 中文 = D6 D0 CE C4: as UTF-8 each byte starts a sequence its next byte breaks (4 invalid); 2 GB18030 pairs.
    expect(decideEncoding(iconv.encode('中文', 'gb18030'), true)).toEqual({
      encoding: 'gb18030',
      reason: 'GB18030: 4 of 4 non-ASCII sequences in the first 64 KiB are invalid UTF-8, and all 2 are valid GB18030',
    });
  });

  it('does not count a character cut off by the end of an unfinished window', () => {
    // "a" then the first two bytes of 接 (E6 8E A5): the window ends inside it, more is to come.
    expect(decideEncoding(Buffer.from([0x61, 0xe6, 0x8e]), false)).toEqual({
      encoding: 'utf-8',
      reason: 'ASCII in the first 64 KiB, read as UTF-8',
    });
  });

  it('reads GB18030 despite a corrupt byte or two among many GB18030 characters', () => {
    // 20 characters (20 GB18030 pairs), then 0x81 before a comma: invalid in both encodings. 1 in 20 is within one in ten.
    const text = Buffer.concat([iconv.encode('无法登录接口超时'.repeat(2) + '紧急高中', 'gb18030'), Buffer.from([0x81, 0x2c])]);
    expect(decideEncoding(text, true)).toMatchObject({
      encoding: 'gb18030',
      reason: expect.stringMatching(/and 20 are valid GB18030 \(1 invalid byte: rows holding them are rejected\)$/),
    });
    // Two characters and a corrupt byte: 1 in 2 is too many; UTF-8, with the rows rejected.
    expect(decideEncoding(Buffer.concat([iconv.encode('中文', 'gb18030'), Buffer.from([0x81, 0x2c])]), true).encoding).toBe('utf-8');
  });
});

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectDelimiter, ExportReadError, type OpenExportOptions, openExport, SNIFF_BYTES } from '../../src/lib/ingest/open-export.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/encodings');
const AUTO: OpenExportOptions = Object.freeze({ encoding: 'auto', delimiter: 'auto' });

/** What every encoding of the comma fixture must parse back to. */
const COMMA_RECORDS = [
  ['id', 'title', 'created', 'notes'],
  ['T-1', '无法登录客户门户', '2026-11-03 08:15', 'says "urgent", then\nwaited'],
  ['T-2', 'Printer, 3rd floor', '2026-11-04 09:00', 'ok'],
];

let dir = '';
let commaText = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'open-export-'));
  commaText = await readFile(join(FIXTURES, 'utf8-lf.csv'), 'utf8');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(name: string, bytes: Buffer | string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  return path;
}

async function readAll(stream: Readable): Promise<string> {
  let text = '';
  for await (const chunk of stream) {
    expect(typeof chunk).toBe('string');
    // A chunk ending in a high surrogate would be mangled by consumers that encode chunk by chunk.
    const last = (chunk as string).charCodeAt((chunk as string).length - 1);
    expect(last >= 0xd800 && last <= 0xdbff).toBe(false);
    text += chunk;
  }
  return text;
}

/** Streams the decoded text through csv-parse, as ingestion does. */
async function records(stream: Readable, delimiter: string): Promise<string[][]> {
  const out: string[][] = [];
  for await (const record of stream.pipe(parse({ delimiter }))) out.push(record as string[]);
  return out;
}

/** The error openExport or reading its stream fails with. */
async function failure(path: string, opts: OpenExportOptions = AUTO): Promise<ExportReadError> {
  try {
    const opened = await openExport(path, opts);
    await readAll(opened.stream);
  } catch (err) {
    expect(err).toBeInstanceOf(ExportReadError);
    return err as ExportReadError;
  }
  throw new Error(`expected ${path} to fail`);
}

/** Bytes of `text` in `encoding`, with the byte-order mark when asked. */
function encode(text: string, encoding: string, bom: boolean): Buffer {
  if (encoding === 'utf-8') return Buffer.concat([Buffer.from(bom ? [0xef, 0xbb, 0xbf] : []), Buffer.from(text, 'utf8')]);
  // iconv-lite's addBOM writes no GB18030 mark: its mark is U+FEFF encoded like any character.
  if (encoding === 'gb18030') return iconv.encode(bom ? `\ufeff${text}` : text, encoding);
  return iconv.encode(text, encoding, { addBOM: bom });
}

const VARIANTS = [
  { name: 'utf-8', encoding: 'utf-8', bom: false },
  { name: 'utf-8 with BOM', encoding: 'utf-8', bom: true },
  { name: 'utf-16le with BOM', encoding: 'utf-16le', bom: true },
  { name: 'utf-16be with BOM', encoding: 'utf-16be', bom: true },
  { name: 'gb18030 with BOM', encoding: 'gb18030', bom: true },
  { name: 'gb18030', encoding: 'gb18030', bom: false },
];

describe('openExport: encodings', () => {
  it('checks the BOM encoders write what the test thinks', () => {
    expect([...encode('a', 'utf-16le', true)]).toEqual([0xff, 0xfe, 0x61, 0x00]);
    expect([...encode('a', 'utf-16be', true)]).toEqual([0xfe, 0xff, 0x00, 0x61]);
    // 无 is CE DE in GB2312 (and so in GBK and GB18030); 😀 takes a four-byte GB18030 sequence.
    expect([...encode('无', 'gb18030', false)]).toEqual([0xce, 0xde]);
    expect(encode('😀', 'gb18030', false)).toHaveLength(4);
    // GB18030's byte-order mark is U+FEFF in its four-byte form (GB 18030-2005, the Unicode BMP mapping).
    expect([...encode('a', 'gb18030', true)]).toEqual([0x84, 0x31, 0x95, 0x33, 0x61]);
  });

  for (const v of VARIANTS) {
    for (const gz of [false, true]) {
      it(`detects ${v.name}${gz ? ', gzipped' : ''}, strips the BOM and keeps the text intact`, async () => {
        const bytes = encode(commaText, v.encoding, v.bom);
        const path = await write(`comma-${v.encoding}-${v.bom}.csv${gz ? '.gz' : ''}`, gz ? gzipSync(bytes) : bytes);
        const opened = await openExport(path, AUTO);
        expect({ encoding: opened.encoding, delimiter: opened.delimiter, compressed: opened.compressed }).toEqual({
          encoding: v.encoding,
          delimiter: ',',
          compressed: gz,
        });
        expect(await readAll(opened.stream)).toBe(commaText);
        expect(await records((await openExport(path, AUTO)).stream, opened.delimiter)).toEqual(COMMA_RECORDS);
      });
    }
  }

  it('keeps CRLF line endings for the CSV parser and strips the UTF-8 BOM', async () => {
    const path = join(FIXTURES, 'utf8-bom-crlf.csv');
    const opened = await openExport(path, AUTO);
    expect(opened.encoding).toBe('utf-8');
    const text = await readAll(opened.stream);
    expect(text).toBe(commaText.replaceAll('\n', '\r\n'));
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    // The quoted newline was CRLF in the file, so it stays CRLF in the value.
    const parsed = await records((await openExport(path, AUTO)).stream, ',');
    expect(parsed.map((r) => r.map((f) => f.replaceAll('\r\n', '\n')))).toEqual(COMMA_RECORDS);
  });

  it('honours a configured encoding when there is no BOM', async () => {
    const gb = await write('explicit-gb.csv', encode(commaText, 'gb18030', false));
    for (const encoding of ['gb18030', 'GBK', 'gbk']) {
      const opened = await openExport(gb, { encoding, delimiter: 'auto' });
      expect(opened.encoding).toBe(encoding.toLowerCase());
      expect(await readAll(opened.stream)).toBe(commaText);
    }
    for (const encoding of ['utf-16le', 'utf-16be']) {
      const path = await write(`explicit-${encoding}.csv`, encode(commaText, encoding, false));
      const opened = await openExport(path, { encoding, delimiter: 'auto' });
      expect(opened.encoding).toBe(encoding);
      expect(await readAll(opened.stream)).toBe(commaText);
    }
    const utf8 = await openExport(join(FIXTURES, 'utf8-lf.csv'), { encoding: 'UTF8', delimiter: 'auto' });
    expect(utf8.encoding).toBe('utf-8');
    expect(await readAll(utf8.stream)).toBe(commaText);
  });

  it('lets a BOM win over a configured encoding', async () => {
    const path = await write('bom-wins.csv', encode(commaText, 'utf-16le', true));
    const opened = await openExport(path, { encoding: 'utf-8', delimiter: 'auto' });
    expect(opened.encoding).toBe('utf-16le');
    expect(await readAll(opened.stream)).toBe(commaText);
    // GB18030's mark too: it was read as text holding U+FEFF, and the header refused as "two exports joined".
    const gb = await write('gb-bom-wins.csv', encode(commaText, 'gb18030', true));
    const gbOpened = await openExport(gb, { encoding: 'utf-8', delimiter: 'auto' });
    expect([gbOpened.encoding, gbOpened.encodingReason, gbOpened.bomBytes]).toEqual(['gb18030', 'byte-order mark', 4]);
    expect(await readAll(gbOpened.stream)).toBe(commaText);
  });

  it('rejects an encoding it does not know', async () => {
    const err = await failure(join(FIXTURES, 'utf8-lf.csv'), { encoding: 'klingon', delimiter: 'auto' });
    expect(err.message).toBe(
      `${join(FIXTURES, 'utf8-lf.csv')}: unknown encoding "klingon" (expected utf-8, utf-16le, utf-16be, gb18030, gbk or auto)`,
    );
  });
});

describe('openExport: large files and chunk boundaries', () => {
  // Rows with 2-, 3- and 4-byte UTF-8 characters (é, 无, 😀) and quoted multi-line notes,
  // well past the 64 KiB sniff, so the decoder meets characters split across chunks.
  const rows = ['id,title,notes'];
  for (let i = 0; i < 1500; i++) rows.push(`${i},"无法登录客户门户 😀 café ${i}","line one, ""quoted""\nline two"`);
  const bigText = `${rows.join('\n')}\n`;

  for (const v of VARIANTS) {
    it(`decodes a ${v.name} file of ${Math.round(encode(bigText, v.encoding, v.bom).length / 1024)} KiB read 7 bytes at a time`, async () => {
      const path = await write(`big-${v.encoding}-${v.bom}.csv`, encode(bigText, v.encoding, v.bom));
      const opened = await openExport(path, { ...AUTO, highWaterMark: 7 });
      expect(opened.encoding).toBe(v.encoding);
      expect(await readAll(opened.stream)).toBe(bigText);
      const parsed = await records((await openExport(path, { ...AUTO, highWaterMark: 13 })).stream, ',');
      expect(parsed).toHaveLength(1501);
      expect(parsed[1499]).toEqual(['1498', '无法登录客户门户 😀 café 1498', 'line one, "quoted"\nline two']);
    });
  }

  it('decodes gzipped GB18030 through tiny chunks', async () => {
    const path = await write('big-gb.csv.gz', gzipSync(encode(bigText, 'gb18030', false)));
    const opened = await openExport(path, { ...AUTO, highWaterMark: 3 });
    expect([opened.encoding, opened.compressed]).toEqual(['gb18030', true]);
    expect(await readAll(opened.stream)).toBe(bigText);
  });

  it('decodes a lone surrogate and a byte left over at the end of UTF-16 as U+FFFD, through any chunks', async () => {
    // iconv-lite passes U+D800 alone (bytes 00 D8 in UTF-16LE) and drops an odd last byte; the
    // reader rejects rows by U+FFFD (csv-stream.ts, replacedFrom), so both must become one.
    const le = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      iconv.encode('id,t\n1,a', 'utf-16le'),
      Buffer.from([0x00, 0xd8]),
      iconv.encode('b\n2,\udc00c😀\n3,d', 'utf-16le'),
      Buffer.from([0x41]),
    ]);
    const be = Buffer.concat([
      Buffer.from([0xfe, 0xff]),
      iconv.encode('id,t\n1,a', 'utf-16be'),
      Buffer.from([0xd8, 0x00]),
      iconv.encode('b', 'utf-16be'),
    ]);
    const path = await write('utf16-invalid.csv', le);
    const bePath = await write('utf16be-invalid.csv', be);
    for (const highWaterMark of [undefined, 1, 3]) {
      const hwm = highWaterMark ? { highWaterMark } : {};
      expect(await readAll((await openExport(path, { ...AUTO, ...hwm })).stream), `${highWaterMark}`).toBe(
        'id,t\n1,a\ufffdb\n2,\ufffdc😀\n3,d\ufffd',
      );
      expect(await readAll((await openExport(bePath, { ...AUTO, ...hwm })).stream)).toBe('id,t\n1,a\ufffdb');
    }
  });

  it('judges the encoding and binary data by the first 64 KiB only, whatever the read size', async () => {
    // A Latin-1 é and a NUL past 64 KiB: a 1 MiB read brings them into the first chunk, yet only
    // the first 64 KiB count (so the fast paths, which read 1 MiB, detect what csv-parse's 64 KiB reads detect).
    const head = `id,title\n${'1,plain text\n'.repeat(6000)}`;
    const path = await write('late-bytes.csv', Buffer.concat([Buffer.from(head), Buffer.from([0xe9, 0x00]), Buffer.from('\n')]));
    expect(head.length).toBeGreaterThan(SNIFF_BYTES);
    for (const highWaterMark of [undefined, 1 << 20]) {
      const opened = await openExport(path, { ...AUTO, ...(highWaterMark ? { highWaterMark } : {}) });
      expect(opened.encoding).toBe('utf-8');
      opened.stream.destroy();
    }
  });

  it('still detects UTF-8 when the 64 KiB sniff ends inside a character', async () => {
    // '无' (3 bytes) starts one byte before the sniff limit, so the sniffed bytes end mid-character.
    const prefix = 'id,title\n1,';
    const text = `${prefix}${'a'.repeat(SNIFF_BYTES - 1 - prefix.length)}无法登录客户门户\n2,b\n`;
    expect(Buffer.from(text, 'utf8').indexOf(Buffer.from('无', 'utf8'))).toBe(SNIFF_BYTES - 1);
    const path = await write('sniff-cut.csv', text);
    const opened = await openExport(path, AUTO);
    expect(opened.encoding).toBe('utf-8');
    expect(await readAll(opened.stream)).toBe(text);
  });

  it('can be abandoned part-way without reading the rest', async () => {
    const path = await write('abandon.csv', bigText);
    const opened = await openExport(path, { ...AUTO, highWaterMark: 1024 });
    let seen = 0;
    for await (const chunk of opened.stream) {
      seen += (chunk as string).length;
      break;
    }
    expect(seen).toBeGreaterThan(0);
    expect(opened.stream.destroyed).toBe(true);
  });

  it('can be destroyed before the first read', async () => {
    const path = await write('unread.csv', bigText);
    const opened = await openExport(path, AUTO);
    opened.stream.destroy();
    await new Promise((resolve) => opened.stream.once('close', resolve));
    expect(opened.stream.destroyed).toBe(true);
  });
});

describe('openExport: compression', () => {
  it('detects gzip by its magic bytes, not its name', async () => {
    const gzNamedCsv = await write('really-gzip.csv', gzipSync(Buffer.from(commaText)));
    const opened = await openExport(gzNamedCsv, AUTO);
    expect(opened.compressed).toBe(true);
    expect(await readAll(opened.stream)).toBe(commaText);

    const plainNamedGz = await write('not-gzip.csv.gz', commaText);
    const plain = await openExport(plainNamedGz, AUTO);
    expect(plain.compressed).toBe(false);
    expect(await readAll(plain.stream)).toBe(commaText);
  });

  it('reports corrupt gzip data as an ExportReadError, not a zlib stack', async () => {
    const path = await write('corrupt.csv.gz', Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0xde, 0xad, 0xbe, 0xef, 0x00, 0x01, 0x02, 0x03, 0x04]));
    const err = await failure(path);
    expect(err.file).toBe(path);
    expect(err.message.startsWith(`${path}: the gzip data is corrupt or truncated (`)).toBe(true);
  });

  it('reports gzip data cut short as an ExportReadError, wherever the cut falls', async () => {
    // Numbers that do not repeat, so the gzip stream stays long and the cut lands past the sniff.
    const lines = ['id,value'];
    for (let i = 0; i < 40_000; i++) lines.push(`${i},${((i * 2654435761) % 4294967296).toString(16)}`);
    const gz = gzipSync(Buffer.from(lines.join('\n')));
    const path = await write('truncated.csv.gz', gz.subarray(0, Math.floor(gz.length * 0.8)));
    const err = await failure(path);
    expect(err.message).toMatch(/: the gzip data is corrupt or truncated \(unexpected end of file\)$/);
  });

  it('reports a gzipped empty file as empty', async () => {
    const path = await write('empty.csv.gz', gzipSync(Buffer.alloc(0)));
    expect((await failure(path)).message).toBe(`${path}: the file is empty, expected a header line`);
  });
});

describe('openExport: files that are not CSV text', () => {
  it.each([
    ['0 bytes', Buffer.alloc(0)],
    ['only a UTF-8 BOM', Buffer.from([0xef, 0xbb, 0xbf])],
    ['only a UTF-16LE BOM', Buffer.from([0xff, 0xfe])],
    ['only whitespace', Buffer.from(' \r\n\n\t\n')],
    ['a UTF-16BE BOM and blank lines', encode('\r\n\r\n', 'utf-16be', true)],
  ])('reports %s as empty', async (_label, bytes) => {
    const path = await write('empty.csv', bytes);
    const err = await failure(path);
    expect(err.message).toBe(`${path}: the file is empty, expected a header line`);
    expect(err.file).toBe(path);
  });

  it('reports NUL bytes as a binary file', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const path = await write('x.csv', png);
    expect((await failure(path)).message).toBe(`${path}: looks like a binary file (NUL bytes in the first 64 KiB), expected a CSV export`);
  });

  it('says when a binary-looking file is named .gz but is not gzip data', async () => {
    const path = await write('x.csv.gz', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]));
    expect((await failure(path)).message).toBe(
      `${path}: looks like a binary file (NUL bytes in the first 64 KiB) (it is named .gz but is not gzip data), expected a CSV export`,
    );
  });

  it('suggests UTF-16 when NULs fall on every other byte', async () => {
    const le = await write('utf16le-nobom.csv', encode(commaText, 'utf-16le', false));
    expect((await failure(le)).message).toBe(
      `${le}: looks like a binary file (NUL bytes in the first 64 KiB), expected a CSV export; it may be UTF-16 without a byte-order mark: set encoding: utf-16le`,
    );
    const be = await write('utf16be-nobom.csv', encode('id,name\n1,a\n', 'utf-16be', false));
    expect((await failure(be)).message).toMatch(/set encoding: utf-16be$/);
  });

  it('still suggests UTF-16 when the text holds a character whose low byte is 00 (开, U+5F00)', async () => {
    // 开 is 00 5F in UTF-16LE and 5F 00 in UTF-16BE: one NUL on the other parity, which lost the hint.
    const text = 'id,title\n1,开会\n2,打开文件\n';
    const le = await write('utf16le-nobom-kai.csv', encode(text, 'utf-16le', false));
    expect((await failure(le)).message).toMatch(/; it may be UTF-16 without a byte-order mark: set encoding: utf-16le$/);
    const be = await write('utf16be-nobom-kai.csv', encode(text, 'utf-16be', false));
    expect((await failure(be)).message).toMatch(/; it may be UTF-16 without a byte-order mark: set encoding: utf-16be$/);
    // Binary data with NULs on both parities gets no hint.
    const zip = await write('nul-both.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00, 0x00]));
    expect((await failure(zip)).message).toMatch(/expected a CSV export$/);
  });

  it('reports a NUL even under a configured single-byte encoding', async () => {
    const path = await write('nul.csv', Buffer.from('id,name\n1,a\u0000b\n'));
    expect((await failure(path, { encoding: 'utf-8', delimiter: ',' })).message).toMatch(/looks like a binary file/);
  });

  it('reports a missing file with the system reason', async () => {
    const path = join(dir, 'nope.csv');
    expect((await failure(path)).message).toContain(`${path}: cannot read the file (ENOENT: no such file or directory`);
  });

  it('reports a directory as unreadable', async () => {
    expect((await failure(dir)).message).toMatch(/: cannot read the file \(EISDIR/);
  });
});

describe('openExport: delimiters', () => {
  it('detects semicolons and tabs from the header, and the data survives csv-parse', async () => {
    const semi = await openExport(join(FIXTURES, 'semicolon.csv'), AUTO);
    expect(semi.delimiter).toBe(';');
    expect(await records(semi.stream, semi.delimiter)).toEqual([
      ['id', 'title', 'created', 'notes'],
      ['T-1', '无法登录客户门户', '03.11.2026 08:15', 'a; b, c'],
      ['T-2', 'Drucker; 3. Stock', '04.11.2026 09:00', 'line one\nline two'],
    ]);

    const tab = await openExport(join(FIXTURES, 'tab.tsv'), AUTO);
    expect(tab.delimiter).toBe('\t');
    expect(await records(tab.stream, tab.delimiter)).toEqual([
      ['id', 'title', 'created', 'notes'],
      ['T-1', '无法登录客户门户', '2026-11-03T08:15:00+08:00', 'tab\tinside, and "quotes"'],
      ['T-2', 'Printer, 3rd floor', '2026-11-04T09:00:00Z', 'ok'],
    ]);
  });

  it('detects the delimiter of a UTF-16 and a gzipped GB18030 export', async () => {
    const semiText = await readFile(join(FIXTURES, 'semicolon.csv'), 'utf8');
    const u16 = await openExport(await write('semi-u16.csv', encode(semiText, 'utf-16le', true)), AUTO);
    expect([u16.delimiter, u16.encoding]).toEqual([';', 'utf-16le']);
    const tabText = await readFile(join(FIXTURES, 'tab.tsv'), 'utf8');
    const gb = await openExport(await write('tab-gb.tsv.gz', gzipSync(encode(tabText, 'gb18030', false))), AUTO);
    expect([gb.delimiter, gb.encoding, gb.compressed]).toEqual(['\t', 'gb18030', true]);
    expect(await readAll(gb.stream)).toBe(tabText);
  });

  it('returns a configured delimiter as is', async () => {
    const opened = await openExport(join(FIXTURES, 'utf8-lf.csv'), { encoding: 'auto', delimiter: ';' });
    expect(opened.delimiter).toBe(';');
  });

  it.each([
    ['a,b,c', ','],
    ['a;b;c', ';'],
    ['a\tb\tc', '\t'],
    ['a;b,c', ','],
    ['a;b\tc', ';'],
    ['single', ','],
    ['', ','],
    ['"a;b;c",d', ','],
    ['"x, y, z";a;b', ';'],
    ['"say ""a,b,c""";x;y', ';'],
    ['id;name\r\n1,2,3,4,5', ';'],
    ['"multi\nline, header";a;b\nx,y,z,w', ';'],
  ])('detectDelimiter(%j) → %j', (header, expected) => {
    expect(detectDelimiter(header)).toBe(expected);
  });
});

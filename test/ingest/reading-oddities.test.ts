/**
 * Issue #13, items 3 and 4: exports with odd bytes and odd quoting, read whole (ingestSources)
 * by every path — csv-parse's replacement alone, the fast paths, and worker threads over tiny
 * blocks — which must agree. Each case failed before: a Latin-1 byte turned a UTF-8 file to
 * GB18030, `encoding: utf-8` made bad bytes U+FFFD silently, a NUL past the first 64 KiB and a
 * BOM inside the file went unreported, `"P1" ,` kept its quotes, a stray quote was accepted, an
 * unclosed quote refused the whole file naming its last line, and a 2 MiB comment was kept whole.
 *
 * The second suite holds the cases of the ingest-bytes audit, each of which failed before too:
 * malformed timestamps that the checks fast path accepted with an invented time, CR-only line
 * ends that lost every row under a "header and no rows" warning, invalid UTF-16 read without a
 * reject, and misleading encoding messages.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/lib/config/load-config.ts';
import { MAX_FIELD_CHARS, truncationMark } from '../../src/lib/ingest/field-limit.ts';
import type { FileAccount } from '../../src/lib/ingest/file-account.ts';
import { type IngestOptions, ingestSources } from '../../src/lib/ingest/ingest-sources.ts';
import type { SurveyResponse, TicketRecord } from '../../src/lib/model/records.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function config(encoding = 'auto') {
  return validateConfig({
    review: { name: 'Oddities', timeZone: 'UTC' },
    services: [{ id: 'api', name: 'API', owner: 'Ops', target: 0.99, latencyThresholdMs: 500 }],
    priorities: [
      { id: 'p1', name: 'P1', words: ['P1', '紧急'], response: '15m', resolution: '4h' },
      { id: 'p2', name: 'P2', words: ['P2', '高'], response: '1h', resolution: '8h' },
    ],
    surveys: { csat: { min: 1, max: 5, satisfiedAtLeast: 4 } },
    sources: [
      { id: 'mon', kind: 'checks', files: 'checks.csv', defaultService: 'api', encoding },
      { id: 'desk', kind: 'tickets', files: 'tickets.csv', defaultService: 'api', encoding },
      { id: 'survey', kind: 'surveys', files: 'surveys.csv', defaultService: 'api', encoding },
    ],
  });
}

const PATHS: Array<[string, Partial<IngestOptions>]> = [
  ['general', { fastPath: false, workers: 0 }],
  ['fast', { workers: 0 }],
  ['fast, 7-byte reads', { workers: 0, readChunkBytes: 7 }],
  ['workers', { workers: 2, parallel: { minBytes: 0, blockBytes: 97 } }],
];

interface Read {
  files: FileAccount[];
  tickets: TicketRecord[];
  surveys: SurveyResponse[];
  error?: string;
  problems?: string[] | undefined;
}

/** The ingest of these files by every path: each path's result must equal the general path's. */
async function read(files: { checks?: Buffer | string; tickets?: Buffer | string; surveys?: Buffer | string }, encoding = 'auto') {
  const dir = mkdtempSync(path.join(tmpdir(), 'oddities-'));
  dirs.push(dir);
  writeFileSync(path.join(dir, 'checks.csv'), files.checks ?? 'time,status\n2026-09-01 00:00,up\n');
  writeFileSync(path.join(dir, 'tickets.csv'), files.tickets ?? 'id,created,priority\nT0,2026-09-01 00:00,P1\n');
  writeFileSync(path.join(dir, 'surveys.csv'), files.surveys ?? 'submitted_at,csat\n2026-09-01 00:00,5\n');
  const results: Read[] = [];
  for (const [, options] of PATHS) {
    try {
      const r = await ingestSources(config(encoding), dir, { info() {} }, { cacheDir: null, toolVersion: 't', ...options });
      r.checks.close();
      results.push({ files: r.files, tickets: r.tickets, surveys: r.surveys });
    } catch (e) {
      results.push({ files: [], tickets: [], surveys: [], error: (e as Error).message, problems: (e as { problems?: string[] }).problems });
    }
  }
  for (const [i, r] of results.entries()) expect(r, (PATHS[i] as [string, unknown])[0]).toEqual(results[0]);
  return results[0] as Read;
}

/** Plain rows that push what follows past the 64 KiB sniff. */
const filler = (n: number) => Array.from({ length: n }, (_, i) => `F${i},2026-09-02 00:00,P2,Filler ${i}`).join('\n');

describe('reading odd exports', () => {
  it('keeps a UTF-8 file with one Latin-1 byte UTF-8, rejecting that row only', async () => {
    const text = Buffer.concat([
      Buffer.from('id,created,priority,title\nT1,2026-09-01 10:00,紧急,无法登录\nT2,2026-09-01 11:00,P1,Caf'),
      Buffer.from([0xe9]),
      Buffer.from('\nT3,2026-09-01 12:00,高,接口超时\n'),
    ]);
    const r = await read({ tickets: text });
    const t = r.files.find((f) => f.kind === 'tickets');
    expect(t).toMatchObject({ encoding: 'utf-8', rows: 3, accepted: 2, rejected: 1 });
    // Multi-byte characters, counted by hand: 紧急 2 + 无法登录 4 + 高 1 + 接口超时 4 = 11; E9 before an LF is no GB18030 either.
    expect(t?.encodingReason).toBe(
      'UTF-8 with 1 invalid byte in the first 64 KiB (rows holding them are rejected); 11 valid multi-byte characters, and the bytes are not GB18030 either',
    );
    expect(r.tickets.map((x) => [x.id, x.title, x.priority])).toEqual([
      ['T1', '无法登录', 'p1'],
      ['T3', '接口超时', 'p2'],
    ]);
    expect(t?.rejects).toEqual([
      {
        line: 3,
        column: 4,
        field: 'title',
        value: 'Caf\\xE9',
        reason: "holds bytes that are not valid UTF-8 (\\xE9); check the file's encoding",
      },
    ]);
  });

  it('names the setting that reads a Windows code-page export, and that setting reads it', async () => {
    // Excel's "CSV" on a Western PC: é is E9 and ’ is 92 in windows-1252, each an invalid UTF-8 byte on its own.
    const text = iconv.encode(
      'id,created,priority,title\nT1,2026-09-01 10:00,P1,Café won’t load\nT2,2026-09-01 11:00,P2,plain\n',
      'windows-1252',
    );
    const auto = await read({ tickets: text });
    const t = auto.files.find((f) => f.kind === 'tickets');
    expect(t).toMatchObject({ encoding: 'utf-8', rows: 2, accepted: 1, rejected: 1 });
    expect(t?.encodingReason).toMatch(/, set encoding: windows-1252 \(or its code page\)$/);
    const configured = await read({ tickets: text }, 'windows-1252');
    expect(configured.files.find((f) => f.kind === 'tickets')).toMatchObject({
      encoding: 'windows-1252',
      rows: 2,
      accepted: 2,
      rejected: 0,
    });
    expect(configured.tickets.map((x) => x.title)).toEqual(['Café won’t load', 'plain']);
  });

  it('says a header line inside the file is one (two exports joined), and when its columns are in another order', async () => {
    // Two exports copied into one file: line 4 repeats the header; line 6 is the header of an export with two columns swapped.
    const tickets = [
      'id,created,priority,title',
      'T1,2026-09-01 10:00,P1,a',
      'T2,2026-09-01 11:00,P1,b',
      'id,created,priority,title',
      'T3,2026-09-01 12:00,P1,c',
      'ID, Priority ,created,title',
      'T4,P1,2026-09-01 13:00,d',
    ].join('\n');
    const r = await read({ tickets: `${tickets}\n` });
    const t = r.files.find((f) => f.kind === 'tickets');
    // 6 rows: T1, T2, T3 accepted; the two header lines and T4 (its priority column holds a date) rejected.
    expect(t).toMatchObject({ rows: 6, accepted: 3, rejected: 3 });
    expect(t?.rejects.map((x) => [x.line, x.column, x.field, x.reason])).toEqual([
      [4, null, null, 'repeats the header line: two exports joined into one file? It is no row'],
      [
        6,
        null,
        null,
        "is the header line in another column order: two exports joined into one file? The rows after it are read in the first header's order: split the file",
      ],
      [7, 2, 'created', 'expected a date like 2026-11-03 08:15, got "P1"'],
    ]);
  });

  it('reads GB18030 when the bytes say so, and says why', async () => {
    const text = iconv.encode('id,created,priority,title\nT1,2026-09-01 10:00,紧急,无法登录\nT2,2026-09-01 11:00,高,接口超时\n', 'gb18030');
    const r = await read({ tickets: text });
    const t = r.files.find((f) => f.kind === 'tickets');
    // 2 + 4 + 1 + 4 = 11 Chinese characters, two GB bytes each; as UTF-8 every one of them is invalid somewhere.
    expect(t?.encoding).toBe('gb18030');
    expect(t?.encodingReason).toMatch(
      /^GB18030: \d+ of \d+ non-ASCII sequences in the first 64 KiB are invalid UTF-8, and all 11 are valid GB18030$/,
    );
    expect(r.tickets.map((x) => [x.title, x.priority])).toEqual([
      ['无法登录', 'p1'],
      ['接口超时', 'p2'],
    ]);
  });

  it('in a GB18030 file, rejects the row with a corrupt byte (iconv-lite made it U+FFFD) and reads the rest', async () => {
    const text = Buffer.concat([
      iconv.encode(
        `id,created,priority,title\n${Array.from({ length: 10 }, (_, i) => `T${i},2026-09-01 10:00,紧急,无法登录接口超时`).join('\n')}\nX1,2026-09-01 10:00,高,坏`,
        'gb18030',
      ),
      Buffer.from([0x81, 0x2c, 0x41]),
      iconv.encode('\nX2,2026-09-01 10:00,高,好\n', 'gb18030'),
    ]);
    for (const encoding of ['auto', 'gb18030']) {
      const r = await read({ tickets: text }, encoding);
      const t = r.files.find((f) => f.kind === 'tickets');
      expect(t).toMatchObject({ encoding: 'gb18030', rows: 12, accepted: 11, rejected: 1 });
      // Header 1, T0–T9 on lines 2–11, X1 on line 12; the corrupt byte is in its title, column 4. X1's row had 5 fields: "坏\ufffd", "A".
      expect(t?.rejects[0]).toMatchObject({
        line: 12,
        column: 4,
        field: 'title',
        reason: "holds bytes that are not valid GB18030 (decoded as U+FFFD); check the file's encoding",
      });
      expect(r.tickets.at(-1)).toMatchObject({ id: 'X2', title: '好', priority: 'p2' });
    }
  });

  it('with encoding: utf-8, rejects rows with invalid bytes (also past the 64 KiB sniff) instead of making them U+FFFD', async () => {
    const text = Buffer.concat([
      Buffer.from(`id,created,priority,title\n${filler(2000)}\nB1,2026-09-01 10:00,P1,x`),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('y\nB2,2026-09-01 10:00,P1,ok\n'),
    ]);
    const r = await read({ tickets: text }, 'utf-8');
    const t = r.files.find((f) => f.kind === 'tickets');
    expect(t).toMatchObject({ encoding: 'utf-8', encodingReason: 'configured (encoding: utf-8)', rows: 2002, rejected: 1 });
    // Header 1, filler lines 2–2001, B1 at 2002.
    expect(t?.rejects).toEqual([
      {
        line: 2002,
        column: 4,
        field: 'title',
        value: 'x\\xFF\\xFEy',
        reason: "holds bytes that are not valid UTF-8 (\\xFF \\xFE); check the file's encoding",
      },
    ]);
    expect(r.tickets.some((x) => x.title.includes('\ufffd'))).toBe(false);
  });

  it('refuses a NUL byte past the first 64 KiB as it does one in them', async () => {
    const checks = `time,status\n${Array.from({ length: 4000 }, (_, i) => `2026-09-01 00:${String(i % 60).padStart(2, '0')},up`).join('\n')}\n2026-09-02 00:00,u\u0000p\n`;
    const r = await read({ checks });
    // Header 1, 4000 rows on lines 2–4001, the NUL on line 4002.
    expect(r.error).toMatch(/cannot be read|problem/);
    expect(r.problems?.join('\n')).toContain('checks.csv: looks like a binary file (a NUL byte at line 4002), expected a CSV export');
    const early = await read({ checks: 'time,status\n2026-09-01 00:00,u\u0000p\n' });
    expect(early.problems?.join('\n')).toContain('checks.csv: looks like a binary file (NUL bytes in the first 64 KiB)');
  });

  it('rejects the row holding a byte-order mark inside the file (two exports joined)', async () => {
    const one = 'time,status\n2026-09-01 00:00,up\n';
    const two = 'time,status\n2026-09-01 00:10,up\n';
    const r = await read({ checks: Buffer.concat([Buffer.from(`\ufeff${one}`), Buffer.from(`\ufeff${two}`)]) });
    const c = r.files.find((f) => f.kind === 'checks');
    expect(c).toMatchObject({ rows: 3, accepted: 2, rejected: 1 });
    expect(c?.rejects).toEqual([
      {
        line: 3,
        column: 1,
        field: 'time',
        value: '\ufefftime',
        reason: 'holds a byte-order mark (U+FEFF) inside the file: two exports joined, or a stray mark',
      },
    ]);
  });

  it('drops spaces around quoted fields, so `"P1" ,` is priority P1', async () => {
    const r = await read({ tickets: 'id,created,priority,title\nT1,2026-09-01 10:00,"P1" , "Login" \n' });
    expect(r.tickets.map((x) => [x.priority, x.title])).toEqual([['p1', 'Login']]);
  });

  it('rejects a row with a stray quote in an unquoted field and reads the next ones', async () => {
    const r = await read({ tickets: 'id,created,priority,title\nT1,2026-09-01 10:00,P1,say "hi"\nT2,2026-09-01 10:00,P1,ok\n' });
    const t = r.files.find((f) => f.kind === 'tickets');
    expect(t).toMatchObject({ rows: 2, accepted: 1, rejected: 1 });
    expect(t?.rejects[0]).toMatchObject({ line: 2, column: 4, field: 'title', value: 'say "hi"' });
  });

  it('an unclosed quote rejects from the line it opened, keeps the rows before and counts every line after', async () => {
    // Lines: 1 header, 2 T1, 3 T2 opens a quote, 4 and 5 rows swallowed by it, 6 blank, 7 a row.
    const r = await read({
      tickets:
        'id,created,priority,title\nT1,2026-09-01 10:00,P1,a\nT2,2026-09-01 10:00,P1,"open\nT3,2026-09-01 10:00,P1,b\nT4,x,P1,c\n\nT5,2026-09-01 10:00,P1,d',
    });
    const t = r.files.find((f) => f.kind === 'tickets');
    expect(t).toMatchObject({ rows: 5, accepted: 1, rejected: 4 });
    expect(r.tickets.map((x) => x.id)).toEqual(['T1']);
    expect(t?.rejects.map((x) => [x.line, x.column, x.field])).toEqual([
      [3, 4, 'title'],
      [4, null, null],
      [5, null, null],
      [7, null, null],
    ]);
    expect(t?.rejects[0]?.reason).toBe('has a quote opened at line 3 that is never closed: this line and every line after it are rejected');
  });

  it('cuts a long comment (200 KB) at the limit with a marker, and counts it', async () => {
    const comment = 'é'.repeat(100_000);
    const r = await read({ surveys: `submitted_at,csat,comment\n2026-09-01 00:00,5,${comment}\n2026-09-01 00:01,4,short\n` });
    const s = r.files.find((f) => f.kind === 'surveys');
    expect(s).toMatchObject({ rows: 2, accepted: 2, truncated: 1 });
    expect(r.surveys.map((x) => x.comment)).toEqual([`${'é'.repeat(MAX_FIELD_CHARS)}${truncationMark(100_000)}`, 'short']);
  });

  // Session 27: 11 digits are a Chinese mobile number's length (17803456789 is one), so a rejected 11-digit
  // number in a timestamp column is `[number]` (not a guess at `[phone]`, issue #13); the reason keeps the
  // digit count. An epoch out of range (9999999999999 ms is 2286-11-20) is named with its unit and year.
  it('shows a rejected 11-digit number as "[number]" with its digit count, and an epoch out of range by unit and year', async () => {
    const r = await read({ tickets: 'id,created,priority\nT1,17803456789,P1\nT2,2026-09-01 00:00,13800138000\nT3,9999999999999,P1\n' });
    const t = r.files.find((f) => f.kind === 'tickets');
    expect(t?.rejects.map((x) => [x.line, x.value, x.reason.slice(0, 30)])).toEqual([
      [2, '[number]', '"[number]" has 11 digits; epoc'],
      // A phone number typed into the priority cell stays masked.
      [3, '[phone]', 'unknown priority "[phone]"; ad'],
      [4, '[number]', '"[number]" read as epoch milli'],
    ]);
    expect(t?.rejects[2]?.reason).toBe(
      '"[number]" read as epoch milliseconds is out of range: year 2286 (expected 1970–2199); check epochUnit',
    );
  });
  // Audit defect 7: a rejected value starting with a date kept its phone number, in any column.
  // Only a value wholly shaped like a timestamp, in a timestamp column, keeps its digits.
  it('masks a phone number after a leading date; a wholly date-shaped value in a timestamp column keeps its digits', async () => {
    const r = await read({
      tickets: [
        'id,created,priority,reopened',
        'T1,2026-10-01 call 07700 900123,P1,no',
        'T2,2026-09-01 00:00,P1,2026-10-01 ring +44 7700 900123',
        'T3,2026-08-32T09:15:00+01:00,P1,no',
        '',
      ].join('\n'),
      surveys: 'submitted_at,csat\n2026-09-01 00:00,2026-10-01 call me 07700 900123\n',
    });
    expect(r.files.find((f) => f.kind === 'tickets')?.rejects).toEqual([
      {
        line: 2,
        column: 2,
        field: 'created',
        value: '2026-10-01 call [phone]',
        reason: 'expected a date like 2026-11-03 08:15, got "2026-10-01 call [phone]"',
      },
      {
        line: 3,
        column: 4,
        field: 'reopened',
        value: '2026-10-01 ring [phone]',
        reason: 'expected yes/no or a count, got "2026-10-01 ring [phone]"',
      },
      {
        line: 4,
        column: 2,
        field: 'created',
        value: '2026-08-32T09:15:00+01:00',
        reason: '"2026-08-32T09:15:00+01:00" is not a real date: August 2026 has 31 days',
      },
    ]);
    expect(r.files.find((f) => f.kind === 'surveys')?.rejects).toEqual([
      {
        line: 2,
        column: 2,
        field: 'csat',
        value: '2026-10-01 call me [phone]',
        reason: 'expected a number, got "2026-10-01 call me [phone]"; map score words under values.csat',
      },
    ]);
  });

  // Audit defect 9: masking the whole reason masked the tool's own words, "(expected 1970–2199)" and the
  // upper bound of a latency: only the exported values a reason quotes are masked.
  it("masks the values a reason quotes, never the tool's own words", async () => {
    const r = await read({
      checks: 'time,status,latency_ms\n0000-00-00 00:00,up,5\n2026-09-01 00:00,up,-5\n2026-09-01 00:01,up,5\n',
    });
    expect(r.files.find((f) => f.kind === 'checks')?.rejects.map((x) => [x.line, x.value, x.reason])).toEqual([
      [2, '0000-00-00 00:00', '"0000-00-00 00:00" is out of range: year 0 (expected 1970–2199)'],
      [3, '-5', 'expected a value from 0 to 9007199254740991, got "-5"'],
    ]);
  });

  // Found while fixing defect 9: values were cut to 80 characters before masking, so an address across
  // the cut lost its top-level domain and was no longer recognised (`jo.doe@exam…`).
  it('masks a rejected value before cutting it', async () => {
    const value = `${'x'.repeat(70)} jo.doe@example.com`;
    const r = await read({ tickets: `id,created,priority\nT1,2026-09-01 00:00,${value}\n` });
    const [reject] = r.files.find((f) => f.kind === 'tickets')?.rejects ?? [];
    expect(reject?.value).toBe(`${'x'.repeat(70)} [email]`);
    expect(JSON.stringify(r.files)).not.toContain('jo.doe');
  });
});

describe('reading odd exports (the ingest-bytes audit)', () => {
  /** The reason parseTimestamp gives a cell it cannot read (parse-timestamp.ts, `expected`, under dateOrder ymd). */
  const notADate = (cell: string) => `expected a date like 2026-11-03 08:15, got "${cell}"`;

  it('rejects malformed ISO timestamps on the checks fast path as the general reader does, instead of inventing a time', async () => {
    // The audit's cells: a space or letters where the digits of the hour, minute or second belong.
    // The fast path read each non-digit pair as −1, which passed `hour <= 23` (9:05 became 23:05 the day before).
    const bad = ['2026-10-01T 9:05:00Z', '2026-10-01 ab:cd:efZ', '2026-10-01T09: 5:00Z', '2026-10-01T09:05: 0Z'];
    const checks = `time,status\n2026-10-01T09:00:00Z,up\n${bad.map((t) => `${t},up`).join('\n')}\n2026-10-01T09:10:00Z,up\n`;
    const r = await read({ checks });
    const c = r.files.find((f) => f.kind === 'checks');
    expect(c).toMatchObject({
      rows: 6,
      accepted: 2,
      rejected: 4,
      firstMs: Date.UTC(2026, 9, 1, 9, 0),
      lastMs: Date.UTC(2026, 9, 1, 9, 10),
    });
    // Header line 1, the good row line 2, the bad ones lines 3–6; the time is column 1.
    expect(c?.rejects.map((x) => [x.line, x.column, x.field, x.value, x.reason])).toEqual(
      bad.map((t, i) => [3 + i, 1, 'time', t, notADate(t)]),
    );
  });

  it('refuses a file with CR-only line ends (old Mac CSV) as a file error naming the header line, on every path', async () => {
    const message = (file: string, column: number) =>
      `${file}:1:${column}: the header line holds a bare CR (a CR without an LF: old Mac line ends), expected lines that end in LF or CR LF; save the export with LF or CR LF line ends`;
    // Before: one header "record" of every line's fields, no rows and only a "header and no rows" warning.
    const checks = 'time,status\r2026-09-01 00:00,up\r2026-09-01 00:10,down\r';
    expect((await read({ checks })).problems).toEqual([message('checks.csv', 2)]);
    // Before: "Resolved" in a later row's cells read as a second header column.
    const tickets = 'id,created,priority,status\rT1,2026-09-01 10:00,P1,Resolved\rT2,2026-09-01 11:00,P2,Resolved\r';
    expect((await read({ tickets })).problems).toEqual([message('tickets.csv', 4)]);
    // Past the 64 KiB sniff and gzipped, as the audit's sample file was; in UTF-16 (read as text, not bytes).
    const long = `time,status\r${Array.from({ length: 5000 }, (_, i) => `2026-09-01 00:${String(i % 60).padStart(2, '0')},up`).join('\r')}\r`;
    expect((await read({ checks: gzipSync(long) })).problems).toEqual([message('checks.csv', 2)]);
    expect((await read({ checks: Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(long, 'utf-16le')]) })).problems).toEqual([
      message('checks.csv', 2),
    ]);
    // A bare CR in the header's first field; a CR inside a quoted header field is text, not a line end.
    expect((await read({ checks: 'ti\rme,status\n2026-09-01 00:00,up\n' })).problems).toEqual([message('checks.csv', 1)]);
    expect((await read({ checks: '"ti\rme",time,status\n1,2026-09-01 00:00,up\n' })).files.find((f) => f.kind === 'checks')).toMatchObject({
      rows: 1,
      accepted: 1,
    });
  });

  it('keeps a bare CR in a data cell as the docs say, and rejects a line of CR-joined rows by its field count, counted', async () => {
    // docs/reading-exports.md, Line ends: "A bare CR is no line end: outside quotes it is kept in the field".
    const tickets =
      'id,created,priority,title\nT1,2026-09-01 10:00,P1,Login\rfails\nT2,2026-09-01 10:00,P1,a\rT3,2026-09-01 11:00,P1,b\nT4,2026-09-01 12:00,P1,c\n';
    const r = await read({ tickets });
    const t = r.files.find((f) => f.kind === 'tickets');
    expect(t).toMatchObject({ rows: 3, accepted: 2, rejected: 1 });
    expect(r.tickets.map((x) => [x.id, x.title])).toEqual([
      ['T1', 'Login\rfails'],
      ['T4', 'c'],
    ]);
    // Line 3 holds T2 and T3 joined by a CR: 4 + 4 − 1 = 7 fields.
    expect(t?.rejects).toEqual([
      {
        line: 3,
        column: null,
        field: null,
        value: null,
        // The row mapper's field count (row-mappers.ts): the line is one row, rejected and counted.
        reason: 'expected 4 fields like the header, got 7',
      },
    ]);
  });

  it('rejects the row of a lone surrogate in UTF-16, and a trailing odd byte, instead of reading them', async () => {
    const reason = (enc: string) => `holds bytes that are not valid ${enc} (decoded as U+FFFD); check the file's encoding`;
    for (const [enc, bom] of [
      ['utf-16le', [0xff, 0xfe]],
      ['utf-16be', [0xfe, 0xff]],
    ] as const) {
      const text = (s: string) => iconv.encode(s, enc);
      // 00 D8 (LE) or D8 00 (BE) is U+D800, a high surrogate with no low one after it.
      const lone = Buffer.from(enc === 'utf-16le' ? [0x00, 0xd8] : [0xd8, 0x00]);
      const tickets = Buffer.concat([
        Buffer.from(bom),
        text('id,created,priority,title\nT1,2026-09-01 10:00,P1,a'),
        lone,
        text('b\nT2,2026-09-01 10:00,P1,ok\nT3,2026-09-01 10:00,P1,odd'),
        Buffer.from([0x41]),
      ]);
      const r = await read({ tickets });
      const t = r.files.find((f) => f.kind === 'tickets');
      expect(t, enc).toMatchObject({ encoding: enc, rows: 3, accepted: 1, rejected: 2 });
      // Header line 1; T1 on line 2 (the title, column 4); T3 on line 4 ends in the odd byte.
      expect(t?.rejects.map((x) => [x.line, x.column, x.field, x.reason])).toEqual([
        [2, 4, 'title', reason(enc.toUpperCase())],
        [4, 4, 'title', reason(enc.toUpperCase())],
      ]);
      expect(r.tickets.map((x) => x.id)).toEqual(['T2']);
    }
  });

  it('reads a file that starts with the GB18030 byte-order mark (84 31 95 33) as GB18030', async () => {
    const body = iconv.encode('id,created,priority,title\nT1,2026-09-01 10:00,紧急,无法登录\n', 'gb18030');
    for (const encoding of ['auto', 'gb18030', 'utf-8']) {
      const r = await read({ tickets: Buffer.concat([Buffer.from([0x84, 0x31, 0x95, 0x33]), body]) }, encoding);
      const t = r.files.find((f) => f.kind === 'tickets');
      // A byte-order mark wins over the configured encoding (docs/reading-exports.md, Encodings).
      expect(t, encoding).toMatchObject({ encoding: 'gb18030', encodingReason: 'byte-order mark', rows: 1, accepted: 1 });
      expect(r.tickets.map((x) => [x.title, x.priority])).toEqual([['无法登录', 'p1']]);
    }
  });
});

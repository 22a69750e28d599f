/**
 * Issue #13, item 7: the reader against the suites of parsers people already trust, read in
 * place from ../shared/conformance (test/helpers/conformance.ts; CI sets REVIEW_CONFORMANCE).
 *
 * Each input is read by both of the reader's paths: the general reader (csv-stream.ts, over the
 * bytes decoded as ingestion decodes them) and the fast line loop (line-loop.ts, with
 * fast-records.ts splitting the plain lines) handing over to it, as read-export.ts composes them.
 * - csv-spectrum: every file gives exactly its expected records.
 * - Papa Parse: every case gives Papa Parse's rows (blank lines are no rows here, so Papa's `[""]`
 *   rows are left out), except the deliberate differences listed in DIFFERENCES (and in
 *   docs/reading-exports.md), which must still differ — the list cannot go stale — and for which,
 *   as for every malformed case, every non-blank line is accounted: covered by exactly one
 *   record or rejected record.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CsvRecord, readCsvRecords, textFrom } from '../../src/lib/ingest/csv-stream.ts';
import { FastRecordRows } from '../../src/lib/ingest/fast-records.ts';
import { newFileAccount, RowAccount } from '../../src/lib/ingest/file-account.ts';
import { LineLoop, loopOverStream } from '../../src/lib/ingest/line-loop.ts';
import { detectDelimiter } from '../../src/lib/ingest/open-export.ts';
import { words } from '../../src/lib/util/reason.ts';
import { CONFORMANCE, conformance } from '../helpers/conformance.ts';
import { uncoveredLines } from '../helpers/csv-lines.ts';

const { have, SKIPPED } = conformance('conformance', 'csv-spectrum', 'papaparse-core');

async function* chunksOf(buf: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

/** The general reader over the whole input. */
async function general(bytes: Buffer, delimiter: string, chunk: number): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  await readCsvRecords(
    textFrom(Buffer.alloc(0), chunksOf(bytes, chunk)),
    'case.csv',
    { delimiter, recordDelimiter: null, linesBefore: 0 },
    (r) => out.push(r),
  );
  return out;
}

/** The fast line loop from the first line, handing over to the general reader as read-export.ts does. */
async function fast(bytes: Buffer, delimiter: string, chunk: number): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  // The real fast-records splitting; its row mapper here only collects the fields (and reports a
  // reject, so no record is needed), the account is a scratch one.
  const account = new RowAccount(newFileAccount({ file: 'case.csv', source: 's', kind: 'tickets', sha256: '', bytes: 0 }), 'UTC');
  const rows = new FastRecordRows(
    (fields, line) => {
      out.push({ fields, line, lines: 1, fault: null, truncated: 0 });
      return { line, column: null, field: null, value: null, reason: words('collected') };
    },
    () => {},
    account,
    delimiter,
  );
  const it = chunksOf(bytes, chunk);
  const first = await it.next();
  const handover = await loopOverStream(new LineLoop(rows, 1), first.done ? Buffer.alloc(0) : first.value, !!first.done, it);
  if (handover !== null)
    await readCsvRecords(
      textFrom(handover.rest, it),
      'case.csv',
      { delimiter, recordDelimiter: '\n', linesBefore: handover.linesBefore },
      (r) => out.push(r),
    );
  return out;
}

/** Both paths at two read sizes; all must agree. A BOM at byte 0 is taken off first, as openExport does. */
async function read(input: Buffer, delimiter: string): Promise<CsvRecord[]> {
  const bytes = input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf ? input.subarray(3) : input;
  const reference = await general(bytes, delimiter, 1 << 16);
  for (const [name, r] of [
    ['general, 3-byte reads', await general(bytes, delimiter, 3)],
    ['fast', await fast(bytes, delimiter, 1 << 16)],
    ['fast, 3-byte reads', await fast(bytes, delimiter, 3)],
  ] as const)
    expect(r, name).toEqual(reference);
  return reference;
}

describe(`csv-spectrum${SKIPPED}`, () => {
  it.skipIf(!have)('gives every file exactly its expected records', async () => {
    const dir = path.join(CONFORMANCE, 'csv-spectrum');
    const { cases } = JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as {
      cases: Array<{ input: string; expected: Array<Record<string, string>> }>;
    };
    expect(cases.length).toBe(11);
    for (const c of cases) {
      const records = await read(readFileSync(path.join(dir, c.input)), ',');
      expect(
        records.every((r) => r.fault === null),
        c.input,
      ).toBe(true);
      const [header, ...rows] = records.map((r) => r.fields);
      const objects = rows.map((r) => Object.fromEntries((header as string[]).map((h, i) => [h, r[i]])));
      expect(objects, c.input).toEqual(c.expected);
    }
  });
});

interface PapaCase {
  suite: string;
  description: string;
  input: string;
  config: { delimiter?: string; newline?: string; quoteChar?: string; escapeChar?: string };
  expected: { data: string[][]; errors: Array<{ code: string }> };
}

/**
 * The deliberate differences from Papa Parse, by case description, with why (the same list is in
 * docs/reading-exports.md). Each must still differ from Papa Parse's rows.
 */
const STRAY = 'a quote inside an unquoted field rejects the row (Papa Parse keeps the quote as text)';
const AFTER_CLOSE = 'text after a closing quote rejects the record (Papa Parse reads on, joining lines into one field)';
const DIFFERENCES: Record<string, string> = {
  'Unquoted field with quotes at end of field': STRAY,
  'Misplaced quotes in data, not as opening quotes': STRAY,
  'Misplaced quotes in data twice, not as opening quotes': STRAY,
  'Quoted field with whitespace around quotes': 'spaces around a quoted field are dropped: `"B"` is B (Papa Parse keeps ` "B" `)',
  'Quoted field has no closing quote':
    'a quote never closed rejects its record and every later line (Papa Parse reads the rest of the input into one field)',
  'Quoted field has invalid trailing quote after delimiter with a valid closer': AFTER_CLOSE,
  'Quoted field has invalid trailing quote after delimiter': AFTER_CLOSE,
  'Quoted field has invalid trailing quote before delimiter': AFTER_CLOSE,
  'Quoted field has invalid trailing quote after new line': AFTER_CLOSE,
  'Two rows, just \\r': 'a bare CR is no line end: exports end lines with CR LF or LF (Papa Parse also takes a lone CR)',
  'Pipe delimiter is guessed correctly when mixed with comas':
    'the delimiter is detected among comma, semicolon and tab only (Papa Parse also guesses a pipe)',
};

/** Cases outside what an export reader supports: other quote or escape characters, multi-character delimiters. */
function unsupported(c: PapaCase): string | null {
  if (c.config.quoteChar !== undefined && c.config.quoteChar !== '"') return `quote character ${JSON.stringify(c.config.quoteChar)}`;
  if (c.config.escapeChar !== undefined && c.config.escapeChar !== '"') return `escape character ${JSON.stringify(c.config.escapeChar)}`;
  if (c.config.delimiter !== undefined && (c.config.delimiter.length !== 1 || c.config.delimiter === '\n'))
    return `delimiter ${JSON.stringify(c.config.delimiter)}`;
  return null;
}

describe(`Papa Parse's cases${SKIPPED}`, () => {
  it.skipIf(!have)("give Papa Parse's rows, but for the listed differences; every line accounted", async () => {
    const { cases } = JSON.parse(readFileSync(path.join(CONFORMANCE, 'papaparse-core', 'cases.json'), 'utf8')) as { cases: PapaCase[] };
    expect(cases.length).toBe(92);
    const report: string[] = [];
    let equal = 0;
    for (const c of cases) {
      const skip = unsupported(c);
      // A delimiter the reader cannot take is read as ingestion would: detected from the first line.
      const d = c.config.delimiter;
      const delimiter = d !== undefined && d.length === 1 && d !== '\n' ? d : detectDelimiter(c.input);
      const records = await read(Buffer.from(c.input), delimiter);
      expect(uncoveredLines(c.input, records), c.description).toEqual([]);
      const ours = records.map((r) => (r.fault === null ? r.fields : [`<rejected: ${r.fault.reason}>`]));
      const papa = c.expected.data.filter((r) => !(r.length === 1 && r[0] === ''));
      const same = JSON.stringify(ours) === JSON.stringify(papa);
      if (same) equal++;
      const why = skip ?? DIFFERENCES[c.description];
      if (why === undefined) expect(ours, c.description).toEqual(papa);
      else if (skip === null) expect(same, `${c.description} is listed as a difference but now agrees`).toBe(false);
      if (!same) report.push(`${c.description}: ${JSON.stringify(c.input)} ours ${JSON.stringify(ours)} papa ${JSON.stringify(papa)}`);
    }
    if (process.env.CONFORMANCE_VERBOSE) console.log(`${equal} of ${cases.length} equal\n${report.join('\n')}`);
    // 92 cases: 11 deliberate differences, 7 beyond an export reader (quote, escape and multi-character delimiters), 74 equal.
    expect(equal).toBe(74);
    expect(Object.keys(DIFFERENCES).every((d) => cases.some((c) => c.description === d))).toBe(true);
  });
});

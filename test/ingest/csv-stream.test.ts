/**
 * Issue #13, item 4: the general CSV reader (csv-stream.ts). Each oddity gives a located fault
 * on its record (never a silent repair, never a lost line); expected values are worked out by
 * hand from the input text, line by line. Two properties: chunk boundaries never change what
 * is read, and on RFC 4180 text the records are csv-parse's.
 */
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReviewError } from '../../src/lib/errors.ts';
import { type CsvRecord, CsvTokenizer } from '../../src/lib/ingest/csv-stream.ts';
import { MAX_FIELD_CHARS, truncationMark } from '../../src/lib/ingest/field-limit.ts';
import { ExportReadError } from '../../src/lib/ingest/open-export.ts';
import { EscapingUtf8Decoder } from '../../src/lib/ingest/utf8-escape.ts';
import { uncoveredLines } from '../helpers/csv-lines.ts';
import { assertProperty } from '../helpers/property.ts';

/** The records of `text`, pushed in pieces cut at `cuts`. */
function records(text: string, cuts: number[] = [], delimiter = ','): CsvRecord[] {
  const out: CsvRecord[] = [];
  const t = new CsvTokenizer('t.csv', delimiter, 1, (r) => out.push(structuredClone(r)));
  let at = 0;
  for (const c of [...cuts].sort((a, b) => a - b)) {
    t.push(text.slice(at, c));
    at = c;
  }
  t.push(text.slice(at));
  t.end();
  return out;
}

const ok = (fields: string[], line: number, lines = 1) => ({ fields, line, lines, fault: null, truncated: 0 });

describe('the general CSV reader', () => {
  it('reads RFC 4180 records with their first physical line', () => {
    expect(records('a,b\r\n"x, y","say ""hi"""\n"two\r\nlines",z\n\n1,2')).toEqual([
      ok(['a', 'b'], 1),
      ok(['x, y', 'say "hi"'], 2),
      ok(['two\r\nlines', 'z'], 3, 2),
      // Line 5 is blank: no record, but a line.
      ok(['1', '2'], 6),
    ]);
  });

  it('drops spaces around a quoted field and keeps them around an unquoted one', () => {
    // Issue #13: `"P1" ,` kept the quotes and the priority did not match.
    expect(records('"P1" , "x"\t, a ,b \n')).toEqual([ok(['P1', 'x', ' a ', 'b '], 1)]);
    // With tab as the delimiter, a tab is a delimiter, not a space.
    expect(records('"P1" \t x\n', [], '\t')).toEqual([ok(['P1', ' x'], 1)]);
  });

  it('rejects a record with a stray quote in an unquoted field, and reads on', () => {
    expect(records('id,t\nab"c,x\n1,2\n')).toEqual([
      ok(['id', 't'], 1),
      {
        fields: [],
        line: 2,
        lines: 1,
        fault: { column: 1, value: 'ab"c', reason: 'has a quote inside an unquoted field (quote the whole field and double the quote)' },
        truncated: 0,
      },
      ok(['1', '2'], 3),
    ]);
  });

  it('rejects a record with text after a closing quote, and reads on', () => {
    expect(records('x,"ab"c,y\n1,2,3\n')).toEqual([
      {
        fields: [],
        line: 1,
        lines: 1,
        fault: { column: 2, value: 'abc', reason: 'has text after the closing quote of a field' },
        truncated: 0,
      },
      ok(['1', '2', '3'], 2),
    ]);
  });

  it('rejects a quote never closed at its line, keeps the rows before it and rejects every line after it', () => {
    // Lines: 1 header, 2 row, 3 opens the quote, 4 text, 5 blank (no row), 6 text, 7 two spaces (a row, as outside quotes).
    const r = records('a,b\n1,2\n3,"open\n4,5\n\n7,8\n  \n');
    expect(r.slice(0, 2)).toEqual([ok(['a', 'b'], 1), ok(['1', '2'], 2)]);
    expect(r.slice(2).map((x) => [x.line, x.fault?.column, x.fault?.reason])).toEqual([
      [3, 2, 'has a quote opened at line 3 that is never closed: this line and every line after it are rejected'],
      [4, null, 'lies inside the quote opened at line 3 that is never closed'],
      [6, null, 'lies inside the quote opened at line 3 that is never closed'],
      [7, null, 'lies inside the quote opened at line 3 that is never closed'],
    ]);
    // A record that starts on line 2 and opens its unclosed quote on line 3 is rejected at line 2, naming line 3.
    const later = records('a,b\n"x\ny",z,"q\nw\n');
    expect(later.map((x) => [x.line, x.fault?.reason])).toEqual([
      [1, undefined],
      [2, 'has a quote opened at line 3 that is never closed: this line and every line after it are rejected'],
      [3, 'lies inside the quote opened at line 3 that is never closed'],
      [4, 'lies inside the quote opened at line 3 that is never closed'],
    ]);
  });

  it('refuses a NUL anywhere as binary data, naming the line', () => {
    expect(() => records('a,b\n1,2\n3,\u0000\n')).toThrow(ExportReadError);
    expect(() => records('a,b\n1,2\n3,\u0000\n')).toThrow('t.csv: looks like a binary file (a NUL byte at line 3), expected a CSV export');
  });

  it('rejects a record holding a byte-order mark inside the file', () => {
    expect(records('a,b\n\ufeffa,b\n1,2\n')[1]).toEqual({
      fields: [],
      line: 2,
      lines: 1,
      fault: {
        column: 1,
        value: '\ufeffa',
        reason: 'holds a byte-order mark (U+FEFF) inside the file: two exports joined, or a stray mark',
      },
      truncated: 0,
    });
  });

  it('rejects a record holding bytes that are not UTF-8, naming the field and showing the bytes', () => {
    const d = new EscapingUtf8Decoder();
    const text = d.write(Buffer.from('id,title\n1,Caf\xe9 \xff\n2,Café\n', 'latin1')) + d.end();
    // 'Café' in the last row was written as Latin-1 too (é = E9): rejected likewise.
    const r = records(text);
    expect(r[1]).toEqual({
      fields: [],
      line: 2,
      lines: 1,
      fault: {
        column: 2,
        value: 'Caf\\xE9 \\xFF',
        reason: "holds bytes that are not valid UTF-8 (\\xE9 \\xFF); check the file's encoding",
      },
      truncated: 0,
    });
    const utf8 = d.write(Buffer.from('id,title\n1,Café 接口\n')) + d.end();
    expect(records(utf8)[1]).toEqual(ok(['1', 'Café 接口'], 2));
  });

  it('cuts a field over the limit with a marker and counts it', () => {
    const long = 'x'.repeat(MAX_FIELD_CHARS + 10);
    const r = records(`a,b\n1,"${long}"\n2,${long}\n`, [10, 20_000]);
    const cut = `${'x'.repeat(MAX_FIELD_CHARS)}${truncationMark(MAX_FIELD_CHARS + 10)}`;
    expect(r[1]).toEqual({ fields: ['1', cut], line: 2, lines: 1, fault: null, truncated: 1 });
    expect(r[2]).toEqual({ fields: ['2', cut], line: 3, lines: 1, fault: null, truncated: 1 });
    expect(truncationMark(20)).toBe(` [… cut: 20 characters, over the ${MAX_FIELD_CHARS}-character limit]`);
  });

  it('notes a bare CR on its record by column; a CR LF line end and a CR inside quotes are none', () => {
    // Line 1 ends in CR LF; line 2 holds a bare CR in its first field; line 3 a CR inside quotes, then CR LF.
    expect(records('a,b\r\nx\ry,z\n"p\rq",r\r\n')).toEqual([
      ok(['a', 'b'], 1),
      { ...ok(['x\ry', 'z'], 2), bareCr: 1 },
      ok(['p\rq', 'r'], 3),
    ]);
    // A CR LF cut between two pushes is still a line end; a CR after a closing quote with text after it is bare.
    expect(records('a,b\r\nc,d\n', [3])).toEqual([ok(['a', 'b'], 1), ok(['c', 'd'], 2)]);
    expect(records('a,"b"\rc\n')[0]?.bareCr).toBe(2);
  });

  it('in the header line, a bare CR is a file error, thrown as soon as it is seen', () => {
    // A file of old Mac line ends (CR only): its header would otherwise run to the end of the file.
    const seen: CsvRecord[] = [];
    const t = new CsvTokenizer('t.csv', ',', 1, (r) => seen.push(r), undefined, true);
    t.push('\n\ntime,status\r');
    expect(() => t.push('2026-09-01 00:00,up\r')).toThrow(
      new ReviewError(
        't.csv:3:2: the header line holds a bare CR (a CR without an LF: old Mac line ends), expected lines that end in LF or CR LF; save the export with LF or CR LF line ends',
      ),
    );
    expect(seen).toEqual([]);
    // After the header, a bare CR is only noted on its record.
    const after = new CsvTokenizer('t.csv', ',', 1, (r) => seen.push(r), undefined, true);
    after.push('a,b\r\nx\ry,z\n');
    after.end();
    expect(seen).toEqual([ok(['a', 'b'], 1), { ...ok(['x\ry', 'z'], 2), bareCr: 1 }]);
  });

  it('accounts for every line: records cover each non-blank line once', () => {
    const alphabet = fc.constantFrom('a', ',', '"', '\n', '\r', ' ', '\ufeff', '\udce9');
    assertProperty(
      fc.property(
        fc.array(alphabet, { maxLength: 60 }).map((a) => a.join('')),
        (text) => {
          expect(uncoveredLines(text, records(text))).toEqual([]);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('reads the same whatever the chunk boundaries', () => {
    const alphabet = fc.constantFrom('a', 'é', ',', '"', '\n', '\r', ' ', '\t', '\ufeff', '\udce9', '😀');
    assertProperty(
      fc.property(
        fc.array(alphabet, { maxLength: 60 }).map((a) => a.join('')),
        fc.array(fc.nat(60), { maxLength: 6 }),
        (text, cuts) => {
          expect(
            records(
              text,
              cuts.map((c) => Math.min(c, text.length)),
            ),
          ).toEqual(records(text));
        },
      ),
      { numRuns: 400 },
    );
  });

  it("gives csv-parse's records on RFC 4180 text", () => {
    const field = fc.array(fc.constantFrom('a', 'b', ' ', ',', '"', '\n', '\r\n', 'é', '接'), { maxLength: 6 }).map((a) => a.join(''));
    const write = (f: string) => (/[",\r\n]/.test(f) || f.startsWith(' ') ? `"${f.replaceAll('"', '""')}"` : f);
    assertProperty(
      fc.property(
        fc.array(fc.array(field, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        (rows, eol, finalEol) => {
          const text = rows.map((r) => r.map(write).join(',')).join(eol) + (finalEol ? eol : '');
          const expected = parse(text, {
            relax_column_count: true,
            skip_empty_lines: true,
            record_delimiter: ['\r\n', '\n'],
          }) as string[][];
          expect(records(text).map((r) => r.fields)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});

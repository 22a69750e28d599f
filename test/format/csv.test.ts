import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, csvRecord, neutraliseFormula, toCsv } from '../../src/lib/format/csv.ts';
import { parseCsv } from '../browser/read-csv.ts';
import { assertProperty } from '../helpers/property.ts';

describe('csvField', () => {
  it('quotes fields with commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('中文标题')).toBe('中文标题');
  });

  it('neutralises text that a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField('+1 555 0100')).toBe("'+1 555 0100");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tcmd')).toBe("'\tcmd");
    expect(csvField('\r=1')).toBe(`"'\r=1"`);
    // Only the start matters.
    expect(csvField('a=b')).toBe('a=b');
    expect(neutraliseFormula("'already")).toBe("'already");
  });

  it('writes computed numbers as numbers, negative ones included, and text that looks numeric as text', () => {
    expect(csvField(-3.5)).toBe('-3.5');
    expect(csvField(0.99912)).toBe('0.99912');
    expect(csvField('-3.5')).toBe("'-3.5");
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField(Number.POSITIVE_INFINITY)).toBe('');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(true)).toBe('true');
  });
});

describe('toCsv', () => {
  it('starts with a BOM, ends every record with CRLF, and refuses ragged rows', () => {
    const text = toCsv({
      header: ['a', 'b'],
      rows: [
        [1, 'x'],
        [null, 'y,z'],
      ],
    });
    expect(text).toBe('\uFEFFa,b\r\n1,x\r\n,"y,z"\r\n');
    expect(() => toCsv({ header: ['a'], rows: [[1, 2]] })).toThrow(/2 fields/);
  });

  it('round-trips any text: what a reader gets back is the text, with a quote prefixed only before a formula start', () => {
    assertProperty(
      fc.property(fc.array(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 2, maxLength: 2 }), { maxLength: 5 }), (rows) => {
        const parsed = parseCsv(toCsv({ header: ['h1', 'h2'], rows }));
        expect(parsed[0]).toEqual(['h1', 'h2']);
        expect(parsed.slice(1)).toEqual(rows.map((r) => r.map((v) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v))));
        // No field a spreadsheet would evaluate.
        for (const r of parsed.slice(1)) for (const v of r) expect(v).not.toMatch(/^[=+\-@\t\r]/);
      }),
    );
  });

  it('keeps a record on one logical row when the text holds line breaks', () => {
    const line = csvRecord(['a\r\nb', 'c']);
    expect(parseCsv(`${line}\r\n`)).toEqual([['a\r\nb', 'c']]);
  });
});

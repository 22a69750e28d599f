/**
 * The white space a cell is trimmed of and a word folds (model/cell-space.ts) is written out as one
 * list, CELL_SPACE, so the SQL recipes can be generated from it (test/rollup/recipe-cells.test.ts).
 * The reader used JavaScript's own trim() and `\s` before: the list must be exactly that set, over
 * every code point, and trimCell and normWord must read every cell as they did, so moving the reader
 * onto the list changes no review.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CELL_SPACE, cellSpaceClass, SPACE_RUN, trimCell } from '../../src/lib/model/cell-space.ts';
import { normWord } from '../../src/lib/model/value-maps.ts';
import { KEPT_SPACE_LIKE as KEPT } from '../helpers/cell-samples.ts';
import { assertProperty, SEEDS } from '../helpers/property.ts';

describe('CELL_SPACE', () => {
  it("is exactly the code points JavaScript's trim() removes and \\s matches", () => {
    const trimmed: number[] = [];
    const spaces: number[] = [];
    for (let c = 0; c <= 0x10ffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const s = String.fromCodePoint(c);
      if (s.trim() === '') trimmed.push(c);
      if (/^\s$/u.test(s)) spaces.push(c);
    }
    expect(trimmed).toEqual(CELL_SPACE);
    expect(spaces).toEqual(CELL_SPACE);
    // ECMA-262 WhiteSpace and LineTerminator: 6 ASCII, U+00A0, U+1680, the 11 of U+2000–U+200A, U+2028, U+2029, U+202F,
    // U+205F, U+3000 and U+FEFF: 25 code points.
    expect(CELL_SPACE).toHaveLength(25);
    for (const k of KEPT) expect(CELL_SPACE).not.toContain(k.codePointAt(0));
  });

  it('gives a character class with ranges for its runs', () => {
    expect(cellSpaceClass((c) => c.toString(16))).toBe('[9-d20a016802000-200a2028-2029202f205f3000feff]');
    expect('a\u00a0\u3000b\u200bc'.replace(SPACE_RUN, ' ')).toBe('a b\u200bc');
  });

  it('trimCell and normWord read a cell as trim() and the earlier normWord did (fixed seeds)', () => {
    console.log(`cell-space: fast-check seeds ${SEEDS[0]}…${SEEDS[SEEDS.length - 1]} (FC_SEEDS for more)`);
    const chars = [...CELL_SPACE.map((c) => String.fromCodePoint(c)), ...KEPT, 'a', 'É', ' ', '探'];
    const text = fc.array(fc.constantFrom(...chars), { maxLength: 8 }).map((a) => a.join(''));
    assertProperty(
      fc.property(text, (s) => {
        expect(trimCell(s)).toBe(s.trim());
        expect(normWord(s)).toBe(s.trim().replace(/\s+/g, ' ').toLowerCase());
      }),
      { numRuns: 500 },
    );
  });

  it('trims the list only (hand-worked)', () => {
    expect(trimCell('\u00a0 eu\u3000\ufeff')).toBe('eu');
    expect(trimCell('\u200beu')).toBe('\u200beu');
    expect(trimCell('\t\n\u000b\u000c\r')).toBe('');
    expect(normWord('\u2003Web\u00a0\u3000Shop\u2029')).toBe('web shop');
    const same = 'eu';
    expect(trimCell(same)).toBe(same);
  });
});

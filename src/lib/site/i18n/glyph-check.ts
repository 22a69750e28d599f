/**
 * The glyph test's pure half (issue #16): which Chinese characters a browser drew as the
 * missing-glyph box. The browser test draws each character of a page's Chinese text on a canvas
 * in the page's font, and also U+0378 (unassigned, so every font draws its .notdef box), and
 * passes each drawing's pixel signature here; a character drawn exactly like the box has no glyph.
 */

/** Han ideographs and CJK punctuation, the characters a CJK font must supply. */
const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/gu;

/** The character a test draws for the .notdef box: unassigned in every Unicode version so far. */
export const NOTDEF_PROBE = '\u0378';

/** A text's CJK characters, each once, in the order they first appear (what the test draws). */
export function cjkCharacters(text: string): string[] {
  return [...new Set(text.match(CJK) ?? [])];
}

/**
 * The characters drawn as the missing-glyph box.
 * @param signatures character → signature of its drawing (e.g. a hash of the canvas pixels)
 * @param notdef the signature of NOTDEF_PROBE drawn the same way
 * @example tofuCharacters(new Map([['登', 'a'], ['录', 'box']]), 'box') // ['录']
 */
export function tofuCharacters(signatures: ReadonlyMap<string, string>, notdef: string): string[] {
  return [...signatures].filter(([, s]) => s === notdef).map(([c]) => c);
}

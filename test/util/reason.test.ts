/**
 * Reasons that keep the exported texts they quote apart from the tool's words (src/lib/util/reason.ts):
 * the examples of its doc comments, and the rendering rules (quotes, the 60-character cut after `show`).
 */
import { describe, expect, it } from 'vitest';
import { quoted, reason, reasonText, words } from '../../src/lib/util/reason.ts';

describe('reason', () => {
  it('puts every unmarked part in the words and every quoted() part apart', () => {
    expect(reason`expected a value from ${0} to ${9007199254740991}, got ${quoted('-5')}`).toEqual({
      words: ['expected a value from 0 to 9007199254740991, got ', ''],
      quoted: ['-5'],
    });
    expect(reason`unknown service ${quoted('x')} reads like "${'x-id'}": add ${quoted('x')}`).toEqual({
      words: ['unknown service ', ' reads like "x-id": add ', ''],
      quoted: ['x', 'x'],
    });
    expect(words('required ticket id is empty')).toEqual({ words: ['required ticket id is empty'], quoted: [] });
  });

  it('renders quoted texts in double quotes, through `show`, cut after it', () => {
    const r = reason`unknown priority ${quoted('P9')}; add it`;
    expect(reasonText(r)).toBe('unknown priority "P9"; add it');
    expect(reasonText(r, () => '…')).toBe('unknown priority "…"; add it');
    expect(reasonText(r, (t) => t.toLowerCase())).toBe('unknown priority "p9"; add it');
    // The cut comes after `show`: the shown text, when over 80 characters, is cut.
    const long = reason`got ${quoted('x'.repeat(100))}`;
    // Cut as the value column is (clip-value.ts): 77 characters and an ellipsis.
    expect(reasonText(long)).toBe(`got "${'x'.repeat(77)}…"`);
    expect(reasonText(long, () => 'short')).toBe('got "short"');
  });
});

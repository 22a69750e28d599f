/**
 * Sentences with a link or mark inside them (issue #16): a dictionary message writes `{0}`, `{1}`
 * where the page puts an element, so each language orders its words around the link its own way
 * ("Superseded by {0} on 2026-11-02" / "已于 2026-11-02 被 {0} 取代"). slots() cuts the text
 * at those places; the component renders each number as its element.
 * @example slots('See {0} and {1}.') // ['See ', 0, ' and ', 1, '.']
 */
export function slots(text: string): Array<string | number> {
  return text.split(/\{(\d)\}/).flatMap((part, i): Array<string | number> => (i % 2 === 1 ? [Number(part)] : part === '' ? [] : [part]));
}

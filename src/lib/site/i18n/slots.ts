/**
 * Texts the browser completes (issue #16): a chart's words ("Target {0}", "availability {0} ({1})")
 * and the print date ("printed {0}") travel to the page as text, and its script puts a figure it
 * formats there at `{0}`, `{1}`, so each language orders its words around the figure its own way.
 * slots() cuts the text at those places. A link or mark inside a sentence of a page is not a slot
 * but a rich-text mark, `[text](0)` or `**text**` (rich-text.ts, RichText.astro).
 * @example slots('Target {0} ({1})') // ['Target ', 0, ' (', 1, ')']
 */
export function slots(text: string): Array<string | number> {
  return text.split(/\{(\d)\}/).flatMap((part, i): Array<string | number> => (i % 2 === 1 ? [Number(part)] : part === '' ? [] : [part]));
}

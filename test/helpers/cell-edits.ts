/**
 * A cell broken by a few edits, for generators of malformed values: each edit replaces, inserts or
 * deletes one character at a position (taken modulo the text's length + 1), in order.
 * @example applyEdits('09:05', [[1, 'replace', ' ']]) // '0 :05'
 */
export type CellEdit = readonly [at: number, how: 'replace' | 'insert' | 'delete', c: string];

export function applyEdits(cell: string, edits: readonly CellEdit[]): string {
  let s = cell;
  for (const [at, how, c] of edits) {
    const i = at % (s.length + 1);
    s =
      how === 'replace'
        ? s.slice(0, i) + c + s.slice(i + 1)
        : how === 'insert'
          ? s.slice(0, i) + c + s.slice(i)
          : s.slice(0, i) + s.slice(i + 1);
  }
  return s;
}

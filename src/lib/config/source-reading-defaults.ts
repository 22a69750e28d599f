/**
 * The defaults of a source's reading keys, in one place: the schema fills them in, and the
 * cross-reference check (cross-references.ts) passes over a key at its default on kinds where the
 * key does not apply, since on the parsed config it cannot tell a default from a written value.
 */
export const SOURCE_READING_DEFAULTS = {
  epochUnit: 'auto',
  ambiguous: 'reject',
  delimiter: 'auto',
  encoding: 'auto',
} as const;

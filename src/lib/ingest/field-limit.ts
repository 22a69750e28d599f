/**
 * The reader's field length limit (docs/reading-exports.md), apart from the reader so that the
 * line loop on worker threads can hand long lines over without loading the general reader.
 */

/** Longest field kept whole, in UTF-16 code units; longer ones are cut there and end in truncationMark. */
export const MAX_FIELD_CHARS = 16_384;

/** What ends a cut field: how many characters the export had in it. */
export const truncationMark = (total: number) => ` [… cut: ${total} characters, over the ${MAX_FIELD_CHARS}-character limit]`;

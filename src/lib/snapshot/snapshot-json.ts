/** Stable JSON text of a snapshot or revision (two-space indent, trailing newline): the bytes on disk and in downloads. */
export function snapshotJson(s: unknown): string {
  return `${JSON.stringify(s, null, 2)}\n`;
}

/**
 * Which commentary files a build loads: every content/reviews/*.mdx and <pinnedDir>/<period>/r*.mdx.
 * The site integration lists them for Astro; `check` reads the same list, so a file the build would
 * load is checked whatever its name.
 */
import { type Dirent, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The commentary files of a review, as the commentary module lists them (sorted, so a build is the same
 * whatever order the file system gives): content/reviews/*.mdx, and <pinnedDir>/<period>/r*.mdx.
 */
export function commentaryFiles(options: { contentDir: string; pinnedDir: string }): { reviews: string[]; pinned: string[] } {
  // As a glob would: files, or links to files.
  const mdxIn = (dir: string, name: RegExp) =>
    entriesOf(dir)
      .filter((f) => name.test(f.name) && (f.isFile() || (f.isSymbolicLink() && isFileAt(join(dir, f.name)))))
      .map((f) => join(dir, f.name))
      .sort();
  const periods = entriesOf(options.pinnedDir)
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  return {
    reviews: mdxIn(options.contentDir, /^[^.].*\.mdx$/),
    pinned: periods.flatMap((p) => mdxIn(join(options.pinnedDir, p), /^r[^/]*\.mdx$/)),
  };
}

/** A folder's entries; none when the folder does not exist (a review without commentary). */
function entriesOf(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
}

/** Whether a path leads to a file (a link to a file does; a dangling link does not). */
function isFileAt(file: string): boolean {
  return statSync(file, { throwIfNoEntry: false })?.isFile() === true;
}

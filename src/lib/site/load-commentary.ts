/**
 * The commentary a build renders: the analysts' files (content/reviews/<period>.mdx and
 * <period>.<locale>.mdx) and the commentary each published revision pinned (<pinnedDir>/<period>/r<N>.mdx,
 * written by pinned-commentary.ts). The site integration lists both folders in a virtual module whose
 * entries import each file through the MDX integration; here each file's front matter is checked
 * against its schema (commentary-schema.ts), every problem of every analyst's file listed at once; a
 * pinned file's problems go with its entry, for its page to report (it cannot be corrected).
 *
 * Not Astro's content collections: their sync started a Vite server of its own at every build, commentary
 * or not (1.0–1.4 s of the benchmark archive's site half, docs/benchmarks.md), for what is here a folder
 * listing and an import per file.
 *
 * A build reads them once (every period page asks); the dev server on each request, so an edited
 * commentary shows at once.
 */
import { type CommentaryFile, pinned, reviews } from 'virtual:service-review/commentary';
import { commentaryFrontMatter, frontMatterOf, type PinnedCommentaryData, pinnedFrontMatterOf } from './commentary-schema.ts';

type Commentary = 'reviews' | 'pinned';
type CommentaryModule = Awaited<ReturnType<CommentaryFile['load']>>;

/** One commentary file: where it is, its front matter, and its text as a component. */
export interface CommentaryEntry {
  /** The file's full path. */
  filePath: string;
  /** Its front matter, validated (defaults filled in; a pinned file's summary is null when it did not fit). */
  data: PinnedCommentaryData;
  /**
   * A pinned file's front matter that does not fit, one line per problem, and what its pages show
   * instead: a published revision cannot be corrected, so its page decides whether that fails the
   * build (commentary-figures.ts: pinnedFrontMatterOutcome). Empty for the analysts' files, whose
   * problems fail the build here.
   */
  problems: string[];
  shownInstead: string[];
  /** The MDX body, rendered with the page's commentary components (<Figure>, <Trend>, <RecurringIssues>). */
  Content: CommentaryModule['default'];
}

const read = new Map<Commentary, Promise<CommentaryEntry[]>>();

/** The entries of a commentary: once per build, on each call in the dev server. */
export function commentaryEntries(name: Commentary): Promise<CommentaryEntry[]> {
  if (!import.meta.env.PROD) return loadEntries(name);
  let entries = read.get(name);
  if (!entries) {
    entries = loadEntries(name);
    read.set(name, entries);
  }
  return entries;
}

async function loadEntries(name: Commentary): Promise<CommentaryEntry[]> {
  const files = name === 'reviews' ? reviews : pinned;
  const loaded = await Promise.all(files.map(async (f) => ({ filePath: f.filePath, mod: await f.load() })));
  const problems: string[] = [];
  const entries: CommentaryEntry[] = [];
  for (const { filePath, mod } of loaded) {
    if (name === 'pinned') {
      const pinnedData = pinnedFrontMatterOf(mod.frontmatter, filePath);
      entries.push({ filePath, ...pinnedData, Content: mod.default });
      continue;
    }
    const checked = frontMatterOf(commentaryFrontMatter, mod.frontmatter, filePath);
    if ('problems' in checked) problems.push(...checked.problems);
    else entries.push({ filePath, data: checked.data, problems: [], shownInstead: [], Content: mod.default });
  }
  if (problems.length > 0) {
    throw new Error(
      `${problems.length} problem${problems.length === 1 ? '' : 's'} in the commentary's front matter:\n${problems.map((p) => `  ${p}`).join('\n')}`,
    );
  }
  return entries;
}

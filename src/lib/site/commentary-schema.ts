/**
 * The front matter of an analyst's commentary (content/reviews/<period>.mdx, <period>.<locale>.mdx)
 * and of the commentary a published revision pinned (<pinnedDir>/<period>/r<N>.mdx): the schema is
 * the data dictionary, and every problem of every file is listed at once (load-commentary.ts).
 */
import { z } from 'zod';
import { formatIssues, formatPath, issueMessage } from '../util/format-zod-issues.ts';

/**
 * A period's commentary, as an analyst writes it. An unknown key is an error, so a misspelt one
 * (`autor:`) is not silently left out of the page.
 */
export const commentaryFrontMatter = z.strictObject({
  /** The period the commentary belongs to (a month, quarter or year), e.g. 2026-10. */
  period: z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]))?$/, 'expected a period like 2026-10, 2026-Q4 or 2026'),
  /** Heading of the commentary section. */
  title: z.string().default('Commentary'),
  /** One or two sentences shown on the home page and the period page. */
  summary: z.string(),
  /** Who wrote it. */
  author: z.string().optional(),
});

/**
 * A published revision's pinned commentary: what the analyst's file held when the revision was
 * published. Keys the schema does not know are left out rather than refused: a revision cannot be
 * corrected once published, and its readers saw the page without them.
 */
export const pinnedFrontMatter = z.object({
  ...commentaryFrontMatter.shape,
  /** The period, as the file held it. */
  period: z.string(),
});

export type CommentaryData = z.output<typeof commentaryFrontMatter>;

/**
 * The front matter of one file, validated: its data, or one line per problem. Given `lineOf` (where
 * a key sits in the file, null when it is missing: check and publish read the file's text), each line
 * names the line of its key, of the opening fence when the key is missing, in the order of the file
 * (`file:3 summary: Invalid input: expected string, got 42`, `file:4 front matter: unknown key "autor";
 * did you mean author?`); without it (the build, which gets the front matter parsed), the file alone
 * (`file: front matter summary: Invalid input: expected string (missing)`).
 * @example frontMatterOf(commentaryFrontMatter, { period: '2026-10', summary: 'Calm month.' }, 'content/reviews/2026-10.mdx')
 * // { data: { period: '2026-10', title: 'Commentary', summary: 'Calm month.' } }
 */
export function frontMatterOf(
  schema: typeof commentaryFrontMatter | typeof pinnedFrontMatter,
  raw: unknown,
  file: string,
  lineOf?: (path: readonly PropertyKey[]) => number | null,
): { data: CommentaryData } | { problems: string[] } {
  const parsed = schema.safeParse(raw ?? {});
  if (parsed.success) return { data: parsed.data };
  if (!lineOf) return { problems: formatIssues(parsed.error.issues, raw ?? {}, schema).map((line) => `${file}: front matter ${line}`) };
  // An unknown key is named on its own line, so each unknown key is one issue.
  const issues = parsed.error.issues.flatMap(
    (issue): Array<{ issue: z.core.$ZodIssue; at: readonly PropertyKey[] }> =>
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => ({ issue: { ...issue, keys: [key] }, at: [...issue.path, key] }))
        : [{ issue, at: issue.path }],
  );
  const located = issues.map(({ issue, at }) => ({
    line: lineOf(at) ?? 1,
    text: `${issue.path.length === 0 ? 'front matter' : formatPath(issue.path)}: ${issueMessage(issue, raw ?? {}, schema)}`,
  }));
  const lines = located.sort((a, b) => a.line - b.line).map((p) => `${file}:${p.line} ${p.text}`);
  return { problems: [...new Set(lines)] };
}

/** A pinned commentary's front matter as its pages show it: a summary that did not fit is shown as none. */
export type PinnedCommentaryData = Omit<CommentaryData, 'summary'> & { summary: string | null };

/** What a page shows for each key of a pinned front matter that does not fit. */
const SHOWN_INSTEAD = {
  period: 'the period of its revision',
  title: 'the heading "Commentary"',
  summary: 'no summary',
  author: 'no author',
} as const;

/**
 * A pinned commentary's front matter, validated key by key, so its page can always be built: a
 * key that does not fit (a summary missing from a revision pinned before publish checked it) is
 * named in `problems`, and the page shows `shownInstead` in its place. Whether that fails the build
 * (the latest revision: publish a corrected one) or warns (a superseded one, which can never
 * change) is for the page to say (commentary-figures.ts: pinnedFrontMatterOutcome).
 * @example pinnedFrontMatterOf({ period: '2026-10' }, 'pinned/2026-10/r1.mdx')
 * // { data: { period: '2026-10', title: 'Commentary', summary: null }, problems: ['pinned/2026-10/r1.mdx: front matter summary: …'], shownInstead: ['no summary'] }
 */
export function pinnedFrontMatterOf(
  raw: unknown,
  file: string,
): { data: PinnedCommentaryData; problems: string[]; shownInstead: string[] } {
  const checked = frontMatterOf(pinnedFrontMatter, raw, file);
  if ('data' in checked) return { data: checked.data, problems: [], shownInstead: [] };
  const fields = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const shape = pinnedFrontMatter.shape;
  const period = shape.period.safeParse(fields.period);
  const title = shape.title.safeParse(fields.title);
  const summary = shape.summary.safeParse(fields.summary);
  const author = shape.author.safeParse(fields.author);
  const data: PinnedCommentaryData = {
    period: period.success ? period.data : '',
    title: title.success ? title.data : 'Commentary',
    summary: summary.success ? summary.data : null,
    ...(author.success && author.data !== undefined ? { author: author.data } : {}),
  };
  const fit = { period: period.success, title: title.success, summary: summary.success, author: author.success };
  const shownInstead = (Object.keys(SHOWN_INSTEAD) as Array<keyof typeof SHOWN_INSTEAD>)
    .filter((k) => !fit[k])
    .map((k) => SHOWN_INSTEAD[k]);
  return { data, problems: checked.problems, shownInstead };
}

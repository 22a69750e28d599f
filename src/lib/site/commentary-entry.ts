/**
 * Which content entry a page in one language renders as a period's commentary (issue #16): the
 * entries are Astro's (`reviews`: content/reviews/2026-10.mdx and 2026-10.zh-CN.mdx; `pinned`:
 * <period>/r2.mdx and r2.zh-CN.mdx), the choice is resolveCommentary's, so a language without its
 * own file shows another's with a notice.
 */
import type { Locale } from '../model/locales.ts';
import { type CommentaryChoice, resolveCommentary } from './i18n/commentary-locale.ts';

/**
 * The locale suffix of an entry's file if it is the given commentary: null for the file without
 * one, 'zh-CN' for a `.zh-CN` file, undefined when the file is another's.
 * @param stem the file name before the locale and `.mdx`: '2026-10' (current) or 'r2' (pinned)
 * @param folder for pinned files, the period folder the file must be in
 * @example entryLocale('content/reviews/2026-10.zh-CN.mdx', '2026-10') // 'zh-CN'
 */
export function entryLocale(filePath: string | undefined, stem: string, folder?: string): string | null | undefined {
  if (!filePath) return undefined;
  const parts = filePath.split(/[\\/]/);
  if (folder !== undefined && parts[parts.length - 2] !== folder) return undefined;
  const name = parts[parts.length - 1] ?? '';
  if (name === `${stem}.mdx`) return null;
  const m = /^(.+)\.([^.]+)\.mdx$/.exec(name);
  return m && m[1] === stem ? (m[2] ?? undefined) : undefined;
}

/** The entry a page in `locale` shows among a commentary's files, with the choice (fallback or not). */
export function chooseEntry<E extends { filePath?: string | undefined }>(
  entries: readonly E[],
  stem: string,
  folder: string | undefined,
  locale: Locale,
  locales: readonly Locale[],
): { entry: E; choice: CommentaryChoice } | undefined {
  const mine = entries.flatMap((e) => {
    const l = entryLocale(e.filePath, stem, folder);
    return l === undefined ? [] : [{ e, l }];
  });
  const choice = resolveCommentary(
    mine.map((m) => m.l),
    locales,
  ).choices[locale];
  if (!choice) return undefined;
  const found = mine.find((m) => m.l === choice.fileLocale);
  return found ? { entry: found.e, choice } : undefined;
}

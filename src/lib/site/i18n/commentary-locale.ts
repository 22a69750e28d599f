/**
 * Which commentary file each language's page shows (issue #16). A period's commentary is
 * content/reviews/<period>.mdx, written in the review's first (default) locale, plus one file per
 * other language, <period>.<locale>.mdx (snapshot/commentary-files.ts reads them; publishing pins
 * them all, r<N>.mdx and r<N>.<locale>.mdx, so this works the same for a revision's pinned files).
 * A page whose language has no file shows another configured language's text with a notice.
 */
import { isLocale, type Locale } from '../../model/locales.ts';
import { defaultLocale } from './locale-path.ts';

/** What one language's page of a period shows. */
export interface CommentaryChoice {
  /** The file's locale suffix: null for <period>.mdx, else e.g. "zh-CN" for <period>.zh-CN.mdx. */
  fileLocale: string | null;
  /** The language the text is written in. */
  language: Locale;
  /** Whether the page's own language has no commentary, so another's is shown with a notice. */
  fallback: boolean;
}

export interface CommentaryResolution {
  /** Per configured locale: the file its page shows, or null when the period has no commentary. */
  choices: Partial<Record<Locale, CommentaryChoice | null>>;
  /** Files no page shows, with why (for `check` to report; nothing is dropped silently). */
  unused: Array<{ fileLocale: string | null; reason: string }>;
}

/**
 * Resolves a period's commentary files to pages.
 * @param fileLocales the locale suffixes of the period's files (null for the file without one)
 * @param locales the review's locales, the first the default
 * @example resolveCommentary([null], ['zh-CN', 'en']).choices.en // { fileLocale: null, language: 'zh-CN', fallback: true }
 */
export function resolveCommentary(fileLocales: ReadonlyArray<string | null>, locales: readonly Locale[]): CommentaryResolution {
  const first = defaultLocale(locales);
  const byLanguage = new Map<Locale, string | null>();
  const unused: CommentaryResolution['unused'] = [];
  // The bare file first: it is the default language's, and an explicit <period>.<default>.mdx beside it is the duplicate.
  const ordered = [...fileLocales].sort((a, b) => (a === null ? -1 : b === null ? 1 : 0));
  for (const suffix of ordered) {
    const language: string = suffix ?? first;
    if (!isLocale(language) || !locales.includes(language)) {
      unused.push({ fileLocale: suffix, reason: `${language} is not one of the review's locales (${locales.join(', ')})` });
    } else if (byLanguage.has(language)) {
      unused.push({
        fileLocale: suffix,
        reason: `a second ${language} commentary: the file without a locale is already in ${first}, the review's first locale`,
      });
    } else byLanguage.set(language, suffix);
  }
  const choices: CommentaryResolution['choices'] = {};
  for (const page of locales) {
    const language = [page, ...locales.filter((l) => l !== page)].find((l) => byLanguage.has(l));
    choices[page] = language === undefined ? null : { fileLocale: byLanguage.get(language) ?? null, language, fallback: language !== page };
  }
  return { choices, unused };
}

/** The commentary file of a period in a language: 2026-10.mdx in the default locale, 2026-10.zh-CN.mdx otherwise. */
export function commentaryFileName(period: string, locale: Locale, locales: readonly Locale[]): string {
  return locale === defaultLocale(locales) ? `${period}.mdx` : `${period}.${locale}.mdx`;
}

/** A commentary file no page shows, with why: `check` warns about each. */
export interface UnusedCommentary {
  /** The file, as the commentary reader records it (relative to the review folder). */
  file: string;
  reason: string;
}

/**
 * The commentary files of every period that no page shows (resolveCommentary's `unused`), so a
 * translation written for a language the review does not build is reported, never silently left out.
 * @param commentary period id → its files with their locale suffix (snapshot/commentary-files.ts)
 * @example unusedCommentary(new Map([['2026-10', [{ file: 'content/reviews/2026-10.zh-CN.mdx', locale: 'zh-CN' }]]]), ['en'])
 *   // [{ file: 'content/reviews/2026-10.zh-CN.mdx', reason: "zh-CN is not one of the review's locales (en)" }]
 */
export function unusedCommentary(
  commentary: ReadonlyMap<string, ReadonlyArray<{ file: string; locale: string | null }>>,
  locales: readonly Locale[],
): UnusedCommentary[] {
  return [...commentary.values()].flatMap((files) =>
    resolveCommentary(
      files.map((f) => f.locale),
      locales,
    ).unused.map((u) => ({ file: files.find((f) => f.locale === u.fileLocale)?.file ?? String(u.fileLocale), reason: u.reason })),
  );
}

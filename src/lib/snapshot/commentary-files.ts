/**
 * The analysts' commentary of a period as files: content/reviews/<period>.mdx, and one file per
 * other language, <period>.<locale>.mdx (e.g. 2026-10.zh-CN.mdx). Publishing pins their source in
 * the revision, so a revision's page shows the words its readers saw.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { PinnedCommentary } from './revisions.ts';

const COMMENTARY_FILE = /^(\d{4}-(?:0[1-9]|1[0-2]|Q[1-4])|\d{4})(?:\.([a-z]{2}(?:-[A-Z]{2})?))?\.mdx$/;

/**
 * Every period's commentary files, read now.
 * @param contentDir the commentary folder (content/reviews)
 * @param relativeTo the review folder: `file` is recorded relative to it, with forward slashes
 * @returns period id → its commentary, the file without a locale first, then by locale
 */
export function readCommentary(contentDir: string, relativeTo: string): Map<string, PinnedCommentary[]> {
  const out = new Map<string, PinnedCommentary[]>();
  if (!existsSync(contentDir)) return out;
  for (const name of readdirSync(contentDir).sort()) {
    const m = COMMENTARY_FILE.exec(name);
    if (!m) continue;
    const file = path.join(contentDir, name);
    const entry: PinnedCommentary = {
      file: path.relative(relativeTo, file).split(path.sep).join('/'),
      locale: m[2] ?? null,
      source: readFileSync(file, 'utf8'),
    };
    const list = out.get(m[1] as string) ?? [];
    list.push(entry);
    list.sort((a, b) => (a.locale === b.locale ? 0 : a.locale === null ? -1 : b.locale === null ? 1 : a.locale < b.locale ? -1 : 1));
    out.set(m[1] as string, list);
  }
  return out;
}

/**
 * The commentary as a revision pins it: the file without a locale suffix recorded in the language
 * it is written in, the review's first locale now. Left to the suffix, it would be read in whatever
 * language is first when a page is built, so reordering `review.locales` would show a published
 * revision's English words as its Chinese commentary.
 * @example pinnedLanguages([{ file: 'content/reviews/2026-10.mdx', locale: null, source: '…' }], 'en')[0].locale // 'en'
 */
export function pinnedLanguages(commentary: readonly PinnedCommentary[], firstLocale: string): PinnedCommentary[] {
  // A <period>.<first>.mdx beside the bare file is the duplicate no page shows: both keep what they had.
  if (commentary.some((c) => c.locale === firstLocale)) return [...commentary];
  return commentary.map((c) => (c.locale === null ? { ...c, locale: firstLocale } : c));
}

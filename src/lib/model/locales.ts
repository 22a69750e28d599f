/**
 * The languages a review site can be built in (issue #16). Here, on the model floor, because the
 * config validates `review.locales` against them and the site renders in them.
 */
export const LOCALES = ['zh-CN', 'en'] as const;

/** One of the site's languages, as a BCP 47 tag (also the `<html lang>` and the URL segment). */
export type Locale = (typeof LOCALES)[number];

/** Whether a text names a supported locale (exact spelling: "zh-CN", not "zh-cn"). */
export function isLocale(s: unknown): s is Locale {
  return typeof s === 'string' && (LOCALES as readonly string[]).includes(s);
}

/** A text the config gives once for every language, or per language (`review.name`, `review.organisation`). */
export type TextPerLocale = string | Partial<Record<Locale, string>>;

/**
 * A config text in one language: its own text, else that of the first of `order` (the review's
 * locales) that has one, else that of the first supported locale that has one.
 * @example textIn({ en: 'Service review', 'zh-CN': '服务质量评审' }, 'zh-CN', ['en', 'zh-CN']) // '服务质量评审'
 * @example textIn({ en: 'Service review' }, 'zh-CN', ['zh-CN', 'en']) // 'Service review'
 * @example textIn('Service review', 'zh-CN', ['zh-CN']) // 'Service review'
 */
export function textIn(text: TextPerLocale, locale: Locale, order: readonly Locale[]): string {
  if (typeof text === 'string') return text;
  for (const l of [locale, ...order, ...LOCALES]) {
    const t = text[l];
    if (t !== undefined) return t;
  }
  throw new Error('a text per locale needs at least one locale; the config schema requires it');
}

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

/**
 * The review's name and organisation in the snapshot: as the config gives them, in the review's first
 * language, and when the config gives either per language, resolved for each of the review's languages
 * (textIn's fallback), so the site reads one text per page and never resolves a fallback itself.
 */
import type { ReviewConfig } from '../config/config-schema.ts';
import { type Locale, textIn } from '../model/locales.ts';
import type { PeriodSnapshot } from './snapshot-schema.ts';

type SnapshotReview = PeriodSnapshot['review'];

/**
 * @example reviewNames({ name: { en: 'Service review', 'zh-CN': '服务质量评审' }, locales: ['en', 'zh-CN'] }, 'UTC')
 * // { name: 'Service review', organisation: null, timeZone: 'UTC',
 * //   byLocale: { en: { name: 'Service review', organisation: null }, 'zh-CN': { name: '服务质量评审', organisation: null } } }
 */
export function reviewNames(review: Pick<ReviewConfig['review'], 'name' | 'organisation' | 'locales'>, timeZone: string): SnapshotReview {
  const { name, organisation, locales } = review;
  const first = locales[0] ?? 'en';
  const inLocale = (l: Locale) => ({
    name: textIn(name, l, locales),
    organisation: organisation === undefined ? null : textIn(organisation, l, locales),
  });
  const base = { ...inLocale(first), timeZone };
  if (typeof name === 'string' && (organisation === undefined || typeof organisation === 'string')) return base;
  return { ...base, byLocale: Object.fromEntries(locales.map((l) => [l, inLocale(l)])) };
}

/** The name and organisation a page in `locale` shows (a snapshot without per-language names has one of each). */
export function reviewNamesIn(review: SnapshotReview, locale: Locale): { name: string; organisation: string | null } {
  return review.byLocale?.[locale] ?? review;
}
